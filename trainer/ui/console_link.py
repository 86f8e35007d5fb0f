"""A game process's side of the facilitator's channel (see trainer.core.console): every
second it says where its participant is, and reads what the facilitator decided: a message
to show once, the rounds locked, the answer key revealed, the timer, and whether weeks
advance together (then it holds a week's results until the room has ended the week)."""

from __future__ import annotations

import os

from trainer.core.console import (Control, Presence, connected, read_control, released_week, remove_presence,
                                  room_count, together, write_presence)
from trainer.i18n import N_, _

FROM_FACILITATOR = N_("From the facilitator")
ADVANCED = N_("The facilitator moved the room on: week {turn} was played with the plan on screen.")
ADVANCED_LAST = N_("The facilitator moved the room on: the plan on screen could not be played ({problem}), so "
                   "week {turn} was played with the last plan that could.")
TICK_SECONDS = 1.0


def presence_of(app) -> Presence:
    session = app.session
    shown = type(app.screen).__name__
    waiting = shown == "WaitingScreen"
    submitted = shown == "ResultsScreen" or waiting
    round_id = week = None
    finished = False
    if session is not None and app.participant is not None:
        round_id = session.scenario.id
        finished = session.game.finished
        week = session.game.turn - 1 if submitted or finished else session.game.turn
    seconds_left = getattr(app.screen, "seconds_left", None)  # the planning screen's turn timer
    left = seconds_left() if callable(seconds_left) else None
    released = getattr(app, "released_weeks", {}).get(_game_key(app), 0) if round_id else 0
    # a game in progress always has its cockpit in the stack (results and waits go over it)
    away = round_id is not None and not finished and not any(hasattr(s, "time_up") for s in app.screen_stack)
    return Presence(os.getpid(), app.participant, round_id, week or 0, submitted, finished,
                    left=None if left is None else max(0.0, left), facilitator=getattr(app, "is_facilitator", False),
                    waiting=waiting, released=released, away=away)


def _game_key(app) -> str | None:
    """What this process knows of the room's released weeks is kept per game (a game played
    again starts knowing nothing: the room waits for it as for anyone)."""
    session = app.session
    if session is None:
        return None
    return str(session.autosave.path) if session.autosave is not None else f"{session.scenario.id}:{id(session)}"


def _room(app, control: Control) -> tuple[str | None, int, list[Presence]]:
    """(the participant's round, the last week of it released to the room, the presences it was
    judged from: everyone connected, this game as it is now among them)."""
    own = presence_of(app)
    people = [p for p in connected(app.saves_folder) if p.pid != own.pid] + [own]
    if own.round is None:
        return None, 0, people
    released = released_week(own.round, people, control)
    known = getattr(app, "released_weeks", None)
    if known is None:
        known = app.released_weeks = {}
    key = _game_key(app)
    known[key] = max(known.get(key, 0), released)
    return own.round, released, people


def held(app):
    """A WaitingScreen for the week just played when weeks advance together and the room has
    not ended that week yet (its results then wait under it); None when they may show now."""
    session = app.session
    if app.workshop is None or session is None or not session.game.reports or app.participant is None:
        return None
    control = read_control(app.saves_folder)
    app.workshop_control = control
    if not together(app.workshop, control):
        return None
    week = session.game.reports[-1].turn
    round_id, released, people = _room(app, control)
    if released >= week:
        return None
    from trainer.ui.screens.waiting import WaitingScreen

    waiting = WaitingScreen(week)
    waiting.update_room(*room_count(round_id, people, week))
    return waiting


def attach(app) -> None:
    """Start the channel for a workshop game (called once the app is mounted)."""
    folder = app.saves_folder
    app.workshop_control = read_control(folder)
    # what was said or done before this page opened is not repeated
    seen = {"message": app.workshop_control.message_id, "extend": app.workshop_control.extend_id,
            "end": app.workshop_control.end_id, "clock": app.clock(), "advance": dict(app.workshop_control.advance)}

    def tick() -> None:
        try:
            _tick()
        except Exception:  # noqa: BLE001 - the console's channel never ends a participant's game
            pass

    def _tick() -> None:
        control: Control = read_control(folder)
        app.workshop_control = control
        if control.message_id > seen["message"]:
            seen["message"] = control.message_id
            if control.message and not getattr(app, "is_facilitator", False):
                app.notify(control.message, title=_(FROM_FACILITATOR), timeout=30, markup=False)
        _timer(app, control, seen)
        _advance(app, control, seen)
        _release(app, control)
        write_presence(folder, presence_of(app))

    app.console_tick = tick  # tests drive it by hand
    app.set_interval(TICK_SECONDS, tick)
    tick()


def detach(app) -> None:
    remove_presence(app.saves_folder, os.getpid())


def _timer(app, control: Control, seen: dict) -> None:
    """The facilitator's hand on the week's timer: paused (the deadline moves on with the
    clock), more time (once per extension), time up now (once per command)."""
    now = app.clock()
    elapsed, seen["clock"] = min(max(now - seen["clock"], 0.0), 10 * TICK_SECONDS), now
    planning = next((s for s in reversed(app.screen_stack) if hasattr(s, "seconds_left") and hasattr(s, "deadline")),
                    None)
    extend, seen["extend"] = control.extend_id > seen["extend"], control.extend_id
    end, seen["end"] = control.end_id > seen["end"], control.end_id
    if planning is None or planning.seconds_left() is None:
        return
    if control.paused:
        planning.deadline += elapsed
    if extend:
        planning.deadline += control.extend_seconds
    if end:
        planning.deadline = now


def _advance(app, control: Control, seen: dict) -> None:
    """The facilitator's Advance for this participant's round: a game planning the week
    released plays the plan on screen, once per Advance (a game behind the room plans on)."""
    before, seen["advance"] = seen["advance"], dict(control.advance)
    session = app.session
    if session is None or app.participant is None or session.game.finished:
        return
    round_id = session.scenario.id
    week = control.advance.get(round_id, 0)
    if week <= before.get(round_id, 0) or session.game.turn != week:
        return
    planning = next((s for s in reversed(app.screen_stack) if hasattr(s, "time_up")), None)
    above = app.screen_stack[app.screen_stack.index(planning) + 1:] if planning is not None else []
    if planning is None or any(type(s).__name__ in ("ResultsScreen", "WaitingScreen") for s in above):
        return  # not planning (on the round list, say): the week is released all the same
    planning.time_up(ended=ADVANCED, ended_last=ADVANCED_LAST)


def _release(app, control: Control) -> None:
    """Show the week's results once the room has ended the week (or weeks no longer advance
    together); until then, say how many have."""
    from trainer.ui.screens.waiting import RELEASED, WaitingScreen

    waiting = app.screen
    if not isinstance(waiting, WaitingScreen):
        return
    round_id, released, people = _room(app, control)
    if released >= waiting.week or not together(app.workshop, control):
        app.pop_screen()
        app.notify(_(RELEASED).format(week=waiting.week))
        return
    waiting.update_room(*room_count(round_id, people, waiting.week))
