"""The FACT market model: decisions in, a turn report out, the state moved on.

One turn (a week) works like this; every step is one named formula in `Engine.resolve`
and shows in the report's drivers:

1. **Paid reach.** Spend on F, A and C adds to what still works from earlier turns
   (carryover, `x_eff = spend + carryover * x_eff_last`) and buys impressions on one Hill
   saturation curve (`hill`) whose ceiling is `saturation * 1000 / cpm`. Content
   strength and last turn's GPM make reach cheaper (the ad auction). Campaign reach is
   small outside events and multiplied in event turns. T reach is the booked KOL's
   audience, more with deeper cooperation, less when the audience saw the brand lately.
2. **Conversion.** Orders per impression = base conversion x the position's conversion
   x a strengths multiplier (concave: strengths pay back with diminishing returns) x
   brand awareness x the turn's luck x the discount's pull (which flattens past the
   discount line). In event turns campaign conversion is scaled by price
   competitiveness to the power of the competition; KOL conversion by fit.
3. **Organic reach.** The recommender amplifies *converting* traffic (paid GMV in
   benchmark impressions, not raw views), scaled by the pool level that net GPM earned
   and by how clear the account's tags are, and saturates against the category's finite
   audience: the snowball, bounded. Mismatched traffic (an off-fit KOL, creators
   outside the category) confuses the tags. Fans visit, mostly while the live room runs.
4. **Quality.** Refunds come from the category, a weak product and discounts (steeply
   past the line). GPM and the recommender's signal are net of refunds. The store
   rating is a slow rolling measure of service; a rating below the threshold earns a
   traffic penalty that lasts and fades only once the rating has recovered; a discount
   past the line also fails the platform's price check.
5. **State.** Fans, creators (saturating), strengths, awareness, tags, the pool level,
   the rating and the penalty move on.

Numbers are floats inside; the engine never rounds or formats for a screen.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field, fields

from trainer.core.plan import Decision, PlanError, check_decision
from trainer.core.scenario import POSITIONS, STRENGTHS, Scenario, kol_fit, provider_strength

MODEL_VERSION = 4
"""The market model's version: raise it whenever the same scenario, seed and decisions would
give different figures (tests/core/test_golden.py fails until it is raised). Saves record
it, so an old save replayed by a newer model is reported as such, not as edited."""

NEUTRAL = 50.0  # strengths at 50 leave conversion as it is
KOL_FATIGUE = 1.0  # each recent booking (half fading a turn) divides fresh KOL reach by 1 + this
PAST_LINE_PULL = 0.3  # past the discount line, each further point draws buyers like 0.3 of a point
DEAL_HABIT = 3.0  # a deal's pull is divided by 1 + this x the buyers' habit of deals
ON_TARGET = {"field": 1.0, "campaign": 0.7}  # share of a position's viewers who are the brand's target
REC_WEIGHTS = (0.3, 0.1, 0.3, 0.3)  # what "guess you like" weighs: content, product, and price
FAN_WEIGHTS = (0.1, 0.3, 0.4, 0.2)  # fans already know the brand
RANKING = 1.5  # creators' sales count this much more to the recommender: a product many carry climbs the rankings


@dataclass(slots=True)
class State:
    """Everything that carries from one turn to the next."""

    turn: int
    """The next turn to be played, 1-based."""
    content: float
    brand: float
    product: float
    price: float
    awareness: float
    fans: float
    rating: float
    pool: float
    """Traffic-pool level: 1 is where every store starts."""
    creators: float
    tags: float = 1.0
    """How clearly the account's tags describe its buyers, 0.2 to 1: the recommender's aim."""
    penalty: float = 0.0
    """The platform's traffic penalty for poor service, 0 to 0.75 (0 = none)."""
    deal_habit: float = 0.0
    """How used buyers are to the brand's deals (recent discounts, fading 40% a turn): a deal
    every week teaches buyers to wait for it, and it pulls less and less."""
    adstock_field: float = 0.0
    adstock_alliance: float = 0.0
    adstock_campaign: float = 0.0
    kol_impressions: float = 0.0
    """Last turn's KOL impressions, of which a share comes again."""
    kol_fit: float = 0.0
    """Fit of the KOL behind those impressions."""
    kol_fatigue: float = 0.0
    """How much top-KOL audiences have seen the brand lately: each booking adds 1, half fades each turn."""
    last_gpm: float | None = None
    """Last turn's GPM, net of refunds: what the recommender and the ad auction read."""
    last_gmv: float | None = None
    last_pool: float = 1.0
    """The pool level a turn earlier, to tell how it moved."""

    def copy(self, **changes) -> State:
        """An independent copy, with some fields changed."""
        values = {name: getattr(self, name) for name in _STATE_FIELDS}
        values.update(changes)
        return State(**values)

    def strengths(self) -> dict[str, float]:
        """The four strengths by name."""
        return {"content": self.content, "brand": self.brand, "product": self.product, "price": self.price}


