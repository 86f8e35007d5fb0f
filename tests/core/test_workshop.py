"""Workshops: the file, the leaderboard verified by replay, merged folders, hostile names."""

from __future__ import annotations

from pathlib import Path

import pytest

from trainer.core.bots import balanced, roi_greedy
from trainer.core.engine import Engine
from trainer.core.loading import FileProblems
from trainer.core.saves import Autosave
from trainer.core.workshop import leaderboard, load_workshop, participant_name, workshop_saves

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "workshops" / "example.toml"


def play_into(folder, workshop, scenarios, name, bot, index=1, seed=None, workshop_id=None):
    scenario = scenarios[index]
    game = Engine(scenario).new_game(workshop.seed_for(index, scenario) if seed is None else seed)
    slot = Autosave.new(workshop_saves(folder, workshop), name, scenario.id, workshop=workshop_id or workshop.id)
    while not game.finished:
        game.step(bot(game))
        assert slot.save(game) is None
    return slot.path


def test_the_example_workshop_loads():
    workshop, scenarios = load_workshop(EXAMPLE)
    assert workshop.id == "example" and [s.id for s in scenarios] == ["tutorial", "dairy-gpm"]
    assert workshop.seed_for(0, scenarios[0]) == workshop.seed == 2026


@pytest.mark.parametrize("text, expected", [
    ('id = "w"\ntitle = "W"\nscenarios = ["nope"]\n', "scenarios[0]: 'nope': no scenario has this id"),
    ('id = "w"\ntitle = "W"\nscenarios = ["tutorial"]\nseed = 1\nseeds = [1]\n', "seeds: give either seed"),
    ('id = "w"\ntitle = "W"\nscenarios = ["tutorial"]\nseeds = [1, 2]\n', "seeds: lists 2 seeds for 1 scenarios"),
    ('id = "w"\ntitle = "W"\nscenarios = ["tutorial"]\nturn_timer = 1\n', "turn_timer: must be at least 10"),
    ('id = "w"\ntitle = "W"\nscenarios = ["tutorial"]\nacess_code = "x"\n', "did you mean 'access_code'?"),
])
def test_workshop_mistakes_are_located(tmp_path, text, expected):
    path = tmp_path / "w.toml"
    path.write_text(text)
    with pytest.raises(FileProblems) as err:
        load_workshop(path)
    assert expected in str(err.value)


def test_leaderboard_ranks_verified_games_and_sets_aside_the_rest(tmp_path):
    workshop, scenarios = load_workshop(EXAMPLE)
    play_into(tmp_path, workshop, scenarios, "Ann", balanced)
    play_into(tmp_path, workshop, scenarios, "Bo", roi_greedy)
    tampered = play_into(tmp_path, workshop, scenarios, "Cheater", roi_greedy)
    tampered.write_text(tampered.read_text().replace("score = ", "score = 9", 1))
    play_into(tmp_path, workshop, scenarios, "Lucky", balanced, seed=1)
    play_into(tmp_path, workshop, scenarios, "Elsewhere", balanced, workshop_id="other")
    (workshop_saves(tmp_path, workshop) / "garbage.toml").write_text("not = [toml")
    entries = leaderboard(workshop, scenarios, [tmp_path])
    ranked = [e for e in entries if e.verified]
    assert [(e.rank, e.name) for e in ranked] == [(1, "Ann"), (2, "Bo")]
    assert ranked[0].finished and ranked[0].turn == 12 and ranked[0].score > ranked[1].score
    problems = {e.name: e.problem for e in entries if not e.verified}
    assert "the save says" in problems["Cheater"]
    assert "seed 1" in problems["Lucky"]
    assert "workshop 'other'" in problems["Elsewhere"]
    assert any("not valid TOML" in (p or "") for p in problems.values())
    assert all(e.rank is None for e in entries if not e.verified)


def test_results_from_several_machines_merge(tmp_path):
    workshop, scenarios = load_workshop(EXAMPLE)
    play_into(tmp_path / "laptop-1", workshop, scenarios, "Ann", balanced)
    play_into(tmp_path / "laptop-2", workshop, scenarios, "Bo", roi_greedy)
    entries = leaderboard(workshop, scenarios, [tmp_path / "laptop-1", tmp_path / "laptop-2", tmp_path / "laptop-1"])
    assert sorted(e.name for e in entries) == ["Ann", "Bo"]


def test_two_participants_with_the_same_name_are_both_kept(tmp_path):
    workshop, scenarios = load_workshop(EXAMPLE)
    a = play_into(tmp_path, workshop, scenarios, "Sam", balanced)
    b = play_into(tmp_path, workshop, scenarios, "Sam", roi_greedy)
    assert a != b and a.exists() and b.exists()
    names = [e.name for e in leaderboard(workshop, scenarios, [tmp_path])]
    assert len(names) == 2 and len(set(names)) == 2 and all(n.startswith("Sam [") for n in names)


@pytest.mark.parametrize("typed", ["../../etc/passwd", "a/b\\c", "..", "\x00\x1b[2J", "x" * 10_000, "Zoë 李"])
def test_hostile_names_stay_inside_the_workshop_folder(tmp_path, typed):
    workshop, scenarios = load_workshop(EXAMPLE)
    name = participant_name(typed) or "player"
    path = play_into(tmp_path, workshop, scenarios, name, balanced, index=0)
    assert path.parent == workshop_saves(tmp_path, workshop)
    assert path.resolve().is_relative_to(workshop_saves(tmp_path, workshop).resolve())
    entry = leaderboard(workshop, scenarios, [tmp_path])[0]
    assert entry.verified and entry.name == name and len(entry.name) <= 60


def test_participant_names_are_cleaned():
    assert participant_name("  Ann \t Lee ") == "Ann Lee"
    assert participant_name("\x00\x07") is None
    assert participant_name("") is None
    assert len(participant_name("y" * 500)) == 60
