"""The FACT Trainer app: one factory for the command line and the tests.

Startup stays lean: only the title screen is imported at launch. The core (pydantic,
the engine) and every other screen are imported when the player first needs them.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from trainer.ui import messages as M
from trainer.ui.screens.title import TitleScreen

if TYPE_CHECKING:
    from trainer.core.engine import TurnReport
    from trainer.core.scenario import Scenario
    from trainer.ui.session import Session

MIN_WIDTH = 80
MIN_HEIGHT = 24


class FactApp(App[int]):
    """The game: title, scenario picker, briefing, planning, results, history, end."""

    TITLE = M.APP_TITLE
    SUB_TITLE = M.APP_SUBTITLE
    CSS_PATH = "app.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    BINDINGS = [
        Binding("f1", "help", M.KEY_HELP, id="help"),
        Binding("ctrl+q", "quit", M.KEY_QUIT, priority=True, id="quit"),
    ]

    def __init__(self, scenario: Scenario | None = None, *, still: bool = False, theme: str | None = None):
        super().__init__()
        self.start_scenario = scenario
        """The scenario given on the command line: New game starts it."""
        self.still = still
        """No blinking cursor and no animation: for snapshots."""
        self.session: Session | None = None
        if still:
            self.animation_level = "none"
        if theme:
            self.theme = theme

    # --- screens ------------------------------------------------------------------

    def get_default_screen(self) -> Screen:
        return TitleScreen()

    def on_mount(self) -> None:
        self._check_size(self.size.width, self.size.height)
        if self.start_scenario is not None:
            self.show_briefing(self.start_scenario)

    def _reset_to(self, screen: Screen | None = None) -> None:
        """Leave only the title screen, then show `screen` above it."""
        while len(self.screen_stack) > 1:
            self.pop_screen()
        if screen is not None:
            self.push_screen(screen)

    def default_scenario(self) -> Scenario | None:
        """The scenario New game starts: the command line's, else the library's first."""
        if self.start_scenario is not None:
            return self.start_scenario
        from trainer.core.library import entries

        for entry in entries():
            if entry.scenario is not None:
                return entry.scenario
        return None

    def action_new_game(self) -> None:
        """Show the briefing of the default scenario."""
        scenario = self.default_scenario()
        if scenario is None:
            self.notify(M.TITLE_NO_SCENARIO, severity="error")
            return
        self.show_briefing(scenario)

    def action_scenarios(self) -> None:
        """Open the scenario picker."""
        from trainer.ui.screens.picker import PickerScreen

        self._reset_to(PickerScreen())

    def action_title(self) -> None:
        """Back to the title screen."""
        self._reset_to()

    def show_briefing(self, scenario: Scenario) -> None:
        """Push the briefing of `scenario`."""
        from trainer.ui.screens.briefing import BriefingScreen

        self.push_screen(BriefingScreen(scenario))

    def start_game(self, scenario: Scenario) -> None:
        """A new game of `scenario`, at the planning screen of week 1."""
        from trainer.ui.screens.planning import PlanningScreen
        from trainer.ui.session import Session

        self.session = Session(scenario)
        self._reset_to(PlanningScreen())

    def end_turn(self) -> TurnReport:
        """Play the session's draft and show the week's results."""
        from trainer.ui.screens.results import ResultsScreen

        assert self.session is not None
        report = self.session.step()
        self.push_screen(ResultsScreen(report))
        return report

    def after_results(self) -> None:
        """Leave the results: the next week's planning, or the end of the game."""
        assert self.session is not None
        if self.session.game.finished:
            from trainer.ui.screens.end import EndScreen

            self._reset_to(EndScreen())
        else:
            self.pop_screen()

    def action_play_again(self) -> None:
        """The same scenario from week 1."""
        if self.session is not None:
            self.start_game(self.session.scenario)

    def action_help(self) -> None:
        """How to play, the glossary and the keys."""
        from trainer.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_history(self) -> None:
        """GMV and GPM so far and every past plan."""
        from trainer.ui.screens.history import HistoryScreen

        if self.session is not None and not isinstance(self.screen, HistoryScreen):
            self.push_screen(HistoryScreen())

    async def action_quit(self) -> None:
        """Quit, asking first while a game is in progress."""
        if self.session is None or not self.session.in_progress:
            self.exit(0)
            return
        from trainer.ui.screens.dialogs import QuitScreen

        if isinstance(self.screen, QuitScreen):
            return
        game = self.session.game

        def answered(quit_now: bool | None) -> None:
            if quit_now:
                self.exit(0)

        self.push_screen(QuitScreen(game.turn, self.session.scenario.turns, self.session.scenario.title), answered)

    # --- size ---------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self._check_size(event.size.width, event.size.height)

    def _check_size(self, width: int, height: int) -> None:
        from trainer.ui.screens.dialogs import TooSmallScreen

        small = width < MIN_WIDTH or height < MIN_HEIGHT
        top = self.screen_stack[-1] if self.screen_stack else None
        if small:
            if isinstance(top, TooSmallScreen):
                top.update_size(width, height)
            else:
                self.push_screen(TooSmallScreen(MIN_WIDTH, MIN_HEIGHT, width, height))
        elif isinstance(top, TooSmallScreen):
            self.pop_screen()

    # --- command palette ----------------------------------------------------------

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield SystemCommand(*M.CMD_NEW_GAME, self.action_new_game)
        yield SystemCommand(*M.CMD_SCENARIOS, self.action_scenarios)
        yield SystemCommand(*M.CMD_HELP, self.action_help)
        if self.session is not None:
            yield SystemCommand(*M.CMD_HISTORY, self.action_history)
        end_turn = getattr(screen, "action_end_turn", None)
        if end_turn is not None:
            yield SystemCommand(*M.CMD_END_TURN, end_turn)
        yield SystemCommand(*M.CMD_TITLE, self.action_title)
        yield from super().get_system_commands(screen)


def create_app(scenario: Scenario | str | Path | None = None, *, still: bool = False,
               theme: str | None = None) -> FactApp:
    """The app, for the command line and the tests alike.

    `scenario` is a Scenario, or an id or path to find (trainer.core.loading.FileProblems
    when it cannot be found or does not validate). `still` turns off the cursor blink
    and animations, for stable snapshots. `theme` names a Textual theme.
    """
    if isinstance(scenario, (str, Path)):
        from trainer.core.library import find

        scenario, _ = find(str(scenario))
    return FactApp(scenario, still=still, theme=theme)


def run(scenario: str | Path | None = None) -> int:
    """Play in the terminal; the exit status (1 when the scenario cannot be loaded)."""
    if scenario is not None:
        from trainer.core.loading import FileProblems

        try:
            app = create_app(scenario)
        except FileProblems as exc:
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            return 1
    else:
        app = create_app()
    code = app.run()
    return code if isinstance(code, int) else 0
