"""The title screen: the promise, and the ways in."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Static
from textual.content import Content

from trainer import i18n
from trainer.ui import messages as M
from trainer.ui.widgets.header import Header
from trainer.ui.widgets.footer import Footer

TILES = ("field", "alliance", "campaign", "top_kol")


class TitleScreen(Screen):
    """Name, promise, and the menu.

    Continue is enabled once a worker has found the latest save: reading saves needs the
    core, which the title screen does not wait for.
    """

    BINDINGS = [
        Binding("n", "app.new_game", M.KEY_NEW_GAME),
        Binding("c", "app.continue_game", M.KEY_CONTINUE),
        Binding("l", "app.load_screen", M.KEY_LOAD),
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
                yield Button(M.TITLE_CONTINUE, id="continue", disabled=True, compact=True)
                yield Static(M.TITLE_CONTINUE_LOOKING, id="continue-hint")
                yield Button(M.TITLE_LOAD, id="load", compact=True)
                yield Button(M.TITLE_SCENARIOS, id="scenarios", compact=True)
                yield Button(M.TITLE_HELP, id="help", compact=True)
                if not self.app.language_fixed():
                    yield Button(M.TITLE_LANGUAGE.format(name=i18n.own_name(self.next_language())), id="language",
                                 compact=True)
                yield Button(M.TITLE_QUIT, id="quit", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#new", Button).focus()

    @staticmethod
    def next_language() -> str:
        """The language the switch goes to: the next one the game speaks, after the one in force."""
        codes = list(i18n.LANGUAGES)
        return codes[(codes.index(i18n.language()) + 1) % len(codes)]

    def language_changed(self) -> None:
        """Rebuilt in a new language: the switch keeps the focus, Continue is looked for again."""
        if self.query("#language"):
            self.query_one("#language", Button).focus()
        self.call_after_refresh(self.look_for_saves)

    def on_screen_resume(self) -> None:
        # after the first paint: the title shows at once, Continue a moment later
        self.call_after_refresh(self.look_for_saves)

    @work(thread=True, exclusive=True, group="latest-save", exit_on_error=False)
    def look_for_saves(self) -> None:
        """Find the latest save (off the main thread: it imports the core) and offer it."""
        latest = self.app.latest_save()
        self.app.call_from_thread(self._show_latest, latest)

    def on_worker_state_changed(self, event) -> None:
        from trainer.ui.screens.dialogs import show_worker_error

        show_worker_error(self, event, M.WORKER_SAVES)

    def _show_latest(self, latest) -> None:
        if not self.query("#continue"):
            return  # the screen is being built again (a language switch): the new one looks again
        button = self.query_one("#continue", Button)
        hint = self.query_one("#continue-hint", Static)
        if latest is None:
            button.disabled = True
            button.tooltip = M.TITLE_CONTINUE_HINT
            hint.update(M.TITLE_CONTINUE_HINT)
        else:
            button.disabled = False
            text = M.TITLE_CONTINUE_WHAT.format(player=latest.player, scenario=latest.scenario, turn=latest.turn)
            button.tooltip = Content(text)
            hint.update(Content(text))

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "language":
            await self.app.switch_language(self.next_language())
            return
        actions = {"new": "new_game", "continue": "continue_game", "load": "load_screen", "scenarios": "scenarios",
                   "help": "help", "quit": "quit"}
        action = actions.get(event.button.id or "")
        if action:
            await self.app.run_action(action)
