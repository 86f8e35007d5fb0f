"""The real thing: a workshop served by `fact-trainer serve`, played in Debian's chromium
(driven by Playwright; no browser is ever downloaded). The screen's text is read from the
frames the game sends to the page (the terminal draws on a canvas), so every step waits
for what the participant would see, never for a fixed time."""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
CODE = "tea-42"
WORKSHOP = f"""id = "browser"
title = "Browser workshop"
scenarios = ["tutorial"]
seed = 2026
access_code = "{CODE}"
"""
NAME = "Browser Bee"
FIELD = 20000
ANSI = re.compile(r"\x1b\[[0-9;?<>=]*[A-Za-z~]|\x1b[()][A-Z0-9]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[=>78]")

pytestmark = [
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is not installed (.ci/run installs it)"),
    pytest.mark.skipif(shutil.which("true") is None, reason="needs a POSIX system"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`fact-trainer serve` on a free port, stopped (and its games with it) at the end."""

    def __init__(self, tmp_path: Path, port: int | None = None):
        self.tmp = tmp_path
        self.workshop = tmp_path / "browser.toml"
        self.workshop.write_text(WORKSHOP, encoding="utf-8")
        self.saves = tmp_path / "saves"
        self.port = port or _free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.proc = None

    def start(self) -> Server:
        log = (self.tmp / "serve.log").open("a")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "trainer", "serve", "--workshop", str(self.workshop), "--port", str(self.port),
             "--saves-dir", str(self.saves)], stdout=log, stderr=subprocess.STDOUT,
            env=dict(os.environ, PYTHONUNBUFFERED="1"), start_new_session=True)
        end = time.monotonic() + 30
        while time.monotonic() < end:
            if self.proc.poll() is not None:
                raise AssertionError(f"serve stopped: {(self.tmp / 'serve.log').read_text()}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
                return self
            except OSError:
                time.sleep(0.2)
        raise AssertionError("serve did not listen within 30 s")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()

    def games(self) -> list[Path]:
        return sorted((self.saves / "browser").glob("*.toml"))


class Page:
    """A participant's browser tab: keys typed as a person types them; the screen's text."""

    def __init__(self, page, shots: Path, label: str):
        self.page = page
        self.shots = shots
        self.label = label
        self.text = ""
        page.on("websocket", self._socket)

    def _socket(self, ws) -> None:
        def received(payload) -> None:
            if isinstance(payload, bytes):
                payload = payload.decode("utf-8", "replace")
            self.text += ANSI.sub("", payload)

        ws.on("framereceived", received)

    async def open(self, url: str) -> None:
        self.text = ""
        await self.page.goto(url, wait_until="load", timeout=30_000)

    async def see(self, words: str, timeout: float = 45) -> None:
        """Wait until `words` show on the screen (then forget what was shown so far)."""
        await self.see_all(words, timeout=timeout)

    async def see_all(self, *words: str, timeout: float = 45) -> None:
        """Wait until every one of `words` has shown, in any order and any frames (a screen and
        the notification over it can come in one frame, or the other way round)."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if all(w in self.text for w in words):
                self.text = ""
                return
            await asyncio.sleep(0.1)
        await self.page.screenshot(path=str(self.shots / f"{self.label}-failure.png"))
        missing = [w for w in words if w not in self.text]
        raise AssertionError(f"{self.label}: {missing!r} never showed; last shown: {self.text[-500:]!r}")

    async def type(self, text: str, delay: float = 20) -> None:
        """Type as a person does, `delay` ms a key (0: as fast as the keyboard sends them)."""
        await self.page.keyboard.type(text, delay=delay)

    async def press(self, key: str) -> None:
        await self.page.keyboard.press(key)

    async def join(self, name: str, code: str = CODE, gate: str = "e.g. Li Na") -> None:
        await self.see(gate)  # the gate; the terminal has the keyboard without a click
        await self.type(name)
        await self.press("Enter")
        await self.type(code)  # at once: Enter has moved the focus already
        await self.press("Enter")

    async def play_a_week(self, week: int, field: int = FIELD) -> None:
        await self.see(f"End week {week}")
        # digits typed before the cockpit selects the field's text can be lost (issue 11, the
        # cockpit's): clear the field and type again until the amount shows
        for attempt in range(3):
            await self.type(str(field))
            try:
                await self.see(f"{field:,}", timeout=8)
                break
            except AssertionError:
                if attempt == 2:
                    raise
                for _ in range(8):
                    await self.press("Backspace")
        await self.press("Control+n")
        await self.see("Next week")  # the results


async def _browser(pw):
    return await pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)


def _run(test, tmp_path):
    pytest.importorskip("playwright.async_api", reason="playwright is not installed in .venv")
    pytest.importorskip("textual_serve", reason="textual-serve is not installed")
    from playwright.async_api import async_playwright

    async def main():
        async with async_playwright() as pw:
            browser = await _browser(pw)
            try:
                await test(browser)
            finally:
                await browser.close()

    asyncio.run(main())


async def _page(browser, tmp_path, label):
    context = await browser.new_context(viewport={"width": 1200, "height": 800}, accept_downloads=True)
    return Page(await context.new_page(), tmp_path, label)


async def _wait_for(condition, what: str, timeout: float = 30) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if condition():
            return
        await asyncio.sleep(0.2)
    raise AssertionError(f"{what} did not happen within {timeout} s")


def _weeks(path: Path) -> int:
    from trainer.core.saves import load_game

    return load_game(path).save.turns_played


def test_a_participant_plays_a_week_in_the_browser(tmp_path):
    from trainer.core.engine import Engine
    from trainer.core.library import find
    from trainer.core.plan import Decision
    from trainer.core.saves import load_game

    server = Server(tmp_path).start()

    async def test(browser):
        page = await _page(browser, tmp_path, "one")
        await page.open(server.url)
        await page.join(NAME)
        await page.see("Playing as")
        await page.press("Enter")
        await page.see("Start week 1")
        await page.press("Enter")
        await page.play_a_week(1)
        await _wait_for(lambda: server.games() and _weeks(server.games()[0]) == 1, "the week's save")

    try:
        _run(test, tmp_path)
    finally:
        server.stop()
    (path,) = server.games()
    loaded = load_game(path)
    assert loaded.verified, loaded.problems
    save = loaded.save
    assert save.player == NAME and save.workshop == "browser" and save.seed == 2026
    tutorial = find("tutorial")[0]
    typed = Decision(field=FIELD, commission=tutorial.creators.default_commission)
    assert save.turns[0].decision() == typed
    assert save.turns[0].result.gmv == round(Engine(tutorial).new_game(2026).step(typed).gmv)


def test_the_same_name_twice_loses_nobodys_game(tmp_path):
    server = Server(tmp_path).start()

    async def test(browser):
        first = await _page(browser, tmp_path, "first")
        second = await _page(browser, tmp_path, "second")
        await first.open(server.url)
        await first.join("Sam")
        await first.see("Playing as Sam")
        await first.press("Enter")
        await first.see("Start week 1")
        await first.press("Enter")
        await first.see("End week 1")
        await second.open(server.url)
        await second.join("sam")
        await second.see("Someone connected now is playing as sam")
        for _ in "sam":  # the name field has the focus back: another name
            await second.press("Backspace")
        await second.see("e.g. Li Na")  # the emptied name field shows its placeholder again
        await second.type("Sam Two")
        await second.press("Enter")
        await second.type(CODE)
        await second.press("Enter")
        await second.see("Playing as")  # which name: the saves say, below
        await second.press("Enter")
        await second.see("Start week 1")
        await second.press("Enter")
        await second.play_a_week(1, 30000)
        await first.play_a_week(1, 20000)
        await _wait_for(lambda: len(server.games()) == 2 and all(_weeks(p) == 1 for p in server.games()),
                        "both games saved")

    try:
        _run(test, tmp_path)
    finally:
        server.stop()
    from trainer.core.saves import load_game

    saves = {load_game(p).save.player: load_game(p).save for p in server.games()}
    assert set(saves) == {"Sam", "Sam Two"}
    assert saves["Sam"].turns[0].field == 20000 and saves["Sam Two"].turns[0].field == 30000


async def _start_and_end_week_1(page, url):
    await page.open(url)
    await page.join(NAME)
    await page.see("Playing as")
    await page.press("Enter")
    await page.see("Start week 1")
    await page.press("Enter")
    await page.play_a_week(1)


async def _resume_at_week_2(page, url):
    await page.open(url)
    await page.join(NAME)
    await page.see("week 2 of 6 · Continue")
    await page.press("Enter")
    await page.see("End week 2")


def test_a_reload_resumes_at_the_same_week_in_the_same_file(tmp_path):
    server = Server(tmp_path).start()

    async def test(browser):
        page = await _page(browser, tmp_path, "reload")
        await _start_and_end_week_1(page, server.url)
        await _wait_for(lambda: server.games() and _weeks(server.games()[0]) == 1, "the week's save")
        await _resume_at_week_2(page, server.url)  # the same tab, loaded again
        await page.play_a_week(2)
        await _wait_for(lambda: _weeks(server.games()[0]) == 2, "week 2's save")

    try:
        _run(test, tmp_path)
    finally:
        server.stop()
    assert len(server.games()) == 1


def test_a_server_restart_resumes_at_the_same_week(tmp_path):
    server = Server(tmp_path).start()

    async def test(browser):
        page = await _page(browser, tmp_path, "restart")
        await _start_and_end_week_1(page, server.url)
        await _wait_for(lambda: server.games() and _weeks(server.games()[0]) == 1, "the week's save")
        server.stop()
        server.start()
        await _resume_at_week_2(page, server.url)

    try:
        _run(test, tmp_path)
    finally:
        server.stop()
    assert len(server.games()) == 1 and _weeks(server.games()[0]) == 1


def test_a_facilitator_locks_a_round_and_reveals_the_answer_key(tmp_path):
    from trainer.core.console import read_control

    server = Server(tmp_path)
    server.workshop.write_text(WORKSHOP + 'facilitator_code = "host-77"\n', encoding="utf-8")
    server.start()
    folder = server.saves / "browser"

    async def test(browser):
        host = await _page(browser, tmp_path, "host")
        player = await _page(browser, tmp_path, "player")
        await player.open(server.url)
        await player.join("Ann")
        await player.see("Playing as Ann")
        await host.open(server.url)
        await host.see("e.g. Li Na")
        await host.type("host-77")
        await host.press("Enter")
        await host.see("Facilitator console")
        await host.see("Ann")  # the participant in the room
        await host.press("l")  # round 1: locked
        await host.see("locked")
        await host.press("k")
        await host.see("revealed to the room")
        assert read_control(folder).locked == ["tutorial"] and read_control(folder).answer_key
        await player.press("Enter")  # round 1
        await player.see("locked by the facilitator")
        await host.press("m")
        await host.type("Coffee break")
        await host.press("Enter")
        await player.see("Coffee break")
        await host.press("l")  # open again
        await _wait_for(lambda: read_control(folder).locked == [], "the round opened")
        await player.press("Enter")
        await player.see("Start week 1")

    try:
        _run(test, tmp_path)
    finally:
        server.stop()


def test_a_participant_downloads_their_debrief(tmp_path):
    server = Server(tmp_path).start()
    downloaded = tmp_path / "debrief.html"

    async def test(browser):
        page = await _page(browser, tmp_path, "download")
        await _start_and_end_week_1(page, server.url)
        await _wait_for(lambda: server.games() and _weeks(server.games()[0]) == 1, "the week's save")
        await page.open(server.url)  # the rounds, as after a reload
        await page.join(NAME)
        await page.see("week 2 of 6 · Continue")
        async with page.page.expect_download(timeout=60_000) as info:
            await page.press("d")
        download = await info.value
        await download.save_as(str(downloaded))
        assert download.suggested_filename.endswith("-tutorial-debrief.html")

    try:
        _run(test, tmp_path)
    finally:
        server.stop()
    html = downloaded.read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>") and NAME in html


# Every shipped level, week by week to its final score and debrief, as a participant plays it,
# in English and in Chinese (about 100 s a language for all nine); FACT_BROWSER_LEVELS=dairy-gpm,tutorial plays only those.
_LEVELS = os.environ.get("FACT_BROWSER_LEVELS", "all")


def _browser_levels() -> list[str]:
    from trainer.core.library import scenarios_dir
    from trainer.core.loading import load_scenario

    if _LEVELS != "all":
        return _LEVELS.split(",")
    return [load_scenario(p).id for p in sorted(scenarios_dir().glob("*.toml"))]


# What a participant waits for on the screen, in each language the room can fix.
_WORDS = {
    "en": dict(gate="e.g. Li Na", joined="Playing as", start="Start week 1", end="End week {week}", planned="planned {field:,}",
               final="Final score", next="Next week", totals="Total GMV", debrief="Debrief"),
    "zh": dict(gate="例如 李娜", joined="当前玩家", start="开始第1周", end="结束第{week}周", planned="已计划{field:,}",
               final="最终得分", next="下一周", totals="总GMV", debrief="复盘"),
}


@pytest.mark.parametrize("lang", list(_WORDS))
@pytest.mark.parametrize("level", _browser_levels())
def test_a_level_is_played_to_its_final_score_in_the_browser(tmp_path, level, lang):
    from trainer.core.library import find
    from trainer.core.saves import load_game

    scenario = find(level)[0]
    field = min(scenario.budgets) // 2  # fits every week, the smallest too
    words = _WORDS[lang]
    server = Server(tmp_path)
    server.workshop.write_text(WORKSHOP.replace('["tutorial"]', f'["{level}"]') + f'language = "{lang}"\n',
                               encoding="utf-8")
    server.start()

    async def test(browser):
        page = await _page(browser, tmp_path, f"{level}-{lang}")
        await page.open(server.url)
        await page.join(NAME, gate=words["gate"])
        await page.see(words["joined"])
        await page.press("Enter")
        await page.see(words["start"])
        await page.press("Enter")
        for week in range(1, scenario.turns + 1):
            await page.see(words["end"].format(week=week))
            await page.type(str(field), delay=0)  # F has the focus, its amount selected: typing replaces it
            await page.see(words["planned"].format(field=field))
            await page.press("F8")  # a browser keeps ctrl+n for a new window; F8 ends the week
            await page.see(words["final"] if week == scenario.turns else words["next"])
            await page.press("Enter")
        await page.see(words["totals"])  # the end screen
        await page.press("d")
        await page.see(words["debrief"])

    try:
        _run(test, tmp_path)
    finally:
        server.stop()
    (path,) = server.games()
    loaded = load_game(path)
    assert loaded.verified and loaded.save.turns_played == scenario.turns
    assert all(t.decision().field == field for t in loaded.save.turns)
