"""The answer key's figures (issue 10): `solve` on every shipped level, its time, and how
close it comes to a search ten times longer.

Printed, never asserted (the machine is shared and noisy). Targets: `solve` under 10 s a
level; the ten-times search beats it by at most 1% of the score. The long search is run
with another random start, so it is an independent check, not the same run continued.
`FACT_BENCH_QUICK=1` skips the ten-times searches (they take minutes).
"""

from __future__ import annotations

import os
import time

from trainer.core.library import scenarios_dir
from trainer.core.loading import load_scenario
from trainer.core.search import DEFAULT_EVALUATIONS, default_seeds, default_workers, optimise


def main() -> None:
    quick = bool(os.environ.get("FACT_BENCH_QUICK"))
    print(f"answer key: solve ({DEFAULT_EVALUATIONS:,} plans x 3 seeds, {default_workers()} worker processes) "
          f"on every shipped level; targets under 10 s, and a search 10x longer gains at most 1%")
    print(f"  {'level':<20} {'solve s':>8} {'score':>9} {'10x score':>10} {'gain':>7}")
    times, gains = [], []
    for path in sorted(scenarios_dir().glob("*.toml")):
        scenario = load_scenario(path)
        seeds = default_seeds(scenario)
        start = time.perf_counter()
        _, best, _ = optimise(scenario, seeds)
        seconds = time.perf_counter() - start
        times.append(seconds)
        if quick:
            print(f"  {scenario.id:<20} {seconds:8.2f} {best:9.1f}")
            continue
        _, longer, _ = optimise(scenario, seeds, 10 * DEFAULT_EVALUATIONS, rng_seed=7)
        gain = (longer - best) / best if best else 0.0
        gains.append(gain)
        print(f"  {scenario.id:<20} {seconds:8.2f} {best:9.1f} {longer:10.1f} {gain:+7.2%}")
    times.sort()
    print(f"  median solve {times[len(times) // 2]:.2f} s, slowest {times[-1]:.2f} s"
          + (f"; largest gain of the 10x search {max(gains):+.2%}" if gains else ""))


if __name__ == "__main__":
    main()
