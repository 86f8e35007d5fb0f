"""The rules every level must keep, as `fact-trainer validate` and `fact-trainer balance` check them.

The project's tests apply these same functions to every level (the shipped ones and the
levels in tests/data/levels/ written from docs/authoring.md alone), so the tools and the
tests cannot drift apart: a level that passes `validate` and `balance` passes every
per-level test.

Two kinds:

- `static_findings(scenario)`: read from the file and the model, without playing
  (`validate`): a KOL no week can book, a KOL who costs a week's whole budget, a commission
  range with no room, briefing figures that are not the level's own, the Chinese text's
  layout and language.
- `model_findings(scenario)`: the lessons of the FACT primer, each played out on the level
  (`balance`): diminishing returns on every position, the snowball, fans from F, creators
  recruited by commission and support, campaigns exploding in events, price under
  competition, fit over fame, the cost of deep discounts, a weak product and a low rating.

A finding is a code, a message template marked for the catalogs (English; translated where it
is shown) and its values, and the key of the file it concerns: the core decides nothing
about language.
"""

from __future__ import annotations

import random
import re
import statistics
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import permutations

from trainer.core.engine import Engine, Game, State
from trainer.core.plan import Decision
from trainer.core.scenario import POSITIONS, Scenario
from trainer.i18n import N_

# ------------------------------------------------------------------ limits (docs/authoring.md)

KOL_FEE_SHARE = 0.8
"""The most of a week's budget the best-fitting KOL that budget affords may cost: paying more
than the fee buys deeper cooperation, and the returns of that extra money must be seen to
diminish (at the whole budget there is nothing left to diminish)."""

MULTIPLIER_TOLERANCE = 0.1
"""How far (a share) a multiplier a briefing quotes may be from the level's own."""

CAMPAIGN_EVENT_LIFT = 3.0
"""How many times an ordinary week's campaign GMV the same spend must sell in the first event week."""

FESTIVAL_MAX = 10.0
"""The most GMV an event week may bring, as a multiple of an ordinary week's (the mean of the
weeks without an event): for the balanced player (`balance`) and the best plan (`balance --lessons`)."""

SEEDS = (1, 2, 3)
"""The seeds the single-seed rules play (each must hold on all of them)."""


@dataclass(frozen=True, slots=True)
class Finding:
    """One rule a level breaks: a code, a message template (English, marked for the catalogs,
    with named fields) and its values, and the key of the level file it is about."""

    code: str
    template: str
    values: dict = field(default_factory=dict)
    key: tuple = ()

    def text(self, translate: Callable[[str], str] | None = None) -> str:
        """The message, in the catalog's language when `translate` is gettext."""
        return (translate or str)(self.template).format(**self.values)

    def __str__(self) -> str:
        return self.text()


# ------------------------------------------------------------------ static rules (validate)

WORDS = {"twice": 2, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "twenty": 20}
CHINESE_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
HAN = re.compile(r"[\u4e00-\u9fff]")
_CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
CJK_SPACE = re.compile(rf"[{_CJK}] +[A-Za-z0-9]|[A-Za-z0-9%] +[{_CJK}]")


def quoted_multipliers(text: str) -> list[float]:
    """Every multiplier an English text states: "ten times", "3 times", "twice"."""
    out = [float(WORDS[w.lower()]) for w in re.findall(r"\b(\w+) times\b", text) if w.lower() in WORDS]
    out += [float(n) for n in re.findall(r"\b(\d+(?:\.\d+)?) times\b", text)]
    out += [2.0] * len(re.findall(r"\btwice\b", text, flags=re.I))
    return out


def chinese_number(text: str) -> float:
    """十 10, 两 2, 二十 20, 十五 15, 2.5 2.5."""
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return float(CHINESE_DIGITS.get(tens, 1) * 10 + CHINESE_DIGITS.get(ones, 0))
    return float(CHINESE_DIGITS[text])


def quoted_multipliers_zh(text: str) -> list[float]:
    """Every multiplier a Chinese text states: "十倍", "两倍", "3倍"."""
    return [chinese_number(n) for n in re.findall(r"(\d+(?:\.\d+)?|[一二两三四五六七八九十]+)\s*倍", text)]


def figures(text: str) -> set[str]:
    """Every figure written in digits: 50,000 -> "50000", 4.5, 618."""
    return {n.replace(",", "") for n in re.findall(r"\d[\d,]*(?:\.\d+)?", text)}


def known_amounts(scenario: Scenario) -> set[int]:
    """The amounts of yuan a briefing may quote: the budgets, the fees and the order value."""
    return (set(scenario.budgets) | {k.fee for k in scenario.kols} | {p.fee for p in scenario.providers}
            | {scenario.brand.price})


