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


def ngettext(singular: str, plural: str) -> tuple[str, str]:
    """Mark a message with a plural for the catalogs: its `{n}` value picks the form (the
    presentation layer asks the language's own plural rule)."""
    return singular, plural


TEMPLATES: dict[str, str | tuple[str, str]] = {
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
    # (the percentages come with their sign: a "% i" in a message reads as a %-format to gettext)
    "plan.commission": N_("commission {value} is outside this level's range {low} to {high}"),
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
    # --- a level's own checks (trainer.core.scenario, trainer.core.workshop, trainer.core.text)
    "text.control": N_("contains {kind} ({char}) at position {position}; remove it"),
    "text.line_break": N_("a line break"),
    "text.name_cleaned": ngettext("the name held {n:,} control character; replaced with \ufffd: {name}",
                                  "the name held {n:,} control characters; replaced with \ufffd: {name}"),
    "text.control_character": N_("a control character"),
    "weights.all_zero": N_("at least one weight must be above 0"),
    "creators.range_reversed": N_("the range [{low:g}, {high:g}] is the wrong way round: lowest first"),
    "creators.default_outside": N_("{value:g} is outside the commission range [{low:g}, {high:g}]"),
    "objective.stars_rise": N_("star thresholds must rise: one star first, three stars last"),
    "objective.rating_above_5": N_("a store rating is at most 5, so a threshold of {value:g} can never be reached; "
                                   "use thresholds from 0 to 5"),
    "lesson.unknown_player": N_("{name!r} is not a reference player; known: {known}"),
    "lesson.unknown_variant": N_("{name!r}: after '/' write one of {known}"),
    "lesson.kinds": N_("a lesson is one of: better and worse (two reference players), remove, or exploit; this "
                       "one gives {kinds}"),
    "lesson.kinds_none": N_("a lesson is one of: better and worse (two reference players), remove, or exploit; "
                            "this one gives none"),
    "lesson.needs_both": N_("a lesson comparing reference players needs both better and worse"),
    "lesson.same_player": N_("better and worse are both {name!r}: a player cannot beat itself"),
    "budget.not_whole": N_("must be a whole number of yuan, got {value!r}"),
    "budget.entry_not_whole": N_("entry {n} (turn {n}) must be a whole number of yuan, got {value!r}"),
    "budget.out_of_range": N_("must be between 0 and {limit:,} yuan, got {value:,}"),
    "budget.entry_out_of_range": N_("entry {n} (turn {n}) must be between 0 and {limit:,} yuan, got {value:,}"),
    "budget.empty": N_("budget is an empty list: give one amount per turn, or a single number"),
    "budget.count": ngettext("lists {n:,} amount but the game has turns = {turns}: give one amount per turn, or a "
                             "single number",
                             "lists {n:,} amounts but the game has turns = {turns}: give one amount per turn, or a "
                             "single number"),
    "event.late": ngettext("{name} runs in turn {turn}, but the game has only {n} turn",
                           "{name} runs in turn {turn}, but the game has only {n} turns"),
    "event.same_week": N_("{name} and {other} both run in week {week}; only one event applies a week: move one of "
                          "them"),
    "step.late": ngettext("a step for week {week}, but the game has only {n} week",
                          "a step for week {week}, but the game has only {n} weeks"),
    "step.twice": N_("a second step for week {week}: give each week at most one step"),
    "provider.same_id": N_("another provider already has the id {id!r}: each needs its own"),
    "kol.same_id": N_("another KOL already has the id {id!r}: each needs its own"),
    "language.own_table": N_("the level's own text is already in {language} (language = \"{main}\"): a [{lang}] "
                             "table gives another language; remove it, or set language to the main text's"),
    "language.count": ngettext("gives {n} entry but the level has {own} in {where}: give one for each, in the same "
                               "order",
                               "gives {n} entries but the level has {own} in {where}: give one for each, in the "
                               "same order"),
    "language.count_phrases": ngettext("gives {n} phrase but the level has {own} in {where}: give one for each, in "
                                       "the same order",
                                       "gives {n} phrases but the level has {own} in {where}: give one for each, in "
                                       "the same order"),
    "language.unused_word": N_("{word!r} is not a {kind} this level uses; it uses: {used}"),
    "language.word_category": N_("category"),
    "language.word_tone": N_("tone"),
    "language.translated_twice": N_("{word!r} is translated twice: keep one"),
    "language.same_translation": N_("{word!r} and {other!r} would both read {reads!r}; give each word its own "
                                    "translation (fit and tracks compare them)"),
    "workshop.own_table": N_("the workshop's own text is already in {language}: a [{lang}] table gives another "
                             "language; remove it"),
    "workshop.seed_and_seeds": N_("give either seed (one for everyone) or seeds (one per round), not both"),
    "workshop.seeds_count": N_("lists {n} seeds for {scenarios} scenarios: give one per scenario"),
    "workshop.codes_equal": N_("must differ from access_code: participants know that one"),
    # --- what `balance --lessons` re-optimises the best plan under (trainer.core.lessons)
    "under.optimum": N_("the best plan"),
    "under.without_field": N_("without F (self-broadcast)"),
    "under.without_alliance": N_("without A (creator alliance)"),
    "under.without_campaign": N_("without C (campaigns)"),
    "under.without_top_kol": N_("without T (top KOLs)"),
    "under.without_strengths": N_("without investing in strengths"),
    "under.without_campaign_in_events": N_("without C in event weeks"),
    "under.without_discounts": N_("without discounts"),
    "under.poorer_fit": N_("with only KOLs of poorer fit"),
    "under.fire_sale": ngettext("with {depth:.0%} off in the first week", "with {depth:.0%} off in the first {n} weeks"),
    "under.only_field": N_("with F (self-broadcast) only"),
    "under.only_alliance": N_("with A (creator alliance) only"),
    "under.only_campaign": N_("with C (campaigns) only"),
    "under.only_top_kol": N_("with T (top KOLs) only"),
    "under.star": N_("booking only {kol}"),
    "lesson.no_event": N_("the level has no event"),
    "lesson.no_kol": N_("the level has no KOL"),
    "lesson.no_off_fit_kol": N_("the level has no off-fit KOL"),
    "lesson.not_optimum": N_("not a lesson about the best plan"),
}


