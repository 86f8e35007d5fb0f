"""The answer key: a strong plan for a scenario, found by searching with the engine.

A seeded hill climb over the whole plan, starting from the balanced heuristic: each
step moves a slice of one turn's budget (or of every turn's) from one key to another,
books or drops a KOL, hires or lets go a service provider, or changes the discount, and keeps the change when the score
rises. The search is deterministic: the same scenario and seed give the same plan.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from trainer.core.bots import balanced, play
from trainer.core.engine import Engine
from trainer.core.plan import Decision, check_decision
from trainer.core.scenario import POSITIONS, STRENGTHS, Scenario
from trainer.core.scoring import Result, score

KEYS = (*POSITIONS, *STRENGTHS)
STEPS = (0.25, 0.1, 0.05, 0.02)


@dataclass(slots=True, frozen=True)
class Solution:
    """The best plan found, its result, and how much searching it took."""

    decisions: tuple[Decision, ...]
    result: Result
    seed: int
    evaluations: int
    start_score: int
    """The balanced heuristic's score, where the search began."""


def fitness(result: Result) -> float:
    """The score before rounding: what the search climbs."""
    weight = sum(r.objective.weight for r in result.objectives)
    return sum(r.points * r.objective.weight for r in result.objectives) / weight


def solve(scenario: Scenario, seed: int | None = None, evaluations: int = 6000, rng_seed: int = 0) -> Solution:
    """Search for a strong plan of `scenario` on `seed` (the scenario's by default)."""
    seed = scenario.seed if seed is None else seed
    engine = Engine(scenario)
    rng = random.Random(rng_seed)
    start = play(engine, balanced, seed)
    plan = [r.decision for r in start.reports]
    budgets = scenario.budgets
    kols = list(scenario.kols)
    providers = list(scenario.providers)

    def evaluate(decisions: list[Decision]) -> tuple[float, Result] | None:
        for turn, d in enumerate(decisions, start=1):
            if check_decision(scenario, turn, d, budgets[turn - 1]):
                return None
        game = engine.new_game(seed)
        for d in decisions:
            game.step(d)
        result = score(scenario, game.reports)
        return fitness(result), result

    best_fit, best_result = evaluate(plan)
    start_score = best_result.score
    used = 1
    turns = scenario.turns
    while used < evaluations:
        step = STEPS[min(len(STEPS) - 1, used * len(STEPS) // evaluations)]
        candidate = list(plan)
        every = rng.random() < 0.3
        chosen = range(turns) if every else [rng.randrange(turns)]
        kind = rng.random()
        for t in chosen:
            d = candidate[t]
            budget = budgets[t]
            if kind < 0.75:
                source, target = rng.sample(KEYS, 2)
                amount = min(getattr(d, source), int(budget * step))
                if amount <= 0:
                    continue
                changes = {source: getattr(d, source) - amount, target: getattr(d, target) + amount}
                if source == "top_kol" and changes["top_kol"] == 0:
                    changes["kol"] = None
                candidate[t] = d.replace(**changes)
            elif kind < 0.88 and kols:
                kol = rng.choice(kols + [None])
                if kol is None:
                    candidate[t] = d.replace(top_kol=0, kol=None, field=d.field + d.top_kol)
                else:
                    extra = kol.fee - d.top_kol
                    richest = max((k for k in KEYS if k != "top_kol"), key=lambda k: getattr(d, k))
                    if extra > getattr(d, richest):
                        continue
                    candidate[t] = d.replace(top_kol=kol.fee, kol=kol.id, **{richest: getattr(d, richest) - extra})
            elif kind < 0.94 and providers:
                provider = rng.choice(providers)
                if provider.id in d.providers:
                    kept = tuple(p for p in d.providers if p != provider.id)
                    candidate[t] = d.replace(providers=kept, field=d.field + provider.fee)
                else:
                    richest = max((k for k in KEYS if k != "top_kol"), key=lambda k: getattr(d, k))
                    if provider.fee > getattr(d, richest):
                        continue
                    candidate[t] = d.replace(providers=(*d.providers, provider.id),
                                             **{richest: getattr(d, richest) - provider.fee})
            else:
                candidate[t] = d.replace(discount=float(rng.choice((0, 5, 10, 20, 30))))
        used += 1
        outcome = evaluate(candidate)
        if outcome is not None and outcome[0] > best_fit:
            best_fit, best_result = outcome
            plan = candidate
    return Solution(tuple(plan), best_result, seed, used, start_score)
