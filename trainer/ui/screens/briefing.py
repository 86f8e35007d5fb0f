"""The briefing: the scenario's story, the brand's strengths, objectives and calendar."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Markdown, Static
from textual.content import Content

from trainer.core.scenario import Scenario
from trainer.ui import SCREENS_CSS
from trainer.ui import messages as M
from trainer.ui.widgets import scenario_info as info
from trainer.ui.language import fallback_note, level_language
from trainer.ui.widgets.header import Header
from trainer.ui.widgets.footer import Footer


class BriefingScreen(Screen):
    """Read before week 1; Start plays it."""

    CSS_PATH = SCREENS_CSS  # its rules load when the first screen but the title is shown

    BINDINGS = [
        Binding("enter", "start", M.KEY_START, priority=False),
        Binding("escape", "app.pop_screen", M.KEY_BACK),
        Binding("q", "app.quit", M.KEY_QUIT, show=False),
    ]

    def __init__(self, scenario: Scenario):
        super().__init__()
        lang = level_language()
        self.scenario = scenario.localized(lang)
        """The level in the player's language, where it has it: the game is played with it."""
        self.language_note = fallback_note(scenario, lang)
        """A line saying the level lacks the player's language, or None."""

    def compose(self) -> ComposeResult:
        s = self.scenario
        yield Header()
        with Horizontal(id="briefing"):
            with VerticalScroll(id="briefing-text"):
                if self.language_note:
                    yield Static(Text(self.language_note), id="briefing-language")
                yield Markdown(s.briefing)
                if s.steps:
                    # the level's steps are data: plain text, never markup
                    yield Static(M.BRIEF_STEPS, classes="briefing-steps-title")
                    for step in sorted(s.steps, key=lambda st: st.week):
                        yield Static(Text(M.BRIEF_STEP.format(week=step.week, text=step.text)),
                                     classes="briefing-step")
            with Vertical(id="briefing-side"):
                with VerticalScroll(id="briefing-facts"):
                    b = s.brand
                    yield Static(Content(M.BRIEF_BRAND.format(name=b.name, category=b.category, tone=b.tone)),
                                 id="briefing-brand")
                    yield Static(M.BRIEF_BUDGET.format(budget=info.budget_text(s), turns=s.turns),
                                 classes="dim")
                    yield Static(Group(info.strengths(s), info.objectives(s), info.calendar(s), info.kols(s)))
                yield Button(M.BRIEF_START, id="start", variant="primary", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self.scenario.title
        self.query_one("#start", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_start()

    def action_start(self) -> None:
        """Play week 1."""
        self.app.start_game(self.scenario)
