"""Balancing and the answer key: shipped levels pass, flags and lessons are real checks."""

from __future__ import annotations

import pytest

from trainer.core.balance import balance, player
from trainer.core.bots import BOTS, play
from trainer.core.engine import Engine
from trainer.core.scenario import BOT_NAMES, Lesson, Objective
from trainer.core.search import solve


def test_lesson_names_match_the_bots():
    assert set(BOT_NAMES) == set(BOTS)


def test_every_shipped_level_passes_balance_with_its_lessons(scenario):
    report = balance(scenario, seeds=4)
    assert report.passed, ([str(f) for f in report.flags], [(c.lesson.text, c.better, c.worse) for c in report.lessons if not c.held])


def test_a_lesson_that_does_not_hold_fails(scenario):
    wrong = Lesson(text="going all-in on campaigns wins", better="all_in_campaign", worse="balanced")
    report = balance(scenario.model_copy(update={"lessons": [wrong]}), seeds=3)
    assert not report.passed and not report.lessons[0].held


def test_flags_catch_a_level_that_is_too_easy(scenario):
    # (a single GMV objective: a profit objective can stay below any threshold, so it is no test of the flag)
    easy = scenario.model_copy(update={"objectives": [Objective(metric="gmv", stars=[1.0, 2.0, 3.0])]})
    report = balance(easy, seeds=2)
    flag = next(f for f in report.flags if f.code == "too-easy")
    assert str(flag) == ("the even split wins three stars on most seeds: the level teaches nothing a naive plan "
                         "misses; raise the three-star thresholds toward what solve reaches")


def test_flags_catch_a_level_nobody_can_finish(scenario):
    hard = scenario.model_copy(update={"objectives": [o.model_copy(update={"stars": [1e14, 2e14, 3e14]})
                                                      for o in scenario.objectives]})
    assert "impossible" in {f.code for f in balance(hard, seeds=2).flags}


def test_variants_take_one_part_out(scenario):
    engine = Engine(scenario)
    game = play(engine, player("balanced/no_strengths"))
    assert all(r.decision.content == r.decision.product == 0 for r in game.reports)
    assert all(r.decision.spend == r.budget or r.decision.spend <= r.budget for r in game.reports)
    game = play(engine, player("balanced/no_top_kol"))
    assert all(r.decision.top_kol == 0 and r.decision.kol is None for r in game.reports)


def test_solve_beats_the_heuristic_and_is_deterministic(scenario):
    first = solve(scenario, evaluations=800)
    assert first.result.score >= first.start_score
    again = solve(scenario, evaluations=800)
    assert again.decisions == first.decisions and again.result.score == first.result.score
    # the plan it prints plays to the score it claims
    game = Engine(scenario).new_game(first.seed)
    game.play(list(first.decisions))
    from trainer.core.scoring import score
    assert score(scenario, game.reports).score == first.result.score


@pytest.mark.parametrize("name", ["nobody", "balanced/no_price_war", "balanced/everything"])
def test_lessons_name_known_players(name):
    with pytest.raises(ValueError):
        Lesson(text="x", better=name, worse="balanced")


def test_provider_and_price_variants():
    from trainer.core.library import find

    scenario, _ = find("beauty-alliance")
    game = play(Engine(scenario), player("balanced/with_providers"))
    hired = {p for r in game.reports for p in r.decision.providers}
    assert hired and all(scenario.provider(p).track in (None, scenario.brand.category) for p in hired)
    assert all(r.decision.cost(scenario) <= r.budget for r in game.reports)
    festival, _ = find("double11-festival")
    game = play(Engine(festival), player("balanced/price_first"))
    event = next(t for t in range(1, festival.turns + 1) if festival.event_at(t))
    before = game.reports[event - 2].decision
    assert before.price > 0 and before.content == before.product == 0
