"""The authoring reference: every key of a scenario file and a plan file, generated.

`authoring_reference()` walks the pydantic models of trainer.core.scenario (and the
plan-file models of trainer.core.plan) and writes one Markdown table per TOML table:
each key's type, default, allowed range and docstring. docs/authoring.md holds a
hand-written guide followed by this reference between two markers;
`python -m trainer.core.docs` rewrites the part between the markers, and
`python -m trainer.core.docs --check` exits 1 when it is stale (tests/core/test_docs.py
does the same check).
"""

from __future__ import annotations

import sys
import types
import typing
from pathlib import Path

from annotated_types import Ge, Gt, Le, Lt, MaxLen, MinLen
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from trainer.core.plan import DefaultDecision, TurnDecision
from trainer.core.scenario import (
    KOL_DEFAULTS,
    MAX_MONEY,
    POSITION_DEFAULTS,
    POSITIONS,
    Brand,
    BrandText,
    Creators,
    Event,
    Kol,
    KolParams,
    Lesson,
    LessonText,
    LevelText,
    Market,
    NameText,
    Objective,
    ObjectiveText,
    PositionParams,
    Provider,
    ProviderText,
    Scenario,
    Step,
    StepText,
    Strengths,
    Weights,
)

START = "<!-- reference:start -->"
END = "<!-- reference:end -->"
AUTHORING = Path(__file__).resolve().parents[2] / "docs" / "authoring.md"
REGENERATE = "python -m trainer.core.docs"

WORKSHOP_START = "<!-- workshop-reference:start -->"
WORKSHOP_END = "<!-- workshop-reference:end -->"
FACILITATOR = Path(__file__).resolve().parents[2] / "docs" / "facilitator-guide.md"
"""The facilitator's guide: its last part is the workshop file's reference, generated."""

# (heading, model, note): the tables of a scenario file in the order an author writes them
SECTIONS: tuple[tuple[str, type[BaseModel], str], ...] = (
    ("Top level", Scenario,
     "Keys at the top of the file, before any table."),
    ("[brand]", Brand, ""),
    ("[brand.strengths]", Strengths,
     "Usually written inline: `strengths = { content = 30, brand = 35, product = 55, price = 45 }`."),
    ("[market]", Market,
     "Every key has a default; a level names only what makes its platform or category different."),
    ("[market.field], [market.alliance], [market.campaign]", PositionParams,
     "One table per paid position. A table overrides only the keys it names; the defaults "
     "differ by position (see the table after this one)."),
    ("[market.top_kol]", KolParams,
     "Reach comes from the KOL booked (see [[kols]]); these keys set how KOL traffic converts."),
    ("[market.<position>.weights]", Weights,
     "Written inline, e.g. `weights = { content = 3, brand = 1, product = 3, price = 2 }`. "
     "A weights table replaces the position's default weights as a whole."),
    ("[[events]]", Event, "One entry per platform event in the calendar."),
    ("[[steps]]", Step,
     "Optional. Plain text (no Markdown), at most one a week; the tutorial gives one for each of its "
     "six weeks, e.g. `[[steps]]` then `week = 1` and `text = \"Start your own live room...\"`."),
    ("[[kols]]", Kol, "One entry per top KOL on the roster."),
    ("[creators]", Creators, "The creator pool behind position A."),
    ("[[providers]]", Provider,
     "Service providers (agencies). A plan hires them turn by turn with `providers = [\"id\"]`; "
     "the reference players never hire one."),
    ("[[objectives]]", Objective, "At least one. The game's stars are the fewest any objective earned."),
    ("[[lessons]]", Lesson,
     "Checked by `fact-trainer balance`. Reference players: balanced, roi_greedy, even_split, "
     "all_in_field, all_in_alliance, all_in_campaign, all_in_top_kol; a variant such as "
     "`balanced/no_top_kol` plays the same plan with that part's money moved to F "
     "(for `no_field`, to A); `/no_strengths` drops the strength money, `/with_providers` hires the "
     "agencies that know the brand's category, `/price_first` puts the strength money into price in "
     "the weeks before an event."),
    ("[zh], [en]", LevelText,
     "The level's text in its other language, in a table named by the language's code, with the "
     "shape of the level itself (see *Levels in two languages* above). Every key is optional: what "
     "is left out shows in the main language, and `fact-trainer validate` lists it."),
    ("[zh.brand]", BrandText, ""),
    ("[[zh.events]], [[zh.kols]]", NameText,
     "One entry per entry of the level's list, in the same order."),
    ("[[zh.providers]]", ProviderText, "One entry per [[providers]], in the same order."),
    ("[[zh.objectives]]", ObjectiveText, "One entry per [[objectives]], in the same order."),
    ("[[zh.lessons]]", LessonText, "One entry per [[lessons]], in the same order."),
    ("[[zh.steps]]", StepText, "One entry per [[steps]], in the same order; plain text."),
)

