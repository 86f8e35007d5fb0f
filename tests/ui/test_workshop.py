"""Workshop mode: the gate (name and access code), the rounds on the workshop's seeds, the
saves under saves/<workshop id>/, the workshop's coaching rules and the turn timer."""

from __future__ import annotations

import pytest
from textual.widgets import Input, OptionList, Static

from tests.ui import helpers as h
from trainer.core.plan import Decision
from trainer.core.saves import load_game
from trainer.core.workshop import load_workshop
from trainer.ui import messages as M
from trainer.ui.app import run
from trainer.ui.screens.briefing import BriefingScreen
from trainer.ui.screens.planning import PlanningScreen
from trainer.ui.screens.results import ResultsScreen
from trainer.ui.screens.workshop import WorkshopScreen

CODE = "tea-42"


def workshop_file(folder, **rules) -> str:
    """A workshop file in `folder`: the tutorial then dairy-gpm, seeds 77 and 78, with `rules`."""
    lines = ['id = "ws-test"', 'title = "Tea and dairy: a test workshop"', 'scenarios = ["tutorial", "dairy-gpm"]',
             "seeds = [77, 78]"]
    for key, value in rules.items():
        lines.append(f"{key} = {value!r}".replace("True", "true").replace("False", "false").replace("'", '"'))
    path = folder / "ws.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def _text(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def join(pilot, name: str, code: str | None = None) -> None:
    """Type the name (and the code) on the gate and press Enter in each."""
    screen = pilot.app.screen
    screen.query_one("#ws-name", Input).value = name
    await pilot.press("enter")
    if code is not None:
        screen.query_one("#ws-code", Input).value = code
        await pilot.press("enter")
    await h.settle(pilot)


@h.sync
async def test_the_gate_wants_a_name_and_the_right_code(tmp_path):
    app = h.app(workshop=workshop_file(tmp_path, access_code=CODE), saves_dir=tmp_path / "saves")
    async with app.run_test(size=(100, 30)) as pilot:
        await h.settle(pilot)
        assert isinstance(app.screen, WorkshopScreen)
        assert "Tea and dairy" in _text(app, "#ws-title")
        # a name of control characters only is no name
        await join(pilot, "\x00\x07\x1b ")
        assert M.WORKSHOP_NAME_EMPTY in _text(app, "#ws-message")
        assert app.participant is None
        # a wrong code is refused, without saying the right one, and can be typed again
        await join(pilot, "Team Oolong", "tea-41")
        message = _text(app, "#ws-message")
        assert M.WORKSHOP_CODE_WRONG in message and CODE not in message
        assert app.participant is None
        assert app.screen.query_one("#ws-code", Input).value == ""
        assert app.screen.focused is app.screen.query_one("#ws-code", Input)
        app.screen.query_one("#ws-code", Input).value = f" {CODE} "
        await pilot.press("enter")
        await h.settle(pilot)
        assert app.participant == "Team Oolong"
        assert app.screen.query_one("#ws-rounds").display
        assert not app.screen.query_one("#ws-gate").display


@h.sync
async def test_rounds_are_the_workshops_on_its_seeds_and_saved_under_its_folder(tmp_path):
    saves = tmp_path / "saves"
    app = h.app(workshop=workshop_file(tmp_path), saves_dir=saves, seed=5)
    async with app.run_test(size=(100, 30)) as pilot:
        await h.settle(pilot)
        await join(pilot, "Li Na")
        olist = app.screen.query_one("#ws-list", OptionList)
        assert olist.option_count == 2
        assert "First steps" in str(olist.get_option_at_index(0).prompt)
        await pilot.press("down", "enter")  # the second round
        await h.settle(pilot)
        assert isinstance(app.screen, BriefingScreen) and app.screen.scenario.id == "dairy-gpm"
        await pilot.press("escape")
        await h.settle(pilot)
        assert app.screen.query_one("#ws-list", OptionList).highlighted == 0  # the next round to play
        await pilot.press("enter")
        await h.settle(pilot)
        assert app.screen.scenario.id == "tutorial"
        await pilot.press("enter")  # Start: no name prompt, the participant's name
        await h.settle(pilot)
        assert isinstance(app.screen, PlanningScreen)
        assert app.session.player == "Li Na"
        assert app.session.seed == 77  # the workshop's, not the command line's 5
        await h.play_weeks(pilot, 2)
        path = app.session.autosave.path
        assert path.parent == saves / "ws-test"
        loaded = load_game(path)
        assert loaded.verified
        assert loaded.save.workshop == "ws-test" and loaded.save.seed == 77
        # the picker is the rounds; saves outside the workshop are not offered
        app.action_scenarios()
        await h.settle(pilot)
        assert isinstance(app.screen, WorkshopScreen)
        app.action_load_screen()
        await h.settle(pilot)
        assert isinstance(app.screen, WorkshopScreen)
        # the second round gets its own seed
        workshop, scenarios = load_workshop(workshop_file(tmp_path))
        app.new_session(scenarios[1], "Li Na")
        await h.settle(pilot)
        assert app.session.seed == 78


