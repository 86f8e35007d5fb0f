"""The FACT Trainer app: one factory for the command line and the tests.

Startup stays lean: only the title screen is imported at launch. The core (pydantic,
the engine) and every other screen are imported when the player first needs them.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from trainer.ui import APP_CSS, SCREENS_CSS
from trainer.ui import messages as M
from trainer.ui import wrapping
from trainer.ui.screens.title import TitleScreen

wrapping.install()  # Chinese breaks between characters, never before ，or 。

if TYPE_CHECKING:
    from trainer.core.workshop import Workshop
    from trainer.core.engine import TurnReport
    from trainer.core.saves import LoadedSave, SaveSummary
    from trainer.core.scenario import Scenario
    from trainer.ui.session import Session

MIN_WIDTH = 80
MIN_HEIGHT = 24


class FactApp(App[int]):
    """The game: title, scenario picker, briefing, planning, results, history, end."""

    TITLE = M.APP_TITLE
    SUB_TITLE = M.APP_SUBTITLE
    CSS_PATH = APP_CSS
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    BINDINGS = [
        Binding("f1", "help", M.KEY_HELP, id="help"),
        Binding("f4", "toggle_coaching", M.KEY_COACH, id="coaching", show=False),
        Binding("ctrl+q", "quit", M.KEY_QUIT, priority=True, id="quit"),
        # Textual's own palette key, with its label in the game's language
        Binding(App.COMMAND_PALETTE_BINDING, "command_palette", M.KEY_PALETTE, show=False, priority=True,
                tooltip=M.PALETTE_TOOLTIP),
    ]

    def __init__(self, scenario: Scenario | None = None, *, still: bool = False, theme: str | None = None,
                 load: str | Path | None = None, seed: int | None = None, saves_dir: str | Path | None = None,
                 workshop: str | Path | None = None, player: str | None = None, watch: bool = False,
                 scenario_path: str | Path | None = None, lang: str | None = None):
        super().__init__()
        self.lang_given = lang
        """The language the command line gave (--lang): it wins over the workshop's."""
        self.start_scenario = scenario
        """The scenario given on the command line: New game starts it."""
        self.still = still
        """No blinking cursor and no animation: for snapshots."""
        self.load_path = Path(load) if load else None
        """A save given on the command line: the game opens at it."""
        self.seed = seed
        """The market seed of new games (None: each scenario's own)."""
        self.saves_override = saves_dir
        """The saves folder given on the command line (None: trainer.core.saves.saves_dir())."""
        self.workshop: Workshop | None = None
        """The workshop being played (workshop mode), loaded from the file given on the command line."""
        self.workshop_scenarios: list[Scenario] = []
        """The workshop's scenarios, in its order: the only ones a participant plays."""
        self.participant: str | None = None
        """The name (or team name) the participant joined the workshop with."""
        self.rounds_done: set[str] = set()
        """The workshop scenarios this participant has finished in this session."""
        if workshop is not None:
            from trainer.core.workshop import load_workshop

            self.workshop, self.workshop_scenarios = load_workshop(workshop)  # FileProblems: the caller says them
            # the workshop screen is the default screen, whose CSS_PATH Textual does not load
            self.css_path.append(SCREENS_CSS)
        self.player = player
        """The name New game offers: the command line's, then the last one typed."""
        self.watch = watch
        """Reload the scenario when its file changes (for scenario authors)."""
        self.scenario_path = Path(scenario_path) if scenario_path else None
        """The file the command line's scenario came from (what --watch watches)."""
        self._watched: tuple[int, int] | None = None
        self.clock = time.monotonic
        """The clock of the turn timer (tests put a hand-driven one here)."""
        self.coaching = True
        """The player's setting: show the coach's tips and the marginal returns."""
        self.session: Session | None = None
        if still:
            self.animation_level = "none"
        if theme:
            self.theme = theme
        language = lang or (self.workshop.language if self.workshop is not None else None)  # --lang, else the room's
        if language:
            self.use_language(language)
        if self.workshop is not None:
            from trainer.ui.language import level_language

            # its title and its rounds' titles in the room's language, where the files give it
            level = level_language()
            self.workshop = self.workshop.localized(level)
            self.workshop_scenarios = [s.localized(level) for s in self.workshop_scenarios]

    # --- language -----------------------------------------------------------------

    def use_language(self, code: str) -> str:
        """Speak `code` from now on: the catalogs, the key labels, the app's title. Screens
        built afterwards are in it (switch_language rebuilds the ones on screen)."""
        from trainer.ui.language import use_language

        code = use_language(code, [self, *self.screen_stack])
        self.title = M.APP_TITLE
        if self.workshop is None:
            self.sub_title = M.APP_SUBTITLE
        self.refresh_bindings()
        return code

    def language_fixed(self) -> bool:
        """Whether the language is the workshop's (its file fixes the room's language)."""
        return self.workshop is not None and bool(self.workshop.language)

    async def switch_language(self, code: str) -> None:
        """The player's switch (title screen, command palette): speak `code`, keep it for the next
        runs, and rebuild the screens on show in it (a game goes on at its current week)."""
        from trainer import i18n

        if self.language_fixed():
            self.notify(M.LANGUAGE_FIXED.format(name=i18n.own_name(i18n.language())))
            return
        code = self.use_language(code)
        from trainer.settings import SettingsError, save_language

        try:
            save_language(code)
            message, severity = M.LANGUAGE_NOW.format(name=i18n.own_name(code)), "information"
        except SettingsError as exc:
            message, severity = M.LANGUAGE_NOT_KEPT.format(name=i18n.own_name(code), problem=exc), "warning"
        # the screens on show were built in the old language: build them again
        if self.session is not None:
            self.session.speak()
        self._reset_to()
        if self.is_screen_installed("results"):
            self.uninstall_screen("results")
        self._results = None
        await self.screen_stack[0].recompose()
        changed = getattr(self.screen_stack[0], "language_changed", None)
        if changed is not None:
            changed()
        if self.session is not None:
            if self.session.game.finished:
                from trainer.ui.screens.end import EndScreen

                self.push_screen(EndScreen())
            else:
                from trainer.ui.screens.planning import PlanningScreen

                self.push_screen(PlanningScreen())
        self.notify(message, severity=severity, markup=False, timeout=8)

    def language_commands(self) -> Iterable[SystemCommand]:
        """The palette's commands: one per other language the game speaks."""
        from trainer import i18n

        if self.language_fixed():
            return
        for code in i18n.LANGUAGES:
            name = i18n.own_name(code)
            if code != i18n.language():
                title, help_text = M.CMD_LANGUAGE
                yield SystemCommand(title.format(name=name), help_text.format(name=name),
                                    lambda code=code: self.run_worker(self.switch_language(code), exclusive=True,
                                                                      group="language"))

    # --- saves --------------------------------------------------------------------

    @property
    def saves_folder(self) -> Path:
        """Where games are saved."""
        from trainer.core.saves import saves_dir

        folder = saves_dir(self.saves_override)
        if self.workshop is not None:
            from trainer.core.workshop import workshop_saves

            return workshop_saves(folder, self.workshop)
        return folder

    def latest_save(self) -> SaveSummary | None:
        """The most recent save that can be read (safe to call from a worker thread)."""
        from trainer.core.saves import latest_save

        return latest_save(self.saves_folder)

    def action_continue_game(self) -> None:
        """Open the latest save."""
        if self.workshop is not None:
            self.notify(M.WORKSHOP_NOT_HERE)
            return
        latest = self.latest_save()
        if latest is None:
            self.notify(M.TITLE_CONTINUE_HINT)
            return
        self.load_save(latest.path)

    def action_load_screen(self) -> None:
        """The list of saved games."""
        if self.workshop is not None:
            self.notify(M.WORKSHOP_NOT_HERE)
            return
        from trainer.ui.screens.load import LoadScreen

        self._reset_to(LoadScreen(self.saves_folder))

    def load_save(self, path: Path) -> None:
        """Load a save and go on with it: at once when it replays as recorded, else after
        the player has read what differs and chosen. The file itself is never changed here."""
        from trainer.core.saves import SaveError, load_game
        from trainer.ui.screens.dialogs import LoadProblemScreen, MessageScreen

        try:
            loaded = load_game(path)
        except SaveError as exc:
            self.push_screen(MessageScreen(M.LOAD_ERROR_TITLE, M.error_text(exc), M.LOAD_ERROR_NOTE))
            return
        if loaded.status == "ok":
            self.resume_game(loaded)
            return

        def chosen(choice: str | None) -> None:
            if choice == "continue":
                self.resume_game(loaded)
            elif choice == "restart":
                self.new_session(loaded.scenario, loaded.save.player, seed=loaded.save.seed)

        self.push_screen(LoadProblemScreen(loaded.status, str(loaded.path), loaded.problems, loaded.game.turn),
                         chosen)

    def resume_game(self, loaded: LoadedSave) -> None:
        """Continue a loaded game where it stopped (a finished one shows its end)."""
        from trainer.ui.session import Session

        self.session = Session.resume(loaded)
        self.player = loaded.save.player
        self._results = None
        if self.session.game.finished:
            from trainer.ui.screens.end import EndScreen

            self._reset_to(EndScreen())
        else:
            from trainer.ui.screens.planning import PlanningScreen

            self._reset_to(PlanningScreen())
            if self.workshop is not None:
                from trainer.ui.console_link import held

                waiting = held(self)
                if waiting is not None:  # back after a reload, the room still on the week last ended
                    self._show_results(self.session.game.reports[-1], waiting)

    def action_toggle_coaching(self) -> None:
        """Turn the coach's tips and the marginal returns off or on."""
        if self.workshop is not None and not (self.workshop.coach or self.workshop.marginal_returns):
            self.notify(M.WORKSHOP_COACH_OFF)
            return
        self.coaching = not self.coaching
        self.notify((M.CMD_COACH_ON if self.coaching else M.CMD_COACH_OFF)[1])
        refresh = getattr(self.screen, "coaching_changed", None)
        if refresh is not None:
            refresh()

    def coaching_shown(self) -> bool:
        """Whether tips and marginal returns show: the player's setting, and the scenario allows it."""
        allowed = self.workshop is None or self.workshop.coach
        return allowed and self.coaching and self.session is not None and self.session.scenario.coaching

    def marginal_shown(self) -> bool:
        """Whether the marginal returns show: as the tips, unless the workshop turns them off."""
        allowed = self.workshop is None or self.workshop.marginal_returns
        return allowed and self.coaching and self.session is not None and self.session.scenario.coaching

    def answer_key_shown(self) -> bool:
        """Whether the debrief plays the answer key: always outside a workshop; in one, only
        after the game is finished, and only when the workshop says so."""
        if self.workshop is None:
            return True
        control = getattr(self, "workshop_control", None)
        if control is not None and control.answer_key:
            return True  # the facilitator revealed it to the room
        finished = self.session is not None and self.session.game.finished
        return self.workshop.answer_key == "after" and finished

    # --- --watch ------------------------------------------------------------------

    def _stamp(self) -> tuple[int, int] | None:
        try:
            stat = self.scenario_path.stat()
        except OSError:
            return None
        return stat.st_mtime_ns, stat.st_size

    def check_watched(self) -> None:
        """Reload the scenario when its file changed: a good file restarts the game from week 1;
        a bad one is said (its first problems) and the game goes on."""
        from trainer.core.loading import FileProblems, load_scenario

        stamp = self._stamp()
        if stamp is None or stamp == self._watched:
            return
        self._watched = stamp
        path = self.scenario_path
        try:
            scenario = load_scenario(path)
        except FileProblems as exc:
            shown = [M.problem_line(p) for p in exc.problems[:3]]
            if len(exc.problems) > 3:
                shown.append(M.WATCH_MORE.format(count=len(exc.problems) - 3, path=path))
            self.notify(M.WATCH_PROBLEMS.format(path=path, problems="\n".join(shown)),
                        title=M.WATCH_PROBLEMS_TITLE, severity="error", timeout=15, markup=False)
            return
        self.start_scenario = scenario
        self.notify(M.WATCH_RELOADED.format(path=path, title=scenario.title), title=M.WATCH_RELOADED_TITLE,
                    markup=False)
        if self.session is not None:
            self.new_session(scenario, self.session.player or self.player or "author")
        else:
            self._reset_to()
            self.show_briefing(scenario)

    # --- screens ------------------------------------------------------------------

    def get_default_screen(self) -> Screen:
        if self.workshop is not None:
            from trainer.ui.screens.workshop import WorkshopScreen

            return WorkshopScreen()
        return TitleScreen()

    def on_mount(self) -> None:
        self._check_size(self.size.width, self.size.height)
        if self.watch and self.scenario_path is not None and self.workshop is None:
            self._watched = self._stamp()
            self.set_interval(1.0, self.check_watched)
        if self.workshop is not None:
            self.sub_title = self.workshop.title
            from trainer.ui.console_link import attach

            attach(self)  # the facilitator's console: presence out, decisions in
        elif self.load_path is not None:
            self.load_save(self.load_path)
        elif self.start_scenario is not None:
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
            if entry.opens_by_id:
                return entry.scenario
        return None

    def action_new_game(self) -> None:
        """Show the briefing of the default scenario (in a workshop: of the next round)."""
        if self.workshop is not None:
            if self.participant is None:
                self._reset_to()
            else:
                self.show_briefing(self.workshop_scenarios[self.next_round()])
            return
        scenario = self.default_scenario()
        if scenario is None:
            self.notify(M.TITLE_NO_SCENARIO, severity="error")
            return
        self.show_briefing(scenario)

    def action_scenarios(self) -> None:
        """Open the scenario picker (in a workshop: its rounds)."""
        if self.workshop is not None:
            self._reset_to()
            return
        from trainer.ui.screens.picker import PickerScreen

        self._reset_to(PickerScreen())

    def next_round(self) -> int:
        """The index of the first workshop round not yet finished (the last when all are)."""
        for i, s in enumerate(self.workshop_scenarios):
            if s.id not in self.rounds_done:
                return i
        return len(self.workshop_scenarios) - 1

    def workshop_seed(self, scenario: Scenario) -> int | None:
        """The workshop's seed for `scenario` (None outside a workshop)."""
        if self.workshop is None:
            return None
        for i, s in enumerate(self.workshop_scenarios):
            if s.id == scenario.id:
                return self.workshop.seed_for(i, s)
        raise ValueError(f"{scenario.id!r} is not a scenario of workshop {self.workshop.id!r}")

    def action_title(self) -> None:
        """Back to the title screen."""
        self._reset_to()

    def show_briefing(self, scenario: Scenario) -> None:
        """Push the briefing of `scenario`."""
        from trainer.ui.screens.briefing import BriefingScreen

        self.push_screen(BriefingScreen(scenario))

    def start_game(self, scenario: Scenario) -> None:
        """A new game of `scenario`: ask the player's name, then week 1 (a workshop's
        participant gave their name on joining)."""
        if self.workshop is not None and self.participant is not None:
            self.new_session(scenario, self.participant)
            return
        from trainer.ui.screens.dialogs import NameScreen

        def named(name: str | None) -> None:
            if name is not None:
                self.new_session(scenario, name)

        self.push_screen(NameScreen(self.player or ""), named)

    def new_session(self, scenario: Scenario, player: str, seed: int | None = None) -> None:
        """A new game of `scenario` for `player`, saved in a new file, at week 1's planning.

        In a workshop the seed is always the workshop's, and the save is marked as the workshop's.
        """
        from trainer.core.saves import Autosave
        from trainer.ui.screens.planning import PlanningScreen
        from trainer.ui.session import Session

        self.player = player
        if self.workshop is not None:
            # the game's file is claimed now, before week 1: no one else's game can take its name
            from trainer.core.engine import Engine
            from trainer.core.saves import SaveError

            game = Engine(scenario).new_game(self.workshop_seed(scenario))
            claim = getattr(self, "claim", None)
            try:
                slot = Autosave.claim(self.saves_folder, player, game, workshop=self.workshop.id,
                                      owner=claim.key if claim is not None else None)
            except SaveError as exc:
                self.notify(M.error_text(exc), title=M.SAVE_FAILED_TITLE, severity="error", timeout=12, markup=False)
                return
            self.session = Session(scenario, player, slot, game=game)
        else:
            slot = Autosave.new(self.saves_folder, player, scenario.id)
            self.session = Session(scenario, player, slot, seed=self.seed if seed is None else seed)
        self._results = None
        self._reset_to(PlanningScreen())

    _results = None

    def end_turn(self) -> TurnReport:
        """Play the session's draft, show the week's results, then save the game.

        The results screen is built once per game and updated each week: laying out a
        new screen every week is what made ending a turn slow.
        """
        assert self.session is not None
        report = self.session.step()
        held = None
        if self.workshop is not None:
            from trainer.ui.console_link import held as held_by_room

            held = held_by_room(self)
        self._show_results(report, held)
        if self.workshop is not None:
            from trainer.core.console import write_presence
            from trainer.ui.console_link import presence_of

            write_presence(self.saves_folder, presence_of(self))  # the room hears of this week's end at once
        self.call_after_refresh(self._save)
        return report

    def _show_results(self, report: TurnReport, held: Screen | None = None) -> None:
        """Push the results of `report`, and over them `held` when given (a workshop's weeks
        advancing together: trainer.ui.console_link.held, the results wait under it)."""
        from trainer.ui.screens.results import ResultsScreen

        screen = self._results
        if screen is None or screen.session is not self.session:
            if self.is_screen_installed("results"):
                self.uninstall_screen("results")  # the last game's
            screen = self._results = ResultsScreen(self.session)
            self.install_screen(screen, name="results")
        screen.show(report)
        self.push_screen(screen)
        if held is not None:
            self.push_screen(held)

    def _save(self) -> None:
        """Save the game after a turn; a failure is said plainly and play goes on."""
        if self.session is None:
            return
        error = self.session.save()
        if error is not None:
            self.notify(M.SAVE_FAILED.format(problem=error), title=M.SAVE_FAILED_TITLE, severity="error",
                        timeout=12)
        refresh = getattr(self.screen, "save_changed", None)
        if refresh is not None:
            refresh()

    def after_results(self) -> None:
        """Leave the results: the next week's planning, or the end of the game."""
        assert self.session is not None
        if self.session.game.finished:
            from trainer.ui.screens.end import EndScreen

            self.rounds_done.add(self.session.scenario.id)
            self._reset_to(EndScreen())
        else:
            self.pop_screen()

    def action_play_again(self) -> None:
        """The same scenario from week 1, by the same player, in a new save file."""
        if self.session is not None:
            if self.session.player:
                self.new_session(self.session.scenario, self.session.player)
            else:
                self.start_game(self.session.scenario)

    def action_debrief(self) -> None:
        """The debrief of the finished game."""
        from trainer.ui.screens.debrief import DebriefScreen

        if self.session is not None and self.session.game.finished and not isinstance(self.screen, DebriefScreen):
            self.push_screen(DebriefScreen())

    def action_help(self, principle: str | None = None) -> None:
        """How to play, the glossary and the keys (opened at a principle's entry when given one)."""
        from trainer.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(principle))

    def action_history(self) -> None:
        """GMV and GPM so far and every past plan."""
        from trainer.ui.screens.history import HistoryScreen

        if type(self.screen).__name__ == "WaitingScreen":
            return  # the week's figures show to the room at once, with its results
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

        self.push_screen(QuitScreen(game.turn, self.session.scenario.turns, self.session.scenario.title,
                                    saved=self.session.save_error is None), answered)

    # --- size ---------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self._check_size(event.size.width, event.size.height)

    def _check_size(self, width: int, height: int) -> None:
        small = width < MIN_WIDTH or height < MIN_HEIGHT
        if not small and "trainer.ui.screens.dialogs" not in sys.modules:
            return  # no TooSmallScreen was ever shown: launch does not import the dialogs
        from trainer.ui.screens.dialogs import TooSmallScreen

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
        if self.workshop is not None:
            if self.participant is not None:
                yield SystemCommand(*M.CMD_ROUNDS, self.action_scenarios)
        else:
            yield SystemCommand(*M.CMD_NEW_GAME, self.action_new_game)
            yield SystemCommand(*M.CMD_CONTINUE, self.action_continue_game)
            yield SystemCommand(*M.CMD_LOAD, self.action_load_screen)
            yield SystemCommand(*M.CMD_SCENARIOS, self.action_scenarios)
        yield SystemCommand(*M.CMD_HELP, self.action_help)
        if self.session is not None:
            yield SystemCommand(*M.CMD_HISTORY, self.action_history)
        yield SystemCommand(*(M.CMD_COACH_OFF if self.coaching else M.CMD_COACH_ON), self.action_toggle_coaching)
        end_turn = getattr(screen, "action_end_turn", None)
        if end_turn is not None:
            yield SystemCommand(*M.CMD_END_TURN, end_turn)
        yield SystemCommand(*M.CMD_TITLE, self.action_title)
        yield from self.language_commands()
        from trainer.i18n import gettext

        for command in super().get_system_commands(screen):  # Textual's, in the game's language
            yield command._replace(title=gettext(command.title), help=gettext(command.help))

    def action_command_palette(self) -> None:
        """The command palette, its search field in the game's language, with a prompt every
        font has (trainer.ui.widgets.header)."""
        from textual.command import CommandPalette

        from trainer.ui.widgets.header import plain_search_icon

        if self.use_command_palette and not CommandPalette.is_open(self):
            palette = CommandPalette(placeholder=M.PALETTE_PLACEHOLDER, id="--command-palette")
            self.push_screen(palette)
            palette.call_after_refresh(plain_search_icon, palette)


