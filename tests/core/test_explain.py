"""Reasons and changes: the engine's own numbers, adding up to what the turn shows."""

from __future__ import annotations

import pytest

from trainer.core.bots import balanced
from trainer.core.engine import Engine
from trainer.core.explain import changes, reasons
from trainer.core.plan import Decision


def two_turns(scenario, first, second):
    game = Engine(scenario).new_game()
    return game.step(first), game.step(second)


def test_changes_add_up_to_the_gmv_and_gpm_change(scenario):
    game = Engine(scenario).new_game()
    reports = [game.step(balanced(game)) for _ in range(min(4, scenario.turns))]
    for previous, report in zip(reports, reports[1:]):
        found = changes(previous, report)
        gross = sum(c.gmv for c in found if c.kind != "refunds")
        assert gross == pytest.approx(report.gmv - previous.gmv, rel=1e-9, abs=1e-6)
        assert sum(c.gpm for c in found) == pytest.approx(report.gpm - previous.gpm, rel=1e-9, abs=1e-9)
        assert [abs(c.gmv) for c in found] == sorted((abs(c.gmv) for c in found), reverse=True)


def test_a_spend_change_is_named_as_the_cause(scenario):
    budget = scenario.budget_of(1)
    a, b = two_turns(scenario, Decision(field=budget // 4), Decision(field=budget // 2))
    field = next(c for c in changes(a, b) if c.position == "field")
    assert field.cause == "spend" and field.gmv > 0
    assert field.values["spend_after"] == 2 * field.values["spend_before"]


def test_a_discount_shows_as_refunds_and_conversion(scenario):
    budget = scenario.budget_of(1)
    a, b = two_turns(scenario, Decision(field=budget // 2), Decision(field=budget // 2, discount=60))
    found = {c.kind if c.kind != "position" else c.position: c for c in changes(a, b)}
    assert found["refunds"].gmv < 0
    assert found["field"].values["gpm_after"] != found["field"].values["gpm_before"]


def test_reasons_are_sorted_and_signed(scenario):
    game = Engine(scenario).new_game()
    report = game.step(balanced(game))
    found = reasons(report)
    assert found and [abs(r.gmv) for r in found] == sorted((abs(r.gmv) for r in found), reverse=True)
    assert any(r.kind == "refunds" and r.gmv < 0 for r in found)