@pytest.mark.parametrize("typed", ["../../x", "a/b", "x" * 10_000, "\x1b[31mred\x07 team\x00", "..", "C:\\evil"])
@h.sync
async def test_whatever_the_name_the_save_stays_in_the_workshops_folder(tmp_path, typed):
    saves = tmp_path / "saves"
    app = h.app(workshop=workshop_file(tmp_path), saves_dir=saves)
    async with app.run_test(size=(100, 30)) as pilot:
        await h.settle(pilot)
        await join(pilot, typed)
        assert app.participant is not None and len(app.participant) <= 60
        app.start_game(app.workshop_scenarios[0])
        await h.settle(pilot)
        await h.play_weeks(pilot, 1)
        path = app.session.autosave.path
        assert path.resolve().parent == (saves / "ws-test").resolve()
        assert path.exists()
        assert load_game(path).save.player == app.participant


@h.sync
async def test_coaching_off_when_the_workshop_says_so(tmp_path):
    app = h.app(workshop=workshop_file(tmp_path, coach=False, marginal_returns=False, answer_key="never"),
                saves_dir=tmp_path / "saves")
    async with app.run_test(size=(100, 30)) as pilot:
        await h.settle(pilot)
        await join(pilot, "Li Na")
        app.start_game(app.workshop_scenarios[0])
        await h.settle(pilot)
        assert not app.screen.query_one("#marginal-field").display
        app.action_toggle_coaching()  # the participant cannot turn it on
        await h.settle(pilot)
        assert not app.coaching_shown() and not app.marginal_shown()
        assert not app.screen.query_one("#marginal-field").display
        await h.play_weeks(pilot, 1, Decision(campaign=50000))  # a plan the coach has tips for
        assert isinstance(app.screen, ResultsScreen)
        assert not app.screen.query_one("#results-coach").display
        assert not app.answer_key_shown()


@h.sync
async def test_the_answer_key_only_after_the_game(tmp_path):
    app = h.app(workshop=workshop_file(tmp_path, answer_key="after"), saves_dir=tmp_path / "saves")
    async with app.run_test(size=(100, 30)) as pilot:
        await h.settle(pilot)
        await join(pilot, "Li Na")
        app.start_game(app.workshop_scenarios[0])
        await h.settle(pilot)
        assert not app.answer_key_shown()
        await h.play_weeks(pilot, app.session.scenario.turns)
        assert app.answer_key_shown()
        app.after_results()
        await h.settle(pilot)
        assert "tutorial" in app.rounds_done


async def _timed_cockpit(pilot, now):
    app = pilot.app
    app.clock = lambda: now[0]
    await h.settle(pilot)
    await join(pilot, "Li Na")
    app.start_game(app.workshop_scenarios[0])
    await h.settle(pilot)
    return app.screen


