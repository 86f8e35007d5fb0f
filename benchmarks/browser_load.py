"""Load check through the real thing: `fact-trainer serve` and Debian's chromium (Playwright),
as a workshop's participants meet the game, with the browsers sharing this machine's cores.

Printed: the time from the key that ends a week to the first frame of its results reaching
the page (the websocket frame the terminal on the page draws), median and 95th percentile,
for one browser alone and for several at once, each playing the tutorial with a think time.
Skipped, with a note, where chromium or Playwright is missing.

    python -m benchmarks.browser_load [--browsers N] [--think SECONDS]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import tempfile
import time
from pathlib import Path

BROWSERS = 10
THINK = 5.0
WEEKS = 6  # the tutorial's


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


async def _participant(browser, server, tmp: Path, number: int, think: float) -> list[float]:
    from tests.ui.test_browser import Page

    rng = random.Random(number)
    context = await browser.new_context(viewport={"width": 1200, "height": 800})
    page = Page(await context.new_page(), tmp, f"p{number}")
    arrived: dict[str, float] = {}

    def stamp(ws) -> None:
        def received(payload) -> None:
            if isinstance(payload, bytes):
                payload = payload.decode("utf-8", "replace")
            if "Next week" in payload and "results" not in arrived:
                arrived["results"] = time.perf_counter()

        ws.on("framereceived", received)

    page.page.on("websocket", stamp)
    await asyncio.sleep(rng.uniform(0, 2))  # people arrive within a few seconds
    await page.open(server.url)
    await page.join(f"Participant {number}")
    await page.see("Playing as", timeout=120)
    await page.press("Enter")
    await page.see("Start week 1", timeout=120)
    await page.press("Enter")
    latencies = []
    for week in range(1, WEEKS + 1):
        await page.see(f"End week {week}", timeout=120)
        await asyncio.sleep(think * rng.uniform(0.5, 1.5))
        await page.type(str(rng.randrange(10, 30) * 1000))
        await page.see(",000", timeout=60)
        arrived.clear()
        start = time.perf_counter()
        await page.press("Control+n")
        await page.see("Next week", timeout=120)
        latencies.append(arrived.get("results", time.perf_counter()) - start)
        await page.press("Enter")
    await context.close()
    return latencies


async def _case(browsers: int, think: float) -> dict:
    from playwright.async_api import async_playwright

    from tests.ui.test_browser import ARGS, CHROMIUM, Server

    with tempfile.TemporaryDirectory() as tmp:
        server = Server(Path(tmp)).start()
        start = time.perf_counter()
        try:
            async with async_playwright() as pw:
                browser = await pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                try:
                    found = await asyncio.gather(*(_participant(browser, server, Path(tmp), n, think)
                                                   for n in range(browsers)), return_exceptions=True)
                finally:
                    await browser.close()
        finally:
            server.stop()
        wall = time.perf_counter() - start
    latencies = [x for f in found if isinstance(f, list) for x in f]
    failures = [f for f in found if isinstance(f, BaseException)]
    figures = {"browsers": browsers, "finished": browsers - len(failures), "wall_s": wall,
               "median_ms": 1000 * statistics.median(latencies) if latencies else None,
               "p95_ms": 1000 * _percentile(latencies, 95) if latencies else None}
    print(f"Through serve and chromium: {browsers} browser(s) at once, think time {think:g} s (±50%)")
    print(f"  finished:             {figures['finished']}/{browsers}")
    if latencies:
        print(f"  end week → results:   median {figures['median_ms']:.0f} ms, 95th percentile "
              f"{figures['p95_ms']:.0f} ms ({len(latencies)} weeks, the first frame of the results on the page)")
    print(f"  wall time:            {wall:.1f} s")
    for failure in failures[:3]:
        print(f"  failed: {str(failure).splitlines()[0][:160]}")
    return figures


def main(browsers: int = BROWSERS, think: float = THINK) -> dict | None:
    """One browser alone, then `browsers` at once; their figures and the ratio."""
    from tests.ui.test_browser import CHROMIUM

    try:
        import playwright.async_api  # noqa: F401
    except ImportError:
        print("Through serve and chromium: skipped (Playwright is not installed in .venv)")
        return None
    if not Path(CHROMIUM).exists():
        print(f"Through serve and chromium: skipped ({CHROMIUM} is not installed; .ci/run installs it)")
        return None
    alone = asyncio.run(_case(1, 1.0))
    print()
    room = asyncio.run(_case(browsers, think))
    if alone["median_ms"] and room["p95_ms"]:
        print()
        print(f"Through the browser, {browsers} at once against one alone (median {alone['median_ms']:.0f} ms): "
              f"95th percentile {room['p95_ms']:.0f} ms = {room['p95_ms'] / alone['median_ms']:.1f}x the lone median")
    return {"alone": alone, "room": room}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--browsers", type=int, default=BROWSERS)
    parser.add_argument("--think", type=float, default=THINK)
    args = parser.parse_args()
    main(args.browsers, args.think)
