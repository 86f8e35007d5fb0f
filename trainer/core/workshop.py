"""Workshops: a facilitator's file naming the scenarios, the seed and the rules, and the
leaderboard built from the participants' saves (each verified by replaying it).
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from pydantic import Field, PrivateAttr, ValidationError, model_validator

from trainer.core.library import find
from trainer.core.loading import FileProblems, Problem, locate, problems_from, read_toml
from trainer.core.problems import Invalid, Said, joined
from trainer.core.saves import SaveError, SaveFile, load_game, read_save, safe_name
from trainer.core.languages import CATALOGS, Language
from trainer.core.scenario import LANGUAGES, Model, Scenario, at, with_language_tables


class WorkshopText(Model):
    """The workshop's text in another language: a table named by the language's code, [zh]
    or [en], as in a level file."""

    title: str | None = Field(None, min_length=1, max_length=100)
    """The workshop's name in this language; left out, the file's own title shows."""
from trainer.core.scoring import score


class Workshop(Model):
    """A workshop file: what participants play and under which rules."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=60)
    """Short identifier; the workshop's saves go under saves/<id>/."""
    title: str = Field(min_length=1, max_length=100)
    """The workshop's name, shown to participants and on the leaderboard."""
    scenarios: list[str] = Field(min_length=1, max_length=20)
    """The scenarios participants may play, in order: ids from the library (trainer.core.library) or paths."""
    seed: int | None = Field(None, ge=0, le=2**63 - 1)
    """One seed for everyone: the same market luck, so results compare fairly."""
    seeds: list[int] | None = None
    """A seed per round instead: one per scenario, in the same order."""
    coach: bool = True
    """Whether participants see the coach's tips."""
    marginal_returns: bool = True
    """Whether participants see what the next slice of budget would bring."""
    answer_key: Literal["never", "after"] = "after"
    """Whether the answer key is shown: never, or only after a participant finishes."""
    turn_timer: int | None = Field(None, ge=10, le=3600)
    """Seconds a participant has to plan a turn; left out, no timer."""
    together: bool = False
    """Whether weeks advance together, as in a classroom simulation: a participant who ends a
    week waits until everyone playing the round has ended it (or their timer ends, or the
    facilitator presses Advance), then the week's results show to all at once. The console
    can switch it on or off during the workshop."""
    access_code: str | None = Field(None, min_length=1, max_length=40)
    """A code participants type to join; required when the game is served to a network."""
    facilitator_code: str | None = Field(None, min_length=4, max_length=40)
    """The code of the facilitator's console (left out: `serve` makes one and prints it)."""
    attempts: Literal["latest", "best"] = "latest"
    """Which of a participant's games of a round the leaderboard ranks: the latest or the best."""
    language: Literal[tuple(dict.fromkeys((*LANGUAGES, *CATALOGS)))] | None = None  # type: ignore[valid-type]
    """The room's language for every participant's screens: a language the game speaks, "zh"
    (简体中文) or "en" (English); left out, each participant's own (their setting, else their system's)."""
    # en, zh, ...: one WorkshopText per language the game speaks, added below (with_language_tables)

    _original: Workshop | None = PrivateAttr(default=None)

    @model_validator(mode="after")
    def _own_language(self) -> Workshop:
        own = self.main_language
        if getattr(self, own) is not None:
            raise Invalid([at((own,), Said("workshop.own_table", language=Language(own), lang=own))])
        return self

    @property
    def main_language(self) -> str:
        """The language the file's own title is written in: the room's language when the file
        sets one (`language`), else English."""
        room = str(getattr(self, "language", None) or "en")
        code = room.replace("-", "_").split("_", 1)[0].lower()
        return code if code in LANGUAGES else "en"

    @property
    def original(self) -> Workshop:
        """The workshop as its file says it: itself, or the workshop a localized copy came from."""
        return self._original if self._original is not None else self

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages the workshop has a title in: its own first."""
        source = self.original
        own = source.main_language
        return (own, *(lang for lang in LANGUAGES if lang != own
                       and getattr(source, lang) is not None and getattr(source, lang).title is not None))

    def missing_texts(self, lang: str) -> list[str]:
        """The texts the workshop lacks in `lang` (["title"] or nothing): each shows in the
        file's own language instead."""
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language {lang!r}: known are {', '.join(LANGUAGES)}")
        return [] if lang in self.languages else ["title"]

    def localized(self, lang: str) -> Workshop:
        """A copy of the workshop with its title in `lang` when the file gives it (else its own
        title); every rule, seed and code the same, and `original` gives the file's back."""
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language {lang!r}: known are {', '.join(LANGUAGES)}")
        source = self.original
        table: WorkshopText | None = getattr(source, lang)
        if lang == source.main_language or table is None or table.title is None:
            return source
        copy = source.model_copy(update={"title": table.title, **{other: None for other in LANGUAGES}})
        copy._original = source
        return copy

    @model_validator(mode="after")
    def _seeds(self) -> Workshop:
        if self.seed is not None and self.seeds is not None:
            raise Invalid([at(("seeds",), Said("workshop.seed_and_seeds"))])
        if self.seeds is not None and len(self.seeds) != len(self.scenarios):
            raise Invalid([at(("seeds",), Said("workshop.seeds_count", n=len(self.seeds),
                                               scenarios=len(self.scenarios)))])
        if self.facilitator_code is not None and self.access_code is not None \
                and self.facilitator_code.strip() == self.access_code.strip():
            raise Invalid([at(("facilitator_code",), Said("workshop.codes_equal"))])
        return self

    def seed_for(self, index: int, scenario: Scenario) -> int:
        """The seed of the `index`-th scenario (0-based): the workshop's, else the scenario's."""
        if self.seeds is not None:
            return self.seeds[index]
        return self.seed if self.seed is not None else scenario.seed


