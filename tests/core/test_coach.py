"""The coach: each trigger fires on the state it names and stays quiet when play is healthy."""

from __future__ import annotations

import pytest

from trainer.core.bots import balanced
from trainer.core.coach import MAX_TIPS, coach, marginal_returns
from trainer.core.engine import Engine
from trainer.core.library import find
from trainer.core.plan import Decision


@pytest.fixture
def dairy():
    return find("dairy-gpm")[0]


def play(scenario, decisions):
    game = Engine(scenario).new_game()
    for d in decisions:
        game.step(d)
    return game


def healthy(scenario, turns):
    game = Engine(scenario).new_game()
    for _ in range(turns):
        game.step(balanced(game))
    return game


def ids(game, previous=()):
    return [t.id for t in coach(game, previous)]


def test_a_healthy_game_gets_no_warning_tips(dairy):
    for turns in range(1, 8):
        tips = ids(healthy(dairy, turns))
        assert not {"no_field", "poor_fit", "deep_discount", "roi_over_gpm", "weak_product"} & set(tips), (turns, tips)


def test_no_self_broadcast_for_two_turns(dairy):
    game = play(dairy, [Decision(alliance=40000, content=10000)] * 2)
    assert "no_field" in ids(game)
    assert "no_field" not in ids(play(dairy, [Decision(alliance=40000, field=20000)] * 2))


def test_a_poorly_fitting_kol(dairy):
    game = play(dairy, [Decision(top_kol=80000, kol="foodie-wang")])
    tip = next(t for t in coach(game) if t.id == "poor_fit")
    assert tip.principle == "fit" and tip.values["better"] == "mama-chen"
    assert "poor_fit" not in ids(play(dairy, [Decision(top_kol=80000, kol="mama-chen")]))


def test_a_position_past_saturation_while_another_is_cheap(dairy):
    game = play(dairy, [Decision(field=80000)])
    tip = next(t for t in coach(game) if t.id == "saturation")
    assert tip.values["saturated"] == "field" and tip.values["cheap"] != "field"
    assert tip.values["cheap_per_yuan"] > 2 * tip.values["saturated_per_yuan"]
    assert "saturation" not in ids(play(dairy, [Decision(field=30000, alliance=25000, campaign=10000)]))


def test_discounts_past_the_quality_line(dairy):
    line = dairy.market.discount_threshold
    assert "deep_discount" in ids(play(dairy, [Decision(field=40000, discount=line + 10)]))
    assert "deep_discount" not in ids(play(dairy, [Decision(field=40000, discount=line)]))


def test_a_weak_product_without_investment():
    scenario, _ = find("dairy-gpm")
    weak = scenario.model_copy(update={"brand": scenario.brand.model_copy(
        update={"strengths": scenario.brand.strengths.model_copy(update={"product": 25.0})})})
    assert "weak_product" in ids(play(weak, [Decision(field=40000)]))
    assert "weak_product" not in ids(play(weak, [Decision(field=40000, product=20000)]))


def test_a_campaign_turn_without_price_strength(dairy):
    event_turn = next(t for t in range(1, dairy.turns + 1) if dairy.event_at(t))
    low_price = dairy.model_copy(update={"brand": dairy.brand.model_copy(
        update={"strengths": dairy.brand.strengths.model_copy(update={"price": 30.0})})})
    before_event = play(low_price, [Decision(field=30000, alliance=20000)] * (event_turn - 1))
    tip = next(t for t in coach(before_event) if t.id == "event_without_price")
    assert tip.values["coming"] and tip.values["event"] == "618"
    high_price = dairy.model_copy(update={"brand": dairy.brand.model_copy(
        update={"strengths": dairy.brand.strengths.model_copy(update={"price": 80.0})})})
    assert "event_without_price" not in ids(play(high_price, [Decision(field=30000, alliance=20000)] * (event_turn - 1)))


def test_an_roi_view_that_hurts_gpm(dairy):
    chaser = play(dairy, [Decision(alliance=40000, campaign=40000)] * 3)
    assert "roi_over_gpm" in ids(chaser)
    builder = play(dairy, [Decision(field=30000, alliance=20000, content=15000, product=15000)] * 3)
    assert "roi_over_gpm" not in ids(builder)


def test_tips_never_repeat_in_a_row_and_are_at_most_three(dairy):
    game = play(dairy, [Decision(alliance=40000, campaign=40000, discount=60)] * 3)
    first = ids(game)
    assert 1 <= len(first) <= MAX_TIPS
    second = ids(game, previous=first)
    assert not set(first) & set(second)


def test_an_assessment_switches_the_coach_off(dairy):
    quiet = dairy.model_copy(update={"coaching": False})
    assert coach(play(quiet, [Decision(alliance=40000, discount=60)] * 2)) == []


def test_marginal_returns_show_saturation(dairy):
    game = Engine(dairy).new_game()
    light = marginal_returns(game, Decision(field=10000))
    heavy = marginal_returns(game, Decision(field=70000))
    assert heavy["field"].per_yuan < light["field"].per_yuan
    # the engine's own numbers: this week and the next played with the same plan, less commission
    slice_ = heavy["alliance"].amount

    def two_weeks(decision):
        luck = game.engine.luck(game.seed)
        now = game.engine.resolve(game.state, decision, luck[0])
        nxt = game.engine.resolve(now.after, decision, luck[1])
        return now.gmv - now.commissions + nxt.gmv - nxt.commissions

    gain = two_weeks(Decision(field=70000, alliance=slice_)) - two_weeks(Decision(field=70000))
    assert heavy["alliance"].gmv == pytest.approx(gain)
    assert set(light) == {"field", "alliance", "campaign", "top_kol"}
    assert light["top_kol"].kol == "mama-chen" and light["top_kol"].amount == dairy.kol("mama-chen").fee


def test_marginal_returns_after_the_last_turn_are_empty(dairy):
    game = healthy(dairy, dairy.turns)
    assert game.finished and marginal_returns(game, Decision(field=1000)) == {}


def test_the_coachs_kol_advice_never_names_a_famous_off_fit_star(scenario):
    """Fit beats fame: the KOL the coach's marginal return for T points to is never the
    largest-audience KOL that is not the best fit (the trap a level sets), whatever the week
    (`balance` plays the same rule: trainer.core.rules.coach_avoids_off_fit_star)."""
    from trainer.core.rules import coach_avoids_off_fit_star

    assert coach_avoids_off_fit_star(scenario) == []