PLAN_SECTIONS: tuple[tuple[str, type[BaseModel], str], ...] = (
    ("[default]", DefaultDecision, "Applies to every turn. A key left out means nothing spent."),
    ("[[turn]]", TurnDecision, "Overrides the keys it names for one turn; the rest come from [default]."),
)


def scenario_models() -> list[type[BaseModel]]:
    """Every model a scenario file is made of, Scenario first, each once."""
    seen: list[type[BaseModel]] = []

    def walk(model: type[BaseModel]) -> None:
        if model in seen:
            return
        seen.append(model)
        for info in model.model_fields.values():
            for inner in _models_in(info.annotation):
                walk(inner)

    walk(Scenario)
    return seen


def _models_in(annotation) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _models_in(arg)]


def _strip(annotation):
    """The annotation without Annotated[...] wrappers."""
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


def type_name(annotation) -> str:
    """A TOML-minded name for a field's type: integer, number, text, a list of..., a table."""
    annotation = _strip(annotation)
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Literal:
        return "one of " + ", ".join(f'`"{a}"`' for a in args)
    if origin in (typing.Union, types.UnionType):
        parts = [a for a in args if a is not type(None)]
        name = " or ".join(type_name(a) for a in parts)
        return name
    if origin is list:
        inner = _strip(args[0])
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            return "array of tables"
        return f"list of {_plural(type_name(inner))}"
    if origin is tuple:
        return f"[{', '.join(type_name(a) for a in args)}]"
    if origin is dict:
        return f"table of {_plural(type_name(args[1]))}"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "table"
    return {int: "integer", float: "number", str: "text", bool: "true or false"}.get(annotation, str(annotation))


def _plural(name: str) -> str:
    return {"integer": "integers", "number": "numbers", "text": "texts"}.get(name, name)


def _number(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return "10^12" if value == MAX_MONEY else f"{value:_}" if abs(value) >= 10_000 else str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) <= 1e15:
            return _number(int(value))
        return f"{value:g}"
    return str(value)


def _toml(value) -> str:
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return _number(value)


def default_text(info: FieldInfo, model: type[BaseModel] | None = None, name: str = "") -> str:
    """The default of a field as an author reads it: a TOML value, or *required*."""
    if model is Market and name in POSITIONS:
        return "see defaults by position"
    if info.is_required():
        return "*required*"
    if info.default_factory is not None:
        annotation = _strip(info.annotation)
        if typing.get_origin(annotation) is list:
            return "`[]`"
        return "see its table"
    if info.default is None:
        return "left out"
    if info.default == "":
        return '`""`'
    return f"`{_toml(info.default)}`"


