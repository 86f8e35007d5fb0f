"""The scenario format: what a level file says, validated by pydantic.

A scenario is a TOML file. Every table here forbids unknown keys, so a misspelt key is
an error rather than a silently ignored setting. Money is integer yuan; rates that a
merchant speaks of in percent (margin, commission, discount, refunds) are percent.
Every field has a docstring: `fact-trainer schema` and the authoring reference are
generated from them.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal, Optional

from pydantic import (
    BaseModel,
    PrivateAttr,
    create_model,
    BeforeValidator,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from trainer.core import languages
from trainer.core.languages import Language
from trainer.core.problems import Invalid, Said
from trainer.core.text import check_text_value, control_problem

POSITIONS: tuple[str, ...] = ("field", "alliance", "campaign", "top_kol")
"""The four business positions, F A C T, in the order the game shows them."""

STRENGTHS: tuple[str, ...] = ("content", "brand", "product", "price")
"""The brand's four strengths."""

MAX_MONEY = 10**12
"""The largest amount of yuan any field accepts: beyond it the model means nothing."""

AT_MARK = re.compile(r"^\[at ([^\]]*)\] ?(.*)$")


class At(str):
    """A validator's problem at a key: `loc` (relative to the validated table) and `said`; as a
    str, the English with its `[at key.path]` mark (what a plain ValueError carries)."""

    loc: tuple
    said: Said | str


def at(loc: tuple, said: Said | str) -> At:
    """A validator's problem naming the key it is about, relative to the validated table.

    A check that spans several keys cannot tell pydantic where it failed; the file loader
    reads the place (raised in an Invalid, or marked in a ValueError's text) to point the
    author at the right line.
    """
    out = At(f"[at {'.'.join(str(part) for part in loc)}] {said}")
    out.loc, out.said = loc, said
    return out


Money = Annotated[int, Field(ge=0, le=MAX_MONEY)]
PositiveMoney = Annotated[int, Field(ge=1, le=MAX_MONEY)]
Percent = Annotated[float, Field(ge=0, le=100, allow_inf_nan=False)]
Score = Annotated[float, Field(ge=0, le=100, allow_inf_nan=False)]


class Model(BaseModel):
    """Base of every scenario table: unknown keys are errors, values are checked on assignment."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, use_attribute_docstrings=True)

    @field_validator("*", mode="after")
    @classmethod
    def _text_is_data(cls, value, info):
        """Text is data: a control character in any text field is refused (see trainer.core.text)."""
        return check_text_value(value, info.field_name)


class Weights(Model):
    """How much each strength counts in a position's conversion (any non-negative numbers; they are normalised)."""

    content: float = Field(1.0, ge=0, le=100, allow_inf_nan=False)
    """Weight of content strength."""
    brand: float = Field(1.0, ge=0, le=100, allow_inf_nan=False)
    """Weight of brand strength."""
    product: float = Field(1.0, ge=0, le=100, allow_inf_nan=False)
    """Weight of product strength."""
    price: float = Field(1.0, ge=0, le=100, allow_inf_nan=False)
    """Weight of price strength."""

    @model_validator(mode="after")
    def _not_all_zero(self) -> Weights:
        if self.content + self.brand + self.product + self.price <= 0:
            raise Invalid(Said("weights.all_zero"))
        return self

    def normalised(self) -> tuple[float, float, float, float]:
        """The four weights scaled to sum to 1, in STRENGTHS order."""
        total = self.content + self.brand + self.product + self.price
        return (self.content / total, self.brand / total, self.product / total, self.price / total)


class PositionParams(Model):
    """How paid spend on one position turns into impressions and orders."""

    cpm: float = Field(50.0, ge=5, le=5_000, allow_inf_nan=False)
    """Cost of reach: yuan per 1,000 impressions at a small spend, for average content strength (50). Better content makes it cheaper."""
    saturation: PositiveMoney = Field(50_000, ge=1_000, le=1_000_000_000)
    """Half-saturation spend in yuan per turn: spending this much reaches half of the most this position can reach in a turn. Past it each yuan buys less."""
    shape: float = Field(1.0, ge=0.5, le=3.0, allow_inf_nan=False)
    """Shape of the saturation curve: 1 bends from the first yuan; above 1 it starts slowly (an S-curve)."""
    carryover: float = Field(0.3, ge=0, lt=1, allow_inf_nan=False)
    """Share of last turn's effective spend that still works this turn (adstock). 0.6 means a spend keeps working for several turns."""
    conversion: float = Field(1.0, ge=0.05, le=5, allow_inf_nan=False)
    """Orders per impression on this position relative to the market's base conversion."""
    weights: Weights = Field(default_factory=Weights)
    """How much each strength weighs in this position's conversion."""


# Defaults that make each position behave as the FACT primer describes it; an author's
# table overrides only the keys it names (see Market._merge_defaults).
POSITION_DEFAULTS: dict[str, dict] = {
    "field": {
        "cpm": 70.0, "saturation": 50_000, "shape": 1.0, "carryover": 0.6, "conversion": 1.1,
        "weights": {"content": 3.5, "brand": 1.5, "product": 3.0, "price": 2.0},
    },
    "alliance": {
        "cpm": 60.0, "saturation": 40_000, "shape": 1.0, "carryover": 0.3, "conversion": 1.0,
        "weights": {"content": 1.5, "brand": 1.5, "product": 3.5, "price": 3.5},
    },
    "campaign": {
        "cpm": 50.0, "saturation": 80_000, "shape": 1.0, "carryover": 0.05, "conversion": 1.0,
        "weights": {"content": 1.0, "brand": 1.5, "product": 2.5, "price": 5.0},
    },
}