@h.sync
async def test_the_timer_plays_the_week_with_the_plan_on_screen(tmp_path):
    now = [1000.0]
    app = h.app(workshop=workshop_file(tmp_path, turn_timer=10), saves_dir=tmp_path / "saves")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _timed_cockpit(pilot, now)
        assert "0:10 left" in screen.sub_title
        screen.query_one("#amount-field", Input).value = "20000"
        now[0] += 4
        screen.tick_timer()
        assert "0:06 left" in screen.sub_title and app.session.game.turn == 1
        now[0] += 6
        screen.tick_timer()
        await h.settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        assert app.session.game.reports[0].decision.field == 20000
        assert any(M.TIMER_ENDED.format(turn=1) in str(n.message) for n in app._notifications)
        # the next week has its own time
        app.after_results()
        await h.settle(pilot)
        assert app.session.game.turn == 2 and "0:10 left" in screen.sub_title


@h.sync
async def test_the_timer_plays_the_last_accepted_plan_when_the_screen_is_refused(tmp_path):
    now = [0.0]
    app = h.app(workshop=workshop_file(tmp_path, turn_timer=10), saves_dir=tmp_path / "saves")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _timed_cockpit(pilot, now)
        screen.query_one("#amount-field", Input).value = "20000"
        await pilot.pause()
        screen.query_one("#amount-alliance", Input).value = "9000000"  # over budget: refused
        await pilot.pause()
        app.action_help()  # a screen over the cockpit does not stop the clock
        await h.settle(pilot)
        now[0] += 10
        screen.tick_timer()
        await h.settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        decision = app.session.game.reports[0].decision
        assert decision.field == 20000 and decision.alliance == 0
        notices = [str(n.message) for n in app._notifications]
        assert any(n.startswith("Time is up: the plan on screen could not be played") for n in notices)


def test_a_broken_workshop_file_is_said_and_exits_1(tmp_path, capsys):
    path = tmp_path / "bad.toml"
    path.write_text('id = "Bad Id"\ntitle = "x"\nscenarios = ["no-such-level"]\n', encoding="utf-8")
    assert run(workshop=str(path)) == 1
    err = capsys.readouterr().err
    assert str(path) in err and "id" in err


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_gate_snapshot(snap_compare, tmp_path, monkeypatch, size):
    monkeypatch.chdir(tmp_path)
    path = workshop_file(tmp_path, access_code=CODE, turn_timer=180, coach=False)
    assert snap_compare(h.app(workshop=path, saves_dir="saves"), terminal_size=size, run_before=h.settle)


# --- identity: a name is one participant's; reconnecting resumes ---------------------------

def _queue_keys(app, text: str) -> None:
    """Post every key at once, as a browser does when a person types faster than the app
    draws: nothing waits for the screen to react to Enter."""
    from textual import events

    for ch in text:
        key = {"\n": "enter"}.get(ch, ch if ch.isalnum() else {"-": "minus", " ": "space"}.get(ch, ch))
        app.post_message(events.Key(key, None if ch == "\n" else ch))


@h.sync
async def test_keys_typed_fast_after_the_name_land_in_the_code_field(tmp_path):
    app = h.app(workshop=workshop_file(tmp_path, access_code=CODE), saves_dir=tmp_path / "saves")
    async with app.run_test(size=(100, 30)) as pilot:
        await h.settle(pilot)
        assert app.focused is app.screen.query_one("#ws-name", Input)  # typing works without a click
        _queue_keys(app, f"Team Puer\n{CODE}\n")
        await h.settle(pilot)
        assert app.participant == "Team Puer"
        assert app.screen.query_one("#ws-rounds").display
    app.claim.release()


@h.sync
async def test_the_same_name_twice_is_refused_while_the_first_plays(tmp_path):
    saves = tmp_path / "saves"
    first = h.app(workshop=workshop_file(tmp_path), saves_dir=saves)
    async with first.run_test(size=(100, 30)) as pilot:
        await h.settle(pilot)
        await join(pilot, "Sam")
        first.start_game(first.workshop_scenarios[0])
        await h.settle(pilot)
        await h.play_weeks(pilot, 1)
        path = first.session.autosave.path
    # the first Sam's process still holds the name (its claim is not released)
    second = h.app(workshop=workshop_file(tmp_path), saves_dir=saves)
    async with second.run_test(size=(100, 30)) as pilot:
        await h.settle(pilot)
        await join(pilot, "sam")
        assert second.participant is None
        assert "Someone connected now is playing as sam" in _text(second, "#ws-message")
        await join(pilot, "Sam 2")
        second.start_game(second.workshop_scenarios[0])
        await h.settle(pilot)
        claimed = second.session.autosave.path
        assert claimed != path and load_game(claimed).save.turns_played == 0  # the file is claimed at game start
        await h.play_weeks(pilot, 2)
    assert load_game(path).save.player == "Sam" and load_game(path).save.turns_played == 1
    assert load_game(claimed).save.player == "Sam 2" and load_game(claimed).save.turns_played == 2
    first.claim.release()
    second.claim.release()


