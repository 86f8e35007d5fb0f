"""The turn's drivers (trainer.core.explain.Reason) as sentences from the catalog."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from trainer.core.explain import Reason
from trainer.core.scenario import Scenario
from trainer.ui import messages as M

R = M.REASON


def _position(name: str | None) -> str:
    if name is None:
        return ""
    return f"{M.POSITION_LETTER[name]} ({M.POSITION_NAME[name].lower()})"


def sentence(reason: Reason, scenario: Scenario) -> str:
    """One reason in plain words, with the figures the core gave."""
    v = reason.values
    kind = reason.kind
    if kind == "pool":
        signal = v.get("signal")
        if signal is None:
            return R["pool_level"].format(pool=M.times(v["pool"]))
        key = "pool_up" if signal >= 1.0 else "pool_down"
        return R[key].format(pool=M.times(v["pool"]), signal=M.times(signal))
    if kind == "fans":
        return R["fans"].format(fans=M.money(v["fans"]), activity=M.pct(v["activity"]))
    if kind == "saturation":
        return R["saturation"].format(position=_position(reason.position), spend=M.money(v["spend"]))
    if kind == "carryover":
        return R["carryover"].format(position=_position(reason.position), impressions=M.money(v["impressions"]))
    if kind == "event":
        return R["event"].format(event=v["event"], multiplier=M.times(v["multiplier"]))
    if kind == "price_competition":
        key = "price_competition_up" if v["factor"] >= 1.0 else "price_competition_down"
        return R[key].format(event=v["event"], factor=M.times(v["factor"]))
    if kind == "refunds":
        parts = []
        if v.get("product"):
            parts.append(R["refunds_product"].format(x=M.pct(v["product"], 1)))
        if v.get("discount"):
            parts.append(R["refunds_discount"].format(x=M.pct(v["discount"], 1)))
        return R["refunds"].format(rate=M.pct(v["rate"], 1), parts=f" ({', '.join(parts)})" if parts else "")
    if kind == "throttle":
        return R["throttle"].format(throttle=M.pct(v["throttle"]), rating=M.rating(v["rating"]))
    if kind == "kol_fit":
        kol = scenario.kol(v["kol"])
        key = "kol_fit_good" if v["fit"] >= 0.5 else "kol_fit_poor"
        return R[key].format(kol=kol.name if kol else v["kol"], fit=M.ratio(v["fit"]))
    if kind == "kol_fatigue":
        return R["kol_fatigue"].format(fatigue=M.ratio(v["fatigue"]))
    if kind == "discount":
        return R["discount"].format(discount=M.pct(v["discount"]), orders=M.times(v["orders"]))
    if kind == "auction":
        key = "auction_up" if v["auction"] >= 1.0 else "auction_down"
        return R[key].format(auction=M.times(v["auction"]))
    if kind == "luck":
        return R["luck"].format(luck=M.times(v["luck"]))
    return kind


def reasons_table(reasons: list[Reason], scenario: Scenario, limit: int | None = None) -> Table | Text:
    """The reasons, largest first: signed GMV in colour, then the sentence."""
    if not reasons:
        return Text(M.RESULTS_NO_REASONS, style="dim")
    table = Table.grid(padding=(0, 1), expand=True)
    table.add_column(justify="right", no_wrap=True)
    table.add_column(ratio=1)
    for reason in reasons[:limit]:
        style = "green" if reason.gmv >= 0 else "red"
        table.add_row(Text(M.signed_money(reason.gmv), style=f"bold {style}"), sentence(reason, scenario))
    return table