Workshop = with_language_tables(  # type: ignore[misc]
    Workshop, WorkshopText,
    lambda code, name: f"The workshop's title in {name}, when the file is written in another language: "
                       f"`[{code}]` then `title = \"...\"`.")


def looks_like_workshop(data: dict) -> bool:
    """A TOML table that is a workshop file rather than a scenario."""
    return isinstance(data, dict) and "scenarios" in data and "brand" not in data


def load_workshop(path: str | Path) -> tuple[Workshop, list[Scenario]]:
    """A validated workshop and its scenarios, or FileProblems (every scenario must load)."""
    path = Path(path)
    data, lines = read_toml(path)
    try:
        workshop = Workshop.model_validate(data)
    except ValidationError as exc:
        raise FileProblems(problems_from(exc, Workshop, str(path), lines)) from None
    scenarios, problems = [], []
    for i, name in enumerate(workshop.scenarios):
        target = name
        if name.endswith(".toml") and not Path(name).is_absolute():
            target = str(path.parent / name)  # a path is relative to the workshop file
        try:
            scenarios.append(find(target)[0])
        except FileProblems as exc:
            problems.append(Problem(str(path), locate(lines, ("scenarios",)), f"scenarios[{i}]",
                                    Said("workshop.scenario", name=name, problem=exc.problems[0].said)))
    if problems:
        raise FileProblems(problems)
    return workshop, scenarios


def workshop_saves(folder: Path, workshop: Workshop) -> Path:
    """Where a workshop's saves go: <saves folder>/<workshop id>/. A folder that is already
    the workshop's own (named by its id, holding no folder of that name) is taken as it is:
    a facilitator who points at `saves/ws` means the workshop's saves, not `saves/ws/ws`."""
    if folder.name == workshop.id and not (folder / workshop.id).is_dir():
        return folder
    return folder / workshop.id


@dataclass(slots=True, frozen=True)
class Entry:
    """A line of the leaderboard."""

    rank: int | None
    """Rank within the scenario; None when the save does not verify."""
    name: str
    scenario: str
    turn: int
    """Turns played."""
    finished: bool
    score: int
    stars: int
    gmv: float
    gpm: float
    verified: bool
    problem: Said | str | None
    """Why the game does not verify (a code and values: trainer.ui.messages.said words it)."""
    path: Path
    participant: str = ""
    """Whose game it is: the participant's key (the first part of the file's name)."""
    created: str = ""
    """When the game was started (the latest attempt is the one started last)."""


