"""--watch, for scenario authors: a changed level file restarts the game; a broken one is said."""

from __future__ import annotations

import os

from tests.ui import helpers as h
from trainer.core.library import scenarios_dir
from trainer.ui.screens.briefing import BriefingScreen
from trainer.ui.screens.planning import PlanningScreen


def _level(tmp_path):
    path = tmp_path / "level.toml"
    path.write_text((scenarios_dir() / "01-tutorial.toml").read_text(encoding="utf-8"), encoding="utf-8")
    return path


def _edit(path, old: str, new: str, bump: int) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + bump * 1_000_000_000))  # a later mtime


def _notices(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


@h.sync
async def test_a_changed_level_restarts_from_week_1_and_a_broken_one_keeps_the_game(tmp_path):
    path = _level(tmp_path)
    app = h.app(scenario=str(path), watch=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await h.settle(pilot)
        assert isinstance(app.screen, BriefingScreen)
        await h.to_planning(pilot, app.start_scenario)
        await h.play_weeks(pilot, 2)
        app.after_results()
        await h.settle(pilot)
        assert app.session.game.turn == 3
        app.check_watched()  # nothing changed: nothing happens
        assert app.session.game.turn == 3

        _edit(path, "First steps: a tea shop goes live", "First steps, edited", bump=1)
        app.check_watched()
        await h.settle(pilot)
        assert isinstance(app.screen, PlanningScreen)
        assert app.session.game.turn == 1 and app.session.scenario.title == "First steps, edited"
        assert app.session.player == h.PLAYER
        assert any(n.startswith(f"Reloaded {path}") for n in _notices(app))

        await h.play_weeks(pilot, 1)
        _edit(path, "turns = 6", "turns = -6", bump=2)
        app.check_watched()
        await h.settle(pilot)
        problem = next(n for n in _notices(app) if "does not load" in n)
        assert f"{path}:12: turns" in problem  # PATH:LINE: key: message
        assert app.session.game.turn == 2 and app.session.scenario.title == "First steps, edited"


@h.sync
async def test_a_level_changed_before_the_game_shows_its_new_briefing(tmp_path):
    path = _level(tmp_path)
    app = h.app(scenario=str(path), watch=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await h.settle(pilot)
        _edit(path, "First steps: a tea shop goes live", "Briefing, edited", bump=1)
        app.check_watched()
        await h.settle(pilot)
        assert isinstance(app.screen, BriefingScreen) and app.screen.scenario.title == "Briefing, edited"
        assert len(app.screen_stack) == 2