_STATE_FIELDS = tuple(f.name for f in fields(State))


def gpm_of(gmv: float, impressions: float) -> float:
    """GMV per 1,000 impressions (0 with no impressions)."""
    return gmv / impressions * 1000.0 if impressions > 0 else 0.0


def roi_of(gmv: float, cost: float) -> float:
    """GMV per yuan of cost (0 with no cost)."""
    return gmv / cost if cost > 0 else 0.0


def hill(x: float, k: float, shape: float = 1.0) -> float:
    """The Hill saturation curve: the share of a ceiling that effective spend `x` reaches,
    half at `k`, bending from the first yuan at shape 1 and S-shaped above 1."""
    if x <= 0.0:
        return 0.0
    if shape == 1.0:
        return x / (x + k)
    xs = x**shape
    return xs / (xs + k**shape)


def strength_factor(weights: tuple[float, float, float, float], c: float, b: float, p: float, pr: float) -> float:
    """A source's multiplier on conversion from the strengths it weighs: 1 at 50, 0.3 at 0,
    about 1.29 at 100; concave, so each point is worth less than the one before."""
    mean = weights[0] * c + weights[1] * b + weights[2] * p + weights[3] * pr
    return 0.3 + 0.7 * math.sqrt(mean / NEUTRAL if mean > 0.0 else 0.0)


def fit_factor(fit: float) -> float:
    """KOL conversion by fit: 0.16 for a star of another world (fit 0.15), about 1 at 0.85."""
    return 0.1 + 1.1 * fit**1.5


def rating_throttle(penalty: float) -> float:
    """Traffic factor for the platform's penalty: 1 without one, down to 0.25."""
    return 1.0 - penalty


@dataclass(slots=True)
class ChannelResult:
    """What one position did in a turn."""

    spend: float
    impressions: float
    orders: float
    gmv: float
    commission: float = 0.0
    """Commission paid on this position's sales (A's creators, T's KOL)."""
    carryover_impressions: float = 0.0
    """Impressions that came from earlier turns' spend."""
    conversion_factor: float = 1.0
    """The strengths' multiplier on conversion (1 at neutral strengths)."""

    @property
    def gpm(self) -> float:
        """GMV per 1,000 impressions."""
        return gpm_of(self.gmv, self.impressions)

    @property
    def roi(self) -> float:
        """GMV per yuan of up-front spend (0 with no spend)."""
        return roi_of(self.gmv, self.spend)

    @property
    def roi_all_in(self) -> float:
        """GMV per yuan of spend plus commission paid: how A and T are read."""
        return roi_of(self.gmv, self.spend + self.commission)


@dataclass(slots=True)
class SourceResult:
    """Organic traffic of one kind in a turn: recommended, or fans."""

    impressions: float
    orders: float
    gmv: float

    @property
    def gpm(self) -> float:
        """GMV per 1,000 impressions."""
        return gpm_of(self.gmv, self.impressions)


