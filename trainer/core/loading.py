"""Reading scenario and plan files, with problems an author can act on.

Whatever a file holds (nothing, binary, bad TOML, wrong types, huge numbers), loading
ends either in a validated model or in a `FileProblems` error that lists every problem
as `PATH:LINE: dotted.key: what is wrong`, with a "did you mean" for misspelt keys.
"""

from __future__ import annotations

import datetime
import difflib
import json
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ValidationError

from trainer.core.plan import Decision, Plan, PlanError, compile_plan
from trainer.core.problems import Invalid, Said
from trainer.core.languages import LanguageList
from trainer.core.scenario import AT_MARK, LANGUAGES, Scenario

MAX_FILE_BYTES = 2_000_000

_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}([-_][A-Za-z0-9]{2,8})*$")
"""What a table named by a language looks like: zh, fr, zh-Hans, pt_BR."""


@dataclass(slots=True, frozen=True)
class Problem:
    """One thing wrong in a file, where it is and what to do.

    `said` is what is wrong: a code and values (trainer.core.problems.Said) that the
    presentation layer words in the language in force, or, for a check a level's own validator
    makes, its sentence. `message` is it in English."""

    path: str
    line: int
    key: str
    said: Said | str

    @property
    def message(self) -> str:
        """What is wrong, in English (the catalogs' own language)."""
        return str(self.said)

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.key}: {self.message}" if self.key else f"{where}: {self.message}"


class FileProblems(Exception):
    """A file that could not be used; `problems` says why, each with its line."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def _split_at(message: Invalid | Said | str, loc: tuple) -> list[tuple[tuple, Said | str]]:
    if isinstance(message, Invalid):  # a level's own check: each problem at its key
        return [((*loc, *where), said) for where, said in message.problems]
    if isinstance(message, Said):
        return [(loc, message)]
    out = []
    for line in message.splitlines() or [message]:
        match = AT_MARK.match(line)
        if match:
            parts = tuple(int(p) if p.isdigit() else p for p in match.group(1).split(".") if p)
            out.append(((*loc, *parts), match.group(2)))
        else:
            out.append((loc, line))
    return out


# ---------------------------------------------------------------- finding lines

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"""^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*=""")


def _split_key(text: str) -> list[str]:
    parts = re.findall(r"""[A-Za-z0-9_-]+|"[^"]*"|'[^']*'""", text)
    return [p.strip("\"'") for p in parts]


def key_lines(text: str) -> dict[tuple, int]:
    """Map every dotted key path written in a TOML text to its first line (1-based).

    Arrays of tables count their entries, so ("kols", 1, "fee") is the fee of the
    second [[kols]] entry. Keys inside inline tables map to the line of their table.
    """
    lines: dict[tuple, int] = {}
    table: tuple = ()
    counts: dict[tuple, int] = {}
    in_string: str | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        if in_string:
            if in_string in raw:
                in_string = None
            continue
        header = _HEADER.match(raw)
        if header:
            path = tuple(_split_key(header.group(2)))
            if header.group(1) == "[[":
                index = counts.get(path, -1) + 1
                counts[path] = index
                table = (*path, index)
            else:
                table = path
            lines.setdefault(table, number)
            # a table inside an array entry, e.g. [market.field], also maps its parents
            for cut in range(1, len(table)):
                lines.setdefault(table[:cut], number)
            continue
        key = _KEY.match(raw)
        if key:
            path = (*table, *_split_key(key.group(1)))
            lines.setdefault(path, number)
            rest = raw[key.end():]
            for quote in ('"""', "'''"):
                if rest.count(quote) == 1:
                    in_string = quote
    return lines


def locate(lines: dict[tuple, int], loc: tuple) -> int:
    """The line of `loc`, or of its nearest written parent; 1 when none is written."""
    for cut in range(len(loc), 0, -1):
        line = lines.get(tuple(loc[:cut]))
        if line is not None:
            return line
    return 1


# ---------------------------------------------------------------- messages

def _dotted(loc: tuple) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "(file)"


def _fields_at(model: type[BaseModel], loc: tuple) -> list[str]:
    """The keys allowed in the table at `loc` under `model`, to suggest a spelling."""
    current: object = model
    for part in loc:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", None)
        if not fields or part not in fields:
            return []
        current = _inner_model(fields[part].annotation)
    fields = getattr(current, "model_fields", None)
    return list(fields) if fields else []


