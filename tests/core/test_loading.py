"""Scenario and plan files: valid ones load, every kind of mistake is located and explained."""

from __future__ import annotations

import pytest

from tests.conftest import SHIPPED
from trainer.core.library import entries, find, scenarios_dir
from trainer.core.loading import FileProblems, key_lines, load_plan, load_scenario
from trainer.core.scenario import Scenario

MINIMAL = """\
id = "mini"
title = "Mini"
turns = 4
budget = 50000
[brand]
name = "Acme"
category = "snacks"
[[objectives]]
metric = "gmv"
stars = [100000, 200000, 300000]
"""


def problems(tmp_path, text: str | bytes, name="s.toml"):
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    with pytest.raises(FileProblems) as err:
        load_scenario(path)
    return [str(p).replace(f"{tmp_path}/", "") for p in err.value.problems], path


def test_shipped_scenarios_validate():
    found = entries(scenarios_dir())
    assert found, "no scenarios shipped"
    for entry in found:
        assert entry.scenario is not None, [str(p) for p in entry.problems]


def test_a_minimal_scenario_is_about_ten_lines(tmp_path):
    assert len(MINIMAL.strip().splitlines()) <= 11
    path = tmp_path / "mini.toml"
    path.write_text(MINIMAL)
    scenario = load_scenario(path)
    assert scenario.turns == 4 and scenario.budgets == [50000] * 4
    # the defaults give every position its own character
    assert scenario.market.field.carryover > scenario.market.campaign.carryover


def test_find_by_id_and_by_path():
    for scenario in SHIPPED:
        found, path = find(scenario.id)
        assert found == scenario
        assert find(str(path))[0] == scenario
    with pytest.raises(FileProblems) as err:
        find("no-such-level")
    assert "known ids" in str(err.value)


@pytest.mark.parametrize("text, expected", [
    (MINIMAL.replace("budget = 50000", "budgt = 50000"),
     ["s.toml:4: budgt: unknown key 'budgt'; did you mean 'budget'?"]),
    (MINIMAL + "[market.feild]\ncpm = 3\n",
     ["s.toml:11: market.feild: unknown key 'feild'; did you mean 'field'?"]),
    (MINIMAL.replace('category = "snacks"', 'category = "snacks"\nstrengths = { content = 120 }'),
     ["s.toml:8: brand.strengths.content: must be at most 100"]),
    (MINIMAL.replace("turns = 4", 'turns = "four"'),
     ['s.toml:3: turns: expected a whole number, found the string "four"']),
    (MINIMAL.replace("stars = [100000, 200000, 300000]", "stars = [300000, 200000]"),
     ["s.toml:10: objectives[0].stars: star thresholds must rise"]),
    (MINIMAL + '[[events]]\nname = "618"\nturns = [9]\n',
     ["s.toml:13: events[0].turns: 618 runs in turn 9, but the game has only 4 turns"]),
    (MINIMAL + '[[kols]]\nid = "a"\nname = "A"\nfee = 5\naudience = 9\n[[kols]]\nid = "a"\nname = "B"\nfee = 5\naudience = 9\n',
     ["s.toml:17: kols[1].id: another KOL already has the id 'a'"]),
    (MINIMAL.replace("budget = 50000", "budget = [1, 2]"),
     ["s.toml:4: budget: lists 2 amounts but the game has turns = 4"]),
    (MINIMAL.replace("budget = 50000", "budget = -5"),
     ["s.toml:4: budget: must be between 0 and"]),
    (MINIMAL.replace("budget = 50000", "budget = 1e400"),
     ["s.toml:4: budget: must be a whole number of yuan, got inf"]),
    (MINIMAL.replace("turns = 4", "turns = 99999999999999999999999"),
     ["s.toml:3: turns: must be at most 104"]),
    (MINIMAL + "[creators]\ndefault_commission = 50\n",
     ["s.toml:12: creators.default_commission: 50 is outside the commission range"]),
    (MINIMAL.replace('metric = "gmv"', 'metric = "gvm"'),
     ["s.toml:9: objectives[0].metric: must be one of"]),
    (MINIMAL.replace('id = "mini"', 'id = "Mini Level"'),
     ["s.toml:1: id: 'Mini Level' may hold only lower-case letters"]),
    (MINIMAL.replace('title = "Mini"', "title = \n"),
     ["s.toml:2: (syntax): not valid TOML"]),
    ("", ["s.toml:1: id: missing", "s.toml:1: objectives: missing"]),
    (MINIMAL.replace("[brand]", "brand = 5\n[x]"),
     ["s.toml:5: brand: must be a table of keys"]),
])
def test_mistakes_are_located_and_explained(tmp_path, text, expected):
    found, _ = problems(tmp_path, text)
    for line in expected:
        assert any(p.startswith(line) for p in found), (line, found)


