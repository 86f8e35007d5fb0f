"""The lessons of the FACT primer, held by the model on the shipped scenarios.

Each test sets up the situation a trainee would be in and checks that the numbers
teach the lesson; the numbering follows the core issue.
"""

from __future__ import annotations

import pytest

from tests.conftest import SHIPPED, SHIPPED_IDS
from trainer.core import rules
from trainer.core.bots import balanced, play, roi_greedy
from trainer.core.engine import Engine
from trainer.core.library import find
from trainer.core.plan import Decision
from trainer.core.rules import event_turn, game_at
from trainer.core.scenario import POSITIONS
from trainer.core.scoring import score

SEEDS = rules.SEEDS


def test_every_model_rule_is_a_test_here():
    """Each rule of trainer.core.rules.MODEL_RULES is what `balance` plays; each is run below on
    every level (the shipped ones and the authored ones in tests/data/levels/)."""
    names = [name for name, _rule in rules.MODEL_RULES]
    assert len(names) == len(set(names)) >= 20


@pytest.mark.parametrize("rule", [name for name, _rule in rules.MODEL_RULES])
def test_the_model_rule_holds_on_the_level(scenario, rule):
    """The FACT primer's lessons (1-9 of the core issue), each played out on the level by the
    same function `fact-trainer balance` calls: a level that passes balance passes these."""
    check = dict(rules.MODEL_RULES)[rule]
    assert check(scenario) == []


def test_the_level_keeps_the_static_rules(scenario):
    """What `fact-trainer validate` checks beyond types and ranges, by the same function."""
    assert rules.static_findings(scenario) == []


# 10 ------------------------------------------------------------------------------

GPM_LEVEL = "dairy-gpm"


def test_a_scenario_is_built_to_show_gpm_beats_roi():
    assert GPM_LEVEL in SHIPPED_IDS


@pytest.mark.parametrize("seed", SEEDS)
def test_building_gpm_beats_chasing_each_turns_roi(seed):
    scenario, _ = find(GPM_LEVEL)
    engine = Engine(scenario)
    builder = play(engine, balanced, seed)
    chaser = play(engine, roi_greedy, seed)
    # the chaser wins on ROI turn by turn early on...
    assert chaser.reports[0].roi > builder.reports[0].roi
    # ...and loses the game
    assert score(scenario, builder.reports).score > score(scenario, chaser.reports).score
    assert builder.reports[-1].gpm > chaser.reports[-1].gpm


def test_every_shipped_scenario_is_checked():
    assert len(SHIPPED) >= 2


# 4 (model 4) ---------------------------------------------------------------------

@pytest.mark.parametrize("strength, tracks", [
    ("product", {"field", "alliance"}),
    ("brand", {"top_kol"}),
    ("price", {"campaign"}),
])
def test_the_brand_profile_decides_the_track(strength, tracks):
    """A strong product pays most through F and A, a strong brand through T, price strength
    through C in an event: the next slice's return on each position, with one strength at 85
    against all at 50, rises most on the profile's own track."""
    from trainer.core.coach import marginal_returns

    scenario, _ = find("dairy-gpm")
    game = game_at(scenario, event_turn(scenario))
    plan = Decision(field=60000, alliance=30000, campaign=40000, top_kol=60000, kol="mama-chen")
    neutral = game.state.copy(content=50.0, brand=50.0, product=50.0, price=50.0)
    game.state = neutral
    before = marginal_returns(game, plan)
    game.state = neutral.copy(**{strength: 85.0})
    after = marginal_returns(game, plan)
    lift = {p: after[p].per_yuan / before[p].per_yuan for p in POSITIONS}
    assert max(lift, key=lift.get) in tracks, lift