KOL_DEFAULTS: dict = {
    "carryover": 0.2, "conversion": 0.8,
    "weights": {"content": 1.0, "brand": 4.0, "product": 3.0, "price": 2.0},
}


class KolParams(Model):
    """How top-KOL cooperation converts. Reach comes from each KOL's audience and fee."""

    carryover: float = Field(0.2, ge=0, lt=1, allow_inf_nan=False)
    """Share of last turn's KOL impressions that come again this turn (replays, clips, word of mouth)."""
    conversion: float = Field(0.8, ge=0.05, le=5, allow_inf_nan=False)
    """Orders per impression relative to the market's base conversion (a KOL's audience are the KOL's fans, not yet the brand's); fit scales it from 0.1x (no fit) to 1.2x (perfect), so a famous star of another world brings reach without buyers."""
    weights: Weights = Field(default_factory=Weights)
    """How much each strength weighs in KOL conversion."""


class Market(Model):
    """The platform and the category: how traffic, conversion and refunds behave.

    Every parameter has a range that keeps the model finite and the level sensible."""

    base_conversion: float = Field(0.004, ge=0.0002, le=0.05, allow_inf_nan=False)
    """Orders per impression for a brand of average strengths (50) at full price."""
    gpm_benchmark: float = Field(350.0, ge=1, le=100_000, allow_inf_nan=False)
    """The category's GPM (yuan of GMV net of refunds per 1,000 impressions) that the recommender compares a store with."""
    recommendation_sensitivity: float = Field(1.0, ge=0, le=3, allow_inf_nan=False)
    """How strongly the recommender reacts to GPM: 0 ignores it, 1 moves the traffic pool in proportion, 2 doubly."""
    recommendation_speed: float = Field(0.35, gt=0, le=1, allow_inf_nan=False)
    """How much of the GPM signal moves the traffic pool in one turn."""
    pool_base: Money = Field(150_000, le=100_000_000)
    """Recommended impressions a turn at traffic-pool level 1, before any paid traffic."""
    pool_amplification: float = Field(0.5, ge=0, le=5, allow_inf_nan=False)
    """Recommended impressions asked for per converting paid impression (F, A and T sales counted at the benchmark GPM) at pool level 1: the recommender amplifies what sells, not what is merely seen."""
    pool_max: float = Field(3.0, ge=1, le=10, allow_inf_nan=False)
    """The highest traffic-pool level a store can reach."""
    audience: PositiveMoney = Field(4_000_000, ge=10_000, le=10_000_000_000)
    """The category's weekly audience the recommender can show the store to: recommended impressions approach it but never pass it."""
    tag_speed: float = Field(0.35, ge=0, le=1, allow_inf_nan=False)
    """How fast the account's tags follow who watched: mismatched viewers (an off-fit KOL, creators outside the category) blur them and weaken recommendation."""
    fan_visits: float = Field(5.0, ge=0, le=20, allow_inf_nan=False)
    """Impressions a fan gives the store per turn while self-broadcast runs at full activity."""
    fan_conversion: float = Field(4.0, ge=0, le=20, allow_inf_nan=False)
    """Orders per fan impression relative to the base conversion: fans buy again, readily."""
    fan_churn: float = Field(6.0, ge=0, le=100, allow_inf_nan=False)
    """Percent of fans lost each turn while the live room runs."""
    fan_churn_idle: float = Field(14.0, ge=0, le=100, allow_inf_nan=False)
    """Further percent of fans lost each turn without a live room: fans decay without F."""
    follow_rate: float = Field(0.01, ge=0, le=0.1, allow_inf_nan=False)
    """Fans gained per self-broadcast impression (other sources bring a tenth as many)."""
    refund_base: Percent = 5.0
    """Percent of GMV refunded in a healthy store of this category (food low, apparel high)."""
    quality_product: Score = 45.0
    """Product strength below which refunds climb: weak goods come back."""
    discount_threshold: float = Field(30.0, ge=1, le=90, allow_inf_nan=False)
    """Discount depth (percent) past which refunds climb steeply, the price check fails and deals draw few new buyers."""
    discount_refunds: float = Field(0.15, ge=0, le=1, allow_inf_nan=False)
    """Refund rate added per unit of discount below the threshold: a 20% discount adds 0.15 x 20% = 3% refunds."""
    discount_elasticity: float = Field(1.3, ge=0, le=3, allow_inf_nan=False)
    """How orders answer a discount up to the line: orders grow as (1 / (1 - discount)) to this power; past the line each point pulls like 0.3 of one."""
    discount_brand_cost: float = Field(0.06, ge=0, le=1, allow_inf_nan=False)
    """Points of brand strength lost per percent of discount each turn: buyers learn to wait for the deal."""
    discount_lift: float = Field(1.0, ge=0, le=5, allow_inf_nan=False)
    """Points of price competitiveness each percent of discount (up to the threshold) adds in an event turn, where shoppers compare prices."""
    price_check: float = Field(1.0, ge=0, le=5, allow_inf_nan=False)
    """The platform's check of fake discounts: a discount past the threshold adds this x the excess depth to the traffic penalty (0 turns the check off)."""
    rating_threshold: float = Field(4.5, ge=1, le=5, allow_inf_nan=False)
    """Store rating below which the platform penalises the store's traffic."""
    rating_speed: float = Field(0.25, gt=0, le=1, allow_inf_nan=False)
    """How much of the gap to the rating this turn's service earns the store rating closes each turn: it is a slow rolling measure."""
    penalty_recovery: float = Field(0.1, gt=0, le=1, allow_inf_nan=False)
    """How much of the traffic penalty fades each turn once the rating is back above the threshold: a throttle, once earned, lasts."""
    strength_cost: PositiveMoney = Field(40_000, ge=1_000)
    """Yuan invested in a strength in one turn that closes a fifth of its gap to 100 (half of the most one turn can do)."""
    strength_decay: float = Field(1.5, ge=0, le=20, allow_inf_nan=False)
    """Percent of each strength lost per turn without investment."""
    awareness_scale: PositiveMoney = Field(2_000_000, ge=10_000)
    """Impressions (weighted by kind) that lift brand awareness by about a tenth of its gap to 100."""
    noise: float = Field(0.05, ge=0, le=0.3, allow_inf_nan=False)
    """Market luck: conversion varies by up to this fraction each turn, drawn from the game's seed."""
    field: PositionParams
    """F, self-broadcast: the brand's own live room."""
    alliance: PositionParams
    """A, creator alliance: spend here is samples and traffic support for creators."""
    campaign: PositionParams
    """C, platform campaigns: huge in event turns, small otherwise."""
    top_kol: KolParams
    """T, top KOLs: reach comes from the KOL booked; these set conversion and carryover."""
    campaign_off_event: float = Field(0.15, ge=0.01, le=1, allow_inf_nan=False)
    """Share of the campaign position's reach available in turns without an event."""

    @model_validator(mode="before")
    @classmethod
    def _merge_defaults(cls, data):
        if not isinstance(data, dict):
            return data
        data = dict(data)
        for pos in POSITIONS:
            given = data.get(pos, {})
            if isinstance(given, dict):
                defaults = KOL_DEFAULTS if pos == "top_kol" else POSITION_DEFAULTS[pos]
                merged = {**defaults, **given}
                if isinstance(given.get("weights"), dict):
                    merged["weights"] = given["weights"]
                data[pos] = merged
        return data

    def position(self, name: str) -> PositionParams | KolParams:
        """The parameters of the position called `name` (one of POSITIONS)."""
        return getattr(self, name)