def leaderboard(workshop: Workshop, scenarios: list[Scenario], folders: list[Path]) -> list[Entry]:
    """Every participant's game in the workshop's saves folders, verified by replay, ranked
    within each scenario (best score first); entries that do not verify are listed, unranked."""
    by_id = {s.id: (i, s) for i, s in enumerate(scenarios)}
    raw: list[Entry] = []
    seen: set[Path] = set()
    for folder in folders:
        target = workshop_saves(folder, workshop)
        if not target.is_dir():
            continue
        for path in sorted(target.glob("*.toml")):
            resolved = path.resolve()
            if resolved in seen:
                continue
            seen.add(resolved)
            raw.append(_entry(path, workshop, by_id))
    # one row per participant and round: the latest attempt, or the best, as the workshop says
    chosen: dict[tuple[str, str], Entry] = {}
    for e in raw:
        if not e.verified:
            continue
        key = (e.participant, e.scenario)
        held = chosen.get(key)
        if held is None or _better(e, held, workshop.attempts):
            chosen[key] = e
    unverified = [e for e in raw if not e.verified]
    raw = list(chosen.values())
    ranked: list[Entry] = []
    for scenario in scenarios:
        rows = sorted((e for e in raw if e.scenario == scenario.id and e.finished),
                      key=lambda e: (-e.score, -e.gmv, e.name))
        ranked.extend(replace(e, rank=rank) for rank, e in enumerate(rows, start=1))
    for scenario in scenarios:  # unfinished games: apart, unranked, the furthest first
        ranked.extend(sorted((e for e in raw if e.scenario == scenario.id and not e.finished),
                             key=lambda e: (-e.turn, e.name)))
    ranked.extend(unverified)
    return ranked


def _better(new: Entry, held: Entry, policy: str) -> bool:
    if policy == "best" and new.finished != held.finished:
        return new.finished
    if policy == "best" and new.finished:
        return (new.score, new.gmv) > (held.score, held.gmv)
    return (new.created, _attempt(new.path)) > (held.created, _attempt(held.path))


def _attempt(path: Path) -> int:
    """Which attempt of its round a file holds: 1 for NAME--ROUND.toml, N for NAME--ROUND-N.toml."""
    match = re.search(r"-(\d+)$", path.stem.split("--", 1)[-1])
    return int(match.group(1)) if match else 1


def _entry(path: Path, workshop: Workshop, by_id: dict[str, tuple[int, Scenario]]) -> Entry:
    try:
        loaded = load_game(path)
    except SaveError as exc:
        return Entry(None, path.stem, "?", 0, False, 0, 0, 0.0, 0.0, False, exc.problem.said, path,
                     _owner(path))
    save = loaded.save
    game = loaded.game
    result = score(loaded.scenario, game.reports)
    problem = None if loaded.verified else joined(loaded.problems) or Said("replay.status", status=loaded.status)
    if save.scenario not in by_id:
        problem = Said("board.not_in_workshop", id=save.scenario)
    else:
        index, scenario = by_id[save.scenario]
        if save.seed != workshop.seed_for(index, scenario):
            problem = Said("board.other_seed", seed=save.seed, expected=workshop.seed_for(index, scenario))
        elif save.workshop != workshop.id:
            problem = Said("board.other_workshop", found=save.workshop, id=workshop.id)
    t = result.totals
    return Entry(None, save.player, save.scenario, len(game.reports), game.finished, result.score, result.stars,
                 t.gmv, t.gpm, problem is None, problem, path, _owner(path), save.created)


def _owner(path: Path) -> str:
    return path.stem.split("--", 1)[0]


_NAME_LIMIT = 60


def participant_name(text: str) -> str | None:
    """A participant's name as typed, cleaned for display (control characters dropped,
    spaces folded, at most 60 characters); None when nothing usable is left."""
    cleaned = "".join(ch for ch in text if ch.isprintable())
    cleaned = re.sub(r"\s+", " ", cleaned).strip()[:_NAME_LIMIT].strip()
    return cleaned or None


