"""The hostile-text and wrong-type corpus of issue 15: each case with the exact message expected.

Every case is a file an author or a stranger could hand the trainer. None may crash, none may
change the file, and every refusal names the line, the key and what to do.
"""

from __future__ import annotations

import pytest

from tests.core.test_loading import MINIMAL
from trainer.core.loading import FileProblems, load_plan, load_scenario
from trainer.core.text import control_problem, safe, scrub

SCENARIO_CASES = [
    # text that could take over a terminal
    (MINIMAL.replace('title = "Mini"', r'title = "\u001b]0;pwned\u0007"'),
     's.toml:2: title: contains a control character (ESC, U+001B) at position 1; remove it'),
    (MINIMAL.replace('title = "Mini"', r'title = "Mini\u001b[2J"'),
     's.toml:2: title: contains a control character (ESC, U+001B) at position 5; remove it'),
    (MINIMAL.replace('title = "Mini"', r'title = "Mini\nTwo"'),
     's.toml:2: title: contains a line break (newline, U+000A) at position 5; remove it'),
    (MINIMAL.replace('title = "Mini"', r'title = "Mini\u0007"'),
     's.toml:2: title: contains a control character (BEL, U+0007) at position 5; remove it'),
    (MINIMAL.replace('title = "Mini"', r'title = "Mini\u007f"'),
     's.toml:2: title: contains a control character (DEL, U+007F) at position 5; remove it'),
    (MINIMAL.replace('title = "Mini"', r'title = "Mini\u009b31m"'),
     's.toml:2: title: contains a control character (control character, U+009B) at position 5; remove it'),
    (MINIMAL.replace('title = "Mini"', r'title = "abc\u202egpj.exe"'),
     's.toml:2: title: contains a control character (RLO, U+202E) at position 4; remove it'),
    (MINIMAL.replace('title = "Mini"', r'title = "abc\u2066x"'),
     's.toml:2: title: contains a control character (LRI, U+2066) at position 4; remove it'),
    (MINIMAL.replace('name = "Acme"', r'name = "Acme\u001b]0;pwned\u0007"'),
     's.toml:6: brand.name: contains a control character (ESC, U+001B) at position 5; remove it'),
    (MINIMAL.replace('category = "snacks"', r'category = "snacks\r"'),
     's.toml:7: brand.category: contains a line break (carriage return, U+000D) at position 7; remove it'),
    (MINIMAL.replace('title = "Mini"', 'title = "Mini"\nbriefing = "one\\ttwo\\nthree\\u001b[2J"'),
     's.toml:3: briefing: contains a control character (ESC, U+001B) at position 14; remove it'),
    (MINIMAL.replace('title = "Mini"', 'title = "Mini"\nteaches = ["ok", "bad\\u0000"]'),
     's.toml:3: teaches: contains a control character (NUL, U+0000) at position 4; remove it'),
    (MINIMAL + 'label = "GMV\\u001b[31m"\n',
     's.toml:11: objectives[0].label: contains a control character (ESC, U+001B) at position 4; remove it'),
    # types quietly converted before
    (MINIMAL.replace("turns = 4", 'turns = "8"'),
     's.toml:3: turns: expected a whole number, found the string "8"; write turns = 8'),
    (MINIMAL.replace("turns = 4", "turns = true"),
     's.toml:3: turns: expected a whole number, found true'),
    (MINIMAL.replace("turns = 4", "turns = 4.5"),
     's.toml:3: turns: expected a whole number, found the number 4.5'),
    (MINIMAL.replace('category = "snacks"', 'category = "snacks"\nprice = "79"'),
     's.toml:8: brand.price: expected a whole number, found the string "79"; write price = 79'),
    (MINIMAL.replace("turns = 4", 'turns = 4\nseed = "808"'),
     's.toml:4: seed: expected a whole number, found the string "808"; write seed = 808'),
    (MINIMAL.replace("turns = 4", 'turns = 4\ncoaching = "no"'),
     's.toml:4: coaching: expected true or false, found the string "no"; write coaching = false'),
    (MINIMAL.replace("turns = 4", 'turns = 4\ncoaching = "maybe"'),
     's.toml:4: coaching: expected true or false, found the string "maybe" (without quotes)'),
]


SCENARIO_CASES += [
    # messages that did not help
    (MINIMAL + '[events]\nname = "x"\nturns = [1]\n',
     "s.toml:11: events: events must be a list of tables: write [[events]]"),
    (MINIMAL + 'season = 1\n',
     "s.toml:11: objectives[0].season: unknown key 'season'; allowed here: metric, stars, weight, label"),
    (MINIMAL.replace('metric = "gmv"\nstars = [100000, 200000, 300000]', 'metric = "rating"\nstars = [4, 5, 6]'),
     "s.toml:10: objectives[0].stars: a store rating is at most 5, so a threshold of 6 can never be reached; "
     "use thresholds from 0 to 5"),
    (MINIMAL + '[[events]]\nname = "A"\nturns = [1, 2]\n[[events]]\nname = "B"\nturns = [2]\n',
     "s.toml:16: events[1].turns: B and A both run in week 2; only one event applies a week: move one of them"),
    (MINIMAL.replace("turns = 4", "turns = 1") + '[[events]]\nname = "A"\nturns = [3]\n',
     "s.toml:13: events[0].turns: A runs in turn 3, but the game has only 1 turn"),
    (MINIMAL.replace('title = "Mini"', "title = 2024-01-01"),
     "s.toml:2: title: must be text in quotes, got the date/time 2024-01-01 (a TOML date; put it in quotes if it is text)"),
    (MINIMAL.replace('title = "Mini"', 'title = "Mini"\nbriefing = """\nhello\n'),
     's.toml:3: (syntax): not valid TOML: the """ opened here is never closed'),
]


