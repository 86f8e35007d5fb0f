"""Chinese line breaking on screen: no line starts with a closing mark such as ， 。 、 ： ）,
and none ends with an opening one such as （ “ 《 (the rule of Chinese typesetting, 避头尾).

Rich and Textual wrap at spaces. Chinese has none, so a sentence is one long word that they
fold at the exact width, wherever that falls: a reader meets lines that begin with 。 or ，.
Both wrap through one function, `rich._wrap.divide_line` (Rich's Text and Textual's
Content import it by name). `install()` puts a wrapper in both places: it lets Rich choose
each break, then moves a break that would leave a closing mark at a line's start (or an
opening one at a line's end) back by one character, so the character before goes down with
its mark, and wraps the rest again from there, so no line grows past the width. A figure or
Latin word inside Chinese (50,000, GPM) is not cut in two either: it goes down whole. Text
with no Chinese in it, English, wraps exactly as before.
"""

from __future__ import annotations

from collections.abc import Callable

NO_LINE_START = frozenset("，。、；：？！）》」』】〕〗〉”’…％，．：；？！）］｝")
"""Marks a line may not begin with (full-width forms only: an English comma is not touched)."""
NO_LINE_END = frozenset("（《「『【〔〖〈“‘（［｛")
"""Marks a line may not end with."""
MOST_MOVED = 2
"""A break moves back at most this many characters (a run of marks beyond that is left)."""

LATIN_WORD = 12
"""A Latin word or figure up to this long moves down whole with the mark after it."""

Divide = Callable[..., list[int]]


def _better_break(text: str, at: int, line_start: int) -> int:
    """Where to break instead of `at` (an index into text), never at or before `line_start`."""
    moved = at
    for _ in range(MOST_MOVED):
        before, after = text[moved - 1], text[moved] if moved < len(text) else ""
        if not (after in NO_LINE_START or before in NO_LINE_END):
            break
        if moved - 1 <= line_start or before.isspace():
            return at  # the whole line is marks, or a space is the break: leave it
        moved -= 1
    # a Latin word or figure cut in two (GP|M：, 50,0|00元) goes down whole, where the line keeps some text
    start = moved
    while start - 1 > line_start and _latin(text[start - 1]) and _latin(text[start]) and at - start < LATIN_WORD:
        start -= 1
    if start < moved and start - 1 > line_start and _wide(text[start - 1]):
        moved = start
    return moved if moved > line_start else at


def _wide(ch: str) -> bool:
    return ord(ch) >= 0x2E80  # CJK and its full-width marks


def _latin(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in ".,%")


def chinese_aware(divide: Divide) -> Divide:
    """`divide` (rich._wrap.divide_line's signature) that keeps Chinese marks off the line edges."""

    def divide_line(text: str, width: int, fold: bool = True) -> list[int]:
        breaks = divide(text, width, fold)
        if not breaks or not any(_wide(ch) for ch in text):
            return breaks
        out: list[int] = []
        start = 0
        while True:
            rest = divide(text[start:], width, fold) if start else breaks
            if not rest:
                return out
            at = start + rest[0]
            better = _better_break(text, at, start)
            out.append(better)
            start = better

    divide_line.chinese_aware = True  # type: ignore[attr-defined]
    return divide_line


def install() -> None:
    """Wrap Chinese the Chinese way in every Rich Text and Textual Content from now on
    (once per process; the wrapper leaves text without Chinese marks as Rich wraps it)."""
    import rich._wrap
    import rich.text
    import textual.content

    for module in (rich.text, textual.content):
        current = module.divide_line
        if not getattr(current, "chinese_aware", False):
            module.divide_line = chinese_aware(current)
