"""History: GMV and GPM over the weeks as charts, and every past plan."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from trainer.ui import SCREENS_CSS
from trainer.ui import messages as M
from trainer.ui.widgets.bars import BarChart
from trainer.ui.widgets.footer import Footer


class HistoryScreen(ModalScreen[None]):
    """Over the planning or results screen; Esc closes it."""

    CSS_PATH = SCREENS_CSS  # its rules load when the first screen but the title is shown

    BINDINGS = [Binding("escape,f2,h,q", "dismiss", M.KEY_CLOSE)]

    def compose(self) -> ComposeResult:
        session = self.app.session
        s = session.scenario
        reports = session.game.reports
        with VerticalScroll(id="history-box") as box:
            box.border_title = M.HISTORY_TITLE.format(turns_played=len(reports), turns=s.turns)
            if not reports:
                yield Static(M.HISTORY_EMPTY, classes="dim")
            else:
                gmvs = [r.gmv for r in reports]
                gpms = [r.gpm for r in reports]
                labels = [M.HISTORY_WEEK.format(turn=r.turn) for r in reports]
                with Horizontal(id="charts"):
                    with Vertical(classes="chart"):
                        yield Static(M.HISTORY_GMV.format(last=M.money(gmvs[-1]), best=M.money(max(gmvs))),
                                     classes="chart-label")
                        yield BarChart(gmvs, labels, M.money, id="gmv-chart", style="green")
                    with Vertical(classes="chart"):
                        yield Static(M.HISTORY_GPM.format(last=M.gpm(gpms[-1]), best=M.gpm(max(gpms)),
                                                          benchmark=M.gpm(s.market.gpm_benchmark)),
                                     classes="chart-label")
                        yield BarChart(gpms, labels, M.gpm, marker=s.market.gpm_benchmark, id="gpm-chart",
                                       style="cyan")
                yield Static(M.HISTORY_PLANS, classes="chart-label")
                yield DataTable(id="history-table", zebra_stripes=True, cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        session = self.app.session
        reports = session.game.reports
        if not reports:
            return
        s = session.scenario
        table = self.query_one(DataTable)
        table.add_columns(*M.HISTORY_COLUMNS)
        for r in reports:
            d = r.decision
            kol = s.kol(r.drivers.kol) if r.drivers.kol else None
            commission = d.commission if d.commission is not None else s.creators.default_commission
            table.add_row(str(r.turn), M.short(d.field), M.short(d.alliance), M.short(d.campaign), M.short(d.top_kol),
                          kol.name if kol else M.HISTORY_KOL_NONE,
                          M.short(d.content), M.short(d.brand), M.short(d.product), M.short(d.price),
                          M.percent_value(commission), M.percent_value(d.discount),
                          M.money(r.gmv), M.gpm(r.gpm), M.ratio(r.roi))
        table.focus()
