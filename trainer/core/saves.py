"""Saved games: TOML files that hold the decisions, replayed and checked on loading.

A save records what the player decided each turn and the headline results the game
showed (GMV, GPM, score). Loading replays the decisions through the engine and
compares: a save edited by hand, or one whose scenario has changed since, is reported
as such, with the replayed game to continue from. Writes are atomic (a temporary file
in the same folder, flushed and fsynced, then renamed over the old one), and the
previous version stays beside it as `NAME.toml.bak`, so a crash at any moment loses at
most the turn being planned.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import tomllib
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import tomli_w
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from trainer.core import paths
from trainer.core.engine import MODEL_VERSION, Engine, Game
from trainer.core.library import find
from trainer.core.loading import FileProblems, Problem, key_lines, problems_from
from trainer.core.plan import DECISION_KEYS, Decision, PlanError
from trainer.core.problems import Said
from trainer.core.scenario import LANGUAGES, Scenario
from trainer.core.scoring import score
from trainer.core.text import check_text_value

FORMAT = 1
"""The save format written now. Older formats are migrated on loading (see MIGRATIONS)."""

SAVES_ENV = paths.SAVES_ENV
MAX_SAVE_BYTES = 5_000_000
BACKUP_SUFFIX = ".bak"


def saves_dir(override: str | Path | None = None) -> Path:
    """Where saves live: the given folder, else $FACT_TRAINER_SAVES, else a checkout's
    `saves/` or, installed, `saves/` in the user's data folder (trainer.core.paths)."""
    return paths.saves_dir(override)


_UNSAFE = re.compile(r"[^\w\-]+", re.UNICODE)


def safe_name(text: str, fallback: str = "player", limit: int = 40) -> str:
    """A file-name part from anything a person types: letters (any script), digits, - and _.

    Slashes, dots, spaces, control characters and the like become '-'; the result never
    starts with '-' or '.', is at most `limit` characters, and is never empty.
    """
    text = unicodedata.normalize("NFKC", text or "")
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C")
    slug = _UNSAFE.sub("-", text).strip("-_")[:limit].strip("-_")
    return slug or fallback


def scenario_hash(scenario: Scenario) -> str:
    """A fingerprint of what a scenario says (not how its file is laid out)."""
    # the level as its file says it, without its text in other languages: a translation, or
    # a game played in another language, is the same level
    dumped = scenario.original.model_dump(mode="json", exclude={"language", *LANGUAGES})
    canonical = json.dumps(dumped, sort_keys=True, ensure_ascii=False)
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


# ------------------------------------------------------------------ the file format

class _SaveModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    @field_validator("*", mode="after")
    @classmethod
    def _text_is_data(cls, value, info):
        """A save whose text (player name, ids) holds a control character does not verify."""
        return check_text_value(value, info.field_name)


class SavedResult(_SaveModel):
    """The headline figures a turn showed, for listing without replaying."""

    gmv: int = Field(ge=0)
    gpm: float = Field(ge=0, allow_inf_nan=False)
    score: int = Field(ge=0)
    total_gmv: int | None = Field(None, ge=0)
    """The game's GMV up to this turn, rounded once as the end screen rounds it (saves written
    before it existed sum the rounded weeks)."""


class SavedTurn(_SaveModel):
    """One resolved turn: the decision and what it showed."""

    turn: int = Field(ge=1)
    field: int = Field(0, ge=0)
    alliance: int = Field(0, ge=0)
    campaign: int = Field(0, ge=0)
    top_kol: int = Field(0, ge=0)
    content: int = Field(0, ge=0)
    brand: int = Field(0, ge=0)
    product: int = Field(0, ge=0)
    price: int = Field(0, ge=0)
    kol: str | None = None
    commission: float | None = Field(None, ge=0, le=100, allow_inf_nan=False)
    discount: float = Field(0.0, ge=0, le=90, allow_inf_nan=False)
    providers: list[str] = Field(default_factory=list)
    result: SavedResult

    def decision(self) -> Decision:
        """The decision as the engine takes it."""
        values = {k: getattr(self, k) for k in DECISION_KEYS}
        values["providers"] = tuple(values["providers"])
        return Decision(**values)