def _inner_model(annotation):
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _unclosed_multiline(text: str) -> tuple[int, str] | None:
    """The line and quotes of a multi-line string that is opened and never closed, if any."""
    open_at: tuple[int, str] | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        rest = line
        while rest:
            if open_at is None:
                stripped = rest.split("#", 1)[0] if '"' not in rest and "'" not in rest else rest
                found = [(stripped.find(q), q) for q in ('"""', "'''") if q in stripped]
                if not found:
                    break
                index, quotes = min(found)
                open_at = (number, quotes)
                rest = rest[index + 3:]
            else:
                index = rest.find(open_at[1])
                if index < 0:
                    break
                open_at = None
                rest = rest[index + 3:]
    return open_at


def _shown(value) -> Said | str:
    """A value found in a file, as a problem quotes it: a table, a date, or its repr (cut at 40)."""
    if isinstance(value, dict):
        return Said("found.table")
    if isinstance(value, (datetime.date, datetime.time)):
        return Said("found.date", value=value.isoformat())
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _found(value) -> Said | str:
    """What a TOML value is, in an author's words: 'the string "8"', 'true', 'a table'."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        shown = json.dumps(value, ensure_ascii=False)
        return Said("found.string", text=shown if len(shown) <= 40 else shown[:37] + "...")
    if isinstance(value, dict):
        return Said("found.table")
    if isinstance(value, list):
        return Said("found.list")
    if isinstance(value, float):
        return Said("found.number", number=f"{value:g}")
    if isinstance(value, int):
        return Said("found.number", number=value)
    return Said("found.other", kind=type(value).__name__)


def _wanted(kind: str, value, loc: tuple) -> Said:
    """A type mismatch: what was found, what is wanted, and how to write it when that is clear."""
    key = next((str(part) for part in reversed(loc) if isinstance(part, str)), None)
    fixed = None
    if isinstance(value, str) and kind != "kind.bool":
        try:
            number = float(value.replace("_", "").replace(",", ""))
            if kind == "kind.whole" and number.is_integer():
                fixed = str(int(number))
            elif kind == "kind.number":
                fixed = value.strip()
        except ValueError:
            pass
    elif isinstance(value, str) and value.lower() in ("true", "false", "yes", "no"):
        fixed = "true" if value.lower() in ("true", "yes") else "false"
    if fixed is not None and key:
        return Said("type.wanted_write", kind=Said(kind), found=_found(value), key=key, fixed=fixed)
    if kind == "kind.bool":
        return Said("type.wanted_bool", kind=Said(kind), found=_found(value))
    return Said("type.wanted", kind=Said(kind), found=_found(value))


def _describe(error: dict, allowed: list[str]) -> Invalid | Said | str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    value = error.get("input")
    if kind == "missing":
        return Said("key.missing")
    if kind == "extra_forbidden":
        name = str(error["loc"][-1])
        if len(error["loc"]) == 1 and isinstance(value, dict) and _LANGUAGE_CODE.match(name):
            return Said("key.unknown_language", name=name,
                        languages=LanguageList(LANGUAGES))
        close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.7)  # 'season' is not 'lessons' (0.62)
        if close:
            return Said("key.unknown_did_you_mean", name=name, close=close[0])
        if allowed:
            return Said("key.unknown_allowed", name=name, allowed=", ".join(allowed))
        return Said("key.unknown", name=name)
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return _wanted("kind.whole", value, error["loc"])
    if kind in ("float_type", "float_parsing"):
        return _wanted("kind.number", value, error["loc"])
    if kind == "finite_number":
        return Said("value.not_finite")
    if kind in ("string_type",):
        return Said("value.not_text", value=_shown(value))
    if kind in ("list_type", "tuple_type"):
        if isinstance(value, dict):
            key = str(error["loc"][-1]) if error["loc"] else "key"
            return Said("value.list_of_tables", key=key)
        return Said("value.not_list", value=_shown(value))
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return Said("value.not_table", value=_shown(value))
    if kind in ("bool_type", "bool_parsing"):
        return _wanted("kind.bool", value, error["loc"])
    limits = {"greater_than_equal": ("value.at_least", "ge"), "greater_than": ("value.more_than", "gt"),
              "less_than_equal": ("value.at_most", "le"), "less_than": ("value.less_than", "lt")}
    if kind in limits:
        code, bound = limits[kind]
        return Said(code, limit=ctx.get(bound), value=_shown(value))
    if kind == "literal_error":
        return Said("value.one_of", allowed=ctx.get("expected"), value=_shown(value))
    if kind == "string_pattern_mismatch":
        return Said("value.id_pattern", value=_shown(value))
    if kind in ("too_short", "string_too_short"):
        return Said("value.empty") if ctx.get("min_length") in (1, None) else Said("value.too_few",
                                                                                   count=ctx.get("min_length"))
    if kind in ("too_long", "string_too_long"):
        return Said("value.too_long", count=ctx.get("max_length"))
    if kind == "value_error":
        raised = ctx.get("error")
        return raised if isinstance(raised, Invalid) else str(raised if raised is not None else error["msg"])
    return error["msg"]


def problems_from(error: ValidationError, model: type[BaseModel], path: str, lines: dict[tuple, int]) -> list[Problem]:
    """Turn a pydantic error into Problems with lines and author's words."""
    problems: list[Problem] = []
    for err in error.errors(include_url=False):
        loc = tuple(part for part in err["loc"] if not (isinstance(part, str) and ("[" in part or part in ("int", "float", "str"))))
        message = _describe(err, _fields_at(model, loc[:-1]))
        for where, text in _split_at(message, loc):
            problems.append(Problem(path, locate(lines, where), _dotted(where), text))
    return sorted(problems, key=lambda p: p.line)


