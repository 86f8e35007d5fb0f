"""A briefing agrees with its own level: the amounts and multipliers it quotes are the
level's (a briefing that promised "six times" the reach of a calendar saying x1.5 misled).

The checks are `fact-trainer validate`'s (trainer.core.rules.static_findings): run here on
every level, shipped and authored, and on briefings that break them.
"""

from __future__ import annotations

import pytest

from tests.conftest import LEVELS
from trainer.core import rules
from trainer.core.rules import figures, quoted_multipliers, quoted_multipliers_zh

BRIEFING_CODES = {"briefing-amount", "briefing-multiplier", "briefing-figures", "briefing-multiplier-count",
                  "zh-line-break"}


@pytest.mark.parametrize("level", LEVELS, ids=lambda s: s.id)
def test_every_amount_and_multiplier_a_briefing_quotes_is_the_levels(level):
    found = [f for f in rules.static_findings(level) if f.code in BRIEFING_CODES]
    assert found == [], [str(f) for f in found]


def test_the_check_catches_a_briefing_that_overstates():
    assert quoted_multipliers("reach is six times an ordinary week's, twice in the festival") == [6.0, 2.0]


def test_the_chinese_check_catches_a_briefing_that_overstates():
    assert quoted_multipliers_zh("触达可达平常一周的十倍，大促再翻两倍，或 2.5 倍，二十倍") == [10.0, 2.0, 2.5, 20.0]
    assert figures("每周 50,000 元，第 7 周，评分 4.5") == {"50000", "7", "4.5"}


def _with_briefings(level, en: str, zh: str):
    source = level.original
    table = source.zh.model_copy(update={"briefing": zh})
    return source.model_copy(update={"briefing": en, "zh": table})


def test_validate_names_each_wrong_figure_of_a_briefing():
    from tests.conftest import AUTHORED

    coffee = next(s for s in AUTHORED if s.id == "coffee-launch")
    level = _with_briefings(coffee, "Spend 70,000 yuan a week; the festival brings six times the reach.",
                            "每周花70,000元；节日带来六倍触达。\n第二段")
    found: dict = {}
    for f in rules.static_findings(level):
        found.setdefault(f.code, (f.key, str(f)))
    assert found["briefing-amount"] == (("briefing",), (
        "the briefing quotes 70,000 yuan, which is none of the level's budgets, fees or order value "
        "(59, 40,000, 55,000, 60,000): quote the level's own figure"))
    assert found["briefing-multiplier"] == (("briefing",), (
        "the briefing says 6 times, but no event's campaign reach is within 10% of that "
        "(traffic / campaign_off_event: 17): quote the level's own multiplier"))
    assert found["zh-line-break"] == (("zh", "briefing"), (
        "a line break inside a paragraph, between '。' and '第': Markdown shows it as a space mid-sentence; "
        "write each paragraph on one line"))
    level = _with_briefings(coffee, "Spend 60,000 yuan a week for 8 weeks; ten times the reach.",
                            "每周花60,000元。")
    found = {}
    for f in rules.static_findings(level):
        found.setdefault(f.code, str(f))
    assert found["briefing-figures"] == (
        "the [zh] briefing does not write the same figures as the main one (only in the main: 8; only in [zh]: -): "
        "write every figure in digits in both")
    assert found["briefing-multiplier-count"] == (
        "the [zh] briefing states 0 multiplier(s), the main one 1: state the same ones in both "
        "(\"ten times\" is \"十倍\")")
