"""The live leaderboard: ranked games, unverified ones apart with why, refreshed by itself."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Static

from tests.ui import helpers as h
from tests.ui.test_workshop import workshop_file
from trainer.core.engine import Engine
from trainer.core.saves import Autosave
from trainer.core.workshop import load_workshop
from trainer.ui.leaderboard import create_leaderboard, run_leaderboard


def _game(folder, player, weeks, decision=h.WEEK, seed=77):
    workshop, scenarios = load_workshop(folder / "ws.toml")
    game = Engine(scenarios[0]).new_game(seed)
    for _ in range(scenarios[0].turns if weeks is None else weeks):
        game.step(decision)
    slot = Autosave.new(folder / "saves" / workshop.id, player, scenarios[0].id, workshop=workshop.id)
    assert slot.save(game) is None


async def _until(pilot, condition, timeout: float = 20) -> None:
    """Wait for the board to read the saves (a replay each: slower on a busy machine)."""
    for _ in range(int(timeout / 0.1)):
        if condition():
            return
        await pilot.pause(0.1)


def _rows(table: DataTable) -> list[list[str]]:
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


@h.sync
async def test_ranks_verified_games_and_lists_the_others_apart_and_refreshes(tmp_path):
    path = workshop_file(tmp_path)
    _game(tmp_path, "Li Na", 2)
    _game(tmp_path, "Wang Fang", 3)
    _game(tmp_path, "Lucky", 2, seed=1)  # not the workshop's seed: not ranked
    _game(tmp_path, "Ann Finisher with a name far longer than the column", None)
    app = create_leaderboard(path, [str(tmp_path / "saves")], every=0.2, still=True)
    async with app.run_test(size=(120, 30)) as pilot:
        await _until(pilot, lambda: len(app.entries) == 4)
        ranked = _rows(app.query_one("#lb-ranked", DataTable))
        # the finished game is ranked; the unfinished ones follow, unranked, the furthest first
        assert [r[:2] for r in ranked] == [["1", "Ann Finisher with a name far longer than the column"],
                                           ["…", "Wang Fang"], ["…", "Li Na"]]
        assert str(tmp_path) not in str(app.query_one("#lb-status", Static).render())  # no server path
        unverified = _rows(app.query_one("#lb-unverified", DataTable))
        assert unverified[0][0] == "Lucky" and "seed 1" in unverified[0][3]
        # a new game shows without pressing anything
        _game(tmp_path, "Zhao Lei", 1)
        await _until(pilot, lambda: app.query_one("#lb-ranked", DataTable).row_count == 4)
        assert app.query_one("#lb-ranked", DataTable).row_count == 4


def test_a_broken_workshop_file_exits_1(tmp_path, capsys):
    path = tmp_path / "bad.toml"
    path.write_text('title = "x"\n', encoding="utf-8")
    assert run_leaderboard(path, [None]) == 1
    assert str(path) in capsys.readouterr().err


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_leaderboard_snapshot(snap_compare, tmp_path, monkeypatch, size, lang):
    monkeypatch.chdir(tmp_path)
    workshop_file(tmp_path)
    _game(tmp_path, "Li Na", 2)
    _game(tmp_path, "Wang Fang", 6)
    _game(tmp_path, "Lucky", 2, seed=1)

    async def ready(pilot):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    from trainer import i18n

    i18n.set_language(lang)  # as `fact-trainer --lang zh leaderboard --live` sets it
    try:
        app = create_leaderboard("ws.toml", ["saves"], every=0, still=True)
        assert snap_compare(app, terminal_size=size, run_before=ready)
    finally:
        i18n.set_language("en")


@h.sync
async def test_a_long_board_pages_by_itself(tmp_path):
    path = workshop_file(tmp_path)
    for i in range(30):
        _game(tmp_path, f"Participant number {i:02d}", 1 + i % 3)
    app = create_leaderboard(path, [str(tmp_path / "saves")], every=0, still=True)
    async with app.run_test(size=(100, 24)) as pilot:
        await _until(pilot, lambda: len(app.entries) == 30)
        await pilot.pause()
        table = app.query_one("#lb-ranked", DataTable)
        assert table.max_scroll_y > 0 and table.scroll_y == 0
        seen = [table.scroll_y]
        for _ in range(12):
            app.next_page()
            await pilot.pause()
            seen.append(table.scroll_y)
        assert max(seen) == table.max_scroll_y  # the last rows were shown
        assert seen.count(0) >= 2  # and then the first page again
