"""Text from files and people is data: find, refuse or replace control characters.

A level, plan, workshop file or save is refused when a text field holds a control
character (C0 but newline and tab in multi-line fields, DEL, C1, bidi overrides); where a
person types a name, the characters are replaced with U+FFFD instead and the caller says so.
`safe()` is the one place a command-line line is made fit for a terminal.
"""

from __future__ import annotations

import unicodedata

from trainer.core.problems import Invalid, Said

MULTILINE_FIELDS: frozenset[str] = frozenset({"briefing", "text"})
"""Text fields that may hold newlines and tabs; every other text field is one line."""

REPLACEMENT = "\ufffd"

_NAMES = {
    0x00: "NUL", 0x07: "BEL", 0x08: "BS", 0x09: "TAB", 0x0A: "newline", 0x0B: "VT",
    0x0C: "FF", 0x0D: "carriage return", 0x1B: "ESC", 0x7F: "DEL",
    0x202A: "LRE", 0x202B: "RLE", 0x202C: "PDF", 0x202D: "LRO", 0x202E: "RLO",
    0x2066: "LRI", 0x2067: "RLI", 0x2068: "FSI", 0x2069: "PDI",
}
_BIDI = frozenset(range(0x202A, 0x202F)) | frozenset(range(0x2066, 0x206A))


def is_forbidden(char: str, multiline: bool = False) -> bool:
    """Whether one character may not appear in a text field."""
    code = ord(char)
    if multiline and char in "\n\t":
        return False
    return code < 0x20 or 0x7F <= code <= 0x9F or code in _BIDI or code in (0x2028, 0x2029)


def char_name(char: str) -> str:
    """A readable name for a character: 'ESC, U+001B'."""
    code = ord(char)
    name = _NAMES.get(code) or unicodedata.name(char, "") or "control character"
    return f"{name}, U+{code:04X}"


def control_problem(text: str, multiline: bool = False) -> Said | None:
    """What is wrong with the first forbidden character in `text`, or None when it is clean."""
    for index, char in enumerate(text):
        if is_forbidden(char, multiline):
            kind = Said("text.line_break") if char in "\n\r" else Said("text.control_character")
            return Said("text.control", kind=kind, char=char_name(char), position=index + 1)
    return None


def scrub(text: str, multiline: bool = False) -> tuple[str, int]:
    """`text` with each forbidden character replaced by U+FFFD, and how many were replaced."""
    out = []
    count = 0
    for char in text:
        if is_forbidden(char, multiline):
            out.append(REPLACEMENT)
            count += 1
        else:
            out.append(char)
    return "".join(out), count


def safe(text: object) -> str:
    """Text fit for a terminal line: control characters (newlines kept) shown as U+FFFD."""
    return scrub(str(text), multiline=True)[0].replace("\t", " ")


def check_text_value(value: object, field: str) -> object:
    """A field validator body: raise ValueError when a str (or list of str) holds a forbidden character."""
    multiline = field in MULTILINE_FIELDS
    items = [value] if isinstance(value, str) else list(value) if isinstance(value, (list, tuple)) else []
    for item in items:
        if isinstance(item, str):
            problem = control_problem(item, multiline)
            if problem:
                raise Invalid(problem)
    return value


def typed_name(text: str) -> tuple[str, Said | None]:
    """A name a person typed, made safe: control characters replaced by U+FFFD.

    Returns the name and what to say when something was replaced (else None).
    """
    cleaned, count = scrub(text)
    if not count:
        return text, None
    return cleaned, Said("text.name_cleaned", n=count, name=cleaned)