class Invalid(ValueError):
    """What a level's own check (a pydantic validator) found: each problem as (where, Said), where
    being the keys from the validated table to the one at fault (() for the table itself).
    Loading turns each into a Problem on the right line; `str()` is the English, one problem a
    line, each marked `[at key.path]`."""

    def __init__(self, problems: list | Said, where: tuple = ()):
        # each problem: an At of trainer.core.scenario (its .loc and .said), or a (loc, Said) pair
        self.problems = [(where, problems)] if isinstance(problems, Said) else [
            (p.loc, p.said) if hasattr(p, "loc") else tuple(p) for p in problems]
        super().__init__("\n".join(f"[at {'.'.join(map(str, loc))}] {said}" if loc else str(said)
                                   for loc, said in self.problems))


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
        template = TEMPLATES[self.code]
        values = {k: v.english() if isinstance(v, Said) else _english_value(v) for k, v in self.items}
        if isinstance(template, tuple):  # a plural: the English rule
            template = template[0] if values.get("n") == 1 else template[1]
        return template.format(**values)

    def __str__(self) -> str:
        return self.english()


def _english_value(value):
    """A value naming a language (trainer.core.languages) in English: zh -> Chinese."""
    from trainer.core.languages import Language, LanguageList, english_name

    if isinstance(value, Language):
        return english_name(value)
    if isinstance(value, LanguageList):
        return ", ".join(f"{code} ({english_name(code)})" for code in value)
    return value
