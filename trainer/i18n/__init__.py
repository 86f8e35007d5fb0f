"""The game's languages: gettext catalogs, the language in force, numbers written per locale.

Every word a player reads goes through here: `_("…")` (gettext) for a sentence written in
the code, `N_("…")` to mark a sentence that is translated later, when it is read (the
catalog in trainer/ui/messages.py). The catalogs are `.po` files under
`trainer/i18n/locale/<language>/LC_MESSAGES/fact_trainer.po` (English, and Simplified
Chinese); `pybabel extract` collects the messages from the code (babel.cfg says how,
docs/translating.md the whole routine). A wheel ships them compiled (`.mo`, made by
setup.py's build step); a checkout compiles a `.po` in memory when its `.mo` is missing
or older (`make` compiles them into the checkout, so that launch does not have to).

Numbers are written by Babel for the language's locale: a Chinese reader counts large
figures in 万 and 亿 (12.3万, 1.24亿), an English one in K and M (12.3K, 1.24M).

Imports neither textual nor rich (tests/core/test_isolation.py): the exported reports and
the command line use it without a screen.

The language in force is this module's one piece of state: the presentation layer's
(the core never reads it). `set_language` changes it; everything formatted afterwards is
in the new language.
"""

from __future__ import annotations

import functools
import gettext as _gettext
import io
import os
import re
from importlib import resources
from pathlib import Path

from trainer.core.languages import CATALOGS, DEFAULT, DOMAIN, catalog_of, english_name, level_code

LANGUAGES: tuple[str, ...] = CATALOGS
"""The languages the game speaks, as catalog codes, English first: one per catalog shipped under
locale/ (trainer.core.languages reads them), so that a language is added by its catalog alone.
`own_name(code)` names each in itself (the switch on the title screen)."""

# a language as a person or a system names it -> a catalog code: its language part (zh -> zh_CN)
_ALIASES = {level_code(catalog): catalog for catalog in reversed(CATALOGS)}  # the first catalog of a language wins

class Msg(str):
    """A message marked for translation (`N_`): the English text, translated when read."""

    __slots__ = ()


class Translated(str):
    """A marked message's translation that remembers its English text (`msgid`): a label made
    in one language can be told again in another, even where two messages share a translation
    (“Coach” and “Coaching” are both 教练)."""

    msgid: str = ""


def translated(msgid: str) -> Translated:
    """`msgid` in the language in force, remembering `msgid`."""
    out = Translated(gettext(msgid) if msgid else "")
    out.msgid = str(msgid)
    return out


def N_(message: str) -> Msg:
    """Mark `message` for the catalogs without translating it now (gettext's noop)."""
    return Msg(message)


# TRANSLATORS: your language's name, written in it (简体中文, 日本語, Français): the title screen's switch
OWN_NAME = N_("this language, named in itself: English")
"""The message whose translation is the catalog's language named in itself. See own_name()."""


# --- which language -------------------------------------------------------------------


def normalize(name: str | None) -> str | None:
    """A language as typed (`zh`, `zh_CN`, `zh-Hans`, `zh_CN.UTF-8`, `en_GB`, `English`…)
    -> a catalog code, or None when the game does not speak it."""
    if not name:
        return None
    tag = name.strip().split(".")[0].split("@")[0].replace("-", "_")
    if tag in LANGUAGES:
        return tag
    if tag.lower() == "english":
        return "en"
    if tag.lower() in ("中文", "简体中文", "chinese"):
        return _ALIASES.get("zh")
    return _ALIASES.get(tag.split("_")[0].lower())


def system_language(environ: dict[str, str] | None = None) -> str:
    """The language of the system's locale: the first of LANGUAGE, LC_ALL, LC_MESSAGES and
    LANG that is set (as gettext reads them); Chinese (zh*) -> zh_CN, anything else -> en."""
    env = os.environ if environ is None else environ
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        if not value:
            continue
        first = value.split(":")[0]
        if first in ("C", "POSIX") or first.startswith(("C.", "POSIX.")):
            return DEFAULT
        return normalize(first) or DEFAULT
    return DEFAULT


# --- the catalogs -----------------------------------------------------------------------


def _catalog_file(language: str, suffix: str):
    return resources.files(__name__).joinpath("locale", language, "LC_MESSAGES", DOMAIN + suffix)


