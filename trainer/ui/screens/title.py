"""The title screen: the promise, and the ways in."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Static

from trainer.ui import messages as M

TILES = ("field", "alliance", "campaign", "top_kol")


class TitleScreen(Screen):
    """Name, promise, and the menu."""

    BINDINGS = [
        Binding("n", "app.new_game", M.KEY_NEW_GAME),
        Binding("s", "app.scenarios", M.KEY_SCENARIOS),
        Binding("q", "app.quit", M.KEY_QUIT, show=False),
        Binding("up", "app.focus_previous", show=False),
        Binding("down", "app.focus_next", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="title-panel"):
            with Horizontal(id="title-tiles"):
                for pos in TILES:
                    yield Static(f"[b]{M.POSITION_LETTER[pos]}[/b]\n{M.POSITION_NAME[pos]}", classes=f"tile tile-{pos}")
            yield Static(M.APP_TITLE, id="title-name")
            yield Static(M.PROMISE, id="title-promise")
            with Vertical(id="title-menu"):
                yield Button(M.TITLE_NEW, id="new", variant="primary", compact=True)
                yield Button(M.TITLE_CONTINUE, id="continue", disabled=True, compact=True,
                             tooltip=M.TITLE_CONTINUE_HINT)
                yield Static(M.TITLE_CONTINUE_HINT, id="continue-hint")
                yield Button(M.TITLE_SCENARIOS, id="scenarios", compact=True)
                yield Button(M.TITLE_HELP, id="help", compact=True)
                yield Button(M.TITLE_QUIT, id="quit", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#new", Button).focus()

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        actions = {"new": "new_game", "scenarios": "scenarios", "help": "help", "quit": "quit"}
        action = actions.get(event.button.id or "")
        if action:
            await self.app.run_action(action)
