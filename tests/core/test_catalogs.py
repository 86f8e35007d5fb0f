"""The gettext catalogs: every message the code marks is translated in every language, with
the same placeholders; numbers are written per locale; the language is chosen as documented."""

from __future__ import annotations

import re
import string
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from hypothesis import given
from hypothesis import strategies as st

from trainer import i18n
from trainer.settings import SettingsError, save_language, saved_language, settings_path, start_language

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "trainer" / "i18n" / "locale"
METHOD_MAP = [("**.py", "python")]  # as babel.cfg says


def _extracted() -> dict[str, str]:
    """msgid -> where, for every message the code under trainer/ marks (as `pybabel extract` finds them)."""
    out = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(str(ROOT / "trainer"), METHOD_MAP):
        msgid = message if isinstance(message, str) else message[0]
        if msgid:
            out.setdefault(msgid, f"trainer/{filename}:{lineno}")
    return out


EXTRACTED = _extracted()


def _catalog(language: str):
    with open(LOCALE / language / "LC_MESSAGES" / f"{i18n.DOMAIN}.po", "rb") as f:
        return read_po(f, locale=language)


def _forms(value) -> tuple:
    """A message's text, or each of a plural's forms."""
    return tuple(value) if isinstance(value, (tuple, list)) else (value,)


def _fields(text: str) -> list[str]:
    """The placeholders of a template, with their conversion and format: {id!r}, {x:.1f}."""
    out = []
    for _literal, name, spec, conversion in string.Formatter().parse(text):
        if name is not None:
            out.append(f"{name}!{conversion or ''}:{spec or ''}")
    return sorted(out)


def test_the_code_marks_messages():
    assert len(EXTRACTED) > 400
    assert "Quit FACT Trainer?" in EXTRACTED and "F is the base" in EXTRACTED


def test_a_catalog_for_each_language():
    assert sorted(p.name for p in LOCALE.iterdir() if p.is_dir()) == sorted(i18n.LANGUAGES)


@pytest.mark.parametrize("language", sorted(i18n.LANGUAGES))
def test_every_message_of_the_code_is_translated(language):
    catalog = _catalog(language)
    missing = [f"{where}: {msgid[:70]!r}" for msgid, where in EXTRACTED.items()
               if catalog.get(msgid) is None or not all(_forms(catalog.get(msgid).string))]
    assert not missing, f"{language}: {len(missing)} messages not translated (make messages, then translate):\n" + \
        "\n".join(missing[:30])
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert not fuzzy, f"{language}: fuzzy entries (checked and unmarked by a translator first): {fuzzy[:10]}"


@pytest.mark.parametrize("language", sorted(i18n.LANGUAGES))
def test_translations_keep_the_placeholders(language):
    wrong = []
    for m in _catalog(language):
        if not m.id:
            continue
        expected = {tuple(_fields(i)) for i in _forms(m.id)}  # a plural's forms may differ in {n} only
        for form in _forms(m.string):
            if form and tuple(_fields(form)) not in expected:  # (a stray brace raises ValueError: a failure too)
                wrong.append(f"{_forms(m.id)[0][:60]!r}: {_fields(_forms(m.id)[0])} -> {_fields(form)}")
    assert not wrong, f"{language}: placeholders differ:\n" + "\n".join(wrong)


@pytest.mark.parametrize("language", sorted(i18n.LANGUAGES))
def test_pybabel_compile_accepts_the_catalog(language):
    # what `make` runs: Babel's own checks (a msgid that reads as a %-format, "{x}% is", must
    # keep its % conversions in the translation, or pybabel compile refuses the whole catalog)
    problems = [f"{m.id!r}: {errors}" for m, errors in _catalog(language).check()]
    assert not problems, "\n".join(problems)


def test_the_placeholder_check_catches_a_renamed_or_lost_placeholder():
    assert _fields("Week {turn} of {turns}") != _fields("第{turn}周")
    assert _fields("Week {turn} of {turns}") != _fields("第{week}/{turns}周")
    assert _fields("{id!r} is taken") != _fields("{id} 已被占用")
    assert _fields("Week {turn} of {turns}") == _fields("第{turn}/{turns}周")


def test_chinese_uses_the_methods_terms():
    zh = {m.id: m.string for m in _catalog("zh_CN") if isinstance(m.id, str) and m.id}
    assert zh["Self-broadcast"] == "企业自播" and zh["Creator alliance"] == "达人矩阵"
    assert zh["Campaigns"] == "营销活动" and zh["Top KOLs"] == "头部KOL"
    assert [zh[s] for s in ("Content", "Brand", "Product", "Price")] == ["内容力", "品牌力", "产品力", "价格力"]
    assert "千次曝光成交额" in zh["GPM (GMV per 1,000 impressions)"]
    glossary = "\n".join(v for k, v in zh.items() if k.startswith("# The FACT glossary"))
    assert "滚雪球" in glossary and "GMV" in glossary


