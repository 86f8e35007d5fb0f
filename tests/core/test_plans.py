"""The shipped plans (scenarios/plans/) show what their level teaches, on the model as it is.

Each plan names its level in its header (`fact-trainer simulate LEVEL --plan ...`). A plan
is a worked example a trainee reads and replays, so it must compile, play the whole level
without a discount past the line, and do what its header promises: beat the ROI chaser and
every all-in player, and earn at least two stars. The magnitudes stay plausible too: GMV
per marketing yuan over the game within 3 to 12, and no week above 20.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from trainer.core.bots import BOTS, play
from trainer.core.engine import Engine
from trainer.core.library import entries, find, scenarios_dir
from trainer.core.loading import load_plan
from trainer.core.scenario import POSITIONS
from trainer.core.scoring import score

PLANS = sorted((scenarios_dir() / "plans").glob("*.toml"))


def level_of(plan: Path) -> str:
    match = re.search(r"fact-trainer simulate (\S+) --plan", plan.read_text(encoding="utf-8"))
    assert match, f"{plan.name}: the header must say which level it plays"
    return match.group(1)


def test_every_level_has_a_plan():
    levels = {level_of(p) for p in PLANS}
    ids = {e.scenario.id for e in entries(scenarios_dir()) if e.scenario is not None}
    assert ids <= levels, f"levels without a plan: {sorted(ids - levels)}"


@pytest.mark.parametrize("plan", PLANS, ids=[p.stem for p in PLANS])
def test_a_shipped_plan_teaches_its_level(plan):
    scenario, _ = find(level_of(plan))
    engine = Engine(scenario)
    decisions = load_plan(plan, scenario)
    game = engine.new_game()
    game.play(decisions)
    result = score(scenario, game.reports)
    assert result.stars >= 2, f"{plan.name}: {result.stars} star(s), score {result.score}"
    assert all(d.discount <= scenario.market.discount_threshold for d in decisions)
    rivals = ["roi_greedy", *(f"all_in_{p}" for p in POSITIONS)]
    for name in rivals:
        rival = score(scenario, play(engine, BOTS[name]).reports)
        assert result.score > rival.score, f"{plan.name}: {name} scores {rival.score}, the plan {result.score}"
    gmv = sum(r.gmv for r in game.reports)
    spend = sum(r.spend for r in game.reports)
    assert 3 <= gmv / spend <= 12, f"{plan.name}: GMV per marketing yuan {gmv / spend:.1f}"
    for r in game.reports:
        if r.spend >= 0.1 * r.budget:
            assert r.gmv / r.spend <= 20, f"{plan.name}: week {r.turn} returns {r.gmv / r.spend:.1f} per yuan"