SCENARIO_CASES += [
    # numbers the model cannot take, and rules a level can break without a crash
    (MINIMAL.replace("[brand]", "[market]\nfield = { cpm = 1e-300 }\n[brand]"),
     "s.toml:6: market.field.cpm: must be at least 5.0, got 1e-300"),
    (MINIMAL.replace("[brand]", "[market]\nfield = { cpm = 0.01 }\n[brand]"),
     "s.toml:6: market.field.cpm: must be at least 5.0, got 0.01"),
    (MINIMAL.replace("budget = 50000", "budget = 1000000000000000"),
     "s.toml:4: budget: must be between 0 and 1,000,000,000,000 yuan, got 1,000,000,000,000,000"),
    (MINIMAL + '[[lessons]]\ntext = "x"\nbetter = "balanced"\nworse = "balanced"\n',
     "s.toml:14: lessons[0].worse: better and worse are both 'balanced': a player cannot beat itself"),
    (MINIMAL + '[[steps]]\nweek = 9\ntext = "late"\n',
     "s.toml:12: steps[0].week: a step for week 9, but the game has only 4 weeks"),
]


@pytest.mark.parametrize("text, expected", SCENARIO_CASES)
def test_hostile_level_is_refused_with_its_message(tmp_path, text, expected):
    path = tmp_path / "s.toml"
    path.write_text(text, encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(FileProblems) as err:
        load_scenario(path)
    shown = [str(p).replace(str(tmp_path) + "/", "") for p in err.value.problems]
    assert shown == [expected]
    assert path.read_bytes() == before


@pytest.mark.parametrize("text, expected", [
    ('[default]\nfield = "20000"\n',
     'p.toml:2: default.field: expected a whole number, found the string "20000"; write field = 20000'),
    ("[default]\nfield = true\n",
     "p.toml:2: default.field: expected a whole number, found true"),
    ('[[turn]]\nturn = "4"\nfield = 1000\n',
     'p.toml:2: turn[0].turn: expected a whole number, found the string "4"; write turn = 4'),
    ('[default]\nkol = "a\\u001b[2J"\n',
     "p.toml:2: default.kol: contains a control character (ESC, U+001B) at position 2; remove it"),
    ('[default]\nproviders = ["x\\u0007"]\n',
     "p.toml:2: default.providers: contains a control character (BEL, U+0007) at position 2; remove it"),
])
def test_hostile_plan_is_refused_with_its_message(tmp_path, text, expected):
    from tests.conftest import SHIPPED
    path = tmp_path / "p.toml"
    path.write_text(text, encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(FileProblems) as err:
        load_plan(path, SHIPPED[0])
    shown = [str(p).replace(str(tmp_path) + "/", "") for p in err.value.problems]
    assert shown == [expected]
    assert path.read_bytes() == before


def test_markup_like_text_is_plain_text_and_accepted(tmp_path):
    path = tmp_path / "s.toml"
    path.write_text(MINIMAL.replace('name = "Acme"', 'name = "Peak Roast [/]"')
                    .replace('title = "Mini"', 'title = "[Official] Peak Roast"'), encoding="utf-8")
    scenario = load_scenario(path)
    assert scenario.brand.name == "Peak Roast [/]"
    assert scenario.title == "[Official] Peak Roast"


@pytest.mark.parametrize("text, multiline, expected", [
    ("plain", False, None),
    ("tab\there", False, "contains a control character (TAB, U+0009) at position 4; remove it"),
    ("tab\there", True, None),
    ("line\nbreak", True, None),
    ("\x1b[2J", True, "contains a control character (ESC, U+001B) at position 1; remove it"),
    ("中文 ok — “quotes”", False, None),
    ("zero\u200bwidth", False, None),
])
def test_control_problem(text, multiline, expected):
    problem = control_problem(text, multiline)
    assert (None if problem is None else str(problem)) == expected


def test_scrub_and_safe_replace_what_a_person_typed():
    assert scrub("Ann\x1b]0;pwned\x07", multiline=False) == ("Ann\ufffd]0;pwned\ufffd", 2)
    assert safe("a\x1b[2Jb\nc\u202e") == "a\ufffd[2Jb\nc\ufffd"


def test_a_byte_order_mark_is_accepted(tmp_path):
    path = tmp_path / "s.toml"
    path.write_bytes(b"\xef\xbb\xbf" + MINIMAL.encode())
    assert load_scenario(path).id == "mini"
