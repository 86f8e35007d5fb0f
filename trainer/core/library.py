"""The library of levels: where scenarios are found, and how to find one by id or path.

Levels come from three places, in this order (trainer.core.paths says where each is):

1. `shipped`: the levels that come with the game;
2. `user`: the author's own, in `scenarios/` of the user's data folder;
3. `env`: the folders $FACT_TRAINER_SCENARIOS names.

An id opens the first level that has it, so a shipped id always means the shipped
level: a save or a workshop that names "tutorial" plays the same level on every machine.
A later file with an id already taken is listed as shadowed (Entry.shadowed_by) and is
played by its path (`fact-trainer play PATH`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from trainer.core import paths
from trainer.core.loading import FileProblems, Problem, load_scenario
from trainer.core.problems import Said
from trainer.core.scenario import Scenario

SCENARIOS_ENV = paths.SCENARIOS_ENV

ORIGINS = ("shipped", "user", "env", "folder")
"""shipped, user, env ($FACT_TRAINER_SCENARIOS), folder (a folder given to entries())."""


def scenarios_dir() -> Path:
    """The folder of the shipped levels."""
    return paths.shipped_levels_dir()


def sources() -> list[tuple[str, Path]]:
    """The folders levels come from, as (origin, folder), in the library's order."""
    out = [("shipped", scenarios_dir()), ("user", paths.user_levels_dir())]
    out += [("env", folder) for folder in paths.env_levels_dirs()]
    return out


@dataclass(slots=True, frozen=True)
class Entry:
    """A scenario file in the library: the scenario, or the problems that keep it out."""

    path: Path
    scenario: Scenario | None
    problems: tuple[Problem, ...] = ()
    origin: str = "folder"
    """Where the file was found: one of ORIGINS."""
    shadowed_by: Path | None = None
    """The file whose level its id opens, when an earlier folder has a level with the same id."""

    @property
    def opens_by_id(self) -> bool:
        """True when `play ID` (and a save or workshop naming the id) opens this file."""
        return self.scenario is not None and self.shadowed_by is None


def _folder_entries(folder: Path, origin: str) -> list[Entry]:
    """Every *.toml in one folder, loaded, in file-name order; nothing when it does not exist."""
    out = []
    try:
        found = sorted(p for p in folder.glob("*.toml") if p.is_file())
    except OSError:
        return out
    for path in found:
        try:
            out.append(Entry(path, load_scenario(path), origin=origin))
        except FileProblems as exc:
            out.append(Entry(path, None, tuple(exc.problems), origin=origin))
    return out


def entries(folder: Path | None = None) -> list[Entry]:
    """The library: every level of every source (or of `folder` alone), in order.

    A level whose id an earlier one already has is kept, with shadowed_by set.
    """
    if folder is not None:
        listed = _folder_entries(folder, "folder")
    else:
        listed, seen = [], set()
        for origin, source in sources():
            try:
                key = source.resolve()
            except OSError:
                key = source
            if key in seen:  # the same folder named twice (e.g. $FACT_TRAINER_SCENARIOS = the user folder)
                continue
            seen.add(key)
            listed += _folder_entries(source, origin)
    first: dict[str, Path] = {}
    out = []
    for entry in listed:
        if entry.scenario is None:
            out.append(entry)
            continue
        owner = first.setdefault(entry.scenario.id, entry.path)
        if owner != entry.path:
            entry = Entry(entry.path, entry.scenario, entry.problems, entry.origin, owner)
        out.append(entry)
    return out


def find(name: str, folder: Path | None = None) -> tuple[Scenario, Path]:
    """A scenario by id (from the library) or by path; FileProblems when neither works."""
    candidate = Path(name)
    if candidate.suffix == ".toml" or os.sep in name or (os.altsep and os.altsep in name) or candidate.is_file():
        return load_scenario(candidate), candidate
    known = []
    for entry in entries(folder):
        if not entry.opens_by_id:
            continue
        if entry.scenario.id == name:
            return entry.scenario, entry.path
        known.append(entry.scenario.id)
    if known:
        said = Said("library.unknown", known=", ".join(known))
    else:
        said = Said("library.none", where=str(folder) if folder is not None else Said("library.the_library"))
    raise FileProblems([Problem(name, 0, "", said)])
