"""The command line with hostile input: refused or replaced, never raw on a terminal (issue 15)."""

from __future__ import annotations

import pytest

from trainer.cli import main

PLAN = "[default]\nfield = 20000\n"


def _not_warnings(err: str) -> list[str]:
    return [line for line in err.splitlines() if ": warning: " not in line]


def run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_simulate_refuses_a_negative_seed(tmp_path, capsys):
    (tmp_path / "p.toml").write_text(PLAN)
    code, _, err = run(capsys, "simulate", "tutorial", "--plan", str(tmp_path / "p.toml"),
                       "--seed", "-1", "--save", str(tmp_path / "s.toml"))
    assert code == 1
    assert _not_warnings(err) == ["--seed: must be 0 or more, got -1"]
    assert not (tmp_path / "s.toml").exists()


def test_simulate_does_not_create_a_missing_folder(tmp_path, capsys):
    (tmp_path / "p.toml").write_text(PLAN)
    target = tmp_path / "nodir" / "s.toml"
    code, _, err = run(capsys, "simulate", "tutorial", "--plan", str(tmp_path / "p.toml"), "--save", str(target))
    assert code == 1
    assert "does not exist" in err
    assert not target.parent.exists()


def test_player_name_markup_is_saved_as_written(tmp_path, capsys):
    (tmp_path / "p.toml").write_text(PLAN)
    code, _, _ = run(capsys, "simulate", "tutorial", "--plan", str(tmp_path / "p.toml"),
                     "--save", str(tmp_path / "s.toml"), "--player", "[/]")
    assert code == 0
    assert 'player = "[/]"\n' in (tmp_path / "s.toml").read_text()


def test_player_name_escapes_are_replaced_and_said(tmp_path, capsys):
    (tmp_path / "p.toml").write_text(PLAN)
    code, out, err = run(capsys, "simulate", "tutorial", "--plan", str(tmp_path / "p.toml"),
                         "--save", str(tmp_path / "s.toml"), "--player", "Ann\x1b]0;pwned\x07")
    assert code == 0
    assert _not_warnings(err) == ["--player: the name held 2 control characters; replaced with \ufffd: Ann\ufffd]0;pwned\ufffd"]
    assert "\x1b" not in out
    assert "\x1b" not in (tmp_path / "s.toml").read_text()


def test_a_save_whose_player_holds_escapes_does_not_verify(tmp_path, capsys):
    (tmp_path / "p.toml").write_text(PLAN)
    save = tmp_path / "s.toml"
    run(capsys, "simulate", "tutorial", "--plan", str(tmp_path / "p.toml"), "--save", str(save), "--player", "Ann")
    save.write_text(save.read_text().replace('player = "Ann"', 'player = "Ann\\u001b]0;pwned\\u0007"'))
    before = save.read_bytes()
    code, out, err = run(capsys, "report", str(save))
    assert code == 1
    assert err.endswith("s.toml:6: player: contains a control character (ESC, U+001B) at position 4; remove it\n")
    code, out, err = run(capsys, "saves", "--saves-dir", str(tmp_path))
    assert "control character (ESC, U+001B)" in out + err
    assert "\x1b" not in out + err
    assert save.read_bytes() == before


def test_validate_prints_no_raw_escape(tmp_path, capsys):
    level = tmp_path / "bad.toml"
    level.write_text('id = "mini"\ntitle = "x\\u001b[2J"\nturns = 4\nbudget = 50000\n'
                     '[brand]\nname = "Acme"\ncategory = "snacks"\n'
                     '[[objectives]]\nmetric = "gmv"\nstars = [100000, 200000, 300000]\n')
    code, out, err = run(capsys, "validate", str(level))
    assert code == 1
    assert "title: contains a control character (ESC, U+001B) at position 2; remove it" in out + err
    assert "\x1b" not in out + err