class Strengths(Model):
    """The brand's four strengths, each 0 to 100."""

    content: Score = 40.0
    """Quality of short videos and live streams: cheaper reach, better self-broadcast."""
    brand: Score = 40.0
    """Pull and reach of the brand: easier conversion, better KOL results."""
    product: Score = 50.0
    """Innovation and value of the product: the source of conversion; below the quality line refunds climb."""
    price: Score = 50.0
    """Price competitiveness at equal quality: weighs most in campaigns under competition."""


class Brand(Model):
    """The brand the player runs and where it starts."""

    name: str = Field(min_length=1, max_length=80)
    """The brand's name as the game shows it."""
    category: str = Field(min_length=1, max_length=40)
    """Its category, e.g. dairy, apparel, beauty: KOLs of the same category fit better."""
    tone: str = Field("everyday", min_length=1, max_length=40)
    """Its tone, e.g. premium, everyday, playful: KOLs of the same tone fit better."""
    price: int = Field(99, ge=1, le=1_000_000)
    """Average order value at list price, in yuan."""
    margin: Percent = 45.0
    """Gross margin at list price, in percent of the selling price."""
    strengths: Strengths = Field(default_factory=Strengths)
    """Starting strengths."""
    fans: Money = 2_000
    """Fans of the store's account at the start."""
    rating: float = Field(4.8, ge=1, le=5, allow_inf_nan=False)
    """Store rating at the start (1 to 5)."""
    awareness: Score = 10.0
    """Brand awareness at the start, 0 to 100."""
    tags: float = Field(0.8, ge=0.2, le=1, allow_inf_nan=False)
    """How clearly the account's tags describe its buyers at the start, 0.2 to 1 (a new account's are vague). Traffic that fits sharpens them; mismatched traffic blurs them."""


class Event(Model):
    """A platform event in the calendar: a festival or themed campaign."""

    name: str = Field(min_length=1, max_length=60)
    """The event's name, e.g. 618 or Double 11."""
    turns: list[Annotated[int, Field(ge=1, le=104)]] = Field(min_length=1)
    """The turns it runs in (1 is the first turn)."""
    traffic: float = Field(3.0, ge=1, le=50, allow_inf_nan=False)
    """Multiplier on the campaign position's reach; recommended traffic rises by a quarter as much."""
    competition: float = Field(0.5, ge=0, le=1, allow_inf_nan=False)
    """How fierce the competition is, 0 to 1: the fiercer, the more price strength decides campaign conversion."""


class Step(Model):
    """Guidance for one week (a tutorial's step): shown on the briefing, and in the cockpit
    of its week."""

    week: int = Field(ge=1, le=104)
    """The week it is for (1 is the first)."""
    text: str = Field(min_length=1, max_length=240)
    """What to do and look at that week, in a sentence or two of plain text."""


class Kol(Model):
    """A top KOL the brand can book."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=40)
    """Short identifier used in plans (`kol = "..."`): lower-case letters, digits, - and _."""
    name: str = Field(min_length=1, max_length=80)
    """The KOL's name as the game shows it."""
    fee: PositiveMoney
    """Slot fee in yuan for a standard cooperation. Paying more buys deeper cooperation."""
    audience: PositiveMoney
    """Impressions a standard slot brings."""
    categories: list[str] = Field(default_factory=list)
    """Categories the KOL sells in; the brand's category among them fits better."""
    tone: str = "everyday"
    """The KOL's tone; the brand's tone fits better."""
    commission: Percent = 20.0
    """Commission in percent of the GMV the KOL sells, on top of the fee."""
    fit: float | None = Field(None, ge=0, le=1, allow_inf_nan=False)
    """Fit with the brand, 0 to 1. Left out, it comes from category and tone."""


