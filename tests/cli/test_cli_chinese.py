"""The command line in Chinese: every command's output and its error messages come from the
catalogs, so `fact-trainer --lang zh CMD` (or a Chinese locale) leaves no English sentence.

Each output is walked for Latin words: what is left once paths, options, ids and the FACT
terms (GMV, GPM, ROI, KOL, F/A/C/T) are taken out must be nothing."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SHIPPED_IDS
from trainer.cli import main
from trainer.core.scenario import BOT_NAMES, PLAYER_VARIANTS

ROOT = Path(__file__).resolve().parents[2]
TUTORIAL_PLAN = ROOT / "scenarios" / "plans" / "tutorial-starter.toml"
WORKSHOP = ROOT / "workshops" / "example.toml"

# words that are no English sentence: the method's terms, units and formats, the program's name
ALLOWED = {"GMV", "GPM", "ROI", "KOL", "F", "A", "C", "T", "TOML", "UTF-8", "JSON", "CSV", "CMA-ES", "MCN", "ID",
           "FACT", "Trainer", "fact-trainer", "en", "zh", "none", "FOLDER", "FILE", "PLAN", "PATH", "DIR", "THIS_FILE",
           "saves", "reports", "settings", "toml", "md", "html", "csv", "json", "bak", "true", "false"}
# ids a table shows: the levels', the workshop's, the reference players'
IDS = {*SHIPPED_IDS, "example", *BOT_NAMES, *PLAYER_VARIANTS, *(f"random_{i}" for i in range(1, 10))}
# the commands and keys an author types, quoted as they are typed
TYPED = {"list", "validate", "simulate", "balance", "report", "serve", "where", "new", "play", "lessons",
         "score", "field", "alliance", "campaign", "top_kol", "content", "brand", "product", "price", "kol",
         "commission", "discount", "providers", "default", "turn", "title", "id", "turns", "budget",
         "objectives"}


def english_left(text: str, extra: set[str] = frozenset()) -> list[str]:
    """The Latin words of `text` that are not a term, an id, a typed key, a path or an option."""
    latin = r"[^\s\u3000-\u9fff\uff00-\uffef]"  # a path ends at a space or a Chinese character
    text = re.sub(rf"{latin}*/{latin}*", " ", text)  # paths (and x/y figures)
    text = re.sub(r"(?<![A-Za-z0-9_-])--[a-z][a-z0-9_-]*", " ", text)  # options (right after a Chinese word too)
    text = re.sub(r"\$?FACT_TRAINER_\w+", " ", text)
    text = re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", " ", text)  # a save's time stamp
    text = re.sub(r"[\w.-]+\.(toml|md|html|csv|json|bak)\b", " ", text)  # file names
    words = re.findall(r"[A-Za-z][A-Za-z0-9_.-]*[A-Za-z0-9_]|[A-Za-z]", text)
    return [w for w in words if w not in ALLOWED | IDS | TYPED | set(extra)]


def zh(capsys, *args):
    code = main(["--lang", "zh", *map(str, args)])
    out = capsys.readouterr()
    return code, out.out, out.err


def has_chinese(text: str) -> bool:
    return re.search(r"[\u4e00-\u9fff]", text) is not None


def test_the_walk_finds_english_it_is_meant_to_find():
    # the check itself: an English sentence is caught, ids, terms and paths are not
    assert english_left("tutorial: 6周 GMV 1,234 /tmp/a.toml --lang") == []
    assert english_left("scenarios/01.toml：no such file") == ["no", "such", "file"]
    assert english_left("a/b.toml: cannot be read") == ["cannot", "be", "read"]
    assert english_left("得分951, 2 stars") == ["stars"]


def test_list_where_and_validate_speak_chinese(capsys, tmp_path):
    for args in (("list",), ("where",), ("where", "--saves-dir", tmp_path),
                 ("validate", ROOT / "scenarios" / "01-tutorial.toml", WORKSHOP)):
        code, out, err = zh(capsys, *args)
        assert code == 0 and has_chinese(out), (args, out)
        assert english_left(out + err) == [], (args, out + err)
    code, out, _ = zh(capsys, "list")
    assert "第一步：茶铺开播" in out  # the level's own title, in the level's Chinese text


def test_validate_problems_are_in_chinese(capsys, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('title = 3\nturnz = 5\n', encoding="utf-8")
    code, out, err = zh(capsys, "validate", bad, tmp_path / "missing.toml")
    assert code == 1
    assert f"{bad}:1: id: 缺少：这个键是必需的" in out
    assert f"{bad}:2: turnz: 未知的键'turnz'；你是不是想写'turns'？" in out
    assert "没有这个文件" in out
    assert english_left(out + err, {"turnz"}) == []
    # and the same problems in English, as they always were
    main(["--lang", "en", "validate", str(bad)])
    assert f"{bad}:1: id: missing: this key is required" in capsys.readouterr().out


def test_simulate_replay_saves_and_report_speak_chinese(capsys, tmp_path):
    save = tmp_path / "game.toml"
    code, out, err = zh(capsys, "simulate", "tutorial", "--plan", TUTORIAL_PLAN, "--save", save)
    assert code == 0 and "第一步：茶铺开播（tutorial），种子7" in out and "春茶节" in out  # the event's Chinese name
    assert "总GMV" in out and "得分" in out
    assert english_left(out + err) == []
    for args in (("replay", save), ("saves", "--saves-dir", tmp_path),
                 ("report", save, "--out", tmp_path / "out", "--no-answer-key")):
        code, out, err = zh(capsys, *args)
        assert code == 0 and has_chinese(out), (args, out, err)
        assert english_left(out + err, {"simulation"}) == [], (args, out + err)
    (tmp_path / "broken.toml").write_text("format = 99\n", encoding="utf-8")
    code, out, err = zh(capsys, "saves", "--saves-dir", tmp_path)
    assert "broken.toml：无法载入：由更新版本的FACT Trainer写成（格式99" in out
    assert english_left(out + err, {"simulation", "broken"}) == []


def test_an_edited_save_says_what_differs_in_chinese(capsys, tmp_path):
    save = tmp_path / "game.toml"
    zh(capsys, "simulate", "tutorial", "--plan", TUTORIAL_PLAN, "--save", save)
    save.write_text(save.read_text(encoding="utf-8").replace("score = ", "score = 9", 1), encoding="utf-8")
    code, out, err = zh(capsys, "replay", save)
    assert code == 1 and "第1周：存档记录GMV" in err and "重放得到GMV" in err
    assert english_left(err, {"edited"}) == []  # the status is the save's code, as --json gives it
    # English: the replay's score ends the sentence (the running total is said only when it differs)
    main(["--lang", "en", "replay", str(save)])
    line = next(x for x in capsys.readouterr().err.splitlines() if "the save says" in x)
    assert re.search(r"the replay gives GMV [\d,]+, GPM [\d.]+, score \d+$", line), line


def test_plan_problems_are_in_chinese(capsys, tmp_path):
    plan = tmp_path / "plan.toml"
    plan.write_text("[default]\nfield = 999999999\n\n[[turn]]\nturn = 9\n", encoding="utf-8")
    code, out, err = zh(capsys, "simulate", "tutorial", "--plan", plan)
    assert code == 1
    assert "第1, 2, 3, 4, 5, 6周：计划花费999,999,999元，但预算是50,000元" in err
    assert "有一个[[turn]]条目是第9周的，但tutorial只有6周" in err
    assert english_left(err) == []
    main(["--lang", "en", "simulate", "tutorial", "--plan", str(plan)])
    assert "turns 1, 2, 3, 4, 5, 6: the plan spends 999,999,999 yuan" in capsys.readouterr().err


def test_new_speaks_chinese(capsys, tmp_path):
    target = tmp_path / "my-level.toml"
    code, out, err = zh(capsys, "new", "my-level", "--out", target)
    assert code == 0 and has_chinese(out) and english_left(out + err, {"my-level"}) == []
    for args in (("new", "Bad Id"), ("new", "x", "--out", target), ("new", "y", "--out", tmp_path / "y.toml",
                                                                        "--weeks", "3"),
                 ("new", "y", "--out", tmp_path / "y.toml", "--events", "1"),
                 ("new", "y", "--out", tmp_path / "y.toml", "--kols", "9"),
                 ("new", "y", "--out", tmp_path / "y.toml", "--category", "!!")):
        code, out, err = zh(capsys, *args)
        assert code == 1 and has_chinese(err), (args, err)
        assert english_left(err, {"Bad", "Id", "x", "y", "tea", "snacks", "skin", "care"}) == [], (args, err)


def test_balance_speaks_chinese_with_aligned_columns(capsys):
    code, out, err = zh(capsys, "balance", "tutorial", "--seeds", "2", "--plan")
    assert code == 0 and "通过" in out and "目标，balanced的完成情况" in out
    assert english_left(out + err) == []
    lines = out.splitlines()
    from trainer.i18n import width

    # each table's header ends where its rows end, a Chinese character counting two columns
    head = next(x for x in lines if x.startswith("玩家"))
    row = next(x for x in lines if x.startswith("balanced "))
    assert width(head) == width(row)
    head = next(x for x in lines if x.strip().startswith("周 "))
    week = lines[lines.index(head) + 1]
    assert width(head) == width(week.rstrip()) or width(head.rstrip()) == width(week.rstrip())
    assert head.index("预算") and width(head[:head.index("预算") + 2]) == width(week[:week.index("50,000") + 6])


def test_balance_lessons_speaks_chinese(capsys):
    """What the best plan is re-optimised under, and the money's split, are worded in Chinese:
    no position's or strength's key and no English constraint (a KOL's name is the level's)."""
    code, out, err = zh(capsys, "balance", "kol-launch", "--lessons", "--evaluations", "120")
    assert "最优" in out and "企业自播" in out and "内容力" in out and "开局前3周降价70%" in out
    lesson_lines = [x for x in out.splitlines() if x.startswith(("成立", "不成立", "跳过"))]
    assert len(lesson_lines) == 5 and any("只请薇薇安（流行歌星）" in x for x in lesson_lines)
    assert english_left(out) == []
    assert not re.search(r"\b(field|alliance|campaign|top_kol|content|without|with|only|booking)\b", out)


def test_every_lesson_constraint_and_note_is_in_both_catalogs():
    from trainer import i18n
    from trainer.core.lessons import constraints_for
    from trainer.ui.messages import said
    from tests.conftest import SHIPPED

    seen = set()
    for scenario in SHIPPED:
        for lesson in scenario.lessons:
            constraints, note = constraints_for(scenario, lesson)
            seen.update(c.label for c in constraints if c.label.code != "under.star")
            if note is not None:
                seen.add(note)
    assert len(seen) >= 8
    try:
        i18n.set_language("zh")
        for label in seen:
            assert has_chinese(said(label)) and english_left(said(label)) == [], label
    finally:
        i18n.set_language("en")


def test_solve_and_its_errors_speak_chinese(capsys):
    code, out, err = zh(capsys, "solve", "tutorial", "--evaluations", "30")
    assert code == 0 and out.startswith("# tutorial在种子7上的参考答案")
    comments = "\n".join(x for x in out.splitlines() if x.startswith("#"))
    assert english_left(comments) == []
    for args in (("solve", "tutorial", "--evaluations", "0"), ("balance", "tutorial", "--seeds", "0"),
                 ("balance", "tutorial", "--player", "nobody")):
        code, out, err = zh(capsys, *args)
        assert code == 1 and has_chinese(err) and english_left(err, {"nobody"}) == [], (args, err)


def test_leaderboard_speaks_chinese(capsys, tmp_path):
    folder = tmp_path / "example"
    folder.mkdir()
    zh(capsys, "simulate", "tutorial", "--plan", TUTORIAL_PLAN, "--save", folder / "ann--tutorial.toml",
       "--player", "Ann")
    code, out, err = zh(capsys, "leaderboard", "--workshop", WORKSHOP, "--saves-dir", tmp_path)
    assert code == 0 and has_chinese(out)
    assert english_left(out + err, {"Ann", "ann", "tutorial"}) == []
    code, out, _ = zh(capsys, "leaderboard", "--workshop", WORKSHOP, "--saves-dir", tmp_path, "--json")
    assert set(json.loads(out)["entries"][0]) >= {"rank", "name", "score", "problem"}  # JSON keys stay English


def test_serve_start_up_lines_speak_chinese(capsys, tmp_path, monkeypatch):
    import textual_serve.server

    class Server:  # stands in for the web server: the start-up lines are printed before it serves
        def __init__(self, *args, **kwargs):
            pass

        def serve(self):
            pass

    monkeypatch.setattr(os, "environ", os.environ.copy())  # serve sets its address and codes for its games
    monkeypatch.setattr(textual_serve.server, "Server", Server)
    monkeypatch.setattr("trainer.serving.port_taken", lambda host, port: None)
    code, out, err = zh(capsys, "serve", "--workshop", WORKSHOP, "--saves-dir", tmp_path, "--port", "8765")
    assert code == 0 and has_chinese(out), out
    code_word = re.search(r"host-[0-9a-f]+", out)
    assert english_left(re.sub(r"host-[0-9a-f]+", " ", out + err)) == [], out + err
    assert code_word is not None or "facilitator_code" in WORKSHOP.read_text(encoding="utf-8")


@pytest.mark.parametrize("how", ["LANG", "setting"])
def test_the_locale_and_the_kept_setting_choose_chinese_too(how, tmp_path, monkeypatch):
    if how == "LANG":
        monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    else:
        main(["--lang", "en", "where"])  # nothing kept by a command; the setting is the title screen's
        from trainer.settings import save_language

        save_language("zh_CN")
    proc = subprocess.run([sys.executable, "-m", "trainer", "validate", str(ROOT / "scenarios" / "01-tutorial.toml")],
                          capture_output=True, text=True, cwd=ROOT)
    assert "正常（tutorial，6周；语言：en, zh）" in proc.stdout, proc.stdout + proc.stderr


def test_argparse_speaks_chinese_too(capsys):
    with pytest.raises(SystemExit):
        main(["--lang", "zh", "simulate"])
    err = capsys.readouterr().err
    assert err.startswith("用法：fact-trainer simulate") and "错误：缺少必需的参数：SCENARIO, --plan" in err
    assert "usage" not in err and "error" not in err and "required" not in err
    with pytest.raises(SystemExit):
        main(["--lang", "en", "simulate"])
    assert "error: the following arguments are required: SCENARIO, --plan" in capsys.readouterr().err


def test_a_levels_own_checks_speak_chinese(capsys, tmp_path):
    # checks that span keys (the level's validators), each at its line, in Chinese
    text = (ROOT / "scenarios" / "01-tutorial.toml").read_text(encoding="utf-8")
    level = tmp_path / "level.toml"
    level.write_text(text.replace("budget = 50000", "budget = [1, 2]").replace("week = 1\n", "week = 9\n", 1),
                     encoding="utf-8")
    code, out, err = zh(capsys, "validate", level)
    assert code == 1
    assert f"{level}:13: budget: 列出了2个金额，但游戏是turns = 6：请每周给一个金额，或只给一个数" in out
    assert "steps[0].week: 有一个第9周的步骤，但游戏只有6周" in out
    assert english_left(out + err, {"steps", "week", "turns"}) == []
    main(["--lang", "en", "validate", str(level)])
    out = capsys.readouterr().out
    assert "budget: lists 2 amounts but the game has turns = 6" in out
    assert "steps[0].week: a step for week 9, but the game has only 6 weeks" in out
