"""Playing the game through the UI: by keys alone, by mouse, bad input, resizing, quitting."""

from __future__ import annotations

import subprocess
import sys

import pytest
from textual.widgets import Digits, Input, Static

from tests.ui import helpers as h
from trainer.core.plan import Decision
from trainer.ui.screens.briefing import BriefingScreen
from trainer.ui.screens.end import EndScreen
from trainer.ui.screens.planning import PlanningScreen
from trainer.ui.screens.results import ResultsScreen
from trainer.ui.screens.title import TitleScreen


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def paste_into(pilot, selector: str, text: str) -> None:
    """Replace what an amount holds in one edit, as a paste does."""
    widget = pilot.app.screen.query_one(selector, Input)
    widget.focus()
    widget.value = text
    await pilot.pause()


async def type_into(pilot, selector: str, text: str) -> None:
    """Focus an amount and replace what it holds, by keys."""
    pilot.app.screen.query_one(selector, Input).focus()
    await pilot.pause()
    await pilot.press("end", "ctrl+u", *text)
    await pilot.pause()


@h.sync
async def test_tutorial_by_keys_alone():
    app = h.app()
    async with app.run_test(size=(100, 30)) as pilot:
        assert isinstance(app.screen, TitleScreen)
        await pilot.press("n")  # New game: the first scenario's briefing
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
        assert app.screen.scenario.id == "tutorial"
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "NameScreen"  # the player's name, for the save
        await pilot.press(*"Li Na", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PlanningScreen)
        assert app.session.player == "Li Na"
        turns = app.session.scenario.turns
        for week in range(1, turns + 1):
            assert "Week {}/{}".format(week, turns) in text_of(app, "#plan-head")
            # F is focused at the start of every week: type it, Tab to A and type, step content up
            if week == 1:
                await pilot.press(*"30000", "tab", *"8000")
                app.screen.query_one("#amount-content", Input).focus()
                await pilot.pause()
                await pilot.press("up", "up", "pageup")  # 0 -> 12,000 by keys
            await pilot.pause()
            assert app.session.draft == Decision(field=30000, alliance=8000, content=12000, commission=15.0)
            assert "left 0" in text_of(app, "#plan-head")
            await pilot.press("f8")  # the key the footer shows; ctrl+n is the terminal alias
            await pilot.pause()
            assert isinstance(app.screen, ResultsScreen)
            report = app.session.game.reports[-1]
            assert report.turn == week
            digits = app.screen.query_one("#gmv", Digits)
            assert digits.value == f"{round(report.gmv):,}"
            assert "Net GMV after refunds" in text_of(app, "#results-line")
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, EndScreen)
        assert app.session.game.finished
        assert "Total GMV" in text_of(app, "#end-totals")
        score = app.screen.query_one("#score", Digits).value
        from trainer.core.scoring import score as core_score

        assert score == f"{core_score(app.session.scenario, app.session.game.reports).score:,}"
        await pilot.press("r")  # play again
        await pilot.pause()
        assert isinstance(app.screen, PlanningScreen)
        assert app.session.game.turn == 1


@h.sync
async def test_tutorial_by_mouse():
    app = h.app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.click("#scenarios")
        await pilot.pause()
        await pilot.click("#picker-play")
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
        await pilot.click("#start")
        await pilot.pause()
        await pilot.press(*"Wang")
        await pilot.click("#ok")
        await pilot.pause()
        for week in range(1, app.session.scenario.turns + 1):
            assert isinstance(app.screen, PlanningScreen)
            if week == 1:
                await pilot.click("#amount-field")
                await pilot.press(*"25000")
                await pilot.pause()
                assert app.session.draft.field == 25000
            await pilot.click("#end-turn")
            await pilot.pause()
            assert isinstance(app.screen, ResultsScreen), (week, str(app.screen.query_one("#plan-message").render()))
            if week == 2:
                await pilot.click("#history")
                await pilot.pause()
                assert "2 of 6 weeks" in app.screen.query_one("#history-box").border_title
                await pilot.press("escape")
                await pilot.pause()
            await pilot.click("#next")
            await pilot.pause()
        assert isinstance(app.screen, EndScreen)
        await pilot.click("#other")
        await pilot.pause()
        assert type(app.screen).__name__ == "PickerScreen"


