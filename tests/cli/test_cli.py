"""The command line contract: list, validate, simulate, schema; errors without tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SHIPPED, SHIPPED_IDS
from trainer.cli import main
from trainer.core.schema import scenario_schema

ROOT = Path(__file__).resolve().parents[2]
TUTORIAL_PLAN = ROOT / "scenarios" / "plans" / "tutorial-starter.toml"


def run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_list_json_has_the_contract_fields(capsys):
    code, out, _ = run(capsys, "list", "--json")
    assert code == 0
    data = json.loads(out)
    assert [d["id"] for d in data] == SHIPPED_IDS
    for entry, scenario in zip(data, SHIPPED):
        assert entry["title"] == scenario.title
        assert entry["turns"] == scenario.turns
        assert entry["budget"] == scenario.budgets and len(entry["budget"]) == scenario.turns


def test_list_text(capsys):
    code, out, _ = run(capsys, "list")
    assert code == 0
    for scenario in SHIPPED:
        assert scenario.id in out and scenario.title in out


def test_validate_ok_and_bad(capsys, tmp_path):
    code, out, _ = run(capsys, "validate", *[str(p) for p in sorted((ROOT / "scenarios").glob("*.toml"))])
    assert code == 0 and out.count(": ok") == len(SHIPPED)
    assert out.count("; languages: en, zh)") == len(SHIPPED) and "lacks" not in out
    bad = tmp_path / "bad.toml"
    bad.write_text('id = "x"\ntitle = "X"\nturns = 3\nbudgt = 5\n')
    code, out, _ = run(capsys, "validate", str(bad))
    assert code == 1
    assert f"{bad}:4: budgt: unknown key 'budgt'; did you mean 'budget'?" in out


def test_validate_says_which_texts_a_language_lacks(capsys, tmp_path):
    level = (ROOT / "scenarios" / "01-tutorial.toml").read_text(encoding="utf-8")
    partial = level.replace('[zh.brand]\nname = "山云茶"\n', "").replace('[[zh.kols]]\nname = "茶师林"\n', "[[zh.kols]]\n")
    assert partial != level
    path = tmp_path / "partial.toml"
    path.write_text(partial, encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 0
    assert out.splitlines() == [f"{path}: ok (tutorial, 6 turns; languages: en, zh)",
                                f"{path}: [zh] lacks 2 texts, shown in the main language instead: brand.name, kols[0].name"]
    path.write_text(level.split("# ----")[0], encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(path))
    assert out.splitlines() == [f"{path}: ok (tutorial, 6 turns; languages: en)"]


def test_simulate_json_contract(capsys):
    code, out, _ = run(capsys, "simulate", "tutorial", "--plan", str(TUTORIAL_PLAN), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["scenario"] == "tutorial" and data["seed"] == 7
    assert [t["turn"] for t in data["turns"]] == list(range(1, 7))
    for t in data["turns"]:
        for key in ("gmv", "gpm", "impressions", "spend", "roi"):
            assert key in t
        assert set(t["channels"]) == {"field", "alliance", "campaign", "top_kol"}
        for ch in t["channels"].values():
            assert {"gmv", "impressions", "spend"} <= set(ch)
        assert sum(ch["gmv"] for ch in t["channels"].values()) <= t["gmv"]
    total = data["total"]
    assert {"gmv", "gpm", "score", "stars"} <= set(total)
    assert abs(total["gmv"] - sum(t["gmv"] for t in data["turns"])) <= len(data["turns"])
    assert 0 <= total["stars"] <= 3


def test_simulate_seed_changes_luck_and_is_repeatable(capsys):
    outs = []
    for seed in ("1", "1", "2"):
        code, out, _ = run(capsys, "simulate", "tutorial", "--plan", str(TUTORIAL_PLAN), "--seed", seed, "--json")
        assert code == 0
        outs.append(json.loads(out))
    assert outs[0] == outs[1]
    assert outs[0]["total"]["gmv"] != outs[2]["total"]["gmv"]


def test_simulate_table(capsys):
    code, out, _ = run(capsys, "simulate", "tutorial", "--plan", str(TUTORIAL_PLAN))
    assert code == 0
    assert "Spring Tea Festival" in out and "Score" in out and "stars" in out


def test_simulate_accepts_a_path(capsys):
    path = ROOT / "scenarios" / "01-tutorial.toml"
    code, out, _ = run(capsys, "simulate", str(path), "--plan", str(TUTORIAL_PLAN), "--json")
    assert code == 0 and json.loads(out)["scenario"] == "tutorial"


@pytest.mark.parametrize("plan, message", [
    ("[default]\nfield = 999999\n", "the plan spends 999,999 yuan but the budget is 50,000"),
    ("[default]\nfield = -5\n", "default.field: must be at least 0"),
    ("[default]\nfeild = 5\n", "did you mean 'field'?"),
    ("[default\n", "not valid TOML"),
])
def test_simulate_refuses_bad_plans_clearly(capsys, tmp_path, plan, message):
    path = tmp_path / "plan.toml"
    path.write_text(plan)
    code, out, err = run(capsys, "simulate", "tutorial", "--plan", str(path))
    assert code == 1 and out == ""
    assert message in err and "Traceback" not in err


def test_simulate_unknown_scenario_and_missing_plan(capsys, tmp_path):
    code, _, err = run(capsys, "simulate", "nope", "--plan", str(TUTORIAL_PLAN))
    assert code == 1 and "known ids" in err
    code, _, err = run(capsys, "simulate", "tutorial", "--plan", str(tmp_path / "missing.toml"))
    assert code == 1 and "no such file" in err


def test_schema_is_json_schema_of_scenarios(capsys):
    code, out, _ = run(capsys, "schema")
    assert code == 0
    schema = json.loads(out)
    assert schema == scenario_schema()
    assert {"id", "title", "turns", "budget", "brand", "objectives"} <= set(schema["properties"])
    assert schema["additionalProperties"] is False


def test_committed_schema_is_current():
    committed = json.loads((ROOT / "docs" / "scenario.schema.json").read_text())
    assert committed == scenario_schema(), "regenerate: fact-trainer schema > docs/scenario.schema.json"


@pytest.mark.parametrize("content", [b"", b"\x00\xff\xfe", b"x" * 100 + b" = [[[", "\u4e2d = 1".encode()])
def test_validate_never_shows_a_traceback(tmp_path, content):
    path = tmp_path / "weird.toml"
    path.write_bytes(content)
    proc = subprocess.run([sys.executable, "-m", "trainer", "validate", str(path)],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr + proc.stdout
    assert str(path) in proc.stdout


def test_python_dash_m_and_help():
    proc = subprocess.run([sys.executable, "-m", "trainer", "list", "--json"], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0 and json.loads(proc.stdout)
    proc = subprocess.run([sys.executable, "-m", "trainer", "--help"], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0 and "simulate" in proc.stdout


def test_simulate_save_then_replay_prints_the_same(capsys, tmp_path):
    save = tmp_path / "sim.toml"
    code, simulated, _ = run(capsys, "simulate", "tutorial", "--plan", str(TUTORIAL_PLAN), "--json", "--save", str(save))
    assert code == 0 and save.exists()
    code, replayed, _ = run(capsys, "replay", str(save), "--json")
    assert code == 0 and json.loads(replayed) == json.loads(simulated)
    code, table, _ = run(capsys, "replay", str(save))
    assert code == 0 and "Score" in table


def test_replay_refuses_a_tampered_save(capsys, tmp_path):
    save = tmp_path / "sim.toml"
    run(capsys, "simulate", "tutorial", "--plan", str(TUTORIAL_PLAN), "--save", str(save))
    save.write_text(save.read_text().replace("score = ", "score = 9", 1))
    code, out, err = run(capsys, "replay", str(save))
    assert code == 1 and out == "" and "does not verify" in err and "the save says" in err
    save.write_text("garbage = [")
    code, out, err = run(capsys, "replay", str(save))
    assert code == 1 and str(save) in err and "not valid TOML" in err


def test_saves_lists_figures(capsys, tmp_path):
    run(capsys, "simulate", "tutorial", "--plan", str(TUTORIAL_PLAN), "--save", str(tmp_path / "a.toml"),
        "--player", "Ann")
    (tmp_path / "broken.toml").write_text("")
    code, out, _ = run(capsys, "saves", "--saves-dir", str(tmp_path), "--json")
    assert code == 0
    data = {Path(d["path"]).name: d for d in json.loads(out)}
    assert data["a.toml"]["player"] == "Ann" and data["a.toml"]["turns_played"] == 6
    assert data["a.toml"]["gmv"] > 0 and data["a.toml"]["problem"] is None
    assert "empty" in data["broken.toml"]["problem"]
    code, out, _ = run(capsys, "saves", "--saves-dir", str(tmp_path))
    assert code == 0 and "Ann" in out and "cannot be loaded" in out


def test_balance_passes_shipped_levels_and_prints_lessons(capsys):
    code, out, _ = run(capsys, "balance", "dairy-gpm", "--seeds", "3")
    assert code == 0 and "holds" in out and "passed" in out and "roi_greedy" in out
    code, out, _ = run(capsys, "balance", "tutorial", "--seeds", "2", "--json")
    data = json.loads(out)
    assert code == 0 and data["passed"] and data["seeds"] == 2 and "balanced" in data["players"]


def test_balance_shows_each_objective_what_capped_the_stars_and_a_plan_week_by_week(capsys):
    from trainer.core.balance import reference_plan
    from trainer.core.library import find

    code, out, _ = run(capsys, "balance", "double11-festival", "--seeds", "3", "--player", "roi_greedy", "--plan")
    assert code == 0
    section = out[out.index("objectives, as roi_greedy met them (mean over 3 seeds):"):]
    for objective in find("double11-festival")[0].objectives:
        assert objective.label in section
    # chasing ROI leaves profit short on this level: the profit objective caps the stars
    profit = next(line for line in section.splitlines() if line.strip().startswith("Profit over"))
    assert profit.endswith("on 3 of 3 seeds")
    game = reference_plan(find("double11-festival")[0], "roi_greedy")
    weeks = [line.split() for line in out[out.index("week by week"):].splitlines()[2:2 + game.scenario.turns]]
    assert [int(w[0]) for w in weeks] == list(range(1, game.scenario.turns + 1))
    assert [int(w[2].replace(",", "")) for w in weeks] == [r.decision.field for r in game.reports]
    code, out, err = run(capsys, "balance", "tutorial", "--player", "nobody")
    assert code == 1 and "not a reference player" in err and out == ""
    code, _, _ = run(capsys, "balance", "tutorial", "--seeds", "2", "--player", "balanced/no_field")
    assert code == 0
    data = json.loads(run(capsys, "balance", "tutorial", "--seeds", "2", "--json")[1])
    assert {o["label"] for o in data["objectives"]["balanced"]} == {"GMV over six weeks", "Store rating at the end"}


def test_balance_fails_with_exit_1_when_a_lesson_fails(capsys, tmp_path):
    text = (ROOT / "scenarios" / "01-tutorial.toml").read_text()
    bad = tmp_path / "bad-lesson.toml"
    # the lesson in both languages: a translated level gives one [[zh.lessons]] per [[lessons]]
    bad.write_text(text + '\n[[lessons]]\ntext = "all-in campaign wins"\nbetter = "all_in_campaign"\nworse = "balanced"\n'
                   '\n[[zh.lessons]]\ntext = "全押营销活动获胜"\n')
    code, out, _ = run(capsys, "balance", str(bad), "--seeds", "2")
    assert code == 1 and "FAILS" in out


def test_solve_prints_a_plan_that_simulate_accepts(capsys, tmp_path):
    code, out, _ = run(capsys, "solve", "tutorial", "--evaluations", "300")
    assert code == 0 and out.startswith("# Answer key for tutorial")
    claimed = int(out.split("score ")[1].split(",")[0])
    plan = tmp_path / "key.toml"
    plan.write_text(out)
    code, out, _ = run(capsys, "simulate", "tutorial", "--plan", str(plan), "--json")
    assert code == 0 and json.loads(out)["total"]["score"] == claimed


def test_new_writes_a_starter_that_validates_and_plays(capsys, tmp_path):
    path = tmp_path / "my-level.toml"
    code, out, _ = run(capsys, "new", "my-level", "--out", str(path))
    assert code == 0 and path.exists()
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 0
    code, out, _ = run(capsys, "balance", str(path), "--seeds", "2")
    assert code == 0
    before = path.read_text()
    code, _, err = run(capsys, "new", "my-level", "--out", str(path))
    assert code == 1 and "already exists" in err and path.read_text() == before
    code, _, err = run(capsys, "new", "Bad Id", "--out", str(tmp_path / "x.toml"))
    assert code == 1 and "lower-case" in err


@pytest.mark.parametrize("flags", [
    [],
    ["--category", "tea", "--weeks", "12", "--events", "5,10", "--kols", "3"],
    ["--category", "skin care", "--weeks", "10", "--kols", "2"],
    ["--weeks", "8", "--events", "none", "--kols", "0"],
    ["--weeks", "10", "--events", "3,6,9", "--kols", "3"],
    ["--weeks", "30", "--events", "5,15,25"],
])
def test_new_takes_category_weeks_events_and_kols_and_the_starter_passes_balance(capsys, tmp_path, flags):
    from trainer.core.loading import load_scenario

    folder = tmp_path / "levels"
    folder.mkdir()
    path = folder / "mine.toml"
    code, _, err = run(capsys, "new", "mine", "--out", str(path), *flags)
    assert code == 0, err
    scenario = load_scenario(path)
    given = dict(zip(flags[::2], flags[1::2]))
    assert scenario.brand.category == given.get("--category", "snacks")
    assert scenario.turns == int(given.get("--weeks", 8))
    events = given.get("--events")
    # no --events: one event three quarters of the way through
    weeks = [] if events == "none" else [int(w) for w in events.split(",")] if events else [round(scenario.turns * 3 / 4)]
    assert sorted(t for e in scenario.events for t in e.turns) == weeks
    assert len(scenario.kols) == int(given.get("--kols", 1))
    assert any(k.categories == [scenario.brand.category] for k in scenario.kols) == (len(scenario.kols) != 0)
    code, out, _ = run(capsys, "balance", str(path), "--seeds", "6")
    assert code == 0 and "FLAG" not in out and "passed" in out
    # the #:schema line editors read points at the schema from wherever the file was written
    schema = path.read_text().splitlines()[0].removeprefix("#:schema ")
    assert (path.parent / schema).resolve() == (ROOT / "docs" / "scenario.schema.json").resolve()


@pytest.mark.parametrize("flags, expected", [
    (["--weeks", "5"], "the starter lasts 8 to 52 weeks"),
    (["--events", "2,6"], "from 3 to 8"),
    (["--events", "4,4"], "its own week"),
    (["--events", "x"], "as numbers"),
    (["--kols", "4"], "0 to 3 KOLs"),
    (["--category", 'tea"]\n[market]'], "a word or two"),
])
def test_new_refuses_flags_it_cannot_make_a_sound_level_from(capsys, tmp_path, flags, expected):
    path = tmp_path / "mine.toml"
    code, out, err = run(capsys, "new", "mine", "--out", str(path), *flags)
    assert code == 1 and expected in err and not path.exists()


def test_leaderboard_json_csv_and_text(capsys, tmp_path):
    from trainer.core.bots import balanced
    from trainer.core.engine import Engine
    from trainer.core.saves import Autosave
    from trainer.core.workshop import load_workshop, workshop_saves

    example = ROOT / "workshops" / "example.toml"
    workshop, scenarios = load_workshop(example)
    game = Engine(scenarios[0]).new_game(workshop.seed_for(0, scenarios[0]))
    slot = Autosave.new(workshop_saves(tmp_path, workshop), "Ann", scenarios[0].id, workshop=workshop.id)
    while not game.finished:
        game.step(balanced(game))
        slot.save(game)
    code, out, _ = run(capsys, "leaderboard", "--workshop", str(example), "--saves-dir", str(tmp_path), "--json")
    data = json.loads(out)
    assert code == 0 and data["entries"][0]["name"] == "Ann" and data["entries"][0]["rank"] == 1
    assert data["entries"][0]["verified"] is True
    code, out, _ = run(capsys, "leaderboard", "--workshop", str(example), "--saves-dir", str(tmp_path), "--csv")
    assert code == 0 and out.splitlines()[0].startswith("rank,name,scenario") and "Ann" in out
    code, out, _ = run(capsys, "leaderboard", "--workshop", str(example), "--saves-dir", str(tmp_path))
    assert code == 0 and "Ann" in out and "tutorial" in out


def test_workshop_saves_are_listed_found_from_their_own_folder_and_an_empty_folder_says_where(capsys, tmp_path):
    from trainer.core.bots import balanced
    from trainer.core.engine import Engine
    from trainer.core.saves import Autosave
    from trainer.core.workshop import load_workshop, workshop_saves

    example = ROOT / "workshops" / "example.toml"
    workshop, scenarios = load_workshop(example)
    folder = workshop_saves(tmp_path, workshop)
    game = Engine(scenarios[0]).new_game(workshop.seed_for(0, scenarios[0]))
    slot = Autosave.new(folder, "Ann", scenarios[0].id, workshop=workshop.id)
    game.step(balanced(game))
    slot.save(game)
    Autosave.new(folder, "Bo", scenarios[0].id, workshop=workshop.id).save(
        Engine(scenarios[0]).new_game(workshop.seed_for(0, scenarios[0])))  # joined, no week ended yet
    # `saves` lists a workshop's games too, with the workshop they belong to
    code, out, _ = run(capsys, "saves", "--saves-dir", str(tmp_path))
    ann = next(line for line in out.splitlines() if line.startswith("Ann"))
    assert code == 0 and f"{workshop.id}/{slot.path.name}" in ann and ann.endswith(f"workshop {workshop.id}")
    data = json.loads(run(capsys, "saves", "--saves-dir", str(tmp_path), "--json")[1])
    assert {d["player"]: d["workshop"] for d in data} == {"Ann": workshop.id, "Bo": workshop.id}
    # the workshop's own folder, given to --saves-dir, is where its games are
    code, out, _ = run(capsys, "leaderboard", "--workshop", str(example), "--saves-dir", str(folder))
    assert code == 0 and ": 2 games" in out
    bo = next(line for line in out.splitlines() if " Bo " in line)
    assert bo.split()[2:4] == ["0", "-"]  # no week played: no score shown
    empty = tmp_path / "elsewhere"
    empty.mkdir()
    code, out, _ = run(capsys, "leaderboard", "--workshop", str(example), "--saves-dir", str(empty))
    assert code == 0 and ": 0 games" in out and f"No saves in {empty / workshop.id}" in out and "--saves-dir" in out


def test_validate_recognises_workshop_files(capsys):
    code, out, _ = run(capsys, "validate", str(ROOT / "workshops" / "example.toml"))
    assert code == 0 and "workshop example" in out


@pytest.mark.parametrize("fmt", ["md", "html", "csv", "json"])
def test_report_formats_hold_the_debrief(capsys, tmp_path, fmt):
    save = tmp_path / "ann.toml"
    run(capsys, "simulate", "tutorial", "--plan", str(TUTORIAL_PLAN), "--save", str(save), "--player", "Ann")
    code, out, err = run(capsys, "report", str(save), "--format", fmt, "--out", str(tmp_path / "reports"))
    assert code == 0, err
    path = tmp_path / "reports" / f"ann.{fmt}"
    assert out.strip() == f"wrote {path}"
    text = path.read_text()
    simulated = json.loads(run(capsys, "replay", str(save), "--json")[1])
    if fmt == "csv":
        import csv as csvlib
        rows = list(csvlib.DictReader(text.splitlines()))
        assert [int(r["turn"]) for r in rows] == list(range(1, 7))
        assert [int(r["gmv"]) for r in rows] == [t["gmv"] for t in simulated["turns"]]
        booked = [t.get("kol") or "" for t in simulated["turns"]]
        assert [r["kol"] for r in rows] == booked and rows[4]["event"] == "Spring Tea Festival"
        assert {"field", "alliance", "campaign", "top_kol", "content", "discount", "profit", "rating_after"} <= set(rows[0])
    elif fmt == "json":
        data = json.loads(text)
        assert data["turns"] == simulated["turns"] and data["player"] == "Ann"
        names = [b["name"] for b in data["debrief"]["benchmarks"]]
        assert names == ["balanced", "roi_greedy", "even_split", "answer_key"]
        assert data["debrief"]["lessons"]
    else:
        score = str(simulated["total"]["score"])
        assert "Ann" in text and score in text and "Answer key" in text and "Week by week" in text
        assert "First steps: a tea shop goes live" in text
        if fmt == "html":
            assert text.startswith("<!doctype html>") and "http" not in text.replace("http-equiv", "")


def test_report_refuses_a_damaged_save_and_defaults_to_saves_reports(capsys, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("format = 1\n")
    code, _, err = run(capsys, "report", str(bad))
    assert code == 1 and str(bad) in err
    save = tmp_path / "ok.toml"
    run(capsys, "simulate", "tutorial", "--plan", str(TUTORIAL_PLAN), "--save", str(save))
    code, out, _ = run(capsys, "report", str(save), "--saves-dir", str(tmp_path), "--no-answer-key")
    assert code == 0 and (tmp_path / "reports" / "ok.md").exists()


def test_workshop_export_writes_every_turn_and_each_debrief(capsys, tmp_path):
    from trainer.core.bots import balanced, roi_greedy
    from trainer.core.engine import Engine
    from trainer.core.saves import Autosave
    from trainer.core.workshop import load_workshop, workshop_saves

    example = ROOT / "workshops" / "example.toml"
    workshop, scenarios = load_workshop(example)
    for name, bot in (("Ann", balanced), ("Bo", roi_greedy)):
        game = Engine(scenarios[0]).new_game(workshop.seed_for(0, scenarios[0]))
        slot = Autosave.new(workshop_saves(tmp_path, workshop), name, scenarios[0].id, workshop=workshop.id)
        while not game.finished:
            game.step(bot(game))
            slot.save(game)
    out_dir = tmp_path / "export"
    code, out, err = run(capsys, "leaderboard", "--workshop", str(example), "--saves-dir", str(tmp_path),
                         "--export", str(out_dir))
    assert code == 0, err
    import csv as csvlib
    board = list(csvlib.DictReader((out_dir / "leaderboard.csv").read_text().splitlines()))
    assert [r["name"] for r in board] == ["Ann", "Bo"] or [r["name"] for r in board] == ["Bo", "Ann"]
    turns = list(csvlib.DictReader((out_dir / "turns.csv").read_text().splitlines()))
    assert len(turns) == 2 * scenarios[0].turns and {"name", "turn", "gmv", "field"} <= set(turns[0])
    assert len(list((out_dir / "debriefs").glob("*.md"))) == 2


def test_solves_default_budget_is_the_searchs():
    # the command line keeps its default without importing the search at start-up: one number
    from trainer.cli import build_parser
    from trainer.core.search import DEFAULT_EVALUATIONS

    assert build_parser().parse_args(["solve", "tutorial"]).evaluations == DEFAULT_EVALUATIONS


def test_schema_workshop_is_the_json_schema_of_workshop_files_and_the_committed_one_is_current(capsys):
    from trainer.core.schema import workshop_schema
    from trainer.core.workshop import Workshop

    code, out, _ = run(capsys, "schema", "--workshop")
    schema = json.loads(out)
    assert code == 0 and schema == workshop_schema()
    assert set(schema["properties"]) == set(Workshop.model_fields) and schema["additionalProperties"] is False
    committed = json.loads((ROOT / "docs" / "workshop.schema.json").read_text(encoding="utf-8"))
    assert committed == workshop_schema(), "regenerate: fact-trainer schema --workshop > docs/workshop.schema.json"


def test_the_example_workshop_names_its_schema_and_an_access_code():
    import tomllib

    example = ROOT / "workshops" / "example.toml"
    text = example.read_text(encoding="utf-8")
    schema = text.splitlines()[0].removeprefix("#:schema ")
    assert (example.parent / schema).resolve() == (ROOT / "docs" / "workshop.schema.json").resolve()
    assert tomllib.loads(text)["access_code"]