# ------------------------------------------------------------------ participants

def participant_key(name: str) -> str:
    """The file-name part that is a participant's in a workshop: readable, and distinct for
    every two names that differ other than in letter case ("Team A/B" and "Team A B" never
    share one; names of punctuation only neither)."""
    folded = (participant_name(name) or "").casefold()
    digest = hashlib.sha256(folded.encode("utf-8")).hexdigest()[:8]
    return f"{safe_name(folded, 'team', 30)}-{digest}"


class NameTaken(Exception):
    """Someone connected now plays under this name."""


@dataclass
class Claim:
    """A participant's hold on a name for the workshop: a file under participants/ that the
    participant's game process keeps locked while it runs. The lock goes with the process
    (closed tab, server stopped, process killed), so whoever comes back with the same name
    takes up the same games; while it is held, nobody else can join under that name."""

    name: str
    """The name as first claimed (a reconnection typed in other letter case gets this one)."""
    key: str
    path: Path
    fd: int
    resumed: bool
    """The name was claimed before: this is a reconnection."""

    def release(self) -> None:
        try:
            os.close(self.fd)
        except OSError:
            pass


def claim_name(folder: Path, name: str, wait: float = 0.0) -> Claim:
    """Claim `name` for this process in a workshop's saves folder; NameTaken when someone
    holds it now (after waiting up to `wait` seconds: a reloaded page's old game may still
    be closing). OSError when the folder cannot be written."""
    key = participant_key(name)
    where = folder / "participants"
    where.mkdir(parents=True, exist_ok=True)
    path = where / f"{key}.json"
    while True:
        try:
            fd = os.open(path, os.O_RDWR)
        except FileNotFoundError:
            fd = _create_locked(where, path, name)
            if fd is None:
                continue  # someone created it first: take the existing one's turn
            return Claim(name, key, path, fd, resumed=False)
        if not _lock(fd, wait):
            os.close(fd)
            raise NameTaken(name)
        try:
            data = json.loads(os.pread(fd, 10_000, 0).decode("utf-8"))
            held = participant_name(str(data.get("name", ""))) or name
        except (ValueError, UnicodeDecodeError, AttributeError):
            held = name
        return Claim(held, key, path, fd, resumed=True)


def _lock(fd: int, wait: float) -> bool:
    import time

    end = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() >= end:
                return False
            time.sleep(0.1)


def _create_locked(where: Path, path: Path, name: str) -> int | None:
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix=".claim.", dir=where)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # locked before the name exists: nobody can take it in between
        os.write(fd, json.dumps({"name": name}, ensure_ascii=False).encode("utf-8"))
        os.fsync(fd)
        try:
            os.link(tmp, path)
        except FileExistsError:
            os.close(fd)
            return None
        return fd
    finally:
        os.unlink(tmp)


@dataclass(slots=True, frozen=True)
class RoundState:
    """Where a participant stands in one round, from their latest game of it."""

    path: Path | None
    """The latest game's save (None: not started)."""
    weeks: int
    """Weeks played in it."""
    finished: bool
    score: int


def participant_rounds(folder: Path, key: str, scenarios: list[Scenario]) -> list[RoundState]:
    """Each round's state for the participant `key`, from their saves (latest game first).
    A file that cannot be read counts as not there (it is listed on the leaderboard)."""
    found: dict[str, tuple[str, str, Path, SaveFile]] = {}
    for path in folder.glob(f"{key}--*.toml"):
        try:
            save, _ = read_save(path)
        except SaveError:
            continue
        mark = (save.created, _attempt(path))
        if save.scenario not in found or mark > found[save.scenario][:2]:
            found[save.scenario] = (*mark, path, save)
    out = []
    for s in scenarios:
        if s.id not in found:
            out.append(RoundState(None, 0, False, 0))
            continue
        path, save = found[s.id][2:]
        weeks = len(save.turns)
        out.append(RoundState(path, weeks, weeks >= s.turns, save.turns[-1].result.score if save.turns else 0))
    return out