@dataclass(slots=True)
class Drivers:
    """Why the turn's numbers came out as they did: the named causes, as numbers."""

    pool_before: float
    """Traffic-pool level this turn."""
    pool_change: float
    """Relative change of the pool level since the last turn (0.18 = +18%)."""
    gpm_signal: float | None
    """Last turn's net GPM over the category benchmark: what moved the pool (None in turn 1)."""
    recommendation_boost: float
    """Recommended impressions relative to pool level 1 with this turn's paid traffic (pool x throttle x event)."""
    auction: float
    """How much cheaper paid reach was thanks to last turn's GPM (above 1 cheaper, below 1 dearer)."""
    throttle: float
    """Traffic factor from the platform's penalty (1 = no throttling)."""
    throttled_impressions: float
    """Recommended and campaign impressions the penalty cost."""
    event: str | None
    event_traffic: float
    """The event's traffic multiplier (1 without an event)."""
    competition: float
    campaign_multiplier: float
    """How much bigger campaign reach was than in a turn without an event."""
    price_factor: float
    """Campaign conversion factor from price competitiveness under competition (1 without an event)."""
    discount_orders: float
    """Multiplier on orders from the discount."""
    fan_activity: float
    """How active self-broadcast kept the fans, 0.2 to 1."""
    kol: str | None
    """Id of the KOL booked this turn."""
    kol_fit: float
    kol_fatigue: float
    """Reach lost to recent bookings: fresh KOL reach was divided by 1 + KOL_FATIGUE x this."""
    awareness_factor: float
    """Multiplier on conversion from brand awareness."""
    luck: float
    """The market's luck this turn, averaged over sources (1 = none)."""
    refund_rate: float
    refund_base: float
    refund_product: float
    """Refund rate added by a product below the quality line."""
    refund_discount: float
    """Refund rate added by the discount."""
    provider_field: float
    """Reach x conversion multiplier on F from hired service providers (1 = none)."""
    provider_alliance: float
    """Reach x conversion multiplier on A from hired service providers (1 = none)."""
    tags: float = 1.0
    """Tag clarity this turn (1 = the recommender knows exactly who buys)."""
    tags_after: float = 1.0
    """Tag clarity after this turn's traffic."""
    mismatch: float = 0.0
    """Share of this turn's paid viewers outside the brand's target."""
    audience_share: float = 0.0
    """Recommended impressions as a share of the category's weekly audience (saturation of the snowball)."""
    penalty_after: float = 0.0
    """The platform's traffic penalty after this turn (0 = none)."""
    price_check: bool = False
    """True when a discount past the line failed the platform's price check."""
    strength_gains: dict[str, float] = field(default_factory=dict)
    """Points each strength gained from this turn's investment (before decay)."""
    creators_joining: float = 0.0
    """Creators recruited this turn (commission, support on A, product strength, room left)."""
    creators_leaving: float = 0.0
    """Creators who left this turn (the pool's churn)."""


@dataclass(slots=True)
class TurnReport:
    """The outcome of one turn. Money in yuan, rates as fractions.

    The per-position results and the drivers are kept as plain tuples and built into
    objects the first time they are read: bots and searches that only need the
    headline figures never pay for them.
    """

    turn: int
    budget: int
    decision: Decision
    channel_data: tuple
    """(spend, impressions, orders, gmv, commission, carryover impressions, strengths factor) per position."""
    recommended: SourceResult
    fans: SourceResult
    impressions: float
    orders: float
    gmv: float
    refunds: float
    net_gmv: float
    spend: float
    """Everything taken from the budget: positions, strength investments and provider fees."""
    commissions: float
    cost_of_goods: float
    profit: float
    before: State
    after: State
    driver_data: dict
    """The Drivers fields by name."""
    luck: tuple = ()
    """The turn's luck, one factor per source: what a counterfactual replay needs."""
    engine: Engine | None = None
    """The engine that resolved the turn: a counterfactual replay uses it (see explain)."""
    _channels: dict[str, ChannelResult] | None = None
    _drivers: Drivers | None = None

    @property
    def channels(self) -> dict[str, ChannelResult]:
        """What each position (field, alliance, campaign, top_kol) did."""
        if self._channels is None:
            self._channels = {name: ChannelResult(*data) for name, data in zip(POSITIONS, self.channel_data)}
        return self._channels

    @property
    def drivers(self) -> Drivers:
        """Why the numbers came out as they did."""
        if self._drivers is None:
            self._drivers = Drivers(**self.driver_data)
        return self._drivers

    @property
    def gpm(self) -> float:
        """GMV net of refunds per 1,000 impressions over every source: the GPM the platform reads."""
        return gpm_of(self.net_gmv, self.impressions)

    @property
    def gross_gpm(self) -> float:
        """GMV before refunds per 1,000 impressions."""
        return gpm_of(self.gmv, self.impressions)

    @property
    def roi(self) -> float:
        """GMV per yuan of the turn's spend (0 with no spend)."""
        return roi_of(self.gmv, self.spend)

    @property
    def paid_impressions(self) -> float:
        """Impressions bought on the four positions."""
        return sum(c.impressions for c in self.channels.values())


_NOISE_DRAWS = 6  # one per position, recommended and fans; drawn whatever the decisions


