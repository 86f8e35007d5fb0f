"""The language the levels' own text is shown in (title, briefing, names, steps).

`level_language()` is the one place the interface asks for it: for now the FACT_TRAINER_LANG
environment variable ("zh", "zh_CN.UTF-8", "en"...), English when unset or unknown. The
game's language setting replaces its body; the screens need not change.
"""

from __future__ import annotations

import os

from trainer.core.scenario import LANGUAGE_NAMES, LANGUAGES, Scenario

FALLBACK_NOTE: dict[str, str] = {
    "en": "No English for {count} texts (in {main})",
    "zh": "{count} 处文字无中文，以{main}显示",
}
"""The briefing's one-line note when the level lacks the chosen language, in that language:
short enough for the briefing's column at 80x24 (38 cells)."""

MAIN_NAMES: dict[str, dict[str, str]] = {
    "en": {"en": "English", "zh": "Chinese"},
    "zh": {"en": "英文", "zh": "中文"},
}
"""The name of a level's main language, in the reader's language."""


def level_language() -> str:
    """The language to show levels in: a code of LANGUAGES (from FACT_TRAINER_LANG; else en)."""
    wanted = os.environ.get("FACT_TRAINER_LANG", "").strip().lower()
    code = wanted.replace("-", "_").split("_", 1)[0].split(".", 1)[0]
    return code if code in LANGUAGES else "en"


def fallback_note(scenario: Scenario, lang: str) -> str | None:
    """The note a briefing shows when `scenario` lacks text in `lang` (None when it has it all)."""
    missing = scenario.missing_texts(lang)
    if not missing:
        return None
    main = scenario.original.language
    return FALLBACK_NOTE[lang].format(count=len(missing),
                                      main=MAIN_NAMES[lang].get(main, LANGUAGE_NAMES[main]))