class SaveFile(_SaveModel):
    """A save as written on disk."""

    format: int = Field(ge=1)
    scenario: str
    scenario_hash: str
    model: int = Field(1, ge=1)
    """The market model version that made the recorded figures."""
    seed: int = Field(ge=0)
    player: str = Field(min_length=1, max_length=200)
    created: str
    updated: str
    workshop: str | None = None
    turns_played: int = Field(0, ge=0)
    """How many [[turns]] follow: a file cut short holds fewer."""
    turns: list[SavedTurn] = Field(default_factory=list)


MIGRATIONS: dict[int, callable] = {}
"""Format N -> a function turning a format-N dictionary into format N+1. None yet: format 1
is the first released format (its fixture is tests/fixtures/saves/format-1.toml)."""


class SaveError(Exception):
    """A save that could not be read or written; `problem` says which file and why."""

    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))


# ------------------------------------------------------------------ writing

def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def save_data(game: Game, player: str, created: str | None = None, workshop: str | None = None) -> dict:
    """The dictionary a save file holds for `game`."""
    turns = []
    for i, report in enumerate(game.reports):
        running = score(game.scenario, game.reports[: i + 1])
        entry = {"turn": report.turn, **report.decision.to_dict(),
                 "result": {"gmv": int(round(report.gmv)), "gpm": round(report.gpm, 2), "score": running.score,
                            "total_gmv": int(round(running.totals.gmv))}}
        turns.append(entry)
    now = _now()
    data = {
        "format": FORMAT,
        "scenario": game.scenario.id,
        "scenario_hash": scenario_hash(game.scenario),
        "model": MODEL_VERSION,
        "seed": game.seed,
        "player": player,
        "created": created or now,
        "updated": now,
        "turns_played": len(turns),
        "turns": turns,
    }
    if workshop:
        data["workshop"] = workshop
    return data


def new_save_path(folder: Path, player: str, scenario_id: str) -> Path:
    """A file name for a new game of `player` in a scenario, never one already taken:
    another game (or a damaged file) of the same name is never overwritten."""
    stem = f"{safe_name(player)}--{safe_name(scenario_id, 'scenario')}"
    path = folder / f"{stem}.toml"
    n = 2
    while path.exists() or path.with_name(path.name + BACKUP_SUFFIX).exists():
        path = folder / f"{stem}-{n}.toml"
        n += 1
    return path


