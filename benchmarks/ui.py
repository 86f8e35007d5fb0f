"""UI speed figures: launch to the title screen against a bare Textual app, and end turn to results.

Each launch is a fresh interpreter that builds the app, waits for the first screen to
be mounted and painted, and exits; wall time and the child's peak RSS are measured
from outside (resource.getrusage(RUSAGE_CHILDREN) after each run). Printed, not
asserted: timings belong to the machine.
"""

from __future__ import annotations

import asyncio
import os
import resource
import statistics
import subprocess
import sys
import time

RUNS = 7

BARE = """
from textual.app import App
from textual.widgets import Footer, Header, Static

class Bare(App):
    def compose(self):
        yield Header()
        yield Static("FACT Trainer")
        yield Footer()
    def on_mount(self):
        self.call_after_refresh(self.exit)

Bare().run(headless={headless})
"""

FACT = """
from trainer.ui.app import create_app

app = create_app()
def _ready():
    app.screen.call_after_refresh(app.exit)
app.call_later(_ready)
app.run(headless={headless})
"""


def _launch(code: str, headless: bool) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one launch in a fresh interpreter."""
    env = dict(os.environ, TEXTUAL_ANIMATIONS="none")
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code.format(headless=headless)], check=True, env=env,
                   stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # ru_maxrss of RUSAGE_CHILDREN is the largest child so far: measure the bare app first
    return wall, max(rss, before) / 1024.0


def _rss_of(code: str, headless: bool) -> float:
    """Peak RSS (MiB) of one launch, read from the child itself (independent of earlier children)."""
    probe = code.format(headless=headless) + (
        "\nimport resource, sys\n"
        "sys.stderr.write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))\n")
    done = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, env=dict(os.environ, TEXTUAL_ANIMATIONS="none"))
    return int(done.stderr.strip().splitlines()[-1]) / 1024.0


def launch_figures(headless: bool = True) -> dict:
    """Median launch time and memory of the bare app and of FACT Trainer, interleaved."""
    bare_t, fact_t, bare_m, fact_m = [], [], [], []
    for _ in range(RUNS):
        bare_t.append(_launch(BARE, headless)[0])
        fact_t.append(_launch(FACT, headless)[0])
        bare_m.append(_rss_of(BARE, headless))
        fact_m.append(_rss_of(FACT, headless))
    return {
        "bare_s": statistics.median(bare_t), "fact_s": statistics.median(fact_t),
        "bare_mib": statistics.median(bare_m), "fact_mib": statistics.median(fact_m),
    }


async def _turn_times(weeks: int) -> list[float]:
    from trainer.core.library import find
    from trainer.core.plan import Decision
    from trainer.ui.app import create_app
    from trainer.ui.screens.results import ResultsScreen

    scenario, _ = find("tutorial")
    app = create_app(still=True)
    times = []
    async with app.run_test(size=(120, 40)) as pilot:
        app.start_game(scenario)
        await pilot.pause()
        for _ in range(weeks):
            app.session.draft = Decision(field=30000, alliance=12000, content=8000)
            painted = asyncio.get_running_loop().create_future()
            start = time.perf_counter()
            app.end_turn()
            # on screen: the results screen mounted, laid out and painted once
            screen = app.screen
            assert isinstance(screen, ResultsScreen)
            screen.call_after_refresh(lambda: painted.done() or painted.set_result(time.perf_counter()))
            times.append(await painted - start)
            await pilot.pause()
            app.after_results()
            await pilot.pause()
    return times


def turn_figure() -> float:
    """Median seconds from ending a turn to its results on screen (headless, 120x40)."""
    return statistics.median(asyncio.run(_turn_times(5)))


def main() -> None:
    """Print the UI figures."""
    headless = not sys.stdout.isatty() or os.environ.get("FACT_BENCH_HEADLESS") == "1"
    f = launch_figures(headless=True)
    print(f"UI launch to first screen (median of {RUNS}, headless, fresh interpreter):")
    print(f"  bare Textual app (Header, Static, Footer): {f['bare_s'] * 1000:7.0f} ms  {f['bare_mib']:6.1f} MiB")
    print(f"  FACT Trainer title screen:                 {f['fact_s'] * 1000:7.0f} ms  {f['fact_mib']:6.1f} MiB")
    print(f"  ratio: time {f['fact_s'] / f['bare_s']:.2f}x (target <= 1.3x), "
          f"memory {f['fact_mib'] / f['bare_mib']:.2f}x (target <= 1.3x)")
    del headless
    t = turn_figure()
    print(f"End turn to results on screen (median of 5, 120x40): {t * 1000:.1f} ms (target < 100 ms)")


if __name__ == "__main__":
    main()
