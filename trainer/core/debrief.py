"""The debrief of a finished (or stopped) game: what a facilitator and a trainee review.

Everything here is computed by the engine and the reference players on the game's own
seed: the player's result beside the bots' and the answer key's, the turns that made
and lost the most with their reasons, and the facts that show each lesson.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from trainer.core.bots import BOTS, play
from trainer.core.engine import Game, TurnReport
from trainer.core.explain import Change, changes
from trainer.core.scenario import POSITIONS, STRENGTHS
from trainer.core.scoring import Result, score
from trainer.core.search import solve

COMPARED_BOTS = ("balanced", "roi_greedy", "even_split")


@dataclass(slots=True, frozen=True)
class TurnSwing:
    """A turn that moved GMV most, up or down, and why."""

    turn: int
    gmv: float
    change: float
    """GMV change from the turn before."""
    changes: tuple[Change, ...]
    """The biggest causes of that change (from explain.changes), largest first."""


@dataclass(slots=True, frozen=True)
class Benchmark:
    """A reference player's result on the same scenario and seed."""

    name: str
    score: int
    stars: int
    gmv: float
    gpm: float


@dataclass(slots=True)
class Debrief:
    """A game reviewed."""

    game: Game
    result: Result
    best_turns: list[TurnSwing]
    worst_turns: list[TurnSwing]
    benchmarks: list[Benchmark]
    facts: dict[str, float] = field(default_factory=dict)
    """Figures that show the lessons: gpm_first, gpm_last, pool_first, pool_last, fans_first,
    fans_last, share_<position> and share_strengths (of the money spent), refund_rate_max,
    rating_min, kol_fit_mean (0 when no KOL was booked), awareness_first, awareness_last."""

    @property
    def has_answer_key(self) -> bool:
        """Whether the answer key is among the benchmarks (and so counts in the rank)."""
        return any(b.name == "answer_key" for b in self.benchmarks)

    @property
    def rank(self) -> int:
        """1 + how many reference players scored above the player."""
        return 1 + sum(1 for b in self.benchmarks if b.score > self.result.score)


def _swing(report: TurnReport, previous: TurnReport) -> TurnSwing:
    change = report.gmv - previous.gmv
    return TurnSwing(report.turn, report.gmv, change, tuple(changes(previous, report)[:3]))


def facts(reports: list[TurnReport]) -> dict[str, float]:
    """The figures that show a game's lessons (see Debrief.facts)."""
    if not reports:
        return {}
    first, last = reports[0], reports[-1]
    spent = sum(r.spend for r in reports) or 1.0
    out = {
        "gpm_first": first.gpm, "gpm_last": last.gpm,
        "pool_first": first.before.pool, "pool_last": last.after.pool,
        "fans_first": first.before.fans, "fans_last": last.after.fans,
        "awareness_first": first.before.awareness, "awareness_last": last.after.awareness,
        "refund_rate_max": max(r.drivers.refund_rate for r in reports),
        "rating_min": min(r.after.rating for r in reports),
        "share_strengths": sum(sum(getattr(r.decision, s) for s in STRENGTHS) for r in reports) / spent,
    }
    for position in POSITIONS:
        out[f"share_{position}"] = sum(getattr(r.decision, position) for r in reports) / spent
    fits = [r.drivers.kol_fit for r in reports if r.drivers.kol is not None]
    out["kol_fit_mean"] = sum(fits) / len(fits) if fits else 0.0
    return out


def debrief(game: Game, answer_key: bool = True, evaluations: int = 2000) -> Debrief:
    """Review `game` against the reference players (and the answer key) on its seed."""
    scenario = game.scenario
    reports = game.reports
    # from week 2 on: the first week's "change" from nothing says nothing
    swings = [_swing(r, reports[i - 1]) for i, r in enumerate(reports) if i > 0]
    ranked = sorted(swings, key=lambda s: s.change)
    worst = [s for s in ranked[:2] if s.change < 0]
    best = [s for s in reversed(ranked[-2:]) if s.change > 0]
    benchmarks = []
    for name in COMPARED_BOTS:
        bot_game = play(game.engine, BOTS[name], game.seed)
        r = score(scenario, bot_game.reports)
        benchmarks.append(Benchmark(name, r.score, r.stars, r.totals.gmv, r.totals.gpm))
    if answer_key:
        # the answer key for this game's own luck, searched in this process (a debrief runs
        # inside the app, in a thread)
        solution = solve(scenario, seed=game.seed, evaluations=evaluations, seeds=(game.seed,), workers=1)
        r = solution.result
        benchmarks.append(Benchmark("answer_key", r.score, r.stars, r.totals.gmv, r.totals.gpm))
    return Debrief(game, score(scenario, reports), best, worst, benchmarks, facts(reports))
