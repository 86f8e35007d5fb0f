"""The debrief: the player's game beside the reference players on the same seed."""

from __future__ import annotations

from trainer.core.bots import balanced, roi_greedy
from trainer.core.debrief import debrief
from trainer.core.engine import Engine
from trainer.core.library import find


def finished(bot, scenario_id="dairy-gpm", seed=None):
    scenario, _ = find(scenario_id)
    game = Engine(scenario).new_game(seed)
    while not game.finished:
        game.step(bot(game))
    return game


def test_a_game_is_compared_on_its_own_seed():
    game = finished(roi_greedy, seed=5)
    review = debrief(game, evaluations=500)
    by_name = {b.name: b for b in review.benchmarks}
    assert set(by_name) == {"balanced", "roi_greedy", "even_split", "answer_key"}
    # the ROI chaser's own game is the roi_greedy benchmark, to the point
    assert by_name["roi_greedy"].score == review.result.score
    assert by_name["answer_key"].score >= by_name["balanced"].score > review.result.score
    assert review.rank == 1 + sum(1 for b in review.benchmarks if b.score > review.result.score)


def test_best_and_worst_turns_come_with_reasons():
    review = debrief(finished(balanced), answer_key=False)
    assert review.best_turns and all(s.change > 0 and s.changes for s in review.best_turns)
    # the causes given explain the change: the biggest one moved the same way
    assert all(s.changes[0].gmv > 0 for s in review.best_turns)
    assert all(s.change < 0 for s in review.worst_turns)
    assert all(s.turn > 1 for s in review.best_turns + review.worst_turns)
    event_turn = 9  # 618 in dairy-gpm: the biggest jump
    assert review.best_turns[0].turn == event_turn


def test_facts_show_the_lessons():
    builder = debrief(finished(balanced), answer_key=False).facts
    chaser = debrief(finished(roi_greedy), answer_key=False).facts
    assert builder["gpm_last"] > chaser["gpm_last"]
    assert builder["pool_last"] > chaser["pool_last"]
    assert builder["share_strengths"] > 0 == chaser["share_strengths"]
    assert abs(sum(builder[f"share_{p}"] for p in ("field", "alliance", "campaign", "top_kol"))
               + builder["share_strengths"] - 1) < 1e-9
