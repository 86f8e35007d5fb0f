"""What the cockpit previews comes from the engine: the outlook of a plan is the week the
game then plays, a KOL picked by hand is the KOL previewed, and a level's steps and budget
schedule are what its file says."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trainer.core.coach import marginal_returns, outlook
from trainer.core.engine import Engine
from trainer.core.library import find
from trainer.core.loading import FileProblems, load_scenario
from trainer.core.plan import Decision

TUTORIAL = find("tutorial")[0]
money = st.integers(min_value=0, max_value=10000)  # five of them stay within the week's 50,000


@settings(max_examples=40, deadline=None)
@given(field=money, alliance=money, content=money, product=money, price=money, commission=st.integers(10, 30))
def test_the_outlook_of_a_plan_is_what_the_week_then_does(field, alliance, content, product, price, commission):
    game = Engine(TUTORIAL).new_game()
    game.step(Decision(field=20000, alliance=10000))
    plan = Decision(field=field, alliance=alliance, content=content, product=product, price=price,
                    commission=float(commission))
    seen = outlook(game, plan)
    after = game.step(plan).after
    for key, (now, later, gain) in seen.strengths.items():
        assert later == pytest.approx(getattr(after, key))
        assert (gain > 0) == (getattr(plan, key) > 0)
        if getattr(plan, key) == 0:
            assert later < now  # nothing invested: the strength fades
    assert seen.fans[1] == pytest.approx(after.fans)
    assert seen.creators[1] == pytest.approx(after.creators)
    assert seen.creators[0] - seen.creators_leaving + seen.creators_joining == pytest.approx(after.creators)


def test_more_commission_recruits_more_creators_and_the_outlook_says_so():
    game = Engine(TUTORIAL).new_game()
    low = outlook(game, Decision(alliance=10000, commission=10.0))
    high = outlook(game, Decision(alliance=10000, commission=30.0))
    assert high.creators_joining > low.creators_joining
    assert high.creators_leaving == low.creators_leaving  # churn does not depend on the plan


def test_the_outlook_of_a_plan_over_budget_is_still_given():
    game = Engine(TUTORIAL).new_game()
    assert outlook(game, Decision(field=90000, content=90000)) is not None  # the player is still typing


def test_a_kol_picked_by_hand_is_the_one_previewed():
    kol_level = find("kol-launch")[0]
    game = Engine(kol_level).new_game()
    engine = game.engine
    best = marginal_returns(game, Decision(field=50000))["top_kol"].kol
    other = next(k for k in kol_level.kols if k.id != best and k.fee <= kol_level.budget_of(1))
    picked = marginal_returns(game, Decision(field=50000, kol=other.id))["top_kol"]
    assert picked.kol == other.id and picked.amount == other.fee
    assert picked.fatigue == 1.0
    game.step(Decision(top_kol=other.fee, kol=other.id))
    again = marginal_returns(game, Decision(kol=other.id))["top_kol"]
    assert again.fatigue == engine.kol_fatigue(game.state) > 1.0  # booked last week: reach divided


def test_steps_and_budget_changes_come_from_the_level():
    assert [s.week for s in TUTORIAL.steps] == [1, 2, 3, 4, 5, 6]
    assert TUTORIAL.step_of(3).text.startswith("Put a little into content")
    assert TUTORIAL.budget_changes(1) == []
    dairy = find("dairy-gpm")[0]
    assert dairy.budget_changes(1) == [(4, 100000), (8, 120000), (9, 200000), (11, 120000)]
    assert dairy.budget_changes(11) == []


LEVEL = """
id = "steps"
title = "Steps"
turns = 3
budget = 10000
[brand]
name = "B"
category = "tea"
price = 50
[[objectives]]
metric = "gmv"
label = "GMV"
stars = [1, 2, 3]
"""


@pytest.mark.parametrize("steps, expected", [
    ('[[steps]]\nweek = 4\ntext = "late"\n', "a step for week 4, but the game has only 3 weeks"),
    ('[[steps]]\nweek = 1\ntext = "a"\n[[steps]]\nweek = 1\ntext = "b"\n', "a second step for week 1"),
    ('[[steps]]\nweek = 1\ntext = ""\n', "steps"),
    ('[[steps]]\nweek = 1\ntext = "bell \\u0007"\n', "control character"),
])
def test_a_bad_step_is_refused_with_where_and_why(tmp_path, steps, expected):
    path = tmp_path / "steps.toml"
    path.write_text(LEVEL + steps, encoding="utf-8")
    with pytest.raises(FileProblems) as caught:
        load_scenario(path)
    assert expected in str(caught.value) and "steps" in str(caught.value)


@pytest.mark.parametrize("plan", [Decision(field=25000, discount=150.0), Decision(field=25000, commission=10000.0),
                                  Decision(field=-5)])
def test_a_plan_the_market_cannot_play_is_not_previewed(plan):
    # a discount past 100 made the engine's arithmetic complex and crashed the cockpit
    game = Engine(find("double11-festival")[0]).new_game()
    assert outlook(game, plan) is None and marginal_returns(game, plan) == {}
    assert outlook(game, Decision(field=90000, campaign=90000)) is not None  # over budget: still typed
