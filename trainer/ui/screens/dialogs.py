"""Small modal screens: quit confirmation, terminal too small."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from trainer.ui import messages as M


class QuitScreen(ModalScreen[bool]):
    """Asks before quitting a game in progress; dismisses True to quit."""

    BINDINGS = [
        Binding("escape,n", "dismiss(False)", M.QUIT_NO),
        Binding("y", "dismiss(True)", M.QUIT_YES),
    ]

    def __init__(self, turn: int, turns: int, title: str):
        super().__init__()
        self._text = M.QUIT_IN_PROGRESS.format(turn=turn, turns=turns, title=title)

    def compose(self) -> ComposeResult:
        with Vertical(id="quit-box", classes="dialog"):
            yield Static(M.QUIT_QUESTION, classes="dialog-title")
            yield Static(self._text)
            with Horizontal(classes="dialog-buttons"):
                yield Button(M.QUIT_NO, id="no", variant="primary")
                yield Button(M.QUIT_YES, id="yes", variant="error")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")


class TooSmallScreen(ModalScreen[None]):
    """Covers everything while the terminal is below the size the game needs."""

    BINDINGS = [Binding("ctrl+q", "app.quit", M.KEY_QUIT, priority=True)]

    def __init__(self, min_w: int, min_h: int, w: int, h: int):
        super().__init__()
        self._min = (min_w, min_h)
        self._term = (w, h)

    def _text(self) -> str:
        return M.TOO_SMALL.format(min_w=self._min[0], min_h=self._min[1], w=self._term[0], h=self._term[1])

    def compose(self) -> ComposeResult:
        yield Static(self._text(), id="too-small")

    def update_size(self, w: int, h: int) -> None:
        """Say the new size."""
        self._term = (w, h)
        if self.is_mounted:
            self.query_one("#too-small", Static).update(self._text())
