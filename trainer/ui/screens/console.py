"""The facilitator's console, opened from the workshop's gate with the facilitator code:
the join address and code for the projector, who is connected (people still at the gate
too), each one's round and week and whether this week is ended; rounds locked and opened,
a message to the room, the answer key revealed, and the class debrief."""

from __future__ import annotations

import os
import statistics

from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Input, OptionList, Static
from textual.widgets.option_list import Option

from trainer.i18n import N_, _, ngettext, translate
from trainer.serving import FACILITATOR_CODE, PUBLIC_URL
from trainer.ui.widgets.header import Header
from trainer.ui import messages as M
from trainer.ui.widgets.footer import Footer

TITLE = N_("Facilitator console")
COLUMNS = (N_("Name"), N_("Round"), N_("Week"), N_("This week"), N_("Time left"))
AT_GATE = N_("at the gate")
PLANNING = N_("planning")
SUBMITTED = N_("ended ✓")
WAITING = N_("ended ✓, waiting")
AWAY = N_("on the round list")
FINISHED = N_("round finished")
STATUS = N_("connected: {n} · at the gate: {gate} · week ended, results on screen: {done}")
STATUS_WAITING = N_("waiting: {n}")
KEY_SHOWN = N_("answer key: revealed to the room")
KEY_HIDDEN = N_("answer key: hidden (k reveals it)")
LOCKED = N_("locked")
OPEN = N_("open")
TIMER_PAUSED = N_("timer: paused for everyone (p runs it again)")
TIMER_RUNS = N_("timer: running (p pauses, e +1 min, x ends the week's time)")
MESSAGE_SENT = N_("Sent to every participant: {text}")
DEBRIEF_TITLE = N_("Class debrief")
DEBRIEF_READING = N_("Reading every game (and searching for the answer key's plan)…")
ROUND_LOCKED = N_("Round {n} is locked by the facilitator: wait for them to open it.")
TOGETHER_ON = N_("weeks: together (w: each at their own pace; a: Advance the highlighted round)")
TOGETHER_OFF = N_("weeks: each at their own pace (w: together)")
ROUND_ROOM = N_("week {week}: {ended} of {total} ended")
ADVANCED = N_("Round {n}: week {week} released to everyone (those still planning it play the plan on screen).")
ADVANCE_NOBODY = N_("Nobody is playing round {n} now.")
ADVANCE_OFF = N_("Weeks advance at each participant's own pace: w makes them advance together first.")


JOIN = N_("Join:")
CODE = N_("Code:")
NO_ADDRESS = N_("the address the facilitator gives")
MESSAGE_PLACEHOLDER = N_("a message to everyone (Enter sends)")
ROUND_STATE = N_("{n}. {title} · {state}")
CD_SCORES = N_("Scores: best {best}, median {median}, lowest {lowest}")
CD_STARS = N_("Stars: {stars}")
CD_STAR_COUNT = N_("{stars}: {count}")
CD_GPM = N_("GPM: room {room} against the benchmark {benchmark}")
CD_ROOM = N_("Room")
CD_KEY = N_("Answer key")
CD_KEY_HIDDEN = N_("Answer key (k reveals)")
CD_TIPS = N_("Commonest coach tips: {tips}")
CD_TIP = N_("{tip} ({count})")
CD_BEST = N_("Best weeks: {weeks}")
CD_WORST = N_("Worst weeks: {weeks}")
CD_WEEK = N_("{name}, week {week}: {gmv}")
CD_NOBODY = N_("Nobody has played this round yet.")
# TRANSLATORS: between the weeks of "Best weeks: Ann, week 5: 505,012; Bo, week 5: 469,044"
CD_SEPARATOR = N_("; ")


def facilitator_code(workshop) -> str | None:
    """The console's code: the workshop file's, else the one `serve` made and handed down."""
    return workshop.facilitator_code or os.environ.get(FACILITATOR_CODE) or None


