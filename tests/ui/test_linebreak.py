"""Chinese wraps the Chinese way: no line starts with ， 。 、 ： ） and none ends with （ “ 《,
every line still fits its width, and English wraps as Rich wraps it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich._wrap import divide_line as rich_divide
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text
from textual.content import Content

from trainer.ui import linebreak
from trainer.ui.linebreak import NO_LINE_END, NO_LINE_START, chinese_aware

divide = chinese_aware(rich_divide)


def lines(text: str, width: int, split=divide) -> list[str]:
    cuts = [0, *split(text, width), len(text)]
    return [text[a:b] for a, b in zip(cuts, cuts[1:])]


def test_a_comma_goes_down_with_the_character_before_it():
    text = "老板每周都看ROI，希望它越高越好。"
    assert lines(text, 16, rich_divide) == ["老板每周都看ROI", "，希望它越高越好", "。"]  # Rich alone
    assert lines(text, 16) == ["老板每周都看", "ROI，希望它越高", "越好。"]  # ROI goes down whole with it


def test_an_opening_quote_does_not_end_a_line():
    text = "每玩完一周都会保存：用“继续”即可接着玩。"
    assert lines(text, 23, rich_divide) == ["每玩完一周都会保存：用“", "继续”即可接着玩。"]  # Rich alone
    assert lines(text, 23) == ["每玩完一周都会保存：用", "“继续”即可接着玩。"]
    assert lines(text, 18) == ["每玩完一周都会保", "存：用“继续”即可接", "着玩。"]


def test_a_figure_in_chinese_is_not_cut_in_two():
    text = "达成GMV目标，并保持较高的店铺评分，每周50,000元。"
    assert lines(text, 22, rich_divide)[1].endswith("50,0")  # Rich alone
    assert lines(text, 22) == ["达成GMV目标，并保持较", "高的店铺评分，每周", "50,000元。"]


def test_english_wraps_as_rich_wraps_it():
    for text in ["You run Hill Cloud Tea, a small tea brand opening its store (a short-video platform).",
                 "Saved to saves/Li-Na--tutorial.toml; budget 50,000 a week, 1,234,567 in all."]:
        for width in range(3, 40):
            assert divide(text, width) == rich_divide(text, width)


cjk = st.text(alphabet=st.sampled_from("茶铺开播流量GPM ，。、：（）“”《》"), min_size=1, max_size=120)


@settings(max_examples=300, deadline=None)
@given(text=cjk, width=st.integers(min_value=4, max_value=40))
def test_every_line_fits_and_nothing_is_lost(text, width):
    got = lines(text, width)
    assert "".join(got) == text
    for line in got:
        assert cell_len(line.rstrip()) <= width or len(line.rstrip()) == 1


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.sampled_from("茶铺开播流量好"), min_size=2, max_size=30), marks=st.data(),
       width=st.integers(min_value=6, max_value=30))
def test_a_single_mark_never_opens_or_ends_a_line(text, marks, width):
    """Characters each followed by at most one mark: every break can move, so none is left at an edge."""
    out = ""
    for ch in text:
        out += ch + marks.draw(st.sampled_from(["", "，", "。", "、", "）"]))
    got = lines(out, width)
    assert not any(line[0] in NO_LINE_START for line in got[1:])
    assert not any(line[-1] in NO_LINE_END for line in got[:-1])


def test_installed_in_rich_text_and_textual_content():
    """The app installs it where Rich and Textual wrap (a newer Rich or Textual that wraps elsewhere fails here)."""
    linebreak.install()
    linebreak.install()  # once is enough: a second call wraps nothing twice
    import rich.text
    import textual.content

    for module in (rich.text, textual.content):
        assert module.divide_line.chinese_aware and module.divide_line.__closure__[0].cell_contents is rich_divide
    text = "老板每周都看ROI，希望它越高越好。"
    rendered = Text(text).wrap(Console(width=16), 16)
    assert [line.plain for line in rendered] == ["老板每周都看", "ROI，希望它越高", "越好。"]
    assert [line.plain for line in Content(text).wrap(16)] == ["老板每周都看", "ROI，希望它越高", "越好。"]
