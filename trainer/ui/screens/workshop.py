"""A workshop's door and its rounds: the participant's name (and the access code), then
the workshop's scenarios, in order, each on the workshop's seed."""

from __future__ import annotations

import hmac

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.content import Content

from trainer.i18n import N_, _
from trainer.ui import SCREENS_CSS
from trainer.ui import messages as M
from trainer.ui.widgets.header import Header
from trainer.ui.widgets.footer import Footer


NAME_TAKEN = N_("Someone connected now is playing as {name}. If that is you in another tab, close it and "
              "join again here; otherwise choose another name (add your initial or a number).")
CANNOT_CLAIM = N_("Your name could not be recorded ({problem}): tell the facilitator.")
CLAIM_WAIT = 2.0
"""Seconds a name held by another game is waited for: a reloaded page's old game takes a moment to close."""
ROUND_NEW = N_("{n}. {title} · {turns} weeks")
ROUND_CONTINUE = N_("{n}. {title} · week {week} of {turns} · Continue ▸")
ROUND_FINISHED = N_("{n}. {title} · finished · score {score} · play again")
DOWNLOAD_NOTHING = N_("Play at least one week of this round first: the debrief is of your game.")
DOWNLOAD_WORKING = N_("Writing your debrief…")
DOWNLOAD_DONE = N_("Your debrief is downloading: {name}")
DOWNLOAD_FAILED = N_("The debrief could not be made: {problem}")
WELCOME_BACK = N_("Welcome back, {name}: your games are as you left them.")
START_FAILED = N_("The game could not be started: {problem}")
WEEKS_TOGETHER = N_("weeks advance together")


def code_matches(typed: str, code: str) -> bool:
    """Whether the typed access code is the workshop's (spaces around it ignored; compared in
    constant time, so the answer's timing says nothing about the code)."""
    return hmac.compare_digest(typed.strip().encode(), code.strip().encode())


