"""Reference players: each looks at the game and decides the next turn.

They answer "what does a simple strategy score here?" for tests, for balancing a level
and, later, for a player's debrief. A bot is a callable taking the Game (its state, the
scenario, a preview of any decision) and returning a Decision for the current turn.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable

from trainer.core.engine import Engine, Game
from trainer.core.plan import Decision, check_decision
from trainer.core.scenario import POSITIONS, Scenario

Bot = Callable[[Game], Decision]


def _affordable(scenario: Scenario, amount: int) -> bool:
    return any(k.fee <= amount for k in scenario.kols)


def _split(game: Game, shares: dict[str, float], **extra) -> Decision:
    """Spend the turn's budget by shares; money T cannot use goes to F."""
    budget = game.scenario.budget_of(game.turn)
    amounts = {key: int(budget * share) for key, share in shares.items()}
    if amounts.get("top_kol", 0) and not _affordable(game.scenario, amounts["top_kol"]):
        amounts["field"] = amounts.get("field", 0) + amounts.pop("top_kol")
    return Decision(**amounts, **extra)


def all_in(position: str) -> Bot:
    """Every yuan of every turn on one position, nothing on strengths."""

    def bot(game: Game) -> Decision:
        return _split(game, {position: 1.0})

    bot.__name__ = f"all_in_{position}"
    return bot


def even_split(game: Game) -> Decision:
    """The budget in four equal parts across F, A, C and T, nothing on strengths."""
    return _split(game, {p: 0.25 for p in POSITIONS})


def balanced(game: Game) -> Decision:
    """A sensible FACT portfolio: build content and product early (more while the
    product is below the quality line), F as the base every turn, A as the amplifier,
    C in event turns, and T in event turns with the best-fitting KOL (fit 0.6 or more)
    whose fee is at most a third of the budget."""
    sc = game.scenario
    st = game.state
    budget = sc.budget_of(game.turn)
    event = sc.event_at(game.turn)
    early = game.turn <= max(1, sc.turns // 3)
    invest = 0.30 if early else 0.15
    product_share = 0.6 if st.product < sc.market.quality_product + 5 else 0.45
    amounts = {
        "content": int(budget * invest * (1 - product_share)),
        "product": int(budget * invest * product_share),
    }
    rest = budget - amounts["content"] - amounts["product"]
    good = [k for k in sc.kols if k.fee <= budget / 3 and game.engine.fit_of(k) >= 0.6]
    kol = max(good, key=lambda k: (game.engine.fit_of(k), k.audience)) if event is not None and good else None
    if kol is not None:
        rest -= kol.fee
        amounts.update(top_kol=kol.fee, field=int(rest * 0.35), alliance=int(rest * 0.15), campaign=int(rest * 0.5))
        return Decision(**amounts, kol=kol.id)
    if event is not None:
        amounts.update(field=int(rest * 0.35), alliance=int(rest * 0.15), campaign=int(rest * 0.5))
    else:
        amounts.update(field=int(rest * 0.6), alliance=int(rest * 0.4))
    return Decision(**amounts)


def _compositions(steps: int, parts: int):
    for cut in itertools.combinations(range(steps + parts - 1), parts - 1):
        bounds = (-1, *cut, steps + parts - 1)
        yield tuple(bounds[i + 1] - bounds[i] - 1 for i in range(parts))


_SPLITS = list(_compositions(4, 4))  # every split of the budget in quarters


def roi_greedy(game: Game) -> Decision:
    """Each turn, the split of the whole budget (in quarters, over F A C T) with the best
    ROI this turn: nothing on strengths, since they return nothing now."""
    sc = game.scenario
    budget = sc.budget_of(game.turn)
    best, best_roi = None, -1.0
    for split in _SPLITS:
        decision = Decision(**{p: budget * q // 4 for p, q in zip(POSITIONS, split)})
        if check_decision(sc, game.turn, decision):
            continue
        roi = game.preview(decision).roi
        if roi > best_roi:
            best, best_roi = decision, roi
    return best if best is not None else Decision()


def random_bot(seed: int) -> Bot:
    """Random splits of the budget over positions and strengths (its own seeded generator)."""
    rng = random.Random(seed)

    def bot(game: Game) -> Decision:
        budget = game.scenario.budget_of(game.turn)
        keys = ["field", "alliance", "campaign", "top_kol", "content", "brand", "product", "price"]
        weights = [rng.random() for _ in keys]
        total = sum(weights) or 1.0
        amounts = {k: int(budget * w / total) for k, w in zip(keys, weights)}
        if amounts["top_kol"] and not _affordable(game.scenario, amounts["top_kol"]):
            amounts["field"] += amounts.pop("top_kol")
        return Decision(**amounts)

    bot.__name__ = f"random_{seed}"
    return bot


BOTS: dict[str, Bot] = {
    "balanced": balanced,
    "roi_greedy": roi_greedy,
    "even_split": even_split,
    **{f"all_in_{p}": all_in(p) for p in POSITIONS},
}
"""The named reference players."""


def play(engine: Engine, bot: Bot, seed: int | None = None) -> Game:
    """A whole game played by `bot`."""
    game = engine.new_game(seed)
    while not game.finished:
        game.step(bot(game))
    return game