def _flat(model):
    """The fields of a pydantic model copied onto a plain slotted object: the hot path
    reads them dozens of times a turn, and a slot is several times faster to read."""
    names = tuple(type(model).model_fields)
    flat = type(f"Flat{type(model).__name__}", (), {"__slots__": names})()
    for name in names:
        setattr(flat, name, getattr(model, name))
    return flat


class _Paid:
    """One paid position's parameters, unpacked once per scenario for speed."""

    __slots__ = ("per_yuan", "k", "shape", "carry", "conv", "weights")

    def __init__(self, params):
        self.per_yuan = 1000.0 / params.cpm  # impressions per yuan at the first yuan
        self.k = float(params.saturation)
        self.shape = params.shape
        self.carry = params.carryover
        self.conv = params.conversion
        self.weights = params.weights.normalised()

    def reach(self, spend: float, adstock: float, ceiling: float, room: float = 1.0) -> tuple[float, float, float]:
        """(impressions, fresh impressions, effective spend) of `spend` with last turn's
        `adstock`, under a ceiling of impressions; `room` scales the half-saturation spend
        (an event makes room for more)."""
        k = self.k * room
        x = spend + self.carry * adstock
        return ceiling * hill(x, k, self.shape), ceiling * hill(spend, k, self.shape), x


NO_OVERRIDES: frozenset[str] = frozenset()
"""What `resolve` changes for a counterfactual replay: nothing."""

OVERRIDES = ("no_event", "average_fit", "neutral_price_check")
"""Parts of a turn a counterfactual replay can switch off (see trainer.core.explain):
the event, the KOL's fit (replaced by an average 0.5) and price competition in events."""


