"""A week's results: GMV and GPM first, then why, the coach's tips, by position, and what changed.

One ResultsScreen is built per game and updated each week (`show`): laying out a fresh
screen every week was most of the time between ending a turn and seeing its results.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Digits, Static

from trainer.core.engine import TurnReport
from trainer.core.explain import changes, reasons
from trainer.core.scenario import POSITIONS, STRENGTHS
from trainer.ui import SCREENS_CSS
from trainer.ui import messages as M
from trainer.ui.widgets.reasons import changes_table, reasons_table
from trainer.ui.widgets.header import Header
from trainer.ui.widgets.footer import Footer

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

    CSS_PATH = SCREENS_CSS  # its rules load when the first screen but the title is shown

    BINDINGS = [
        Binding("enter,space", "next", M.KEY_NEXT, id="next"),
        Binding("f2,h", "app.history", M.KEY_HISTORY, id="history"),
        Binding("1", "glossary(0)", show=False),
        Binding("2", "glossary(1)", show=False),
        Binding("3", "glossary(2)", show=False),
        Binding("f4", "app.toggle_coaching", M.KEY_COACH),
        Binding("w", "toggle_why", M.KEY_WHY),
        # the results scroll with the arrows whatever has the focus (the buttons do not use them)
        Binding("down", "scroll_results(1)", M.KEY_SCROLL, show=False),
        Binding("up", "scroll_results(-1)", M.KEY_SCROLL, show=False),
        Binding("pagedown", "scroll_results(10)", M.KEY_SCROLL, show=False),
        Binding("pageup", "scroll_results(-10)", M.KEY_SCROLL, show=False),
        Binding("q", "app.quit", M.KEY_QUIT, show=False),
    ]

    def __init__(self, session):
        super().__init__()
        self.session = session
        self.report: TurnReport | None = None
        self.since_last_week = False
        """The why panel shows what moved since last week (w), else each cause of this week."""

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="results"):
            with Horizontal(id="results-figures"):
                with Vertical(classes="figure"):
                    yield Static(M.RESULTS_GMV, classes="figure-label")
                    yield Digits("0", id="gmv")
                with Vertical(classes="figure"):
                    yield Static(M.RESULTS_GPM, classes="figure-label")
                    yield Digits("0", id="gpm")
            yield Static(id="results-line")
            yield Static(id="save-line")
            with Horizontal(id="results-body"):
                with Vertical(id="results-left"):
                    with Vertical(id="results-why", classes="panel"):
                        yield Static(id="reasons", expand=True, shrink=True)
                    with Vertical(id="results-coach", classes="panel") as coach:
                        coach.border_title = M.RESULTS_COACH
                        yield Static(id="tips", expand=True, shrink=True)
                with Vertical(id="results-tables"):
                    with Vertical(classes="panel") as box:
                        box.border_title = M.RESULTS_BY_POSITION
                        yield Static(id="positions-table", expand=True, shrink=True)
                        yield Static(id="traffic", classes="dim")
                    with Vertical(classes="panel") as box:
                        box.border_title = M.RESULTS_CHANGES
                        yield Static(id="changes-table", expand=True, shrink=True)
        with Horizontal(id="results-buttons"):
            yield Button(M.RESULTS_NEXT, id="next", variant="primary", compact=True)
            yield Button(M.RESULTS_HISTORY, id="history", compact=True)
        yield Footer()

    # --- filling in -------------------------------------------------------------------

    def show(self, report: TurnReport) -> None:
        """Show `report` (the session's last turn). Safe before the screen is mounted."""
        self.report = report
        if self.is_mounted:
            self._fill()

    def on_mount(self) -> None:
        if self.report is not None:
            self._fill()

    def on_screen_resume(self) -> None:
        self.query_one("#next", Button).focus()
        self.query_one("#results").scroll_home(animate=False)

    def _fill(self) -> None:
        r = self.report
        s = self.session.scenario
        self.sub_title = M.RESULTS_TITLE.format(turn=r.turn, turns=s.turns)
        self.query_one("#gmv", Digits).update(M.money(r.gmv))
        self.query_one("#gpm", Digits).update(M.gpm(r.gpm))
        self.query_one("#results-line", Static).update(
            M.RESULTS_LINE.format(net=M.money(r.net_gmv), roi=M.ratio(r.roi), profit=M.money(r.profit))
            + "\n" + M.RESULTS_BENCHMARK.format(benchmark=M.gpm(s.market.gpm_benchmark)))
        self.query_one("#save-line", Static).update("")
        self.query_one("#traffic", Static).update(M.RESULTS_TRAFFIC.format(
            paid=M.short(r.paid_impressions), recommended=M.short(r.recommended.impressions),
            fans=M.short(r.fans.impressions)))
        self.query_one("#next", Button).label = M.RESULTS_FINAL if self.session.game.finished else M.RESULTS_NEXT
        self.query_one("#results-body").set_class(self.app.size.width >= WIDE, "-wide")
        self._fill_tables()
        self.coaching_changed()

    def _previous(self) -> TurnReport | None:
        reports = self.session.game.reports
        i = next((k for k, x in enumerate(reports) if x is self.report), None)
        return reports[i - 1] if i else None

    def _fill_tables(self) -> None:
        r = self.report
        s = self.session.scenario
        why = self.query_one("#results-why")
        previous = self._previous()
        if previous is not None and self.since_last_week:
            why.border_title = M.RESULTS_WHY_CHANGE.format(turn=previous.turn)
            self.query_one("#reasons", Static).update(changes_table(changes(previous, r), limit=6))
        else:
            # every week: each cause's amount is the week replayed without it
            why.border_title = M.RESULTS_WHY
            self.query_one("#reasons", Static).update(reasons_table(reasons(r, previous), s, limit=6))
        self.query_one("#positions-table", Static).update(self._positions_table())
        self.query_one("#changes-table", Static).update(self._state_table())

    def coaching_changed(self) -> None:
        """Show or hide the coach's tips (the player's setting, or an assessment)."""
        tips = self.session.tips if self.app.coaching_shown() else []
        panel = self.query_one("#results-coach")
        panel.display = bool(tips)
        if not tips:
            return
        s = self.session.scenario
        lines = []
        for n, tip in enumerate(tips, start=1):
            link = Content.from_markup(f"[@click=screen.glossary({n - 1})][b u]$principle ↗[/][/]",
                                       principle=M.PRINCIPLE.get(tip.principle, tip.principle))
            lines.append(Content.assemble((M.RESULTS_TIP_KEY.format(n=n), "bold"), " ", link, " ",
                                          M.tip_sentence(tip, s)))
        self.query_one("#tips", Static).update(Content("\n").join(lines))

    def save_changed(self) -> None:
        """Say where the game was saved, or why it was not."""
        session = self.session
        line = self.query_one("#save-line", Static)
        if session.autosave is None:
            line.update("")
        elif session.save_error is not None:
            line.update(Text(M.RESULTS_NOT_SAVED.format(problem=M.error_text(session.save_error)), style="bold red"))
        else:
            line.update(Text(M.RESULTS_SAVED.format(path=session.autosave.path.name), style="dim"))

    def on_resize(self, event) -> None:
        # Rich tables are laid out for a width: re-render them when the layout changes
        body = self.query_one("#results-body")
        wide = event.size.width >= WIDE
        if body.has_class("-wide") != wide and self.report is not None:
            body.set_class(wide, "-wide")
            self._fill_tables()

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

    def _state_table(self) -> Table:
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

    # --- actions ----------------------------------------------------------------------

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "next":
            self.action_next()
        elif event.button.id == "history":
            self.app.action_history()

    def action_next(self) -> None:
        """The next week, or the final score."""
        self.app.after_results()

    def action_scroll_results(self, lines: int) -> None:
        """Scroll the results by `lines` (a page when it is 10 or more)."""
        panel = self.query_one("#results", VerticalScroll)
        if abs(lines) >= 10:
            (panel.scroll_page_down if lines > 0 else panel.scroll_page_up)(animate=False)
        else:
            panel.scroll_relative(y=lines, animate=False)

    def action_toggle_why(self) -> None:
        """Switch the why panel between this week's causes and what moved since last week."""
        if self._previous() is None:
            self.notify(M.RESULTS_WHY_FIRST_WEEK)
            return
        self.since_last_week = not self.since_last_week
        self._fill_tables()

    def action_glossary(self, index: int) -> None:
        """The glossary entry of the principle behind tip `index` (0-based)."""
        tips = self.session.tips if self.app.coaching_shown() else []
        if 0 <= index < len(tips):
            self.app.action_help(tips[index].principle)