class Creators(Model):
    """The pool of mid and small creators who sell on commission (position A)."""

    count: Money = Field(20, le=1_000_000)
    """Creators carrying the product at the start."""
    commission: tuple[Percent, Percent] = Field((10.0, 30.0), strict=False)
    """The lowest and highest commission (percent) the brand may offer."""
    default_commission: Percent = 15.0
    """Commission offered when a plan does not say."""
    reach: Money = Field(3_000, le=10_000_000)
    """Impressions each creator brings per turn without support."""
    match: float = Field(0.7, ge=0, le=1, allow_inf_nan=False)
    """How closely the creators' audiences match the brand's target, 0 to 1."""
    growth: float = Field(0.3, ge=0, le=2, allow_inf_nan=False)
    """New creators per turn as a share of the starting pool, at the default commission and full support."""
    churn: Percent = 10.0
    """Percent of creators who drop the product each turn."""
    capacity: float = Field(4.0, ge=1, le=20, allow_inf_nan=False)
    """The most creators the category holds for the brand, as a multiple of the starting count: recruiting slows as the pool fills."""

    @model_validator(mode="after")
    def _range(self) -> Creators:
        low, high = self.commission
        if low > high:
            raise Invalid([at(("commission",), Said("creators.range_reversed", low=low, high=high))])
        if not low <= self.default_commission <= high:
            raise Invalid([at(("default_commission",), Said("creators.default_outside", value=self.default_commission,
                                                            low=low, high=high))])
        return self


class Provider(Model):
    """A service provider (agency) the brand can hire for a turn to run F or A for it."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=40)
    """Short identifier used in plans (`providers = ["..."]`)."""
    name: str = Field(min_length=1, max_length=80)
    """The agency's name as the game shows it."""
    short: str | None = Field(None, min_length=1, max_length=24)
    """A short name for the planning screen's checkbox (the name's first words); left out, the name."""
    position: Literal["field", "alliance"]
    """What it runs: field (live-room operation) or alliance (creator matching)."""
    fee: PositiveMoney
    """Yuan per turn hired, from the turn's budget."""
    reach: float = Field(1.2, ge=1, le=5, allow_inf_nan=False)
    """Multiplier on the position's reach while hired (for alliance, also on creator recruiting)."""
    conversion: float = Field(1.1, ge=1, le=5, allow_inf_nan=False)
    """Multiplier on the position's conversion while hired."""
    track: str | None = None
    """The category the agency knows best; hired for another category, half its effect is lost."""

    @property
    def label(self) -> str:
        """The agency's short name, else its name (the planning screen's checkbox)."""
        return self.short or self.name


Metric = Literal["gmv", "net_gmv", "gpm", "profit", "roi", "fans", "rating", "awareness"]

class Objective(Model):
    """A goal with one to three star thresholds; its weight sets its share of the score."""

    metric: Metric
    """What is measured: gmv, net_gmv, gpm, profit, roi, fans, rating or awareness."""
    stars: list[Annotated[float, Field(ge=0, le=1e15, allow_inf_nan=False)]] = Field(min_length=1, max_length=3)
    """Thresholds for one, two and three stars, lowest first."""
    weight: float = Field(1.0, gt=0, le=100, allow_inf_nan=False)
    """Share of this objective in the score."""
    label: str | None = None
    """How the game names the objective; left out, a name from the metric."""

    @field_validator("stars")
    @classmethod
    def _ascending(cls, stars: list[float]) -> list[float]:
        if any(b <= a for a, b in zip(stars, stars[1:])):
            raise Invalid(Said("objective.stars_rise"))
        return stars

    @model_validator(mode="after")
    def _reachable(self) -> Objective:
        if self.metric == "rating" and any(t > 5 for t in self.stars):
            raise Invalid([at(("stars",), Said("objective.rating_above_5", value=max(self.stars)))])
        return self

    @property
    def title(self) -> str:
        """The objective's name in data (a report's JSON): its label, else its metric's code. People
        read it through the presentation layer (trainer.ui.messages.objective_title), which names
        an unlabelled objective by its metric in their language."""
        return self.label or self.metric


BOT_NAMES: tuple[str, ...] = (
    "balanced", "roi_greedy", "even_split",
    "all_in_field", "all_in_alliance", "all_in_campaign", "all_in_top_kol",
)
"""The reference players a lesson can name (trainer.core.bots.BOTS)."""

PLAYER_VARIANTS: tuple[str, ...] = (
    *(f"no_{part}" for part in (*POSITIONS, "strengths")), "with_providers", "price_first",
)
"""What may follow a bot's name in a lesson: no_<part> takes a position (or the strengths)
out of its plan; with_providers hires the agencies that know the brand's category;
price_first puts its strength money into price in the turns before an event."""

LessonMetric = Literal["score", "gmv", "net_gmv", "gpm", "profit", "roi", "fans", "rating", "awareness", "stars"]


REMOVALS: tuple[str, ...] = (
    "field", "alliance", "campaign", "campaign_in_events", "top_kol", "strengths", "fit", "discounts",
)
"""What a lesson can take away from the best plan (`remove = "..."`): a position every week,
the campaign in event weeks only, every strength investment, any KOL of the best fit (so
only poorer fits can be booked), or every discount."""

EXPLOITS: tuple[str, ...] = ("fire_sale", "one_position", "off_fit_star")
"""What a lesson can force into the best plan (`exploit = "..."`): a fire sale (at least 70%
off in the first three weeks), one position only (the best of the four, strengths free), or
the famous off-fit star (every booking is the largest-audience KOL that is not the best fit)."""


