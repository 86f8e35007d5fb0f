"""The languages the game speaks: one for each catalog it ships.

A language is added by its catalog alone, `trainer/i18n/locale/<code>/LC_MESSAGES/fact_trainer.po`
(docs/translating.md): the list below is read from the catalogs present, and everything that
names the languages (a level's text tables, a workshop file's `language`, `--lang`, the title
screen's switch, the system locale) reads it from here.

Two kinds of code name a language: a catalog's (`en`, `zh_CN`, the locale gettext and Babel
read) and a level's (`en`, `zh`: the catalog code's language part, what an author writes in
`language = "zh"` and `[zh]`).

Imports neither textual nor rich, nor the presentation layer: the core's level and workshop
models are built from it.
"""

from __future__ import annotations

from importlib import resources

DOMAIN = "fact_trainer"
"""The gettext domain: the catalogs' file name."""

DEFAULT = "en"
"""The language the code's messages are written in, always spoken (with or without a catalog)."""


def _catalog_codes() -> tuple[str, ...]:
    root = resources.files("trainer").joinpath("i18n", "locale")
    found = {DEFAULT}
    if root.is_dir():
        for entry in root.iterdir():
            messages = entry.joinpath("LC_MESSAGES")
            if entry.is_dir() and any(messages.joinpath(DOMAIN + suffix).is_file() for suffix in (".po", ".mo")):
                found.add(entry.name)
    return tuple(sorted(found, key=lambda code: (code != DEFAULT, code)))


CATALOGS: tuple[str, ...] = _catalog_codes()
"""The catalog codes of the languages the game speaks, English first: ("en", "zh_CN", ...)."""


def level_code(catalog: str) -> str:
    """A catalog code's language part, as a level names the language: zh_CN -> zh."""
    return catalog.replace("-", "_").split("_", 1)[0].lower()


LANGUAGES: tuple[str, ...] = tuple(dict.fromkeys(level_code(code) for code in CATALOGS))
"""The languages a level's or a workshop's text can be in, as level codes: ("en", "zh", ...)."""


def catalog_of(language: str) -> str | None:
    """The catalog code of a level's language code (zh -> zh_CN; a catalog code as it is);
    None when the game does not speak it."""
    if language in CATALOGS:
        return language
    return next((code for code in CATALOGS if level_code(code) == language.lower()), None)


class Language(str):
    """A language's code (of LANGUAGES) given as a value of a problem (trainer.core.problems.Said):
    the presentation layer writes its name in the reader's language."""

    __slots__ = ()


class LanguageList(tuple):
    """The languages a level can be written in, as a problem's value: the presentation layer
    writes each as its code and its name ("zh (Chinese)")."""

    __slots__ = ()


def english_name(language: str) -> str:
    """A language's name in English (Babel's): zh -> Chinese, for the documentation of the files."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(catalog_of(language) or language).get_language_name("en") or language
    except (ValueError, UnknownLocaleError):
        return language
