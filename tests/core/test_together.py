"""Weeks advancing together: which week of a round the room has released, from the games'
presences and the facilitator's control (trainer.core.console.released_week)."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from trainer.core.console import (Control, Presence, advance, read_control, released_week, room_count, room_week,
                                  together, weeks_ended, write_control)

ROUND = "tutorial"


def planning(pid, week, name="P", round_id=ROUND, released=0):
    return Presence(pid, f"{name}{pid}", round_id, week, released=released)


def ended(pid, week, name="P", round_id=ROUND, released=0):
    """Week `week` ended: its results on screen or waiting."""
    return Presence(pid, f"{name}{pid}", round_id, week, submitted=True, waiting=True, released=released)


def test_a_week_is_released_once_everyone_in_the_round_has_ended_it():
    room = [ended(1, 3), ended(2, 3), planning(3, 3)]
    assert released_week(ROUND, room, Control()) == 2  # the third still plans week 3
    room[2] = ended(3, 3)
    assert released_week(ROUND, room, Control()) == 3


def test_people_at_the_gate_in_another_round_or_on_their_round_list_do_not_count():
    room = [ended(1, 3), ended(2, 3),
            Presence(3, None),  # at the gate
            planning(4, 1, round_id="dairy-gpm"),  # another round
            Presence(5, "Bo", None),  # joined, no game open
            Presence(7, "Cy", ROUND, 2, away=True),  # left a game in progress for the round list
            Presence(6, "host", ROUND, 1, facilitator=True)]
    assert released_week(ROUND, room, Control()) == 3
    assert room_count(ROUND, room, 3) == (2, 2)


def test_a_participant_who_disconnects_no_longer_holds_the_room():
    room = [ended(1, 2), planning(2, 2)]
    assert released_week(ROUND, room, Control()) == 1
    assert released_week(ROUND, room[:1], Control()) == 2  # the second's presence is gone


def test_someone_behind_the_room_catches_up_without_waiting_and_the_room_waits_for_them():
    room = [ended(1, 4, released=3), ended(2, 4, released=3), ended(3, 1)]  # the third joined late
    assert released_week(ROUND, room, Control()) == 3  # the late one's week 1 (and 2, 3) show at once
    # a second late-comer behind the first: weeks the room has already seen are released to them
    room.append(ended(4, 2))
    assert released_week(ROUND, room, Control()) >= 2
    # the room's week 4 waits for them
    assert released_week(ROUND, room, Control()) < 4


def test_advance_releases_the_rooms_week_of_that_round_only():
    room = [ended(1, 3), planning(2, 3), planning(3, 2), planning(4, 5, round_id="dairy-gpm")]
    control = Control()
    assert advance(control, ROUND, room) == 3
    assert control.advance == {ROUND: 3}
    assert released_week(ROUND, room, control) == 3
    assert released_week("dairy-gpm", room, control) == 4
    assert advance(control, "no-one-here", room) == 0 and "no-one-here" not in control.advance


def test_the_rooms_week_leaves_out_those_who_finished():
    room = [Presence(1, "A", ROUND, 5, finished=True), ended(2, 3), planning(3, 3)]
    assert room_week(ROUND, room) == 3
    assert room_count(ROUND, room, 3) == (2, 3)
    assert room_week(ROUND, room[:1]) == 5 and room_week("dairy-gpm", room) == 0


def test_the_consoles_switch_overrides_the_workshop_file():
    class File:
        together = True

    assert together(File(), Control()) is True
    assert together(File(), Control(together=False)) is False
    assert together(object(), Control()) is False
    assert together(object(), Control(together=True)) is True


def test_a_control_file_with_bad_values_reads_as_defaults(tmp_path):
    write_control(tmp_path, Control(together=True, advance={ROUND: 2}))
    assert read_control(tmp_path).advance == {ROUND: 2} and read_control(tmp_path).together is True
    path = tmp_path / "console" / "control.json"
    path.write_text(json.dumps({"together": "yes", "advance": {"a": "3", "b": 2, "c": True}}), encoding="utf-8")
    control = read_control(tmp_path)
    assert control.together is None and control.advance == {"b": 2}
    path.write_text(json.dumps({"advance": [1, 2]}), encoding="utf-8")
    assert read_control(tmp_path).advance == {}


presences = st.lists(
    st.builds(Presence, pid=st.integers(1, 10**6), name=st.one_of(st.none(), st.sampled_from(["A", "B", "C"])),
              round=st.one_of(st.none(), st.sampled_from([ROUND, "dairy-gpm"])), week=st.integers(0, 12),
              submitted=st.booleans(), finished=st.booleans(), released=st.integers(0, 12),
              facilitator=st.booleans(), away=st.booleans()),
    max_size=12)
controls = st.builds(Control, advance=st.dictionaries(st.sampled_from([ROUND, "dairy-gpm"]), st.integers(0, 12)))


@given(presences, controls)
def test_the_released_week_is_never_one_nobody_in_the_round_has_ended_unless_the_facilitator_said(people, control):
    room = [p for p in people if p.name is not None and not p.facilitator and not p.away and p.round == ROUND]
    week = released_week(ROUND, people, control)
    said = max([control.advance.get(ROUND, 0)] + [p.released for p in room])
    assert week == said or all(weeks_ended(p) >= week for p in room)
    assert week >= said


@given(presences, controls, st.integers(1, 12))
def test_ending_a_week_never_holds_back_a_week_already_released(people, control, pid):
    """More weeks ended by someone (their next end) never lowers what is released."""
    before = released_week(ROUND, people, control)
    moved = [Presence(**{**p.__dict__, "week": p.week + 1}) if p.round == ROUND and not p.finished else p
             for p in people]
    assert released_week(ROUND, moved, control) >= before


@given(presences, controls)
def test_someone_waiting_alone_in_a_round_is_never_held(people, control):
    me = ended(99_999_999, 4)
    others = [p for p in people if p.round != ROUND]
    assert released_week(ROUND, others + [me], control) >= 4


@given(presences, controls)
def test_advance_releases_the_week_the_room_is_on(people, control):
    week = advance(control, ROUND, people)
    room = [p for p in people if p.name is not None and not p.facilitator and not p.away and p.round == ROUND]
    assert (week == 0) == (not room)
    if room:
        assert released_week(ROUND, people, control) >= week
        assert all(p.week <= week or p.finished for p in room)