def test_compiled_catalogs_load_and_translate():
    for language in i18n.LANGUAGES:
        catalog = i18n.load_catalog(language)
        assert catalog.gettext("Quit FACT Trainer?")
    assert i18n.load_catalog("zh_CN").gettext("Quit FACT Trainer?") == "退出FACT Trainer？"


def test_a_po_compiles_to_what_gettext_reads():
    po = (LOCALE / "zh_CN" / "LC_MESSAGES" / f"{i18n.DOMAIN}.po").read_bytes()
    import gettext
    import io

    catalog = gettext.GNUTranslations(io.BytesIO(i18n.compile_po(po, "zh_CN")))
    assert catalog.gettext("Help") == "帮助"


def test_command_line_help_in_chinese_formats():
    """argparse formats help with %: a translation with a stray % would crash `--help`."""
    from trainer.cli import build_parser

    i18n.set_language("zh")
    parser = build_parser()
    assert "兴趣电商" in parser.format_help()
    for sub in parser._subparsers._group_actions[0].choices.values():
        sub.format_help()


# --- numbers -----------------------------------------------------------------------------

from trainer.ui import messages as M  # noqa: E402

UNITS = {"K": 1e3, "M": 1e6, "B": 1e9, "T": 1e12, "万": 1e4, "亿": 1e8}


def _read_short(text: str) -> float:
    match = re.fullmatch(r"(-?[\d,]+(?:\.\d+)?)(K|M|B|T|万|亿)?", text)
    assert match, text
    return float(match.group(1).replace(",", "")) * UNITS.get(match.group(2) or "", 1)


def test_large_figures_in_chinese_count_in_wan_and_yi():
    i18n.set_language("zh")
    assert M.short(123_456) == "12.3万" and M.short(12_345) == "1.23万"
    assert M.short(123_456_789) == "1.23亿" and M.short(1_240_000) == "124万"
    assert M.short(9_500) == "9,500" and M.money(1_234_567) == "1,234,567"
    assert M.times(1.17) == "1.17倍" and M.pct(0.123, 1) == "12.3%"


def test_large_figures_in_english_count_in_k_and_m():
    assert M.short(123_456) == "123K" and M.short(12_345) == "12.3K" and M.short(1_240_000) == "1.24M"
    assert M.short(999_949) == "1M"  # not 1000K
    assert M.short(9_500) == "9,500" and M.signed_short(-12_345) == "−12.3K"
    assert M.times(1.17) == "x1.17" and M.percent_value(12.5) == "12.5%" and M.signed_money(-0.3) == "+0"


@given(st.floats(min_value=0, max_value=5e11), st.sampled_from(sorted(i18n.LANGUAGES)))
def test_a_short_figure_reads_back_within_half_a_percent(x, language):
    i18n.set_language(language)
    try:
        shown = M.short(x)
        assert abs(_read_short(shown) - x) <= max(0.5, 0.005 * x), shown
    finally:
        i18n.set_language("en")


# --- choosing the language ------------------------------------------------------------------


