"""Workshops: a facilitator's file naming the scenarios, the seed and the rules, and the
leaderboard built from the participants' saves (each verified by replaying it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError, model_validator

from trainer.core.library import find
from trainer.core.loading import FileProblems, Problem, locate, problems_from, read_toml
from trainer.core.saves import SaveError, load_game
from trainer.core.scenario import Model, Scenario, at
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
    access_code: str | None = Field(None, min_length=1, max_length=40)
    """A code participants type to join; required when the game is served to a network."""

    @model_validator(mode="after")
    def _seeds(self) -> Workshop:
        if self.seed is not None and self.seeds is not None:
            raise ValueError(at(("seeds",), "give either seed (one for everyone) or seeds (one per round), not both"))
        if self.seeds is not None and len(self.seeds) != len(self.scenarios):
            raise ValueError(at(("seeds",), f"lists {len(self.seeds)} seeds for {len(self.scenarios)} scenarios: "
                                            "give one per scenario"))
        return self

    def seed_for(self, index: int, scenario: Scenario) -> int:
        """The seed of the `index`-th scenario (0-based): the workshop's, else the scenario's."""
        if self.seeds is not None:
            return self.seeds[index]
        return self.seed if self.seed is not None else scenario.seed


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
                                    f"{name!r}: {exc.problems[0].message}"))
    if problems:
        raise FileProblems(problems)
    return workshop, scenarios


def workshop_saves(folder: Path, workshop: Workshop) -> Path:
    """Where a workshop's saves go: <saves folder>/<workshop id>/."""
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
    problem: str | None
    path: Path


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
    # two participants who typed the same name keep separate files: say which is which
    names: dict[tuple[str, str], int] = {}
    for e in raw:
        names[(e.scenario, e.name)] = names.get((e.scenario, e.name), 0) + 1
    raw = [replace(e, name=f"{e.name} [{e.path.stem}]") if names[(e.scenario, e.name)] > 1 else e for e in raw]
    ranked: list[Entry] = []
    for scenario in scenarios:
        rows = sorted((e for e in raw if e.scenario == scenario.id and e.verified),
                      key=lambda e: (-e.score, -e.gmv, e.name))
        ranked.extend(replace(e, rank=rank) for rank, e in enumerate(rows, start=1))
    ranked.extend(e for e in raw if not e.verified)
    return ranked


def _entry(path: Path, workshop: Workshop, by_id: dict[str, tuple[int, Scenario]]) -> Entry:
    try:
        loaded = load_game(path)
    except SaveError as exc:
        return Entry(None, path.stem, "?", 0, False, 0, 0, 0.0, 0.0, False, exc.problem.message, path)
    save = loaded.save
    game = loaded.game
    result = score(loaded.scenario, game.reports)
    problem = None if loaded.verified else "; ".join(loaded.problems) or loaded.status
    if save.scenario not in by_id:
        problem = f"{save.scenario!r} is not a scenario of this workshop"
    else:
        index, scenario = by_id[save.scenario]
        if save.seed != workshop.seed_for(index, scenario):
            problem = f"played with seed {save.seed}, not the workshop's {workshop.seed_for(index, scenario)}"
        elif save.workshop != workshop.id:
            problem = f"saved for workshop {save.workshop!r}, not {workshop.id!r}"
    t = result.totals
    return Entry(None, save.player, save.scenario, len(game.reports), game.finished, result.score, result.stars,
                 t.gmv, t.gpm, problem is None, problem, path)


_NAME_LIMIT = 60


def participant_name(text: str) -> str | None:
    """A participant's name as typed, cleaned for display (control characters dropped,
    spaces folded, at most 60 characters); None when nothing usable is left."""
    cleaned = "".join(ch for ch in text if ch.isprintable())
    cleaned = re.sub(r"\s+", " ", cleaned).strip()[:_NAME_LIMIT].strip()
    return cleaned or None
