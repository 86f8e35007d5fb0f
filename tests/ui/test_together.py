"""Weeks advancing together in a workshop: a participant who ends a week waits for the room
(the others here are hand-written presence files, as other browsers' games write them),
then sees the week's results once everyone has ended it, the time is up, or the facilitator
presses Advance. Nobody's week is played or saved twice, nobody's typed plan lost."""

from __future__ import annotations

import os

import pytest

from textual.widgets import Input

from tests.ui import helpers as h
from tests.ui.test_workshop import join, workshop_file
from trainer.core.console import Presence, console_dir, read_control, remove_presence, write_control, write_presence
from trainer.core.saves import load_game
from trainer.ui.screens.planning import PlanningScreen
from trainer.ui.screens.results import ResultsScreen
from trainer.ui.screens.waiting import WaitingScreen

OTHER = os.getppid()  # another participant's game: a process that lives while the test runs


def bo(folder, week: int, ended: bool, round_id: str = "tutorial") -> None:
    """Bo's game says where Bo is: planning `week`, or `week` ended."""
    write_presence(folder, Presence(OTHER, "Bo", round_id, week, submitted=ended, waiting=ended))


def own_presence(app) -> dict:
    import json

    return json.loads((console_dir(app.saves_folder) / "presence" / f"{os.getpid()}.json").read_text())


async def start(pilot, name: str = "Li Na"):
    app = pilot.app
    await h.settle(pilot)
    await join(pilot, name)
    app.start_game(app.workshop_scenarios[0])
    await h.settle(pilot)
    return app


@h.sync
async def test_a_week_ended_waits_for_the_room_then_shows_to_everyone(tmp_path):
    app = h.app(workshop=workshop_file(tmp_path, together=True), saves_dir=tmp_path / "saves")
    async with app.run_test(size=(80, 24)) as pilot:
        folder = app.saves_folder
        bo(folder, 1, ended=False)
        await h.settle(pilot)
        assert "weeks advance together" in str(app.screen.query_one("#ws-rules").render())
        await start(pilot)
        bo(folder, 1, ended=False)
        write_presence(folder, Presence(OTHER + 10**6, None))  # someone at the gate: not counted
        await h.play_weeks(pilot, 1)
        assert isinstance(app.screen, WaitingScreen)
        assert app.screen.room_line() == "Waiting for the room: 1 of 2 have ended week 1"
        path = app.session.autosave.path
        assert load_game(path).save.turns_played == 1  # played and saved when ended, not when shown
        mine = own_presence(app)
        assert mine["waiting"] and mine["submitted"] and mine["week"] == 1
        await pilot.press("f2")  # the history would show the week's figures before the room's
        app.action_history()
        await h.settle(pilot)
        assert isinstance(app.screen, WaitingScreen)
        app.console_tick()
        await h.settle(pilot)
        assert isinstance(app.screen, WaitingScreen)  # Bo still plans week 1
        bo(folder, 1, ended=True)
        app.console_tick()
        await h.settle(pilot)
        assert isinstance(app.screen, ResultsScreen) and app.screen.report.turn == 1
        assert any("The room has ended week 1" in str(n.message) for n in app._notifications)
        app.console_tick()
        await h.settle(pilot)
        assert isinstance(app.screen, ResultsScreen) and app.session.game.turn == 2  # shown once, played once
        # week 2: Bo's game closes (the tab closed): Bo no longer holds the room
        app.after_results()
        await h.settle(pilot)
        await h.play_weeks(pilot, 1)
        assert isinstance(app.screen, WaitingScreen)
        assert app.screen.room_line() == "Waiting for the room: 1 of 2 have ended week 2"
        remove_presence(folder, OTHER)
        app.console_tick()
        await h.settle(pilot)
        assert isinstance(app.screen, ResultsScreen) and app.screen.report.turn == 2
        assert load_game(path).save.turns_played == 2
        # on the round list, a game left in progress holds nobody
        app.action_scenarios()
        await h.settle(pilot)
        app.console_tick()
        mine = own_presence(app)
        assert mine["away"] and mine["round"] == "tutorial" and mine["week"] == 3
    app.claim.release()