def compile_po(po_bytes: bytes, language: str) -> bytes:
    """A `.po` file's text compiled to a `.mo` file's bytes (Babel; fuzzy entries left out)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    catalog = read_po(io.BytesIO(po_bytes), locale=language, domain=DOMAIN)
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def _mtime(resource) -> float | None:
    try:
        return Path(str(resource)).stat().st_mtime
    except OSError:
        return None


def load_catalog(language: str) -> _gettext.NullTranslations:
    """The compiled catalog of `language`: its `.mo`, or its `.po` compiled in memory when
    the `.mo` is missing or older than the `.po` (a checkout). FileNotFoundError when the
    game has neither."""
    mo, po = _catalog_file(language, ".mo"), _catalog_file(language, ".po")
    if po.is_file() and (not mo.is_file() or (_mtime(mo) or 0) < (_mtime(po) or 0)):
        data = compile_po(po.read_bytes(), language)
    elif mo.is_file():
        data = mo.read_bytes()
    elif language == DEFAULT:
        return _gettext.NullTranslations()  # the messages are written in it
    else:
        raise FileNotFoundError(f"no catalog for {language!r} ({po})")
    return _gettext.GNUTranslations(io.BytesIO(data))


_catalogs: dict[str, _gettext.NullTranslations] = {}
_language = DEFAULT
_translations: _gettext.NullTranslations | None = None


def catalog(language: str) -> _gettext.NullTranslations:
    """The catalog of `language`, loaded once."""
    if language not in _catalogs:
        _catalogs[language] = load_catalog(language)
    return _catalogs[language]


def set_language(language: str) -> str:
    """Speak `language` from now on (a catalog code or anything normalize() knows);
    returns the catalog code. ValueError for a language the game does not speak."""
    global _language, _translations
    code = normalize(language)
    if code is None:
        raise ValueError(language)
    _translations = catalog(code)
    _language = code
    return code


def language() -> str:
    """The language in force (a catalog code)."""
    return _language


def gettext(message: str) -> str:
    """`message` in the language in force."""
    if _translations is None:
        set_language(_language)
    return _translations.gettext(message)


_ = gettext


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural of a message for `n`, by the language's own plural rule."""
    if _translations is None:
        set_language(_language)
    return _translations.ngettext(singular, plural, n)


