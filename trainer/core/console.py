"""The channel between the facilitator's console and the participants' games, and the
class debrief the console shows.

textual-serve runs one process per browser, so the console and the games share nothing
but the workshop's saves folder. Two kinds of small JSON files, each written atomically
(a whole file replaces the old one, never half of one):

- `console/control.json`, written by the console only: which rounds are locked, the
  message to every participant (with a number, so each is shown once), whether the
  answer key is revealed, the timer (paused, or its end), whether weeks advance together
  and the weeks the facilitator released with Advance.
- `console/presence/<process id>.json`, one per game process, written by that process
  every second or two: who (None while still at the gate), which round and week, whether
  the week is ended and its results on screen. A file older than PRESENCE_STALE seconds,
  or whose process is gone, is someone no longer connected.
"""

from __future__ import annotations

import json
import os
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

from trainer.core.saves import SaveError, write_atomic_text

PRESENCE_STALE = 8.0
"""Seconds after which a game that has not said it is there counts as gone."""
MESSAGE_LIMIT = 200


def console_dir(workshop_folder: Path) -> Path:
    return workshop_folder / "console"


@dataclass
class Control:
    """What the facilitator decided: every game reads it, only the console writes it."""

    locked: list[str] = field(default_factory=list)
    """Scenario ids participants cannot open (a game in progress goes on)."""
    message: str = ""
    message_id: int = 0
    answer_key: bool = False
    """The answer key revealed to the room (the debrief shows it even before a game ends)."""
    paused: bool = False
    """The week's timer is paused for everyone."""
    extend_id: int = 0
    """Raised each time the facilitator gives more time: each game adds `extend_seconds` once."""
    extend_seconds: int = 60
    end_id: int = 0
    """Raised when the facilitator ends this week's time: each planning game plays its week once."""
    together: bool | None = None
    """Weeks advance together (a week's results show once the round's room has ended it);
    None: as the workshop file says (its `together`)."""
    advance: dict[str, int] = field(default_factory=dict)
    """Per round, the last week the facilitator released with Advance: its results show to
    everyone, and a game still planning that very week plays the plan on screen (once)."""


