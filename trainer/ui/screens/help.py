"""Help: how to play, the FACT glossary, the principles the coach names, and the keys."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

from trainer.ui import SCREENS_CSS
from trainer.ui import messages as M
from trainer.ui.widgets.footer import Footer


class HelpScreen(ModalScreen[None]):
    """The help, over whatever screen was showing; opened at a principle's entry when given one."""

    CSS_PATH = SCREENS_CSS  # its rules load when the first screen but the title is shown

    BINDINGS = [
        Binding("escape,f1,q", "dismiss", M.KEY_CLOSE),
    ]

    def __init__(self, principle: str | None = None):
        super().__init__()
        self.principle = principle
        """A principle id (trainer.core.coach.Tip.principle) whose entry to show first."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box") as box:
            box.border_title = M.HELP_TITLE
            yield Markdown(M.help_markdown(), id="help-text")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#help-box").focus()

    def on_markdown_table_of_contents_updated(self, event: Markdown.TableOfContentsUpdated) -> None:
        # found by its heading's text: a slug of a Chinese heading is empty, so anchors cannot tell them apart
        title = M.PRINCIPLE.get(self.principle or "")
        block = next((block_id for _, text, block_id in event.table_of_contents if text == title and block_id), None)
        if block is not None:
            markdown = self.query_one(Markdown)
            self.call_after_refresh(lambda: markdown.query_one(f"#{block}").scroll_visible(top=True, animate=False))