@h.sync
async def test_reconnecting_resumes_the_game_at_the_week_it_stopped_in_the_same_file(tmp_path):
    saves = tmp_path / "saves"
    app = h.app(workshop=workshop_file(tmp_path), saves_dir=saves)
    async with app.run_test(size=(100, 30)) as pilot:
        await h.settle(pilot)
        await join(pilot, "Li Na")
        app.start_game(app.workshop_scenarios[0])
        await h.settle(pilot)
        await h.play_weeks(pilot, 2)
        path = app.session.autosave.path
    app.claim.release()  # the tab closed: its process ended
    again = h.app(workshop=workshop_file(tmp_path), saves_dir=saves)
    async with again.run_test(size=(100, 30)) as pilot:
        await h.settle(pilot)
        await join(pilot, "li na")
        assert again.participant == "Li Na"  # the name as first claimed
        olist = again.screen.query_one("#ws-list", OptionList)
        assert "week 3 of" in str(olist.get_option_at_index(0).prompt)
        assert "Continue" in str(olist.get_option_at_index(0).prompt)
        assert olist.highlighted == 0
        await pilot.press("enter")
        await h.settle(pilot)
        assert isinstance(again.screen, PlanningScreen)
        assert again.session.game.turn == 3 and again.session.autosave.path == path
        await h.play_weeks(pilot, 1)
        assert load_game(path).save.turns_played == 3
        assert sorted(p.name for p in (saves / "ws-test").glob("*.toml")) == [path.name]  # one file
    again.claim.release()


# --- the facilitator's console ---------------------------------------------------------------

@h.sync
async def test_the_facilitator_sees_the_room_locks_a_round_and_messages_everyone(tmp_path):
    import os

    from textual.widgets import DataTable

    from trainer.core.console import Presence, read_control, write_presence
    from trainer.ui.screens.console import ConsoleScreen

    saves = tmp_path / "saves"
    path = workshop_file(tmp_path, access_code=CODE, facilitator_code="host-77")
    folder = saves / "ws-test"
    # two other browsers: one still at the gate, one planning week 3 of the tutorial
    write_presence(folder, Presence(os.getppid(), None))
    write_presence(folder, Presence(1, "Li Na", "tutorial", 3, left=95.0))
    host = h.app(workshop=path, saves_dir=saves)
    async with host.run_test(size=(120, 36)) as pilot:
        await h.settle(pilot)
        await join(pilot, "host-77")  # the facilitator code as the name opens the console
        assert isinstance(host.screen, ConsoleScreen)
        table = host.screen.query_one("#fc-people", DataTable)
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        assert rows == [["at the gate", "", "", "", ""],
                        ["Li Na", "1. First steps: a tea shop goes live", "3", "planning", "1:35"]]
        await pilot.press("l")  # the highlighted round, the first: locked
        assert read_control(folder).locked == ["tutorial"]
        await pilot.press("k")
        assert read_control(folder).answer_key
        await pilot.press("m")
        for ch in "Five minutes left":
            await pilot.press("space" if ch == " " else ch)
        await pilot.press("enter")
        assert read_control(folder).message == "Five minutes left"
    participant = h.app(workshop=path, saves_dir=saves)
    notes = []
    async with participant.run_test(size=(100, 30)) as pilot:
        participant.notify = lambda message, **kw: notes.append(message)
        await h.settle(pilot)
        await join(pilot, "Bo", CODE)
        await pilot.press("enter")  # the locked first round: refused
        await h.settle(pilot)
        assert isinstance(participant.screen, WorkshopScreen)
        assert any("locked by the facilitator" in n for n in notes)
        assert participant.answer_key_shown()  # revealed to the room
        from trainer.core.console import broadcast

        broadcast(folder, "Round 2 now")
        await pilot.pause(1.5)
        assert "Round 2 now" in notes and "Five minutes left" not in notes  # only what is said after joining
    participant.claim.release()


