"""Plans: a player's decisions for every turn, as a TOML file or built in code.

A plan file has a `[default]` table that applies to every turn and `[[turn]]` entries
that override the keys they name for one turn. A key left out means nothing spent.
`compile_plan` checks a plan against a scenario (budget, KOL ids, commission range)
and turns it into one `Decision` per turn, the form the engine takes.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from pydantic import BaseModel, ConfigDict, Field, field_validator

from trainer.core.problems import Said
from trainer.core.scenario import MAX_MONEY, POSITIONS, STRENGTHS, Scenario
from trainer.core.text import check_text_value

DECISION_KEYS: tuple[str, ...] = (*POSITIONS, *STRENGTHS, "kol", "commission", "discount", "providers")


@dataclass(slots=True, frozen=True)
class Decision:
    """What the player does in one turn. Money in yuan; commission and discount in percent.

    `kol` names the KOL to book with the `top_kol` money; None books the best-fitting
    KOL it affords. `commission` None offers the creator pool's default commission.
    `providers` are the ids of the service providers hired this turn.
    """

    field: int = 0
    alliance: int = 0
    campaign: int = 0
    top_kol: int = 0
    content: int = 0
    brand: int = 0
    product: int = 0
    price: int = 0
    kol: str | None = None
    commission: float | None = None
    discount: float = 0.0
    providers: tuple[str, ...] = ()

    @property
    def spend(self) -> int:
        """What this decision puts on the positions and strengths (fees of hired service
        providers come on top: see `cost`)."""
        return (
            self.field + self.alliance + self.campaign + self.top_kol
            + self.content + self.brand + self.product + self.price
        )

    def cost(self, scenario: Scenario) -> int:
        """Everything this decision takes from the turn's budget, provider fees included."""
        if not self.providers:
            return self.spend
        return self.spend + sum(p.fee for p in scenario.providers if p.id in self.providers)

    def replace(self, **changes) -> Decision:
        """A copy with some keys changed."""
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values.update(changes)
        return Decision(**values)

    def to_dict(self) -> dict:
        """The decision as plan-file keys, leaving out what is zero or unset."""
        out: dict = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value is None or value == 0 or value == ():
                continue
            out[f.name] = list(value) if isinstance(value, tuple) else value
        return out


class _DecisionKeys(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, use_attribute_docstrings=True)

    @field_validator("*", mode="after")
    @classmethod
    def _text_is_data(cls, value, info):
        return check_text_value(value, info.field_name)

    field: int | None = Field(None, ge=0, le=MAX_MONEY)
    """Yuan on F, self-broadcast."""
    alliance: int | None = Field(None, ge=0, le=MAX_MONEY)
    """Yuan on A, the creator alliance (samples, traffic support); commission is paid on sales."""
    campaign: int | None = Field(None, ge=0, le=MAX_MONEY)
    """Yuan on C, platform campaigns."""
    top_kol: int | None = Field(None, ge=0, le=MAX_MONEY)
    """Yuan on T, top KOLs: the slot fee and any deeper cooperation."""
    content: int | None = Field(None, ge=0, le=MAX_MONEY)
    """Yuan invested in content strength."""
    brand: int | None = Field(None, ge=0, le=MAX_MONEY)
    """Yuan invested in brand strength."""
    product: int | None = Field(None, ge=0, le=MAX_MONEY)
    """Yuan invested in product strength."""
    price: int | None = Field(None, ge=0, le=MAX_MONEY)
    """Yuan invested in price strength (supply chain, cost)."""
    kol: str | None = None
    """Id of the KOL to book; left out, the best-fitting one the money affords."""
    commission: float | None = Field(None, ge=0, le=100, allow_inf_nan=False)
    """Commission offered to creators, in percent."""
    discount: float | None = Field(None, ge=0, le=90, allow_inf_nan=False)
    """Discount off the list price this turn, in percent."""
    providers: list[str] | None = None
    """Ids of the service providers hired this turn (their fees come from the budget)."""


class DefaultDecision(_DecisionKeys):
    """Decisions for every turn unless a [[turn]] entry overrides them."""


class TurnDecision(_DecisionKeys):
    """Decisions for one turn; keys left out come from [default]."""

    turn: int = Field(ge=1)
    """Which turn this entry is for (1 is the first)."""