@h.sync
async def test_alone_in_the_round_or_weeks_at_own_pace_no_one_waits(tmp_path):
    app = h.app(workshop=workshop_file(tmp_path, together=True), saves_dir=tmp_path / "saves")
    async with app.run_test(size=(80, 24)) as pilot:
        folder = app.saves_folder
        bo(folder, 1, ended=False, round_id="dairy-gpm")  # in the other round
        await start(pilot)
        await h.play_weeks(pilot, 1)
        assert isinstance(app.screen, ResultsScreen)
        # the console turns weeks together off: someone waiting sees their results
        bo(folder, 2, ended=False)
        app.after_results()
        await h.settle(pilot)
        await h.play_weeks(pilot, 1)
        assert isinstance(app.screen, WaitingScreen)
        control = read_control(folder)
        control.together = False
        write_control(folder, control)
        app.console_tick()
        await h.settle(pilot)
        assert isinstance(app.screen, ResultsScreen) and app.screen.report.turn == 2
    app.claim.release()


@h.sync
async def test_the_timer_plays_the_typed_plan_then_the_week_waits(tmp_path):
    now = [1000.0]
    app = h.app(workshop=workshop_file(tmp_path, together=True, turn_timer=10), saves_dir=tmp_path / "saves")
    async with app.run_test(size=(80, 24)) as pilot:
        app.clock = lambda: now[0]
        folder = app.saves_folder
        bo(folder, 1, ended=False)
        screen = await start(pilot)
        screen = app.screen
        bo(folder, 1, ended=False)
        screen.query_one("#amount-field", Input).value = "20000"
        now[0] += 10
        screen.tick_timer()
        await h.settle(pilot)
        assert isinstance(app.screen, WaitingScreen)
        assert app.session.game.reports[0].decision.field == 20000  # the typed plan, played once
        bo(folder, 1, ended=True)  # Bo's time is up too
        app.console_tick()
        await h.settle(pilot)
        assert isinstance(app.screen, ResultsScreen) and len(app.session.game.reports) == 1
    app.claim.release()


@h.sync
async def test_advance_plays_the_plans_still_typed_and_releases_the_week(tmp_path):
    app = h.app(workshop=workshop_file(tmp_path, together=True), saves_dir=tmp_path / "saves")
    async with app.run_test(size=(80, 24)) as pilot:
        folder = app.saves_folder
        bo(folder, 1, ended=True)
        await start(pilot)
        bo(folder, 1, ended=True)
        app.screen.query_one("#amount-field", Input).value = "20000"
        app.action_help()  # a screen over the cockpit does not keep the plan from being played
        await h.settle(pilot)
        app.console_tick()
        control = read_control(folder)
        control.advance = {"tutorial": 1}
        write_control(folder, control)
        app.console_tick()
        await h.settle(pilot)
        assert isinstance(app.screen, ResultsScreen) and app.screen.report.turn == 1
        assert app.session.game.reports[0].decision.field == 20000
        assert any("The facilitator moved the room on: week 1" in str(n.message) for n in app._notifications)
        path = app.session.autosave.path
        app.console_tick()  # an Advance plays a week once
        app.after_results()
        await h.settle(pilot)
        app.console_tick()
        await h.settle(pilot)
        assert isinstance(app.screen, PlanningScreen) and app.session.game.turn == 2
        assert load_game(path).save.turns_played == 1
    app.claim.release()