def test_the_class_debrief_sums_up_the_room(tmp_path):
    from trainer.core.bots import balanced, roi_greedy
    from trainer.core.console import class_debrief
    from trainer.core.engine import Engine
    from trainer.core.saves import Autosave

    workshop, scenarios = load_workshop(workshop_file(tmp_path))
    folder = tmp_path / "saves" / workshop.id
    for name, bot in (("Ann", balanced), ("Bo", roi_greedy)):
        game = Engine(scenarios[0]).new_game(workshop.seed_for(0, scenarios[0]))
        slot = Autosave.claim(folder, name, game, workshop=workshop.id)
        while not game.finished:
            game.step(bot(game))
        slot.save(game)
    (tutorial, dairy) = class_debrief(workshop, scenarios, [tmp_path / "saves"], answer_key=True, evaluations=200)
    assert tutorial.games == tutorial.finished == 2 and len(tutorial.scores) == 2 and sum(tutorial.stars.values()) == 2
    assert abs(sum(tutorial.room_split[k] for k in ("field", "alliance", "campaign", "top_kol")) - 1) < 1e-9
    assert tutorial.key_split is not None and tutorial.key_score is not None
    assert len(tutorial.best_weeks) == 3 and tutorial.best_weeks[0][2] >= tutorial.worst_weeks[0][2]
    assert dairy.games == 0 and dairy.scores == []


@h.sync
async def test_a_participant_downloads_their_own_debrief(tmp_path):
    app = h.app(workshop=workshop_file(tmp_path), saves_dir=tmp_path / "saves")
    delivered = []
    async with app.run_test(size=(100, 30)) as pilot:
        app.deliver_text = lambda f, **kw: delivered.append((f.read(), kw))
        await h.settle(pilot)
        await join(pilot, "Li <b>Na</b>")
        await pilot.press("d")  # nothing played yet: nothing to download
        await h.settle(pilot)
        assert delivered == []
        app.start_game(app.workshop_scenarios[0])
        await h.settle(pilot)
        await h.play_weeks(pilot, 2)
        app.action_scenarios()  # back to the rounds
        await h.settle(pilot)
        await pilot.press("d")
        await app.workers.wait_for_complete()
        await h.settle(pilot)
    app.claim.release()
    (html, options), = delivered
    assert options["save_filename"].endswith("-tutorial-debrief.html") and options["mime_type"] == "text/html"
    assert html.startswith("<!doctype html>") and "Li &lt;b&gt;Na&lt;/b&gt;" in html and "<b>Na</b>" not in html


@h.sync
async def test_the_facilitator_pauses_extends_and_ends_the_weeks_time(tmp_path):
    from trainer.core.console import read_control, write_control

    now = [1000.0]
    app = h.app(workshop=workshop_file(tmp_path, turn_timer=60), saves_dir=tmp_path / "saves")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _timed_cockpit(pilot, now)
        folder = app.saves_folder
        app.console_tick()
        control = read_control(folder)
        control.paused = True
        write_control(folder, control)
        for _ in range(4):  # a tick a second, as the app's interval runs
            now[0] += 5
            app.console_tick()
        assert round(screen.seconds_left()) == 60  # paused: the 20 s did not count
        control.paused = False
        control.extend_id += 1
        write_control(folder, control)
        app.console_tick()
        app.console_tick()  # an extension counts once
        assert round(screen.seconds_left()) == 120
        now[0] += 10
        app.console_tick()
        assert round(screen.seconds_left()) == 110  # running again
        control.end_id += 1
        write_control(folder, control)
        app.console_tick()
        screen.tick_timer()
        await h.settle(pilot)
        assert isinstance(app.screen, ResultsScreen) and app.session.game.turn == 2
    app.claim.release()