class Engine:
    """A scenario compiled for play: start games from it, as many as needed."""

    def __init__(self, scenario: Scenario):
        self.scenario = scenario
        m = scenario.market
        self._market = _flat(m)
        self._brand = _flat(scenario.brand)
        self._creators = _flat(scenario.creators)
        self._field = _Paid(m.field)
        self._alliance = _Paid(m.alliance)
        self._campaign = _Paid(m.campaign)
        k = m.top_kol
        self._kol_params = (k.carryover, k.conversion, k.weights.normalised())
        self._kols = [(kol, kol_fit(scenario.brand, kol)) for kol in scenario.kols]
        # best fit first, then the bigger audience: the order auto-booking looks in
        self._kols_by_fit = sorted(self._kols, key=lambda kf: (-kf[1], -kf[0].audience, kf[0].fee))
        self._events = []
        for turn in range(1, scenario.turns + 1):
            ev = scenario.event_at(turn)
            self._events.append((ev.name, ev.traffic, ev.competition) if ev else (None, 1.0, 0.0))
        self._budgets = scenario.budgets
        self._providers = {p.id: (p.position, *provider_strength(scenario.brand, p), p.fee) for p in scenario.providers}
        b = scenario.brand
        s = b.strengths
        self._start = State(
            turn=1, content=s.content, brand=s.brand, product=s.product, price=s.price,
            awareness=b.awareness, fans=float(b.fans), rating=b.rating, pool=1.0,
            creators=float(scenario.creators.count), tags=b.tags,
        )
        self._luck: dict[int, list[tuple[float, ...]]] = {}

    def new_game(self, seed: int | None = None) -> Game:
        """A game at turn 1 with `seed` (the scenario's seed when None)."""
        return Game(self, self.scenario.seed if seed is None else seed)

    def initial_state(self) -> State:
        """The state before turn 1."""
        return self._start.copy()

    def luck(self, seed: int) -> list[tuple[float, ...]]:
        """The market's luck of every turn for `seed`: one factor per source and turn.

        Drawn whole from the seed's own generator, so no decision can shift which luck a
        later turn gets. Kept for the seeds used lately: searches replay the same seeds.
        """
        table = self._luck.get(seed)
        if table is None:
            draw = random.Random(seed).random
            sigma = self.scenario.market.noise
            luck = [1.0 + sigma * (2.0 * draw() - 1.0) for _ in range(_NOISE_DRAWS * self.scenario.turns)]
            table = [tuple(luck[i:i + _NOISE_DRAWS]) for i in range(0, len(luck), _NOISE_DRAWS)]
            if len(self._luck) >= 4096:
                self._luck.clear()
            self._luck[seed] = table
        return table

    def fit_of(self, kol) -> float:
        """How well `kol` fits this scenario's brand, 0 to 1."""
        return kol_fit(self.scenario.brand, kol)

    def kol_fatigue(self, state: State) -> float:
        """What a KOL booked from `state` has its fresh reach divided by (1: no booking lately)."""
        return 1.0 + KOL_FATIGUE * state.kol_fatigue

    def book_kol(self, decision: Decision):
        """The KOL a decision books with its top_kol money, and its fit, or (None, 0)."""
        if decision.top_kol <= 0:
            return None, 0.0
        if decision.kol is not None:
            for kol, fit in self._kols:
                if kol.id == decision.kol:
                    return kol, fit
            return None, 0.0
        for kol, fit in self._kols_by_fit:
            if kol.fee <= decision.top_kol:
                return kol, fit
        return None, 0.0

    def resolve(self, state: State, decision: Decision, noise: tuple[float, ...],
                overrides: frozenset[str] = NO_OVERRIDES) -> TurnReport:
        """Play `decision` from `state` with the turn's luck; `state` is left unchanged.

        The decision is assumed valid (see plan.check_decision); amounts are used as given.
        `overrides` (see OVERRIDES) switch parts of the turn off for a counterfactual replay.
        """
        m, brand, creators = self._market, self._brand, self._creators
        turn = state.turn
        ev_name, ev_traffic, competition = self._events[turn - 1]
        if "no_event" in overrides:
            ev_name, ev_traffic, competition = None, 1.0, 0.0
        c, b, p, pr = state.content, state.brand, state.product, state.price

        # the offer: a discount lowers the order value and draws buyers, less and less past the
        # line, and less when buyers have learnt to wait for the brand's deals
        disc = decision.discount / 100.0
        line = m.discount_threshold / 100.0
        pull = disc if disc <= line else line + PAST_LINE_PULL * (disc - line)
        pull /= 1.0 + DEAL_HABIT * state.deal_habit
        discount_orders = (1.0 / (1.0 - pull)) ** m.discount_elasticity
        aov = brand.price * (1.0 - disc)
        awareness_factor = 0.8 + 0.6 * state.awareness / 100.0
        base = m.base_conversion * discount_orders * awareness_factor

        # the platform: its penalty throttles traffic; the ad auction prices reach by last GPM
        throttle = rating_throttle(state.penalty)
        gpm_ratio = state.last_gpm / m.gpm_benchmark if state.last_gpm is not None else 1.0
        auction = math.sqrt(min(2.0, max(0.5, gpm_ratio)))
        reach = auction * (0.75 + 0.005 * c)  # impressions per yuan relative to the cpm

        # service providers hired this turn: more reach and conversion on F or A, for a fee
        reach_fp = conv_fp = reach_ap = conv_ap = 1.0
        fees = 0
        for pid in decision.providers:
            position, p_reach, p_conv, fee = self._providers[pid]
            fees += fee
            if position == "field":
                reach_fp, conv_fp = reach_fp * p_reach, conv_fp * p_conv
            else:
                reach_ap, conv_ap = reach_ap * p_reach, conv_ap * p_conv

        # F: the brand's own live room
        F = self._field
        impr_f, fresh_f, x_f = F.reach(decision.field, state.adstock_field, F.k * F.per_yuan * reach * reach_fp)
        factor_f = strength_factor(F.weights, c, b, p, pr)
        cvr_f = base * F.conv * factor_f * conv_fp * noise[0]
        gmv_f = impr_f * cvr_f * aov

        # A: creators sell on commission; support (the spend) multiplies their reach
        A = self._alliance
        pool_share = state.creators / max(1.0, creators.count)
        organic_a = state.creators * creators.reach * reach_ap
        impr_a, fresh_a, x_a = A.reach(decision.alliance, state.adstock_alliance,
                                             A.k * A.per_yuan * reach * pool_share * reach_ap)
        impr_a, fresh_a = impr_a + organic_a, fresh_a + organic_a
        factor_a = strength_factor(A.weights, c, b, p, pr)
        cvr_a = base * A.conv * factor_a * (0.4 + 0.8 * creators.match) * conv_ap * noise[1]
        gmv_a = impr_a * cvr_a * aov
        rate = decision.commission if decision.commission is not None else creators.default_commission
        commission_a = gmv_a * rate / 100.0

        # C: small outside events; an event multiplies how much it can take (its ceiling and the
        # spend that reaches half of it): the explosive field. Conversion is decided by price
        # competitiveness under the event's competition (a discount counts only up to the line)
        C = self._campaign
        scale = ev_traffic if ev_name else m.campaign_off_event
        impr_c_free, fresh_c, x_c = C.reach(decision.campaign, state.adstock_campaign,
                                                   C.k * C.per_yuan * reach * scale, ev_traffic)
        impr_c, fresh_c = impr_c_free * throttle, fresh_c * throttle
        price_eff = min(100.0, pr + min(decision.discount, m.discount_threshold) * m.discount_lift)
        price_factor = ((price_eff + 10.0) / (NEUTRAL + 10.0)) ** (1.5 * competition) if ev_name else 1.0
        if "neutral_price_check" in overrides:
            price_factor = 1.0
        factor_c = strength_factor(C.weights, c, b, p, pr)
        cvr_c = base * C.conv * factor_c * price_factor * noise[2]
        gmv_c = impr_c * cvr_c * aov

        # T: the booked KOL's audience, more with deeper cooperation, less when that audience
        # saw the brand lately; plus an echo of last turn's booking. Conversion follows fit.
        carry_t, conv_t, w_t = self._kol_params
        spend_t = decision.top_kol
        kol, fit = self.book_kol(decision) if spend_t > 0 else (None, 0.0)
        if "average_fit" in overrides and kol is not None:
            fit = 0.5
        fatigue = self.kol_fatigue(state)
        depth = spend_t / kol.fee if kol is not None else 0.0
        fresh_t = kol.audience * 2.0 * depth / (depth + 1.0) / fatigue if kol is not None else 0.0
        echo = carry_t * state.kol_impressions
        impr_t = fresh_t + echo
        fit_eff = (fresh_t * fit + echo * state.kol_fit) / impr_t if impr_t > 0.0 else 0.0
        factor_t = strength_factor(w_t, c, b, p, pr)
        cvr_t = base * conv_t * factor_t * fit_factor(fit_eff) * noise[3]
        gmv_t = impr_t * cvr_t * aov
        commission_t = gmv_t * kol.commission / 100.0 if kol is not None else 0.0

        # tags: who watched this turn's paid traffic; viewers outside the target blur the tags
        paid = impr_f + impr_a + impr_c + impr_t
        off_target = (impr_a * (1.0 - creators.match) + impr_c * (1.0 - ON_TARGET["campaign"])
                      + impr_t * (1.0 - fit_eff))
        mismatch = off_target / paid if paid > 0.0 else 0.0
        tags = state.tags

        # recommended: the pool amplifies converting traffic (paid GMV counted as impressions
        # at the benchmark GPM), aimed by the tags, saturating against the category's audience
        converting = (gmv_f + RANKING * gmv_a + gmv_t) / m.gpm_benchmark * 1000.0
        ev_organic = 1.0 + (ev_traffic - 1.0) / 4.0
        demand = state.pool * tags * (m.pool_base + m.pool_amplification * converting) * ev_organic
        rec_free = m.audience * demand / (demand + m.audience)
        rec_impr = rec_free * throttle
        throttled = impr_c_free - impr_c + rec_free - rec_impr
        precision = 0.8 + 0.2 * math.sqrt(min(state.pool, 4.0))
        rec_cvr = base * strength_factor(REC_WEIGHTS, c, b, p, pr) * precision * (0.4 + 0.6 * tags) * noise[4]
        rec_gmv = rec_impr * rec_cvr * aov

        # fans: visit mostly while the live room is active (its carryover keeps them a while)
        fan_activity = 0.2 + 0.8 * hill(x_f, F.k)
        fan_impr = state.fans * m.fan_visits * fan_activity * ev_organic
        fan_cvr = base * m.fan_conversion * strength_factor(FAN_WEIGHTS, c, b, p, pr) * noise[5]
        fan_gmv = fan_impr * fan_cvr * aov

        impressions = paid + rec_impr + fan_impr
        gmv = gmv_f + gmv_a + gmv_c + gmv_t + rec_gmv + fan_gmv
        orders = gmv / aov

        # quality: refunds from the category, weak goods and deals
        qp = m.quality_product
        refund_base = m.refund_base / 100.0
        refund_product = 0.3 * (qp - p) / qp if p < qp else 0.0
        refund_discount = m.discount_refunds * disc + (disc - line if disc > line else 0.0)
        refund_rate = min(0.9, refund_base + refund_product + refund_discount)
        refunds = gmv * refund_rate
        net_gmv = gmv - refunds
        cost_of_goods = net_gmv / aov * brand.price * (1.0 - brand.margin / 100.0)
        commissions = commission_a + commission_t
        spend = (decision.field + decision.alliance + decision.campaign + spend_t
                 + decision.content + decision.brand + decision.product + decision.price + fees)
        profit = net_gmv - cost_of_goods - commissions - spend

        # the state moves on: the recommender reads net GPM against the benchmark
        net_gpm = net_gmv / impressions * 1000.0 if impressions > 0.0 else 0.0
        signal = min(2.5, max(0.25, net_gpm / m.gpm_benchmark)) ** m.recommendation_sensitivity
        room_to_grow = 1.0 - state.pool / m.pool_max if signal > 1.0 else 1.0  # growth slows near the top
        pool = min(m.pool_max, max(0.2, state.pool * (1.0 + m.recommendation_speed * (signal - 1.0) * room_to_grow)))
        tags_after = min(1.0, max(0.2, tags + m.tag_speed * ((1.0 - mismatch) - tags))) if paid > 0.0 else tags
        service = 5.0 - 10.0 * (refund_rate - refund_base)  # the rating this turn's service earns
        rating = min(5.0, max(1.0, state.rating + m.rating_speed * (service - state.rating)))
        price_check = disc > line and m.price_check > 0.0
        penalty = state.penalty
        if rating < m.rating_threshold:
            penalty = max(penalty, 0.2 + 0.5 * (m.rating_threshold - rating))
        elif penalty > 0.0:
            penalty = max(0.0, penalty - m.penalty_recovery)
        if price_check:
            penalty = penalty + m.price_check * (disc - line)
        penalty = min(0.75, penalty)

        support = hill(x_a, A.k)
        ref_rate = max(1.0, creators.default_commission)
        room = max(0.0, 1.0 - state.creators / (creators.capacity * max(1.0, creators.count)))
        recruits = (creators.growth * creators.count * math.sqrt(rate / ref_rate) * (0.2 + 0.8 * support)
                    * (0.5 + p / 100.0) * reach_ap * room)
        leaving = state.creators * creators.churn / 100.0
        new_creators = state.creators - leaving + recruits

        follows = m.follow_rate * (impr_f * (0.5 + c / 100.0)
                                   + 0.1 * (impr_a + impr_t * fit_eff + impr_c + rec_impr))
        fan_churn = (m.fan_churn + m.fan_churn_idle * (1.0 - fan_activity)) / 100.0
        new_fans = state.fans * (1.0 - min(1.0, fan_churn)) + follows

        seen = 3.0 * impr_t * fit_eff + 0.5 * impr_c + 0.3 * (impr_f + impr_a) + 0.1 * rec_impr
        aw = state.awareness
        new_awareness = min(100.0, aw * 0.97 + (100.0 - aw) * 0.2 * seen / (seen + m.awareness_scale))

        # strengths: an investment closes at most 40% of the gap to 100, with diminishing returns
        decay = 1.0 - m.strength_decay / 100.0
        cost = float(m.strength_cost)
        g_c = (100.0 - c) * 0.4 * hill(decision.content, cost)
        g_b = (100.0 - b) * 0.4 * hill(decision.brand, cost)
        g_p = (100.0 - p) * 0.4 * hill(decision.product, cost)
        g_pr = (100.0 - pr) * 0.4 * hill(decision.price, cost)

        after = State(
            turn=turn + 1,
            content=c * decay + g_c,
            brand=max(0.0, b * decay + g_b - decision.discount * m.discount_brand_cost),
            product=p * decay + g_p,
            price=pr * decay + g_pr,
            awareness=new_awareness, fans=new_fans, rating=rating, pool=pool, creators=new_creators,
            tags=tags_after, penalty=penalty, deal_habit=0.6 * state.deal_habit + disc,
            adstock_field=x_f, adstock_alliance=x_a, adstock_campaign=x_c,
            kol_impressions=fresh_t, kol_fit=fit,
            kol_fatigue=0.5 * state.kol_fatigue + (1.0 if kol is not None else 0.0),
            last_gpm=net_gpm, last_gmv=gmv, last_pool=state.pool,
        )
        channels = (
            (decision.field, impr_f, impr_f * cvr_f, gmv_f, 0.0, impr_f - fresh_f, factor_f),
            (decision.alliance, impr_a, impr_a * cvr_a, gmv_a, commission_a, impr_a - fresh_a, factor_a),
            (decision.campaign, impr_c, impr_c * cvr_c, gmv_c, 0.0, impr_c - fresh_c, factor_c),
            (spend_t, impr_t, impr_t * cvr_t, gmv_t, commission_t, echo, factor_t),
        )
        drivers = dict(
            pool_before=state.pool, pool_change=state.pool / state.last_pool - 1.0,
            gpm_signal=gpm_ratio if state.last_gpm is not None else None,
            recommendation_boost=state.pool * tags * throttle * ev_organic, auction=auction,
            throttle=throttle, throttled_impressions=throttled,
            event=ev_name, event_traffic=ev_traffic, competition=competition,
            campaign_multiplier=ev_traffic / m.campaign_off_event if ev_name else 1.0,
            price_factor=price_factor, discount_orders=discount_orders, fan_activity=fan_activity,
            kol=kol.id if kol is not None else None, kol_fit=fit, kol_fatigue=state.kol_fatigue,
            awareness_factor=awareness_factor, luck=sum(noise) / len(noise),
            refund_rate=refund_rate, refund_base=refund_base, refund_product=refund_product,
            refund_discount=refund_discount,
            provider_field=reach_fp * conv_fp, provider_alliance=reach_ap * conv_ap,
            tags=tags, tags_after=tags_after, mismatch=mismatch, audience_share=rec_impr / m.audience,
            penalty_after=penalty, price_check=price_check,
            strength_gains={"content": g_c, "brand": g_b, "product": g_p, "price": g_pr},
            creators_joining=recruits, creators_leaving=leaving,
        )
        return TurnReport(
            turn=turn, budget=self._budgets[turn - 1], decision=decision, channel_data=channels,
            recommended=SourceResult(rec_impr, rec_impr * rec_cvr, rec_gmv),
            fans=SourceResult(fan_impr, fan_impr * fan_cvr, fan_gmv),
            impressions=impressions, orders=orders, gmv=gmv, refunds=refunds, net_gmv=net_gmv,
            spend=spend, commissions=commissions, cost_of_goods=cost_of_goods, profit=profit,
            before=state, after=after, driver_data=drivers, luck=noise, engine=self,
        )