def translate(value):
    """A marked message (N_), or a dict or tuple of them, in the language in force;
    anything else as it is."""
    if isinstance(value, Msg):
        return translated(value)
    if isinstance(value, dict):
        return {k: translate(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return tuple(translate(v) for v in value)
    return value


def _holds_text(value) -> bool:
    if isinstance(value, Msg):
        return True
    if isinstance(value, dict):
        return any(_holds_text(v) for v in value.values())
    if isinstance(value, tuple):
        return any(_holds_text(v) for v in value)
    return False


def translated_when_read(namespace: dict):
    """Make a module of marked constants (NAME = N_("…"), or dicts and tuples of them) a catalog
    read in the language in force: the constants leave `namespace` for a table, and the
    module's __getattr__ translates one when it is read. Returns (table, __getattr__, __dir__):

        _TEXT, __getattr__, __dir__ = i18n.translated_when_read(globals())
    """
    table = {name: value for name, value in list(namespace.items()) if name.isupper() and _holds_text(value)}
    for name in table:
        del namespace[name]
    module = namespace.get("__name__", "?")

    def __getattr__(name: str):
        try:
            value = table[name]
        except KeyError:
            raise AttributeError(f"module {module!r} has no attribute {name!r}") from None
        return translate(value)

    def __dir__() -> list[str]:
        return sorted([*namespace, *table])

    return table, __getattr__, __dir__


def untranslate(text: str, language: str) -> str:
    """The English message (msgid) whose translation into `language` is `text`; `text` itself
    when no message translates to it (how a label built in one language is found in another)."""
    table = getattr(catalog(language), "_catalog", {})
    for msgid, msgstr in table.items():
        if msgstr == text and isinstance(msgid, str) and msgid:
            return msgid
    return text


# --- numbers ------------------------------------------------------------------------------


def babel_locale(language: str | None = None) -> str:
    """The Babel locale that writes numbers for `language` (default: the one in force): the
    catalog code's own (zh_CN -> zh_Hans_CN), English for a code Babel does not know."""
    return _babel_locale(language or _language)


@functools.cache
def _babel_locale(language: str) -> str:
    from babel import Locale, UnknownLocaleError

    try:
        return str(Locale.parse(language))
    except (ValueError, UnknownLocaleError):
        return DEFAULT


def own_name(language: str) -> str:
    """A catalog's language named in itself (English, 简体中文): the catalog's translation of
    OWN_NAME, else Babel's name of the locale in itself."""
    if level_code(language) == "en":
        return "English"
    try:
        name = catalog(language).gettext(OWN_NAME)
    except FileNotFoundError:
        name = OWN_NAME
    if name != OWN_NAME:
        return name
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(language).get_display_name(language) or language
    except (ValueError, UnknownLocaleError):
        return language


def spoken() -> str:
    """The languages the game speaks, for a message: "en (English), zh (简体中文)", each by the
    code a person types and its own name."""
    return ", ".join(f"{level_code(code)} ({own_name(code)})" for code in LANGUAGES)


def language_name(language: str) -> str:
    """A language (a level's code or a catalog's) named in the language in force: the catalog's
    translation of its English name (Chinese -> 中文), else Babel's name in the reader's locale."""
    from babel import Locale, UnknownLocaleError

    english = english_name(language)
    said = gettext(english)
    if said != english or level_code(_language) == "en":
        return said
    try:
        return Locale.parse(catalog_of(language) or language).get_language_name(babel_locale()) or english
    except (ValueError, UnknownLocaleError):
        return english


def decimal(x: float, pattern: str | None = None) -> str:
    """A number in the locale's way (grouping, decimal sign); `pattern` as Babel reads it
    (e.g. "#,##0.0" for one decimal)."""
    from babel.numbers import format_decimal

    return format_decimal(x, format=pattern, locale=babel_locale())


def percent(x: float, decimals: int = 0, pattern: str | None = None) -> str:
    """A fraction as a percentage in the locale's way: 0.14 -> 14% (`decimals` fixed
    decimals, or a Babel `pattern`)."""
    from babel.numbers import format_percent

    pattern = pattern or "#,##0" + ("." + "0" * decimals if decimals else "") + "%"
    return format_percent(x, format=pattern, locale=babel_locale())


def compact(x: float, fraction_digits: int = 1) -> str:
    """A large number in few characters, as the locale counts: 12.3K / 1.24M in English,
    12.3万 / 1.24亿 in Chinese (Babel's short compact form)."""
    from babel.numbers import format_compact_decimal

    return format_compact_decimal(x, format_type="short", fraction_digits=fraction_digits, locale=babel_locale())


def listing(items: list[str]) -> str:
    """Items as the language lists them: "A, B, and C" / "A、B和C"."""
    from babel.lists import format_list

    return format_list(list(items), locale=babel_locale()) if items else ""


# --- columns ------------------------------------------------------------------------------

_CJK = "\u2e80-\u2fff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_OPENING = "（《「『【〔〈〖“‘"
_CLOSING = "，。、；：！？）》」』】〕〉〗”’…％"

LINE_CHUNK = re.compile(
    rf"\s*(?:[{_OPENING}]*(?:[{_CJK}]|[^\s{_CJK}\u3000-\u303f\uff00-\uffef]+)[{_CLOSING}]*|\S)\s*")
"""Where a line of text may break, as the terminal's wrapping reads it: one match per unbreakable
piece with the spaces around it. A word of Latin letters or digits (GMV, 40,000) is one piece, as
a space-separated word always was; Chinese breaks between any two characters, except that closing
punctuation stays with the character before it (no line starts with ，or 。) and opening
punctuation with the one after it (no line ends with （). Text without Chinese breaks exactly as
before: at spaces."""


def width(text: str) -> int:
    """The columns `text` takes in a terminal (wcwidth): a Chinese character takes two."""
    from wcwidth import wcswidth

    cells = wcswidth(text)
    return cells if cells >= 0 else len(text)  # a control character: counted as one, as the terminal shows it


def pad(text: str, columns: int, right: bool = False) -> str:
    """`text` padded with spaces to `columns` terminal columns (never cut): str.ljust counts
    characters, which misaligns a column holding Chinese."""
    space = " " * max(0, columns - width(text))
    return space + text if right else text + space