# ---------------------------------------------------------------- files

def read_toml(path: Path) -> tuple[dict, dict[tuple, int]]:
    """Parse a TOML file into data and key lines, or FileProblems saying why not."""
    name = str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise FileProblems([Problem(name, 1, "(file)", Said("file.missing"))]) from None
    except IsADirectoryError:
        raise FileProblems([Problem(name, 1, "(file)", Said("file.folder"))]) from None
    except OSError as exc:
        raise FileProblems([Problem(name, 1, "(file)", Said("file.unreadable", reason=exc.strerror or str(exc)))]) from None
    if len(raw) > MAX_FILE_BYTES:
        raise FileProblems([Problem(name, 1, "(file)", Said("file.too_big", size=len(raw), limit=MAX_FILE_BYTES))])
    if b"\x00" in raw:
        raise FileProblems([Problem(name, 1, "(file)", Said("file.binary"))])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise FileProblems([Problem(name, line, "(file)", Said("file.not_utf8"))]) from None
    text = text.removeprefix("\ufeff")  # a byte-order mark some editors write is accepted
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        line = int(match.group(1)) if match else 1
        opened = _unclosed_multiline(text)
        if opened is not None:
            raise FileProblems([Problem(name, opened[0], "(syntax)", Said("toml.unclosed", what=opened[1]))]) from None
        # tomllib's own words (it gives no code): the line and column are taken out of them
        what = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc)).rstrip(".")
        said = Said("toml.invalid_at", reason=what, column=int(match.group(2))) if match else Said("toml.invalid",
                                                                                                   reason=what)
        raise FileProblems([Problem(name, line, "(syntax)", said)]) from None
    except RecursionError:
        raise FileProblems([Problem(name, 1, "(syntax)", Said("file.too_deep"))]) from None
    return data, key_lines(text)


def load_scenario(path: str | Path) -> Scenario:
    """A validated scenario from a TOML file, or FileProblems."""
    path = Path(path)
    data, lines = read_toml(path)
    try:
        return Scenario.model_validate(data)
    except ValidationError as exc:
        raise FileProblems(problems_from(exc, Scenario, str(path), lines)) from None
    except RecursionError:
        raise FileProblems([Problem(str(path), 1, "(file)", Said("file.too_deep"))]) from None


def load_plan(path: str | Path, scenario: Scenario) -> list[Decision]:
    """A plan file checked against `scenario`, as one Decision per turn, or FileProblems."""
    path = Path(path)
    data, lines = read_toml(path)
    try:
        plan = Plan.model_validate(data)
    except ValidationError as exc:
        raise FileProblems(problems_from(exc, Plan, str(path), lines)) from None
    try:
        return compile_plan(scenario, plan)
    except PlanError as exc:
        index = {entry.turn: i for i, entry in enumerate(plan.turn)}
        grouped: dict[tuple[tuple, Said], list[int]] = {}
        for turn, key, said in exc.problems:
            loc: tuple = ("default",) if key == "budget" else ("default", key)
            if turn in index:
                entry = plan.turn[index[turn]]
                if key in ("turn", "budget") or getattr(entry, key, None) is not None:
                    loc = ("turn", index[turn]) if key == "budget" else ("turn", index[turn], key)
            quoted = turn is None or "turn" in said.values  # a problem that names its turn itself
            grouped.setdefault((loc, said), []).append(0 if quoted else turn)
        problems = []
        for (loc, said), turns in grouped.items():
            turns = [t for t in turns if t]
            if len(turns) == 1:
                said = Said("plan.turn", turn=turns[0], problem=said)
            elif turns:
                said = Said("plan.turns", turns=", ".join(map(str, turns)), problem=said)
            problems.append(Problem(str(path), locate(lines, loc), _dotted(loc), said))
        raise FileProblems(sorted(problems, key=lambda p: p.line)) from None
