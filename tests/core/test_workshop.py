"""Workshops: the file, the leaderboard verified by replay, merged folders, hostile names."""

from __future__ import annotations

from pathlib import Path

import pytest

from trainer.core.bots import balanced, roi_greedy
from trainer.core.engine import Engine
from trainer.core.loading import FileProblems
from trainer.core.saves import Autosave, load_game
from trainer.core.scoring import score
from trainer.core.workshop import (NameTaken, RoundState, claim_name, leaderboard, load_workshop, participant_key,
                                   participant_name, participant_rounds, workshop_saves)

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
    problems = {e.name: str(e.problem) for e in entries if not e.verified}
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


def _attempts(tmp_path, workshop, scenarios):
    folder = workshop_saves(tmp_path, workshop)
    scenario = scenarios[1]
    paths = []
    for bot in (balanced, roi_greedy):  # Sam plays the round twice: balanced first, then ROI-greedy
        game = Engine(scenario).new_game(workshop.seed_for(1, scenario))
        slot = Autosave.claim(folder, "Sam", game, workshop=workshop.id, owner=participant_key("Sam"))
        while not game.finished:
            game.step(bot(game))
            assert slot.save(game) is None
        paths.append(slot.path)
    return paths


@pytest.mark.parametrize("policy", ["latest", "best"])
def test_one_row_per_participant_and_round_by_the_workshops_policy(tmp_path, policy):
    workshop, scenarios = load_workshop(EXAMPLE)
    workshop = workshop.model_copy(update={"attempts": policy})
    first, second = _attempts(tmp_path, workshop, scenarios)
    assert first != second and first.exists() and second.exists()  # neither attempt overwrote the other
    rows = [e for e in leaderboard(workshop, scenarios, [tmp_path]) if e.verified]
    assert len(rows) == 1 and rows[0].name == "Sam" and rows[0].rank == 1
    scores = {p: score(scenarios[1], load_game(p).game.reports).score for p in (first, second)}
    expected = second if policy == "latest" else max(scores, key=scores.get)
    assert rows[0].path == expected


def test_unfinished_games_are_listed_apart_and_unranked(tmp_path):
    workshop, scenarios = load_workshop(EXAMPLE)
    play_into(tmp_path, workshop, scenarios, "Ann", balanced)
    scenario = scenarios[1]
    game = Engine(scenario).new_game(workshop.seed_for(1, scenario))
    slot = Autosave.claim(workshop_saves(tmp_path, workshop), "Bo", game, workshop=workshop.id)
    game.step(balanced(game))
    slot.save(game)
    rows = leaderboard(workshop, scenarios, [tmp_path])
    assert [(e.name, e.rank, e.finished, e.turn) for e in rows] == [("Ann", 1, True, 12), ("Bo", None, False, 1)]


def test_a_name_is_held_while_its_player_is_connected(tmp_path):
    first = claim_name(tmp_path, "Sam Lee")
    assert not first.resumed and first.path.is_file()
    with pytest.raises(NameTaken):
        claim_name(tmp_path, "Sam Lee")
    with pytest.raises(NameTaken):
        claim_name(tmp_path, "sam lee")  # the same name in other letters is the same participant
    first.release()  # the tab closed, the process ended: the lock went with it
    again = claim_name(tmp_path, "SAM LEE")
    assert again.resumed and again.name == "Sam Lee" and again.key == first.key
    again.release()


@pytest.mark.parametrize("a, b", [("Team A/B", "Team A B"), ("!!!", "???"), ("Zoë", "Zoe"), ("a.b", "a-b")])
def test_names_that_clean_alike_are_still_different_participants(tmp_path, a, b):
    assert participant_key(a) != participant_key(b)
    ca, cb = claim_name(tmp_path, a), claim_name(tmp_path, b)  # both join; neither is a reconnection
    assert not ca.resumed and not cb.resumed and ca.path != cb.path
    ca.release()
    cb.release()


def test_a_claimed_game_file_is_never_overwritten_even_in_a_race(tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    scenario = load_workshop(EXAMPLE)[1][0]

    def start(_):
        return Autosave.claim(tmp_path, "Sam", Engine(scenario).new_game(1), owner="sam").path

    with ThreadPoolExecutor(8) as pool:
        paths = list(pool.map(start, range(16)))
    assert len(set(paths)) == 16 and all(load_game(p).save.turns_played == 0 for p in paths)
    assert not list(tmp_path.glob(".*.tmp"))


def test_a_participants_rounds_show_where_they_stopped(tmp_path):
    workshop, scenarios = load_workshop(EXAMPLE)
    folder = workshop_saves(tmp_path, workshop)
    key = participant_key("Ann")
    assert [r.path for r in participant_rounds(folder, key, scenarios)] == [None, None]
    game = Engine(scenarios[0]).new_game(workshop.seed_for(0, scenarios[0]))
    slot = Autosave.claim(folder, "Ann", game, workshop=workshop.id, owner=key)
    assert participant_rounds(folder, key, scenarios)[0] == RoundState(slot.path, 0, False, 0)
    for _ in range(2):
        game.step(balanced(game))
    slot.save(game)
    state = participant_rounds(folder, key, scenarios)[0]
    assert state.path == slot.path and state.weeks == 2 and not state.finished
    assert participant_rounds(folder, participant_key("Bo"), scenarios)[0].path is None


def test_the_facilitator_code_must_differ_from_the_participants(tmp_path):
    path = tmp_path / "w.toml"
    path.write_text('id = "w"\ntitle = "W"\nscenarios = ["tutorial"]\naccess_code = "tea-42"\nfacilitator_code = "tea-42"\n')
    with pytest.raises(FileProblems) as err:
        load_workshop(path)
    assert "facilitator_code: must differ from access_code" in str(err.value)


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


def test_the_class_report_and_its_csvs_say_true_and_false(tmp_path, capsys):
    import csv

    from trainer.cli import main

    workshop, scenarios = load_workshop(EXAMPLE)
    play_into(tmp_path, workshop, scenarios, "Ann <i>", balanced, index=0)
    play_into(tmp_path, workshop, scenarios, "Bo", roi_greedy, index=0, seed=3)  # not the workshop's seed
    out = tmp_path / "export"
    assert main(["leaderboard", "--workshop", str(EXAMPLE), "--saves-dir", str(tmp_path), "--export", str(out)]) == 0
    board = list(csv.DictReader((out / "leaderboard.csv").read_text().splitlines()))
    assert {(r["name"], r["finished"], r["verified"]) for r in board} == {("Ann <i>", "true", "true"),
                                                                          ("Bo", "true", "false")}
    turns = (out / "turns.csv").read_text()
    assert "True" not in turns and "False" not in turns and ",true," in turns
    html = (out / "class.html").read_text()
    assert html.startswith("<!doctype html>") and "<svg" in html and "Ann &lt;i&gt;" in html and "<i>" not in html
    assert "answer key (orange)" in html  # the example workshop shows the key after the game
    # the coach's tips by their names, never the code's ids; a round nobody played says so
    from trainer.ui.messages import TIP_NAME

    assert not any(f">{tip}:" in html for tip in TIP_NAME)
    if len(scenarios) > 1:
        assert "Nobody has played this round yet." in html
    capsys.readouterr()
    assert main(["leaderboard", "--workshop", str(EXAMPLE), "--saves-dir", str(tmp_path), "--csv"]) == 0
    printed = capsys.readouterr().out
    assert "True" not in printed and "False" not in printed and "true" in printed
