"""Weeks advancing together, for real: two participants and the facilitator's console in
Debian's chromium against `fact-trainer serve` (see tests/ui/test_browser.py). The first to
end a week waits for the room; the week's results show to both once the second ends it, or
once the facilitator presses Advance (the plan still typed is played, once)."""

from __future__ import annotations

from tests.ui.test_browser import WORKSHOP, CHROMIUM, Server, _page, _run, _wait_for, _weeks, pytestmark  # noqa: F401


async def _type_amount(page, week: int, amount: int) -> None:
    """Type `amount` into F (the focused field) once the cockpit of `week` shows."""
    await page.see(f"End week {week}")
    for attempt in range(3):
        await page.type(str(amount))
        try:
            await page.see(f"{amount:,}", timeout=8)
            return
        except AssertionError:
            if attempt == 2:
                raise
            for _ in range(8):
                await page.press("Backspace")


async def _into_round_1(page, url: str, name: str) -> None:
    await page.open(url)
    await page.join(name)
    await page.see(f"Playing as {name}")
    await page.press("Enter")
    await page.see("Start week 1")
    await page.press("Enter")


def test_weeks_advance_together_in_the_browser(tmp_path):
    from trainer.core.console import read_control
    from trainer.core.saves import load_game

    server = Server(tmp_path)
    server.workshop.write_text(WORKSHOP + 'facilitator_code = "host-77"\ntogether = true\n', encoding="utf-8")
    server.start()
    folder = server.saves / "browser"

    def game_of(name: str):
        return next(s for s in (load_game(p).save for p in server.games()) if s.player == name)

    async def test(browser):
        ann = await _page(browser, tmp_path, "ann")
        bo = await _page(browser, tmp_path, "bo")
        host = await _page(browser, tmp_path, "host")
        await _into_round_1(ann, server.url, "Ann")
        await _into_round_1(bo, server.url, "Bo")
        await host.open(server.url)
        await host.see("e.g. Li Na")
        await host.type("host-77")
        await host.press("Enter")
        await host.see("Facilitator console")
        # week 1: Ann ends it and waits for the room; Bo ends it, and both see their results
        await _type_amount(ann, 1, 20000)
        await _type_amount(bo, 1, 30000)
        await ann.press("Control+n")
        await ann.see("Waiting for the room: 1 of 2 have ended week 1")
        await host.see("1 of 2 ended")
        await _wait_for(lambda: len(game_of("Ann").turns) == 1, "Ann's week 1 saved while she waits")
        assert len(game_of("Bo").turns) == 0
        await bo.press("Control+n")
        await bo.see("Next week")
        await ann.see("Next week")
        # week 2: Ann ends it; Bo types a plan but has not ended it when the facilitator presses Advance
        await ann.press("Enter")
        await bo.press("Enter")
        await _type_amount(ann, 2, 25000)
        await ann.press("Control+n")
        await ann.see("Waiting for the room: 1 of 2 have ended week 2")
        await _type_amount(bo, 2, 15000)
        await host.see("week 2: 1 of 2 ended")
        await host.press("a")
        # the results and the notification over them: the frame with both, or one frame each
        await bo.see_all("The facilitator moved the room on", "Next week")
        await ann.see("Next week")
        assert read_control(folder).advance == {"tutorial": 2}
        await _wait_for(lambda: all(_weeks(p) == 2 for p in server.games()), "both games saved")

    try:
        _run(test, tmp_path)
    finally:
        server.stop()
    ann, bo = game_of("Ann"), game_of("Bo")
    assert [t.field for t in ann.turns] == [20000, 25000]
    assert [t.field for t in bo.turns] == [30000, 15000]  # the typed plan, played once
