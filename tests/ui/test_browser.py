"""The real thing: a workshop served by `fact-trainer serve`, played in Debian's chromium
(driven by Playwright; no browser is ever downloaded), and the participant's save checked
against a headless replay of the same decision on the workshop's seed."""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
WORKSHOP = """id = "browser"
title = "Browser workshop"
scenarios = ["tutorial"]
seed = 2026
access_code = "tea-42"
"""
NAME = "Browser Bee"
FIELD = 20000

pytestmark = [
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is not installed (.ci/run installs it)"),
    pytest.mark.skipif(shutil.which("true") is None, reason="needs a POSIX system"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for_port(port: int, proc: subprocess.Popen, timeout: float = 30) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise AssertionError(f"the server stopped with status {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"the server did not listen on {port} within {timeout} s")


async def _wait_for_save(folder: Path, timeout: float = 60) -> Path:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        found = sorted(folder.glob("*.toml")) if folder.is_dir() else []
        if found:
            await asyncio.sleep(0.5)  # written atomically; a moment for good measure
            return found[0]
        await asyncio.sleep(0.5)
    raise AssertionError(f"no save appeared in {folder} within {timeout} s")


async def _keys(page, *keys: str, pause: float = 0.3) -> None:
    for key in keys:
        await page.keyboard.press(key)
        await asyncio.sleep(pause)


async def _play_in_browser(url: str, saves: Path, shots: Path) -> Path:
    from playwright.async_api import async_playwright

    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = await browser.new_page(viewport={"width": 1200, "height": 800})
        try:
            await page.goto(url, wait_until="load", timeout=30_000)
            await asyncio.sleep(1.0)
            await page.mouse.click(600, 400)  # the landing dialog: start the app
            # textual-serve marks the page when the game process has sent its first bytes;
            # then a moment for the gate to take the focus
            await page.wait_for_selector("body.-first-byte", state="attached", timeout=30_000)
            await asyncio.sleep(3.0)
            await page.mouse.click(600, 400)  # focus the terminal
            await page.keyboard.type(NAME, delay=40)
            await _keys(page, "Enter")
            await page.keyboard.type("tea-42", delay=40)
            await _keys(page, "Enter")  # joined: the rounds
            await _keys(page, "Enter", pause=1.5)  # the tutorial's briefing
            await _keys(page, "Enter", pause=2.0)  # Start: the cockpit, the F amount focused
            await page.keyboard.type(str(FIELD), delay=40)
            await asyncio.sleep(0.5)
            await _keys(page, "Control+n")
            return await _wait_for_save(saves)
        except BaseException:
            await page.screenshot(path=str(shots / "browser-failure.png"))
            raise
        finally:
            await browser.close()


def test_a_participant_plays_a_week_in_the_browser(tmp_path):
    pytest.importorskip("playwright.async_api", reason="playwright is not installed in .venv")
    pytest.importorskip("textual_serve", reason="textual-serve is not installed")
    from trainer.core.engine import Engine
    from trainer.core.library import find
    from trainer.core.plan import Decision
    from trainer.core.saves import load_game

    workshop = tmp_path / "browser.toml"
    workshop.write_text(WORKSHOP, encoding="utf-8")
    saves = tmp_path / "saves"
    port = _free_port()
    log = (tmp_path / "serve.log").open("w")
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    server = subprocess.Popen([sys.executable, "-m", "trainer", "serve", "--workshop", str(workshop),
                               "--port", str(port), "--saves-dir", str(saves)],
                              stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    try:
        _wait_for_port(port, server)
        try:
            path = asyncio.run(_play_in_browser(f"http://127.0.0.1:{port}/", saves / "browser", tmp_path))
        except AssertionError as exc:
            raise AssertionError(f"{exc}; screenshot: {tmp_path / 'browser-failure.png'}; "
                                 f"server log: {tmp_path / 'serve.log'}") from None
    finally:
        os.killpg(server.pid, 15)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, 9)
            server.wait()
        log.close()

    loaded = load_game(path)
    assert loaded.verified, loaded.problems
    save = loaded.save
    assert save.player == NAME and save.workshop == "browser" and save.seed == 2026
    assert save.turns_played == 1
    tutorial = find("tutorial")[0]
    typed = Decision(field=FIELD, commission=tutorial.creators.default_commission)
    assert save.turns[0].decision() == typed
    replay = Engine(tutorial).new_game(2026).step(typed)
    assert save.turns[0].result.gmv == round(replay.gmv)
