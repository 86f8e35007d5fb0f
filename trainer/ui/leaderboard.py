"""The live leaderboard a facilitator projects: every participant's game, verified by
replay, ranked within each round, refreshed by itself every few seconds."""

from __future__ import annotations

import sys
from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from trainer.ui import messages as M
from trainer.ui import wrapping
from trainer.ui.widgets.header import Header
from trainer.ui.widgets.footer import Footer

wrapping.install()  # Chinese names and titles break between characters

REFRESH_SECONDS = 5.0
PAGE_SECONDS = 8.0
"""Seconds each page of a long board stays on the projector before the next one shows."""
RANKED_WIDTHS = (2, 16, 18, 4, 5, 4, 9, 5)  # 79 columns with the padding: fits 80
UNVERIFIED_WIDTHS = (16, 18, 5, 200)


class LeaderboardApp(App[int]):
    """One table of ranked games, and one of the games that do not verify (unranked, with why)."""

    TITLE = M.APP_TITLE
    ENABLE_COMMAND_PALETTE = False  # a projected board: nothing to search, and Textual's commands are English
    CSS = """
    #lb-status { height: 1; padding: 0 1; color: $text-muted; }
    #lb-ranked { height: 2fr; scrollbar-size-horizontal: 0; }
    #lb-unverified-title { height: 1; padding: 0 1; text-style: bold; color: $text-warning; }
    #lb-unverified { height: 1fr; scrollbar-size-horizontal: 0; }
    """
    BINDINGS = [
        Binding("r", "refresh_board", M.LB_REFRESH),
        Binding("q,ctrl+q", "quit", M.KEY_QUIT, priority=True),
    ]

    def __init__(self, workshop, scenarios, folders: list[Path], every: float = REFRESH_SECONDS,
                 still: bool = False):
        from trainer import i18n
        from trainer.ui.language import level_language, relabel_bindings

        relabel_bindings(i18n.language())  # the key labels in the language in force (Textual read them at import)
        super().__init__()
        self.workshop = workshop
        self.scenarios = scenarios
        lang = level_language()
        self.shown_title = workshop.localized(lang).title
        """The workshop's and each round's title as the room reads them (the level's own text)."""
        self.shown_titles = {s.id: s.localized(lang).title for s in scenarios}
        self.folders = folders
        self.every = every
        self.still = still
        self.entries: list = []
        """The last leaderboard read (trainer.core.workshop.Entry rows)."""
        self.reading = False
        """A read is under way: the next tick waits for it (a replay of many saves can outlast a tick)."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(M.LB_READING, id="lb-status")
        yield DataTable(id="lb-ranked", cursor_type="row", zebra_stripes=True)
        yield Static(M.LB_UNVERIFIED, id="lb-unverified-title")
        yield DataTable(id="lb-unverified", cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self.shown_title
        # fixed widths: auto widths measured on an empty table would cut every name short
        for table, columns, widths in (("#lb-ranked", M.LB_COLUMNS, RANKED_WIDTHS),
                                       ("#lb-unverified", M.LB_UNVERIFIED_COLUMNS, UNVERIFIED_WIDTHS)):
            for label, width in zip(columns, widths):
                self.query_one(table, DataTable).add_column(label, width=width)
        self.action_refresh_board()
        if self.every > 0:
            self.set_interval(self.every, self.action_refresh_board)
            self.set_interval(PAGE_SECONDS, self.next_page)

    def next_page(self) -> None:
        """More rows than the screen holds: show the next page (after the last, the first again),
        so a projected board shows everyone without anybody touching it."""
        table = self.query_one("#lb-ranked", DataTable)
        if table.max_scroll_y <= 0:
            return
        page = max(1, table.scrollable_content_region.height - 1)
        target = 0 if table.scroll_y >= table.max_scroll_y else min(table.max_scroll_y, table.scroll_y + page)
        table.scroll_to(y=target, animate=False)

    def action_refresh_board(self) -> None:
        """Read the saves again (in a thread: each is replayed to verify it)."""
        if not self.reading:
            self.reading = True
            self.read_board()

    @work(thread=True, group="leaderboard", exit_on_error=False)
    def read_board(self) -> None:
        from trainer.core.workshop import leaderboard

        try:
            entries = leaderboard(self.workshop, self.scenarios, self.folders)
        finally:
            self.call_from_thread(setattr, self, "reading", False)
        self.call_from_thread(self.show, entries)

    def on_worker_state_changed(self, event) -> None:
        from trainer.ui.screens.dialogs import show_worker_error

        show_worker_error(self, event, M.WORKER_LEADERBOARD)

    def show(self, entries: list) -> None:
        """Fill both tables from `entries`."""
        self.entries = entries
        titles = self.shown_titles
        ranked = self.query_one("#lb-ranked", DataTable)
        unverified = self.query_one("#lb-unverified", DataTable)
        ranked.clear()
        unverified.clear()
        for e in entries:
            scenario = titles.get(e.scenario, e.scenario)
            if e.verified:
                # unfinished games follow the ranked ones of their round, unranked ("…": still playing)
                turn = M.LB_FINISHED.format(turn=e.turn) if e.finished else str(e.turn)
                ranked.add_row("…" if e.rank is None else str(e.rank), Text(e.name), scenario, turn,
                               *(Text(v, justify="right") for v in (M.score_points(e.score), M.stars(e.stars),
                                                                     M.money(e.gmv), M.gpm(e.gpm))),
                               height=None)  # a long name wraps onto a second line: never cut short
            else:
                unverified.add_row(Text(e.name), scenario, str(e.turn), Text(M.said(e.problem)), height=None)
        count = sum(1 for e in entries if e.verified)
        playing = sum(1 for e in entries if e.verified and e.rank is None)
        # no server path on the projector: the folders are the facilitator's business
        figures = {"games": count - playing, "playing": playing, "unverified": len(entries) - count}
        if self.still:
            status = M.LB_STATUS.format(**figures)
        else:
            from datetime import datetime

            status = M.LB_STATUS_UPDATED.format(time=datetime.now().strftime("%H:%M:%S"), **figures)
        self.query_one("#lb-status", Static).update(Text(status))
        self.query_one("#lb-unverified-title").display = len(entries) > count
        unverified.display = len(entries) > count


def create_leaderboard(workshop_path: str | Path, saves_dirs: list[str | None] | None = None,
                       **options) -> LeaderboardApp:
    """The leaderboard app (FileProblems when the workshop file cannot be loaded)."""
    from trainer.core.saves import saves_dir
    from trainer.core.workshop import load_workshop

    workshop, scenarios = load_workshop(workshop_path)
    folders = [saves_dir(d) for d in (saves_dirs or [None])]
    return LeaderboardApp(workshop, scenarios, folders, **options)


def run_leaderboard(workshop_path: str | Path, saves_dirs: list[str | None] | None = None) -> int:
    """Show the live leaderboard in the terminal; the exit status (1 when the workshop file
    cannot be loaded: its problems are printed)."""
    from trainer.core.loading import FileProblems

    try:
        app = create_leaderboard(workshop_path, saves_dirs)
    except FileProblems as exc:
        for problem in exc.problems:
            print(M.problem_line(problem), file=sys.stderr)
        return 1
    code = app.run()
    return code if isinstance(code, int) else 0
