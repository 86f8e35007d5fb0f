"""The answer key: the best plan for a scenario, found by a real optimiser over every decision.

The search space is the whole game: for every week, the split of the budget over the four
positions, the four strengths and money left unspent; the discount (0 to 90); the
commission (within the level's range); which KOL to book (or none); which service
providers to hire. A plan is encoded as one vector of numbers (softmax weights for the
split, clipped lines for discount and commission, the largest of the KOL weights, a
provider hired when its weight is positive), so every vector decodes to a valid plan.

CMA-ES (the `cma` library) searches that space for the mean score over several seeds,
starting from the balanced heuristic's plan; a second start from another point runs
when the budget allows, and the better plan wins. The search is deterministic: the same
scenario, seeds and budget give the same plan.

A `Constraint` takes part of the space away (no F, no KOL but one, at least 70% off in the
first weeks, ...): the lesson report (trainer.core.lessons) re-optimises under each one to
prove a level's lessons against the best plan, not only against the reference players.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from trainer.core.bots import balanced, play
from trainer.core.problems import Said
from trainer.core.engine import Engine
from trainer.core.plan import Decision
from trainer.core.scenario import POSITIONS, STRENGTHS, Scenario
from trainer.core.scoring import Result, score

KEYS = (*POSITIONS, *STRENGTHS)
SPLIT = len(KEYS) + 1  # the eight keys and money left unspent
_TOP = KEYS.index("top_kol")
DEFAULT_EVALUATIONS = 6000
"""The search's budget: the games this many plans played on every seed would take. Measured
on every shipped level (`make bench`): within 0.82% of a search ten times longer (8,000 was no
better), in 4.1-9.2 s on two cores (median 7.2 s) since plans are decoded in NumPy and replayed
without a game's checks; the machine is shared and its times vary by a third."""
DEFAULT_SEEDS = 3
"""How many seeds a plan is scored on: the level's own and the ones after it."""
EXPLORE_SHARE = 0.5
"""Share of the games the search spends exploring on the first seed alone; the rest refines
the best plan on every seed. Measured on beauty-alliance at 8,000 plans, from two random
starts in one run: 1,044.5 and 1,045.1 (0.8: 1,045.5 and 1,045.9 in 1.2x the time; 0, three
seeds throughout: 1,040.0 and 1,044.7 in 0.9x the time)."""
DIAGONAL = True
"""CMA-ES with a diagonal covariance: measured better than a full one at this budget."""


@dataclass(frozen=True)
class Constraint:
    """Part of the decision space taken away from the search."""

    zero: frozenset[str] = frozenset()
    """Keys (positions or strengths) that get nothing, every week."""
    zero_in_events: frozenset[str] = frozenset()
    """Keys that get nothing in event weeks."""
    only_position: str | None = None
    """When set, every yuan for positions goes to this one (strengths stay free)."""
    min_discount: tuple[tuple[int, float], ...] = ()
    """(week, least discount) pairs: the discount is at least this in that week."""
    max_discount: float | None = None
    """The deepest discount allowed (0: no deals)."""
    kols: tuple[str, ...] | None = None
    """The KOLs that may be booked (None: any)."""
    label: Said = Said("under.optimum")
    """What the constraint is, for people (worded by the presentation layer)."""


FREE = Constraint()


@dataclass(slots=True, frozen=True)
class Solution:
    """The best plan found, its result on the first seed, and how much searching it took."""

    decisions: tuple[Decision, ...]
    result: Result
    """The plan's result on `seed`."""
    seed: int
    evaluations: int
    """Plans tried (each played on every seed of `seeds`)."""
    start_score: int
    """The balanced heuristic's score on `seed`, where the search began."""
    seeds: tuple[int, ...] = ()
    fitness: float = 0.0
    """The plan's mean unrounded score over `seeds`: what the search maximised."""
    constraint: Constraint = field(default=FREE)


