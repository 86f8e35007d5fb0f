"""Planning, the cockpit: the week's budget over F, A, C, T, the strengths and the offer.

The plan the session holds is always one the core accepts. Each edit builds a
candidate plan from every field; a field that does not parse, or a plan the core
refuses (trainer.core.plan.check_decision), leaves the session's plan as it was and
says, in the message line, what is wrong and what to do.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Checkbox, Input, Select, Static
from textual.content import Content

from trainer.core.plan import Decision
from trainer.core.scenario import MAX_MONEY, POSITIONS, STRENGTHS
from trainer.i18n import _
from trainer.ui import SCREENS_CSS
from trainer.ui import messages as M
from trainer.ui.widgets.amount import AmountInput, PercentInput, parse_percent, parse_yuan
from trainer.ui.widgets.header import Header
from trainer.ui.widgets.footer import Footer

AUTO_KOL = "__auto__"


class PlanningScreen(Screen):
    """The four positions side by side, the strengths below, the budget live on top."""

    CSS_PATH = SCREENS_CSS  # its rules load when the first screen but the title is shown

    BINDINGS = [
        # F8 first: a browser keeps ctrl+n (a new window) for itself; ctrl+n stays for terminals
        Binding("f8,ctrl+n", "end_turn", M.KEY_END_TURN, id="end_turn"),
        Binding("f2", "app.history", M.KEY_HISTORY, id="history"),
        Binding("f4", "app.toggle_coaching", M.KEY_COACH, id="coaching", show=False),
        # priority: the focus moves as the key is read, before the next key is dispatched, so
        # amounts typed fast (or pasted by a browser) land in the field the Tab went to
        Binding("tab", "app.focus_next", show=False, priority=True),
        Binding("shift+tab", "app.focus_previous", show=False, priority=True),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._ready = False
        self.errors: list[str] = []
        """What keeps the fields from being played, as the player reads it (empty: none)."""
        self.deadline: float | None = None
        """When the week's time is up, on the app's clock (a workshop's turn timer; None: no timer)."""
        self._deadline_turn = 0
        self._warned = False
        self._focused_turn = 0

    @property
    def session(self):
        return self.app.session

    # --- layout ---------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        s = self.session.scenario
        yield Header()
        yield Static(id="plan-head")
        yield Static(id="plan-week")
        with Horizontal(id="positions"):
            for pos in POSITIONS:
                with Vertical(id=f"pos-{pos}", classes=f"position position-{pos}") as box:
                    box.border_title = M.PLAN_POSITION_TITLE.format(letter=M.POSITION_LETTER[pos],
                                                                    name=M.POSITION_SHORT[pos])
                    yield Static(M.POSITION_ROLE[pos], classes="role")
                    yield AmountInput("0", key=pos, id=f"amount-{pos}", classes="amount")
                    yield Static(id=f"marginal-{pos}", classes="marginal")
                    yield Static(id=f"last-{pos}", classes="last")
                    if pos != "top_kol":  # T's state is the KOL it books, below its picker
                        yield Static(id=f"state-{pos}", classes="state")
                    if pos == "alliance":
                        yield Static(id="creators-flow", classes="state dim")
                    if pos == "alliance":
                        low, high = s.creators.commission
                        with Horizontal(classes="inline"):
                            yield Static(M.PLAN_COMMISSION, classes="inline-label")
                            yield PercentInput("0", key="commission", id="amount-commission", classes="amount",
                                               tooltip=M.PLAN_COMMISSION_RANGE.format(low=M.percent_value(low),
                                                                                      high=M.percent_value(high)))
                    if pos == "top_kol":
                        if s.kols:
                            options = [(M.PLAN_KOL_AUTO, AUTO_KOL)] + [
                                (Content(M.PLAN_KOL_OPTION.format(name=k.name, fee=M.short(k.fee),
                                                          fit=M.ratio(self.session.engine.fit_of(k)))), k.id)
                                for k in s.kols
                            ]
                            yield Select(options, value=AUTO_KOL, allow_blank=False, compact=True, id="kol")
                        yield Static(id="kol-info", classes="state")
        with Horizontal(id="invest") as invest:
            invest.border_title = M.PLAN_INVEST_TITLE
            for key in STRENGTHS:
                with Vertical(classes="invest-cell"):
                    yield Static(id=f"level-{key}", classes="invest-label")
                    with Horizontal(classes="invest-row"):
                        yield AmountInput("0", key=key, id=f"amount-{key}", classes="amount",
                                          tooltip=M.STRENGTH_ROLE[key])
                        yield Static(id=f"next-{key}", classes="invest-next")
            with Vertical(classes="invest-cell"):
                yield Static(M.PLAN_DISCOUNT, classes="invest-label")
                yield PercentInput("0", key="discount", id="amount-discount", classes="amount")
        if s.providers:
            with Horizontal(id="providers"):
                yield Static(M.PLAN_PROVIDERS, id="providers-label")
                for p in s.providers:
                    yield Checkbox(Content(M.PLAN_PROVIDER_SHORT.format(name=p.label,
                                                                letter=M.POSITION_LETTER[p.position],
                                                                fee=M.short(p.fee))),
                                   id=f"provider-{p.id}", compact=True, tooltip=self._provider_tip(p))
        yield Static(id="plan-message")
        with Horizontal(id="plan-buttons"):
            yield Button("", id="end-turn", variant="primary", compact=True)
            yield Button(M.PLAN_HISTORY, id="history", compact=True)
            yield Button(M.PLAN_HELP, id="help", compact=True)
        yield Footer()

    def _provider_tip(self, p) -> str:
        return M.PLAN_PROVIDER_TIP.format(name=p.name, position=f"{M.POSITION_LETTER[p.position]} "
                                                              f"({M.POSITION_NAME[p.position].lower()})",
                                          fee=M.money(p.fee), reach=M.times(p.reach),
                                          conversion=M.times(p.conversion),
                                          track=p.track or M.PLAN_PROVIDER_ANY_TRACK)

    def on_mount(self) -> None:
        self.load_turn()
        self.query_one("#amount-field", Input).focus()
        self._focused_turn = self.session.game.turn
        if self._timer_seconds():
            self.set_interval(0.5, self.tick_timer)

    def on_screen_resume(self) -> None:
        # A finished game has no week to plan: the cockpit is uncovered for an instant
        # while the screens above it are popped on the way to the end screen.
        if self._ready and not self.session.game.finished:
            turn = self.session.game.turn
            self.load_turn()
            if turn != self._focused_turn:
                # a new week starts at F, as week 1 does: keys typed at once land in the first amount
                self.query_one("#amount-field", Input).focus()
                self._focused_turn = turn

    # --- the turn's figures -----------------------------------------------------------

    def load_turn(self) -> None:
        """Fill every field and label for the turn about to be played."""
        self._ready = False
        session = self.session
        game = session.game
        s = session.scenario
        d = session.draft
        state = game.state
        self.sub_title = s.title
        if self._timer_seconds() and self._deadline_turn != game.turn:
            self.deadline = self.app.clock() + self._timer_seconds()
            self._deadline_turn = game.turn
            self._warned = False
        self.tick_timer()
        if session.carried is not None:
            before, now, dropped = session.carried
            session.carried = None  # said once
            self.notify(M.PLAN_BUDGET_DROPPED_ALL.format(before=M.money(before), now=M.money(now)) if dropped
                        else M.PLAN_BUDGET_DROPPED.format(before=M.money(before), now=M.money(now)),
                        title=M.PLAN_BUDGET_DROPPED_TITLE, timeout=8)
        for key in (*POSITIONS, *STRENGTHS):
            self.query_one(f"#amount-{key}", AmountInput).prefill(M.money(getattr(d, key)))
        commission = d.commission if d.commission is not None else s.creators.default_commission
        self.query_one("#amount-commission", AmountInput).prefill(f"{commission:g}")
        self.query_one("#amount-discount", AmountInput).prefill(f"{d.discount:g}")
        if s.kols:
            self.query_one("#kol", Select).value = d.kol or AUTO_KOL
        for p in s.providers:
            self.query_one(f"#provider-{p.id}", Checkbox).value = p.id in d.providers
        last = session.last
        for pos in POSITIONS:
            label = self.query_one(f"#last-{pos}", Static)
            if last is None:
                label.update(Text(M.PLAN_LAST_NONE, style="dim"))
            else:
                ch = last.channels[pos]
                # no rate where nothing was spent or shown (the results table writes the same dash);
                # creators on commission sell with no spend: their GPM shows, their ROI does not
                label.update(M.PLAN_LAST.format(gmv=M.short(ch.gmv),
                                                gpm=M.gpm(ch.gpm) if ch.impressions > 0 else M.RESULTS_NONE,
                                                roi=M.ratio(ch.roi) if ch.spend > 0 else M.RESULTS_NONE))
        week = Text()
        step = s.step_of(game.turn)
        if step is not None:
            # the level's own words: data, never markup
            week.append(M.PLAN_STEP.format(week=step.week, text=step.text))
        changes = s.budget_changes(game.turn)
        if changes:
            ahead = M.PLAN_BUDGET_SEP.join(M.PLAN_BUDGET_CHANGE.format(budget=M.money(b), week=t)
                                           for t, b in changes[:3])
            week.append(("\n" if week else "") + M.PLAN_BUDGET_AHEAD.format(changes=ahead), style="dim")
        plan_week = self.query_one("#plan-week", Static)
        plan_week.update(week)
        plan_week.display = bool(week)
        event = s.event_at(game.turn)
        if event is not None:
            text = Text(M.PLAN_EVENT.format(name=event.name, reach=M.times(s.campaign_reach(event)),
                                            competition=M.ratio(event.competition)), style="bold")
        else:
            text = Text(M.PLAN_NO_EVENT)
            upcoming = [(t, e) for e in s.events for t in e.turns if t > game.turn]
            if upcoming:
                week, nxt = min(upcoming, key=lambda te: te[0])
                text.append("\n" + M.PLAN_NEXT_EVENT.format(name=nxt.name, week=week), style="dim")
        self.query_one("#state-campaign", Static).update(text)
        for key in STRENGTHS:
            self.query_one(f"#level-{key}", Static).update(
                M.PLAN_STRENGTH_LABEL.format(name=M.STRENGTH_NAME[key], value=M.level(getattr(state, key))))
        self.query_one("#end-turn", Button).label = M.PLAN_END_TURN.format(turn=game.turn)
        self._ready = True
        self.refresh_plan()

    # --- the turn timer (workshops) ---------------------------------------------------

    def _timer_seconds(self) -> int | None:
        workshop = self.app.workshop
        return workshop.turn_timer if workshop is not None else None

    def seconds_left(self) -> float | None:
        """Seconds left to plan this week (None: no timer, or the week was played)."""
        game = self.session.game
        if self.deadline is None or self._deadline_turn != game.turn or game.finished:
            return None
        return self.deadline - self.app.clock()

    def tick_timer(self) -> None:
        """Show the time left in the header; at zero, play the week."""
        left = self.seconds_left()
        if left is None:
            return
        whole = max(0, int(left + 0.999))
        self.sub_title = M.TIMER_LEFT.format(title=self.session.scenario.title, time=f"{whole // 60}:{whole % 60:02d}")
        if 0 < left <= 30 and not self._warned and (self._timer_seconds() or 0) > 30:
            self._warned = True
            self.notify(M.TIMER_SOON.format(seconds=whole), severity="warning")
        if left <= 0:
            self.time_up()

    def time_up(self, ended: str | None = None, ended_last: str | None = None) -> None:
        """The week's time is over: play the plan on screen if the core accepts it, else the
        last plan it accepted this week (the session's draft, possibly empty). `ended` and
        `ended_last` say so (the facilitator's Advance has its own words)."""
        self.deadline = None
        while self.app.screen is not self and len(self.app.screen_stack) > 1:
            self.app.pop_screen()  # help, history or a dialog over the cockpit
        self.refresh_plan()
        turn = self.session.game.turn
        if self.errors:
            template = _(ended_last) if ended_last else M.TIMER_ENDED_LAST
            self.notify(template.format(problem=self.errors[0], turn=turn), severity="warning", timeout=10)
        else:
            self.notify((_(ended) if ended else M.TIMER_ENDED).format(turn=turn), severity="warning", timeout=10)
        self.app.end_turn()

    # --- edits ------------------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        self.refresh_plan()

    def on_select_changed(self, event: Select.Changed) -> None:
        self.refresh_plan()

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        self.refresh_plan()

    def candidate(self) -> tuple[Decision | None, list[tuple[str | None, str]]]:
        """The plan the fields describe, and every problem as (field key or None, message)."""
        s = self.session.scenario
        values: dict = {}
        problems: list[tuple[str | None, str]] = []
        for key in (*POSITIONS, *STRENGTHS):
            value, problem = parse_yuan(self.query_one(f"#amount-{key}", Input).value, M.FIELD_LABEL[key], MAX_MONEY)
            if problem:
                problems.append((key, problem))
            else:
                values[key] = value
        for key in ("commission", "discount"):
            value, problem = parse_percent(self.query_one(f"#amount-{key}", Input).value, M.FIELD_LABEL[key])
            if problem:
                problems.append((key, problem))
            else:
                values[key] = value
        if s.kols:
            kol = self.query_one("#kol", Select).value
            values["kol"] = None if kol in (AUTO_KOL, Select.BLANK) else kol
        values["providers"] = tuple(p.id for p in s.providers if self.query_one(f"#provider-{p.id}", Checkbox).value)
        if problems:
            return None, problems
        decision = Decision(**values)
        return decision, [(key, self._explain(decision, key, message))
                          for _, key, message in self.session.problems(decision)]

    def _explain(self, d: Decision, key: str, message: str) -> str:
        """A core problem in the catalog's words."""
        s = self.session.scenario
        budget = self.session.budget()
        if key == "budget":
            cost = d.cost(s)
            return M.BAD_BUDGET.format(spend=M.money(cost), budget=M.money(budget), over=M.money(cost - budget))
        if key == "top_kol":
            if not s.kols:
                return M.BAD_NO_KOLS
            if d.kol is not None and s.kol(d.kol) is not None:
                kol = s.kol(d.kol)
                return M.BAD_KOL_FEE.format(kol=kol.name, fee=M.money(kol.fee), amount=M.money(d.top_kol))
            cheapest = min(s.kols, key=lambda k: k.fee)
            return M.BAD_KOL_NONE_AFFORDABLE.format(amount=M.money(d.top_kol), kol=cheapest.name,
                                                    fee=M.money(cheapest.fee))
        if key == "commission" and d.commission is not None:
            low, high = s.creators.commission
            return M.BAD_COMMISSION.format(value=M.percent_value(d.commission), low=M.percent_value(low),
                                           high=M.percent_value(high))
        if key == "discount":
            return M.BAD_DISCOUNT.format(value=M.percent_value(d.discount))
        return M.BAD_UNKNOWN.format(message=M.said(message))

    def refresh_plan(self) -> None:
        """Check the fields; keep the plan when they are playable; say what is wrong when not."""
        if not self._ready or self.session.game.finished:
            return
        session = self.session
        decision, problems = self.candidate()
        bad_keys = {key for key, _ in problems}
        focused = self.focused
        if "budget" in bad_keys and isinstance(focused, AmountInput):
            bad_keys.add(focused.key)  # the amount being edited is the one that went over
        for widget in self.query(AmountInput):
            widget.set_class(widget.key in bad_keys, "-invalid")
        if self.session.scenario.kols:
            self.query_one("#kol", Select).set_class("top_kol" in bad_keys, "-invalid")
        self.errors = [message for _, message in problems]
        if decision is not None and not problems:
            session.draft = decision
        shown = decision or session.draft
        s = session.scenario
        budget = session.budget()
        spend = shown.cost(s)
        game = session.game
        if decision is None:
            # a field that does not read as an amount: the header never shows last week's total
            head = Text(M.PLAN_HEADER_INCOMPLETE.format(turn=game.turn, turns=s.turns, brand=s.brand.name,
                                                        budget=M.money(budget)), style="bold red")
        elif spend <= budget:
            head = Text(M.PLAN_HEADER.format(turn=game.turn, turns=s.turns, brand=s.brand.name, budget=M.money(budget),
                                             spend=M.money(spend), left=M.money(budget - spend)))
        else:
            head = Text(M.PLAN_HEADER_OVER.format(turn=game.turn, turns=s.turns, brand=s.brand.name,
                                                  budget=M.money(budget), spend=M.money(spend),
                                                  over=M.money(spend - budget)), style="bold red")
        self.query_one("#plan-head", Static).update(head)
        message = self.query_one("#plan-message", Static)
        if self.errors:
            message.update(Text("\n".join(self.errors[:2])))
            message.add_class("-error")
        else:
            message.update(Text(M.PLAN_READY.format(spend=M.money(spend), budget=M.money(budget)) + "\n" + M.PLAN_HINT))
            message.remove_class("-error")
        from trainer.core.coach import previewable

        # a discount or commission out of range is no plan to preview: the last playable one is
        preview = shown if previewable(game, shown) else session.draft
        self._show_kol(preview)
        self._show_marginal(preview)
        self._show_outlook(preview)

    def _show_outlook(self, d: Decision) -> None:
        """Where the plan leaves the brand next week: strengths (what an investment buys, what
        fades), fans, and the creators who join and leave: the engine's own preview."""
        from trainer.core.coach import outlook

        o = outlook(self.session.game, d)
        if o is None:
            return
        for key in STRENGTHS:
            now, after, gain = o.strengths[key]
            label = self.query_one(f"#next-{key}", Static)
            style = "green" if after > now + 0.05 else "red" if after < now - 0.05 else "dim"
            label.update(Text(M.PLAN_STRENGTH_NEXT.format(after=M.level(after)), style=style))
            label.tooltip = M.PLAN_STRENGTH_TIP.format(name=M.STRENGTH_NAME[key], now=M.level(now),
                                                       after=M.level(after), fade=M.pct(o.fade),
                                                       gain=M.level(gain))
        self.query_one("#state-field", Static).update(
            M.PLAN_FANS_NEXT.format(now=M.money(o.fans[0]), after=M.money(o.fans[1])))
        creators = self.query_one("#state-alliance", Static)
        creators.update(M.PLAN_CREATORS_NEXT.format(now=M.money(o.creators[0]), after=M.money(o.creators[1])))
        flow = self.query_one("#creators-flow", Static)
        flow.update(Text(M.PLAN_CREATORS_FLOW.format(joining=M.level(o.creators_joining),
                                                     leaving=M.level(o.creators_leaving)), style="dim"))
        tip = M.PLAN_CREATORS_TIP.format(churn=M.pct(self.session.scenario.creators.churn / 100.0),
                                         joining=M.level(o.creators_joining), leaving=M.level(o.creators_leaving))
        creators.tooltip = flow.tooltip = tip

    def _show_marginal(self, d: Decision) -> None:
        """What the next slice of budget would add on each position, for the plan as it stands."""
        from trainer.core.coach import marginal_returns

        game = self.session.game
        shown = self.app.marginal_shown()
        returns = marginal_returns(game, d) if shown and not game.finished else {}
        for pos in POSITIONS:
            label = self.query_one(f"#marginal-{pos}", Static)
            label.display = shown
            m = returns.get(pos)
            if m is None:
                label.update("")
                continue
            style = "green" if m.gmv > 0 else "dim"
            if pos == "top_kol" and m.kol is not None and d.top_kol == 0:
                kol = self.session.scenario.kol(m.kol)
                text = Text(M.PLAN_MARGINAL_KOL.format(gmv=M.signed_short(m.gmv)), style=style)
                text.append("\n" + M.PLAN_MARGINAL_KOL_WHO.format(name=kol.name, fee=M.short(kol.fee)))
            else:
                text = Text(M.PLAN_MARGINAL.format(gmv=M.signed_short(m.gmv)), style=style)
            text.append("\n" + M.PLAN_MARGINAL_RATE.format(per_yuan=M.ratio(m.per_yuan)), style="dim")
            label.update(text)

    def coaching_changed(self) -> None:
        """The coaching setting changed: show or hide the marginal returns."""
        self.refresh_plan()

    def _show_kol(self, d: Decision) -> None:
        """The KOL this plan books (picked, or the best fit it affords), and why a repeat
        booking reaches fewer."""
        s = self.session.scenario
        info = self.query_one("#kol-info", Static)
        if not s.kols:
            info.update(Text(M.PLAN_KOL_NONE, style="dim"))
            return
        engine = self.session.engine
        kol = engine.book_kol(d)[0] if d.top_kol > 0 else (s.kol(d.kol) if d.kol is not None else None)
        if kol is None:
            info.update("")
            return
        text = Text(M.PLAN_KOL_BOOKS.format(name=kol.name, fee=M.short(kol.fee), fit=M.ratio(engine.fit_of(kol)),
                                            commission=M.percent_value(kol.commission)))
        fatigue = engine.kol_fatigue(self.session.game.state)
        if fatigue > 1.0:
            text.append("\n" + M.PLAN_KOL_REPEAT.format(fatigue=f"{fatigue:.1f}"), style="yellow")
            info.tooltip = M.PLAN_KOL_REPEAT_TIP.format(fatigue=M.ratio(fatigue))
        else:
            info.tooltip = None
        info.update(text)

    # --- actions ----------------------------------------------------------------------

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "end-turn":
            self.action_end_turn()
        elif event.button.id == "history":
            self.app.action_history()
        elif event.button.id == "help":
            self.app.action_help()

    def action_end_turn(self) -> None:
        """Play the week, unless a field or the plan has a problem."""
        self.refresh_plan()
        if self.errors:
            self.query_one("#plan-message", Static).update(Text(M.PLAN_FIX_FIRST.format(problem=self.errors[0])))
            self.app.bell()
            return
        self.app.end_turn()
