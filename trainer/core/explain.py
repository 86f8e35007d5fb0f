"""Why a turn came out as it did: every large cause, sized by replaying the week without it.

Each Reason names a cause (a `kind` the UI's message catalog turns into words), its
size in yuan of GMV (negative where it took GMV away) and the figures the sentence
needs. A reason's size is its counterfactual effect: the engine replays the same week,
from the same state with the same luck, with that one cause taken away (strengths at
the average 50, no awareness, no discount, an average-fit KOL, clear tags, no fans, no
penalty, no event, pool level 1, ...), and the difference in GMV is what the cause did.
The effects overlap, so they need not add up to the week's GMV; the changes since last
week (`changes`) are the parts that do add up.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from trainer.core.engine import TurnReport
from trainer.core.scenario import POSITIONS

NAMED_SHARE = 0.02
"""A cause is named when its effect is at least this share of the week's GMV (the issue's
promise is every cause above 5%; smaller ones are named too, down to this)."""


@dataclass(slots=True, frozen=True)
class Reason:
    """One cause of a turn's figures."""

    kind: str
    """What happened: strengths, awareness, pool, tags, fans, carryover, event,
    price_competition, discount, kol_fit, kol_fatigue, throttle, provider, auction, luck,
    started, stopped, or refunds (the step from GMV to GMV after refunds)."""
    gmv: float
    """Yuan of GMV this cause added (negative: took away)."""
    values: dict = field(default_factory=dict)
    """The figures a sentence about it needs (percentages as fractions)."""
    position: str | None = None
    """The position it concerns, if one."""


def _replay(report: TurnReport, state=None, decision=None, luck=None, overrides=frozenset()) -> TurnReport:
    return report.engine.resolve(state if state is not None else report.before,
                                 decision if decision is not None else report.decision,
                                 luck if luck is not None else report.luck, overrides)


def _no_kol(decision):
    return decision.replace(top_kol=0, kol=None)