BAD = [
    ("#amount-field", "abc", "is not an amount of yuan"),
    ("#amount-field", "-500", "amounts start at 0"),
    ("#amount-field", "", "type an amount"),
    ("#amount-field", "60000", "Over budget"),
    ("#amount-field", "9" * 40, "far more than any budget"),
    ("#amount-field", "12.5", "whole yuan only"),
    ("#amount-top_kol", "5000", "affords no KOL; the cheapest, Tea Master Lin, costs 30,000"),
    ("#amount-commission", "95", "outside this scenario's range"),
    ("#amount-commission", "x", "is not a percentage"),
    ("#amount-discount", "95", "between 0% and 90%"),
]


@pytest.mark.parametrize("selector,typed,expected", BAD, ids=[f"{s}={t[:8]!r}" for s, t, _ in BAD])
@h.sync
async def test_bad_input_says_why_and_changes_nothing(selector, typed, expected):
    app = h.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await h.to_planning(pilot)
        await type_into(pilot, "#amount-field", "20000")
        before = app.session.draft
        assert before.field == 20000
        await paste_into(pilot, selector, typed)
        message = text_of(app, "#plan-message")
        assert expected in message
        assert app.session.draft == before
        assert app.screen.query_one(selector, Input).has_class("-invalid")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, PlanningScreen)
        assert app.session.game.turn == 1 and not app.session.game.reports
        assert "cannot be played yet" in text_of(app, "#plan-message")


@h.sync
async def test_letters_typed_key_by_key_change_nothing():
    app = h.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await h.to_planning(pilot)
        before = app.session.draft
        await type_into(pilot, "#amount-campaign", "ten")
        assert "“ten” is not an amount of yuan" in text_of(app, "#plan-message")
        assert app.session.draft == before


@h.sync
async def test_amounts_accept_separators_and_k():
    app = h.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await h.to_planning(pilot)
        await type_into(pilot, "#amount-field", "20,000")
        await type_into(pilot, "#amount-alliance", "5k")
        assert (app.session.draft.field, app.session.draft.alliance) == (20000, 5000)
        await pilot.press("down", "down", "down", "down", "down", "down")  # never below 0
        assert app.session.draft.alliance == 0


@h.sync
async def test_resizing_never_crashes_and_small_terminal_says_so():
    app = h.app()
    async with app.run_test(size=(80, 24)) as pilot:
        for step in (h.to_planning, h.to_results):
            await step(pilot)
            for size in ((40, 10), (79, 24), (200, 60), (80, 23), (120, 40), (80, 24)):
                await pilot.resize_terminal(*size)
                await pilot.pause()
                small = size[0] < 80 or size[1] < 24
                assert (type(app.screen).__name__ == "TooSmallScreen") == small
                if small:
                    assert f"{size[0]} × {size[1]}" in text_of(app, "#too-small")