class Lesson(Model):
    """A lesson the level claims to teach, checked by `fact-trainer balance`.

    Three kinds, one per lesson: a reference player beats another (`better` and `worse`);
    the best plan loses at least `margin` of its score when something is taken away and
    the rest re-optimised (`remove`); the best plan loses at least `margin` when a
    degenerate move is forced into it (`exploit`). The last two are checked against the
    optimum (`fact-trainer balance LEVEL --lessons`), not only against the bots."""

    text: str = Field(min_length=1, max_length=200)
    """The lesson in the trainee's words, e.g. "Building GPM beats chasing each week's ROI"."""
    better: str | None = None
    """The reference player that must come out ahead: a bot name, optionally with a variant
    after '/': no_field, no_alliance, no_campaign, no_top_kol, no_strengths, with_providers or
    price_first (e.g. "balanced/no_top_kol")."""
    worse: str | None = None
    """The reference player that must come out behind (same form as `better`)."""
    remove: Literal[REMOVALS] | None = None  # type: ignore[valid-type]
    """Taken away from the best plan: field, alliance, campaign, campaign_in_events, top_kol,
    strengths, fit or discounts. Re-optimised without it, the score must drop by `margin`."""
    exploit: Literal[EXPLOITS] | None = None  # type: ignore[valid-type]
    """Forced into the best plan: fire_sale, one_position or off_fit_star. Re-optimised with
    it, the score must drop by `margin`."""
    margin: float = Field(0.05, ge=0, le=0.9, allow_inf_nan=False)
    """For `remove` and `exploit` lessons: the least share of the optimum's score the change
    must cost (0.05 = 5%)."""
    metric: LessonMetric = "score"
    """What is compared (bot lessons)."""
    on: Literal["every", "mean"] = "every"
    """Bot lessons: `every`: better wins on every seed; `mean`: on the mean over the seeds."""

    @field_validator("better", "worse")
    @classmethod
    def _known_player(cls, name: str | None) -> str | None:
        if name is None:
            return name
        bot, _, variant = name.partition("/")
        if bot not in BOT_NAMES:
            raise Invalid(Said("lesson.unknown_player", name=bot, known=", ".join(BOT_NAMES)))
        if variant and variant not in PLAYER_VARIANTS:
            raise Invalid(Said("lesson.unknown_variant", name=name, known=", ".join(PLAYER_VARIANTS)))
        return name

    @model_validator(mode="after")
    def _one_kind(self) -> Lesson:
        kinds = [k for k, given in (("better/worse", self.better is not None or self.worse is not None),
                                    ("remove", self.remove is not None), ("exploit", self.exploit is not None))
                 if given]
        if len(kinds) != 1:
            raise Invalid(Said("lesson.kinds", kinds=" and ".join(kinds)) if kinds else Said("lesson.kinds_none"))
        if kinds[0] == "better/worse":
            if self.better is None or self.worse is None:
                missing = "worse" if self.worse is None else "better"
                raise Invalid([at((missing,), Said("lesson.needs_both"))])
            if self.better == self.worse:
                raise Invalid([at(("worse",), Said("lesson.same_player", name=self.better))])
        return self

    @property
    def kind(self) -> str:
        """players, remove or exploit."""
        return "remove" if self.remove else "exploit" if self.exploit else "players"


Budget = Annotated[int, Field(ge=0, le=MAX_MONEY)]


def _check_budget(value):
    """Say plainly what is wrong with a budget before pydantic tries int and list in turn."""
    def check(amount, entry: int | None):
        if isinstance(amount, bool) or not isinstance(amount, int):
            raise Invalid(Said("budget.not_whole", value=amount) if entry is None
                          else Said("budget.entry_not_whole", n=entry, value=amount))
        if not 0 <= amount <= MAX_MONEY:
            raise Invalid(Said("budget.out_of_range", limit=MAX_MONEY, value=amount) if entry is None
                          else Said("budget.entry_out_of_range", n=entry, limit=MAX_MONEY, value=amount))

    if isinstance(value, list):
        if not value:
            raise Invalid(Said("budget.empty"))
        for i, amount in enumerate(value):
            check(amount, i + 1)
    else:
        check(value, None)
    return value


# The languages a level's text can be in (trainer.core.languages: one per catalog the game
# ships). A level writes its text in one (`language`) and may give others in tables named by
# their codes ([en], [zh], ...): Scenario has one such field per language.
LANGUAGES = languages.LANGUAGES

Term = Annotated[str, Field(min_length=1, max_length=40)]


class NameText(Model):
    """One entry's name in another language ([[zh.events]], [[zh.kols]], [[zh.providers]])."""

    name: str | None = Field(None, min_length=1, max_length=80)
    """The name as players of this language read it; left out, the main text's name shows."""


class ProviderText(NameText):
    """One provider's names in another language ([[zh.providers]])."""

    short: str | None = Field(None, min_length=1, max_length=24)
    """Its short name (the planning screen's checkbox), when the main text gives one."""


class BrandText(Model):
    """The brand's name in another language ([zh.brand])."""

    name: str | None = Field(None, min_length=1, max_length=80)
    """The brand's name in this language; left out, the main text's name shows."""


class ObjectiveText(Model):
    """One objective's label in another language ([[zh.objectives]])."""

    label: str | None = Field(None, min_length=1, max_length=100)
    """The objective's name in this language; left out, the main text's label shows."""


class LessonText(Model):
    """One lesson's text in another language ([[zh.lessons]])."""

    text: str | None = Field(None, min_length=1, max_length=200)
    """The lesson in this language."""


class StepText(Model):
    """One step's text in another language ([[zh.steps]])."""

    text: str | None = Field(None, min_length=1, max_length=240)
    """What to do and look at that week, in this language (plain text)."""