class WorkshopScreen(Screen):
    """The default screen in workshop mode: the gate until the participant has joined, then
    the list of rounds (the first not yet played is highlighted)."""

    CSS_PATH = SCREENS_CSS  # its rules load when the first screen but the title is shown

    # Enter in the gate is handled as the app reads the key, before the next key is passed on:
    # keys typed fast after the name land in the code field, not in the name
    BINDINGS = [Binding("enter", "gate_enter", show=False, priority=True),
                Binding("d", "download", M.KEY_DOWNLOAD)]

    DEFAULT_CSS = """
    WorkshopScreen { align: center top; }
    #ws-panel { width: 76; max-width: 100%; height: auto; padding: 0 1; }
    #ws-title { width: 100%; text-align: center; text-style: bold; color: $text-primary; margin-top: 1; }
    #ws-rules { width: 100%; text-align: center; color: $text-muted; margin-bottom: 1; }
    #ws-gate, #ws-rounds { height: auto; border: round $primary 60%; padding: 0 1; }
    .ws-label { margin-top: 1; text-style: bold; }
    #ws-gate Input { width: 100%; }
    #ws-message { height: auto; min-height: 2; color: $text-muted; margin-top: 1; }
    #ws-message.-error { color: $text-error; text-style: bold; }
    #ws-join, #ws-play { margin-top: 1; }
    #ws-list { height: auto; max-height: 12; margin-top: 1; }
    #ws-who { text-style: bold; }
    """

    def compose(self) -> ComposeResult:
        w = self.app.workshop
        yield Header()
        with Vertical(id="ws-panel"):
            yield Static(Text(w.title), id="ws-title")
            yield Static(self._rules(), id="ws-rules")
            with Vertical(id="ws-gate") as gate:
                gate.border_title = M.APP_TITLE
                yield Static(M.WORKSHOP_WELCOME)
                yield Static(M.WORKSHOP_NAME, classes="ws-label")
                yield Input(self.app.player or "", placeholder=M.NAME_PLACEHOLDER, id="ws-name",
                            select_on_focus=False, compact=True)
                if w.access_code:
                    yield Static(M.WORKSHOP_CODE, classes="ws-label")
                    yield Input(placeholder=M.WORKSHOP_CODE_PLACEHOLDER, id="ws-code", password=True,
                                compact=True, tooltip=M.WORKSHOP_CODE_PROMPT)
                yield Static("", id="ws-message")
                yield Button(M.WORKSHOP_JOIN, id="ws-join", variant="primary", compact=True)
            with Vertical(id="ws-rounds") as rounds:
                rounds.border_title = M.WORKSHOP_ROUNDS
                yield Static(id="ws-who")
                yield Static(M.WORKSHOP_PICK, classes="dim")
                yield OptionList(id="ws-list")
                yield Button(M.WORKSHOP_PLAY, id="ws-play", variant="primary", compact=True)
        yield Footer()

    def _rules(self) -> str:
        w = self.app.workshop
        scenarios = self.app.workshop_scenarios
        seeds = sorted({w.seed_for(i, s) for i, s in enumerate(scenarios)})
        on_off = {True: M.WORKSHOP_ON, False: M.WORKSHOP_OFF}
        rules = M.WORKSHOP_RULES_TIMED if w.turn_timer else M.WORKSHOP_RULES
        text = rules.format(seed=", ".join(map(str, seeds)), coach=on_off[w.coach],
                            marginal=on_off[w.marginal_returns],
                            key=M.WORKSHOP_KEY.get(w.answer_key, w.answer_key), seconds=w.turn_timer)
        from trainer.core.console import read_control, together

        if together(w, read_control(self.app.saves_folder)):
            text += " · " + _(WEEKS_TOGETHER)
        return text

    def on_mount(self) -> None:
        self.sub_title = self.app.workshop.title
        for field in self.query(Input):
            if getattr(self.app, "still", False):
                field.cursor_blink = False
        self._show()

    def on_screen_resume(self) -> None:
        self._show()

    # --- the gate -------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "download":
            return self.app.participant is not None
        if action == "gate_enter":
            focused = self.app.focused
            return focused is not None and focused.id == "ws-name" and self.app.workshop.access_code is not None
        return True

    def action_gate_enter(self) -> None:
        """Enter in the name field: the code field takes the focus now, as the app reads the
        key, so the keys already typed after it go there. The name is not judged here (its
        own keys may not be in it yet): joining judges both."""
        self.set_focus(self.query_one("#ws-code", Input))
        self.call_after_refresh(self._name_given)

    def _name_given(self) -> None:
        """Once the keys typed so far have landed: no name, and nothing typed in the code
        yet, is said at once (and the name field takes the focus back)."""
        from trainer.core.workshop import participant_name

        from trainer.ui.screens.console import facilitator_code

        name = self.query_one("#ws-name", Input)
        console_code = facilitator_code(self.app.workshop)
        if console_code and code_matches(name.value, console_code) and self.app.participant is None:
            self.join()  # the facilitator: no participants' code needed
            return
        if participant_name(name.value) is None and not self.query_one("#ws-code", Input).value:
            self._say(M.WORKSHOP_NAME_EMPTY)
            name.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.join()  # Enter in the code field (or in the name, when there is no code)

    def _show(self) -> None:
        joined = self.app.participant is not None
        self.query_one("#ws-gate").display = not joined
        self.query_one("#ws-rounds").display = joined
        if not joined:
            name = self.query_one("#ws-name", Input)
            name.focus()
            name.cursor_position = len(name.value)
            return
        self.query_one("#ws-who", Static).update(Text(M.WORKSHOP_JOINED.format(name=self.app.participant)))
        olist = self.query_one("#ws-list", OptionList)
        olist.clear_options()
        self.states = self._rounds()
        for i, (s, state) in enumerate(zip(self.app.workshop_scenarios, self.states)):
            if state.finished:
                self.app.rounds_done.add(s.id)
                label = _(ROUND_FINISHED).format(n=i + 1, title=s.title, score=state.score)
            elif state.path is not None:
                label = _(ROUND_CONTINUE).format(n=i + 1, title=s.title, week=state.weeks + 1, turns=s.turns)
            else:
                label = _(ROUND_NEW).format(n=i + 1, title=s.title, turns=s.turns)
            olist.add_option(Option(Content(label), id=str(i)))
        olist.highlighted = self.app.next_round()
        olist.focus()

    states: list = []

    def _rounds(self) -> list:
        """Where this participant stands in each round, read from their saves."""
        from trainer.core.workshop import RoundState, participant_rounds

        claim = getattr(self.app, "claim", None)
        if claim is None:
            return [RoundState(None, 0, False, 0) for _ in self.app.workshop_scenarios]
        return participant_rounds(self.app.saves_folder, claim.key, self.app.workshop_scenarios)

    def _say(self, message: str) -> None:
        label = self.query_one("#ws-message", Static)
        label.update(message)
        label.add_class("-error")

    def join(self) -> None:
        """Check the name (and the code); join when both are right."""
        from trainer.core.workshop import participant_name

        name_field = self.query_one("#ws-name", Input)
        from trainer.ui.screens.console import ConsoleScreen, facilitator_code

        console_code = facilitator_code(self.app.workshop)
        if console_code and code_matches(name_field.value, console_code):
            self.app.is_facilitator = True  # the facilitator code, typed as the name: the console
            name_field.value = ""
            self.app.push_screen(ConsoleScreen())
            return
        name = participant_name(name_field.value)
        if name is None:
            self._say(M.WORKSHOP_NAME_EMPTY)
            name_field.focus()
            return
        code = self.app.workshop.access_code
        if code:
            code_field = self.query_one("#ws-code", Input)
            if not code_field.value.strip():
                self._say(M.WORKSHOP_CODE_EMPTY)
                code_field.focus()
                return
            if not code_matches(code_field.value, code):
                self._say(M.WORKSHOP_CODE_WRONG)
                code_field.value = ""
                code_field.focus()
                return
        from trainer.core.workshop import NameTaken, claim_name

        try:
            claim = claim_name(self.app.saves_folder, name, wait=CLAIM_WAIT)
        except NameTaken:
            self._say(_(NAME_TAKEN).format(name=name))
            self.set_focus(name_field)  # at once: the next keys typed go to the name
            return
        except OSError as exc:
            self._say(_(CANNOT_CLAIM).format(problem=exc.strerror or exc))
            return
        old = getattr(self.app, "claim", None)
        if old is not None:
            old.release()
        self.app.claim = claim
        self.app.participant = self.app.player = claim.name
        self._show()
        if claim.resumed:
            self.notify(_(WELCOME_BACK).format(name=claim.name), markup=False)


    # --- the rounds -----------------------------------------------------------------

    def _open(self, index: int | None) -> None:
        if index is None:
            return
        from trainer.core.console import read_control
        from trainer.ui.screens.console import ROUND_LOCKED

        if self.app.workshop_scenarios[index].id in read_control(self.app.saves_folder).locked:
            self.notify(_(ROUND_LOCKED).format(n=index + 1), severity="warning")
            return
        state = self.states[index] if index < len(self.states) else None
        if state is not None and state.path is not None and not state.finished:
            self.app.load_save(state.path)  # go on where the participant stopped, in the same file
            return
        self.app.show_briefing(self.app.workshop_scenarios[index])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._open(int(event.option.id or 0))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ws-join":
            self.join()
        elif event.button.id == "ws-play":
            self._open(self.query_one("#ws-list", OptionList).highlighted)

    # --- the participant's own debrief, downloaded by the browser ------------------------

    def action_download(self) -> None:
        """The highlighted round's debrief as an HTML file the browser downloads (in a terminal:
        saved in the downloads folder)."""
        index = self.query_one("#ws-list", OptionList).highlighted
        state = self.states[index] if index is not None and index < len(self.states) else None
        if state is None or state.path is None or state.weeks == 0:
            self.notify(_(DOWNLOAD_NOTHING), severity="warning")
            return
        self.notify(_(DOWNLOAD_WORKING))
        self._write_debrief(state.path)

    @work(thread=True, exclusive=True, group="download", exit_on_error=False)
    def _write_debrief(self, path) -> None:
        import io

        from trainer.core.saves import SaveError, load_game, safe_name
        from trainer.export import render

        try:
            loaded = load_game(path)
            key = self.app.workshop.answer_key == "after" and loaded.game.finished
            control = getattr(self.app, "workshop_control", None)
            html = render(loaded.game, loaded.save.player, "html",
                          answer_key=key or bool(control and control.answer_key))
        except (SaveError, OSError, ValueError) as exc:
            self.app.call_from_thread(self.notify, _(DOWNLOAD_FAILED).format(problem=M.error_text(exc)), severity="error",
                                      markup=False)
            return
        name = f"{safe_name(loaded.save.player)}-{safe_name(loaded.save.scenario)}-debrief.html"

        def deliver() -> None:
            self.app.deliver_text(io.StringIO(html), save_filename=name, mime_type="text/html")
            self.notify(_(DOWNLOAD_DONE).format(name=name), markup=False)

        self.app.call_from_thread(deliver)
