"""What a scenario is about, as Rich text: shared by the picker and the briefing."""

from __future__ import annotations

from rich.cells import set_cell_size
from rich.text import Text

from trainer.core.scenario import STRENGTHS, Scenario, kol_fit
from trainer.ui import messages as M


def budget_text(scenario: Scenario) -> str:
    """The weekly budget: one amount, or the lowest and highest."""
    budgets = scenario.budgets
    low, high = min(budgets), max(budgets)
    return M.money(low) if low == high else f"{M.money(low)}–{M.money(high)}"


def facts(scenario: Scenario) -> str:
    """Difficulty, length and budget on one line."""
    return M.PICKER_FACTS.format(difficulty=M.DIFFICULTY.get(scenario.difficulty, scenario.difficulty),
                                 turns=scenario.turns, budget=budget_text(scenario))


def teaches(scenario: Scenario) -> Text:
    """What the scenario teaches, one bullet each."""
    out = Text()
    out.append(M.PICKER_TEACHES + "\n", style="bold")
    for line in scenario.teaches:
        out.append(f" • {line}\n")
    return out


def objectives(scenario: Scenario) -> Text:
    """Objectives with their star thresholds."""
    out = Text()
    out.append(M.BRIEF_OBJECTIVES + "\n", style="bold")
    for o in scenario.objectives:
        out.append(f" • {M.objective_title(o)}\n")
        out.append(f"   {M.stars(len(o.stars), len(o.stars))} {M.thresholds(o.metric, o.stars)}\n", style="dim")
    return out


def strengths(scenario: Scenario) -> Text:
    """Starting strengths as bars, with fans, rating and awareness."""
    b = scenario.brand
    out = Text()
    out.append(M.BRIEF_STRENGTHS + "\n", style="bold")
    for key in STRENGTHS:
        value = getattr(b.strengths, key)
        filled = int(round(value / 100 * 12))
        out.append(f" {set_cell_size(M.STRENGTH_NAME[key], 8)} ")  # cells, not characters: 内容力 is 6 wide
        out.append("█" * filled, style="green")
        out.append("░" * (12 - filled), style="dim")
        out.append(f" {M.level(value)}\n")
    out.append(" " + M.BRIEF_STATE.format(fans=M.money(b.fans), rating=M.rating(b.rating),
                                          awareness=M.level(b.awareness)) + "\n")
    out.append(" " + M.BRIEF_PRICE.format(price=M.money(b.price), margin=M.percent_value(b.margin)) + "\n")
    return out


def calendar(scenario: Scenario) -> Text:
    """The platform events, week by week."""
    out = Text()
    out.append(M.BRIEF_CALENDAR + "\n", style="bold")
    if not scenario.events:
        out.append(" " + M.BRIEF_NO_EVENTS + "\n", style="dim")
    for e in sorted(scenario.events, key=lambda e: min(e.turns)):
        out.append(" • " + M.BRIEF_EVENT.format(weeks=M.weeks(sorted(e.turns)), name=e.name,
                                                reach=M.times(scenario.campaign_reach(e)),
                                                competition=M.ratio(e.competition))
                   + "\n")
    return out


def kols(scenario: Scenario) -> Text:
    """The KOL roster with fee and fit."""
    out = Text()
    if not scenario.kols:
        return out
    out.append(M.BRIEF_KOLS + "\n", style="bold")
    for k in scenario.kols:
        out.append(" • " + M.BRIEF_KOL.format(name=k.name, fee=M.money(k.fee),
                                              fit=M.ratio(kol_fit(scenario.brand, k))) + "\n")
    return out
