"""The engine's speed: simulated turns per second and the time of a whole game.

Medians of several runs in one process; the machine is noisy, so compare figures from
the same run. The target for the core is 100,000 turns per second on one core.
"""

from __future__ import annotations

import statistics
import time

from trainer.core.bots import balanced, play, roi_greedy
from trainer.core.engine import Engine
from trainer.core.library import find

TARGET_TURNS_PER_SECOND = 100_000


def _median_seconds(fn, repeat: int = 7, number: int = 1) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            fn()
        times.append((time.perf_counter() - start) / number)
    return statistics.median(times)


def main() -> None:
    scenario, _ = find("dairy-gpm")
    engine = Engine(scenario)
    decisions = [r.decision for r in play(engine, balanced).reports]
    turns = scenario.turns

    def game():
        g = engine.new_game(1)
        for d in decisions:
            g.step(d)

    games = 2000
    per_game = _median_seconds(game, number=games)
    rate = turns / per_game
    mark = "ok" if rate >= TARGET_TURNS_PER_SECOND else "BELOW TARGET"
    print(f"engine  {scenario.id}, {turns} turns, full reports, same seed:")
    print(f"  whole game        {per_game * 1e6:8.1f} us (median of 7 x {games} games)")
    print(f"  turns per second  {rate:10,.0f}   target {TARGET_TURNS_PER_SECOND:,}: {mark}")

    seeds = iter(range(10**9))

    def fresh_seed_game():
        g = engine.new_game(next(seeds))
        for d in decisions:
            g.step(d)

    per_game = _median_seconds(fresh_seed_game, number=games)
    print(f"  a new seed each game: {per_game * 1e6:8.1f} us a game, {turns / per_game:,.0f} turns/s")

    per_game = _median_seconds(lambda: play(engine, balanced), number=500)
    print(f"  balanced bot game {per_game * 1e6:8.1f} us")
    per_game = _median_seconds(lambda: play(engine, roi_greedy), number=20)
    print(f"  roi_greedy game   {per_game * 1e3:8.1f} ms (35 previews a turn)")

    from trainer.core.balance import balance
    from trainer.core.search import solve

    seconds = _median_seconds(lambda: balance(scenario, seeds=100), repeat=3)
    print(f"balance {scenario.id}, every bot x 100 seeds: {seconds:6.2f} s (median of 3; target under 2 s)")
    seconds = _median_seconds(lambda: solve(scenario), repeat=3)
    print(f"solve   {scenario.id}, 6000 games: {seconds:6.2f} s (median of 3; target under 10 s)")


if __name__ == "__main__":
    main()
