"""The FACT market model: decisions in, a turn report out, the state moved on.

One turn (a week) works like this, every step visible in the report's drivers:

1. **Paid reach.** Spend on F, A and C adds to what still works from earlier turns
   (carryover, `x_eff = spend + carryover * x_eff_last`) and buys impressions on a Hill
   saturation curve whose ceiling is `saturation * 1000 / cpm`: the first yuan buy at
   the cost of reach `cpm`, each further yuan less. Content strength makes reach
   cheaper. Campaign reach is small outside events and multiplied in event turns.
   T reach is the booked KOL's audience, more with deeper cooperation (paying more
   than the slot fee), less than proportionally.
2. **Organic reach.** The recommender shows the store to `pool level x (pool_base +
   amplification x paid impressions)` people; the pool level moves each turn with the
   last turn's GPM against the category benchmark: the snowball. Fans visit the
   store, more while self-broadcast is active.
3. **Conversion.** Orders per impression = base conversion x the position's
   conversion x a strengths multiplier (its weights over content, brand, product,
   price) x brand awareness x the turn's luck; in event turns campaign conversion is
   scaled by price competitiveness to the power of the competition; KOL conversion
   by fit. A discount raises orders and lowers the order value.
4. **Quality.** Refunds grow with a weak product and with discounts past the
   threshold; refunds move the store rating, and a rating below the threshold
   throttles recommended and campaign traffic from the next turn on.
5. **State.** Fans, creators, strengths, awareness, the pool level and rating move.

Numbers are floats inside; the engine never rounds or formats for a screen.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field, fields

from trainer.core.plan import Decision, PlanError, check_decision
from trainer.core.scenario import POSITIONS, STRENGTHS, Scenario, kol_fit, provider_strength

MODEL_VERSION = 3
"""The market model's version: raise it whenever the same scenario, seed and decisions would
give different figures (tests/core/test_golden.py fails until it is raised). Saves record
it, so an old save replayed by a newer model is reported as such, not as edited."""

NEUTRAL = 50.0  # strengths at 50 leave conversion as it is
KOL_FATIGUE = 1.0  # each recent booking (half fading a turn) divides fresh KOL reach by 1 + this


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
    last_gmv: float | None = None
    last_pool: float = 1.0
    """The pool level a turn earlier, to tell how it moved."""

    def copy(self) -> State:
        """An independent copy."""
        return State(*(getattr(self, name) for name in _STATE_FIELDS))

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
    saturation_loss: float = 0.0
    """GMV the spend would have brought at the first yuan's cost of reach, less what it brought."""
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
    """Last turn's GPM over the category benchmark: what moved the pool (None in turn 1)."""
    recommendation_boost: float
    """Recommended impressions relative to pool level 1 with this turn's paid traffic (pool x throttle x event)."""
    auction: float
    """How much cheaper paid reach was thanks to last turn's GPM (above 1 cheaper, below 1 dearer)."""
    throttle: float
    """Traffic factor from the store rating (1 = no throttling)."""
    throttled_impressions: float
    """Recommended and campaign impressions the rating cost."""
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
    """How active self-broadcast kept the fans, 0.3 to 1."""
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
    """Refund rate added by a discount past the threshold."""
    provider_field: float
    """Reach x conversion multiplier on F from hired service providers (1 = none)."""
    provider_alliance: float
    """Reach x conversion multiplier on A from hired service providers (1 = none)."""
    strength_gains: dict[str, float] = field(default_factory=dict)
    """Points each strength gained from this turn's investment (before decay)."""


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
    """(spend, impressions, orders, gmv, commission, carryover, saturation loss, factor) per position."""
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
    driver_data: tuple
    """The Drivers fields, in order."""
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
            data = self.driver_data
            self._drivers = Drivers(*data[:-1], dict(zip(STRENGTHS, data[-1])))
        return self._drivers

    @property
    def gpm(self) -> float:
        """GMV per 1,000 impressions over every source."""
        return gpm_of(self.gmv, self.impressions)

    @property
    def roi(self) -> float:
        """GMV per yuan of the turn's spend (0 with no spend)."""
        return roi_of(self.gmv, self.spend)

    @property
    def paid_impressions(self) -> float:
        """Impressions bought on the four positions."""
        return sum(c.impressions for c in self.channels.values())