class Plan(BaseModel):
    """A plan file: [default] and [[turn]] overrides."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, use_attribute_docstrings=True)

    default: DefaultDecision = Field(default_factory=DefaultDecision)
    """Decisions for every turn."""
    turn: list[TurnDecision] = Field(default_factory=list)
    """Overrides for single turns."""


class PlanError(ValueError):
    """A plan that does not fit its scenario; `problems` lists each as (turn, key, Said): the
    presentation layer words them (trainer.ui.messages.said)."""

    def __init__(self, problems: list[tuple[int | None, str, Said]]):
        self.problems = problems
        super().__init__("; ".join(str(in_turn(turn, said)) for turn, _, said in problems))


def in_turn(turn: int | None, said: Said) -> Said:
    """A plan's problem with the turn it occurs in (itself when it belongs to no turn, or quotes its
    turn already)."""
    return Said("plan.turn", turn=turn, problem=said) if turn and "turn" not in said.values else said


def check_decision(scenario: Scenario, turn: int, decision: Decision,
                   budget: int | None = None) -> list[tuple[int | None, str, Said]]:
    """Every reason `decision` cannot be played in `turn` of `scenario`, as (turn, key, Said): what
    is wrong as a code and values, worded by the presentation layer.

    `budget` is the turn's budget when the caller already knows it (the engine does).
    """
    if budget is None:
        budget = scenario.budget_of(turn)
    spend = decision.spend
    if (spend <= budget and not decision.providers and decision.top_kol == 0 and decision.kol is None
            and decision.commission is None
            and 0 <= decision.discount <= 90 and min(decision.field, decision.alliance, decision.campaign,
                                                     decision.content, decision.brand, decision.product,
                                                     decision.price) >= 0):
        return []  # the common case, cheaply: bots check thousands of decisions
    problems: list[tuple[int | None, str, Said]] = []
    unknown = [p for p in decision.providers if scenario.provider(p) is None]
    if unknown:
        known = ", ".join(p.id for p in scenario.providers) or Said("plan.none_known")
        problems.append((turn, "providers", Said("plan.unknown_provider", id=unknown[0], known=known)))
    if len(set(decision.providers)) != len(decision.providers):
        problems.append((turn, "providers", Said("plan.provider_twice")))
    spend = decision.cost(scenario)
    if spend > budget:
        problems.append((turn, "budget", Said("plan.over_budget", spend=spend, budget=budget, over=spend - budget)))
    for key in (*POSITIONS, *STRENGTHS):
        if getattr(decision, key) < 0:
            problems.append((turn, key, Said("plan.negative", key=key, amount=getattr(decision, key))))
    if decision.kol is not None:
        kol = scenario.kol(decision.kol)
        if kol is None:
            known = ", ".join(k.id for k in scenario.kols) or Said("plan.none_known")
            problems.append((turn, "kol", Said("plan.unknown_kol", id=decision.kol, known=known)))
        elif 0 < decision.top_kol < kol.fee:
            problems.append((turn, "top_kol", Said("plan.kol_fee", kol=kol.name, fee=kol.fee, amount=decision.top_kol)))
    elif decision.top_kol > 0:
        if not scenario.kols:
            problems.append((turn, "top_kol", Said("plan.no_kols", amount=decision.top_kol)))
        else:
            cheapest = min(scenario.kols, key=lambda k: k.fee)
            if decision.top_kol < cheapest.fee:
                problems.append((turn, "top_kol", Said("plan.no_kol_affordable", amount=decision.top_kol,
                                                       kol=cheapest.name, fee=cheapest.fee)))
    if decision.commission is not None:
        low, high = scenario.creators.commission
        if not low <= decision.commission <= high:
            problems.append((turn, "commission", Said("plan.commission", value=f"{decision.commission:g}%",
                                                      low=f"{low:g}%", high=f"{high:g}%")))
    if not 0 <= decision.discount <= 90:
        problems.append((turn, "discount", Said("plan.discount", value=decision.discount)))
    return problems


def compile_plan(scenario: Scenario, plan: Plan) -> list[Decision]:
    """One Decision per turn of `scenario`, or PlanError listing every problem."""
    problems: list[tuple[int | None, str, Said]] = []
    overrides: dict[int, TurnDecision] = {}
    for entry in plan.turn:
        if entry.turn > scenario.turns:
            problems.append((entry.turn, "turn", Said("plan.turn_beyond", turn=entry.turn, id=scenario.id,
                                                       turns=scenario.turns)))
        elif entry.turn in overrides:
            problems.append((entry.turn, "turn", Said("plan.turn_twice", turn=entry.turn)))
        else:
            overrides[entry.turn] = entry
    base = plan.default.model_dump(exclude_none=True)
    decisions: list[Decision] = []
    for turn in range(1, scenario.turns + 1):
        values = dict(base)
        if turn in overrides:
            values.update(overrides[turn].model_dump(exclude_none=True, exclude={"turn"}))
        if "providers" in values:
            values["providers"] = tuple(values["providers"])
        decision = Decision(**values)
        problems.extend(check_decision(scenario, turn, decision))
        decisions.append(decision)
    if problems:
        raise PlanError(problems)
    return decisions


def plan_from_decisions(decisions: list[Decision]) -> dict:
    """A plan-file dictionary (for tomli-w) with one [[turn]] entry per turn."""
    return {"turn": [{"turn": i, **d.to_dict()} for i, d in enumerate(decisions, start=1)]}


def fit_to_budget(scenario: Scenario, turn: int, decision: Decision) -> Decision:
    """`decision` carried into `turn`, whose budget may be smaller: every amount scaled down
    by the same share so the whole fits, the commission, the discount and the KOL kept
    (a KOL whose fee no longer fits is dropped, and its money with it), providers kept
    while their fees fit. Unchanged when it already fits; always a decision the turn accepts
    (Decision() at worst)."""
    if not check_decision(scenario, turn, decision):
        return decision
    budget = scenario.budget_of(turn)
    hired: list[str] = []
    fees = 0
    for pid in decision.providers:
        provider = scenario.provider(pid)
        if provider is not None and fees + provider.fee <= budget:
            hired.append(pid)
            fees += provider.fee
    room = budget - fees
    share = min(1.0, room / decision.spend) if decision.spend > 0 else 1.0
    amounts = {key: int(getattr(decision, key) * share) for key in (*POSITIONS, *STRENGTHS)}
    candidate = decision.replace(**amounts, providers=tuple(hired))
    if check_decision(scenario, turn, candidate):
        # the KOL's slot no longer fits: its money is not spent
        candidate = candidate.replace(top_kol=0, kol=None)
    return candidate if not check_decision(scenario, turn, candidate) else Decision()