def _hostile_game():
    from trainer.core.engine import Engine
    from trainer.core.library import find
    from trainer.core.plan import Decision

    s = find("tutorial")[0]
    s = s.model_copy(update={"title": "[Official] Peak | *Roast* <b>&", "lessons": ()})
    game = Engine(s).new_game(1)
    game.play([Decision(field=20000)] * 2)
    return game


def test_exports_escape_per_format_and_neutralise_formulas():
    from trainer.export import csv_cell, render

    game = _hostile_game()
    player = "=cmd|' /C calc'!A0"
    md = render(game, player, "md")
    assert "# Debrief: \\[Official\\] Peak \\| \\*Roast\\* \\<b\\>&" in md
    html = render(game, player, "html")
    assert "[Official] Peak | *Roast* &lt;b&gt;&amp;" in html and "<b>&" not in html
    assert csv_cell(player) == "'=cmd|' /C calc'!A0"
    assert [csv_cell(v) for v in ("+1", "-1", "@x", "ok", 3)] == ["'+1", "'-1", "'@x", "ok", 3]
    for fmt in ("md", "html", "csv", "json"):
        text = render(game, "Ann\x1b]0;x\x07", fmt)
        assert "\x1b" not in text and "\x07" not in text, fmt


def test_new_does_not_create_a_missing_folder(tmp_path, capsys):
    target = tmp_path / "nodir" / "abc.toml"
    code, _, err = run(capsys, "new", "abc", "--out", str(target))
    assert code == 1
    assert err == (f"the folder {target.parent} does not exist: create it first (mkdir -p {target.parent}); "
                   "nothing was written\n")
    assert not target.parent.exists()


def test_a_huge_plan_prints_a_capped_summary(tmp_path, capsys):
    plan = tmp_path / "big.toml"
    plan.write_text("[default]\nfield = 1000\n" + "".join(f"[[turn]]\nturn = {i}\nfield = 1\n" for i in range(1, 10001)))
    code, _, err = run(capsys, "simulate", "tutorial", "--plan", str(plan))
    assert code == 1
    lines = err.splitlines()
    assert len(lines) == 21
    assert lines[-1] == "...and 9,974 more problems"


@pytest.mark.parametrize("plan, expected", [
    ("[default]\n", ["warning: the plan spends nothing in any week: the game plays with no money on F, A, C or T"]),
    ('[default]\nfield = 20000\nkol = "tea-master-lin"\n',
     ["warning: the plan names a KOL but gives top_kol no money in weeks 1, 2, 3, 4, 5, 6: nobody is booked",
      "warning: 6 of 6 weeks spend under the budget (180,000 yuan unspent in all; first: week 1, 30,000 left)"]),
])
def test_simulate_warns_about_a_plan_that_does_little(tmp_path, capsys, plan, expected):
    path = tmp_path / "p.toml"
    path.write_text(plan)
    code, _, err = run(capsys, "simulate", "tutorial", "--plan", str(path))
    assert code == 0
    assert err.splitlines() == [f"{path}: {line}" for line in expected]


def test_solve_refuses_a_negative_budget_of_plans(capsys):
    from trainer.cli import main

    assert main(["solve", "tutorial", "--evaluations", "-5"]) == 1
    err = capsys.readouterr().err
    assert err.strip() == "--evaluations must be at least 1 (got -5)"


def test_a_second_file_with_a_shipped_id_is_listed_with_how_to_open_it(tmp_path, capsys, monkeypatch):
    from trainer.cli import main
    from trainer.core.library import scenarios_dir
    from trainer.core.paths import SCENARIOS_ENV

    copy = tmp_path / "mine.toml"
    copy.write_text((scenarios_dir() / "01-tutorial.toml").read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setenv(SCENARIOS_ENV, str(tmp_path))
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    shipped = scenarios_dir() / "01-tutorial.toml"
    assert (f"^ the id 'tutorial' opens {shipped}, which comes first; play this one by its path: "
            f"fact-trainer play {copy}") in out
