"""The market model's figures are pinned per MODEL_VERSION.

Frozen copies of two scenarios and plans are simulated and compared with the figures
recorded for the current model version. A change to the engine that moves any figure
fails here until MODEL_VERSION is raised (saves then know their figures came from an
older model) and the golden file is written anew:

    .venv/bin/python -m tests.core.test_golden
"""

from __future__ import annotations

import json
from pathlib import Path

from trainer.core.engine import MODEL_VERSION, Engine
from trainer.core.loading import load_plan, load_scenario
from trainer.core.report import game_json

GOLDEN = Path(__file__).resolve().parents[1] / "fixtures" / "golden"
CASES = ("tutorial", "dairy-gpm")


def figures() -> dict:
    out = {}
    for case in CASES:
        scenario = load_scenario(GOLDEN / f"{case}.toml")
        game = Engine(scenario).new_game()
        game.play(load_plan(GOLDEN / f"{case}-plan.toml", scenario))
        out[case] = game_json(game)
    return out


def golden_path() -> Path:
    return GOLDEN / f"model-{MODEL_VERSION}.json"


def test_figures_match_the_model_version():
    path = golden_path()
    assert path.exists(), f"no golden figures for model {MODEL_VERSION}: run python -m tests.core.test_golden"
    recorded = json.loads(path.read_text())
    assert figures() == recorded, (
        "the engine's figures changed: raise MODEL_VERSION in trainer/core/engine.py, "
        "then run python -m tests.core.test_golden")


if __name__ == "__main__":
    golden_path().write_text(json.dumps(figures(), indent=1, sort_keys=True) + "\n")
    print(f"wrote {golden_path()}")
