"""The debrief of a finished game: charts over the weeks, you beside the reference players and
the answer key, the weeks that made and lost the most, objectives and the level's lessons.

The review (trainer.core.debrief.debrief) plays the reference players and searches for
the answer key on the game's seed: about a second, so it runs in a thread worker while
the charts, which need only the reports, are already on screen.
"""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, LoadingIndicator, Static
from textual_plotext import PlotextPlot

from trainer.core.scenario import POSITIONS, STRENGTHS
from trainer.ui import SCREENS_CSS
from trainer.ui import messages as M
from trainer.ui.widgets.header import Header
from trainer.ui.widgets.footer import Footer

POSITION_COLOR = {"field": "green", "alliance": "cyan", "campaign": "orange", "top_kol": "red"}
STRENGTH_COLOR = {"content": "cyan", "brand": "magenta", "product": "green", "price": "orange"}


def _yticks(plt, top: float, fmt) -> None:
    """Four round ticks up to `top`, written the way the game writes figures."""
    if top <= 0:
        return
    ticks = [top * i / 4 for i in range(5)]
    plt.yticks(ticks, [fmt(t) for t in ticks])


class ExportScreen(ModalScreen[str | None]):
    """Asks the report's format; dismisses md, html, csv, json or None."""

    CSS_PATH = SCREENS_CSS  # its rules load when the first screen but the title is shown

    BINDINGS = [
        Binding("escape", "dismiss(None)", M.KEY_BACK),
        # a list of choices: the arrows move through it, as Tab does
        Binding("down", "app.focus_next", show=False),
        Binding("up", "app.focus_previous", show=False),
    ]

    def __init__(self, folder: str):
        super().__init__()
        self._folder = folder

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box", classes="dialog dialog-calm"):
            yield Static(M.EXPORT_QUESTION, classes="dialog-title")
            yield Static(Text(M.EXPORT_WHAT.format(folder=self._folder)), classes="dim")
            for fmt, label in M.EXPORT_FORMATS.items():
                yield Button(label, id=f"fmt-{fmt}", classes="export-format", compact=True)
            with Horizontal(classes="dialog-buttons"):
                yield Button(M.KEY_BACK, id="back")

    def on_mount(self) -> None:
        self.query_one(".export-format", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        bid = event.button.id or ""
        self.dismiss(bid[4:] if bid.startswith("fmt-") else None)


class DebriefScreen(Screen):
    """Opened from the end of a game."""

    CSS_PATH = SCREENS_CSS  # its rules load when the first screen but the title is shown

    BINDINGS = [
        Binding("x", "export", M.KEY_EXPORT),
        Binding("escape", "app.pop_screen", M.KEY_BACK),
        Binding("q", "app.quit", M.KEY_QUIT, show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.review = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="debrief"):
            with Vertical(id="debrief-review"):
                yield LoadingIndicator(id="debrief-loading")
                yield Static(Text(M.DEBRIEF_LOADING, style="dim"), id="debrief-wait")
            with Grid(id="debrief-charts"):
                for name in ("gmv", "gpm", "spend", "strengths"):
                    yield PlotextPlot(id=f"chart-{name}", classes="debrief-chart")
            with Vertical(classes="panel") as box:
                box.border_title = M.END_OBJECTIVES
                yield Static(id="debrief-objectives")
            with Vertical(classes="panel") as box:
                box.border_title = M.DEBRIEF_LESSONS
                yield Static(id="debrief-lessons")
            yield Static(id="export-line")
        with Horizontal(id="debrief-buttons"):
            yield Button(M.DEBRIEF_EXPORT, id="export", variant="primary", compact=True)
            yield Button(M.DEBRIEF_BACK, id="back", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        session = self.app.session
        self.sub_title = M.DEBRIEF_TITLE.format(title=session.scenario.title)
        if getattr(self.app, "still", False):
            self.query_one(LoadingIndicator).display = False  # it animates: not in a picture
        self._charts()
        self._objectives()
        self._lessons(None)
        self.query_one("#export", Button).focus()
        self.run_review()

    # --- charts: from the reports alone -----------------------------------------------

    def _charts(self) -> None:
        session = self.app.session
        s = session.scenario
        reports = session.game.reports
        weeks = [r.turn for r in reports]
        labels = [str(t) for t in weeks]

        plt = self.query_one("#chart-gmv", PlotextPlot).plt
        plt.title(M.DEBRIEF_CHART_GMV)
        gmvs = [r.gmv for r in reports]
        plt.bar(labels, gmvs, color="green", width=0.6)
        _yticks(plt, max(gmvs, default=0), M.short)
        plt.xlabel(M.DEBRIEF_WEEK)

        plt = self.query_one("#chart-gpm", PlotextPlot).plt
        plt.title(M.DEBRIEF_CHART_GPM.format(benchmark=M.gpm(s.market.gpm_benchmark)))
        plt.plot(weeks, [r.gpm for r in reports], marker="hd", color="cyan")
        plt.hline(s.market.gpm_benchmark, "red")
        plt.xticks(weeks, labels)
        plt.xlim(weeks[0] - 0.2, weeks[-1] + 0.2)
        plt.xlabel(M.DEBRIEF_WEEK)

        plt = self.query_one("#chart-spend", PlotextPlot).plt
        plt.title(M.DEBRIEF_CHART_SPEND)
        plt.stacked_bar(labels, [[getattr(r.decision, p) for r in reports] for p in POSITIONS],
                        labels=[M.POSITION_LETTER[p] for p in POSITIONS],
                        color=[POSITION_COLOR[p] for p in POSITIONS], width=0.6)
        _yticks(plt, max((r.decision.field + r.decision.alliance + r.decision.campaign + r.decision.top_kol
                          for r in reports), default=0), M.short)
        plt.xlabel(M.DEBRIEF_WEEK)

        plt = self.query_one("#chart-strengths", PlotextPlot).plt
        plt.title(M.DEBRIEF_CHART_STRENGTHS)
        for key in STRENGTHS:
            plt.plot(weeks, [getattr(r.after, key) for r in reports], marker="hd", label=M.STRENGTH_NAME[key],
                     color=STRENGTH_COLOR[key])
        plt.xticks(weeks, labels)
        plt.xlim(weeks[0] - 0.2, weeks[-1] + 0.2)
        plt.xlabel(M.DEBRIEF_WEEK)

    def _objectives(self) -> None:
        from trainer.core.scoring import score

        session = self.app.session
        result = score(session.scenario, session.game.reports)
        table = Table(expand=True, box=None, padding=(0, 1), header_style="bold")
        for i, name in enumerate(M.END_COLUMNS):
            table.add_column(name, justify="left" if i == 0 else "right")
        for o in result.objectives:
            obj = o.objective
            verdict = Text(f"{M.stars(o.stars, len(obj.stars))} {M.END_MET if o.met else M.END_MISSED}",
                           style="green" if o.met else "red")
            table.add_row(Text(M.objective_title(obj)), M.metric_value(obj.metric, o.value), verdict,
                          M.thresholds(obj.metric, obj.stars), M.score_points(o.points))
        self.query_one("#debrief-objectives", Static).update(table)

    def _lessons(self, review) -> None:
        s = self.app.session.scenario
        out = Text()
        for line in s.teaches:
            out.append(f" • {line}\n")
        for lesson in s.lessons:
            out.append(f" • {lesson.text}\n")
        if review is not None and review.facts:
            out.append(M.DEBRIEF_SHOWED + "\n", style="bold")
            for fact in M.debrief_facts(review.facts, s):
                out.append(f" • {fact}\n")
        out.rstrip()
        self.query_one("#debrief-lessons", Static).update(out)

    # --- the review: in a worker ------------------------------------------------------

    @work(thread=True, exclusive=True, group="debrief", exit_on_error=False)
    def run_review(self) -> None:
        """Play the reference players and the answer key on the game's seed."""
        from trainer.core.debrief import debrief

        review = debrief(self.app.session.game, answer_key=self.app.answer_key_shown())
        self.app.call_from_thread(self._show_review, review)

    def on_worker_state_changed(self, event) -> None:
        from trainer.ui.screens.dialogs import show_worker_error

        show_worker_error(self, event, M.WORKER_REVIEW if event.worker.group == "debrief" else M.WORKER_EXPORT)

    def _show_review(self, review) -> None:
        self.review = review
        box = self.query_one("#debrief-review")
        box.remove_children()
        box.mount(Static(self._compared(review), id="debrief-compared", classes="panel"),
                  Static(self._swings(review), id="debrief-swings", classes="panel"))
        box.query_one("#debrief-compared").border_title = M.DEBRIEF_COMPARED
        box.query_one("#debrief-swings").border_title = M.DEBRIEF_SWINGS
        self._lessons(review)

    def _compared(self, review) -> Group:
        session = self.app.session
        r = review.result
        table = Table(expand=True, box=None, padding=(0, 1), header_style="bold")
        for i, name in enumerate(M.DEBRIEF_COLUMNS):
            table.add_column(name, justify="left" if i == 0 else "right", no_wrap=i > 0)
        table.add_row(Text(M.DEBRIEF_YOU.format(player=session.player or "?"), style="bold"),
                      Text(M.score_points(r.score), style="bold"), M.stars(r.stars), M.money(r.totals.gmv),
                      M.gpm(r.totals.gpm))
        for b in review.benchmarks:
            table.add_row(Text(M.DEBRIEF_PLAYER.get(b.name, b.name)), M.score_points(b.score), M.stars(b.stars),
                          M.money(b.gmv), M.gpm(b.gpm))
        rank = M.DEBRIEF_RANK_KEY if review.has_answer_key else M.DEBRIEF_RANK
        return Group(Text(rank.format(rank=review.rank, of=len(review.benchmarks) + 1)), table)

    def _swings(self, review) -> Group | Text:
        swings = [*review.best_turns, *review.worst_turns]
        if not swings:
            return Text(M.DEBRIEF_NO_SWINGS, style="dim")
        parts = []
        for swing in swings:
            style = "green" if swing.change >= 0 else "red"
            parts.append(Text(M.DEBRIEF_BEST.format(turn=swing.turn, gmv=M.money(swing.gmv),
                                                    change=M.signed_money(swing.change)), style=f"bold {style}"))
            # each cause's sentence wraps beside its amount (fold: a Chinese sentence has no spaces to wrap at)
            causes = Table.grid(padding=(0, 1), expand=True)
            causes.add_column(width=2)
            causes.add_column(justify="right", no_wrap=True)
            causes.add_column(ratio=1)
            for change in swing.changes:
                causes.add_row("", Text(M.signed_money(change.gmv), style="green" if change.gmv >= 0 else "red"),
                               Text(M.change_sentence(change), overflow="fold"))
            parts.append(causes)
        return Group(*parts)

    # --- export -----------------------------------------------------------------------

    def action_export(self) -> None:
        """Ask the format, then write the report under saves/reports/."""
        from trainer.export import reports_dir

        folder = reports_dir(self.app.saves_folder)

        def chosen(fmt: str | None) -> None:
            if fmt:
                self.query_one("#export-line", Static).update(Text(M.EXPORT_WORKING.format(fmt=fmt), style="dim"))
                self.write_report(fmt, folder)

        self.app.push_screen(ExportScreen(str(folder)), chosen)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def write_report(self, fmt: str, folder) -> None:
        """Write the report (it replays the reference players: off the main thread)."""
        from trainer.core.saves import SaveError
        from trainer.export import write_report

        session = self.app.session
        try:
            path = write_report(session.game, session.player or "player", fmt, folder,
                                answer_key=self.app.answer_key_shown())
        except (SaveError, OSError) as exc:
            self.app.call_from_thread(self._exported, None, M.error_text(exc))
            return
        self.app.call_from_thread(self._exported, path, None)

    def _exported(self, path, problem: str | None) -> None:
        line = self.query_one("#export-line", Static)
        if problem is not None:
            line.update(Text(M.EXPORT_FAILED.format(problem=problem), style="bold red"))
            self.notify(M.EXPORT_FAILED.format(problem=problem), severity="error")
        else:
            # the file name on a line of its own, the folder after it (a long path wrapped mid-name was hard to read)
            done = M.EXPORT_DONE.format(name=path.name, folder=path.parent)
            line.update(Text(done, style="green"))
            self.notify(done)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "export":
            self.action_export()
        elif event.button.id == "back":
            self.app.pop_screen()
