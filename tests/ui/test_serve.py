"""`fact-trainer serve` as a process: a taken port said plainly, no temporary folder left
behind, and no game process outliving a server killed with SIGKILL (nor a week saved that
the participant did not end). Driven through textual-serve's own websocket, as the page
drives it, reading the screen's text from what the game sends."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("textual_serve", reason="textual-serve is not installed")
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")

WORKSHOP = 'id = "kill"\ntitle = "Kill test"\nscenarios = ["tutorial"]\nseed = 2026\n'
ANSI = re.compile(r"\x1b\[[0-9;?<>=]*[A-Za-z~]|\x1b[()][A-Z0-9]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[=>78]")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_serve(tmp_path: Path, workshop: str = WORKSHOP, port: int | None = None, env: dict | None = None):
    path = tmp_path / "ws.toml"
    path.write_text(workshop, encoding="utf-8")
    port = port or _free_port()
    log = tmp_path / f"serve-{port}.log"
    proc = subprocess.Popen([sys.executable, "-m", "trainer", "serve", "--workshop", str(path), "--port", str(port),
                             "--saves-dir", str(tmp_path / "saves")], stdout=log.open("w"), stderr=subprocess.STDOUT,
                            env=dict(os.environ, PYTHONUNBUFFERED="1", **(env or {})), start_new_session=True)
    end = time.monotonic() + 30
    while time.monotonic() < end:
        assert proc.poll() is None, log.read_text()
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return proc, port
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"serve did not listen: {log.read_text()}")


def games_of(server_pid: int) -> list[int]:
    """The game processes a server started (they carry its id in their environment)."""
    mark = f"FACT_TRAINER_SERVED_BY={server_pid}".encode()
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if mark in (entry / "environ").read_bytes().split(b"\0"):
                    found.append(int(entry.name))
            except OSError:
                pass
    return found


class Screen:
    """A participant's page without the browser: keys in, the screen's text out."""

    def __init__(self, ws):
        self.ws = ws
        self.text = ""
        self.task = asyncio.create_task(self._read())

    async def _read(self):
        import aiohttp

        async for message in self.ws:
            if message.type == aiohttp.WSMsgType.BINARY:
                self.text += ANSI.sub("", message.data.decode("utf-8", "replace"))

    async def wait_for(self, words: str, timeout: float = 40) -> None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if words in self.text:
                self.text = ""
                return
            await asyncio.sleep(0.1)
        raise AssertionError(f"{words!r} never showed; the screen showed: {self.text[-600:]!r}")

    async def type(self, keys: str) -> None:
        await self.ws.send_json(["stdin", keys])


def test_a_taken_port_is_said_plainly(tmp_path):
    (tmp_path / "ws.toml").write_text(WORKSHOP, encoding="utf-8")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        done = subprocess.run([sys.executable, "-m", "trainer", "serve", "--workshop", str(tmp_path / "ws.toml"),
                               "--port", str(port)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert f"port {port} is taken" in done.stderr and "--port" in done.stderr
    assert "bug" not in done.stderr + done.stdout and "Serving" not in done.stdout


def test_serve_leaves_no_temporary_folder(tmp_path):
    temp = tmp_path / "tmp"
    temp.mkdir()
    proc, _ = start_serve(tmp_path, env={"TMPDIR": str(temp)})
    assert any(temp.iterdir())  # the page's templates, while it serves
    os.killpg(proc.pid, signal.SIGTERM)
    assert proc.wait(timeout=20) == 0
    assert list(temp.iterdir()) == []


def test_killing_the_server_ends_every_game_and_saves_no_unended_week(tmp_path):
    import aiohttp

    from trainer.core.saves import load_game

    proc, port = start_serve(tmp_path)
    saves = tmp_path / "saves" / "kill"

    async def mid_week() -> None:
        async with aiohttp.ClientSession() as session:
            async with session.ws_connect(f"http://127.0.0.1:{port}/ws?width=100&height=30") as ws:
                screen = Screen(ws)
                await screen.wait_for("e.g. Li Na")
                await screen.type("Sam\r")
                await screen.wait_for("Playing as Sam")
                await screen.type("\r")
                await screen.wait_for("Start week 1")
                await screen.type("\r")
                await screen.wait_for("End week 1")
                await screen.type("20000")  # a plan typed, never ended
                await screen.wait_for("20,000")
                assert games_of(proc.pid)
                os.kill(proc.pid, signal.SIGKILL)  # the server dies mid-week
                proc.wait(timeout=10)
                screen.task.cancel()

    try:
        asyncio.run(mid_week())
        end = time.monotonic() + 10
        while games_of(proc.pid) and time.monotonic() < end:
            time.sleep(0.2)
        assert games_of(proc.pid) == []
        time.sleep(1.0)  # a game that lived on would have saved by now
        (path,) = saves.glob("*.toml")
        assert load_game(path).save.turns_played == 0  # claimed at the start; no week ended, none saved
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        for pid in games_of(proc.pid):
            os.kill(pid, signal.SIGKILL)