def known_multipliers(scenario: Scenario) -> list[float]:
    """The multipliers a briefing may quote: each event's campaign reach against an ordinary
    week's, and one event's against another's."""
    reaches = [scenario.campaign_reach(e) for e in scenario.events]
    return reaches + [a / b for a, b in permutations(reaches, 2)]


def _kol_findings(scenario: Scenario) -> list[Finding]:
    out = []
    engine = Engine(scenario)
    most = max(scenario.budgets)
    for i, kol in enumerate(scenario.kols):
        if kol.fee > most:
            out.append(Finding("kol-unaffordable", N_(
                "{kol} costs {fee:,} yuan, more than any week's budget (at most {budget:,}): no plan can book "
                "them; lower the fee or raise a week's budget"), {"kol": kol.id, "fee": kol.fee, "budget": most},
                ("kols", i, "fee")))
    seen: set[str] = set()
    for week, budget in enumerate(scenario.budgets, start=1):
        affordable = [k for k in scenario.kols if k.fee <= budget]
        if not affordable:
            continue
        best = max(affordable, key=engine.fit_of)
        if best.fee > KOL_FEE_SHARE * budget and best.id not in seen:
            seen.add(best.id)
            i = scenario.kols.index(best)
            out.append(Finding("kol-fee-budget", N_(
                "{kol} is the best-fitting KOL week {week}'s budget of {budget:,} yuan affords, and costs {fee:,} "
                "yuan ({share:.0%} of it): more money on T cannot be seen to buy less and less; keep the fee at most "
                "{limit:.0%} of the budget of any week that affords them"),
                {"kol": best.id, "week": week, "budget": budget, "fee": best.fee, "share": best.fee / budget,
                 "limit": KOL_FEE_SHARE}, ("kols", i, "fee")))
    return out


def _briefing_findings(scenario: Scenario) -> list[Finding]:
    out = []
    amounts = known_amounts(scenario)
    reaches = known_multipliers(scenario)
    listed = ", ".join(f"{a:,}" for a in sorted(amounts))
    shown = ", ".join(f"{r:.2g}" for r in [scenario.campaign_reach(e) for e in scenario.events]) or "-"
    source = scenario.original
    texts = [(source.language, source.briefing, ("briefing",))]
    for lang in source.languages[1:]:
        table = getattr(source, lang)
        if table is not None and table.briefing is not None:
            texts.append((lang, table.briefing, (lang, "briefing")))
    for lang, text, key in texts:
        unit = r"元" if lang == "zh" else r"yuan"
        for amount in re.findall(rf"([\d,]*\d)\s*{unit}", text):
            if int(amount.replace(",", "")) not in amounts:
                out.append(Finding("briefing-amount", N_(
                    "the briefing quotes {amount} yuan, which is none of the level's budgets, fees or order value "
                    "({known}): quote the level's own figure"), {"amount": amount, "known": listed}, key))
        said = quoted_multipliers_zh(text) if lang == "zh" else quoted_multipliers(text)
        for times in said:
            if not any(abs(times - t) <= MULTIPLIER_TOLERANCE * t for t in reaches):
                out.append(Finding("briefing-multiplier", N_(
                    "the briefing says {times:g} times, but no event's campaign reach is within {tolerance:.0%} of "
                    "that (traffic / campaign_off_event: {reaches}): quote the level's own multiplier"),
                    {"times": times, "tolerance": MULTIPLIER_TOLERANCE, "reaches": shown}, key))
    if len(texts) > 1:
        (_lang, main, _key), others = texts[0], texts[1:]
        for lang, text, key in others:
            if figures(text) != figures(main):
                only_main = ", ".join(sorted(figures(main) - figures(text))) or "-"
                only_other = ", ".join(sorted(figures(text) - figures(main))) or "-"
                out.append(Finding("briefing-figures", N_(
                    "the [{lang}] briefing does not write the same figures as the main one (only in the main: "
                    "{main}; only in [{lang}]: {other}): write every figure in digits in both"),
                    {"lang": lang, "main": only_main, "other": only_other}, key))
            count = {l: len(quoted_multipliers_zh(t) if l == "zh" else quoted_multipliers(t))
                     for l, t in ((texts[0][0], main), (lang, text))}
            if count[lang] != count[texts[0][0]]:
                out.append(Finding("briefing-multiplier-count", N_(
                    "the [{lang}] briefing states {other} multiplier(s), the main one {main}: state the same ones "
                    "in both (\"ten times\" is \"十倍\")"),
                    {"lang": lang, "other": count[lang], "main": count[texts[0][0]]}, key))
    return out