# A position's strengths multiplier on conversion is 0.25 + 1.5 x (weighted mean of the
# strengths) / 100: 0.25 at all strengths 0, 1 at 50, 1.75 at 100. Recommended viewers
# weigh content and product (0.4, 0.1, 0.4, 0.1); fans already know the brand
# (0.1, 0.3, 0.4, 0.2).
_NOISE_DRAWS = 6  # one per position, recommended and fans; drawn whatever the decisions


def rating_throttle(rating: float, threshold: float) -> float:
    """Traffic factor for a store rating: 1 at or above the threshold, then down to 0.25."""
    if rating >= threshold:
        return 1.0
    return max(0.25, 1.0 - (threshold - rating))


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

    __slots__ = ("name", "per_yuan", "k", "shape", "carry", "conv", "weights")

    def __init__(self, name: str, params):
        self.name = name
        self.per_yuan = 1000.0 / params.cpm  # impressions per yuan at the first yuan
        self.k = float(params.saturation)
        self.shape = params.shape
        self.carry = params.carryover
        self.conv = params.conversion
        self.weights = params.weights.normalised()

    def curve(self, x: float) -> float:
        """The share of the ceiling that effective spend `x` reaches (Hill)."""
        if x <= 0.0:
            return 0.0
        if self.shape == 1.0:
            return x / (x + self.k)
        xs = x**self.shape
        return xs / (xs + self.k**self.shape)