class Game:
    """One play of a scenario with one seed: step through the turns, keep the reports."""

    def __init__(self, engine: Engine, seed: int):
        self.engine = engine
        self.scenario = engine.scenario
        self.seed = seed
        self._noise = engine.luck(seed)
        self._turns = self.scenario.turns
        self._budgets = engine._budgets
        self.state = engine.initial_state()
        self.reports: list[TurnReport] = []

    @property
    def turn(self) -> int:
        """The turn to be played next, 1-based."""
        return self.state.turn

    @property
    def finished(self) -> bool:
        """True once every turn has been played."""
        return self.state.turn > self._turns

    def _resolve(self, decision: Decision) -> TurnReport:
        state = self.state
        turn = state.turn
        if turn > self._turns:
            raise PlanError([(None, "turn", f"the game is over: all {self._turns} turns are played")])
        problems = check_decision(self.scenario, turn, decision, self._budgets[turn - 1])
        if problems:
            raise PlanError(problems)
        return self.engine.resolve(state, decision, self._noise[turn - 1])

    def preview(self, decision: Decision) -> TurnReport:
        """What `decision` would bring this turn, without playing it."""
        return self._resolve(decision)

    def step(self, decision: Decision) -> TurnReport:
        """Play this turn with `decision` and move on; PlanError if it cannot be played."""
        report = self._resolve(decision)
        self.state = report.after
        self.reports.append(report)
        return report

    def play(self, decisions: list[Decision]) -> list[TurnReport]:
        """Play the remaining turns with `decisions`, one per turn."""
        return [self.step(d) for d in decisions]


def simulate(scenario: Scenario, decisions: list[Decision], seed: int | None = None) -> Game:
    """Play a whole game headless and return it (its reports and result)."""
    game = Engine(scenario).new_game(seed)
    game.play(decisions)
    return game


__all__ = [
    "POSITIONS", "ChannelResult", "Drivers", "Engine", "Game", "SourceResult", "State",
    "TurnReport", "rating_throttle", "simulate",
]