def _chinese_texts(scenario: Scenario) -> list[tuple[tuple, str]]:
    """(key, text) of every text of the level in Chinese, keyed as in its file."""
    source = scenario.original
    if source.language == "zh":
        prefix: tuple = ()
        base = source
        out = [(("title",), base.title), (("briefing",), base.briefing), (("brand", "name"), base.brand.name)]
        out += [(("teaches", i), t) for i, t in enumerate(base.teaches)]
        for name, key in (("events", "name"), ("kols", "name"), ("providers", "name"), ("objectives", "label"),
                          ("lessons", "text"), ("steps", "text")):
            out += [((name, i, key), getattr(e, key)) for i, e in enumerate(getattr(base, name))
                    if getattr(e, key) is not None]
        return out
    table = source.zh
    if table is None:
        return []
    prefix = ("zh",)
    out = [((*prefix, "title"), table.title), ((*prefix, "briefing"), table.briefing)]
    if table.brand is not None:
        out.append(((*prefix, "brand", "name"), table.brand.name))
    out += [((*prefix, "teaches", i), t) for i, t in enumerate(table.teaches or [])]
    out += [((*prefix, "categories", w), t) for w, t in table.categories.items()]
    out += [((*prefix, "tones", w), t) for w, t in table.tones.items()]
    for name, key in (("events", "name"), ("kols", "name"), ("providers", "name"), ("objectives", "label"),
                      ("lessons", "text"), ("steps", "text")):
        out += [((*prefix, name, i, key), getattr(e, key)) for i, e in enumerate(getattr(table, name) or [])]
    return [(k, t) for k, t in out if t is not None]


def _chinese_findings(scenario: Scenario) -> list[Finding]:
    out = []
    for key, text in _chinese_texts(scenario):
        # an event named by its number (618) or a brand's Latin name may stay as it is: only a
        # sentence with no Chinese in it is English left untranslated
        if not HAN.search(text) and len(text.split()) > 2:
            out.append(Finding("zh-untranslated", N_(
                "{text!r} has no Chinese in it, but it is the level's Chinese text: translate it"),
                {"text": text[:60]}, key))
        found = CJK_SPACE.findall(text)
        if found:
            out.append(Finding("zh-space", N_(
                "a space between a Chinese character and a figure or Latin letter ({found!r}): the terminal "
                "wraps there, a word short of the width; write them together (每周50,000元)"),
                {"found": found[0]}, key))
        if key[-1] == "briefing":
            for before, after in re.findall(r"(.)\n(?![#\-|\n]|\d+\.)\s*(.)", text):
                if any(unicodedata.east_asian_width(c) in ("W", "F") for c in (before, after)):
                    out.append(Finding("zh-line-break", N_(
                        "a line break inside a paragraph, between {before!r} and {after!r}: Markdown shows it as a "
                        "space mid-sentence; write each paragraph on one line"),
                        {"before": before, "after": after}, key))
                    break
    return out


def static_findings(scenario: Scenario) -> list[Finding]:
    """What `validate` checks beyond the file's types and ranges: the rules a level must keep
    that can be read without playing it."""
    out = _kol_findings(scenario)
    low, high = scenario.creators.commission
    if low == high:
        out.append(Finding("commission-flat", N_(
            "the creators' commission range is {low:g} to {high:g}: a single rate, so a higher commission cannot "
            "recruit more creators; give a range, e.g. [{low:g}, {wider:g}]"),
            {"low": low, "high": high, "wider": min(100.0, low + 10)}, ("creators", "commission")))
    out += _briefing_findings(scenario)
    out += _chinese_findings(scenario)
    return out


# ------------------------------------------------------------------ model rules (balance)

def _balanced():
    from trainer.core.bots import balanced

    return balanced


def game_at(scenario: Scenario, turn: int, seed: int | None = None) -> Game:
    """A game of `scenario` played by the balanced bot up to the start of `turn`."""
    balanced = _balanced()
    game = Engine(scenario).new_game(seed)
    while game.turn < turn:
        game.step(balanced(game))
    return game


def event_turn(scenario: Scenario) -> int | None:
    """The first week with an event."""
    return next((t for t in range(1, scenario.turns + 1) if scenario.event_at(t) is not None), None)


def quiet_turn(scenario: Scenario) -> int:
    """The first turn after turn 2 without an event."""
    return next((t for t in range(3, scenario.turns + 1) if scenario.event_at(t) is None), 1)


def fingerprint(game: Game) -> list[tuple]:
    """Every figure of every week of a game, to compare two games bit for bit."""
    return [(r.gmv, r.impressions, r.orders, r.refunds, r.profit, r.commissions,
             tuple(c for ch in r.channel_data for c in ch),
             tuple(v for k, v in r.driver_data.items() if k != "strength_gains"),
             tuple(getattr(r.after, f) for f in State.__slots__)) for r in game.reports]


def _f(code: str, template: str, key: tuple = (), **values) -> Finding:
    return Finding(code, template, values, key)