WIDE = 110
"""From this many columns the people table names each one's round by its title, else by its number."""


class ConsoleScreen(Screen):
    """What the facilitator sees and does."""

    DEFAULT_CSS = """
    ConsoleScreen { layout: vertical; }
    #fc-join { height: auto; border: heavy $accent; padding: 0 2; text-align: center; text-style: bold; }
    #fc-status { height: 1; padding: 0 1; color: $text-muted; }
    #fc-body { height: 1fr; }
    #fc-people { width: 2fr; }
    #fc-side { width: 1fr; min-width: 30; }
    #fc-rounds { height: auto; max-height: 10; }
    #fc-message { margin-top: 1; }
    #fc-key { height: auto; padding: 0 1; }
    """
    BINDINGS = [
        Binding("l", "lock", translate(N_("Lock/open round"))),
        Binding("k", "reveal", translate(N_("Answer key"))),
        Binding("d", "debrief", translate(N_("Class debrief"))),
        # priority: the focus moves before the next key is read, so the words a facilitator types
        # right after m go to the message, never to the console's keys (e +1 min, k the answer key)
        Binding("m", "message", translate(N_("Message")), priority=True),
        Binding("p", "pause", translate(N_("Pause timer"))),
        Binding("e", "extend", translate(N_("+1 min"))),
        Binding("x", "end_time", translate(N_("End time"))),
        Binding("w", "together", translate(N_("Weeks together"))),
        Binding("a", "advance", translate(N_("Advance"))),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self._join(), id="fc-join")
        yield Static("", id="fc-status")
        with Horizontal(id="fc-body"):
            yield DataTable(id="fc-people", cursor_type="row", zebra_stripes=True)
            with Vertical(id="fc-side"):
                yield OptionList(id="fc-rounds")
                yield Static("", id="fc-key")
                yield Input(placeholder=_(MESSAGE_PLACEHOLDER), id="fc-message", max_length=200)
        yield Footer()

    def _join(self) -> Text:
        url = os.environ.get(PUBLIC_URL, "")
        code = self.app.workshop.access_code
        text = Text(justify="center")
        text.append(_(JOIN) + " ", style="bold")
        text.append(url or _(NO_ADDRESS), style="bold reverse")
        if code:
            text.append("    " + _(CODE) + " ", style="bold")
            text.append(f" {code} ", style="bold reverse")
        return text

    def on_mount(self) -> None:
        self.sub_title = _(TITLE)
        table = self.query_one("#fc-people", DataTable)
        for label in COLUMNS:
            table.add_column(_(label))
        self.refresh_view()
        self.set_interval(1.0, self.refresh_view)
        self.query_one("#fc-people").focus()

    def refresh_view(self) -> None:
        from trainer.core.console import connected, read_control, room_count, room_week, together

        folder = self.app.saves_folder
        people = [p for p in connected(folder) if p.pid != os.getpid()]  # not the console itself
        titles = {s.id: (i + 1, s.title) for i, s in enumerate(self.app.workshop_scenarios)}
        table = self.query_one("#fc-people", DataTable)
        table.clear()
        for p in people:
            if p.name is None:
                row = (Text(_(AT_GATE), style="italic"), "", "", "", "")
            else:
                n, title = titles.get(p.round, (None, ""))
                state = (_(FINISHED) if p.finished else _(AWAY) if p.away else _(WAITING) if p.waiting
                         else _(SUBMITTED) if p.submitted else _(PLANNING) if p.round else "")
                left = "" if p.left is None else f"{int(p.left) // 60}:{int(p.left) % 60:02d}"
                # narrow (a laptop's 80 columns): the round's number, whose title the list beside says
                round_cell = "" if not n else f"{n}. {title}" if self.size.width >= WIDE else str(n)
                row = (Text(p.name), Text(round_cell), str(p.week or ""), state, left)
            table.add_row(*row, height=None)
        gate = sum(1 for p in people if p.name is None)
        done = sum(1 for p in people if p.submitted and not p.waiting)
        waiting = sum(1 for p in people if p.waiting)
        control = read_control(folder)
        weeks_together = together(self.app.workshop, control)
        status = _(STATUS).format(n=len(people), gate=gate, done=done)
        if weeks_together or waiting:
            status += " · " + _(STATUS_WAITING).format(n=waiting)
        self.query_one("#fc-status", Static).update(Text(status))
        rounds = self.query_one("#fc-rounds", OptionList)
        keep = rounds.highlighted
        rounds.clear_options()
        for i, s in enumerate(self.app.workshop_scenarios):
            state = _(LOCKED) if s.id in control.locked else _(OPEN)
            week = room_week(s.id, people)
            if weeks_together and week:
                ended, total = room_count(s.id, people, week)
                state += " · " + _(ROUND_ROOM).format(week=week, ended=ended, total=total)
            rounds.add_option(Option(Text(_(ROUND_STATE).format(n=i + 1, title=s.title, state=state)), id=s.id))
        rounds.highlighted = keep if keep is not None else 0
        self.query_one("#fc-key", Static).update(
            (_(KEY_SHOWN) if control.answer_key else _(KEY_HIDDEN)) + "\n" + (_(TIMER_PAUSED) if control.paused else _(TIMER_RUNS))
            + "\n" + (_(TOGETHER_ON) if weeks_together else _(TOGETHER_OFF)))

    def _change(self, change) -> None:
        from trainer.core.console import read_control, write_control
        from trainer.core.saves import SaveError

        control = read_control(self.app.saves_folder)
        change(control)
        try:
            write_control(self.app.saves_folder, control)
        except SaveError as exc:
            self.notify(M.error_text(exc), severity="error", markup=False)
        self.refresh_view()

    def action_lock(self) -> None:
        """Lock the highlighted round, or open it again."""
        rounds = self.query_one("#fc-rounds", OptionList)
        if rounds.highlighted is None:
            return
        scenario = self.app.workshop_scenarios[rounds.highlighted].id

        def flip(control) -> None:
            if scenario in control.locked:
                control.locked.remove(scenario)
            else:
                control.locked.append(scenario)

        self._change(flip)

    def action_reveal(self) -> None:
        def flip(control) -> None:
            control.answer_key = not control.answer_key

        self._change(flip)

    def action_pause(self) -> None:
        """Pause everyone's week timer, or let it run again."""
        def flip(control) -> None:
            control.paused = not control.paused

        self._change(flip)

    def action_extend(self) -> None:
        """One more minute for everyone planning this week."""
        def more(control) -> None:
            control.extend_id += 1
            control.extend_seconds = 60

        self._change(more)

    def action_end_time(self) -> None:
        """This week's time is up for everyone planning: each game plays the plan on screen."""
        def end(control) -> None:
            control.end_id += 1

        self._change(end)

    def action_together(self) -> None:
        """Weeks advance together, or each at their own pace (the workshop file's choice until then)."""
        from trainer.core.console import together

        def flip(control) -> None:
            control.together = not together(self.app.workshop, control)

        self._change(flip)

    def action_advance(self) -> None:
        """Release the highlighted round's current week to everyone: those still planning it
        play the plan on screen, and every waiting participant sees their results."""
        from trainer.core.console import advance, connected, together

        rounds = self.query_one("#fc-rounds", OptionList)
        if rounds.highlighted is None:
            return
        n = rounds.highlighted + 1
        scenario = self.app.workshop_scenarios[rounds.highlighted].id
        people = [p for p in connected(self.app.saves_folder) if p.pid != os.getpid()]
        released = []

        def move_on(control) -> None:
            if together(self.app.workshop, control):
                released.append(advance(control, scenario, people))

        self._change(move_on)
        if not released:
            self.notify(_(ADVANCE_OFF), severity="warning")
        elif not released[0]:
            self.notify(_(ADVANCE_NOBODY).format(n=n), severity="warning")
        else:
            self.notify(_(ADVANCED).format(n=n, week=released[0]))

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "message" and isinstance(self.focused, Input):
            return False  # an m typed into the message is a letter of it
        return True

    def action_message(self) -> None:
        self.app.set_focus(self.query_one("#fc-message", Input))  # at once, not after a refresh

    def on_input_submitted(self, event: Input.Submitted) -> None:
        from trainer.core.console import broadcast

        text = event.value.strip()
        if event.input.id != "fc-message" or not text:
            return
        broadcast(self.app.saves_folder, text)
        event.input.value = ""
        self.notify(_(MESSAGE_SENT).format(text=text), markup=False)
        self.query_one("#fc-people").focus()

    def action_debrief(self) -> None:
        self.app.push_screen(ClassDebriefScreen())