def _constraints(metadata) -> list[str]:
    out = []
    for item in metadata:
        if isinstance(item, Ge):
            out.append(f"≥ {_number(item.ge)}")
        elif isinstance(item, Gt):
            out.append(f"> {_number(item.gt)}")
        elif isinstance(item, Le):
            out.append(f"≤ {_number(item.le)}")
        elif isinstance(item, Lt):
            out.append(f"< {_number(item.lt)}")
        elif isinstance(item, MinLen):
            out.append(f"length ≥ {item.min_length}")
        elif isinstance(item, MaxLen):
            out.append(f"length ≤ {item.max_length}")
        elif getattr(item, "pattern", None):
            out.append(f"matches `{item.pattern}`")
    return out


def _inner_metadata(annotation) -> list:
    """Constraints on the items of a list or tuple, or on an Annotated type alias."""
    found = []
    if typing.get_origin(annotation) is typing.Annotated:
        for extra in typing.get_args(annotation)[1:]:
            found.extend(extra.metadata if isinstance(extra, FieldInfo) else [extra])
        annotation = _strip(annotation)
    for arg in typing.get_args(annotation):
        if typing.get_origin(arg) is typing.Annotated:
            found.extend(_inner_metadata(arg))
        elif typing.get_origin(arg) is list:
            found.extend(_inner_metadata(arg))
    return found


def range_text(info: FieldInfo) -> str:
    """The allowed values of a field: bounds on it and on its items, tightest bounds only."""
    own = _constraints(info.metadata)
    items = []
    for text in _constraints(_inner_metadata(info.annotation)):
        if text not in items:
            items.append(text)
    # a type alias and its field may both bound the same side: keep the tighter bound
    own = _tightest(own)
    parts = []
    if own:
        parts.append(", ".join(own))
    if items:
        parts.append("each " + ", ".join(_tightest(items)))
    return "; ".join(parts)


def _tightest(bounds: list[str]) -> list[str]:
    upper = [b for b in bounds if b.startswith(("≤", "<"))]
    if len(upper) <= 1:
        return bounds

    def value(text: str) -> float:
        raw = text.split(" ", 1)[1].replace("_", "")
        return 1e12 if raw == "10^12" else float(raw)

    keep = min(upper, key=value)
    return [b for b in bounds if b not in upper or b == keep]


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def model_table(model: type[BaseModel]) -> str:
    """One Markdown table: every key of `model` with its type, default, range and meaning."""
    rows = ["| key | type | default | allowed | meaning |", "|---|---|---|---|---|"]
    for name, info in model.model_fields.items():
        rows.append("| " + " | ".join((
            f"`{name}`", _cell(type_name(info.annotation)), _cell(default_text(info, model, name)),
            _cell(range_text(info)), _cell(info.description or ""),
        )) + " |")
    return "\n".join(rows)


def position_defaults_table() -> str:
    """The defaults each position starts from before a scenario's own keys apply."""
    rows = ["| position | cpm | saturation | shape | carryover | conversion | weights (content, brand, product, price) |",
            "|---|---|---|---|---|---|---|"]
    for name, values in (*POSITION_DEFAULTS.items(), ("top_kol", KOL_DEFAULTS)):
        w = values["weights"]
        rows.append("| " + " | ".join((
            f"`{name}`", *(_number(values[k]) if k in values else "–" for k in ("cpm", "saturation", "shape")),
            _number(values["carryover"]), _number(values["conversion"]),
            ", ".join(_number(w[s]) for s in ("content", "brand", "product", "price")),
        )) + " |")
    return "\n".join(rows)


def _section(heading: str, model: type[BaseModel], note: str) -> list[str]:
    out = [f"### {heading}", ""]
    doc = " ".join((model.__doc__ or "").split())
    if doc:
        out += [doc, ""]
    if note:
        out += [note, ""]
    out += [model_table(model), ""]
    return out


