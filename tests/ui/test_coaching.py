"""The coach in the UI: tips on the results, marginal returns in the cockpit, the setting, the debrief."""

from __future__ import annotations

from textual.widgets import Input, Static

from tests.ui import helpers as h
from trainer.core.library import find
from trainer.core.plan import Decision

NO_FIELD = Decision(alliance=30000, campaign=10000, content=10000)


def _text(app, selector: str) -> str:
    """What a Static shows, as plain text (Rich tables rendered)."""
    from rich.console import Console

    content = app.screen.query_one(selector, Static).content
    if isinstance(content, str):
        return content
    console = Console(width=200, record=True, file=open("/dev/null", "w"))
    console.print(content)
    return console.export_text()


@h.sync
async def test_two_weeks_without_f_bring_the_field_tip():
    app = h.app()
    async with app.run_test(size=(100, 30)) as pilot:
        await h.to_planning(pilot)
        await h.play_weeks(pilot, 2, NO_FIELD)
        ids = [t.id for t in app.session.tips]
        assert "no_field" in ids
        assert app.screen.query_one("#results-coach").display
        tips = _text(app, "#tips")
        assert "F is the base" in tips and "No self-broadcast for 2 weeks" in tips
        # its key opens the glossary at the principle
        await pilot.press(str(ids.index("no_field") + 1))
        await h.settle(pilot)
        assert type(app.screen).__name__ == "HelpScreen"
        assert app.screen.principle == "field_is_the_base"


@h.sync
async def test_w_shows_the_changes_since_last_week():
    app = h.app()
    async with app.run_test(size=(100, 30)) as pilot:
        await h.to_planning(pilot)
        await h.play_weeks(pilot, 2)
        await pilot.press("w")
        await pilot.pause()
        assert "since week 1" in app.screen.query_one("#results-why").border_title
        assert "GPM" in _text(app, "#reasons")


@h.sync
async def test_coaching_off_hides_tips_and_marginal_returns():
    app = h.app()
    async with app.run_test(size=(100, 30)) as pilot:
        await h.to_planning(pilot)
        assert app.screen.query_one("#marginal-field").display
        await pilot.press("f4")
        await pilot.pause()
        assert not app.coaching
        assert not app.screen.query_one("#marginal-field").display
        await h.play_weeks(pilot, 2, NO_FIELD)
        assert app.session.tips  # the coach still spoke ...
        assert not app.screen.query_one("#results-coach").display  # ... but nothing shows
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Coaching on" in titles


@h.sync
async def test_an_assessment_shows_no_coaching():
    scenario = find("tutorial")[0].model_copy(update={"coaching": False})
    app = h.app()
    async with app.run_test(size=(100, 30)) as pilot:
        await h.to_planning(pilot, scenario)
        assert not app.screen.query_one("#marginal-field").display
        await h.play_weeks(pilot, 2, NO_FIELD)
        assert not app.screen.query_one("#results-coach").display


@h.sync
async def test_marginal_returns_change_with_the_plan():
    app = h.app()
    async with app.run_test(size=(100, 30)) as pilot:
        await h.to_planning(pilot)
        before = _text(app, "#marginal-field")
        field = app.screen.query_one("#amount-field", Input)
        field.value = "40000"
        await pilot.pause()
        after = _text(app, "#marginal-field")
        assert "Next 10%" in before and before != after


@h.sync
async def test_providers_are_hired_in_the_cockpit_and_cost_their_fee():
    scenario = find("beauty-alliance")[0]
    app = h.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await h.to_planning(pilot, scenario)
        app.screen.query_one("#amount-field", Input).value = "70000"
        await pilot.pause()
        assert app.session.draft.field == 70000
        await pilot.click("#provider-bloom-mcn")  # 15,000 more: over the 80,000 budget
        await pilot.pause()
        assert "Over budget" in _text(app, "#plan-message")
        assert app.session.draft.providers == ()
        app.screen.query_one("#amount-field", Input).value = "60000"
        await pilot.pause()
        assert app.session.draft.providers == ("bloom-mcn",)
        assert "planned 75,000" in _text(app, "#plan-head")
        await pilot.press("ctrl+n")
        await h.settle(pilot)
        assert app.session.game.reports[-1].decision.providers == ("bloom-mcn",)


@h.sync
async def test_debrief_compares_with_the_reference_players_and_exports(saves_folder):
    app = h.app()
    async with app.run_test(size=(120, 40)) as pilot:
        await h.to_end(pilot)
        await pilot.press("d")
        await h.settle(pilot)
        assert type(app.screen).__name__ == "DebriefScreen"
        compared = _text(app, "#debrief-compared")
        assert "Answer key" in compared and "You (Li Na)" in compared
        assert app.screen.review.result.score > 0
        await pilot.press("x")
        await pilot.pause()
        await pilot.click("#fmt-md")
        await h.settle(pilot)
        written = list((saves_folder / "reports").glob("*.md"))
        assert len(written) == 1
        line = _text(app, "#export-line")
        assert f"Report written: {written[0].name}\n" in line and str(written[0].parent) in line
