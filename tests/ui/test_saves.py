"""Saved games through the UI: autosave, Continue, the Load screen, damaged saves, save failures."""

from __future__ import annotations

from textual.widgets import DataTable, Digits, Static

from tests.ui import helpers as h
from trainer.core.saves import list_saves, load_game
from trainer.ui.screens.planning import PlanningScreen
from trainer.ui.screens.results import ResultsScreen


def _text(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


@h.sync
async def test_a_turn_played_writes_a_save_with_its_figures(saves_folder):
    app = h.app()
    async with app.run_test(size=(100, 30)) as pilot:
        await h.to_results(pilot, weeks=2)
        reports = app.session.game.reports
        path = app.session.autosave.path
        assert path.parent == saves_folder and path.exists()
        loaded = load_game(path)
        assert loaded.status == "ok"
        assert loaded.save.player == h.PLAYER
        assert [t.result.gmv for t in loaded.save.turns] == [round(r.gmv) for r in reports]
        assert [t.decision() for t in loaded.save.turns] == [r.decision for r in reports]
        assert path.name in _text(app, "#save-line")


@h.sync
async def test_continue_resumes_at_the_right_week_with_the_same_numbers(saves_folder):
    app = h.app()
    async with app.run_test(size=(100, 30)) as pilot:
        await h.to_results(pilot, weeks=3)
        gmvs = [r.gmv for r in app.session.game.reports]
        state = app.session.game.state
    app = h.app()
    async with app.run_test(size=(100, 30)) as pilot:
        await h.settle(pilot)
        assert not app.screen.query_one("#continue").disabled
        assert "Li Na" in _text(app, "#continue-hint")
        await pilot.press("c")
        await h.settle(pilot)
        assert isinstance(app.screen, PlanningScreen)
        assert app.session.game.turn == 4
        assert [r.gmv for r in app.session.game.reports] == gmvs
        assert app.session.game.state == state
        assert "Week 4/6" in _text(app, "#plan-head")
        # it keeps saving to the same file
        path = app.session.autosave.path
        await h.play_weeks(pilot, 1)
        assert load_game(path).save.turns_played == 4
        assert len(list_saves(saves_folder)) == 1


@h.sync
async def test_continue_is_disabled_with_a_hint_when_there_is_no_save():
    app = h.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await h.settle(pilot)
        assert app.screen.query_one("#continue").disabled
        assert "No saved game" in _text(app, "#continue-hint")


async def _two_games(pilot):
    await h.to_results(pilot, weeks=1)
    pilot.app.new_session(h.tutorial(), "Wang Fang")
    await h.settle(pilot)
    await h.play_weeks(pilot, 2)


@h.sync
async def test_load_screen_lists_and_deletes_after_confirming(saves_folder):
    app = h.app()
    async with app.run_test(size=(100, 30)) as pilot:
        await _two_games(pilot)
        app.action_load_screen()
        await h.settle(pilot)
        table = app.screen.query_one(DataTable)
        assert table.row_count == 2
        players = {str(table.get_row_at(i)[0]) for i in range(2)}
        assert players == {"Li Na", "Wang Fang"}
        first = app.screen.saves[0].path
        await pilot.press("d")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmScreen"
        await pilot.press("escape")  # keep it
        await pilot.pause()
        assert first.exists() and table.row_count == 2
        await pilot.click("#delete")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
        assert not first.exists()
        assert app.screen.query_one(DataTable).row_count == 1
        # load the one left, by keys
        app.screen.query_one(DataTable).focus()
        await pilot.press("enter")
        await h.settle(pilot)
        assert isinstance(app.screen, PlanningScreen)


@h.sync
async def test_a_damaged_save_says_why_and_stays_byte_identical(saves_folder):
    saves_folder.mkdir(parents=True)
    damaged = saves_folder / "Li-Na--tutorial.toml"
    data = b'format = 1\nscenario = "tutorial"\nturns = [\n  { turn = 1, field = 30'
    damaged.write_bytes(data)
    app = h.app()
    async with app.run_test(size=(100, 30)) as pilot:
        await h.settle(pilot)
        assert app.screen.query_one("#continue").disabled  # nothing loadable
        app.action_load_screen()
        await h.settle(pilot)
        assert "cannot be loaded" in _text(app, "#load-detail")
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "LoadScreen"  # not loadable
        app.load_save(damaged)  # as --load would
        await h.settle(pilot)
        assert type(app.screen).__name__ == "MessageScreen"
        message = _text(app, "#message-text")
        assert str(damaged) in message and "not valid TOML" in message
    assert damaged.read_bytes() == data


@h.sync
async def test_an_edited_save_offers_to_continue_from_the_replay(saves_folder):
    app = h.app()
    async with app.run_test(size=(100, 30)) as pilot:
        await h.to_results(pilot, weeks=2)
        path = app.session.autosave.path
    text = path.read_text(encoding="utf-8")
    first_gmv = load_game(path).save.turns[0].result.gmv
    edited = text.replace(f"gmv = {first_gmv}", f"gmv = {first_gmv + 1000}", 1)
    path.write_text(edited, encoding="utf-8")
    app = h.app(load=str(path))
    async with app.run_test(size=(100, 30)) as pilot:
        await h.settle(pilot)
        assert type(app.screen).__name__ == "LoadProblemScreen"
        assert path.read_text(encoding="utf-8") == edited  # never changed by loading
        await pilot.click("#continue")
        await h.settle(pilot)
        assert isinstance(app.screen, PlanningScreen)
        assert app.session.game.turn == 3


@h.sync
async def test_a_save_failure_shows_a_notice_and_play_goes_on(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the saves folder should be")
    app = h.app(saves_dir=str(blocker))
    async with app.run_test(size=(100, 30)) as pilot:
        await h.to_results(pilot, weeks=1)
        assert isinstance(app.screen, ResultsScreen)
        notices = [n.message for n in app._notifications]
        assert any("could not be saved" in n and "play goes on" in n for n in notices), notices
        assert "Not saved" in _text(app, "#save-line")
        await pilot.press("enter")
        await pilot.pause()
        await h.play_weeks(pilot, 1)
        assert app.session.game.turn == 3
        assert app.session.save_error is not None


@h.sync
async def test_load_option_and_seed_option(saves_folder):
    app = h.app(seed=77)
    async with app.run_test(size=(100, 30)) as pilot:
        await h.to_results(pilot, weeks=1)
        assert app.session.game.seed == 77
        path = app.session.autosave.path
        gmv = app.session.game.reports[0].gmv
    assert load_game(path).save.seed == 77
    app = h.app(load=str(path))
    async with app.run_test(size=(100, 30)) as pilot:
        await h.settle(pilot)
        assert isinstance(app.screen, PlanningScreen)
        assert app.session.game.seed == 77 and app.session.game.reports[0].gmv == gmv


@h.sync
async def test_a_finished_game_loaded_shows_the_end():
    app = h.app()
    async with app.run_test(size=(100, 30)) as pilot:
        await h.to_end(pilot)
        path = app.session.autosave.path
    app = h.app(load=str(path))
    async with app.run_test(size=(100, 30)) as pilot:
        await h.settle(pilot)
        assert type(app.screen).__name__ == "EndScreen"
        assert app.screen.query_one("#score", Digits).value


@h.sync
async def test_name_prompt_refuses_an_empty_name():
    app = h.app(player="  ")
    async with app.run_test(size=(80, 24)) as pilot:
        app.start_game(h.tutorial())
        await h.settle(pilot)
        assert type(app.screen).__name__ == "NameScreen"
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "NameScreen"
        assert "Type a name" in _text(app, "#name-message")
        app.screen.query_one("#name").value = "  Zhang\t Wei\x07 "  # as pasted: cleaned by the core
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlanningScreen)
        assert app.session.player == "Zhang Wei"


@h.sync
async def test_a_save_that_cannot_be_deleted_says_why_and_the_app_goes_on(saves_folder, monkeypatch):
    import trainer.ui.screens.load as load_screen

    def refuse(path):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(load_screen, "delete_save", refuse)
    notices = []
    app = h.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _two_games(pilot)
        app.action_load_screen()
        await h.settle(pilot)
        app.notify = lambda message, **kw: notices.append((message, kw.get("severity")))
        first = app.screen.saves[0].path
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await h.settle(pilot)
        assert app.is_running and type(app.screen).__name__ == "LoadScreen"
        assert first.exists() and app.screen.query_one(DataTable).row_count == 2
        assert notices == [(f"{first} could not be deleted (Permission denied): check the folder's permissions; "
                            "the file is as it was.", "error")]


@h.sync
async def test_a_review_that_fails_shows_a_dialog_and_keeps_the_game(monkeypatch):
    import trainer.core.debrief as core_debrief

    def broken(*args, **kwargs):
        raise RuntimeError("the review broke")

    monkeypatch.setattr(core_debrief, "debrief", broken)
    app = h.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await h.to_end(pilot)
        await pilot.press("d")
        await h.settle(pilot)
        assert app.is_running
        assert type(app.screen).__name__ == "MessageScreen"
        assert "RuntimeError: the review broke" in str(app.screen.query_one("#message-text", Static).render())
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "DebriefScreen"


@h.sync
async def test_the_scenario_list_shows_a_finished_levels_best_stars(saves_folder):
    from textual.widgets import OptionList

    from trainer.core.scoring import score

    app = h.app()
    async with app.run_test(size=(100, 30)) as pilot:
        await h.to_end(pilot)
        result = score(app.session.scenario, app.session.game.reports)
        app.action_scenarios()
        await h.settle(pilot)
        olist = app.screen.query_one(OptionList)
        prompts = [str(olist.get_option_at_index(i).prompt) for i in range(olist.option_count)]
        tutorial = next(p for p in prompts if h.tutorial().title in p)
        assert f"finished, best {'★' * result.stars}" in tutorial and f"{round(result.score):,}" in tutorial
        assert sum("finished" in p for p in prompts) == 1  # only the level played to its end
