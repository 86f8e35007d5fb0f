"""Small modal screens: quit and delete confirmations, the player's name, load problems, terminal too small."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from trainer.ui import SCREENS_CSS
from trainer.ui import messages as M


class QuitScreen(ModalScreen[bool]):
    """Asks before quitting a game in progress; dismisses True to quit."""

    CSS_PATH = SCREENS_CSS  # its rules load when the first screen but the title is shown

    BINDINGS = [
        Binding("escape,n", "dismiss(False)", M.QUIT_NO),
        Binding("y", "dismiss(True)", M.QUIT_YES),
    ]

    def __init__(self, turn: int, turns: int, title: str, saved: bool = True):
        super().__init__()
        self._text = (M.QUIT_IN_PROGRESS if saved else M.QUIT_NOT_SAVED).format(turn=turn, turns=turns, title=title)

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

    CSS_PATH = SCREENS_CSS  # its rules load when the first screen but the title is shown

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


class NameScreen(ModalScreen[str | None]):
    """Asks the player's name before a new game; dismisses the cleaned name, or None."""

    CSS_PATH = SCREENS_CSS  # its rules load when the first screen but the title is shown

    BINDINGS = [Binding("escape", "dismiss(None)", M.NAME_CANCEL)]

    def __init__(self, name: str = ""):
        super().__init__()
        self._name = name

    def compose(self) -> ComposeResult:
        with Vertical(id="name-box", classes="dialog dialog-calm"):
            yield Static(M.NAME_TITLE, classes="dialog-title")
            yield Static(M.NAME_PROMPT, classes="dim")
            yield Input(self._name, placeholder=M.NAME_PLACEHOLDER, id="name", select_on_focus=False)
            yield Static("", id="name-message")
            with Horizontal(classes="dialog-buttons"):
                yield Button(M.NAME_CANCEL, id="cancel")
                yield Button(M.NAME_OK, id="ok", variant="primary")

    def on_mount(self) -> None:
        name = self.query_one("#name", Input)
        if getattr(self.app, "still", False):
            name.cursor_blink = False
        name.focus()
        name.cursor_position = len(name.value)

    def _submit(self) -> None:
        from trainer.core.workshop import participant_name

        name = participant_name(self.query_one("#name", Input).value)
        if name is None:
            message = self.query_one("#name-message", Static)
            message.update(M.NAME_EMPTY)
            message.add_class("-error")
            self.query_one("#name", Input).focus()
            return
        self.dismiss(name)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self._submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            self._submit()
        else:
            self.dismiss(None)


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question; dismisses True for yes. The safe answer has the focus."""

    CSS_PATH = SCREENS_CSS  # its rules load when the first screen but the title is shown

    BINDINGS = [
        Binding("escape,n", "dismiss(False)", M.DELETE_NO),
        Binding("y", "dismiss(True)", M.DELETE_YES),
    ]

    def __init__(self, question: str, text: str, yes: str, no: str):
        super().__init__()
        self._question, self._text, self._yes, self._no = question, text, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box", classes="dialog"):
            yield Static(self._question, classes="dialog-title")
            yield Static(self._text, id="confirm-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self._no, id="no", variant="primary")
                yield Button(self._yes, id="yes", variant="error")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")


class MessageScreen(ModalScreen[None]):
    """A message to read and close: e.g. a save that cannot be loaded, and why."""

    CSS_PATH = SCREENS_CSS  # its rules load when the first screen but the title is shown

    BINDINGS = [Binding("escape,enter", "dismiss(None)", M.KEY_CLOSE)]

    def __init__(self, title: str, text: str, note: str = ""):
        super().__init__()
        self._title, self._text, self._note = title, text, note

    def compose(self) -> ComposeResult:
        with Vertical(id="message-box", classes="dialog"):
            yield Static(self._title, classes="dialog-title")
            yield Static(Text(self._text), id="message-text")
            if self._note:
                yield Static(self._note, classes="dim")
            with Horizontal(classes="dialog-buttons"):
                yield Button(M.OK, id="ok", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#ok", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None)


class LoadProblemScreen(ModalScreen[str | None]):
    """A save that loaded but did not replay as recorded: what differs, and the choice.

    Dismisses "continue" (from the replayed game), "restart" (the same scenario from week
    1, in a new file) or None (back).
    """

    CSS_PATH = SCREENS_CSS  # its rules load when the first screen but the title is shown

    BINDINGS = [
        Binding("escape", "dismiss(None)", M.KEY_BACK),
        Binding("c", "dismiss('continue')", M.LOAD_CONTINUE),
        Binding("r", "dismiss('restart')", M.LOAD_RESTART),
    ]

    def __init__(self, status: str, path: str, problems: list, turn: int):
        super().__init__()
        self._status, self._path, self._problems, self._turn = status, path, problems, turn

    def compose(self) -> ComposeResult:
        with Vertical(id="problem-box", classes="dialog dialog-wide"):
            yield Static(M.LOAD_PROBLEM_TITLE.get(self._status, self._status), classes="dialog-title")
            yield Static(Text(M.LOAD_PROBLEM_INTRO.format(path=self._path)))
            with VerticalScroll(id="problem-list"):
                yield Static(Text("\n".join(f"• {M.said(p)}" for p in self._problems)))
            yield Static(M.LOAD_PROBLEM_CHOICE.format(turn=self._turn), classes="dim")
            with Horizontal(classes="dialog-buttons"):
                yield Button(M.KEY_BACK, id="back")
                yield Button(M.LOAD_RESTART, id="restart")
                yield Button(M.LOAD_CONTINUE, id="continue", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#continue", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None if event.button.id == "back" else event.button.id)


def show_worker_error(screen, event, what: str) -> None:
    """A background job of `screen` failed (Worker.StateChanged `event`): say so in a dialog
    and keep the game, instead of the app ending with a traceback."""
    from textual.worker import WorkerState

    if event.state != WorkerState.ERROR:
        return
    error = event.worker.error
    screen.app.push_screen(MessageScreen(M.WORKER_FAILED_TITLE, M.WORKER_FAILED.format(
        what=what, error=f"{type(error).__name__}: {error}"), M.WORKER_FAILED_NOTE))
