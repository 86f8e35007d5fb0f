"""Chinese line breaking (trainer/ui/wrapping.py): a Chinese line never starts with closing
punctuation nor cuts a figure, and text without Chinese wraps exactly as Rich always did."""

from __future__ import annotations

import re

import rich._wrap
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.text import Text

from trainer.i18n import LINE_CHUNK, width
from trainer.ui import wrapping

RICH_WORDS = re.compile(r"\s*\S+\s*")  # rich._wrap.re_word as Rich ships it

BRIEFING = ("麻巷是一个服装品牌：亚麻衬衫和连衣裙，客单价约239元。它分三个阶段登上平台，正如在这里孵化品牌的服务商所"
            "规划的那样：筹备与冷启动（第1至4周，每周40,000至60,000元）：让主播和直播间风格与品牌匹配，拍好开播短视频。")


def lines(text: str, columns: int) -> list[str]:
    console = Console(width=columns, record=True, file=open("/dev/null", "w"))
    return [line.plain.rstrip() for line in Text(text).wrap(console, columns)]


def divide(text: str, columns: int, pattern) -> list[int]:
    saved = rich._wrap.re_word
    rich._wrap.re_word = pattern
    try:
        return rich._wrap.divide_line(text, columns)
    finally:
        rich._wrap.re_word = saved


def test_chinese_lines_start_with_no_closing_punctuation_and_keep_figures_whole():
    wrapping.install()
    for columns in range(12, 60):
        shown = lines(BRIEFING, columns)
        assert "".join(shown) == BRIEFING  # nothing lost, nothing added
        assert all(width(line) <= columns for line in shown)
        assert not any(line[0] in "，。、；：！？）》" for line in shown[1:]), (columns, shown)
        assert not any(line[-1] in "（《" for line in shown), (columns, shown)
        for figure in ("239", "40,000", "60,000"):
            assert any(figure in line for line in shown), (columns, figure, shown)


def test_without_the_rules_chinese_was_cut_anywhere():
    # what install() fixes: Rich's own words fold the paragraph wherever the width ends
    def bad(cut: list[int]) -> bool:
        return any(BRIEFING[i] in "，。：）" or (BRIEFING[i - 1] + BRIEFING[i]).replace(",", "0").isdigit()
                   for i in cut)

    assert any(bad(divide(BRIEFING, columns, RICH_WORDS)) for columns in range(12, 60))
    assert not any(bad(divide(BRIEFING, columns, LINE_CHUNK)) for columns in range(12, 60))


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from(list("abc XYZ,.;:()“”’-—·…\t\n0123456789")), max_size=200),
       st.integers(min_value=1, max_value=60))
def test_text_without_chinese_wraps_exactly_as_before(text, columns):
    for line in text.splitlines() or [text]:
        assert divide(line, columns, LINE_CHUNK) == divide(line, columns, RICH_WORDS)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("茶铺开播流量好")), min_size=2, max_size=40), st.data(),
       st.integers(min_value=6, max_value=40))
def test_any_chinese_line_fits_and_no_mark_opens_a_line(text, data, columns):
    """Characters each followed by at most one closing mark, or led by an opening one, figures
    and Latin words between them: every line fits its columns, nothing is lost, and no line
    starts with a closing mark or ends with an opening one."""
    wrapping.install()
    out = ""
    for ch in text:
        out += data.draw(st.sampled_from(["", "", "（", "“", "GPM", "40,000"])) + ch
        out += data.draw(st.sampled_from(["", "", "，", "。", "、", "）", "”"]))
    shown = lines(out, columns)
    assert "".join(shown) == out
    assert all(width(line) <= columns for line in shown), shown
    assert not any(line[0] in "，。、）”" for line in shown[1:]), shown
    assert not any(line[-1] in "（“" for line in shown[:-1]), shown
