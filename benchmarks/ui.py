"""UI speed figures: launch to the title screen against a bare Textual app, and end turn to results.

Each launch is a fresh interpreter that builds the app, waits for the first screen to
be mounted and painted, notes the wall-clock time of that paint on stderr, and exits:
the launch time is from just before the interpreter is started to that paint (what a
player waits for; work the app starts after its first paint, such as looking for the
latest save, is not counted). Peak RSS is the child's own at exit. Printed, not
asserted: timings belong to the machine.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import time

RUNS = 7

BARE = """
from textual.app import App
from textual.widgets import Footer, Header, Static

import sys, time

def _painted(app):
    print(f"PAINTED {{time.time()}}", file=sys.stderr, flush=True)
    app.exit()

class Bare(App):
    def compose(self):
        yield Header()
        yield Static("FACT Trainer")
        yield Footer()
    def on_mount(self):
        self.call_after_refresh(_painted, self)

Bare().run(headless={headless})
"""

FACT = """
from trainer.ui.app import create_app

import sys, time
app = create_app()
def _painted():
    print(f"PAINTED {{time.time()}}", file=sys.stderr, flush=True)
    app.exit()
def _ready():
    app.screen.call_after_refresh(_painted)
app.call_later(_ready)
app.run(headless={headless})
"""

# Through the command line, as a player starts it: trainer.cli.main() -> trainer.ui.app.run().
# App.run is wrapped so that the app leaves once its title screen is painted.
CLI = """
import sys, time
import textual.app
_run = textual.app.App.run
def run(self, *args, **kwargs):
    def _painted():
        print(f"PAINTED {{time.time()}}", file=sys.stderr, flush=True)
        self.exit()
    def _ready():
        self.screen.call_after_refresh(_painted)
    self.call_later(_ready)
    kwargs["headless"] = {headless}
    return _run(self, *args, **kwargs)
textual.app.App.run = run
from trainer.cli import main
main([])
"""


def _launch(code: str, headless: bool) -> tuple[float, float]:
    """Seconds from starting a fresh interpreter to the first screen painted, and the whole
    run's wall seconds."""
    env = dict(os.environ, TEXTUAL_ANIMATIONS="none")
    start = time.time()
    done = subprocess.run([sys.executable, "-c", code.format(headless=headless)], check=True, env=env,
                          stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.time() - start
    painted = [float(line.split()[1]) for line in done.stderr.splitlines() if line.startswith("PAINTED ")]
    return (painted[-1] - start if painted else wall), wall


def _rss_of(code: str, headless: bool) -> float:
    """Peak RSS (MiB) of one launch, read from the child itself (independent of earlier children)."""
    probe = code.format(headless=headless) + (
        "\nimport resource, sys\n"
        "sys.stderr.write('RSS ' + str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) + '\\n')\n")
    done = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, env=dict(os.environ, TEXTUAL_ANIMATIONS="none"))
    rss = [line for line in done.stderr.splitlines() if line.startswith("RSS ")]
    return int(rss[-1].split()[1]) / 1024.0


def launch_figures(headless: bool = True) -> dict:
    """Median launch time and memory of the bare app, of FACT Trainer's app, and of FACT
    Trainer through its command line (trainer.cli.main), interleaved."""
    bare_t, fact_t, cli_t, bare_m, fact_m = [], [], [], [], []
    for _ in range(RUNS):
        bare_t.append(_launch(BARE, headless)[0])
        fact_t.append(_launch(FACT, headless)[0])
        cli_t.append(_launch(CLI, headless)[0])
        bare_m.append(_rss_of(BARE, headless))
        fact_m.append(_rss_of(FACT, headless))
    return {
        "bare_s": statistics.median(bare_t), "fact_s": statistics.median(fact_t), "cli_s": statistics.median(cli_t),
        "bare_mib": statistics.median(bare_m), "fact_mib": statistics.median(fact_m),
    }


async def _turn_times(weeks: int) -> list[float]:
    from trainer.core.library import find
    from trainer.core.plan import Decision
    from trainer.ui.app import create_app
    from trainer.ui.screens.results import ResultsScreen

    import tempfile

    scenario, _ = find("tutorial")
    saves = tempfile.mkdtemp(prefix="fact-bench-")  # the autosave after each week writes here
    app = create_app(still=True, saves_dir=saves)
    times = []
    async with app.run_test(size=(120, 40)) as pilot:
        app.new_session(scenario, "bench")
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


def _compile_trainer() -> None:
    """Compile the trainer's modules to bytecode first, as an installed program has them (and as
    a player's second launch does): otherwise, where PYTHONDONTWRITEBYTECODE is set, every launch
    of ours would recompile them while Textual's own are compiled, and the ratio would measure
    the compiler."""
    import compileall
    from pathlib import Path

    compileall.compile_dir(Path(__file__).resolve().parents[1] / "trainer", quiet=1)


def main() -> None:
    """Print the UI figures."""
    _compile_trainer()
    f = launch_figures(headless=True)
    print(f"UI launch to first screen (median of {RUNS}, headless, fresh interpreter, bytecode compiled):")
    print(f"  bare Textual app (Header, Static, Footer): {f['bare_s'] * 1000:7.0f} ms  {f['bare_mib']:6.1f} MiB")
    print(f"  FACT Trainer title screen:                 {f['fact_s'] * 1000:7.0f} ms  {f['fact_mib']:6.1f} MiB")
    print(f"  FACT Trainer through fact-trainer (cli):   {f['cli_s'] * 1000:7.0f} ms")
    print(f"  ratio: time {f['fact_s'] / f['bare_s']:.2f}x, through the cli {f['cli_s'] / f['bare_s']:.2f}x "
          f"(target <= 1.3x), memory {f['fact_mib'] / f['bare_mib']:.2f}x (target <= 1.3x)")
    t = turn_figure()
    print(f"End turn to results on screen (median of 5, 120x40): {t * 1000:.1f} ms (target < 100 ms)")


if __name__ == "__main__":
    main()