class LevelText(Model):
    """A level's player-facing text in another language: a table named by the language's code
    ([zh] or [en]) with the shape of the level itself, holding only its text. What it leaves out
    shows in the main language (`Scenario.missing_texts` lists it). Lists are in the level's
    order and as long as the level's own; categories and tones are words translated once,
    wherever the level uses them."""

    title: str | None = Field(None, min_length=1, max_length=100)
    """The level's name."""
    briefing: str | None = None
    """What the player reads before starting, in Markdown; the same figures as the main briefing."""
    teaches: list[str] | None = None
    """What the level teaches: one phrase for each of the level's `teaches`, in the same order."""
    brand: BrandText | None = None
    """The brand's name."""
    categories: dict[str, Term] = Field(default_factory=dict)
    """Each category word the level uses (brand.category, a KOL's categories, a provider's track),
    written as it is in the main text, with its translation: `tea = "茶"`. KOL fit and provider
    tracks compare these words, so two words may not share one translation."""
    tones: dict[str, Term] = Field(default_factory=dict)
    """Each tone word the level uses (brand.tone, a KOL's tone) with its translation: `everyday = "日常"`."""
    events: list[NameText] | None = None
    """One entry per [[events]], in the same order: its name."""
    kols: list[NameText] | None = None
    """One entry per [[kols]], in the same order: its name."""
    providers: list[ProviderText] | None = None
    """One entry per [[providers]], in the same order: its name (and short name)."""
    objectives: list[ObjectiveText] | None = None
    """One entry per [[objectives]], in the same order: its label."""
    lessons: list[LessonText] | None = None
    """One entry per [[lessons]], in the same order: its text."""
    steps: list[StepText] | None = None
    """One entry per [[steps]], in the same order: its text."""

    @field_validator("categories", "tones")
    @classmethod
    def _words_are_data(cls, words: dict[str, str]) -> dict[str, str]:
        for word, translation in words.items():
            problem = control_problem(word) or control_problem(translation)
            if problem:
                raise Invalid([at((word,), problem)])
        return words


# the lists of a level that a LevelText gives again, entry by entry: (list, key of each entry)
TEXT_LISTS: tuple[tuple[str, str], ...] = (
    ("events", "name"), ("kols", "name"), ("providers", "name"),
    ("objectives", "label"), ("lessons", "text"), ("steps", "text"),
)


