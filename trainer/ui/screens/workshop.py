"""A workshop's door and its rounds: the participant's name (and the access code), then
the workshop's scenarios, in order, each on the workshop's seed."""

from __future__ import annotations

import hmac

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.content import Content

from trainer.ui import messages as M


def code_matches(typed: str, code: str) -> bool:
    """Whether the typed access code is the workshop's (spaces around it ignored; compared in
    constant time, so the answer's timing says nothing about the code)."""
    return hmac.compare_digest(typed.strip().encode(), code.strip().encode())


class WorkshopScreen(Screen):
    """The default screen in workshop mode: the gate until the participant has joined, then
    the list of rounds (the first not yet played is highlighted)."""

    CSS_PATH = "screens.tcss"  # its rules load when the first screen but the title is shown

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
        timer = M.WORKSHOP_TIMER_RULE.format(seconds=w.turn_timer) if w.turn_timer else ""
        return M.WORKSHOP_RULES.format(seed=", ".join(map(str, seeds)), coach=on_off[w.coach],
                                       marginal=on_off[w.marginal_returns],
                                       key=M.WORKSHOP_KEY.get(w.answer_key, w.answer_key), timer=timer)

    def on_mount(self) -> None:
        self.sub_title = self.app.workshop.title
        for field in self.query(Input):
            if getattr(self.app, "still", False):
                field.cursor_blink = False
        self._show()

    def on_screen_resume(self) -> None:
        self._show()

    # --- the gate -------------------------------------------------------------------

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
        done = self.app.rounds_done
        for i, s in enumerate(self.app.workshop_scenarios):
            label = M.WORKSHOP_ROUND_DONE if s.id in done else M.WORKSHOP_ROUND
            olist.add_option(Option(Content(label.format(n=i + 1, title=s.title, turns=s.turns)), id=str(i)))
        olist.highlighted = self.app.next_round()
        olist.focus()

    def _say(self, message: str) -> None:
        label = self.query_one("#ws-message", Static)
        label.update(message)
        label.add_class("-error")

    def join(self) -> None:
        """Check the name (and the code); join when both are right."""
        from trainer.core.workshop import participant_name

        name_field = self.query_one("#ws-name", Input)
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
        self.app.participant = self.app.player = name
        self._show()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        from trainer.core.workshop import participant_name

        if event.input.id == "ws-name" and self.app.workshop.access_code and participant_name(event.value):
            self.query_one("#ws-code", Input).focus()  # the name is fine: now the code
        else:
            self.join()

    # --- the rounds -----------------------------------------------------------------

    def _open(self, index: int | None) -> None:
        if index is not None:
            self.app.show_briefing(self.app.workshop_scenarios[index])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._open(int(event.option.id or 0))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ws-join":
            self.join()
        elif event.button.id == "ws-play":
            self._open(self.query_one("#ws-list", OptionList).highlighted)