def counterfactuals(report: TurnReport, previous: TurnReport | None = None) -> list[tuple[Reason, TurnReport]]:
    """Every cause that applies to this week, each with the week replayed without it."""
    st, d, dr = report.before, report.decision, report.drivers
    out: list[tuple[Reason, TurnReport]] = []

    def add(kind: str, values: dict, replayed: TurnReport, position: str | None = None) -> None:
        out.append((Reason(kind, report.gmv - replayed.gmv, values, position), replayed))

    strengths = st.strengths()
    if any(v != 50.0 for v in strengths.values()):
        add("strengths", {"strengths": strengths},
            _replay(report, state=st.copy(content=50.0, brand=50.0, product=50.0, price=50.0)))
    if st.awareness > 0:
        add("awareness", {"awareness": st.awareness, "factor": dr.awareness_factor},
            _replay(report, state=st.copy(awareness=0.0)))
    if st.pool != 1.0:
        add("pool", {"pool": st.pool, "change": dr.pool_change, "signal": dr.gpm_signal},
            _replay(report, state=st.copy(pool=1.0)))
    if st.tags < 1.0:
        add("tags", {"tags": st.tags, "mismatch": dr.mismatch}, _replay(report, state=st.copy(tags=1.0)))
    if st.fans > 0:
        add("fans", {"fans": st.fans, "activity": dr.fan_activity}, _replay(report, state=st.copy(fans=0.0)))
    if st.penalty > 0:
        add("throttle", {"throttle": dr.throttle, "rating": st.rating}, _replay(report, state=st.copy(penalty=0.0)))
    if st.adstock_field or st.adstock_alliance or st.adstock_campaign or st.kol_impressions:
        add("carryover", {"impressions": sum(c.carryover_impressions for c in report.channels.values())},
            _replay(report, state=st.copy(adstock_field=0.0, adstock_alliance=0.0, adstock_campaign=0.0,
                                          kol_impressions=0.0)))
    if st.last_gpm is not None and dr.auction != 1.0:
        add("auction", {"auction": dr.auction, "signal": dr.gpm_signal}, _replay(report, state=st.copy(last_gpm=None)))
    if dr.event is not None:
        add("event", {"event": dr.event, "multiplier": dr.campaign_multiplier, "competition": dr.competition},
            _replay(report, overrides=frozenset({"no_event"})), "campaign")
        if dr.price_factor != 1.0:
            add("price_competition", {"event": dr.event, "factor": dr.price_factor, "competition": dr.competition},
                _replay(report, overrides=frozenset({"neutral_price_check"})), "campaign")
    if d.discount > 0:
        add("discount", {"discount": d.discount / 100.0, "orders": dr.discount_orders,
                         "refunds": dr.refund_discount},
            _replay(report, decision=d.replace(discount=0.0)))
    if dr.kol is not None:
        add("kol_fit", {"kol": dr.kol, "fit": dr.kol_fit}, _replay(report, overrides=frozenset({"average_fit"})),
            "top_kol")
        if dr.kol_fatigue > 0:
            add("kol_fatigue", {"fatigue": dr.kol_fatigue}, _replay(report, state=st.copy(kol_fatigue=0.0)), "top_kol")
    if d.providers:
        for position, factor in (("field", dr.provider_field), ("alliance", dr.provider_alliance)):
            if factor != 1.0:
                kept = tuple(p for p in d.providers if report.engine.scenario.provider(p).position != position)
                add("provider", {"providers": list(d.providers), "factor": factor},
                    _replay(report, decision=d.replace(providers=kept)), position)
    if dr.luck != 1.0:
        add("luck", {"luck": dr.luck}, _replay(report, luck=(1.0,) * len(report.luck)))
    if previous is not None:
        before = previous.decision
        for position in POSITIONS:
            now, then = getattr(d, position), getattr(before, position)
            if now > 0 and then == 0:
                without = _no_kol(d) if position == "top_kol" else d.replace(**{position: 0})
                add("started", {"spend": now}, _replay(report, decision=without), position)
            elif now == 0 and then > 0:
                kept = d.replace(**{position: then})
                if position == "top_kol":
                    kept = kept.replace(kol=before.kol)
                add("stopped", {"spend": then}, _replay(report, decision=kept), position)
    return out


def reasons(report: TurnReport, previous: TurnReport | None = None) -> list[Reason]:
    """The causes of a turn's GMV, largest in size first: every cause whose effect is at
    least NAMED_SHARE of the week's GMV, and the refunds between GMV and GMV after refunds.
    With `previous` (last week's report), a position that started or stopped is a cause too."""
    floor = NAMED_SHARE * abs(report.gmv)
    out = [reason for reason, _ in counterfactuals(report, previous) if abs(reason.gmv) >= floor and reason.gmv != 0]
    d = report.drivers
    if report.refunds > 0:
        out.append(Reason("refunds", -report.refunds,
                          {"rate": d.refund_rate, "base": d.refund_base, "product": d.refund_product,
                           "discount": d.refund_discount}))
    out.sort(key=lambda r: -abs(r.gmv))
    return out


@dataclass(slots=True, frozen=True)
class Change:
    """How one source of sales moved from one turn to the next."""

    kind: str
    """position (one of F A C T: see `position`), recommended, fans, or refunds."""
    gmv: float
    """Its change in GMV, yuan (for refunds: the change in what refunds took, as GMV kept)."""
    gpm: float
    """Its part of the change in the turn's GPM, net of refunds (the parts add up to the whole change)."""
    cause: str
    """What moved it most: started or stopped (a position that began or ended spending),
    spend, reach (carryover, auction, event, throttle on the same spend), conversion
    (strengths, fit, discount, luck), pool, fans, activity, event (fans buying with an
    event's traffic), or refunds."""
    values: dict = field(default_factory=dict)
    position: str | None = None


