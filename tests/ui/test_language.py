"""The game in Chinese: --lang zh, the switch on the title screen and in the command palette,
a workshop that fixes the room's language, and how Chinese lays out (snapshots at 80x24)."""

from __future__ import annotations

import pytest
from textual.widgets import Button, Footer, Markdown, Static

from tests.ui import helpers as h
from tests.ui.test_snapshots import SCREENS, SIZES, two_scenarios  # noqa: F401 (the picker's two levels, a fixed folder)
from trainer import i18n
from trainer.settings import saved_language, settings_path
from trainer.ui.screens.help import HelpScreen
from trainer.ui.screens.planning import PlanningScreen
from trainer.ui.screens.title import TitleScreen


def footer_labels(app) -> list[str]:
    """The descriptions of the keys the footer shows on the current screen."""
    return [b.description for _, b, enabled, _ in app.screen.active_bindings.values() if b.show]


def labels(app) -> list[str]:
    return [str(b.label) for b in app.screen.query(Button)]


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


@h.sync
async def test_lang_zh_shows_the_title_the_cockpit_and_the_help_in_chinese():
    app = h.app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await h.settle(pilot)
        assert isinstance(app.screen, TitleScreen)
        assert {"新游戏", "继续", "读取存档", "关卡", "玩法说明", "退出"} <= set(labels(app))
        assert "学会为什么赢得流量的是GPM" in text_of(app, "#title-promise")
        assert "新游戏" in footer_labels(app) and "New game" not in footer_labels(app)
        assert app.sub_title == "兴趣电商，一周一回合"

        await h.to_planning(pilot)
        assert isinstance(app.screen, PlanningScreen)
        header = text_of(app, "#plan-head")
        assert header.startswith("第1/6周") and "预算50,000" in header
        titles = [str(w.border_title) for w in app.screen.query(".position")]
        assert titles[:4] == ["F 直播间", "A 达人", "C 营销活动", "T 头部KOL"]
        assert {"结束本周", "历史"} <= set(footer_labels(app))
        # the level's own step for the week, in the game's language though the game began from the file's level
        assert text_of(app, "#plan-week").startswith("第1周步骤：先开你自己的直播间")

        await pilot.press("f1")
        await h.settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        source = app.screen.query_one(Markdown).source
        assert source.startswith("# 玩法说明") and "# FACT术语表" in source and "## 匹配胜过名气" in source
        assert "关闭" in footer_labels(app)


@h.sync
async def test_a_coach_tip_opens_the_chinese_help_at_its_principle():
    """Headings in Chinese have no slug: the principle is found by its heading's words."""
    app = h.app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await h.settle(pilot)
        app.action_help("gpm_over_roi")
        await h.settle(pilot)
        await pilot.pause(0.2)
        scroll = app.screen.query_one("#help-box")
        assert scroll.scroll_y > 20
        heading = next(w for w in app.screen.query("MarkdownH2") if "GPM重于ROI" in str(w._content))
        assert scroll.region.contains_point((scroll.region.x + 1, heading.region.y))


@h.sync
async def test_the_title_switch_changes_the_running_app_and_is_kept():
    app = h.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await h.settle(pilot)
        assert "New game" in labels(app) and "Language: 简体中文" in labels(app)
        await pilot.click("#language")
        await h.settle(pilot)
        assert i18n.language() == "zh_CN"
        assert isinstance(app.screen, TitleScreen) and "新游戏" in labels(app) and "语言：English" in labels(app)
        assert "新游戏" in footer_labels(app) and app.sub_title == "兴趣电商，一周一回合"
        assert app.focused is app.screen.query_one("#language")
        assert saved_language() == ("zh_CN", None)
        assert 'language = "zh_CN"' in settings_path().read_text(encoding="utf-8")

        await pilot.press("enter")  # the switch has the focus: back to English
        await h.settle(pilot)
        assert i18n.language() == "en" and "New game" in labels(app) and "New game" in footer_labels(app)
        assert saved_language() == ("en", None)


@h.sync
async def test_the_palette_switches_a_game_in_progress_at_its_week():
    app = h.app()
    async with app.run_test(size=(100, 30)) as pilot:
        await h.to_results(pilot, weeks=2)
        app.after_results()
        await h.settle(pilot)
        draft = app.session.draft
        titles = {c.title: c for c in app.get_system_commands(app.screen)}
        assert "Language: 简体中文" in titles
        titles["Language: 简体中文"].callback()
        await h.settle(pilot)
        assert i18n.language() == "zh_CN"
        assert isinstance(app.screen, PlanningScreen), [str(w.render()) for w in app.screen.query(Static)]
        assert len(app.session.game.reports) == 2 and app.session.draft == draft
        assert text_of(app, "#plan-head").startswith("第3/6周")
        assert "结束本周" in footer_labels(app)
        assert "语言：English" in [c.title for c in app.get_system_commands(app.screen)]
        assert len(app.screen_stack) == 2  # the title, then the cockpit: nothing left of the English screens