def fitness(result: Result) -> float:
    """The score before rounding: what the search climbs."""
    weight = sum(r.objective.weight for r in result.objectives)
    return sum(r.points * r.objective.weight for r in result.objectives) / weight


def default_seeds(scenario: Scenario, count: int = DEFAULT_SEEDS, first: int | None = None) -> tuple[int, ...]:
    """`count` seeds starting at `first` (the level's seed by default)."""
    start = scenario.seed if first is None else first
    return tuple(start + i for i in range(count))


def _sigmoid(v: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, v))))


class PlanSpace:
    """The encoding of a whole plan as a vector, under a constraint."""

    def __init__(self, scenario: Scenario, constraint: Constraint = FREE):
        self.scenario = scenario
        self.constraint = constraint
        self.kols = list(scenario.kols)
        self.providers = list(scenario.providers)
        self.per_turn = SPLIT + 2 + len(self.kols) + len(self.providers)
        self.dim = self.per_turn * scenario.turns
        self.budgets = scenario.budgets
        self.low, self.high = scenario.creators.commission
        allowed = constraint.kols
        self.allowed_kols = [i for i, k in enumerate(self.kols) if allowed is None or k.id in allowed]
        min_discount = dict(constraint.min_discount)
        self.floors = [min_discount.get(t, 0.0) for t in range(1, scenario.turns + 1)]
        ceiling = 90.0 if constraint.max_discount is None else constraint.max_discount
        self.ceiling = ceiling
        # which keys may take money in each week
        self.open: list[tuple[bool, ...]] = []
        for t in range(1, scenario.turns + 1):
            event = scenario.event_at(t) is not None
            row = []
            for key in KEYS:
                ok = key not in constraint.zero and not (event and key in constraint.zero_in_events)
                if "strengths" in constraint.zero and key in STRENGTHS:
                    ok = False
                if constraint.only_position and key in POSITIONS and key != constraint.only_position:
                    ok = False
                if key == "top_kol" and not self.allowed_kols:
                    ok = False
                row.append(ok)
            self.open.append(tuple(row))
        # the same as arrays, for decode: money left unspent is always open
        self.open_mask = np.array([(*row, True) for row in self.open], dtype=bool)
        self.floors_array = np.array(self.floors, dtype=float)
        self.budgets_array = np.array(self.budgets, dtype=float)

    def decode(self, x: Sequence[float]) -> list[Decision]:
        """The plan a vector stands for: valid by construction (whole turns at once, in NumPy:
        the search decodes every plan it tries)."""
        v = np.asarray(x, dtype=float).reshape(self.scenario.turns, self.per_turn)
        base = SPLIT + 2 + len(self.kols)
        money = self.budgets_array
        hired: list[tuple[str, ...]] = [()] * len(money)
        if self.providers:
            money = money.copy()
            for t, wanted in enumerate(v[:, base:base + len(self.providers)].tolist()):
                names, fees = [], 0
                for w, provider in zip(wanted, self.providers):
                    if w > 0.0 and fees + provider.fee <= self.budgets[t]:
                        names.append(provider.id)
                        fees += provider.fee
                if names:
                    hired[t] = tuple(names)
                    money[t] -= fees
        weights = np.where(self.open_mask, v[:, :SPLIT], -np.inf)
        exps = np.exp(weights - weights.max(axis=1, keepdims=True))
        amounts = np.floor(money[:, None] * exps[:, :len(KEYS)] / exps.sum(axis=1, keepdims=True)).astype(int)
        kols = self.kols
        allowed = self.allowed_kols
        if allowed:
            best = np.asarray(allowed)[np.argmax(v[:, SPLIT + 2:SPLIT + 2 + len(kols)][:, allowed], axis=1)].tolist()
        discounts = np.minimum(self.ceiling, np.maximum(self.floors_array, np.round(30.0 * v[:, SPLIT], 1)))
        share = 1.0 / (1.0 + np.exp(-np.clip(v[:, SPLIT + 1], -60.0, 60.0)))
        commissions = np.round(self.low + (self.high - self.low) * share, 1).tolist()
        discounts = discounts.tolist()
        out = []
        for t, row in enumerate(amounts.tolist()):
            kol = None
            top = row[_TOP]
            if top > 0:
                chosen = kols[best[t]]
                if top >= chosen.fee:
                    kol = chosen.id
                else:
                    row[_TOP] = 0
            out.append(Decision(*row, kol=kol, commission=commissions[t], discount=discounts[t],
                                providers=hired[t]))
        return out

    def encode(self, decisions: Sequence[Decision]) -> list[float]:
        """A vector that decodes to (about) `decisions`: where the search starts."""
        x: list[float] = []
        for t, d in enumerate(decisions):
            budget = max(1, self.budgets[t])
            spent = sum(getattr(d, k) for k in KEYS)
            shares = [getattr(d, k) / budget for k in KEYS] + [max(0.0, (budget - spent) / budget)]
            x.extend(math.log(s + 0.02) for s in shares)
            x.append(d.discount / 30.0 if d.discount > 0 else -1.0)
            commission = d.commission if d.commission is not None else self.scenario.creators.default_commission
            span = self.high - self.low
            p = min(0.98, max(0.02, (commission - self.low) / span)) if span > 0 else 0.5
            x.append(math.log(p / (1.0 - p)))
            x.extend(1.0 if d.kol == k.id else 0.0 for k in self.kols)
            x.extend(1.0 if p.id in d.providers else -1.0 for p in self.providers)
        return x


