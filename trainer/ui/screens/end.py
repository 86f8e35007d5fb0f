"""The end of a game: score, stars, each objective met or missed; play again or pick another."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Digits, Static

from trainer.core.scoring import score
from trainer.ui import SCREENS_CSS
from trainer.ui import messages as M
from trainer.ui.widgets.header import Header
from trainer.ui.widgets.footer import Footer


class EndScreen(Screen):
    """Shown once every week is played."""

    CSS_PATH = SCREENS_CSS  # its rules load when the first screen but the title is shown

    BINDINGS = [
        Binding("d", "app.debrief", M.KEY_DEBRIEF),
        Binding("r", "app.play_again", M.KEY_PLAY_AGAIN),
        Binding("s", "app.scenarios", M.KEY_SCENARIOS),
        Binding("f2,h", "app.history", M.KEY_HISTORY),
        Binding("escape", "app.title", M.END_TITLE_SCREEN),
        Binding("q", "app.quit", M.KEY_QUIT, show=False),
    ]

    def compose(self) -> ComposeResult:
        session = self.app.session
        s = session.scenario
        result = score(s, session.game.reports)
        self.result = result
        t = result.totals
        yield Header()
        with VerticalScroll(id="end"):
            with Horizontal(id="end-figures"):
                with Vertical(classes="figure"):
                    yield Static(M.END_SCORE, classes="figure-label")
                    yield Digits(M.score_points(result.score), id="score")
                with Vertical(classes="figure"):
                    yield Static(M.END_STARS, classes="figure-label")
                    yield Static(Text(M.stars(result.stars), style="bold yellow"), id="stars")
                    yield Static(M.END_VERDICT.get(result.stars, ""), id="verdict")
            yield Static(M.END_TOTALS.format(gmv=M.money(t.gmv), gpm=M.gpm(t.gpm), net=M.money(t.net_gmv),
                                             profit=M.money(t.profit)), id="end-totals")
            with Vertical(classes="panel") as box:
                box.border_title = M.END_OBJECTIVES
                yield Static(self._objectives(), id="objectives")
                yield Static(Text(self._how(), style="dim"), id="end-how")
        with Horizontal(id="end-buttons"):
            yield Button(M.END_DEBRIEF, id="debrief", variant="primary", compact=True)
            yield Button(M.END_PLAY_AGAIN, id="again", compact=True)
            yield Button(M.END_OTHER, id="other", compact=True)
            yield Button(M.END_TITLE_SCREEN, id="title", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = M.END_TITLE.format(title=self.app.session.scenario.title)
        self.query_one("#debrief", Button).focus()

    def _objectives(self) -> Table:
        table = Table(expand=True, box=None, padding=(0, 1), header_style="bold")
        for i, name in enumerate(M.END_COLUMNS):
            table.add_column(name, justify="left" if i == 0 else "right")
        for o in self.result.objectives:
            obj = o.objective
            verdict = Text(f"{M.stars(o.stars, len(obj.stars))} {M.END_MET if o.met else M.END_MISSED}",
                           style="green" if o.met else "red")
            table.add_row(Text(M.objective_title(obj)), M.metric_value(obj.metric, o.value), verdict,
                          M.thresholds(obj.metric, obj.stars), M.score_points(o.points))
        return table

    def _how(self) -> str:
        """How the final score comes from the objectives' points, and how the stars do."""
        objectives = self.result.objectives
        weights = {o.objective.weight for o in objectives}
        if len(weights) == 1:
            how = M.END_HOW_MEAN
        else:
            how = M.END_HOW_WEIGHTED.format(weights=M.listing(
                M.END_HOW_WEIGHT.format(title=M.objective_title(o.objective), weight=M.decimal(o.objective.weight))
                for o in objectives))
        return M.SENTENCES.format(first=how, second=M.END_HOW_STARS)

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        action = {"debrief": "debrief", "again": "play_again", "other": "scenarios", "title": "title"}.get(event.button.id or "")
        if action:
            await self.app.run_action(action)