@h.sync
async def test_a_broken_settings_file_does_not_stop_the_switch_nor_lose_the_file():
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("language = [\n", encoding="utf-8")
    app = h.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await h.settle(pilot)
        await pilot.click("#language")
        await h.settle(pilot)
        assert i18n.language() == "zh_CN" and "新游戏" in labels(app)
        notes = [str(n.message) for n in app._notifications]
        assert any("仅本次有效" in n and str(path) in n for n in notes), notes
    assert path.read_text(encoding="utf-8") == "language = [\n"


@h.sync
async def test_switching_language_mid_game_shows_the_levels_own_text_in_the_new_one():
    app = h.app(lang="zh")
    async with app.run_test(size=(100, 30)) as pilot:
        await h.to_planning(pilot)
        assert "先开你自己的直播间" in text_of(app, "#plan-week")
        await app.switch_language("en")
        await h.settle(pilot)
        assert isinstance(app.screen, PlanningScreen)
        assert "Start your own live room" in text_of(app, "#plan-week")
        assert app.session.scenario.title == "First steps: a tea shop goes live"


@h.sync
async def test_a_workshop_fixes_the_rooms_language(tmp_path):
    from tests.ui.test_workshop import workshop_file

    app = h.app(workshop=workshop_file(tmp_path, language="zh"), saves_dir=tmp_path / "saves")
    async with app.run_test(size=(100, 30)) as pilot:
        await h.settle(pilot)
        assert i18n.language() == "zh_CN"
        assert "加入" in labels(app) and app.language_fixed()
        assert not any(c.title.startswith(("语言", "Language")) for c in app.get_system_commands(app.screen))
        await app.switch_language("en")
        assert i18n.language() == "zh_CN"


@h.sync
async def test_lang_on_the_command_line_wins_over_the_workshops(tmp_path):
    from tests.ui.test_workshop import workshop_file

    app = h.app(workshop=workshop_file(tmp_path, language="zh"), saves_dir=tmp_path / "saves", lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await h.settle(pilot)
        assert i18n.language() == "en" and "Join" in labels(app)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen_in_chinese(snap_compare, screen, size):
    """Every screen the English snapshots show, in Chinese, at 80x24 and 120x40."""
    assert snap_compare(h.app(lang="zh"), terminal_size=size, run_before=SCREENS[screen])


def _labels_of_every_class() -> dict:
    from trainer.ui.language import _game_classes

    return {f"{c.__module__}.{c.__qualname__}": [(b.key, str(b.description)) for b in c.__dict__.get("BINDINGS", [])
                                                 if hasattr(b, "description")]
            for c in _game_classes()}


def test_switching_there_and_back_gives_every_key_its_own_label_again():
    """Two messages may share a translation (Coach and Coaching are both 教练): a label switched to
    Chinese and back must be its own English words, not its neighbour's."""
    import trainer.ui.app  # noqa: F401 (every screen's module, so every class is there)
    import trainer.ui.leaderboard  # noqa: F401
    import trainer.ui.screens.console  # noqa: F401
    from trainer.ui.language import use_language

    for module in ("briefing", "debrief", "dialogs", "end", "help", "history", "load", "picker", "planning",
                   "results", "title", "workshop"):
        __import__(f"trainer.ui.screens.{module}")
    english = _labels_of_every_class()
    use_language("zh")
    chinese = _labels_of_every_class()
    assert chinese != english and ("f4", "教练") in chinese["trainer.ui.screens.results.ResultsScreen"]
    use_language("en")
    assert _labels_of_every_class() == english


def test_a_game_started_in_chinese_switches_its_keys_to_english():
    """The command line sets the language before the screens are imported: their labels are born Chinese."""
    import subprocess
    import sys

    code = ("from trainer import i18n; i18n.set_language('zh')\n"
            "import trainer.ui.app, trainer.ui.screens.results as r\n"
            "from trainer.ui.language import use_language\n"
            "use_language('en')\n"
            "print(sorted(str(b.description) for b in r.ResultsScreen.BINDINGS if b.description))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "'Coaching'" in out and "'Coach'" not in out and "'Next week'" in out
