"""A week's results: GMV and GPM first, then why, by position, and what changed."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Digits, Footer, Header, Static

from trainer.core.engine import TurnReport
from trainer.core.explain import reasons
from trainer.core.scenario import POSITIONS, STRENGTHS
from trainer.ui import messages as M
from trainer.ui.widgets.reasons import reasons_table

UP, DOWN, SAME = "▲", "▼", "="
WIDE = 110  # from this width the drivers and the tables sit side by side


def _arrow(before: float, after: float, same: bool) -> Text:
    if same:
        return Text(SAME, style="dim")
    if after > before:
        return Text(UP, style="green")
    if after < before:
        return Text(DOWN, style="red")
    return Text(SAME, style="dim")


class ResultsScreen(Screen):
    """Shown after each week; Next goes on to the following week or the final score."""

    BINDINGS = [
        Binding("enter,space", "next", M.KEY_NEXT, id="next"),
        Binding("f2,h", "app.history", M.KEY_HISTORY, id="history"),
        Binding("q", "app.quit", M.KEY_QUIT, show=False),
    ]

    def __init__(self, report: TurnReport):
        super().__init__()
        self.report = report

    def compose(self) -> ComposeResult:
        r = self.report
        session = self.app.session
        s = session.scenario
        yield Header()
        with VerticalScroll(id="results"):
            with Horizontal(id="results-figures"):
                with Vertical(classes="figure"):
                    yield Static(M.RESULTS_GMV, classes="figure-label")
                    yield Digits(M.money(r.gmv), id="gmv")
                with Vertical(classes="figure"):
                    yield Static(M.RESULTS_GPM, classes="figure-label")
                    yield Digits(M.gpm(r.gpm), id="gpm")
            yield Static(M.RESULTS_LINE.format(net=M.money(r.net_gmv), roi=M.ratio(r.roi), profit=M.money(r.profit))
                         + "\n" + M.RESULTS_BENCHMARK.format(benchmark=M.gpm(s.market.gpm_benchmark)),
                         id="results-line")
            with Horizontal(id="results-body", classes="-wide" if self.app.size.width >= WIDE else ""):
                with Vertical(id="results-why", classes="panel") as why:
                    why.border_title = M.RESULTS_WHY
                    yield Static(reasons_table(reasons(r), s, limit=6), id="reasons", expand=True, shrink=True)
                with Vertical(id="results-tables"):
                    with Vertical(classes="panel") as box:
                        box.border_title = M.RESULTS_BY_POSITION
                        yield Static(self._positions_table(), id="positions-table", expand=True, shrink=True)
                        yield Static(Text(M.RESULTS_TRAFFIC.format(
                            paid=M.short(r.paid_impressions), recommended=M.short(r.recommended.impressions),
                            fans=M.short(r.fans.impressions)), style="dim"), id="traffic")
                    with Vertical(classes="panel") as box:
                        box.border_title = M.RESULTS_CHANGES
                        yield Static(self._changes_table(), id="changes-table", expand=True, shrink=True)
        with Horizontal(id="results-buttons"):
            finished = session.game.finished
            yield Button(M.RESULTS_FINAL if finished else M.RESULTS_NEXT, id="next", variant="primary", compact=True)
            yield Button(M.RESULTS_HISTORY, id="history", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        s = self.app.session.scenario
        self.sub_title = M.RESULTS_TITLE.format(turn=self.report.turn, turns=s.turns)
        self.query_one("#next", Button).focus()

    def on_resize(self, event) -> None:
        # Rich tables are laid out for a width: re-render them when the layout changes
        body = self.query_one("#results-body")
        wide = event.size.width >= WIDE
        if body.has_class("-wide") != wide:
            body.set_class(wide, "-wide")
            s = self.app.session.scenario
            self.query_one("#reasons", Static).update(reasons_table(reasons(self.report), s, limit=6))
            self.query_one("#positions-table", Static).update(self._positions_table())
            self.query_one("#changes-table", Static).update(self._changes_table())

    def _positions_table(self) -> Table:
        r = self.report
        table = Table(expand=True, box=None, padding=(0, 1), header_style="bold")
        for i, name in enumerate(M.RESULTS_COLUMNS):
            table.add_column(name, justify="left" if i == 0 else "right", no_wrap=True)
        for pos in POSITIONS:
            ch = r.channels[pos]
            table.add_row(f"{M.POSITION_LETTER[pos]} {M.POSITION_NAME[pos]}", M.short(ch.spend), M.short(ch.impressions),
                          M.gpm(ch.gpm), M.short(ch.gmv), M.ratio(ch.roi) if ch.spend > 0 else M.RESULTS_NONE)
        for label, src in ((M.RESULTS_ROW_RECOMMENDED, r.recommended), (M.RESULTS_ROW_FANS, r.fans)):
            table.add_row(label, M.RESULTS_NONE, M.short(src.impressions), M.gpm(src.gpm), M.short(src.gmv),
                          M.RESULTS_NONE)
        table.add_row(Text(M.RESULTS_ROW_TOTAL, style="bold"), M.short(r.spend), M.short(r.impressions),
                      Text(M.gpm(r.gpm), style="bold"), Text(M.short(r.gmv), style="bold"), M.ratio(r.roi))
        return table

    def _changes_table(self) -> Table:
        r = self.report
        b, a = r.before, r.after
        table = Table(expand=True, box=None, padding=(0, 1), header_style="bold")
        for i, name in enumerate(M.RESULTS_CHANGE_COLUMNS):
            table.add_column(name, justify="left" if i == 0 else "right", no_wrap=True)
        table.add_column("", no_wrap=True)
        rows = [(M.STRENGTH_NAME[k], getattr(b, k), getattr(a, k), M.level) for k in STRENGTHS]
        rows += [
            (M.RESULTS_RATING, b.rating, a.rating, M.rating),
            (M.RESULTS_FANS, b.fans, a.fans, M.money),
            (M.RESULTS_AWARENESS, b.awareness, a.awareness, M.level),
            (M.RESULTS_POOL, b.pool, a.pool, M.times),
        ]
        for label, before, after, fmt in rows:
            shown = (fmt(before), fmt(after))
            table.add_row(label, *shown, _arrow(before, after, shown[0] == shown[1]))
        return table

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "next":
            self.action_next()
        elif event.button.id == "history":
            self.app.action_history()

    def action_next(self) -> None:
        """The next week, or the final score."""
        self.app.after_results()
