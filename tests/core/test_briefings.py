"""A briefing agrees with its own level: the amounts and multipliers it quotes are the
level's (a briefing that promised "six times" the reach of a calendar saying x1.5 misled)."""

from __future__ import annotations

import re
import unicodedata
from itertools import permutations

import pytest

from trainer.core.library import scenarios_dir
from trainer.core.loading import load_scenario

LEVELS = sorted(scenarios_dir().glob("*.toml"))
WORDS = {"twice": 2, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "twenty": 20}


def quoted_multipliers(text: str) -> list[float]:
    """Every multiplier a text states: "ten times", "3 times", "twice"."""
    out = [float(WORDS[w.lower()]) for w in re.findall(r"\b(\w+) times\b", text) if w.lower() in WORDS]
    out += [float(n) for n in re.findall(r"\b(\d+(?:\.\d+)?) times\b", text)]
    out += [2.0] * len(re.findall(r"\btwice\b", text, flags=re.I))
    return out


@pytest.mark.parametrize("path", LEVELS, ids=lambda p: p.stem)
def test_every_amount_a_briefing_quotes_is_the_levels(path):
    s = load_scenario(path)
    known = set(s.budgets) | {k.fee for k in s.kols} | {p.fee for p in s.providers} | {s.brand.price}
    for amount in re.findall(r"([\d,]+)\s*yuan", s.briefing):
        assert int(amount.replace(",", "")) in known, f"{s.id}: the briefing quotes {amount} yuan"


@pytest.mark.parametrize("path", LEVELS, ids=lambda p: p.stem)
def test_every_multiplier_a_briefing_quotes_is_the_levels(path):
    s = load_scenario(path)
    reaches = [s.campaign_reach(e) for e in s.events]
    # an event's campaign reach against an ordinary week's, or one event's against another's
    true = reaches + [a / b for a, b in permutations(reaches, 2)]
    for said in quoted_multipliers(s.briefing):
        assert any(abs(said - t) <= 0.1 * t for t in true), f"{s.id}: the briefing says {said:g} times; " \
            f"the level's campaign reaches are {[round(r, 2) for r in reaches]}"


def test_the_check_catches_a_briefing_that_overstates():
    assert quoted_multipliers("reach is six times an ordinary week's, twice in the festival") == [6.0, 2.0]


# ---------------------------------------------------------------- the Chinese briefings

CHINESE_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def chinese_number(text: str) -> float:
    """十 10, 两 2, 二十 20, 十五 15, 2.5 2.5."""
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return float(CHINESE_DIGITS.get(tens, 1) * 10 + CHINESE_DIGITS.get(ones, 0))
    return float(CHINESE_DIGITS[text])


def quoted_multipliers_zh(text: str) -> list[float]:
    """Every multiplier a Chinese text states: "十倍", "两倍", "3 倍"."""
    return [chinese_number(n) for n in re.findall(r"(\d+(?:\.\d+)?|[一二两三四五六七八九十]+)\s*倍", text)]


def figures(text: str) -> set[str]:
    """Every figure written in digits: 50,000 -> "50000", 4.5, 618."""
    return {n.replace(",", "") for n in re.findall(r"\d[\d,]*(?:\.\d+)?", text)}


@pytest.mark.parametrize("path", LEVELS, ids=lambda p: p.stem)
def test_every_amount_a_chinese_briefing_quotes_is_the_levels(path):
    s = load_scenario(path)
    zh = s.localized("zh")
    known = set(s.budgets) | {k.fee for k in s.kols} | {p.fee for p in s.providers} | {s.brand.price}
    for amount in re.findall(r"([\d,]+)\s*元", zh.briefing):
        assert int(amount.replace(",", "")) in known, f"{s.id}: the Chinese briefing quotes {amount} 元"


@pytest.mark.parametrize("path", LEVELS, ids=lambda p: p.stem)
def test_every_multiplier_a_chinese_briefing_quotes_is_the_levels(path):
    s = load_scenario(path)
    reaches = [s.campaign_reach(e) for e in s.events]
    true = reaches + [a / b for a, b in permutations(reaches, 2)]
    zh = s.localized("zh")
    for said in quoted_multipliers_zh(zh.briefing):
        assert any(abs(said - t) <= 0.1 * t for t in true), f"{s.id}: the Chinese briefing says {said:g} 倍"
    # and it states as many multipliers as the English one
    assert len(quoted_multipliers_zh(zh.briefing)) == len(quoted_multipliers(s.briefing))


@pytest.mark.parametrize("path", LEVELS, ids=lambda p: p.stem)
def test_a_chinese_briefing_writes_the_same_figures_as_the_english(path):
    s = load_scenario(path)
    zh = s.localized("zh")
    assert figures(zh.briefing) == figures(s.briefing), (
        f"{s.id}: figures only in English {sorted(figures(s.briefing) - figures(zh.briefing))}, "
        f"only in Chinese {sorted(figures(zh.briefing) - figures(s.briefing))}")


def test_the_chinese_check_catches_a_briefing_that_overstates():
    assert quoted_multipliers_zh("触达可达平常一周的十倍，大促再翻两倍，或 2.5 倍，二十倍") == [10.0, 2.0, 2.5, 20.0]
    assert figures("每周 50,000 元，第 7 周，评分 4.5") == {"50000", "7", "4.5"}


@pytest.mark.parametrize("path", LEVELS, ids=lambda p: p.stem)
def test_a_chinese_briefing_breaks_no_line_inside_a_sentence(path):
    """Markdown turns a line break inside a paragraph into a space: between two Chinese
    characters it shows as a stray space mid-sentence, so a paragraph is one line."""
    zh = load_scenario(path).localized("zh")
    for before, after in re.findall(r"(.)\n(?![#\-|\n]|\d+\.)\s*(.)", zh.briefing):
        wide = [unicodedata.east_asian_width(c) in ("W", "F") for c in (before, after)]
        assert not any(wide), f"{zh.id}: a line break inside a paragraph, between {before!r} and {after!r}"