def _split(before_impr: float, after_impr: float, before_gmv: float, after_gmv: float) -> tuple[float, float]:
    """A GMV change split into its reach part and its conversion part (they add up)."""
    gpm_before = before_gmv / before_impr if before_impr > 0 else 0.0
    reach = (after_impr - before_impr) * gpm_before
    return reach, (after_gmv - before_gmv) - reach


def changes(previous: TurnReport, report: TurnReport) -> list[Change]:
    """Why GMV and GPM moved since the previous turn: one Change per source, largest first."""
    out: list[Change] = []
    total_before, total_after = previous.impressions, report.impressions

    def gpm_part(gmv_before: float, gmv_after: float) -> float:
        before = gmv_before / total_before * 1000.0 if total_before > 0 else 0.0
        after = gmv_after / total_after * 1000.0 if total_after > 0 else 0.0
        return after - before

    for name in POSITIONS:
        a, b = previous.channels[name], report.channels[name]
        if a.gmv == 0 and b.gmv == 0:
            continue
        reach, conversion = _split(a.impressions, b.impressions, a.gmv, b.gmv)
        if a.spend == 0 and b.spend > 0:
            cause = "started"
        elif b.spend == 0 and a.spend > 0:
            cause = "stopped"
        elif abs(reach) >= abs(conversion):
            cause = "spend" if a.spend != b.spend else "reach"
        else:
            cause = "conversion"
        out.append(Change("position", b.gmv - a.gmv, gpm_part(a.gmv, b.gmv), cause, {
            "spend_before": a.spend, "spend_after": b.spend,
            "impressions_before": a.impressions, "impressions_after": b.impressions,
            "gpm_before": a.gpm, "gpm_after": b.gpm,
            "factor_before": a.conversion_factor, "factor_after": b.conversion_factor,
            "reach_part": reach, "conversion_part": conversion,
        }, name))
    a, b = previous.recommended, report.recommended
    reach, conversion = _split(a.impressions, b.impressions, a.gmv, b.gmv)
    out.append(Change("recommended", b.gmv - a.gmv, gpm_part(a.gmv, b.gmv),
                      "pool" if abs(reach) >= abs(conversion) else "conversion", {
                          "pool_before": previous.drivers.pool_before, "pool_after": report.drivers.pool_before,
                          "impressions_before": a.impressions, "impressions_after": b.impressions,
                          "throttle_before": previous.drivers.throttle, "throttle_after": report.drivers.throttle,
                      }))
    a, b = previous.fans, report.fans
    # the cause is what moved the same way as the fans' GMV, the larger move of the two: more
    # fans with a quieter live room can sell less, and saying "more fans" beside a loss misleads
    # (an event's traffic brings fans back to buy too, and its end takes them away)
    moves = ((report.before.fans - previous.before.fans) / max(1.0, previous.before.fans), "fans"), (
        (report.drivers.fan_activity - previous.drivers.fan_activity) / max(1e-9, previous.drivers.fan_activity),
        "activity"), (
        (report.drivers.event_traffic - previous.drivers.event_traffic) / max(1e-9, previous.drivers.event_traffic),
        "event")
    agreeing = [(abs(move), cause) for move, cause in moves if move * (b.gmv - a.gmv) > 0]
    out.append(Change("fans", b.gmv - a.gmv, gpm_part(a.gmv, b.gmv),
                      max(agreeing)[1] if agreeing else "conversion", {
                          "fans_before": previous.before.fans, "fans_after": report.before.fans,
                          "activity_before": previous.drivers.fan_activity,
                          "activity_after": report.drivers.fan_activity,
                          "event_before": previous.drivers.event_traffic, "event_after": report.drivers.event_traffic,
                      }))
    if previous.refunds or report.refunds:
        # GPM is read net of refunds: their part of its change is what they took, per 1,000
        out.append(Change("refunds", previous.refunds - report.refunds, -gpm_part(previous.refunds, report.refunds), "refunds", {
            "rate_before": previous.drivers.refund_rate, "rate_after": report.drivers.refund_rate,
        }))
    out.sort(key=lambda c: -abs(c.gmv))
    return out