@h.sync
async def test_quit_asks_while_a_game_is_in_progress():
    app = h.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await h.to_results(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert type(app.screen).__name__ == "QuitScreen"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        await pilot.press("q")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
    assert app.return_code == 0


@h.sync
async def test_quit_from_title_needs_no_confirmation():
    app = h.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


@h.sync
async def test_help_opens_with_f1_and_from_the_palette_commands():
    app = h.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await h.to_planning(pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"
        await pilot.press("escape")
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for expected in ("New game", "Choose a scenario", "How to play", "History", "End turn"):
            assert expected in titles


def test_startup_imports_neither_the_core_nor_pydantic():
    """The title screen comes up without the engine: that keeps launch fast."""
    code = ("import sys; import trainer.ui.app; "
            "bad = [m for m in ('pydantic', 'trainer.core.engine', 'trainer.core.library') if m in sys.modules]; "
            "print(bad); sys.exit(1 if bad else 0)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_bad_scenario_on_the_command_line_is_a_message(capsys):
    from trainer.ui.app import run

    assert run("no-such-scenario") == 1
    assert "no scenario has this id" in capsys.readouterr().err


def rendered(app, selector: str) -> str:
    """What a Static shows, as plain text (its table rendered wide enough not to wrap)."""
    from rich.console import Console

    console = Console(width=200, record=True, file=__import__("io").StringIO())
    console.print(app.screen.query_one(selector, Static).content)
    return console.export_text()


@h.sync
async def test_results_name_each_cause_every_week_and_w_shows_what_moved():
    from trainer.core.explain import reasons
    from trainer.ui.messages import sentence

    app = h.app()
    async with app.run_test(size=(120, 40)) as pilot:
        await h.to_planning(pilot)
        await h.play_weeks(pilot, 1)
        app.after_results()
        await pilot.pause()
        # week 2 starts C: a position that starts spending is a cause of its own
        await h.play_weeks(pilot, 1, Decision(field=20000, alliance=10000, campaign=15000, content=5000))
        assert isinstance(app.screen, ResultsScreen)
        week1, week2 = app.session.game.reports
        causes = reasons(week2, week1)
        assert any(c.kind == "started" and c.position == "campaign" for c in causes)
        shown = " ".join(rendered(app, "#reasons").split())
        for cause in causes[:3]:
            assert " ".join(sentence(cause, app.session.scenario).split()) in shown
        panel = app.screen.query_one("#results-why")
        assert "replayed without it" in panel.border_title
        await pilot.press("w")
        await pilot.pause()
        assert "since week 1" in panel.border_title and "replayed" not in rendered(app, "#reasons")
        await pilot.press("w")
        await pilot.pause()
        assert "replayed without it" in panel.border_title


@h.sync
async def test_a_position_with_nothing_spent_shows_no_roi():
    app = h.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await h.to_planning(pilot)
        await h.play_weeks(pilot, 1)  # F, A and content; nothing on C or T
        app.after_results()
        await h.settle(pilot)
        assert "ROI —" in text_of(app, "#last-campaign") and "GPM —" in text_of(app, "#last-campaign")
        assert "ROI —" not in text_of(app, "#last-field")


@h.sync
async def test_an_emptied_field_leaves_no_stale_total_in_the_header():
    app = h.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await h.to_planning(pilot)
        await type_into(pilot, "#amount-field", "30000")
        assert "planned 30,000" in text_of(app, "#plan-head")
        await pilot.press("ctrl+u")  # F emptied
        await pilot.pause()
        head = text_of(app, "#plan-head")
        assert "planned" not in head and "plan incomplete" in head
        await type_into(pilot, "#amount-discount", "")
        assert "type a percentage (0 for none)" in text_of(app, "#plan-message")


@h.sync
async def test_a_smaller_budget_scales_the_plan_and_says_so():
    from trainer.core.library import find

    dairy = find("dairy-gpm")[0]  # 200,000 in week 10, 120,000 in week 11
    app = h.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await h.to_planning(pilot, dairy)
        plan = Decision(field=100000, alliance=60000, content=40000, commission=22.0, discount=10.0)
        for week in range(1, 10):
            await h.play_weeks(pilot, 1, Decision(field=40000, alliance=20000, content=20000))
            app.after_results()
            await h.settle(pilot)
        await h.play_weeks(pilot, 1, plan)  # week 10 spends its whole 200,000
        notices = []
        app.notify = lambda message, **kw: notices.append(message)  # what the player is told
        app.after_results()
        await h.settle(pilot)
        assert app.session.game.turn == 11
        draft = app.session.draft
        assert draft.cost(dairy) <= 120000 and draft.field == 60000 and draft.content == 24000
        assert draft.commission == 22.0 and draft.discount == 10.0  # the player's choices are kept
        assert app.screen.query_one("#amount-commission", Input).value == "22"
        assert any("fell from 200,000 to 120,000" in n for n in notices)


@h.sync
async def test_the_results_scroll_with_the_arrows_at_80x24():
    app = h.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await h.to_results(pilot)
        panel = app.screen.query_one("#results")
        assert panel.max_scroll_y > 0  # at 80x24 the results do not fit: the arrows must reach the rest
        await pilot.press("pagedown", "pagedown", "pagedown", "down", "down", "down")
        await h.settle(pilot)
        assert panel.scroll_y == panel.max_scroll_y
        await pilot.press("pageup", "pageup", "pageup", "pageup", "up")
        await h.settle(pilot)
        assert panel.scroll_y == 0
        assert isinstance(app.screen, ResultsScreen)


@h.sync
async def test_the_end_screen_says_how_the_score_comes_from_the_objectives():
    app = h.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await h.to_end(pilot)
        how = text_of(app, "#end-how")
        objectives = app.screen.result.objectives
        weights = [o.objective.weight for o in objectives]
        if len(set(weights)) == 1:
            assert "mean of the objectives' points" in how
        else:
            assert all(f"{o.objective.title} ×{o.objective.weight:g}" in how for o in objectives)
        # and it is true: the score is that weighted mean
        mean = sum(o.points * w for o, w in zip(objectives, weights)) / sum(weights)
        assert round(mean) == round(app.screen.result.score)
        assert "fewest any objective earned" in how


@h.sync
async def test_the_debrief_and_its_export_give_the_same_rank_of_the_same_field():
    from trainer.export import render

    app = h.app()
    async with app.run_test(size=(120, 40)) as pilot:
        await h.to_end(pilot)
        await pilot.press("d")
        await h.settle(pilot)
        review = app.screen.review
        shown = " ".join(rendered(app, "#debrief-compared").split())
        exported = render(app.session.game, "Li Na", "md", review=review)
        of = len(review.benchmarks) + 1
        assert review.has_answer_key
        assert f"Rank {review.rank} of {of}: you, the reference players and the answer key." in shown
        assert f"Rank {review.rank} of {of}: the player, the reference players and the answer key." in exported


@h.sync
async def test_the_export_dialog_follows_the_arrows():
    from trainer.ui.screens.debrief import ExportScreen

    app = h.app()
    chosen = []
    async with app.run_test(size=(80, 24)) as pilot:
        await h.to_end(pilot)
        app.push_screen(ExportScreen("reports"), chosen.append)
        await pilot.pause()
        await pilot.press("down", "down", "up", "enter")
        await pilot.pause()
    assert chosen == ["html"]


@h.sync
async def test_the_cockpit_shows_the_weeks_step_and_the_budget_ahead():
    from trainer.core.library import find

    app = h.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await h.to_planning(pilot)
        week = " ".join(text_of(app, "#plan-week").split())
        assert week == "Week 1 step: " + h.tutorial().step_of(1).text
        await h.play_weeks(pilot, 1)
        app.after_results()
        await h.settle(pilot)
        assert " ".join(text_of(app, "#plan-week").split()).startswith("Week 2 step: Look at GPM")
        assert "Budget ahead" not in text_of(app, "#plan-week")  # the tutorial's budget never changes
    app = h.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await h.to_planning(pilot, find("dairy-gpm")[0])
        assert " ".join(text_of(app, "#plan-week").split()) == (
            "Budget ahead: 100,000 from week 4, 120,000 from week 8, 200,000 from week 9")


@h.sync
async def test_an_investment_shows_what_it_buys_and_an_idle_strength_fades():
    app = h.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await h.to_planning(pilot)
        content = app.session.game.state.content
        idle = float(text_of(app, "#next-content").lstrip("→"))
        assert idle < content  # nothing invested: it fades
        await type_into(pilot, "#amount-content", "10000")
        invested = float(text_of(app, "#next-content").lstrip("→"))
        assert invested > content
        assert "fades" in str(app.screen.query_one("#next-content").tooltip)
        await type_into(pilot, "#amount-alliance", "20000")
        flow = text_of(app, "#creators-flow")
        assert "join" in flow and "leave" in flow
        assert "→" in text_of(app, "#state-alliance") and "→" in text_of(app, "#state-field")


@h.sync
async def test_t_names_the_kol_it_would_book_and_a_repeat_booking_says_why_it_reaches_fewer():
    app = h.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await h.to_planning(pilot)
        kol = h.tutorial().kols[0]
        marginal = " ".join(text_of(app, "#marginal-top_kol").split())
        assert marginal.startswith("Booking: +") and f"{kol.name}, fee" in marginal
        assert text_of(app, "#kol-info") == ""  # nothing booked yet
        await type_into(pilot, "#amount-top_kol", str(kol.fee))
        assert " ".join(text_of(app, "#kol-info").split()).startswith(f"{kol.name}: ")
        assert "Repeat" not in text_of(app, "#kol-info")
        await h.play_weeks(pilot, 1, Decision(field=20000, top_kol=kol.fee))
        app.after_results()
        await h.settle(pilot)
        info = text_of(app, "#kol-info")
        assert "Repeat: reach ÷2.0" in info
        assert "reaches fewer new viewers" in str(app.screen.query_one("#kol-info").tooltip)


@h.sync
async def test_each_week_starts_at_f_whatever_had_the_focus_last_week():
    app = h.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await h.to_planning(pilot)
        await type_into(pilot, "#amount-top_kol", "30000")  # the focus ends the week on T
        await pilot.press("f8")
        await h.settle(pilot)
        await pilot.press("enter")  # the results: on to week 2
        await h.settle(pilot)
        assert app.session.game.turn == 2 and app.focused.id == "amount-field"
        await pilot.press(*"12345")  # at once, before any refresh
        await pilot.pause()
        assert app.screen.query_one("#amount-field", Input).value == "12345"
        assert app.screen.query_one("#amount-top_kol", Input).value == "30,000"


@h.sync
async def test_the_header_and_the_palette_use_glyphs_every_monospace_font_has():
    # a browser offline has no emoji font: Textual's ⭘ and 🔎 showed as empty boxes
    from textual.command import SearchIcon
    from textual.widgets._header import HeaderIcon

    app = h.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await h.settle(pilot)
        assert app.screen.query_one(HeaderIcon).icon == "≡"
        await pilot.press("ctrl+p")
        await h.settle(pilot)
        assert app.screen.query_one(SearchIcon).icon == ">"
        for glyph in "⭘🔎⏱":
            assert glyph not in str(app.export_screenshot())


@pytest.mark.parametrize("selector, typed, says", [
    ("#amount-discount", "150", "Discount: 150% must be between 0% and 90%."),
    ("#amount-discount", "10000", "Discount: 10,000% must be between 0% and 90%."),
    ("#amount-commission", "10000", "Commission: 10,000% is outside this scenario's range, 10% to 30%."),
])
@h.sync
async def test_a_percentage_out_of_range_is_refused_and_the_previews_keep_the_last_plan(selector, typed, says):
    # found in tmux: a discount typed past 100 crashed the cockpit (the previews played it)
    app = h.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await h.to_planning(pilot)
        from trainer.core.coach import marginal_returns
        from trainer.ui import messages as M

        await type_into(pilot, "#amount-field", "25000")
        await type_into(pilot, selector, typed)
        await h.settle(pilot)
        assert isinstance(app.screen, PlanningScreen)
        assert text_of(app, "#plan-message") == says
        # the previews show the last plan the market can play (the digits typed before the last one)
        draft = app.session.draft
        assert draft.discount <= 90 and draft.field == 25000
        expected = M.PLAN_MARGINAL.format(gmv=M.signed_short(marginal_returns(app.session.game, draft)["field"].gmv))
        assert text_of(app, "#marginal-field").startswith(expected)
        await pilot.press("f8")  # refused, not played
        await h.settle(pilot)
        assert isinstance(app.screen, PlanningScreen) and app.session.game.turn == 1


def test_a_crash_of_the_full_screen_game_exits_non_zero(monkeypatch):
    """Textual returns no value from a crashed app's run() and keeps return_code 1: the command
    must exit with it, not 0."""
    from trainer.ui import app as app_module

    class Crashed:
        return_code = 1

        def run(self):
            return None

    class Finished:
        return_code = 0

        def run(self):
            return None

    monkeypatch.setattr(app_module, "create_app", lambda *a, **k: Crashed())
    assert app_module.run() == 1
    monkeypatch.setattr(app_module, "create_app", lambda *a, **k: Finished())
    assert app_module.run() == 0
