"""Lesson 11: any valid input gives finite, non-negative figures (property tests)."""

from __future__ import annotations

import math

import annotated_types
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trainer.core.engine import Engine, State
from trainer.core.plan import Decision, check_decision
from trainer.core.scenario import MAX_MONEY, POSITIONS, Creators, Market, PositionParams, Scenario
from trainer.core.scoring import score

money = st.integers(min_value=0, max_value=MAX_MONEY)
unit = st.floats(min_value=0, max_value=1, allow_nan=False)
strength = st.floats(min_value=0, max_value=100, allow_nan=False)


def _bounds(info):
    """(low, high, strict low) of a numeric pydantic field, from its Field constraints."""
    low, high, strict = None, None, False
    for item in info.metadata:
        if isinstance(item, annotated_types.Ge):
            low = item.ge
        elif isinstance(item, annotated_types.Gt):
            low, strict = item.gt, True
        elif isinstance(item, annotated_types.Le):
            high = item.le
        elif isinstance(item, annotated_types.Lt):
            high = item.lt * 0.999
    return low, high, strict


def params(model, skip=()):
    """Any valid values of a model's numeric parameters, each drawn within its own declared
    range (so a parameter added to the model is covered without touching this test)."""
    fields = {}
    for name, info in model.model_fields.items():
        if name in skip or info.annotation not in (float, int, "float", "int"):
            continue
        low, high, strict = _bounds(info)
        if low is None or high is None:
            continue
        if info.annotation in (int, "int"):
            fields[name] = st.integers(min_value=int(low) + (1 if strict else 0), max_value=int(high))
        else:
            fields[name] = st.floats(min_value=low, max_value=high, allow_nan=False, exclude_min=strict)
    return st.fixed_dictionaries({}, optional=fields)


def position(name):
    return params(PositionParams)


@st.composite
def scenarios(draw):
    turns = draw(st.integers(min_value=1, max_value=8))
    budget = draw(st.one_of(money, st.lists(money, min_size=turns, max_size=turns)))
    kols = draw(st.lists(st.fixed_dictionaries({
        "fee": st.integers(min_value=1, max_value=MAX_MONEY),
        "audience": st.integers(min_value=1, max_value=MAX_MONEY),
        "categories": st.lists(st.sampled_from(["tea", "dairy", "beauty"]), max_size=2),
        "tone": st.sampled_from(["everyday", "premium"]),
        "commission": st.floats(min_value=0, max_value=100, allow_nan=False),
    }), max_size=3))
    for i, kol in enumerate(kols):
        kol.update(id=f"k{i}", name=f"K{i}")
    low = draw(st.floats(min_value=0, max_value=100, allow_nan=False))
    high = draw(st.floats(min_value=low, max_value=100, allow_nan=False))
    data = {
        "id": "prop", "title": "Property", "turns": turns, "budget": budget,
        "brand": {
            "name": "B", "category": draw(st.sampled_from(["tea", "dairy"])),
            "price": draw(st.integers(min_value=1, max_value=1_000_000)),
            "margin": draw(st.floats(min_value=0, max_value=100, allow_nan=False)),
            "fans": draw(money),
            "rating": draw(st.floats(min_value=1, max_value=5, allow_nan=False)),
            "awareness": draw(strength),
            "strengths": {k: draw(strength) for k in ("content", "brand", "product", "price")},
            "tags": draw(st.floats(min_value=0.2, max_value=1, allow_nan=False)),
        },
        "market": {
            **draw(params(Market)),
            **{p: draw(position(p)) for p in ("field", "alliance", "campaign")},
        },
        "events": [{"name": "E", "turns": [draw(st.integers(min_value=1, max_value=turns))],
                    "traffic": draw(st.floats(min_value=1, max_value=50, allow_nan=False)),
                    "competition": draw(unit)}] if draw(st.booleans()) else [],
        "kols": kols,
        "creators": {"count": draw(st.integers(min_value=0, max_value=1_000_000)),
                     "commission": [low, high], "default_commission": low,
                     "reach": draw(money), "match": draw(unit),
                     **draw(params(Creators, skip=("count", "reach", "match", "default_commission")))},
        "objectives": [{"metric": m, "stars": [1.0, 2.0]} for m in ("gmv", "profit", "gpm")],
    }
    return Scenario.model_validate(data)


