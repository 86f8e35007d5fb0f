"""Scoring: a game's figures, its objectives, stars and score.

Each objective earns points: 1,000 when its metric reaches the three-star threshold
(the highest given), in proportion below it, and above it 1,000 x (1 + 0.5 ln(value /
threshold)): the points keep rising, each further step worth less, so a better plan
always scores better but no objective can be farmed at the expense of the others. The
score is the weighted mean of the points. An objective's stars are the thresholds its metric
reaches; the game's stars are the fewest any objective earned, so three stars mean
every objective was met in full.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from trainer.core.engine import TurnReport, gpm_of, roi_of
from trainer.core.scenario import Objective, Scenario

ABOVE_TOP = 0.5
"""Points above the three-star threshold grow as 1,000 x ABOVE_TOP x ln(value / threshold)."""


@dataclass(slots=True, frozen=True)
class Totals:
    """The figures of a game so far, summed over its turns."""

    turns: int
    gmv: float
    net_gmv: float
    impressions: float
    spend: float
    commissions: float
    profit: float
    fans: float
    rating: float
    awareness: float

    @property
    def gpm(self) -> float:
        """GMV net of refunds per 1,000 impressions over the game: the GPM the platform reads."""
        return gpm_of(self.net_gmv, self.impressions)

    @property
    def roi(self) -> float:
        """GMV per yuan spent over the game."""
        return roi_of(self.gmv, self.spend)

    def metric(self, name: str) -> float:
        """The value of an objective metric (see scenario.Metric)."""
        return float(getattr(self, name))


def totals(scenario: Scenario, reports: Sequence[TurnReport]) -> Totals:
    """Sum a game's reports; with no report, the starting position."""
    if reports:
        last = reports[-1].after
        fans, rating, awareness = last.fans, last.rating, last.awareness
    else:
        b = scenario.brand
        fans, rating, awareness = float(b.fans), b.rating, b.awareness
    return Totals(
        turns=len(reports),
        gmv=sum(r.gmv for r in reports),
        net_gmv=sum(r.net_gmv for r in reports),
        impressions=sum(r.impressions for r in reports),
        spend=sum(r.spend for r in reports),
        commissions=sum(r.commissions for r in reports),
        profit=sum(r.profit for r in reports),
        fans=fans,
        rating=rating,
        awareness=awareness,
    )


@dataclass(slots=True, frozen=True)
class ObjectiveResult:
    """How a game did on one objective."""

    objective: Objective
    value: float
    stars: int
    points: float

    @property
    def met(self) -> bool:
        """At least one star."""
        return self.stars > 0


@dataclass(slots=True, frozen=True)
class Result:
    """A game's score: the totals, each objective and the stars."""

    totals: Totals
    objectives: tuple[ObjectiveResult, ...]
    score: int
    stars: int


def points_of(value: float, top: float) -> float:
    """Points for a metric value against the three-star threshold `top`."""
    if top <= 0:
        return 1000.0 if value >= 0 else 0.0
    share = value / top
    if share <= 1.0:
        return 1000.0 * max(0.0, share)
    return 1000.0 * (1.0 + ABOVE_TOP * math.log(share))


def evaluate(objective: Objective, value: float) -> ObjectiveResult:
    """Stars and points of one objective for a metric value."""
    stars = sum(1 for threshold in objective.stars if value >= threshold)
    return ObjectiveResult(objective, value, stars, points_of(value, objective.stars[-1]))


def score(scenario: Scenario, reports: Sequence[TurnReport]) -> Result:
    """Score a game (whole or so far) against the scenario's objectives."""
    t = totals(scenario, reports)
    results = tuple(evaluate(o, t.metric(o.metric)) for o in scenario.objectives)
    weight = sum(o.weight for o in scenario.objectives)
    points = sum(r.points * r.objective.weight for r in results) / weight
    return Result(t, results, int(round(points)), min(r.stars for r in results))
