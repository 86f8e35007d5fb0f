"""What is wrong with a file, a plan or a save, as a code and values, never as a sentence.

The core says *what* (`Said("plan.over_budget", spend=60000, budget=50000, over=10000)`);
the presentation layer (trainer.ui.messages.said) words it through the catalog of the
language in force, so the command line, the screens and the reports say it in Chinese or
English alike, and nobody re-parses a sentence to find a figure in it.

TEMPLATES holds each code's message as the catalogs know it: the English msgid, marked with
`N_` for `pybabel extract` (a no-op here: the core translates nothing). `str(said)` is that
English sentence, for logs, exceptions and the core's own tests.

A value may itself be a `Said` (a problem inside another: the turns of a plan a problem
occurs in); it is worded first.
"""

from __future__ import annotations

from dataclasses import dataclass


def N_(message: str) -> str:
    """Mark `message` for the catalogs (the presentation layer translates it)."""
    return message


TEMPLATES: dict[str, str] = {
    # --- files (trainer.core.loading)
    "file.missing": N_("no such file"),
    "file.folder": N_("is a folder, not a TOML file"),
    "file.unreadable": N_("cannot be read: {reason}"),
    "file.too_big": N_("is {size:,} bytes; a scenario or plan is far smaller (at most {limit:,})"),
    "file.binary": N_("is binary, not a TOML text file"),
    "file.not_utf8": N_("is not UTF-8 text; save it as UTF-8"),
    "file.too_deep": N_("nested too deeply to read"),
    "toml.unclosed": N_("not valid TOML: the {what} opened here is never closed"),
    "toml.invalid": N_("not valid TOML: {reason}"),
    "toml.invalid_at": N_("not valid TOML: {reason} (column {column})"),
    # --- what a value is and should be (trainer.core.loading)
    "key.missing": N_("missing: this key is required"),
    "key.unknown_language": N_("unknown language {name!r}: a level's text can be given in {languages}; name its "
                               "table [zh] or [en]"),
    "key.unknown": N_("unknown key {name!r}"),
    "key.unknown_did_you_mean": N_("unknown key {name!r}; did you mean {close!r}?"),
    "key.unknown_allowed": N_("unknown key {name!r}; allowed here: {allowed}"),
    "type.wanted": N_("expected {kind}, found {found}"),
    "type.wanted_write": N_("expected {kind}, found {found}; write {key} = {fixed}"),
    "type.wanted_bool": N_("expected {kind}, found {found} (without quotes)"),
    "value.not_finite": N_("must be a finite number"),
    "value.not_text": N_("must be text in quotes, got {value}"),
    "value.list_of_tables": N_("{key} must be a list of tables: write [[{key}]]"),
    "value.not_list": N_("must be a list in [ ], got {value}"),
    "value.not_table": N_("must be a table of keys, got {value}"),
    "value.at_least": N_("must be at least {limit}, got {value}"),
    "value.more_than": N_("must be more than {limit}, got {value}"),
    "value.at_most": N_("must be at most {limit}, got {value}"),
    "value.less_than": N_("must be less than {limit}, got {value}"),
    "value.one_of": N_("must be one of {allowed}, got {value}"),
    "value.id_pattern": N_("{value} may hold only lower-case letters, digits, - and _ (starting with a letter or "
                           "digit)"),
    "value.empty": N_("must not be empty"),
    "value.too_few": N_("needs at least {count} entries"),
    "value.too_long": N_("is too long: at most {count}"),
    # how a value found in a file is described (inside type.wanted and the value.* codes)
    "found.table": N_("a table"),
    "found.list": N_("a list"),
    "found.string": N_("the string {text}"),
    "found.number": N_("the number {number}"),
    "found.date": N_("the date/time {value} (a TOML date; put it in quotes if it is text)"),
    "found.other": N_("a {kind}"),
    "kind.whole": N_("a whole number"),
    "kind.number": N_("a number"),
    "kind.bool": N_("true or false"),
    # --- finding a level (trainer.core.library)
    "library.unknown": N_("no scenario has this id and no such file; known ids: {known}"),
    "library.none": N_("no scenario has this id and no such file; {where} holds no valid scenario"),
    "library.the_library": N_("the library"),
    # --- plans (trainer.core.plan, trainer.core.loading.load_plan)
    "plan.turn": N_("turn {turn}: {problem}"),
    "plan.turns": N_("turns {turns}: {problem}"),
    "plan.unknown_provider": N_("no service provider has the id {id!r} (known: {known})"),
    "plan.provider_twice": N_("a provider is named twice; hire each once"),
    "plan.over_budget": N_("the plan spends {spend:,} yuan but the budget is {budget:,} (over by {over:,}); lower "
                           "some amounts"),
    "plan.negative": N_("{key} is negative ({amount}); amounts start at 0"),
    "plan.unknown_kol": N_("no KOL has the id {id!r} (known: {known})"),
    "plan.kol_fee": N_("{kol} costs {fee:,} yuan a slot but top_kol is {amount:,}"),
    "plan.no_kols": N_("top_kol is {amount:,} but this scenario has no KOLs to book"),
    "plan.no_kol_affordable": N_("top_kol {amount:,} affords no KOL; the cheapest, {kol}, costs {fee:,}"),
    "plan.commission": N_("commission {value:g}% is outside this level's range {low:g}% to {high:g}%"),
    "plan.discount": N_("discount {value:g}% must be between 0 and 90"),
    "plan.turn_beyond": N_("a [[turn]] entry is for turn {turn}, but {id} has {turns} turns"),
    "plan.turn_twice": N_("two [[turn]] entries are for turn {turn}; merge them"),
    "plan.none_known": N_("none in this scenario"),
    # --- saves (trainer.core.saves)
    "save.not_written": N_("could not be saved ({reason}): {hint}; play goes on and the game is saved again after "
                           "the next turn"),
    "save.folder_not_written": N_("could not be saved ({reason}): the folder cannot be written"),
    "save.disk_full": N_("the disk is full"),
    "save.folder_unwritable": N_("the folder cannot be written"),
    "save.missing": N_("no such save"),
    "save.folder": N_("is a folder, not a save"),
    "save.empty": N_("is empty: the game was not saved completely (try the .bak beside it)"),
    "save.too_big": N_("is {size:,} bytes, far more than a save holds"),
    "save.not_utf8": N_("is not UTF-8 text: it is not a FACT Trainer save, or it was damaged"),
    "save.bad_toml": N_("is not valid TOML (truncated or damaged?): {reason}"),
    "save.no_format": N_("has no format number: it is not a FACT Trainer save"),
    "save.newer": N_("was written by a newer FACT Trainer (format {version}; this one reads up to {reads}): update "
                     "FACT Trainer to load it"),
    "save.old_format": N_("has format {version}, which this FACT Trainer cannot read"),
    "save.no_scenario": N_("its scenario {id!r} cannot be found or loaded: {problem}"),
    "replay.model": N_("the figures were made by market model {model}; this FACT Trainer runs model {runs}, so the "
                       "replay gives new figures"),
    "replay.scenario_changed": N_("the scenario {id!r} has changed since this game was saved"),
    "replay.cut_short": N_("the file says {said} turns were played but holds {holds}: it was cut short or edited"),
    "replay.out_of_order": N_("turn {turn} is out of order (expected turn {expected}); the game stops before it"),
    "replay.refused": N_("turn {turn} cannot be replayed: {problem}; the game stops before it"),
    "replay.differs": N_("turn {turn}: the save says GMV {gmv:,}, GPM {gpm:g}, score {score}; the replay gives GMV "
                         "{replay_gmv:,}, GPM {replay_gpm:g}, score {replay_score}"),
    "replay.differs_total": N_("turn {turn}: the save says GMV {gmv:,}, GPM {gpm:g}, score {score}, GMV so far "
                               "{total:,}; the replay gives GMV {replay_gmv:,}, GPM {replay_gpm:g}, score "
                               "{replay_score}, GMV so far {replay_total:,}"),
    "replay.status": N_("{status}"),
    # --- workshops (trainer.core.workshop)
    "workshop.scenario": N_("{name!r}: {problem}"),
    "board.not_in_workshop": N_("{id!r} is not a scenario of this workshop"),
    "board.other_seed": N_("played with seed {seed}, not the workshop's {expected}"),
    "board.other_workshop": N_("saved for workshop {found!r}, not {id!r}"),
    # --- several problems in one line
    "and": N_("{first}; {rest}"),
}


def joined(said: list[Said]) -> Said | None:
    """Several problems as one (each worded in turn, `; ` between them); None for none."""
    if not said:
        return None
    out = said[-1]
    for first in reversed(said[:-1]):
        out = Said("and", first=first, rest=out)
    return out


@dataclass(frozen=True, slots=True)
class Said:
    """A problem as a code (a key of TEMPLATES) and the values its message quotes."""

    code: str
    items: tuple[tuple[str, object], ...] = ()

    def __init__(self, code: str, **values: object) -> None:
        if code not in TEMPLATES:
            raise KeyError(code)
        object.__setattr__(self, "code", code)
        object.__setattr__(self, "items", tuple(values.items()))

    @property
    def values(self) -> dict[str, object]:
        """The values the message quotes, by placeholder."""
        return dict(self.items)

    def english(self) -> str:
        """The message in the catalogs' own language (for logs, exceptions and tests)."""
        return TEMPLATES[self.code].format(**{k: v.english() if isinstance(v, Said) else v for k, v in self.items})

    def __str__(self) -> str:
        return self.english()
