"""Getting the app to each screen, the same way for snapshots and behaviour tests."""

from __future__ import annotations

from trainer.core.library import find
from trainer.core.plan import Decision
from trainer.ui.app import FactApp, create_app

# A plain week for the tutorial: most on F, some on A, a little content.
WEEK = Decision(field=30000, alliance=12000, content=8000)
PLAYER = "Li Na"


def tutorial():
    return find("tutorial")[0]


def app(**kwargs) -> FactApp:
    """A still app (no blink, no animation) for stable pictures."""
    return create_app(still=True, **kwargs)


async def settle(pilot) -> None:
    """Let workers, layout and rendering finish (a resize to a breakpoint re-lays the screen)."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


async def to_planning(pilot, scenario=None) -> None:
    """A new game (the tutorial unless told), named without the name prompt."""
    pilot.app.new_session(scenario or tutorial(), PLAYER)
    await settle(pilot)


async def play_weeks(pilot, weeks: int, decision: Decision = WEEK) -> None:
    """From the planning screen, play `weeks` weeks of `decision`, ending on the last one's results."""
    a = pilot.app
    for i in range(weeks):
        a.session.draft = decision
        a.end_turn()
        await pilot.pause()
        if i < weeks - 1:
            a.after_results()
            await pilot.pause()
    await settle(pilot)


async def to_results(pilot, weeks: int = 1) -> None:
    await to_planning(pilot)
    await play_weeks(pilot, weeks)


async def to_end(pilot) -> None:
    await to_results(pilot, weeks=tutorial().turns)
    pilot.app.after_results()
    await settle(pilot)


def sync(test):
    """Run an async test with asyncio.run (the project has no pytest-asyncio)."""
    import asyncio
    import functools

    @functools.wraps(test)
    def wrapper(*args, **kwargs):
        return asyncio.run(test(*args, **kwargs))

    return wrapper
