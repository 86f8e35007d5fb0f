"""The language of the running app: the catalogs (trainer.i18n), and the key labels that
Textual keeps on the classes.

Every text a screen builds is read from trainer.ui.messages when it is built, so a screen
composed after a switch is in the new language. The one exception is the key bindings:
Textual reads a class's BINDINGS (with their descriptions, shown in the footer) when the
class is created, i.e. when its module is imported. `use_language` re-labels them: each
description is found back in the previous language's catalog and translated anew, on the
classes of the game and on the nodes already on screen.

The levels' own text (title, briefing, names, steps) is shown in the same language:
`level_language()` gives it, and `fallback_note()` the briefing's note when a level lacks it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from textual.binding import Binding
from textual.dom import DOMNode

from trainer import i18n


def _game_classes() -> list[type[DOMNode]]:
    """Every widget, screen and app class of the game (trainer.*), subclasses after their bases."""
    out, todo, seen = [], [DOMNode], set()
    while todo:
        cls = todo.pop(0)
        for sub in cls.__subclasses__():
            if sub not in seen:
                seen.add(sub)
                todo.append(sub)
                if sub.__module__.startswith("trainer."):
                    out.append(sub)
    return out


def _relabel(binding, old: str):
    if not isinstance(binding, Binding):
        return binding
    # the English words: remembered by the label (trainer.i18n.Translated), else found in the old catalog
    again = {field: i18n.translated(getattr(text, "msgid", "") or i18n.untranslate(text, old))
             for field, text in (("description", binding.description), ("tooltip", binding.tooltip)) if text}
    return dataclasses.replace(binding, **again)


def relabel_bindings(old: str, nodes: Iterable[DOMNode] = ()) -> None:
    """Translate the key labels of the game's classes from language `old` into the one in
    force, and give the live `nodes` (and the widgets under them) the new labels."""
    classes = _game_classes()
    for cls in classes:
        own = cls.__dict__.get("BINDINGS")
        if own:
            cls.BINDINGS = [_relabel(b, old) for b in own]
    for cls in classes:
        cls._merged_bindings = cls._merge_bindings()
    for node in nodes:
        for each in node.walk_children(with_self=True) if hasattr(node, "walk_children") else [node]:
            merged = type(each)._merged_bindings
            if type(each).__module__.startswith("trainer.") and merged is not None:
                each._bindings = merged.copy()


def use_language(code: str, nodes: Iterable[DOMNode] = ()) -> str:
    """Speak `code` from now on, key labels included; returns the catalog code."""
    old = i18n.language()
    new = i18n.set_language(code)
    if new != old:
        relabel_bindings(old, nodes)
    return new


from trainer.core.scenario import LANGUAGES, Scenario
from trainer.i18n import N_, _

FALLBACK_NOTE = N_("No {language} for {count} texts (shown in {main})")
"""The briefing's one-line note when the level lacks the game's language: short enough for
the briefing's column at 80x24 (38 cells)."""

LANGUAGE_IN_TEXT = {"en": N_("English"), "zh": N_("Chinese")}
"""Languages named in the reader's language, where the catalogs word it rather than Babel
(i18n.language_name looks a language's English name up in the catalog: 英文, not Babel's 英语)."""


def level_language() -> str:
    """The language to show levels in: the game's (trainer.i18n), as a code of LANGUAGES."""
    code = i18n.language().replace("-", "_").split("_", 1)[0].lower()
    return code if code in LANGUAGES else "en"


def fallback_note(scenario: Scenario, lang: str) -> str | None:
    """The note a briefing shows when `scenario` lacks text in `lang` (None when it has it all)."""
    missing = scenario.missing_texts(lang)
    if not missing:
        return None
    main = scenario.original.language
    return _(FALLBACK_NOTE).format(language=i18n.language_name(lang), count=len(missing),
                                   main=i18n.language_name(main))
