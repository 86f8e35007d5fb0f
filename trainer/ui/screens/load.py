"""The saved games: load one, or delete one after a confirmation. Damaged files are listed
with their problem and cannot be loaded."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, DataTable, Static

from trainer.core.saves import SaveSummary, delete_save, list_saves
from trainer.ui import SCREENS_CSS
from trainer.ui import messages as M
from trainer.ui.screens.dialogs import ConfirmScreen
from trainer.ui.widgets.header import Header
from trainer.ui.widgets.footer import Footer


class LoadScreen(Screen):
    """A table of the saves in the app's saves folder, newest first."""

    CSS_PATH = SCREENS_CSS  # its rules load when the first screen but the title is shown

    BINDINGS = [
        Binding("enter", "load", M.KEY_LOAD),
        Binding("delete,d", "delete", M.KEY_DELETE),
        Binding("escape", "app.title", M.KEY_BACK),
        Binding("q", "app.quit", M.KEY_QUIT, show=False),
    ]

    def __init__(self, folder: Path):
        super().__init__()
        self.folder = folder
        self.saves: list[SaveSummary] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="load-box"):
            yield Static(M.LOAD_FOLDER.format(folder=self.folder), id="load-folder", classes="dim")
            table = DataTable(id="load-table", zebra_stripes=True, cursor_type="row")
            table.border_title = M.LOAD_TITLE
            yield table
            yield Static(id="load-detail")
        with Horizontal(id="load-buttons"):
            yield Button(M.LOAD_OPEN, id="open", variant="primary", compact=True)
            yield Button(M.LOAD_DELETE, id="delete", compact=True)
            yield Button(M.LOAD_BACK, id="back", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = M.LOAD_TITLE
        table = self.query_one(DataTable)
        table.add_columns(*M.LOAD_COLUMNS)
        self.refresh_saves()
        table.focus()

    def refresh_saves(self) -> None:
        """Read the folder again and fill the table."""
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        self.saves = list_saves(self.folder)
        for s in self.saves:
            if s.problem is None:
                table.add_row(Text(s.player), Text(s.scenario), str(s.turn), M.money(s.gmv), M.score_points(s.score),
                              M.save_date(s.updated))
            else:
                table.add_row(Text(s.path.name, style="red"), Text(M.LOAD_DAMAGED, style="red"), "", "", "",
                              M.save_date(s.updated))
        if self.saves:
            table.move_cursor(row=min(row, len(self.saves) - 1))
        self.query_one("#open", Button).disabled = not self.saves
        self.query_one("#delete", Button).disabled = not self.saves
        self._show_detail()

    def _current(self) -> SaveSummary | None:
        table = self.query_one(DataTable)
        if not self.saves or not 0 <= table.cursor_row < len(self.saves):
            return None
        return self.saves[table.cursor_row]

    def _show_detail(self) -> None:
        detail = self.query_one("#load-detail", Static)
        s = self._current()
        if not self.saves:
            detail.update(Text(M.LOAD_EMPTY.format(folder=self.folder), style="dim"))
        elif s is None:
            detail.update("")
        elif s.problem is not None:
            detail.update(Text(M.LOAD_DETAIL_DAMAGED.format(path=s.path, problem=M.said(s.problem)), style="red"))
        else:
            detail.update(Text(M.LOAD_DETAIL.format(path=s.path), style="dim"))
        if s is not None:
            self.query_one("#open", Button).disabled = s.problem is not None

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_load()

    def action_load(self) -> None:
        """Load the highlighted save (a damaged one says why it cannot be)."""
        s = self._current()
        if s is None:
            return
        if s.problem is not None:
            self.notify(M.LOAD_CANNOT.format(problem=M.said(s.problem)), severity="error")
            self.app.bell()
            return
        self.app.load_save(s.path)

    def action_delete(self) -> None:
        """Delete the highlighted save, once the player confirms."""
        s = self._current()
        if s is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                try:
                    delete_save(s.path)
                except OSError as exc:
                    self.notify(M.DELETE_FAILED.format(path=s.path, reason=exc.strerror or exc), severity="error",
                                timeout=10)
                    self.refresh_saves()
                    return
                self.notify(M.DELETED.format(path=s.path))
                self.refresh_saves()
                self.query_one(DataTable).focus()

        player = s.player if s.problem is None else s.path.name
        scenario = s.scenario if s.problem is None else M.LOAD_DAMAGED
        self.app.push_screen(ConfirmScreen(M.DELETE_QUESTION, M.DELETE_WHAT.format(
            player=player, scenario=scenario, turns=s.turn, path=s.path), M.DELETE_YES, M.DELETE_NO), answered)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "open":
            self.action_load()
        elif event.button.id == "delete":
            self.action_delete()
        elif event.button.id == "back":
            self.app.action_title()