def deterministic(scenario: Scenario) -> list[Finding]:
    """Same inputs, same numbers, bit for bit, whatever the global random state."""
    from trainer.core.bots import BOTS, play

    for name in ("balanced", "roi_greedy", "even_split"):
        first = fingerprint(play(Engine(scenario), BOTS[name], seed=11))
        state = random.getstate()
        random.seed(999)
        random.random()
        second = fingerprint(play(Engine(scenario), BOTS[name], seed=11))
        random.setstate(state)
        if first != second:
            return [_f("not-deterministic", N_("{player} played twice on one seed gave different figures: the model "
                                               "must be deterministic (report this as a bug)"), player=name)]
    return []


def seed_changes_luck(scenario: Scenario) -> list[Finding]:
    """Another seed changes the luck (within the market's noise), not the rules."""
    from trainer.core.bots import play

    a = play(Engine(scenario), _balanced(), seed=1)
    b = play(Engine(scenario), _balanced(), seed=2)
    noise = scenario.market.noise
    if noise > 0 and [r.gmv for r in a.reports] == [r.gmv for r in b.reports]:
        return [_f("seed-no-luck", N_("two seeds play exactly alike although market.noise is {noise:g}: report this "
                                      "as a bug"), ("market", "noise"), noise=noise)]
    ra, rb = a.reports[0], b.reports[0]
    if abs(ra.gmv / rb.gmv - 1) > 2 * noise / (1 - noise) + 1e-9:
        return [_f("seed-beyond-noise", N_("the first week's GMV differs by {diff:.1%} between seeds 1 and 2, more "
                                           "than market.noise = {noise:g} allows: report this as a bug"),
                   ("market", "noise"), diff=abs(ra.gmv / rb.gmv - 1), noise=noise)]
    return []


def preview_is_pure(scenario: Scenario) -> list[Finding]:
    """Previewing a plan changes nothing, and plays as the plan then does."""
    game = game_at(scenario, min(2, scenario.turns))
    before, state = fingerprint(game), game.state.copy()
    decision = _balanced()(game)
    preview = game.preview(decision)
    if fingerprint(game) != before or game.state != state or game.step(decision).gmv != preview.gmv:
        return [_f("preview-changes", N_("previewing a plan changed the game: report this as a bug"))]
    return []


