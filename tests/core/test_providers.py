"""Service providers: agencies hired for F or A bring reach and conversion for a fee."""

from __future__ import annotations

import pytest

from trainer.core.engine import Engine
from trainer.core.library import find
from trainer.core.plan import Decision, PlanError, check_decision
from trainer.core.scenario import Provider


def with_providers():
    scenario, _ = find("dairy-gpm")
    return scenario.model_copy(update={"providers": [
        Provider(id="live-ops", name="Live Ops", position="field", fee=10000, reach=1.3, conversion=1.1, track="dairy"),
        Provider(id="matcher", name="Matcher", position="alliance", fee=8000, reach=1.4, conversion=1.05),
        Provider(id="fashion-ops", name="Fashion Ops", position="field", fee=10000, reach=1.3, conversion=1.1,
                 track="apparel"),
    ]})


def test_a_provider_lifts_its_position_and_costs_its_fee():
    scenario = with_providers()
    game = Engine(scenario).new_game()
    plain = game.preview(Decision(field=40000))
    hired = game.preview(Decision(field=40000, providers=("live-ops",)))
    assert hired.channels["field"].gmv > plain.channels["field"].gmv * 1.3
    assert hired.spend == plain.spend + 10000
    assert hired.channels["alliance"].gmv == pytest.approx(plain.channels["alliance"].gmv)
    assert any(r.kind == "provider" for r in __import__("trainer.core.explain", fromlist=["reasons"]).reasons(hired))


def test_an_alliance_provider_grows_the_creator_pool():
    game = Engine(with_providers()).new_game()
    plain = game.preview(Decision(alliance=20000))
    hired = game.preview(Decision(alliance=20000, providers=("matcher",)))
    assert hired.after.creators > plain.after.creators
    assert hired.channels["alliance"].gmv > plain.channels["alliance"].gmv


def test_an_agency_off_its_track_brings_less():
    game = Engine(with_providers()).new_game()
    on_track = game.preview(Decision(field=40000, providers=("live-ops",))).channels["field"].gmv
    off_track = game.preview(Decision(field=40000, providers=("fashion-ops",))).channels["field"].gmv
    plain = game.preview(Decision(field=40000)).channels["field"].gmv
    assert plain < off_track < on_track


def test_fees_count_against_the_budget_and_ids_are_checked():
    scenario = with_providers()
    budget = scenario.budget_of(1)
    assert check_decision(scenario, 1, Decision(field=budget - 10000, providers=("live-ops",))) == []
    over = check_decision(scenario, 1, Decision(field=budget - 5000, providers=("live-ops",)))
    assert over and over[0][1] == "budget" and over[0][2].code == "plan.over_budget"
    unknown = check_decision(scenario, 1, Decision(field=1000, providers=("nobody",)))
    assert unknown and "no service provider has the id 'nobody'" in str(unknown[0][2])
    with pytest.raises(PlanError):
        Engine(scenario).new_game().step(Decision(providers=("live-ops", "live-ops")))