@pytest.mark.parametrize("raw, expected", [
    (b"\x00\x01\x02binary", "is binary"),
    (b'id = "caf\xe9"\n', "is not UTF-8"),
    (b"[" * 5000, "not valid TOML"),
])
def test_files_that_are_not_text_are_refused_plainly(tmp_path, raw, expected):
    found, _ = problems(tmp_path, raw)
    assert len(found) == 1 and expected in found[0]


def test_a_missing_file_and_a_folder(tmp_path):
    with pytest.raises(FileProblems) as err:
        load_scenario(tmp_path / "nope.toml")
    assert "no such file" in str(err.value)
    with pytest.raises(FileProblems) as err:
        load_scenario(tmp_path)
    assert "folder" in str(err.value)


def test_key_lines_follow_tables_arrays_and_multiline_strings():
    text = 'a = 1\nb = """\nc = 2\n"""\n[t]\nx = 1\n[[arr]]\ny = 1\n[[arr]]\ny = 2\n[arr.sub]\nz = 3\n'
    lines = key_lines(text)
    assert lines[("a",)] == 1 and lines[("b",)] == 2
    assert ("c",) not in lines  # inside the string
    assert lines[("t", "x")] == 6
    assert lines[("arr", 0, "y")] == 8 and lines[("arr", 1, "y")] == 10
    assert lines[("arr", "sub", "z")] == 12


# ------------------------------------------------------------------ plans

@pytest.fixture
def mini(tmp_path) -> Scenario:
    path = tmp_path / "mini.toml"
    path.write_text(MINIMAL + '[[kols]]\nid = "lin"\nname = "Lin"\nfee = 20000\naudience = 400000\n')
    return load_scenario(path)


def plan_problems(tmp_path, scenario, text):
    path = tmp_path / "plan.toml"
    path.write_text(text)
    with pytest.raises(FileProblems) as err:
        load_plan(path, scenario)
    return [str(p).replace(f"{tmp_path}/", "") for p in err.value.problems]


def test_a_plan_applies_default_and_overrides(tmp_path, mini):
    path = tmp_path / "plan.toml"
    path.write_text("[default]\nfield = 20000\ncontent = 5000\n[[turn]]\nturn = 3\ncampaign = 10000\ncontent = 0\n")
    decisions = load_plan(path, mini)
    assert len(decisions) == 4
    assert decisions[0].field == 20000 and decisions[0].content == 5000 and decisions[0].campaign == 0
    assert decisions[2].field == 20000 and decisions[2].campaign == 10000 and decisions[2].content == 0


@pytest.mark.parametrize("text, expected", [
    ("[default]\nfield = 60000\n", "plan.toml:1: default: turns 1, 2, 3, 4: the plan spends 60,000 yuan but the budget is 50,000"),
    ("[default]\nfield = 10000\n[[turn]]\nturn = 2\nfield = 90000\n", "plan.toml:3: turn[0]: turn 2: the plan spends 90,000"),
    ("[default]\nfield = -1\n", "plan.toml:2: default.field: must be at least 0"),
    ("[default]\nfeild = 1\n", "plan.toml:2: default.feild: unknown key 'feild'; did you mean 'field'?"),
    ("[default]\ntop_kol = 20000\nkol = \"nobody\"\n", "plan.toml:3: default.kol: turns 1, 2, 3, 4: no KOL has the id 'nobody' (known: lin)"),
    ("[default]\ntop_kol = 5000\n", "plan.toml:2: default.top_kol: turns 1, 2, 3, 4: top_kol 5,000 affords no KOL"),
    ("[[turn]]\nturn = 9\nfield = 1\n", "plan.toml:2: turn[0].turn: a [[turn]] entry is for turn 9, but mini has 4 turns"),
    ("[default]\ncommission = 95\n", "plan.toml:2: default.commission: turns 1, 2, 3, 4: commission 95% is outside"),
    ("[default]\ndiscount = 95\n", "plan.toml:2: default.discount: must be at most 90"),
    ("field = 1\n", "plan.toml:1: field: unknown key 'field'"),
])
def test_plan_mistakes_are_located(tmp_path, mini, text, expected):
    found = plan_problems(tmp_path, mini, text)
    assert any(p.startswith(expected) for p in found), found
