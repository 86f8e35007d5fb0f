"""Every shipped level, and a starter written by `fact-trainer new`, played by keys from the
title through every week to the end screen and the debrief, at the smallest and a large size.

Each week's plan is typed for that week's own budget (levels whose budget changes between
weeks included), so a level's budget schedule is played as a player meets it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Static

from tests.conftest import AUTHORED_PATHS
from tests.ui import helpers as h
from trainer.core.library import scenarios_dir
from trainer.core.loading import load_scenario
from trainer.core.starter import starter
from trainer.ui.screens.briefing import BriefingScreen
from trainer.ui.screens.debrief import DebriefScreen
from trainer.ui.screens.end import EndScreen
from trainer.ui.screens.planning import PlanningScreen
from trainer.ui.screens.results import ResultsScreen
from trainer.ui.screens.title import TitleScreen

SHIPPED = sorted(scenarios_dir().glob("*.toml"))
SIZES = [(80, 24), (120, 40)]


def test_the_library_is_found():
    # the parametrization below is built from the folder: an empty glob would test nothing
    assert len(SHIPPED) >= 2


async def play_level_by_keys(path: Path, size: tuple[int, int], tmp_path: Path) -> None:
    """A shipped level is picked from the title's scenario list; any other file is opened as
    `fact-trainer play FILE` does, on its briefing."""
    scenario = load_scenario(path)
    shipped = path in SHIPPED
    app = h.app(scenario=None if shipped else path, saves_dir=tmp_path / "saves")
    async with app.run_test(size=size) as pilot:
        if shipped:
            assert isinstance(app.screen, TitleScreen)
            await pilot.press("s")
            await h.settle(pilot)
            await pilot.press(*["down"] * SHIPPED.index(path), "enter")
            await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
        assert app.screen.scenario.id == scenario.id
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "NameScreen"
        await pilot.press(*"Li Na", "enter")
        await h.settle(pilot)
        for week in range(1, scenario.turns + 1):
            assert isinstance(app.screen, PlanningScreen), (scenario.id, week, app.screen)
            assert app.session.game.turn == week
            budget = scenario.budget_of(week)
            field = app.screen.query_one("#amount-field", Input)
            field.focus()
            await pilot.pause()
            await pilot.press("end", "ctrl+u", *str(budget // 2))
            await pilot.pause()
            assert field.value.replace(",", "") == str(budget // 2)
            await pilot.press("f8")
            await h.settle(pilot)
            assert isinstance(app.screen, ResultsScreen), (scenario.id, week, app.screen)
            report = app.session.game.reports[-1]
            assert report.turn == week
            assert report.decision.field == budget // 2  # the plan as typed, in this week's budget
            await pilot.press("enter")
            await h.settle(pilot)
        assert isinstance(app.screen, EndScreen), (scenario.id, app.screen)
        assert app.session.game.finished
        assert "Total GMV" in str(app.screen.query_one("#end-totals", Static).render())
        await pilot.press("d")
        await h.settle(pilot)
        assert isinstance(app.screen, DebriefScreen)
        await pilot.press("escape")
        await h.settle(pilot)
        assert isinstance(app.screen, EndScreen)
        assert app.return_code in (None, 0)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_every_shipped_level_to_its_debrief_by_keys(path, size, tmp_path):
    h.sync(play_level_by_keys)(path, size, tmp_path)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_new_starter_to_its_debrief_by_keys(size, tmp_path):
    path = tmp_path / "my-level.toml"
    path.write_text(starter("my-level", str(path)), encoding="utf-8")
    h.sync(play_level_by_keys)(path, size, tmp_path)


@pytest.mark.parametrize("path", AUTHORED_PATHS, ids=lambda p: p.stem)
def test_every_authored_level_to_its_debrief_by_keys(path, tmp_path):
    """The levels written from docs/authoring.md alone (tests/data/levels/) play to their end
    like the shipped ones, at the smallest size, opened by path."""
    h.sync(play_level_by_keys)(path, SIZES[0], tmp_path)
