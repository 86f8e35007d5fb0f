"""Coaching: what the next slice of budget would bring, and tips tied to FACT principles.

Both are computed from the engine, never guessed: a marginal return is the engine's
own answer to "this turn's plan, plus one more slice on this position", and each tip
is triggered by the game's state and reports. The UI turns tip ids into sentences
from its message catalog.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from trainer.core.engine import Game, TurnReport
from trainer.core.plan import Decision, check_decision
from trainer.core.scenario import POSITIONS

MAX_TIPS = 3


@dataclass(slots=True, frozen=True)
class MarginalReturn:
    """What one more slice on a position would add, this week and the next."""

    position: str
    amount: int
    """The slice, in yuan (for T without a booking: the fee of the KOL it would book)."""
    gmv: float
    """GMV the slice adds over this week and the next (the next played with the same plan),
    less the commission it costs: so a KOL's fee, fit, fatigue and what the booking does to
    the account's tags and the traffic pool are all in it."""
    kol: str | None = None
    """For T: the KOL the slice goes to."""
    fatigue: float = 1.0
    """For T: how much the KOL's fresh reach is divided by, because the brand booked a KOL
    lately (1 = no repeat; the audience that saw the brand last week buys less again)."""

    @property
    def per_yuan(self) -> float:
        """GMV per yuan of the slice."""
        return self.gmv / self.amount if self.amount > 0 else 0.0


def _value(game: Game, decision: Decision) -> float:
    """GMV less commissions of `decision` this week and, played again, the next week."""
    engine, turn = game.engine, game.turn
    luck = engine.luck(game.seed)
    now = engine.resolve(game.state, decision, luck[turn - 1])
    value = now.gmv - now.commissions
    if turn < game.scenario.turns:
        nxt = engine.resolve(now.after, decision, luck[turn])
        value += nxt.gmv - nxt.commissions
    return value


PREVIEWABLE = frozenset({"budget", "top_kol"})
"""The problems a plan may have and still be previewed: over budget, or T's money short of a
fee (the player is still typing). A discount, commission or amount out of its range is not a
plan the market can play, even as a preview."""


def previewable(game: Game, decision: Decision) -> bool:
    """Whether the engine can preview `decision` this turn (see PREVIEWABLE)."""
    problems = check_decision(game.scenario, game.turn, decision, game.scenario.budget_of(game.turn))
    return all(key in PREVIEWABLE for _, key, _ in problems)


def marginal_returns(game: Game, decision: Decision, slice_share: float = 0.1) -> dict[str, MarginalReturn]:
    """For each position, what the next slice (a share of the turn's budget) would add to
    `decision` over this week and the next, net of commission. Budget limits are ignored:
    the question is where money works hardest. Empty once the game is over, and for a plan
    the market cannot play (see `previewable`)."""
    scenario = game.scenario
    if game.finished or not previewable(game, decision):
        return {}
    budget = scenario.budget_of(game.turn)
    amount = max(1, int(budget * slice_share))
    base = _value(game, decision)
    out: dict[str, MarginalReturn] = {}
    for position in POSITIONS:
        if position == "top_kol":
            kol, _ = game.engine.book_kol(decision)
            if kol is None:
                affordable = [k for k in scenario.kols if k.fee <= budget]
                if decision.kol is not None:
                    # a KOL picked by hand, not paid yet: the preview is that KOL's booking
                    affordable = [k for k in scenario.kols if k.id == decision.kol]
                if not affordable:
                    continue
                # the KOL whose booking would add the most, fee, fit, fatigue and tags counted
                options = [(k, _value(game, decision.replace(top_kol=k.fee, kol=k.id)) - base) for k in affordable]
                kol, gain = max(options, key=lambda kg: kg[1] / kg[0].fee)
                out[position] = MarginalReturn(position, kol.fee, gain, kol.id, game.engine.kol_fatigue(game.state))
                continue
            more = decision.replace(top_kol=decision.top_kol + amount, kol=kol.id)
            out[position] = MarginalReturn(position, amount, _value(game, more) - base, kol.id,
                                           game.engine.kol_fatigue(game.state))
            continue
        more = decision.replace(**{position: getattr(decision, position) + amount})
        out[position] = MarginalReturn(position, amount, _value(game, more) - base)
    return out


@dataclass(slots=True, frozen=True)
class Outlook:
    """Where a plan leaves the brand after this week: the engine's own preview, so the
    cockpit can show what an investment buys, what fades, and why creators come and go."""

    strengths: dict[str, tuple[float, float, float]]
    """Per strength: (now, after this week, points the investment adds before the fade)."""
    fade: float
    """The share every strength loses a week without investment (0.05 = 5%)."""
    fans: tuple[float, float]
    """Fans now and after this week."""
    creators: tuple[float, float]
    """Creators in the alliance now and after this week."""
    creators_joining: float
    """Creators this plan recruits (commission, support on A, product strength, room left)."""
    creators_leaving: float
    """Creators who leave this week whatever the plan (the pool's churn)."""


def outlook(game: Game, decision: Decision) -> Outlook | None:
    """What `decision` does to the brand's state this week (None once the game is over, or
    for a plan the market cannot play: see `previewable`).

    Like the marginal returns, it answers for the plan as it stands, over budget or not: the
    cockpit shows it while the player is still typing."""
    if game.finished or not previewable(game, decision):
        return None
    report = game.engine.resolve(game.state, decision, game.engine.luck(game.seed)[game.turn - 1])
    before, after, d = report.before, report.after, report.drivers
    return Outlook(
        strengths={key: (getattr(before, key), getattr(after, key), d.strength_gains[key])
                   for key in ("content", "brand", "product", "price")},
        fade=game.scenario.market.strength_decay / 100.0,
        fans=(before.fans, after.fans),
        creators=(before.creators, after.creators),
        creators_joining=d.creators_joining,
        creators_leaving=d.creators_leaving,
    )