@st.composite
def decision_for(draw, scenario: Scenario, turn: int):
    budget = scenario.budget_of(turn)
    keys = [*POSITIONS, "content", "brand", "product", "price"]
    cuts = sorted(draw(st.lists(st.integers(min_value=0, max_value=budget), min_size=len(keys), max_size=len(keys))))
    amounts = dict(zip(keys, [b - a for a, b in zip([0, *cuts], cuts)]))
    kol = None
    if scenario.kols and draw(st.booleans()):
        k = draw(st.sampled_from(scenario.kols))
        if k.fee <= budget:
            kol = k.id
            shift = max(0, k.fee - amounts["top_kol"])
            amounts["top_kol"] += shift
            amounts["field"] = max(0, amounts["field"] - shift)
            over = sum(amounts.values()) - budget
            for key in keys:
                if over <= 0:
                    break
                if key == "top_kol":
                    continue
                cut = min(over, amounts[key])
                amounts[key] -= cut
                over -= cut
    low, high = scenario.creators.commission
    decision = Decision(**amounts, kol=kol,
                        commission=draw(st.floats(min_value=low, max_value=high, allow_nan=False)),
                        discount=draw(st.floats(min_value=0, max_value=90, allow_nan=False)))
    if check_decision(scenario, turn, decision):
        decision = decision.replace(top_kol=0, kol=None)
        if check_decision(scenario, turn, decision):
            decision = Decision()
    return decision


def assert_sane(report):
    figures = {
        "gmv": report.gmv, "impressions": report.impressions, "orders": report.orders,
        "refunds": report.refunds, "net_gmv": report.net_gmv, "spend": report.spend,
        "commissions": report.commissions, "cost_of_goods": report.cost_of_goods,
        "gpm": report.gpm, "roi": report.roi,
        "recommended": report.recommended.gmv, "fans_gmv": report.fans.gmv,
    }
    for name, ch in report.channels.items():
        for attr in ("spend", "impressions", "orders", "gmv", "commission", "carryover_impressions",
                     "gpm", "roi"):
            figures[f"{name}.{attr}"] = getattr(ch, attr)
    for slot in State.__slots__:
        value = getattr(report.after, slot)
        if isinstance(value, float):
            figures[f"after.{slot}"] = value
    for name, value in figures.items():
        assert math.isfinite(value) and value >= 0, (name, value)
    assert math.isfinite(report.profit)
    assert 0 <= report.after.content <= 100 and 1 <= report.after.rating <= 5
    assert report.net_gmv <= report.gmv


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_any_valid_input_gives_finite_non_negative_figures(data):
    scenario = data.draw(scenarios())
    game = Engine(scenario).new_game(data.draw(st.integers(min_value=0, max_value=2**63 - 1)))
    while not game.finished:
        assert_sane(game.step(data.draw(decision_for(scenario, game.turn))))
    result = score(scenario, game.reports)
    assert math.isfinite(result.score) and result.score >= 0 and 0 <= result.stars <= 3


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_plan_carried_into_a_week_always_fits_it(data):
    # the cockpit carries last week's plan into the next week, whose budget may be smaller
    from trainer.core.plan import fit_to_budget

    scenario = data.draw(scenarios())
    turn = data.draw(st.integers(min_value=1, max_value=scenario.turns))
    earlier = data.draw(st.integers(min_value=1, max_value=scenario.turns))
    decision = data.draw(decision_for(scenario, earlier))
    carried = fit_to_budget(scenario, turn, decision)
    assert not check_decision(scenario, turn, carried)
    if not check_decision(scenario, turn, decision):
        assert carried == decision  # a plan that fits is kept as it is
    elif carried != Decision():
        assert carried.commission == decision.commission and carried.discount == decision.discount
        for key in ("field", "alliance", "campaign", "content", "brand", "product", "price"):
            assert getattr(carried, key) <= getattr(decision, key)