def authoring_reference() -> str:
    """The generated reference of docs/authoring.md: every scenario and plan key, by table."""
    out = [
        "## Reference: every key",
        "",
        f"Generated from the models in `trainer/core/scenario.py` and `trainer/core/plan.py` by `{REGENERATE}`:",
        "edit the docstrings there, not this text. Money is in yuan (whole numbers); rates a merchant "
        "speaks of in percent are percent. Unknown keys are errors.",
        "",
        "## Scenario files",
        "",
    ]
    for heading, model, note in SECTIONS:
        out += _section(heading, model, note)
        if model is PositionParams:
            out += ["#### Defaults by position", "", position_defaults_table(), ""]
    out += [
        "## Plan files",
        "",
        "A plan says what to spend each turn (`fact-trainer simulate SCENARIO --plan PLAN.toml`).",
        "",
    ]
    for heading, model, note in PLAN_SECTIONS:
        out += _section(heading, model, note)
    return "\n".join(out).rstrip() + "\n"


def workshop_models() -> list[type[BaseModel]]:
    """Every model a workshop file is made of, Workshop first, each once (walked, so a field
    added to the model shows up here without a list to update)."""
    from trainer.core.workshop import Workshop

    seen: list[type[BaseModel]] = []

    def walk(model: type[BaseModel]) -> None:
        if model in seen:
            return
        seen.append(model)
        for info in model.model_fields.values():
            for inner in _models_in(info.annotation):
                walk(inner)

    walk(Workshop)
    return seen


def workshop_reference() -> str:
    """The generated reference of docs/facilitator-guide.md: every key of a workshop file."""
    from trainer.core.workshop import Workshop

    notes = {Workshop: "Keys at the top of the file. `fact-trainer validate FILE` checks a workshop file "
                       "(and every level it names); the first line `#:schema ../docs/workshop.schema.json` "
                       "lets an editor complete and check the keys (`fact-trainer schema --workshop` prints the "
                       "schema)."}
    out = [
        "## Reference: every key of a workshop file",
        "",
        f"Generated from the models in `trainer/core/workshop.py` by `{REGENERATE}`: edit the docstrings "
        "there, not this text. Unknown keys are errors.",
        "",
    ]
    for model in workshop_models():
        heading = "Top level" if model is workshop_models()[0] else \
            ", ".join(f"[{name}]" for name, info in workshop_models()[0].model_fields.items()
                      if model in _models_in(info.annotation))
        out += _section(heading, model, notes.get(model, ""))
    return "\n".join(out).rstrip() + "\n"


def splice(document: str, reference: str, start: str = START, end: str = END) -> str:
    """`document` with the text between the reference markers replaced by `reference`."""
    head, found, rest = document.partition(start)
    if not found:
        raise ValueError(f"{start} is missing")
    _, closed, tail = rest.partition(end)
    if not closed:
        raise ValueError(f"{end} is missing")
    return f"{head}{start}\n{reference}{end}{tail}"


def current_reference(document: str, start: str = START, end: str = END) -> str:
    """The reference part of `document` as it stands (between the markers)."""
    rest = document.partition(start)[2]
    return rest.partition(end)[0].removeprefix("\n")


def generated() -> list[tuple[Path, str, str, str]]:
    """(document, its generated part, start marker, end marker) for every generated reference."""
    return [(AUTHORING, authoring_reference(), START, END),
            (FACILITATOR, workshop_reference(), WORKSHOP_START, WORKSHOP_END)]


def main(argv: list[str] | None = None) -> int:
    """Rewrite the references in docs/authoring.md and docs/facilitator-guide.md; with --check,
    only say whether they are current."""
    args = sys.argv[1:] if argv is None else argv
    stale = 0
    for path, reference, start, end in generated():
        document = path.read_text(encoding="utf-8")
        updated = splice(document, reference, start, end)
        if "--check" in args:
            if updated != document:
                print(f"{path} is stale: run {REGENERATE}", file=sys.stderr)
                stale = 1
            continue
        if updated != document:
            path.write_text(updated, encoding="utf-8")
            print(f"rewrote the reference in {path}")
        else:
            print(f"{path} is current")
    return stale


if __name__ == "__main__":
    sys.exit(main())