def _gmv_steps(game: Game, make, budget: int, start: int, steps: int = 8) -> list[float]:
    amounts = [start + (budget - start) * i // steps for i in range(steps + 1)]
    return [game.preview(make(a)).gmv for a in amounts]


POSITION_KEYS = {"field": ("market", "field"), "alliance": ("market", "alliance"),
                 "campaign": ("market", "campaign"), "top_kol": ("kols",)}


def diminishing_returns(scenario: Scenario, position: str) -> list[Finding]:
    """More money on a position sells more, each further slice less than the one before: in
    week 2, the first ordinary week after it, and the first event week. For T the steps start
    at the fee of the best-fitting KOL the budget affords."""
    turns = {min(2, scenario.turns), quiet_turn(scenario)}
    if event_turn(scenario):
        turns.add(event_turn(scenario))
    for turn in sorted(turns):
        game = game_at(scenario, turn)
        budget = scenario.budget_of(turn)
        start = budget // 5
        if position == "top_kol":
            kols = [k for k in scenario.kols if k.fee <= budget]
            if not kols:
                continue
            kol = max(kols, key=game.engine.fit_of)
            start = max(start, kol.fee)

            def make(a, kol=kol):
                return Decision(top_kol=a, kol=kol.id)
        else:
            def make(a):
                return Decision(**{position: a})
        gmvs = _gmv_steps(game, make, budget, start)
        gains = [b - a for a, b in zip(gmvs, gmvs[1:])]
        if not all(g > 0 for g in gains) or not all(b < a for a, b in zip(gains, gains[1:])):
            what = ", ".join(f"{g:,.0f}" for g in gains)
            key = ("kols", scenario.kols.index(kol), "fee") if position == "top_kol" else POSITION_KEYS[position]
            return [_f("returns-not-diminishing", N_(
                "in week {week}, each further slice of {position} money from {start:,} to {budget:,} yuan must sell "
                "something, and less than the slice before; the slices sold {gains}: give the position room to "
                "saturate (its saturation, a KOL's fee well under the budget)"), key,
                week=turn, position=position, start=start, budget=budget, gains=what)]
    return []


def snowball(scenario: Scenario) -> list[Finding]:
    """A week of higher GPM brings more recommended traffic (and its GMV) the week after."""
    if scenario.turns < 2:
        return []
    game = game_at(scenario, 2)
    engine, state = game.engine, game.state
    decision = _balanced()(game)
    low = engine.resolve(state, decision, (0.9,) * 6)
    high = engine.resolve(state, decision, (1.1,) * 6)
    after_low = engine.resolve(low.after, decision, (1.0,) * 6)
    after_high = engine.resolve(high.after, decision, (1.0,) * 6)
    if not (high.gpm > low.gpm and high.after.pool > low.after.pool
            and after_high.recommended.impressions > after_low.recommended.impressions
            and after_high.recommended.gmv > after_low.recommended.gmv):
        return [_f("no-snowball", N_(
            "a week of higher GPM does not bring more recommended traffic the week after: raise "
            "market.recommendation_sensitivity, or market.pool_max when the pool is at its limit (pool {pool:.2f} of "
            "{most:g})"), ("market", "recommendation_sensitivity"), pool=high.after.pool, most=scenario.market.pool_max)]
    return []


def content_pays(scenario: Scenario) -> list[Finding]:
    """Content strength lowers the cost of reach on F and raises the GPM of later weeks."""
    if scenario.turns < 4:
        return []
    budget = scenario.budget_of(1)
    spend = budget // 2
    plain, invested = Engine(scenario).new_game(), Engine(scenario).new_game()
    plain.step(Decision(field=spend))
    invested.step(Decision(field=spend, content=budget - spend))
    for _ in range(3):
        a, b = plain.step(Decision(field=spend)), invested.step(Decision(field=spend))
        if not (b.channels["field"].impressions > a.channels["field"].impressions and b.gpm > a.gpm):
            return [_f("content-does-not-pay", N_(
                "investing in content in week 1 does not make F's reach cheaper and GPM higher in week {week}: "
                "check market.field's weights and the brand's starting content strength"),
                ("brand", "strengths"), week=a.turn)]
    return []


def fans_from_field(scenario: Scenario) -> list[Finding]:
    """Self-broadcast builds fans, and those fans keep buying."""
    if scenario.turns < 4:
        return []
    budget = scenario.budget_of(1)
    with_f, without = Engine(scenario).new_game(), Engine(scenario).new_game()
    for _ in range(3):
        with_f.step(Decision(field=budget // 2))
        without.step(Decision(alliance=budget // 2))
    same = Decision(alliance=budget // 2)
    if not (with_f.state.fans > without.state.fans and with_f.step(same).fans.gmv > without.step(same).fans.gmv):
        return [_f("no-fans-from-field", N_(
            "three weeks of F build no more fans (or fans who buy) than three weeks of A: raise market.follow_rate "
            "or market.fan_conversion"), ("market", "follow_rate"))]
    return []


def field_stops_gradually(scenario: Scenario) -> list[Finding]:
    """Stopping F lowers the base (F's and the fans' GMV) gradually, week by week, not at once."""
    turns = min(scenario.turns, 8)
    if turns < 5:
        return []
    budget = scenario.budget_of(1)
    game = Engine(scenario).new_game()
    for _ in range(3):
        last = game.step(Decision(field=budget // 2))
    base = last.fans.gmv + last.channels["field"].gmv
    following = []
    for _ in range(turns - 3):
        r = game.step(Decision())
        following.append(r.fans.gmv + r.channels["field"].gmv)
    if not (following[0] > 0.4 * base and all(b < a for a, b in zip(following, following[1:]))
            and 0 < following[-1] < base):
        return [_f("field-stops-abruptly", N_(
            "after three weeks of F, stopping it should lower F's and the fans' GMV gradually; it went from {base:,.0f} "
            "to {weeks}: check market.field.carryover and market.fan_churn_idle"),
            ("market", "fan_churn_idle"), base=base, weeks=", ".join(f"{x:,.0f}" for x in following))]
    return []


def creators_grow(scenario: Scenario) -> list[Finding]:
    """A higher commission and more support each recruit more creators."""
    if scenario.turns < 2:
        return []
    low, high = scenario.creators.commission
    game = game_at(scenario, 2)
    spend = scenario.budget_of(2) // 4
    base = game.preview(Decision(alliance=spend, commission=low)).after.creators
    more_commission = game.preview(Decision(alliance=spend, commission=high)).after.creators
    more_support = game.preview(Decision(alliance=2 * spend, commission=low)).after.creators
    if not (more_commission > base and more_support > base):
        return [_f("creators-do-not-grow", N_(
            "a higher commission or more support does not recruit more creators in week 2: widen "
            "creators.commission and check creators.growth and creators.capacity"), ("creators",))]
    return []


def commission_on_sales(scenario: Scenario) -> list[Finding]:
    """Creators are paid their commission on what they sell, with or without support."""
    if scenario.turns < 2:
        return []
    game = game_at(scenario, 2)
    rate = scenario.creators.default_commission
    a = game.preview(Decision(alliance=scenario.budget_of(2) // 4)).channels["alliance"]
    zero = game.preview(Decision()).channels["alliance"]
    if not (abs(a.commission - a.gmv * rate / 100) <= 1e-6 * max(1.0, a.gmv) and a.roi_all_in < a.roi
            and zero.spend == 0 and zero.gmv > 0 and zero.commission > 0):
        return [_f("no-commission-sales", N_(
            "creators sell nothing on commission alone in week 2: give creators.count and creators.reach above 0"),
            ("creators",))]
    return []


def _without_events(scenario: Scenario) -> Scenario:
    return scenario.model_copy(update={"events": []})


def campaign_explodes(scenario: Scenario) -> list[Finding]:
    """In the first event week the campaign sells more than three times what the same spend
    sells in an ordinary week."""
    turn = event_turn(scenario)
    if turn is None:
        return []
    game = game_at(scenario, turn)
    decision = Decision(campaign=scenario.budget_of(turn) // 2)
    in_event = game.preview(decision).channels["campaign"].gmv
    quiet = Engine(_without_events(scenario)).resolve(game.state, decision, game.engine.luck(game.seed)[turn - 1])
    lift = in_event / quiet.channels["campaign"].gmv if quiet.channels["campaign"].gmv else float("inf")
    if not lift > CAMPAIGN_EVENT_LIFT:
        i = next(i for i, e in enumerate(scenario.events) if turn in e.turns)
        return [_f("campaign-does-not-explode", N_(
            "in week {week} ({event}) the campaign sells {lift:.1f} times an ordinary week's, not more than {need:g}: "
            "raise the event's traffic (reach grows by traffic / campaign_off_event) or the brand's price strength"),
            ("events", i, "traffic"), week=turn, event=scenario.event_at(turn).name, lift=lift, need=CAMPAIGN_EVENT_LIFT)]
    return []


def price_in_campaigns(scenario: Scenario) -> list[Finding]:
    """Under competition, price strength weighs most in the campaign of an event week."""
    turn = event_turn(scenario)
    if turn is None or scenario.event_at(turn).competition == 0:
        return []
    game = game_at(scenario, turn)
    budget = scenario.budget_of(turn)
    luck = game.engine.luck(game.seed)[turn - 1]
    decision = Decision(field=budget // 4, alliance=budget // 4, campaign=budget // 4)
    cheaper = game.state.copy()
    cheaper.price = min(100.0, cheaper.price + 20)

    def lift(engine, position):
        a = engine.resolve(game.state, decision, luck).channels[position].gmv
        b = engine.resolve(cheaper, decision, luck).channels[position].gmv
        return b / a - 1

    in_event = lift(game.engine, "campaign")
    if not (in_event > lift(game.engine, "field") and in_event > lift(game.engine, "alliance")
            and in_event > lift(Engine(_without_events(scenario)), "campaign")):
        i = next(i for i, e in enumerate(scenario.events) if turn in e.turns)
        return [_f("price-does-not-decide", N_(
            "in week {week}'s event, price strength does not lift the campaign more than F, A or an ordinary week's "
            "campaign: raise the event's competition or market.campaign's price weight"),
            ("events", i, "competition"), week=turn)]
    return []


def fit_matters(scenario: Scenario) -> list[Finding]:
    """A KOL of good fit sells more and builds more awareness than one of poor fit, for the same fee."""
    if not scenario.kols:
        return []
    kol = min(scenario.kols, key=lambda k: k.fee)
    week = next((t for t in range(1, scenario.turns + 1) if scenario.budget_of(t) >= kol.fee), None)
    if week is None:
        return []  # static_findings says so: kol-unaffordable
    good = kol.model_copy(update={"id": "good", "fit": 0.9})
    poor = kol.model_copy(update={"id": "poor", "fit": 0.3})
    variant = scenario.model_copy(update={"kols": [good, poor]})
    game = game_at(variant, week)
    a = game.preview(Decision(top_kol=kol.fee, kol="good"))
    b = game.preview(Decision(top_kol=kol.fee, kol="poor"))
    if not (a.channels["top_kol"].gmv > b.channels["top_kol"].gmv
            and a.after.awareness - a.before.awareness > b.after.awareness - b.before.awareness):
        return [_f("fit-does-not-matter", N_(
            "booking {kol} at fit 0.9 does not sell more or build more awareness than at fit 0.3: check "
            "market.top_kol.conversion and the KOL's audience"), ("kols", scenario.kols.index(kol)), kol=kol.id)]
    return []


def booking_picks_best_fit(scenario: Scenario) -> list[Finding]:
    """Money on T without a KOL named books the best-fitting KOL it affords."""
    engine = Engine(scenario)
    for amount in sorted({k.fee for k in scenario.kols}):
        kol, fit = engine.book_kol(Decision(top_kol=amount))
        affordable = [k for k in scenario.kols if k.fee <= amount]
        if kol is None or fit != max(engine.fit_of(k) for k in affordable):
            return [_f("booking-not-best-fit", N_("{amount:,} yuan on T books {kol}, not the best-fitting KOL it "
                                                  "affords: report this as a bug"), ("kols",),
                       amount=amount, kol=kol.id if kol else "nobody")]
    return []


def discounts_cost(scenario: Scenario) -> list[Finding]:
    """A discount up to the line lifts GMV a little; past it, orders come but GMV falls, refunds
    climb steeply and the rating drops."""
    if scenario.turns < 2:
        return []
    game = game_at(scenario, 2)
    spend = Decision(field=scenario.budget_of(2) // 2)
    fair = game.preview(spend)
    threshold = scenario.market.discount_threshold
    deep = game.preview(spend.replace(discount=min(90.0, threshold + 25)))
    at_line = game.preview(spend.replace(discount=threshold))
    within = game.preview(spend.replace(discount=threshold / 2))
    ok = (deep.orders > fair.orders and at_line.gmv > fair.gmv and deep.gmv < at_line.gmv
          and deep.drivers.refund_rate > fair.drivers.refund_rate and deep.after.rating < fair.after.rating
          and fair.drivers.refund_rate < within.drivers.refund_rate < deep.drivers.refund_rate)
    if ok:
        per_within = (within.drivers.refund_rate - fair.drivers.refund_rate) / (threshold / 2)
        per_past = (deep.drivers.refund_rate - within.drivers.refund_rate) / (deep.decision.discount - threshold / 2)
        ok = per_past > 3 * per_within
    if not ok:
        return [_f("discounts-do-not-cost", N_(
            "in week 2, a discount up to market.discount_threshold ({threshold:g}%) must lift GMV a little, and one "
            "past it bring orders but less GMV, steeply more refunds and a lower rating; it did not: keep "
            "discount_elasticity above 1, discount_threshold at most 65, and discount_refunds above 0"),
            ("market", "discount_threshold"), threshold=threshold)]
    return []


def weak_product_refunds(scenario: Scenario) -> list[Finding]:
    """A product below the quality line brings refunds and a lower rating."""
    if scenario.turns < 2:
        return []
    game = game_at(scenario, 2)
    weak = game.state.copy()
    weak.product = scenario.market.quality_product / 2
    decision = Decision(field=scenario.budget_of(2) // 2)
    luck = game.engine.luck(game.seed)[1]
    healthy = game.engine.resolve(game.state, decision, luck)
    poor = game.engine.resolve(weak, decision, luck)
    if not (poor.drivers.refund_rate > healthy.drivers.refund_rate and poor.after.rating < healthy.after.rating):
        return [_f("weak-product-no-refunds", N_(
            "a product at half of market.quality_product ({line:g}) brings no more refunds or a lower rating than "
            "the brand's own in week 2: raise quality_product above 0, or the brand's product strength above it"),
            ("market", "quality_product"), line=scenario.market.quality_product)]
    return []


def low_rating_throttles(scenario: Scenario) -> list[Finding]:
    """Two weeks of deep discounts sink the rating below the threshold while honest play keeps
    it above; the week after, the platform throttles the discounter's traffic."""
    if scenario.turns < 3:
        return []
    budget = scenario.budget_of(1)
    honest, greedy = Engine(scenario).new_game(), Engine(scenario).new_game()
    deep = min(90.0, scenario.market.discount_threshold + 40)
    for _ in range(2):
        honest.step(Decision(field=budget // 2, campaign=budget // 4))
        greedy.step(Decision(field=budget // 2, campaign=budget // 4, discount=deep))
    line = scenario.market.rating_threshold
    if not honest.state.rating >= line:
        return [_f("honest-rating-sinks", N_(
            "honest play (no discount) takes the rating to {rating:.2f} in two weeks, below the threshold {line:g}: "
            "the product is too far below market.quality_product (at most about a fifth below it), or the "
            "starting rating too low"), ("market", "quality_product"), rating=honest.state.rating, line=line)]
    if not greedy.state.rating < line:
        return [_f("discount-rating-holds", N_(
            "after two weeks of discounts at {deep:g}%, the rating is still {rating:.2f}, above the threshold "
            "{line:g}: the platform never throttles a fire sale; raise market.discount_refunds or market.rating_speed"),
            ("market", "rating_threshold"), deep=deep, rating=greedy.state.rating, line=line)]
    same = Decision(field=budget // 2, campaign=budget // 4)
    a, b = honest.step(same), greedy.step(same)
    if not (b.drivers.throttle < 1.0 == a.drivers.throttle and b.recommended.impressions < a.recommended.impressions):
        return [_f("no-throttle", N_(
            "a rating below the threshold does not throttle the store's recommended traffic the week after: "
            "report this as a bug"), ("market", "rating_threshold"))]
    return []


def no_position_dominates(scenario: Scenario, seeds: tuple[int, ...] = SEEDS) -> list[Finding]:
    """The balanced heuristic beats every all-in player on each of `seeds`."""
    from trainer.core.bots import BOTS, play
    from trainer.core.scoring import score

    engine = Engine(scenario)
    out = []
    for position in POSITIONS:
        for seed in seeds:
            mixed = score(scenario, play(engine, _balanced(), seed).reports).score
            alone = score(scenario, play(engine, BOTS[f"all_in_{position}"], seed).reports).score
            if alone >= mixed:
                out.append(_f("position-dominates-seed", N_(
                    "on seed {seed}, going all-in on {position} scores {alone:,}, not below the balanced "
                    "heuristic's {mixed:,}: a single position dominates (see docs/authoring.md, the flags)"),
                    POSITION_KEYS[position], seed=seed, position=position, alone=alone, mixed=mixed))
                break
    return out


def coach_avoids_off_fit_star(scenario: Scenario) -> list[Finding]:
    """The coach's marginal return for T never points at the largest-audience KOL that is not
    the best fit (fit beats fame), whatever the week."""
    from trainer.core.coach import marginal_returns

    engine = Engine(scenario)
    fits = {k.id: engine.fit_of(k) for k in scenario.kols}
    off_fit = [k for k in scenario.kols if fits[k.id] < max(fits.values(), default=0)]
    if not off_fit:
        return []
    star = max(off_fit, key=lambda k: k.audience)
    game = engine.new_game()
    balanced = _balanced()
    weeks = []
    while not game.finished:
        decision = balanced(game)
        returns = marginal_returns(game, decision.replace(top_kol=0, kol=None))
        if "top_kol" in returns and returns["top_kol"].kol == star.id:
            weeks.append(game.turn)
        game.step(decision)
    if weeks:
        return [_f("coach-off-fit-star", N_(
            "in week {week} the coach's best return on T is {kol}, who does not fit the brand best: a famous "
            "off-fit star must not pay more than a fitting KOL; lower their audience or raise their fee"),
            ("kols", scenario.kols.index(star), "audience"), week=weeks[0], kol=star.id)]
    return []


def festival_weeks(scenario: Scenario, reports) -> float | None:
    """The most GMV an event week of a game brought, as a multiple of an ordinary week's (the
    mean of the weeks without an event); None without an event or an ordinary week."""
    events = [r.gmv for r in reports if scenario.event_at(r.turn) is not None]
    quiet = [r.gmv for r in reports if scenario.event_at(r.turn) is None]
    if not events or not quiet or statistics.fmean(quiet) <= 0:
        return None
    return max(events) / statistics.fmean(quiet)


MODEL_RULES: tuple[tuple[str, Callable[[Scenario], list[Finding]]], ...] = (
    ("deterministic", deterministic),
    ("seed_changes_luck", seed_changes_luck),
    ("preview_is_pure", preview_is_pure),
    *((f"diminishing_returns/{p}", lambda s, p=p: diminishing_returns(s, p)) for p in POSITIONS),
    ("snowball", snowball),
    ("content_pays", content_pays),
    ("fans_from_field", fans_from_field),
    ("field_stops_gradually", field_stops_gradually),
    ("creators_grow", creators_grow),
    ("commission_on_sales", commission_on_sales),
    ("campaign_explodes", campaign_explodes),
    ("price_in_campaigns", price_in_campaigns),
    ("fit_matters", fit_matters),
    ("booking_picks_best_fit", booking_picks_best_fit),
    ("discounts_cost", discounts_cost),
    ("weak_product_refunds", weak_product_refunds),
    ("low_rating_throttles", low_rating_throttles),
    ("no_position_dominates", no_position_dominates),
    ("coach_avoids_off_fit_star", coach_avoids_off_fit_star),
)
"""Every model rule `balance` plays, by name (tests/core/test_lessons.py runs each by name)."""


def model_findings(scenario: Scenario) -> list[Finding]:
    """Every model rule played on the level: what `balance` adds to its flags."""
    out: list[Finding] = []
    for _name, rule in MODEL_RULES:
        try:
            out += rule(scenario)
        except Exception as exc:  # a plan the level cannot play (e.g. over a week's budget) is a finding too
            out.append(Finding("rule-cannot-play", N_("the check {rule} could not play the level: {problem}"),
                               {"rule": _name, "problem": str(exc).splitlines()[0] if str(exc) else type(exc).__name__}))
    return out


def as_problems(findings: list[Finding], path: str, lines: dict[tuple, int],
                translate: Callable[[str], str] | None = None) -> list:
    """Findings as the file's problems (`PATH:LINE: key: message`), each at its key's line."""
    from trainer.core.loading import Problem, _dotted, locate

    return [Problem(path, locate(lines, f.key) if f.key else 0, _dotted(f.key) if f.key else "", f.text(translate))
            for f in findings]
