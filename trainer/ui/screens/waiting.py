"""Weeks advancing together (a workshop's `together`, or the console's switch): the screen a
participant sees after ending a week, until the room has ended it too. The week is already
played and saved; its results wait under this screen and show when it closes
(trainer.ui.console_link releases it)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Static

from trainer.i18n import N_, _
from trainer.ui import messages as M
from trainer.ui.widgets.header import Header
from trainer.ui.widgets.footer import Footer

WAIT_TITLE = N_("Week {week} of {turns} is ended: your plan is played and saved.")
WAIT_ROOM = N_("Waiting for the room: {ended} of {total} have ended week {week}")
WAIT_HOW = N_("Your results show to everyone at once when the whole room has ended the week, when the time "
              "is up, or when the facilitator moves the room on.")
RELEASED = N_("The room has ended week {week}: here are your results.")


class WaitingScreen(Screen):
    """Over the week's results, hidden, until the room has ended the week."""

    BINDINGS = [Binding("q", "app.quit", M.KEY_QUIT, show=False)]  # no history: it would show the week's figures
    DEFAULT_CSS = """
    WaitingScreen { align: center middle; }
    #wait-panel { width: 70; max-width: 100%; height: auto; border: round $primary; padding: 1 2; }
    #wait-title { text-style: bold; }
    #wait-room { margin-top: 1; text-style: bold; color: $text-accent; }
    #wait-how { margin-top: 1; color: $text-muted; }
    #wait-save { margin-top: 1; color: $text-muted; }
    """

    def __init__(self, week: int) -> None:
        super().__init__()
        self.week = week
        """The week ended, whose results wait."""
        self.counts: tuple[int, int] | None = None

    def compose(self) -> ComposeResult:
        session = self.app.session
        yield Header()
        with Vertical(id="wait-panel"):
            yield Static(_(WAIT_TITLE).format(week=self.week, turns=session.scenario.turns), id="wait-title")
            yield Static("", id="wait-room")
            yield Static(_(WAIT_HOW), id="wait-how")
            yield Static("", id="wait-save")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self.app.session.scenario.title
        self._show_room()

    def update_room(self, ended: int, total: int) -> None:
        """Say how many of the round's room have ended the week."""
        self.counts = (ended, total)
        if self.is_mounted:
            self._show_room()

    def _show_room(self) -> None:
        if self.counts is None:
            return
        ended, total = self.counts
        self.query_one("#wait-room", Static).update(
            Text(_(WAIT_ROOM).format(ended=ended, total=total, week=self.week)))

    def room_line(self) -> str:
        """The line as shown (tests and the console read it)."""
        return str(self.query_one("#wait-room", Static).render())

    def save_changed(self) -> None:
        """The week was saved (or not): said here, and on the results below."""
        results = getattr(self.app, "_results", None)
        if results is not None and results in self.app.screen_stack:
            results.save_changed()
        session = self.app.session
        line = self.query_one("#wait-save", Static)
        if session.autosave is None:
            line.update("")
        elif session.save_error is not None:
            line.update(Text(M.RESULTS_NOT_SAVED.format(problem=session.save_error), style="bold red"))
        else:
            line.update(Text(M.RESULTS_SAVED.format(path=session.autosave.path.name)))