def plan_fitness(engine: Engine, decisions: Sequence[Decision], seeds: Sequence[int]) -> float:
    """The mean unrounded score of a plan over `seeds`."""
    total = 0.0
    resolve = engine.resolve
    for seed in seeds:
        # the engine's own turn, without a game's checks: a decoded plan is valid by construction
        # (tests/core/test_search.py proves it for any vector and constraint)
        state = engine.initial_state()
        reports = []
        for d, luck in zip(decisions, engine.luck(seed), strict=True):
            report = resolve(state, d, luck)
            reports.append(report)
            state = report.after
        total += fitness(score(engine.scenario, reports))
    return total / len(seeds)


_WORKER: tuple | None = None


def _init_worker(scenario: Scenario, constraint: Constraint) -> None:
    global _WORKER
    _WORKER = (Engine(scenario), PlanSpace(scenario, constraint))


def _score_vectors(xs: list[list[float]], seeds: tuple[int, ...]) -> list[float]:
    engine, space = _WORKER
    return [plan_fitness(engine, space.decode(x), seeds) for x in xs]


class _Pool:
    """Scores a population of vectors, in worker processes when there are cores to share."""

    def __init__(self, scenario, constraint, seeds, engine, space, workers: int):
        self.local = (engine, space)
        self.workers = workers
        self.executor = None
        if workers > 1:
            from concurrent.futures import ProcessPoolExecutor

            self.executor = ProcessPoolExecutor(workers, initializer=_init_worker,
                                                initargs=(scenario, constraint))

    def score(self, xs: list[list[float]], seeds: tuple[int, ...]) -> list[float]:
        if self.executor is None:
            engine, space = self.local
            return [plan_fitness(engine, space.decode(x), seeds) for x in xs]
        size = -(-len(xs) // self.workers)
        chunks = [xs[i:i + size] for i in range(0, len(xs), size)]
        return [f for part in self.executor.map(_score_vectors, chunks, [seeds] * len(chunks)) for f in part]

    def close(self) -> None:
        if self.executor is not None:
            self.executor.shutdown()


def default_workers() -> int:
    """Worker processes for a search: one per core, at most four, one on a single core."""
    import os

    return max(1, min(4, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1))


def optimise(scenario: Scenario, seeds: Sequence[int], evaluations: int = DEFAULT_EVALUATIONS,
             constraint: Constraint = FREE, rng_seed: int = 0,
             progress: Callable[[int, int, float], None] | None = None,
             start: Sequence[Decision] | None = None, workers: int | None = None) -> tuple[list[Decision], float, int]:
    """(plan, mean fitness over `seeds`, plans tried): CMA-ES over the plan space under
    `constraint`, within the games `evaluations` plans on every seed would take.

    The search explores on the first seed alone (a seed's luck is the same draws whatever
    the plan, so one seed ranks plans almost as all of them do, at a fraction of the games),
    then refines the best plan on every seed. The result does not depend on `workers`
    (a population is scored in order)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # cma warns that it cannot plot without matplotlib
        import cma

    seeds = tuple(seeds)
    engine = Engine(scenario)
    space = PlanSpace(scenario, constraint)
    if start is None:
        start = [r.decision for r in play(engine, balanced, seeds[0]).reports]
    x0 = space.encode(start)
    games = evaluations * len(seeds)
    """The budget, in games played."""
    spent = len(seeds)
    used = 1
    pool = _Pool(scenario, constraint, seeds, engine, space, default_workers() if workers is None else workers)
    try:
        # explore on one seed, refine on all: (seeds, the games spent when the phase ends)
        phases = [(seeds[:1], int(games * EXPLORE_SHARE)), (seeds, games)] if len(seeds) > 1 else [(seeds, games)]
        best_x = x0
        best = plan_fitness(engine, space.decode(x0), phases[0][0])
        restarts = 0
        for phase, (these, until) in enumerate(phases):
            if phase:
                # the explored plan, judged on every seed, is where refining starts
                best = plan_fitness(engine, space.decode(best_x), these)
                spent += len(these)
            while spent < until:
                if restarts and (until - spent) // len(these) < 200:
                    break
                options = {"seed": rng_seed * 1000 + restarts + 1, "verbose": -9,
                           "maxfevals": max(1, (until - spent) // len(these)),
                           "popsize": 4 + int(3 * math.log(space.dim)) + 4, "CMA_diagonal": DIAGONAL}
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    # the first run explores from the heuristic's plan; later ones refine the best
                    es = cma.CMAEvolutionStrategy(x0 if restarts == 0 else best_x, 0.8 if restarts == 0 else 0.3,
                                                  options)
                    while not es.stop() and spent < until:
                        xs = [x.tolist() for x in es.ask()]
                        found = pool.score(xs, these)
                        spent += len(xs) * len(these)
                        used += len(xs)
                        i = max(range(len(found)), key=found.__getitem__)
                        if found[i] > best:
                            best, best_x = found[i], xs[i]
                        es.tell(xs, [-f for f in found])
                        if progress is not None:
                            progress(min(evaluations, spent // len(seeds)), evaluations, best)
                restarts += 1
    finally:
        pool.close()
    return space.decode(best_x), best, used


def solve(scenario: Scenario, seed: int | None = None, evaluations: int = DEFAULT_EVALUATIONS,
          rng_seed: int = 0, seeds: Sequence[int] | None = None, constraint: Constraint = FREE,
          progress: Callable[[int, int, float], None] | None = None, workers: int | None = None) -> Solution:
    """The best plan found for `scenario`: its mean score over `seeds` (three from `seed`,
    the level's own by default) is what the search maximises."""
    if evaluations < 1:
        raise ValueError("evaluations must be at least 1")
    seed = scenario.seed if seed is None else seed
    seeds = tuple(seeds) if seeds else default_seeds(scenario, first=seed)
    engine = Engine(scenario)
    start_result = score(scenario, play(engine, balanced, seed).reports)
    plan, best, used = optimise(scenario, seeds, evaluations, constraint, rng_seed, progress, workers=workers)
    game = engine.new_game(seed)
    game.play(plan)
    return Solution(tuple(plan), score(scenario, game.reports), seed, used, start_result.score,
                    seeds, best, constraint)
