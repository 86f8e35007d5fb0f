"""The shipped scenarios: where they live and how to find one by id or path."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from trainer.core.loading import FileProblems, Problem, load_scenario
from trainer.core.scenario import Scenario

SCENARIOS_ENV = "FACT_TRAINER_SCENARIOS"


def scenarios_dir() -> Path:
    """The scenarios folder: $FACT_TRAINER_SCENARIOS, or `scenarios/` beside the package."""
    override = os.environ.get(SCENARIOS_ENV)
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[2] / "scenarios"


@dataclass(slots=True, frozen=True)
class Entry:
    """A scenario file in the library: the scenario, or the problems that keep it out."""

    path: Path
    scenario: Scenario | None
    problems: tuple[Problem, ...] = ()


def entries(folder: Path | None = None) -> list[Entry]:
    """Every *.toml in the folder, loaded, in file-name order (the library's order)."""
    folder = folder or scenarios_dir()
    out = []
    for path in sorted(folder.glob("*.toml")):
        try:
            out.append(Entry(path, load_scenario(path)))
        except FileProblems as exc:
            out.append(Entry(path, None, tuple(exc.problems)))
    return out


def find(name: str, folder: Path | None = None) -> tuple[Scenario, Path]:
    """A scenario by id (from the library) or by path; FileProblems when neither works."""
    candidate = Path(name)
    if candidate.suffix == ".toml" or os.sep in name or candidate.is_file():
        return load_scenario(candidate), candidate
    folder = folder or scenarios_dir()
    known = []
    for entry in entries(folder):
        if entry.scenario is None:
            continue
        if entry.scenario.id == name:
            return entry.scenario, entry.path
        known.append(entry.scenario.id)
    hint = f"; known ids: {', '.join(known)}" if known else f"; {folder} holds no valid scenario"
    raise FileProblems([Problem(name, 0, "", f"no scenario has this id and no such file{hint}")])