@h.sync
async def test_a_reload_while_waiting_comes_back_to_the_wait_not_past_it(tmp_path):
    saves = tmp_path / "saves"
    path = workshop_file(tmp_path, together=True)
    app = h.app(workshop=path, saves_dir=saves)
    async with app.run_test(size=(80, 24)) as pilot:
        folder = app.saves_folder
        bo(folder, 1, ended=False)
        await start(pilot)
        bo(folder, 1, ended=False)
        await h.play_weeks(pilot, 1)
        assert isinstance(app.screen, WaitingScreen)
        save = app.session.autosave.path
    app.claim.release()  # the tab closed
    again = h.app(workshop=path, saves_dir=saves)
    async with again.run_test(size=(80, 24)) as pilot:
        await h.settle(pilot)
        bo(again.saves_folder, 1, ended=False)
        await join(pilot, "Li Na")
        await pilot.press("enter")  # Continue
        await h.settle(pilot)
        assert isinstance(again.screen, WaitingScreen) and again.screen.week == 1
        assert again.session.autosave.path == save and load_game(save).save.turns_played == 1
        bo(again.saves_folder, 1, ended=True)
        again.console_tick()
        await h.settle(pilot)
        assert isinstance(again.screen, ResultsScreen) and again.screen.report.turn == 1
        again.after_results()
        await h.settle(pilot)
        assert isinstance(again.screen, PlanningScreen) and again.session.game.turn == 2
        assert load_game(save).save.turns_played == 1
    again.claim.release()


@h.sync
async def test_the_console_counts_each_rounds_room_and_advances_it(tmp_path):
    from textual.widgets import DataTable, OptionList

    from trainer.ui.screens.console import ConsoleScreen

    saves = tmp_path / "saves"
    path = workshop_file(tmp_path, facilitator_code="host-77")
    folder = saves / "ws-test"
    write_presence(folder, Presence(OTHER, "Li Na", "tutorial", 3, submitted=True, waiting=True))
    write_presence(folder, Presence(1, "Bo", "tutorial", 3))
    host = h.app(workshop=path, saves_dir=saves)
    async with host.run_test(size=(120, 36)) as pilot:
        await h.settle(pilot)
        await join(pilot, "host-77")
        assert isinstance(host.screen, ConsoleScreen)
        await pilot.press("a")  # weeks at own pace: Advance says what to do first
        assert read_control(folder).advance == {}
        await pilot.press("w")
        assert read_control(folder).together is True
        rounds = host.screen.query_one("#fc-rounds", OptionList)
        assert "week 3: 1 of 2 ended" in str(rounds.get_option_at_index(0).prompt)
        assert "week" not in str(rounds.get_option_at_index(1).prompt)  # nobody there
        table = host.screen.query_one("#fc-people", DataTable)
        states = sorted(str(table.get_row_at(i)[3]) for i in range(table.row_count))
        assert states == ["ended ✓, waiting", "planning"]
        status = str(host.screen.query_one("#fc-status").render())
        assert "results on screen: 0 · waiting: 1" in status
        await pilot.press("a")
        assert read_control(folder).advance == {"tutorial": 3}
        await pilot.press("w")
        assert read_control(folder).together is False
    notes = [str(n.message) for n in host._notifications]
    assert any("w makes them advance together first" in n for n in notes)
    assert any("Round 1: week 3 released to everyone" in n for n in notes)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_waiting_snapshot(snap_compare, tmp_path, monkeypatch, lang):
    """How the wait looks at 80x24, in both languages."""
    monkeypatch.chdir(tmp_path)
    path = workshop_file(tmp_path, together=True)

    async def waiting(pilot):
        folder = pilot.app.saves_folder
        for pid, week, ended in ((OTHER, 2, True), (1, 2, False)):
            write_presence(folder, Presence(pid, f"P{pid}", "tutorial", week, submitted=ended, waiting=ended))
        await start(pilot)
        await h.play_weeks(pilot, 1)
        pilot.app.after_results()  # the others have ended week 1: no wait
        await h.settle(pilot)
        await h.play_weeks(pilot, 1)
        assert isinstance(pilot.app.screen, WaitingScreen)

    assert snap_compare(h.app(workshop=path, saves_dir="saves", lang=lang), terminal_size=(80, 24),
                        run_before=waiting)
