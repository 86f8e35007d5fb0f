"""The briefing shows a level in the game's language (trainer.i18n: --lang, the setting, the
system's), and says in one line when the level lacks it; the game is then played with the
localized level."""

from __future__ import annotations

import pytest
from textual.widgets import Markdown, Static

from tests.ui import helpers as h
from trainer.core import saves
from trainer.ui.language import fallback_note, level_language, use_language
from trainer.ui.screens.briefing import BriefingScreen


@pytest.mark.parametrize("value, code", [("en", "en"), ("zh", "zh"), ("zh_CN", "zh")])
def test_the_level_language_is_the_games(value, code):
    use_language(value)
    assert level_language() == code


def without_chinese():
    """The tutorial as if its file had no [zh] table."""
    return h.tutorial().model_copy(update={"zh": None})


def test_the_note_says_how_much_falls_back():
    assert fallback_note(h.tutorial(), "zh") is None and fallback_note(h.tutorial(), "en") is None
    note = fallback_note(without_chinese(), "zh")
    english = h.tutorial().model_copy(update={"language": "zh", "zh": None})  # as if written in Chinese
    assert fallback_note(english, "en") == f"No English for {len(english.missing_texts('en'))} texts (shown in Chinese)"
    use_language("zh")  # the note is in the reader's language
    assert note != fallback_note(without_chinese(), "zh")
    assert fallback_note(without_chinese(), "zh") == f"{len(without_chinese().missing_texts('zh'))}处文字没有中文，以英文显示"


@h.sync
async def test_the_briefing_and_the_game_are_in_chinese(monkeypatch):
    use_language("zh")
    app = h.app()
    async with app.run_test(size=(100, 30)) as pilot:
        app.show_briefing(h.tutorial())
        await h.settle(pilot)
        screen = app.screen
        assert isinstance(screen, BriefingScreen)
        assert screen.sub_title == "第一步：茶铺开播"
        assert "山云茶" in screen.query_one(Markdown).source
        assert not screen.query("#briefing-language")  # complete: no note
        steps = [str(s.render()) for s in screen.query(".briefing-step")]
        assert steps[0].startswith("第1周。先开你自己的直播间")  # the frame in the catalog's words, the step in the level's
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"Li Na", "enter")
        await h.settle(pilot)
        game = app.session.game
        assert game.scenario.brand.name == "山云茶" and game.scenario.events[0].name == "春茶节"
        # the save records the level itself: it replays against the file in any language
        assert saves.scenario_hash(game.scenario) == saves.scenario_hash(h.tutorial())


@h.sync
async def test_a_level_without_chinese_shows_in_english_with_a_note(monkeypatch):
    use_language("zh")
    app = h.app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.show_briefing(without_chinese())
        await h.settle(pilot)
        screen = app.screen
        assert screen.sub_title == "First steps: a tea shop goes live"
        note = screen.query_one("#briefing-language", Static)
        assert str(note.render()) == fallback_note(without_chinese(), "zh")
        assert note.region.height == 1 and note.region.y < 5  # one line, at the top, visible


@h.sync
async def test_in_english_the_briefing_is_the_files(monkeypatch):
    use_language("en")
    app = h.app()
    async with app.run_test(size=(100, 30)) as pilot:
        app.show_briefing(h.tutorial())
        await h.settle(pilot)
        assert app.screen.scenario.title == "First steps: a tea shop goes live"
        assert not app.screen.query("#briefing-language")


@h.sync
async def test_the_picker_lists_the_levels_in_chinese(monkeypatch):
    use_language("zh")
    app = h.app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_scenarios()
        await h.settle(pilot)
        assert str(app.screen.query_one("#picker-title", Static).render()) == "第一步：茶铺开播"
        assert "山云茶" in app.screen.query_one("#picker-briefing", Markdown).source
        await pilot.press("enter")
        await h.settle(pilot)
        assert isinstance(app.screen, BriefingScreen) and app.screen.sub_title == "第一步：茶铺开播"
