"""The answer key's plan space: every vector the optimiser hands over is a plan the game
accepts, and a constraint really takes its part of the space away.

The search scores plans by replaying the engine's turns without a game's checks
(trainer.core.search.plan_fitness), so these properties are what keeps it honest.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import AUTHORED
from trainer.core.engine import Engine
from trainer.core.library import scenarios_dir
from trainer.core.loading import load_scenario
from trainer.core.plan import check_decision
from trainer.core.scoring import score
from trainer.core.search import Constraint, PlanSpace, fitness, plan_fitness

LEVELS = [load_scenario(p) for p in sorted(scenarios_dir().glob("*.toml"))] + AUTHORED

values = st.floats(min_value=-50.0, max_value=50.0, allow_nan=False)


@st.composite
def spaces(draw):
    scenario = draw(st.sampled_from(LEVELS))
    keys = ("field", "alliance", "campaign", "top_kol", "content", "brand", "product", "price")
    zero = frozenset(draw(st.sets(st.sampled_from(keys), max_size=3)))
    kols = None
    if scenario.kols and draw(st.booleans()):
        kols = (draw(st.sampled_from([k.id for k in scenario.kols])),)
    floors = ()
    if draw(st.booleans()):
        floors = ((1, 70.0), (2, 70.0))
    ceiling = draw(st.one_of(st.none(), st.just(0.0), st.just(30.0)))
    if floors and ceiling is not None:
        ceiling = None  # a floor above the ceiling is not a constraint the lessons use
    only = draw(st.one_of(st.none(), st.sampled_from(keys[:4]))) if not zero else None
    constraint = Constraint(zero=zero, kols=kols, min_discount=floors, max_discount=ceiling, only_position=only)
    space = PlanSpace(scenario, constraint)
    x = draw(st.lists(values, min_size=space.dim, max_size=space.dim))
    return scenario, constraint, space, x


@settings(max_examples=150, deadline=None)
@given(spaces())
def test_every_vector_decodes_to_a_plan_the_game_accepts_within_its_constraint(case):
    scenario, constraint, space, x = case
    plan = space.decode(x)
    assert len(plan) == scenario.turns
    for turn, d in enumerate(plan, start=1):
        assert check_decision(scenario, turn, d) == []
        for key in constraint.zero:
            assert getattr(d, key) == 0, (turn, key)
        if constraint.only_position:
            for key in ("field", "alliance", "campaign", "top_kol"):
                if key != constraint.only_position:
                    assert getattr(d, key) == 0, (turn, key)
        if constraint.kols is not None and d.kol is not None:
            assert d.kol in constraint.kols
        if d.top_kol:
            assert d.kol is not None and d.top_kol >= scenario.kol(d.kol).fee
        floor = dict(constraint.min_discount).get(turn, 0.0)
        assert d.discount >= floor
        if constraint.max_discount is not None:
            assert d.discount <= constraint.max_discount


@settings(max_examples=25, deadline=None)
@given(spaces())
def test_the_search_scores_a_plan_as_the_game_plays_it(case):
    scenario, _, space, x = case
    plan = space.decode(x)
    engine = Engine(scenario)
    played = []
    for seed in (scenario.seed, scenario.seed + 1):
        game = engine.new_game(seed)
        game.play(plan)  # checked turn by turn: raises PlanError on a plan the game refuses
        played.append(fitness(score(scenario, game.reports)))
    assert plan_fitness(engine, plan, (scenario.seed, scenario.seed + 1)) == sum(played) / 2


def test_encoding_a_plan_and_decoding_it_gives_back_about_the_same_plan():
    """The search starts from the balanced plan: its encoding must land near it (every
    share is smoothed by 2% so no key starts dead, which moves a share by a few points)."""
    from trainer.core.bots import balanced, play

    for scenario in LEVELS:
        space = PlanSpace(scenario)
        plan = [r.decision for r in play(Engine(scenario), balanced, scenario.seed).reports]
        again = space.decode(space.encode(plan))
        for t, (a, b) in enumerate(zip(plan, again, strict=True)):
            budget = scenario.budget_of(t + 1)
            for key in ("field", "alliance", "campaign", "content", "brand", "product", "price"):
                assert abs(getattr(a, key) - getattr(b, key)) <= 0.1 * budget, (scenario.id, t + 1, key)
            assert abs(a.discount - b.discount) <= 1.0
