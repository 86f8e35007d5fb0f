"""The engine's speed: simulated turns per second and the time of a whole game.

Medians of several runs in one process; the machine is noisy, so compare figures from
the same run. The old mark for the core was 100,000 turns per second on one core; since
the machine's speed varies from run to run, the engine is also timed against a plain-Python
reference loop (four channels with carryover, Hill saturation and a GPM feedback, the
minimal model of MODEL-NOTES) in the same run, and the ratio is printed.
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


def _reference_game(turns: int = 12) -> float:
    """A plain-Python turn loop of the minimal model: what a turn costs at the least."""
    adstock = [0.0, 0.0, 0.0, 0.0]
    spend = (40000.0, 20000.0, 15000.0, 10000.0)
    carry = (0.6, 0.3, 0.05, 0.2)
    k = (50000.0, 40000.0, 80000.0, 60000.0)
    ceiling = (700000.0, 650000.0, 1600000.0, 800000.0)
    pool, gmv = 1.0, 0.0
    for _ in range(turns):
        impressions = 0.0
        for i in range(4):
            x = spend[i] + carry[i] * adstock[i]
            adstock[i] = x
            impressions += ceiling[i] * x / (x + k[i])
        recommended = pool * (150000.0 + 0.5 * impressions)
        week = (impressions + recommended) * 0.004 * 89.0
        gpm = week / (impressions + recommended) * 1000.0
        pool = min(3.0, max(0.2, pool * (1.0 + 0.35 * (gpm / 320.0 - 1.0))))
        gmv += week
    return gmv


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
    print(f"  turns per second  {rate:10,.0f}   old mark {TARGET_TURNS_PER_SECOND:,}: {mark}")
    reference = _median_seconds(lambda: _reference_game(turns), number=games)
    print(f"  plain-Python reference loop {turns / reference:10,.0f} turns/s in the same run: "
          f"the engine costs {per_game / reference:.1f}x the minimal model a turn")

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

    seconds = _median_seconds(lambda: balance(scenario, seeds=100), repeat=3)
    print(f"balance {scenario.id}, every bot x 100 seeds: {seconds:6.2f} s (median of 3; target under 2 s)")


if __name__ == "__main__":
    main()