class ClassDebriefScreen(Screen):
    """The room's rounds at a glance, to project."""

    BINDINGS = [Binding("escape", "app.pop_screen", M.KEY_BACK)]
    DEFAULT_CSS = """
    #cd-body { padding: 0 1; }
    """

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="cd-body"):
            yield Static(_(DEBRIEF_READING), id="cd-text")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = _(DEBRIEF_TITLE)
        self.read()

    @work(thread=True, exit_on_error=False)
    def read(self) -> None:
        from trainer.core.console import class_debrief, read_control

        folder = self.app.saves_folder.parent
        control = read_control(self.app.saves_folder)
        rounds = class_debrief(self.app.workshop, self.app.workshop_scenarios, [folder], answer_key=control.answer_key)
        self.app.call_from_thread(self.show, rounds)

    def show(self, rounds) -> None:
        from rich.console import Group

        from trainer.class_report import LABELS

        parts = []
        for r in rounds:
            games = ngettext("{title}: {games} game, {finished} finished", "{title}: {games} games, {finished} finished",
                             r.games)
            parts.append(Text(games.format(title=r.title, games=r.games, finished=r.finished), style="bold"))
            if not r.games:
                parts += [Text(_(CD_NOBODY)), Text("")]
                continue
            if r.scores:
                parts.append(Text(_(CD_SCORES).format(best=M.score_points(r.scores[0]),
                                                      median=M.score_points(statistics.median(r.scores)),
                                                      lowest=M.score_points(r.scores[-1]))))
            stars = "  ".join(_(CD_STAR_COUNT).format(stars="★" * k or "0★", count=v)
                              for k, v in sorted(r.stars.items(), reverse=True))
            if stars:
                parts.append(Text(_(CD_STARS).format(stars=stars)))
            parts.append(Text(_(CD_GPM).format(room=M.money(r.gpm_mean), benchmark=M.money(r.gpm_benchmark))))
            table = Table("", _(CD_ROOM), _(CD_KEY) if r.key_split else _(CD_KEY_HIDDEN), box=None)
            for key in ("field", "alliance", "campaign", "top_kol", "content", "brand", "product", "price"):
                table.add_row(_(LABELS[key]), M.pct(r.room_split.get(key, 0)),
                              M.pct(r.key_split[key]) if r.key_split else "—")
            parts.append(table)
            if r.triggers:
                parts.append(Text(_(CD_TIPS).format(tips=M.listing(_(CD_TIP).format(tip=M.tip_name(t), count=n)
                                                                    for t, n in r.triggers))))
            if r.best_weeks:
                for template, weeks in ((CD_BEST, r.best_weeks), (CD_WORST, r.worst_weeks)):
                    parts.append(Text(_(template).format(weeks=_(CD_SEPARATOR).join(
                        _(CD_WEEK).format(name=n, week=w, gmv=M.money(g)) for n, w, g in weeks))))
            parts.append(Text(""))
        self.query_one("#cd-text", Static).update(Group(*parts))