@pytest.mark.parametrize("env, expected", [
    ({"LANG": "zh_CN.UTF-8"}, "zh_CN"), ({"LANG": "zh_TW.UTF-8"}, "zh_CN"), ({"LANG": "en_GB.UTF-8"}, "en"),
    ({"LANG": "fr_FR.UTF-8"}, "en"), ({"LANG": "C.UTF-8"}, "en"), ({}, "en"),
    ({"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh_CN"),
    ({"LC_MESSAGES": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
    ({"LANGUAGE": "zh_CN:en", "LANG": "en_US.UTF-8"}, "zh_CN"),
])
def test_the_system_locale_picks_the_language(env, expected):
    assert i18n.system_language(env) == expected


def test_the_setting_is_kept_and_wins_over_the_locale():
    assert saved_language() == (None, None)
    path = save_language("zh_CN")
    assert path == settings_path() and 'language = "zh_CN"' in path.read_text(encoding="utf-8")
    assert start_language(None, {"LANG": "en_US.UTF-8"}) is None and i18n.language() == "zh_CN"
    assert start_language("en", {"LANG": "zh_CN.UTF-8"}) is None and i18n.language() == "en"  # --lang wins


def test_a_bad_settings_file_is_said_and_never_overwritten():
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('volume = 3\nlanguage = zh_CN\n', encoding="utf-8")
    before = path.read_bytes()
    problem = start_language(None, {"LANG": "zh_CN.UTF-8"})
    assert problem is not None and str(path) in problem and "TOML" in problem and "line 2" in problem
    assert i18n.language() == "zh_CN"  # from the locale; and the problem is said in it
    assert "不是有效的TOML" in problem
    with pytest.raises(SettingsError, match="TOML"):
        save_language("en")
    assert path.read_bytes() == before


def test_an_unknown_language_in_the_settings_is_said():
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('language = "fr"\ntheme = "dark"\n', encoding="utf-8")
    code, problem = saved_language()
    assert code is None and "'fr'" in problem and '"zh_CN"' in problem
    save_language("en")
    assert path.read_text(encoding="utf-8") == 'language = "en"\ntheme = "dark"\n'  # other keys kept


def test_lang_on_the_command_line(tmp_path):
    run = lambda *args: subprocess.run([sys.executable, "-m", "trainer", *args],  # noqa: E731
                                       capture_output=True, text=True, cwd=ROOT)
    assert "兴趣电商" in run("--lang", "zh", "--help").stdout
    assert "输出JSON" in run("list", "--lang=zh_CN", "--help").stdout  # after the command too
    assert "interest e-commerce" in run("--lang", "en", "--help").stdout
    bad = run("--lang", "fr", "list")
    assert bad.returncode == 2 and "zh" in bad.stderr and "Traceback" not in bad.stderr


def test_no_function_hides_gettext_behind_a_throwaway_variable():
    """`x, _ = f()` in a function makes `_` local there: a later `_("…")` raises UnboundLocalError."""
    import ast

    conflicts = []
    for path in sorted((ROOT / "trainer").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for func in ast.walk(tree):
            if not isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            in_comprehension = {id(t) for c in ast.walk(func) if isinstance(c, ast.comprehension)
                                for t in ast.walk(c.target)}
            stores = any(isinstance(n, ast.Name) and n.id == "_" and isinstance(n.ctx, ast.Store)
                         and id(n) not in in_comprehension for n in ast.walk(func))
            calls = any(isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "_"
                        for n in ast.walk(func))
            if stores and calls:
                conflicts.append(f"{path.relative_to(ROOT)}:{func.lineno} {func.name}")
    assert not conflicts, conflicts


def test_a_report_exported_in_chinese(tmp_path):
    """md, html and csv in the language in force; JSON keys stay English."""
    import csv as csvlib
    import json

    from trainer.core.engine import Engine
    from trainer.core.library import find
    from trainer.core.loading import load_plan
    from trainer.export import render

    scenario = find("tutorial")[0]
    game = Engine(scenario).new_game(scenario.seed)
    game.play(load_plan(ROOT / "scenarios" / "plans" / "tutorial-starter.toml", scenario))
    i18n.set_language("zh")
    md = render(game, "李娜", "md", answer_key=False)
    assert md.startswith("# 复盘：") and "## 逐周明细" in md and "千次曝光" not in md.split("\n")[0]
    assert "GPM从第1周的" in md  # the debrief's facts, in the words of the debrief screen
    html = render(game, "李娜", "html", answer_key=False)
    assert '<html lang="zh-CN">' in html and "同一市场种子下的对比" in html
    rows = list(csvlib.reader(render(game, "李娜", "csv").splitlines()))
    assert rows[0][:4] == ["周", "预算", "F企业自播", "A达人矩阵"] and len(rows) == 1 + scenario.turns
    data = json.loads(render(game, "李娜", "json", answer_key=False))
    assert "turns" in data and "debrief" in data and "facts" in data["debrief"]
    i18n.set_language("en")
    rows = list(csvlib.reader(render(game, "Li Na", "csv").splitlines()))
    assert rows[0][:4] == ["turn", "budget", "field", "alliance"]  # English headers are the keys, as before


@pytest.mark.parametrize("language", sorted(i18n.LANGUAGES))
def test_every_catalog_passes_babels_checks_as_make_compiles_it(language):
    """`make` compiles each catalog with pybabel, which refuses a translation whose printf-style
    placeholders differ from its msgid's (a "% o" in "40% off" reads as one): none may."""
    path = LOCALE / language / "LC_MESSAGES" / "fact_trainer.po"
    with path.open("rb") as f:
        catalog = read_po(f, locale=language)
    problems = [(message.id, [str(e) for e in errors]) for message, errors in catalog.check()]
    assert not problems, problems[:5]