class Engine:
    """A scenario compiled for play: start games from it, as many as needed."""

    def __init__(self, scenario: Scenario):
        self.scenario = scenario
        m = scenario.market
        self._market = _flat(m)
        self._brand = _flat(scenario.brand)
        self._creators = _flat(scenario.creators)
        self._field = _Paid("field", m.field)
        self._alliance = _Paid("alliance", m.alliance)
        self._campaign = _Paid("campaign", m.campaign)
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
            creators=float(scenario.creators.count),
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

    def resolve(self, state: State, decision: Decision, noise: tuple[float, ...]) -> TurnReport:
        """Play `decision` from `state` with the turn's luck; `state` is left unchanged.

        The decision is assumed valid (see plan.check_decision); amounts are used as given.
        This is the hot path of bots and searches: plain locals, no allocation it can avoid.
        """
        m = self._market
        brand = self._brand
        creators = self._creators
        turn = state.turn
        ev_name, ev_traffic, competition = self._events[turn - 1]
        c, b, p, pr = state.content, state.brand, state.product, state.price

        disc = decision.discount / 100.0
        aov = brand.price * (1.0 - disc)
        discount_orders = (1.0 / (1.0 - disc)) ** m.discount_elasticity if disc > 0.0 else 1.0
        awareness_factor = 0.85 + 0.3 * state.awareness / 100.0
        rating = state.rating
        throttle = 1.0 if rating >= m.rating_threshold else max(0.25, 1.0 - (m.rating_threshold - rating))
        # content makes reach cheaper, and so does a store that converts: the ad auction
        # ranks by expected GMV per impression, so last turn's GPM prices this turn's reach
        last_gpm = state.last_gpm
        gpm_ratio = last_gpm / m.gpm_benchmark if last_gpm is not None else 1.0
        auction = math.sqrt(2.0 if gpm_ratio > 2.0 else (0.5 if gpm_ratio < 0.5 else gpm_ratio))
        reach = auction / (1.25 - 0.005 * c)  # impressions per yuan, relative to the cpm
        base = m.base_conversion * discount_orders * awareness_factor

        # service providers hired this turn: more reach and conversion on F or A, for a fee
        reach_fp = conv_fp = reach_ap = conv_ap = 1.0
        fees = 0
        for pid in decision.providers:
            position, p_reach, p_conv, fee = self._providers[pid]
            fees += fee
            if position == "field":
                reach_fp *= p_reach
                conv_fp *= p_conv
            else:
                reach_ap *= p_reach
                conv_ap *= p_conv

        # F: self-broadcast
        P = self._field
        spend_f = decision.field
        x_f = spend_f + P.carry * state.adstock_field
        ceil_f = P.k * P.per_yuan * reach * reach_fp
        if P.shape == 1.0:  # the common case, inlined
            impr_f = ceil_f * x_f / (x_f + P.k) if x_f > 0.0 else 0.0
            fresh_f = ceil_f * spend_f / (spend_f + P.k) if spend_f > 0.0 else 0.0
        else:
            impr_f = ceil_f * P.curve(x_f)
            fresh_f = ceil_f * P.curve(spend_f)
        w = P.weights
        factor_f = 0.25 + 0.015 * (w[0] * c + w[1] * b + w[2] * p + w[3] * pr)
        cvr_f = base * P.conv * factor_f * conv_fp * noise[0]
        orders_f = impr_f * cvr_f
        gmv_f = orders_f * aov
        sat_f = spend_f * P.per_yuan * reach * reach_fp - fresh_f
        field = (spend_f, impr_f, orders_f, gmv_f, 0.0, impr_f - fresh_f,
                 sat_f * cvr_f * aov if sat_f > 0.0 else 0.0, factor_f)
        k_field = P.k

        # A: creators sell on commission alone; support (the spend) multiplies their reach
        P = self._alliance
        spend_a = decision.alliance
        x_a = spend_a + P.carry * state.adstock_alliance
        pool_share = state.creators / (creators.count if creators.count > 1 else 1.0)
        organic_a = state.creators * creators.reach * reach_ap
        ceil_a = P.k * P.per_yuan * reach * pool_share * reach_ap
        if P.shape == 1.0:
            impr_a = (ceil_a * x_a / (x_a + P.k) if x_a > 0.0 else 0.0) + organic_a
            fresh_a = (ceil_a * spend_a / (spend_a + P.k) if spend_a > 0.0 else 0.0) + organic_a
        else:
            impr_a = ceil_a * P.curve(x_a) + organic_a
            fresh_a = ceil_a * P.curve(spend_a) + organic_a
        w = P.weights
        factor_a = 0.25 + 0.015 * (w[0] * c + w[1] * b + w[2] * p + w[3] * pr)
        cvr_a = base * P.conv * factor_a * (0.5 + 0.7 * creators.match) * conv_ap * noise[1]
        orders_a = impr_a * cvr_a
        gmv_a = orders_a * aov
        rate = decision.commission if decision.commission is not None else creators.default_commission
        sat_a = spend_a * P.per_yuan * reach * pool_share * reach_ap + organic_a - fresh_a
        commission_a = gmv_a * rate / 100.0
        alliance = (spend_a, impr_a, orders_a, gmv_a, commission_a, impr_a - fresh_a,
                    sat_a * cvr_a * aov if sat_a > 0.0 else 0.0, factor_a)
        k_alliance = P.k

        # C: small outside events; in event turns bigger by the event's traffic, and
        # conversion decided by price competitiveness to the power of the competition
        P = self._campaign
        spend_c = decision.campaign
        x_c = spend_c + P.carry * state.adstock_campaign
        scale = ev_traffic if ev_name else m.campaign_off_event
        ceil_c = P.k * P.per_yuan * reach * scale
        if P.shape == 1.0:
            impr_c_free = ceil_c * x_c / (x_c + P.k) if x_c > 0.0 else 0.0
            fresh_c = (ceil_c * spend_c / (spend_c + P.k) if spend_c > 0.0 else 0.0) * throttle
        else:
            impr_c_free = ceil_c * P.curve(x_c)
            fresh_c = ceil_c * P.curve(spend_c) * throttle
        throttled = impr_c_free * (1.0 - throttle)
        impr_c = impr_c_free * throttle
        w = P.weights
        factor_c = 0.25 + 0.015 * (w[0] * c + w[1] * b + w[2] * p + w[3] * pr)
        price_factor = 1.0
        if ev_name:
            price_eff = pr + decision.discount * m.discount_lift
            if price_eff > 100.0:
                price_eff = 100.0
            price_factor = ((price_eff + 10.0) / (NEUTRAL + 10.0)) ** (2.0 * competition)
        cvr_c = base * P.conv * factor_c * price_factor * noise[2]
        orders_c = impr_c * cvr_c
        gmv_c = orders_c * aov
        sat_c = spend_c * P.per_yuan * reach * scale * throttle - fresh_c
        campaign = (spend_c, impr_c, orders_c, gmv_c, 0.0, impr_c - fresh_c,
                    sat_c * cvr_c * aov if sat_c > 0.0 else 0.0, factor_c)

        # T: the booked KOL's audience, more with deeper cooperation, less when the
        # audience saw the brand lately; plus an echo of last turn's booking
        carry_t, conv_t, w = self._kol_params
        spend_t = decision.top_kol
        kol, fit = self.book_kol(decision) if spend_t > 0 else (None, 0.0)
        fatigue = 1.0 + KOL_FATIGUE * state.kol_fatigue
        fresh_t = 0.0
        linear_t = 0.0
        if kol is not None:
            depth = spend_t / kol.fee
            fresh_t = kol.audience * 2.0 * depth / (depth + 1.0) / fatigue
            linear_t = kol.audience * depth / fatigue
        echo = carry_t * state.kol_impressions
        impr_t = fresh_t + echo
        fit_eff = (fresh_t * fit + echo * state.kol_fit) / impr_t if impr_t > 0.0 else 0.0
        factor_t = 0.25 + 0.015 * (w[0] * c + w[1] * b + w[2] * p + w[3] * pr)
        cvr_t = base * conv_t * factor_t * (0.3 + fit_eff) * noise[3]
        orders_t = impr_t * cvr_t
        gmv_t = orders_t * aov
        commission_t = gmv_t * kol.commission / 100.0 if kol is not None else 0.0
        top_kol = (spend_t, impr_t, orders_t, gmv_t, commission_t, echo,
                   (linear_t - fresh_t) * cvr_t * aov if linear_t > fresh_t else 0.0, factor_t)

        # recommended: the pool amplifies the store's own content (not the platform's
        # event traffic), scaled by the pool level that GPM history earned
        ev_organic = 1.0 + (ev_traffic - 1.0) / 4.0
        rec_free = state.pool * (m.pool_base + m.pool_amplification * (impr_f + impr_a + impr_t)) * ev_organic
        rec_impr = rec_free * throttle
        throttled += rec_free - rec_impr
        pool_now = state.pool if state.pool < 4.0 else 4.0
        precision = 0.8 + 0.2 * math.sqrt(pool_now)
        rec_cvr = base * (0.25 + 0.015 * (0.4 * c + 0.1 * b + 0.4 * p + 0.1 * pr)) * precision * noise[4]
        rec_orders = rec_impr * rec_cvr
        recommended = SourceResult(rec_impr, rec_orders, rec_orders * aov)

        # fans: visit more while the live room is active (carryover keeps them coming a while)
        fan_activity = 0.3 + 0.7 * x_f / (x_f + k_field)
        fan_impr = state.fans * m.fan_visits * fan_activity * (1.0 + (ev_traffic - 1.0) / 4.0)
        fan_cvr = base * m.fan_conversion * (0.25 + 0.015 * (0.1 * c + 0.3 * b + 0.4 * p + 0.2 * pr)) * noise[5]
        fan_orders = fan_impr * fan_cvr
        fans = SourceResult(fan_impr, fan_orders, fan_orders * aov)

        impressions = impr_f + impr_a + impr_c + impr_t + rec_impr + fan_impr
        orders = orders_f + orders_a + orders_c + orders_t + rec_orders + fan_orders
        gmv = orders * aov

        # quality: refunds from weak goods and deep discounts
        refund_base = m.refund_base / 100.0
        qp = m.quality_product
        refund_product = 0.25 * (qp - p) / qp if p < qp else 0.0
        # impulse buyers drawn by a deal return more: a little for any discount, steeply past the line
        refund_discount = m.discount_refunds * decision.discount / 100.0
        if decision.discount > m.discount_threshold:
            refund_discount += (decision.discount - m.discount_threshold) / 100.0
        refund_rate = refund_base + refund_product + refund_discount
        if refund_rate > 0.8:
            refund_rate = 0.8
        refunds = gmv * refund_rate
        net_gmv = gmv - refunds
        cost_of_goods = net_gmv * (1.0 - brand.margin / 100.0) / (1.0 - disc)
        commissions = commission_a + commission_t
        spend = (spend_f + spend_a + spend_c + spend_t
                 + decision.content + decision.brand + decision.product + decision.price + fees)
        profit = net_gmv - cost_of_goods - commissions - spend

        # the state moves on
        gpm = gmv / impressions * 1000.0 if impressions > 0.0 else 0.0
        signal = gpm / m.gpm_benchmark
        signal = (5.0 if signal > 5.0 else (0.2 if signal < 0.2 else signal)) ** m.recommendation_sensitivity
        pool = state.pool * (1.0 + m.recommendation_speed * (signal - 1.0))
        pool = m.pool_max if pool > m.pool_max else (0.1 if pool < 0.1 else pool)
        new_rating = rating + 0.5 * (5.0 - 10.0 * max(0.0, refund_rate - refund_base) - rating)
        new_rating = 5.0 if new_rating > 5.0 else (1.0 if new_rating < 1.0 else new_rating)
        support = x_a / (x_a + k_alliance)
        ref_rate = creators.default_commission if creators.default_commission > 1.0 else 1.0
        recruits = (creators.growth * creators.count * (rate / ref_rate) ** 1.5
                    * (0.2 + 0.8 * support) * (0.5 + p / 100.0) * reach_ap)
        new_creators = state.creators * (1.0 - creators.churn / 100.0) + recruits
        follows = m.follow_rate * (impr_f * (0.5 + c / 100.0)
                                   + 0.25 * (impr_a + impr_t * fit_eff + impr_c + rec_impr))
        new_fans = state.fans * (1.0 - m.fan_churn / 100.0) + follows
        weighted = 3.0 * impr_t * fit_eff + 0.5 * impr_c + 0.3 * (impr_f + impr_a) + 0.1 * rec_impr
        aw = state.awareness
        new_awareness = aw * 0.97 + (100.0 - aw) * 0.2 * weighted / (weighted + m.awareness_scale)
        if new_awareness > 100.0:
            new_awareness = 100.0
        decay = 1.0 - m.strength_decay / 100.0
        cost = float(m.strength_cost)
        inv = decision.content
        g_c = (100.0 - c) * 0.4 * inv / (inv + cost) if inv > 0 else 0.0
        inv = decision.brand
        g_b = (100.0 - b) * 0.4 * inv / (inv + cost) if inv > 0 else 0.0
        inv = decision.product
        g_p = (100.0 - p) * 0.4 * inv / (inv + cost) if inv > 0 else 0.0
        inv = decision.price
        g_pr = (100.0 - pr) * 0.4 * inv / (inv + cost) if inv > 0 else 0.0
        # a gain closes at most 40% of the gap to 100, so strengths stay within 0..100
        after = State(
            turn + 1,
            c * decay + g_c, max(0.0, b * decay + g_b - decision.discount * m.discount_brand_cost),
            p * decay + g_p, pr * decay + g_pr,
            new_awareness, new_fans, new_rating, pool, new_creators,
            x_f, x_a, x_c, fresh_t, fit, 0.5 * state.kol_fatigue + (1.0 if kol is not None else 0.0),
            gpm, gmv, state.pool,
        )
        drivers = (
            state.pool, state.pool / state.last_pool - 1.0, gpm_ratio if last_gpm is not None else None,
            state.pool * throttle * ev_organic, auction, throttle, throttled,
            ev_name, ev_traffic, competition,
            ev_traffic / m.campaign_off_event if ev_name else 1.0,
            price_factor, discount_orders, fan_activity,
            kol.id if kol is not None else None, fit, state.kol_fatigue, awareness_factor,
            (noise[0] + noise[1] + noise[2] + noise[3] + noise[4] + noise[5]) / 6.0,
            refund_rate, refund_base, refund_product, refund_discount,
            reach_fp * conv_fp, reach_ap * conv_ap,
            (g_c, g_b, g_p, g_pr),
        )  # the fields of Drivers, in order
        return TurnReport(
            turn, self._budgets[turn - 1], decision,
            (field, alliance, campaign, top_kol),
            recommended, fans, impressions, orders, gmv, refunds, net_gmv, spend, commissions,
            cost_of_goods, profit, state, after, drivers,
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
