"""Why a turn came out as it did: the engine's drivers as reasons, largest first.

Each Reason names a cause (a `kind` the UI's message catalog turns into words), its
size in yuan of GMV (negative where it took GMV away) and the figures the sentence
needs. The sizes are attributions from the engine's own numbers, not new guesses:
e.g. the pool's share of recommended GMV is what the pool level added above level 1.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from trainer.core.engine import KOL_FATIGUE, TurnReport
from trainer.core.scenario import POSITIONS


@dataclass(slots=True, frozen=True)
class Reason:
    """One cause of a turn's figures."""

    kind: str
    """What happened: pool, saturation, carryover, event, price_competition, refunds,
    throttle, fans, kol_fit, kol_fatigue, provider, discount, auction or luck."""
    gmv: float
    """Yuan of GMV this cause added (negative: took away)."""
    values: dict = field(default_factory=dict)
    """The figures a sentence about it needs (percentages as fractions)."""
    position: str | None = None
    """The position it concerns, if one."""


def _share(total: float, factor: float) -> float:
    """The part of `total` that a multiplier `factor` added (negative if it took away)."""
    if factor <= 0:
        return -total
    return total * (1.0 - 1.0 / factor)


def reasons(report: TurnReport) -> list[Reason]:
    """The causes of a turn's GMV, largest in size first."""
    d = report.drivers
    ch = report.channels
    out: list[Reason] = []

    rec = report.recommended
    if rec.gmv > 0 and d.pool_before != 1.0:
        out.append(Reason("pool", _share(rec.gmv, d.pool_before),
                          {"pool": d.pool_before, "change": d.pool_change, "signal": d.gpm_signal}))
    if report.fans.gmv > 0:
        out.append(Reason("fans", report.fans.gmv,
                          {"fans": report.before.fans, "activity": d.fan_activity}))
    for name in POSITIONS:
        c = ch[name]
        if c.saturation_loss > 0 and c.spend > 0:
            out.append(Reason("saturation", -c.saturation_loss, {"spend": c.spend}, name))
        if c.carryover_impressions > 0 and c.impressions > 0:
            out.append(Reason("carryover", c.gmv * c.carryover_impressions / c.impressions,
                              {"impressions": c.carryover_impressions}, name))
    if d.event is not None and ch["campaign"].gmv > 0:
        out.append(Reason("event", _share(ch["campaign"].gmv, d.campaign_multiplier),
                          {"event": d.event, "multiplier": d.campaign_multiplier, "competition": d.competition},
                          "campaign"))
        if d.price_factor != 1.0:
            out.append(Reason("price_competition", _share(ch["campaign"].gmv, d.price_factor),
                              {"event": d.event, "factor": d.price_factor, "competition": d.competition},
                              "campaign"))
    if report.refunds > 0:
        out.append(Reason("refunds", -report.refunds,
                          {"rate": d.refund_rate, "base": d.refund_base, "product": d.refund_product,
                           "discount": d.refund_discount}))
    if d.throttle < 1.0 and report.impressions > 0:
        lost = d.throttled_impressions * report.gpm / 1000.0
        out.append(Reason("throttle", -lost, {"throttle": d.throttle, "rating": report.before.rating}))
    t = ch["top_kol"]
    if d.kol is not None and t.gmv > 0:
        # against an average fit of 0.5: conversion scales with 0.3 + fit
        out.append(Reason("kol_fit", _share(t.gmv, (0.3 + d.kol_fit) / 0.8), {"kol": d.kol, "fit": d.kol_fit},
                          "top_kol"))
        if d.kol_fatigue > 0:
            fresh = t.gmv * (1.0 - t.carryover_impressions / t.impressions)
            out.append(Reason("kol_fatigue", -fresh * KOL_FATIGUE * d.kol_fatigue, {"fatigue": d.kol_fatigue}, "top_kol"))
    for position, factor in (("field", d.provider_field), ("alliance", d.provider_alliance)):
        if factor != 1.0 and ch[position].gmv > 0:
            out.append(Reason("provider", _share(ch[position].gmv, factor),
                              {"providers": list(report.decision.providers), "factor": factor}, position))
    if d.discount_orders != 1.0:
        paid = report.gmv
        price_cut = 1.0 - report.decision.discount / 100.0
        out.append(Reason("discount", _share(paid, d.discount_orders * price_cut),
                          {"discount": report.decision.discount / 100.0, "orders": d.discount_orders}))
    paid_gmv = ch["field"].gmv + ch["alliance"].gmv + ch["campaign"].gmv  # T's reach is its audience
    if d.auction != 1.0 and paid_gmv > 0:
        out.append(Reason("auction", _share(paid_gmv, d.auction), {"auction": d.auction, "signal": d.gpm_signal}))
    if d.luck != 1.0:
        out.append(Reason("luck", _share(report.gmv, d.luck), {"luck": d.luck}))
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
    """Its part of the change in the turn's GPM (the parts add up to the whole change)."""
    cause: str
    """What moved it most: spend, reach (carryover, auction, event, throttle on the same spend),
    conversion (strengths, fit, discount, luck), pool, fans, activity, or refunds."""
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
        if abs(reach) >= abs(conversion):
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
    out.append(Change("fans", b.gmv - a.gmv, gpm_part(a.gmv, b.gmv),
                      "fans" if abs(report.before.fans - previous.before.fans) / max(1.0, previous.before.fans)
                      >= abs(report.drivers.fan_activity - previous.drivers.fan_activity) else "activity", {
                          "fans_before": previous.before.fans, "fans_after": report.before.fans,
                          "activity_before": previous.drivers.fan_activity,
                          "activity_after": report.drivers.fan_activity,
                      }))
    if previous.refunds or report.refunds:
        out.append(Change("refunds", previous.refunds - report.refunds, 0.0, "refunds", {
            "rate_before": previous.drivers.refund_rate, "rate_after": report.drivers.refund_rate,
        }))
    out.sort(key=lambda c: -abs(c.gmv))
    return out