class Scenario(Model):
    """A level: a brand, a market, a calendar and objectives."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=60)
    """Short identifier: lower-case letters, digits, - and _."""
    title: str = Field(min_length=1, max_length=100)
    """The level's name."""
    language: Literal[LANGUAGES] = "en"  # type: ignore[valid-type]
    """The language of the level's text (title, briefing, names, labels, lessons, steps): en or zh.
    The other language goes in a table named by its code, [zh] or [en]."""
    briefing: str = ""
    """What the player reads before starting, in Markdown."""
    difficulty: Literal["tutorial", "easy", "medium", "hard", "expert"] = "medium"
    """How hard the level is."""
    teaches: list[str] = Field(default_factory=list)
    """What the level teaches, one short phrase each."""
    turns: int = Field(ge=1, le=104)
    """Number of turns (weeks)."""
    budget: Annotated[Budget | list[Budget], BeforeValidator(_check_budget)]
    """Budget of each turn in yuan: one number for every turn, or a list with one per turn."""
    seed: int = Field(1, ge=0, le=2**63 - 1)
    """Default seed of the market's luck."""
    brand: Brand
    """The brand and its starting state."""
    market: Market = Field(default_factory=lambda: Market.model_validate({}))
    """The platform's market model."""
    events: list[Event] = Field(default_factory=list)
    """The calendar of platform events."""
    kols: list[Kol] = Field(default_factory=list)
    """The roster of top KOLs."""
    creators: Creators = Field(default_factory=Creators)
    """The creator pool for position A."""
    providers: list[Provider] = Field(default_factory=list)
    """Service providers (agencies) the brand may hire for F or A."""
    objectives: list[Objective] = Field(min_length=1)
    """Goals with star thresholds; the score is their weighted mean."""
    lessons: list[Lesson] = Field(default_factory=list)
    """What the level teaches, as checks `fact-trainer balance` verifies."""
    coaching: bool = True
    """Whether the coach gives tips and marginal returns during play; false for an assessment."""
    steps: list[Step] = Field(default_factory=list)
    """Week-by-week guidance (a tutorial's steps), at most one per week: listed on the briefing
    under the briefing's text, and each shown in its week's cockpit."""
    # en, zh, ...: one LevelText per language the game speaks, added below (_with_language_tables)

    _original: Scenario | None = PrivateAttr(default=None)

    @model_validator(mode="after")
    def _consistent(self) -> Scenario:
        problems = self._text_problems()
        if isinstance(self.budget, list) and len(self.budget) != self.turns:
            problems.append(at(("budget",), Said("budget.count", n=len(self.budget), turns=self.turns)))
        for i, event in enumerate(self.events):
            late = [t for t in event.turns if t > self.turns]
            if late:
                problems.append(at(("events", i, "turns"), Said("event.late", name=event.name, turn=late[0],
                                                                n=self.turns)))
        weeks: dict[int, int] = {}
        for i, event in enumerate(self.events):
            for t in event.turns:
                if t in weeks:
                    other = self.events[weeks[t]]
                    problems.append(at(("events", i, "turns"), Said("event.same_week", name=event.name,
                                                                    other=other.name, week=t)))
                    break
            for t in event.turns:
                weeks.setdefault(t, i)
        step_weeks: set[int] = set()
        for i, step in enumerate(self.steps):
            if step.week > self.turns:
                problems.append(at(("steps", i, "week"), Said("step.late", week=step.week, n=self.turns)))
            if step.week in step_weeks:
                problems.append(at(("steps", i, "week"), Said("step.twice", week=step.week)))
            step_weeks.add(step.week)
        seen_providers: set[str] = set()
        for i, provider in enumerate(self.providers):
            if provider.id in seen_providers:
                problems.append(at(("providers", i, "id"), Said("provider.same_id", id=provider.id)))
            seen_providers.add(provider.id)
        seen: set[str] = set()
        for i, kol in enumerate(self.kols):
            if kol.id in seen:
                problems.append(at(("kols", i, "id"), Said("kol.same_id", id=kol.id)))
            seen.add(kol.id)
        if problems:
            raise Invalid(problems)
        return self

    # ------------------------------------------------------------ languages

    def _words(self) -> dict[str, list[str]]:
        """The category and tone words the level uses, each once (first spelling), by kind."""
        categories = [self.brand.category, *(c for k in self.kols for c in k.categories),
                      *(p.track for p in self.providers if p.track is not None)]
        tones = [self.brand.tone, *(k.tone for k in self.kols)]
        out: dict[str, list[str]] = {}
        for kind, words in (("categories", categories), ("tones", tones)):
            seen: dict[str, str] = {}
            for word in words:
                seen.setdefault(word.lower(), word)
            out[kind] = list(seen.values())
        return out

    def _text_problems(self) -> list[At]:
        """What is wrong with the level's tables of text in other languages."""
        problems: list[At] = []
        words = self._words()
        for lang in LANGUAGES:
            table: LevelText | None = getattr(self, lang)
            if table is None:
                continue
            if lang == self.language:
                problems.append(at((lang,), Said("language.own_table", language=Language(lang),
                                                 main=self.language, lang=lang)))
                continue
            if table.teaches is not None and len(table.teaches) != len(self.teaches):
                problems.append(at((lang, "teaches"), Said("language.count_phrases", n=len(table.teaches),
                                                           own=len(self.teaches), where="teaches")))
            for name, _key in TEXT_LISTS:
                given = getattr(table, name)
                if given is not None and len(given) != len(getattr(self, name)):
                    problems.append(at((lang, name), Said("language.count", n=len(given),
                                                          own=len(getattr(self, name)), where=f"[[{name}]]")))
            for kind in ("categories", "tones"):
                used = {w.lower(): w for w in words[kind]}
                given_words: dict[str, str] = getattr(table, kind)
                translated: dict[str, str] = {}
                for word, translation in given_words.items():
                    if word.lower() not in used:
                        problems.append(at((lang, kind, word), Said(
                            "language.unused_word", word=word,
                            kind=Said("language.word_tone" if kind == "tones" else "language.word_category"),
                            used=", ".join(words[kind]))))
                        continue
                    if word.lower() in translated:
                        problems.append(at((lang, kind, word), Said("language.translated_twice", word=word)))
                        continue
                    translated[word.lower()] = translation
                # the translated words must tell apart what the originals told apart (KOL fit)
                shown: dict[str, str] = {}
                for low, word in used.items():
                    out = translated.get(low, word).lower()
                    if out in shown:
                        problems.append(at((lang, kind, word if low in translated else shown[out]),
                                           Said("language.same_translation", word=word, other=shown[out],
                                                reads=translated.get(low, word))))
                    shown.setdefault(out, word)
        return problems

    @property
    def original(self) -> Scenario:
        """The level as its file says it: itself, or the level a localized copy came from."""
        return self._original if self._original is not None else self

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages the level has text in: its own first, then those it gives a table for."""
        source = self.original
        return (source.language, *(lang for lang in LANGUAGES
                                   if lang != source.language and getattr(source, lang) is not None))

    def missing_texts(self, lang: str) -> list[str]:
        """The texts the level lacks in `lang` (each shows in the main language instead), as keys
        of its [lang] table: "title", "events[0].name", "categories.tea". Empty when complete."""
        source = self.original
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language {lang!r}: known are {', '.join(LANGUAGES)}")
        if lang == source.language:
            return []
        table: LevelText = getattr(source, lang) or LevelText()
        missing = []
        if table.title is None:
            missing.append("title")
        if table.briefing is None and source.briefing.strip():
            missing.append("briefing")
        if table.teaches is None and source.teaches:
            missing.append("teaches")
        if (table.brand is None or table.brand.name is None):
            missing.append("brand.name")
        words = source._words()
        for kind in ("categories", "tones"):
            given = {w.lower() for w in getattr(table, kind)}
            missing += [f"{kind}.{w}" for w in words[kind] if w.lower() not in given]
        for name, key in TEXT_LISTS:
            own = getattr(source, name)
            given = getattr(table, name) or []
            for i, entry in enumerate(own):
                if getattr(entry, key) is None:
                    continue  # an objective without a label is named by its metric
                if i >= len(given) or getattr(given[i], key) is None:
                    missing.append(f"{name}[{i}].{key}")
        given = table.providers or []
        missing += [f"providers[{i}].short" for i, p in enumerate(source.providers)
                    if p.short is not None and (i >= len(given) or given[i].short is None)]
        return missing

    def localized(self, lang: str) -> Scenario:
        """A copy of the level with its text in `lang`, where the level gives it; the rest stays
        in the main language (see missing_texts). Every number is the level's: the copy plays
        exactly as the original, and `original` gives the level back."""
        source = self.original
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language {lang!r}: known are {', '.join(LANGUAGES)}")
        if lang == source.language:
            return source
        table: LevelText = getattr(source, lang) or LevelText()
        categories = {w.lower(): t for w, t in table.categories.items()}
        tones = {w.lower(): t for w, t in table.tones.items()}

        def category(word: str) -> str:
            return categories.get(word.lower(), word)

        def tone(word: str) -> str:
            return tones.get(word.lower(), word)

        # a provider's short name: the language's own; none when the language names it but gives no
        # short name (its name shows whole rather than the main language's short one)
        shorts = {source.providers[i].id: given.short for i, given in enumerate(table.providers or [])
                  if i < len(source.providers) and (given.short is not None or given.name is not None)}

        def provider_short(provider):
            return shorts.get(provider.id, provider.short)

        def entries(name: str, key: str, extra=None) -> list:
            given = getattr(table, name) or []
            out = []
            for i, entry in enumerate(getattr(source, name)):
                update = dict(extra(entry)) if extra else {}
                text = getattr(given[i], key) if i < len(given) else None
                if text is not None:
                    update[key] = text
                out.append(entry.model_copy(update=update) if update else entry)
            return out

        brand = source.brand.model_copy(update={
            "name": table.brand.name if table.brand and table.brand.name else source.brand.name,
            "category": category(source.brand.category), "tone": tone(source.brand.tone)})
        copy = source.model_copy(update={
            "language": lang,
            "title": table.title if table.title is not None else source.title,
            "briefing": table.briefing if table.briefing is not None else source.briefing,
            "teaches": list(table.teaches) if table.teaches is not None else list(source.teaches),
            "brand": brand,
            "events": entries("events", "name"),
            "kols": entries("kols", "name", lambda k: {"categories": [category(c) for c in k.categories],
                                                       "tone": tone(k.tone)}),
            "providers": entries("providers", "name", lambda p: {
                **({"track": category(p.track)} if p.track is not None else {}),
                **({"short": provider_short(p)} if provider_short(p) != p.short else {})}),
            "objectives": entries("objectives", "label"),
            "lessons": entries("lessons", "text"),
            "steps": entries("steps", "text"),
            **{other: None for other in LANGUAGES},
        })
        copy._original = source
        return copy

    def step_of(self, turn: int) -> Step | None:
        """The guidance for week `turn`, if the level gives one."""
        return next((step for step in self.steps if step.week == turn), None)

    def budget_changes(self, turn: int) -> list[tuple[int, int]]:
        """(week, budget) for every week after `turn` whose budget differs from the week before:
        what the cockpit announces of the weeks ahead."""
        return [(t, self.budget_of(t)) for t in range(turn + 1, self.turns + 1)
                if self.budget_of(t) != self.budget_of(t - 1)]

    def budget_of(self, turn: int) -> int:
        """The budget of turn `turn` (1-based)."""
        if isinstance(self.budget, list):
            return self.budget[turn - 1]
        return self.budget

    @property
    def budgets(self) -> list[int]:
        """The budget of every turn, first turn first."""
        return [self.budget_of(t) for t in range(1, self.turns + 1)]

    def kol(self, kol_id: str) -> Kol | None:
        """The KOL with this id, or None."""
        for kol in self.kols:
            if kol.id == kol_id:
                return kol
        return None

    def provider(self, provider_id: str) -> Provider | None:
        """The service provider with this id, or None."""
        for provider in self.providers:
            if provider.id == provider_id:
                return provider
        return None

    def campaign_reach(self, event: Event) -> float:
        """How many times an ordinary week's campaign reach C can take in `event` (its traffic
        over the share of C open outside events): what a briefing may quote."""
        return event.traffic / self.market.campaign_off_event

    def event_at(self, turn: int) -> Event | None:
        """The event running in `turn` (the biggest one if several overlap), or None."""
        running = [e for e in self.events if turn in e.turns]
        if not running:
            return None
        return max(running, key=lambda e: (e.traffic, e.competition))


def with_language_tables(model: type[Model], table: type[Model], describe) -> type[Model]:
    """`model` with one optional `table` field per language the game speaks ([en], [zh], ...),
    documented by `describe(code, name)`: a language added by its catalog has its table at once."""
    fields = {lang: (Optional[table], Field(None, description=describe(lang, languages.english_name(lang))))
              for lang in LANGUAGES}
    return create_model(model.__name__, __base__=model, __module__=model.__module__, __doc__=model.__doc__,
                        **fields)


Scenario = with_language_tables(  # type: ignore[misc]
    Scenario, LevelText,
    lambda code, name: f"The level's text in {name}, when `language` is another: [{code}] title and briefing, "
                       f"[{code}.brand], [{code}.categories], [{code}.tones], [[{code}.events]], [[{code}.kols]], "
                       f"[[{code}.providers]], [[{code}.objectives]], [[{code}.lessons]], [[{code}.steps]].")


def provider_strength(brand: Brand, provider: Provider) -> tuple[float, float]:
    """(reach, conversion) multipliers a provider brings to this brand: in full on its own
    track (or when it states none), half of the gain on another category's."""
    if provider.track is None or provider.track.lower() == brand.category.lower():
        return provider.reach, provider.conversion
    return 1.0 + (provider.reach - 1.0) / 2, 1.0 + (provider.conversion - 1.0) / 2


def kol_fit(brand: Brand, kol: Kol) -> float:
    """How well a KOL fits the brand, 0 to 1: stated by the author, or from category and tone.

    Same category is worth 0.55, same tone 0.3, and every KOL starts from 0.15: a star
    of another category and tone still reaches people, just not the brand's buyers.
    """
    if kol.fit is not None:
        return kol.fit
    fit = 0.15
    if brand.category.lower() in (c.lower() for c in kol.categories):
        fit += 0.55
    if brand.tone.lower() == kol.tone.lower():
        fit += 0.3
    return fit