def create_app(scenario: Scenario | str | Path | None = None, *, still: bool = False,
               theme: str | None = None, **options) -> FactApp:
    """The app, for the command line and the tests alike.

    `scenario` is a Scenario, or an id or path to find (trainer.core.loading.FileProblems
    when it cannot be found or does not validate). `still` turns off the cursor blink
    and animations, for stable snapshots. `theme` names a Textual theme. `options` are
    the play options of the command line: load, seed, saves_dir, workshop, player, watch,
    lang (the language, as --lang gives it).
    """
    if isinstance(scenario, (str, Path)):
        from trainer.core.library import find

        scenario, path = find(str(scenario))
        if options.get("watch"):
            options["scenario_path"] = path
    return FactApp(scenario, still=still, theme=theme, **options)


def run(scenario: str | Path | None = None, *, load: str | Path | None = None, seed: int | None = None,
        saves_dir: str | Path | None = None, workshop: str | Path | None = None, player: str | None = None,
        watch: bool = False, lang: str | None = None) -> int:
    """Play in the terminal; the exit status (1 when the scenario cannot be loaded).

    `load` opens a save at once; `seed` sets the market seed of new games; `saves_dir`
    is where games are saved; `player` is offered as the name; `workshop` and `watch`
    are kept on the app for the modes that use them; `workshop` is a workshop file:
    the participant joins it, then plays its scenarios on its seeds (1 when it cannot be
    loaded).
    """
    options = dict(load=load, seed=seed, saves_dir=saves_dir, workshop=workshop, player=player, watch=watch, lang=lang)
    if scenario is not None or workshop is not None:
        from trainer.core.loading import FileProblems

        try:
            app = create_app(scenario, **options)
        except FileProblems as exc:
            for problem in exc.problems:
                print(M.problem_line(problem), file=sys.stderr)
            return 1
    else:
        app = create_app(**options)
    code = app.run()
    if isinstance(code, int):
        return code
    # a crash inside the app (Textual prints its traceback) leaves return_code 1: exit with it,
    # never 0 (issue 15: every crash of the full-screen game exited 0)
    return app.return_code or 0