def read_control(folder: Path) -> Control:
    """The facilitator's decisions (defaults when there are none yet, or the file is unreadable:
    a game never stops over the console's file)."""
    try:
        data = json.loads((console_dir(folder) / "control.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Control()
    if not isinstance(data, dict):
        return Control()
    known = Control.__dataclass_fields__
    try:
        control = Control(**{k: v for k, v in data.items() if k in known})
    except TypeError:
        return Control()
    advance = control.advance if isinstance(control.advance, dict) else {}
    control.advance = {str(k): v for k, v in advance.items() if isinstance(v, int) and not isinstance(v, bool)}
    if not isinstance(control.together, bool):
        control.together = None
    return control


def write_control(folder: Path, control: Control) -> None:
    """Replace the control file atomically (SaveError when the folder cannot be written)."""
    write_atomic_text(console_dir(folder) / "control.json", json.dumps(asdict(control), ensure_ascii=False))


def broadcast(folder: Path, text: str) -> Control:
    """A message to every participant (each game shows it once)."""
    control = read_control(folder)
    control.message = "".join(ch for ch in text if ch.isprintable())[:MESSAGE_LIMIT]
    control.message_id += 1
    write_control(folder, control)
    return control


@dataclass
class Presence:
    """One game process, as it last said."""

    pid: int
    name: str | None
    """The participant (None: still at the gate)."""
    round: str | None = None
    week: int = 0
    """The week being planned (or whose results are on screen)."""
    submitted: bool = False
    """This week is ended: its results are on screen."""
    finished: bool = False
    left: float | None = None
    """Seconds left on this week's turn timer (None: no timer, or not planning)."""
    facilitator: bool = False
    seen: float = 0.0
    waiting: bool = False
    """This week is ended and its results are held until the room has ended it (weeks together)."""
    released: int = 0
    """The last week of its round this game has seen released to the room (weeks together)."""
    away: bool = False
    """The participant left their game in progress for the round list (or a briefing): not
    playing the round now, so not waited for."""


def write_presence(folder: Path, presence: Presence) -> None:
    presence.seen = time.time()
    try:
        # rewritten every second by every game: no fsync, which under a room's load made each
        # game's screen wait on the disk (benchmarks.workshop_load)
        write_atomic_text(console_dir(folder) / "presence" / f"{presence.pid}.json",
                          json.dumps(asdict(presence), ensure_ascii=False), durable=False)
    except SaveError:
        pass  # the console will show this game as gone: play goes on


def remove_presence(folder: Path, pid: int) -> None:
    try:
        (console_dir(folder) / "presence" / f"{pid}.json").unlink()
    except OSError:
        pass


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def connected(folder: Path, now: float | None = None) -> list[Presence]:
    """The games connected now (facilitators left out), at the gate first, then by name."""
    now = time.time() if now is None else now
    out = []
    for path in (console_dir(folder) / "presence").glob("*.json"):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            p = Presence(**{k: v for k, v in data.items() if k in Presence.__dataclass_fields__})
        except (OSError, ValueError, TypeError):
            continue
        if p.facilitator or now - p.seen > PRESENCE_STALE or not _alive(p.pid):
            continue
        out.append(p)
    out.sort(key=lambda p: (p.name is not None, (p.name or "").casefold(), p.pid))
    return out


# ------------------------------------------------------------------ weeks advancing together

def together(workshop, control: Control) -> bool:
    """Whether weeks advance together: the console's switch when the facilitator used it,
    else the workshop file's `together`."""
    if control.together is not None:
        return control.together
    return bool(getattr(workshop, "together", False))


def weeks_ended(p: Presence) -> int:
    """How many weeks of its round the game `p` has ended (played): the week whose results it
    shows or holds, or the week before the one it plans."""
    return p.week if p.submitted or p.finished else max(p.week - 1, 0)


def room_of(round_id: str, presences: list[Presence]) -> list[Presence]:
    """The participants playing `round_id` now: people at the gate, on their round list (away
    from a game in progress, or none open) or in another round do not count, nor the facilitator."""
    return [p for p in presences if p.name is not None and not p.facilitator and not p.away and p.round == round_id]


def released_week(round_id: str, presences: list[Presence], control: Control) -> int:
    """The last week of `round_id` whose results may show when weeks advance together: the
    last week every participant of the round (`presences`, the caller's own among them) has
    ended, a later one some game of the round has already seen released, or the week the
    facilitator released with Advance, whichever is latest. 0: none yet.

    A participant who disconnects no longer has a presence, so never holds the room; one
    behind the room (joined late, or played again) catches up without waiting, since every
    week the others have ended is released to them."""
    room = room_of(round_id, presences)
    everyone = min((weeks_ended(p) for p in room), default=0)
    seen = max((p.released for p in room), default=0)
    return max(everyone, seen, control.advance.get(round_id, 0))


def room_week(round_id: str, presences: list[Presence]) -> int:
    """The room's week in a round: the latest week a participant of the round still playing
    it plans or has ended (0: nobody plays the round; a room all finished: their last week)."""
    room = room_of(round_id, presences)
    playing = [p for p in room if not p.finished] or room
    return max((max(p.week, 1) for p in playing), default=0)


def room_count(round_id: str, presences: list[Presence], week: int) -> tuple[int, int]:
    """(how many of the round's room have ended `week`, how many the room is)."""
    room = room_of(round_id, presences)
    return sum(1 for p in room if weeks_ended(p) >= week), len(room)


def advance(control: Control, round_id: str, presences: list[Presence]) -> int:
    """The facilitator's Advance: release the room's current week of `round_id` (games still
    planning it play the plan on screen). Returns the week released (0: nobody plays it)."""
    week = room_week(round_id, presences)
    if week > control.advance.get(round_id, 0):
        control.advance[round_id] = week
    return week


# ------------------------------------------------------------------ the class debrief

POSITIONS = ("field", "alliance", "campaign", "top_kol")
STRENGTHS = ("content", "brand", "product", "price")


def split(decisions) -> dict[str, float]:
    """Shares of the money spent on F/A/C/T and on the four strengths (each group sums to 1)."""
    out = {}
    for group in (POSITIONS, STRENGTHS):
        totals = {k: sum(getattr(d, k) for d in decisions) for k in group}
        whole = sum(totals.values())
        out.update({k: (v / whole if whole else 0.0) for k, v in totals.items()})
    return out


@dataclass
class ClassDebrief:
    """The room's round at a glance, for the projector."""

    scenario: str
    title: str
    games: int
    finished: int
    scores: list[int]
    stars: dict[int, int]
    gpm_mean: float
    gpm_benchmark: float
    room_split: dict[str, float]
    key_split: dict[str, float] | None
    key_score: int | None
    triggers: list[tuple[str, int]]
    best_weeks: list[tuple[str, int, float]]
    """(participant, week, GMV) of the room's best weeks."""
    worst_weeks: list[tuple[str, int, float]]


def class_debrief(workshop, scenarios, folder_list: list[Path], answer_key: bool = False,
                  evaluations: int = 1500) -> list[ClassDebrief]:
    """Each round's class debrief from the leaderboard's games (verified by replay), with the
    answer key's plan beside the room's when `answer_key`."""
    from trainer.core.coach import TRIGGERS
    from trainer.core.saves import load_game
    from trainer.core.workshop import leaderboard

    entries = [e for e in leaderboard(workshop, scenarios, folder_list) if e.verified]
    out = []
    for index, scenario in enumerate(scenarios):
        rows = [e for e in entries if e.scenario == scenario.id]
        decisions, triggers, weeks = [], Counter(), []
        gpms = []
        for e in rows:
            try:
                game = load_game(e.path, scenario).game
            except SaveError:
                continue
            decisions.extend(r.decision for r in game.reports)
            for i, report in enumerate(game.reports):
                weeks.append((e.name, report.turn, report.gmv))
                for trigger in TRIGGERS:
                    try:
                        tip = trigger(game.reports[: i + 1], game)
                    except Exception:  # noqa: BLE001 - a coach rule that cannot judge a partial game
                        tip = None
                    if tip is not None:
                        triggers[tip.id] += 1
            if game.reports:
                gpms.append(e.gpm)
        key_split = key_score = None
        if answer_key:
            from trainer.core.search import solve

            solution = solve(scenario, workshop.seed_for(index, scenario), evaluations=evaluations)
            key_split = split(solution.decisions)
            key_score = solution.result.score
        weeks.sort(key=lambda w: -w[2])
        finished = [e for e in rows if e.finished]
        out.append(ClassDebrief(
            scenario.id, scenario.title, len(rows), len(finished), sorted((e.score for e in finished), reverse=True),
            dict(Counter(e.stars for e in finished)), sum(gpms) / len(gpms) if gpms else 0.0,
            scenario.market.gpm_benchmark,
            split(decisions), key_split, key_score, triggers.most_common(5), weeks[:3], weeks[-3:][::-1]))
    return out
