"""Load check: a workshop of 30 participants on this machine, each a game process of its own
(as `fact-trainer serve` runs them), playing the tutorial week by week with a short think time.

Printed: memory per participant (each process's peak RSS), the time from ending a week to its
results on screen under that load (median and 95th percentile), whether everyone finished,
and the wall time. Each participant is the app under Textual's headless Pilot: the same
screens, engine and saves as in a browser, without the websocket and terminal output.

`make bench` runs four cases in one go and prints their ratios (issue 14's target: with 30
participants at a 20 s think time, all starting at once, the 95th percentile at most 3x one
participant's time alone): one participant alone, 30 at 20 s, the same 30 as bare Textual apps
(the floor: what 30 processes of the framework cost here), and 30 at 1 s (the stress case).

    python -m benchmarks.workshop_load [--participants N] [--think SECONDS]   # one case
    python -m benchmarks.workshop_load --room                                 # the four
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PARTICIPANTS = 30
THINK = 1.0
WORKSHOP = """id = "load"
title = "Load check"
scenarios = ["tutorial"]
seed = 2026
"""


async def _participant(number: int, workshop: str, saves: str, think: float) -> dict:
    """Join, play every week of the first round, and report the end-turn latencies."""
    from textual.widgets import Input

    from trainer.ui.app import create_app
    from trainer.ui.screens.results import ResultsScreen

    rng = random.Random(number)
    app = create_app(workshop=workshop, saves_dir=saves, still=True)
    latencies: list[float] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.screen.query_one("#ws-name", Input).value = f"Participant {number}"
        await pilot.press("enter")
        await pilot.pause()
        app.start_game(app.workshop_scenarios[0])
        await pilot.pause()
        while not app.session.game.finished:
            await asyncio.sleep(think * rng.uniform(0.5, 1.5))
            screen = app.screen
            screen.query_one("#amount-field", Input).value = str(rng.randrange(10, 30) * 1000)
            screen.query_one("#amount-alliance", Input).value = str(rng.randrange(0, 15) * 1000)
            await pilot.pause()
            start = time.perf_counter()
            screen.action_end_turn()
            await pilot.pause()  # the results screen laid out and painted
            if isinstance(app.screen, ResultsScreen):
                latencies.append(time.perf_counter() - start)
            app.after_results()
            await pilot.pause()
        finished = app.session.game.finished and app.session.autosave.path.exists()
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"latencies": latencies, "rss_mb": rss_kb / 1024, "finished": finished}


async def _bare_participant(number: int, think: float, weeks: int = 6) -> dict:
    """The floor under the figures: a bare Textual app in its own process, switching to a
    screen of a table and a footer and back as often as a participant ends weeks. What 30 of
    these cost on this machine is Python and Textual, not the game."""
    from textual.app import App
    from textual.screen import Screen
    from textual.widgets import DataTable, Footer, Header, Static

    class Bare(Screen):
        def compose(self):
            yield Header()
            yield Static("results")
            table = DataTable()
            table.add_columns("position", "spend", "GMV", "GPM", "ROI")
            for i in range(8):
                table.add_row(str(i), "10,000", "123,456", "280.1", "3.2")
            yield table
            yield Footer()

    rng = random.Random(number)
    app = App()
    latencies: list[float] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for _week in range(weeks):
            await asyncio.sleep(think * rng.uniform(0.5, 1.5))
            start = time.perf_counter()
            app.push_screen(Bare())
            await pilot.pause()
            latencies.append(time.perf_counter() - start)
            app.pop_screen()
            await pilot.pause()
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"latencies": latencies, "rss_mb": rss_kb / 1024, "finished": True}


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main(participants: int = PARTICIPANTS, think: float = THINK, bare: bool = False) -> dict:
    """Run the load check and print its figures; returns them too. `bare`: the floor, bare
    Textual apps instead of the game (_bare_participant)."""
    with tempfile.TemporaryDirectory() as tmp:
        workshop = Path(tmp) / "load.toml"
        workshop.write_text(WORKSHOP, encoding="utf-8")
        saves = Path(tmp) / "saves"
        start = time.perf_counter()
        procs = [subprocess.Popen([sys.executable, "-m", "benchmarks.workshop_load", "--participant", str(n),
                                   "--workshop", str(workshop), "--saves", str(saves), "--think", str(think),
                                   *(["--bare"] if bare else [])],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for n in range(participants)]
        results, failures = [], []
        for proc in procs:
            out, err = proc.communicate(timeout=600)
            lines = [line for line in out.splitlines() if line.startswith("{")]
            if proc.returncode == 0 and lines:
                results.append(json.loads(lines[-1]))
            else:
                failures.append(err.strip().splitlines()[-1:] or [f"status {proc.returncode}"])
        wall = time.perf_counter() - start
        saved = len(list((saves / "load").glob("*.toml"))) if not bare else participants
    latencies = [x for r in results for x in r["latencies"]]
    rss = [r["rss_mb"] for r in results]
    finished = sum(1 for r in results if r["finished"])
    figures = {
        "participants": participants,
        "finished": finished,
        "saves": saved,
        "wall_s": wall,
        "end_turn_median_ms": 1000 * statistics.median(latencies) if latencies else None,
        "end_turn_p95_ms": 1000 * _percentile(latencies, 95) if latencies else None,
        "rss_median_mb": statistics.median(rss) if rss else None,
        "rss_max_mb": max(rss) if rss else None,
    }
    what = "bare Textual apps (the floor: no game)" if bare else "participants"
    print(f"Workshop load: {participants} {what} at once, each its own process, think time {think:g} s (±50%)")
    print(f"  finished:             {finished}/{participants} (saves written: {saved})")
    if latencies:
        print(f"  end turn → results:   median {figures['end_turn_median_ms']:.0f} ms, "
              f"95th percentile {figures['end_turn_p95_ms']:.0f} ms ({len(latencies)} weeks)")
        print(f"  memory per game:      median {figures['rss_median_mb']:.0f} MB, max {figures['rss_max_mb']:.0f} MB "
              f"(peak RSS; {figures['rss_median_mb'] * participants / 1024:.1f} GB for all)")
    print(f"  wall time:            {wall:.1f} s")
    for failure in failures:
        print(f"  failed: {failure[0]}")
    return figures


def room() -> dict:
    """The three cases of `make bench`, one after another, and their ratios to the lone participant."""
    alone = main(1, 1.0)
    print()
    classroom = main(PARTICIPANTS, 20.0)
    print()
    floor = main(PARTICIPANTS, 20.0, bare=True)
    print()
    stress = main(PARTICIPANTS, THINK)
    base = alone["end_turn_median_ms"], alone["end_turn_p95_ms"]
    print()
    print("Workshop load, against one participant alone "
          f"(median {base[0]:.0f} ms, 95th percentile {base[1]:.0f} ms):")
    for name, case in (("30 at 20 s think", classroom), ("30 at 1 s think (stress)", stress)):
        if case["end_turn_p95_ms"] is None or not base[0]:
            print(f"  {name}: no week ended")
            continue
        print(f"  {name}: 95th percentile {case['end_turn_p95_ms']:.0f} ms = "
              f"{case['end_turn_p95_ms'] / base[0]:.1f}x the lone median, {case['end_turn_p95_ms'] / base[1]:.1f}x "
              f"the lone 95th percentile (target for 20 s: at most 3x); memory {case['rss_median_mb']:.0f} MB a game")
    if floor["end_turn_p95_ms"] is not None and classroom["end_turn_p95_ms"] is not None:
        print(f"  beside the bare baseline (30 bare Textual apps switching a screen at the same pace): "
              f"95th percentile {floor['end_turn_p95_ms']:.0f} ms, median {floor['end_turn_median_ms']:.0f} ms, "
              f"memory {floor['rss_median_mb']:.0f} MB a process; the game's 95th percentile at 20 s is "
              f"{classroom['end_turn_p95_ms'] / floor['end_turn_p95_ms']:.1f}x the bare one")
    return {"alone": alone, "classroom": classroom, "bare": floor, "stress": stress}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=PARTICIPANTS)
    parser.add_argument("--think", type=float, default=THINK)
    parser.add_argument("--room", action="store_true", help="the three cases of make bench, with their ratios")
    parser.add_argument("--participant", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--workshop", help=argparse.SUPPRESS)
    parser.add_argument("--saves", help=argparse.SUPPRESS)
    parser.add_argument("--bare", action="store_true", help="bare Textual apps instead of the game (the floor)")
    args = parser.parse_args()
    if args.participant is not None and args.bare:
        print(json.dumps(asyncio.run(_bare_participant(args.participant, args.think))))
    elif args.participant is not None:
        print(json.dumps(asyncio.run(_participant(args.participant, args.workshop, args.saves, args.think))))
    elif args.room:
        room()
    else:
        main(args.participants, args.think, args.bare)
