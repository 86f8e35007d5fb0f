"""A game process's side of the facilitator's channel (see trainer.core.console): every
second it says where its participant is, and reads what the facilitator decided: a message
to show once, the rounds locked, the answer key revealed."""

from __future__ import annotations

import os

from trainer.core.console import Control, Presence, read_control, remove_presence, write_presence
from trainer.i18n import N_, _

FROM_FACILITATOR = N_("From the facilitator")
TICK_SECONDS = 1.0


def presence_of(app) -> Presence:
    session = app.session
    submitted = type(app.screen).__name__ == "ResultsScreen"
    round_id = week = None
    finished = False
    if session is not None and app.participant is not None:
        round_id = session.scenario.id
        finished = session.game.finished
        week = session.game.turn - 1 if submitted or finished else session.game.turn
    seconds_left = getattr(app.screen, "seconds_left", None)  # the planning screen's turn timer
    left = seconds_left() if callable(seconds_left) else None
    return Presence(os.getpid(), app.participant, round_id, week or 0, submitted, finished,
                    left=None if left is None else max(0.0, left), facilitator=getattr(app, "is_facilitator", False))


def attach(app) -> None:
    """Start the channel for a workshop game (called once the app is mounted)."""
    folder = app.saves_folder
    app.workshop_control = read_control(folder)
    # what was said or done before this page opened is not repeated
    seen = {"message": app.workshop_control.message_id, "extend": app.workshop_control.extend_id,
            "end": app.workshop_control.end_id, "clock": app.clock()}

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
