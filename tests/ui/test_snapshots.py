"""How every screen looks, at 80x24 and at 120x40 (tutorial scenario, fixed plan).

These pictures depend on the tutorial's numbers (scenarios/01-tutorial.toml) and, for
the picker, on 01-tutorial.toml and 02-dairy-gpm.toml (the only two it is shown): regenerate them with
`pytest tests/ui --snapshot-update` after a retune, and look at them before committing.
"""

from __future__ import annotations

import pytest

from tests.ui import helpers as h

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


async def _title(pilot):
    await h.settle(pilot)


async def _picker(pilot):
    pilot.app.action_scenarios()
    await h.settle(pilot)


async def _briefing(pilot):
    pilot.app.show_briefing(h.tutorial())
    await h.settle(pilot)


async def _planning_week2(pilot):
    await h.to_results(pilot, weeks=1)
    pilot.app.after_results()
    await h.settle(pilot)


async def _planning_refused(pilot):
    await h.to_planning(pilot)
    await pilot.click("#amount-field")
    await pilot.press("end", "ctrl+u", *"90000")
    await h.settle(pilot)


async def _history(pilot):
    await h.to_results(pilot, weeks=3)
    pilot.app.action_history()
    await h.settle(pilot)


async def _help(pilot):
    await pilot.press("f1")
    await h.settle(pilot)


async def _quit(pilot):
    await h.to_results(pilot, weeks=1)
    await pilot.press("ctrl+q")
    await h.settle(pilot)


async def _event_week(pilot):
    await h.to_results(pilot, weeks=4)
    pilot.app.after_results()
    await h.settle(pilot)


async def _name(pilot):
    pilot.app.player = "Li Na"
    pilot.app.start_game(h.tutorial())
    await h.settle(pilot)


async def _load(pilot):
    import os
    from pathlib import Path

    await h.to_results(pilot, weeks=2)
    pilot.app.new_session(h.tutorial(), "Wang Fang")
    await h.settle(pilot)
    await h.play_weeks(pilot, 1)
    damaged = Path("saves") / "Zhou--dairy-gpm.toml"
    damaged.write_text('format = 1\nscenario = "dairy-gpm"\nturns = [\n  { turn = 1, field = 30', encoding="utf-8")
    os.utime(damaged, (1_740_000_000, 1_740_000_000))
    pilot.app.action_load_screen()
    await h.settle(pilot)


async def _load_problem(pilot):
    await h.to_results(pilot, weeks=2)
    path = pilot.app.session.autosave.path
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("gmv = 220475", "gmv = 320475", 1), encoding="utf-8")
    pilot.app.action_title()
    await h.settle(pilot)
    pilot.app.load_save(path)
    await h.settle(pilot)


async def _results_tips(pilot):
    from trainer.core.plan import Decision

    await h.to_planning(pilot)
    await h.play_weeks(pilot, 2, Decision(alliance=30000, campaign=10000, content=10000))


async def _debrief(pilot):
    await h.to_end(pilot)
    await pilot.press("d")
    await h.settle(pilot)


async def _export(pilot):
    await _debrief(pilot)
    await pilot.press("x")
    await h.settle(pilot)


SCREENS = {
    "title": _title,
    "picker": _picker,
    "briefing": _briefing,
    "planning": h.to_planning,
    "planning_week2": _planning_week2,
    "planning_refused": _planning_refused,
    "planning_event": _event_week,
    "results": h.to_results,
    "history": _history,
    "end": h.to_end,
    "debrief": _debrief,
    "export": _export,
    "name": _name,
    "load": _load,
    "load_problem": _load_problem,
    "results_tips": _results_tips,
    "help": _help,
    "quit": _quit,
}


@pytest.fixture(autouse=True)
def two_scenarios(tmp_path, monkeypatch):
    """The picker lists the tutorial and dairy-gpm only, so new shipped levels do not move the picture.

    Saves go to `saves/` under a temporary working folder, so the paths on screen are the same
    on every run.
    """
    from trainer.core import library
    from trainer.core.saves import SAVES_ENV

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(SAVES_ENV, "saves")

    shipped = tmp_path / "shipped"
    shipped.mkdir()
    for name in ("01-tutorial.toml", "02-dairy-gpm.toml"):
        (shipped / name).symlink_to(library.scenarios_dir() / name)
    monkeypatch.setattr(library, "scenarios_dir", lambda: shipped)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen(snap_compare, screen, size):
    assert snap_compare(h.app(), terminal_size=size, run_before=SCREENS[screen])


def test_light_theme_results(snap_compare):
    assert snap_compare(h.app(theme="textual-light"), terminal_size=(80, 24), run_before=h.to_results)


def test_light_theme_planning(snap_compare):
    assert snap_compare(h.app(theme="textual-light"), terminal_size=(80, 24), run_before=h.to_planning)


def test_too_small(snap_compare):
    assert snap_compare(h.app(), terminal_size=(60, 18))



async def _kol_menu(pilot):
    from trainer.core.library import find

    await h.to_planning(pilot, find("dairy-gpm")[0])
    pilot.app.screen.query_one("#kol").focus()
    await pilot.press("enter")
    await h.settle(pilot)


def test_kol_menu_opens_wider_than_its_panel_one_line_an_option(snap_compare):
    assert snap_compare(h.app(), terminal_size=(80, 24), run_before=_kol_menu)