def claim_save(folder: Path, stem: str, data: dict) -> Path:
    """Write a new save under `folder/stem.toml` (or `stem-2.toml`, ... when taken) so that no
    other file is ever overwritten, even by another process racing for the same name: the
    whole file is written under a temporary name, then linked to its final name, which fails
    when that name exists (the check and the creation are one step). SaveError when the
    folder cannot be written."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{stem}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise SaveError(Problem(str(folder / f"{stem}.toml"), 0, "",
                                Said("save.folder_not_written", reason=exc.strerror or str(exc)))) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(tomli_w.dumps(data))
            f.flush()
            os.fsync(f.fileno())
        n = 1
        while True:
            path = folder / (f"{stem}.toml" if n == 1 else f"{stem}-{n}.toml")
            if not path.with_name(path.name + BACKUP_SUFFIX).exists():
                try:
                    os.link(tmp, path)
                    return path
                except FileExistsError:
                    pass
            n += 1
    except OSError as exc:
        raise SaveError(Problem(str(folder / f"{stem}.toml"), 0, "",
                                Said("save.folder_not_written", reason=exc.strerror or str(exc)))) from None
    finally:
        try:
            os.unlink(tmp)
        except OSError:
            pass


def write_atomic(path: Path, data: dict) -> None:
    """Write TOML to `path` so that a crash at any moment leaves either the old file or
    the new one whole; the old one is kept as `path.bak`. SaveError when it cannot be."""
    write_atomic_text(path, tomli_w.dumps(data), backup=True)


def write_atomic_text(path: Path, text: str, backup: bool = False, durable: bool = True) -> None:
    """Write `text` to `path` atomically (temporary file, fsync, rename); with `backup`, the
    previous version stays as `path.bak`. SaveError, naming the file, when it cannot be.

    `durable=False` skips the fsync, for a file rewritten every second whose loss in a power
    cut costs nothing (a game's presence): readers still see the old file or the new one
    whole, and the writer does not wait for the disk."""
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(text)
                f.flush()
                if durable:
                    os.fsync(f.fileno())
            if backup and path.exists():
                copy = path.with_name(path.name + BACKUP_SUFFIX)
                # a hard link keeps the old version under the backup name with no moment
                # in which the save itself is missing
                try:
                    if copy.exists():
                        copy.unlink()
                    os.link(path, copy)
                except OSError:
                    pass  # no backup on this file system: the atomic rename still protects the save
            os.replace(tmp, path)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
        if durable:
            try:
                dir_fd = os.open(folder, os.O_RDONLY)
                try:
                    os.fsync(dir_fd)
                finally:
                    os.close(dir_fd)
            except OSError:
                pass
    except OSError as exc:
        reason = exc.strerror or str(exc)
        hint = Said("save.disk_full") if exc.errno == 28 else Said("save.folder_unwritable")
        raise SaveError(Problem(str(path), 0, "", Said("save.not_written", reason=reason, hint=hint))) from None


def save_game(game: Game, player: str, path: Path, created: str | None = None,
              workshop: str | None = None) -> Path:
    """Save `game` for `player` to `path` (atomically; see new_save_path for a new game)."""
    write_atomic(path, save_data(game, player, created, workshop))
    return path


# ------------------------------------------------------------------ reading

def read_save(path: Path) -> tuple[SaveFile, dict[tuple, int]]:
    """Parse and validate a save file (migrating older formats); SaveError if it cannot be used.

    The file is only read, never changed.
    """
    name = str(path)

    def fail(message: Said, line: int = 0, key: str = "") -> SaveError:
        return SaveError(Problem(name, line, key, message))

    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise fail(Said("save.missing")) from None
    except IsADirectoryError:
        raise fail(Said("save.folder")) from None
    except OSError as exc:
        raise fail(Said("file.unreadable", reason=exc.strerror or str(exc))) from None
    if not raw.strip():
        raise fail(Said("save.empty"))
    if len(raw) > MAX_SAVE_BYTES:
        raise fail(Said("save.too_big", size=len(raw)))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise fail(Said("save.not_utf8")) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"at line (\d+)", str(exc))
        # tomllib's own words (it gives no code): the line is taken out of them
        raise fail(Said("save.bad_toml", reason=re.sub(r"\s*\(at line.*\)", "", str(exc))),
                   int(match.group(1)) if match else 0) from None
    version = data.get("format")
    if not isinstance(version, int) or isinstance(version, bool):
        raise fail(Said("save.no_format"), 1, "format")
    if version > FORMAT:
        raise fail(Said("save.newer", version=version, reads=FORMAT), key="format")
    while version < FORMAT:
        migrate = MIGRATIONS.get(version)
        if migrate is None:
            raise fail(Said("save.old_format", version=version), key="format")
        data = migrate(data)
        version = data["format"]
    lines = key_lines(text)
    try:
        return SaveFile.model_validate(data), lines
    except ValidationError as exc:
        problems = problems_from(exc, SaveFile, name, lines)
        raise SaveError(problems[0]) from None


@dataclass(slots=True)
class LoadedSave:
    """A save replayed: the game to continue, and what did not match."""

    path: Path
    save: SaveFile
    scenario: Scenario
    game: Game
    status: str
    """ok; edited (the recorded results differ from the replay of the same scenario and model);
    scenario_changed or model_changed (the figures were made by another version, so the replay
    may differ); partial (the file was cut short, or a decision could not be replayed: the game
    stops before it)."""
    problems: list[Said] = field(default_factory=list)
    """What did not match, as codes and values (the presentation layer words them)."""

    @property
    def verified(self) -> bool:
        """True when the replay reproduced every recorded figure with the same scenario."""
        return self.status == "ok"


def load_game(path: str | Path, scenario: Scenario | None = None) -> LoadedSave:
    """Load a save and replay it; SaveError when the file or its scenario cannot be used."""
    path = Path(path)
    save, _ = read_save(path)
    if scenario is None:
        try:
            scenario, _ = find(save.scenario)
        except FileProblems as exc:
            raise SaveError(Problem(str(path), 0, "scenario",
                                    Said("save.no_scenario", id=save.scenario, problem=exc.problems[0].said))) from None
    problems: list[Said] = []
    changed = []
    # a newer model comes first: its new keys alone change every scenario's fingerprint
    if save.model != MODEL_VERSION:
        changed.append("model_changed")
        problems.append(Said("replay.model", model=save.model, runs=MODEL_VERSION))
    if scenario_hash(scenario) != save.scenario_hash:
        changed.append("scenario_changed")
        problems.append(Said("replay.scenario_changed", id=scenario.id))
    partial = False
    if len(save.turns) != save.turns_played:
        partial = True
        problems.append(Said("replay.cut_short", said=save.turns_played, holds=len(save.turns)))
    mismatches = []
    game = Engine(scenario).new_game(save.seed)
    for entry in save.turns:
        if entry.turn != game.turn:
            partial = True
            problems.append(Said("replay.out_of_order", turn=entry.turn, expected=game.turn))
            break
        try:
            report = game.step(entry.decision())
        except PlanError as exc:
            partial = True
            problems.append(Said("replay.refused", turn=entry.turn, problem=exc.problems[0][2]))
            break
        shown = entry.result
        result = score(scenario, game.reports)
        replayed = SavedResult(gmv=int(round(report.gmv)), gpm=round(report.gpm, 2), score=result.score,
                               total_gmv=None if shown.total_gmv is None else int(round(result.totals.gmv)))
        if replayed != shown:
            figures = dict(turn=entry.turn, gmv=shown.gmv, gpm=shown.gpm, score=shown.score, replay_gmv=replayed.gmv,
                           replay_gpm=replayed.gpm, replay_score=replayed.score)
            if shown.total_gmv is not None and shown.total_gmv != replayed.total_gmv:
                mismatches.append(Said("replay.differs_total", **figures, total=shown.total_gmv,
                                       replay_total=replayed.total_gmv))
            else:
                mismatches.append(Said("replay.differs", **figures))
    if partial:
        status = "partial"
    elif mismatches and not changed:
        status = "edited"
    elif changed:
        status = changed[0]
    else:
        status = "ok"
    problems.extend(mismatches)
    return LoadedSave(path, save, scenario, game, status, problems)


@dataclass(slots=True, frozen=True)
class SaveSummary:
    """A line of the saves list: from the file alone, without replaying."""

    path: Path
    player: str
    scenario: str
    turn: int
    """Turns played."""
    gmv: int
    """GMV over the turns played."""
    score: int
    """The score after the last turn played."""
    updated: str
    problem: Said | str | None = None
    """Why the file cannot be loaded, if it cannot."""
    workshop: str | None = None
    """The workshop the game was played in (its saves are in a folder of the workshop's id)."""


def list_saves(folder: Path, workshops: bool = False) -> list[SaveSummary]:
    """Every save in `folder` (newest first); broken files are listed with their problem.
    With `workshops`, the saves of workshops too (in a folder per workshop inside it)."""
    out: list[SaveSummary] = []
    if not folder.is_dir():
        return out
    paths = list(folder.glob("*.toml"))
    if workshops:
        paths += [p for sub in sorted(folder.iterdir()) if sub.is_dir() and not sub.name.startswith(".")
                  for p in sub.glob("*.toml")]
    for path in paths:
        try:
            save, _ = read_save(path)
        except SaveError as exc:
            stamp = datetime.fromtimestamp(path.stat().st_mtime, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            out.append(SaveSummary(path, "?", "?", 0, 0, 0, stamp, exc.problem.said))
            continue
        last = save.turns[-1].result if save.turns else None
        total = last.total_gmv if last is not None and last.total_gmv is not None else sum(
            t.result.gmv for t in save.turns)
        out.append(SaveSummary(path, save.player, save.scenario, len(save.turns), total,
                               save.turns[-1].result.score if save.turns else 0, save.updated,
                               workshop=save.workshop))
    out.sort(key=lambda s: (s.problem is None, s.updated), reverse=True)
    return out


def latest_save(folder: Path) -> SaveSummary | None:
    """The most recently updated save that can be read, or None."""
    for summary in list_saves(folder):
        if summary.problem is None:
            return summary
    return None


def delete_save(path: Path) -> None:
    """Delete a save and its backup."""
    path.unlink(missing_ok=True)
    path.with_name(path.name + BACKUP_SUFFIX).unlink(missing_ok=True)


@dataclass(slots=True)
class Autosave:
    """Where one game is kept, saved after every resolved turn.

    A failed write (read-only folder, full disk) is returned, not raised: play goes on
    and the next turn's save tries again with the whole game, so nothing is lost that a
    later save cannot bring back.
    """

    path: Path
    player: str
    created: str = field(default_factory=_now)
    workshop: str | None = None

    @classmethod
    def new(cls, folder: Path, player: str, scenario_id: str, workshop: str | None = None) -> Autosave:
        """A slot for a new game, in a file no other game uses."""
        return cls(new_save_path(folder, player, scenario_id), player, workshop=workshop)

    @classmethod
    def claim(cls, folder: Path, player: str, game: Game, workshop: str | None = None,
              owner: str | None = None) -> Autosave:
        """A new game's file, created now with the game as it starts (no turn played), in a
        name no other file has (see claim_save): `owner` (default: the player's name) and the
        scenario make the name. SaveError when it cannot be written."""
        slot = cls(folder / "unclaimed.toml", player, workshop=workshop)
        stem = f"{safe_name(owner or player)}--{safe_name(game.scenario.id, 'scenario')}"
        slot.path = claim_save(folder, stem, save_data(game, player, slot.created, workshop))
        return slot

    @classmethod
    def resume(cls, loaded: LoadedSave) -> Autosave:
        """The slot of a loaded game: it goes on saving to the same file."""
        s = loaded.save
        return cls(loaded.path, s.player, s.created, s.workshop)

    def save(self, game: Game) -> SaveError | None:
        """Save the game; None when it worked, else the error to show."""
        try:
            save_game(game, self.player, self.path, self.created, self.workshop)
        except SaveError as exc:
            return exc
        return None


@dataclass(slots=True, frozen=True)
class BestResult:
    """A player's best finished game of one level, from the saves."""

    stars: int
    score: int
    player: str


def best_results(folder: Path, scenarios: list[Scenario]) -> dict[str, BestResult]:
    """For each of `scenarios` (by id) finished in a save in `folder`: the best result, replayed
    (a save is scored by the game it replays to, never by the figures it claims)."""
    from trainer.core.scoring import score

    by_id = {s.id: s for s in scenarios}
    best: dict[str, BestResult] = {}
    for summary in list_saves(folder):
        scenario = by_id.get(summary.scenario)
        if summary.problem is not None or scenario is None or summary.turn < scenario.turns:
            continue
        try:
            loaded = load_game(summary.path, scenario)
        except SaveError:
            continue
        if not loaded.game.finished:
            continue
        result = score(scenario, loaded.game.reports)
        found = BestResult(result.stars, round(result.score), summary.player)
        if scenario.id not in best or (found.stars, found.score) > (best[scenario.id].stars, best[scenario.id].score):
            best[scenario.id] = found
    return best