@dataclass(slots=True, frozen=True)
class Tip:
    """A piece of advice: which FACT principle, why now, and the figures behind it."""

    id: str
    """no_field, poor_fit, saturation, deep_discount, event_without_price, roi_over_gpm, weak_product."""
    principle: str
    """The principle's glossary key: field_is_the_base, fit, marginal_returns, quality_gmv,
    price_strength, gpm_over_roi."""
    values: dict = field(default_factory=dict)


def _no_field(reports: Sequence[TurnReport], game: Game) -> Tip | None:
    recent = reports[-2:]
    if len(recent) == 2 and all(r.decision.field == 0 for r in recent):
        return Tip("no_field", "field_is_the_base", {"turns": len(recent), "fans": recent[-1].after.fans,
                                                   "fan_gmv": recent[-1].fans.gmv})
    return None


def _poor_fit(reports: Sequence[TurnReport], game: Game) -> Tip | None:
    d = reports[-1].drivers
    if d.kol is not None and d.kol_fit < 0.5:
        better = [k for k in game.scenario.kols if game.engine.fit_of(k) > d.kol_fit + 0.2]
        best = max(better, key=game.engine.fit_of) if better else None
        return Tip("poor_fit", "fit", {"kol": d.kol, "fit": d.kol_fit,
                                       "better": best.id if best else None,
                                       "better_fit": game.engine.fit_of(best) if best else None})
    return None


def _saturation(reports: Sequence[TurnReport], game: Game) -> Tip | None:
    if game.finished:
        return None
    last = reports[-1].decision
    returns = marginal_returns(game, last)
    spent = [m for m in returns.values() if getattr(last, m.position) > 0 and m.position != "top_kol"]
    # (T is left out: its slices deepen one booking, a different question from saturation)
    if not spent or len(returns) < 2:
        return None
    worst = min(spent, key=lambda m: m.per_yuan)
    best = max(returns.values(), key=lambda m: m.per_yuan)
    # saturated: the next slice brings far less than the first slice on the same position did
    first = marginal_returns(game, last.replace(**{worst.position: 0}))[worst.position]
    saturated = worst.per_yuan < 0.6 * first.per_yuan
    if saturated and best.position != worst.position and worst.per_yuan < 0.5 * best.per_yuan:
        return Tip("saturation", "marginal_returns", {"saturated": worst.position, "saturated_per_yuan": worst.per_yuan,
                                                      "cheap": best.position, "cheap_per_yuan": best.per_yuan})
    return None


def _deep_discount(reports: Sequence[TurnReport], game: Game) -> Tip | None:
    r = reports[-1]
    threshold = game.scenario.market.discount_threshold
    if r.decision.discount > threshold:
        return Tip("deep_discount", "quality_gmv", {"discount": r.decision.discount, "threshold": threshold,
                                                    "refund_rate": r.drivers.refund_rate, "rating": r.after.rating})
    return None


def _weak_product(reports: Sequence[TurnReport], game: Game) -> Tip | None:
    r = reports[-1]
    if r.drivers.refund_product > 0.02 and r.decision.product == 0:
        return Tip("weak_product", "quality_gmv", {"product": r.after.product,
                                                   "line": game.scenario.market.quality_product,
                                                   "refund_product": r.drivers.refund_product})
    return None


def _event_without_price(reports: Sequence[TurnReport], game: Game) -> Tip | None:
    # looks at the event coming next turn (advice before it) or the one just played
    scenario = game.scenario
    upcoming = scenario.event_at(game.turn) if not game.finished else None
    last = reports[-1]
    if upcoming is not None and upcoming.competition >= 0.3 and game.state.price < 50:
        return Tip("event_without_price", "price_strength", {"event": upcoming.name, "price": game.state.price,
                                                              "competition": upcoming.competition, "coming": True})
    d = last.drivers
    if d.event is not None and last.decision.campaign > 0 and d.price_factor < 0.95:
        return Tip("event_without_price", "price_strength", {"event": d.event, "price": last.before.price,
                                                              "competition": d.competition, "coming": False,
                                                              "price_factor": d.price_factor})
    return None


def _roi_over_gpm(reports: Sequence[TurnReport], game: Game) -> Tip | None:
    recent = reports[-2:]
    if len(recent) < 2:
        return None
    no_building = all(r.decision.content + r.decision.product == 0 for r in recent)
    falling = recent[-1].after.pool < recent[0].before.pool
    if no_building and falling and recent[-1].gpm < game.scenario.market.gpm_benchmark:
        return Tip("roi_over_gpm", "gpm_over_roi", {"gpm": recent[-1].gpm, "benchmark": game.scenario.market.gpm_benchmark,
                                                    "pool": recent[-1].after.pool, "roi": recent[-1].roi})
    return None


TRIGGERS = (_deep_discount, _no_field, _poor_fit, _event_without_price, _roi_over_gpm, _weak_product, _saturation)
"""In order of priority: the first three that fire are shown."""


def coach(game: Game, previous: Sequence[str] = ()) -> list[Tip]:
    """At most three tips after the last played turn, never one of `previous` (the tips
    shown after the turn before), none when the scenario switches coaching off."""
    if not game.reports or not game.scenario.coaching:
        return []
    tips = []
    for trigger in TRIGGERS:
        tip = trigger(game.reports, game)
        if tip is not None and tip.id not in previous:
            tips.append(tip)
            if len(tips) == MAX_TIPS:
                break
    return tips
