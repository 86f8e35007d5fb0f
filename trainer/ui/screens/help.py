"""Help: how to play, the FACT glossary and the keys."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Markdown

from trainer.ui import messages as M


class HelpScreen(ModalScreen[None]):
    """The help, over whatever screen was showing."""

    BINDINGS = [
        Binding("escape,f1,q", "dismiss", M.KEY_CLOSE),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box") as box:
            box.border_title = M.HELP_TITLE
            yield Markdown(M.HELP_MARKDOWN, id="help-text")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#help-box").focus()
