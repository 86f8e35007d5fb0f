"""A workshop in the player's language (the game's language, trainer.i18n): its title and its
rounds' titles in Chinese where the files give them; a round played in Chinese is saved
as a game of the same level."""

from __future__ import annotations

from textual.widgets import OptionList, Static

from tests.ui import helpers as h
from trainer.core.plan import Decision
from trainer.core.saves import load_game
from trainer.ui.screens.briefing import BriefingScreen
from trainer.ui.screens.workshop import WorkshopScreen

WORKSHOP = """\
id = "ws-zh"
title = "Tea and dairy"
scenarios = ["tutorial", "dairy-gpm"]
seeds = [77, 78]

[zh]
title = "茶与乳品工作坊"
"""


def workshop_file(folder, text: str = WORKSHOP) -> str:
    path = folder / "ws.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


async def join(pilot, name: str) -> None:
    pilot.app.screen.query_one("#ws-name").value = name
    await pilot.press("enter")
    await h.settle(pilot)


def title_of(app) -> str:
    return str(app.screen.query_one("#ws-title", Static).render())


@h.sync
async def test_the_workshop_and_its_rounds_read_in_chinese(tmp_path, monkeypatch):
    __import__("trainer.ui.language", fromlist=["use_language"]).use_language("zh")
    saves = tmp_path / "saves"
    app = h.app(workshop=workshop_file(tmp_path), saves_dir=saves)
    async with app.run_test(size=(100, 30)) as pilot:
        await h.settle(pilot)
        assert isinstance(app.screen, WorkshopScreen)
        assert "茶与乳品工作坊" in title_of(app) and "Tea and dairy" not in title_of(app)
        await join(pilot, "Li Na")
        olist = app.screen.query_one("#ws-list", OptionList)
        prompts = [str(olist.get_option_at_index(i).prompt) for i in range(olist.option_count)]
        assert "第一步" in prompts[0] and "鲜牧场" in prompts[1]
        await pilot.press("enter")  # the first round
        await h.settle(pilot)
        assert isinstance(app.screen, BriefingScreen) and app.screen.scenario.title.startswith("第一步")
        await pilot.press("enter")
        await h.settle(pilot)
        app.session.game.step(Decision(field=30_000))
        app.session.autosave.save(app.session.game)
    (save,) = sorted((saves / "ws-zh").glob("*.toml"))
    loaded = load_game(save)
    assert loaded.verified and loaded.save.scenario == "tutorial"


@h.sync
async def test_a_workshop_without_chinese_shows_its_own_title(tmp_path, monkeypatch):
    __import__("trainer.ui.language", fromlist=["use_language"]).use_language("zh")
    app = h.app(workshop=workshop_file(tmp_path, WORKSHOP.split("\n[zh]")[0] + "\n"), saves_dir=tmp_path / "saves")
    async with app.run_test(size=(100, 30)) as pilot:
        await h.settle(pilot)
        assert "Tea and dairy" in title_of(app)


@h.sync
async def test_in_english_the_workshop_is_as_written(tmp_path, monkeypatch):
    monkeypatch.delenv("FACT_TRAINER_LANG", raising=False)
    app = h.app(workshop=workshop_file(tmp_path), saves_dir=tmp_path / "saves")
    async with app.run_test(size=(100, 30)) as pilot:
        await h.settle(pilot)
        assert "Tea and dairy" in title_of(app) and "茶" not in title_of(app)
        await join(pilot, "Li Na")
        olist = app.screen.query_one("#ws-list", OptionList)
        assert "First steps" in str(olist.get_option_at_index(0).prompt)
