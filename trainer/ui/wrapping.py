"""Chinese line breaking in the terminal: Rich and Textual wrap a line at spaces, and fold a
longer "word" wherever the width ends. Chinese has no spaces: a paragraph was one long word,
folded anywhere, so a line could begin with ，or 。 and a figure such as 40,000 could be cut
in two. `install()` gives their wrapping the break rules of trainer.i18n.LINE_CHUNK (Chinese
breaks between characters, punctuation keeps to its character, a figure or a Latin word stays
whole); text without Chinese wraps exactly as before.

Rich's divide_line (which Textual's Content uses as well) reads its words with the module's
`re_word`; that pattern is what is replaced.
"""

from __future__ import annotations

import rich._wrap

from trainer.i18n import LINE_CHUNK


def install() -> None:
    """Wrap every Rich and Textual text with the Chinese-aware break rules (once per process)."""
    if hasattr(rich._wrap, "re_word"):
        rich._wrap.re_word = LINE_CHUNK
