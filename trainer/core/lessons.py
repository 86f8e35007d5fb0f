"""The lesson report: a level's lessons proven against the best plan, not only the bots.

For a level, `lesson_report` finds the optimum (trainer.core.search), then, for every
`remove` and `exploit` lesson the level claims, re-optimises with that part taken away or
that degenerate move forced in, and measures what it costs: (optimum - constrained) /
optimum, on the mean unrounded score over the same seeds. A lesson holds when the cost is
at least its `margin`. The report also gives the magnitudes of the optimum's games (GMV
per marketing yuan over the game and in its best week, the refund share, the fans' share,
the traffic pool) so an author can see that the level stays in plausible bands.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable
from dataclasses import dataclass, field

from trainer.core.engine import Engine
from trainer.core.problems import Said
from trainer.core.scenario import POSITIONS, Lesson, Scenario
from trainer.core.rules import FESTIVAL_MAX, Finding, festival_weeks
from trainer.core.search import Constraint, default_seeds, optimise
from trainer.i18n import N_

ROI_BAND = (3.0, 12.0)
"""GMV per marketing yuan (spend plus commissions) over a game, for the optimum."""
WEEK_ROI_MAX = 20.0
"""The most GMV per marketing yuan any week of the optimum may bring."""
FIRE_SALE_WEEKS = 3
FIRE_SALE_DEPTH = 70.0


@dataclass(slots=True, frozen=True)
class Claim:
    """One optimum-based lesson and what re-optimising under it found."""

    lesson: Lesson
    label: Said | None
    """What the best plan was re-optimised under (None: the lesson cannot apply to this level)."""
    fitness: float | None
    """The constrained optimum's mean score (None: the lesson cannot apply to this level)."""
    loss: float | None
    """(optimum - constrained) / optimum."""
    note: Said | None = None
    """Why the lesson cannot apply to this level."""

    @property
    def held(self) -> bool:
        return self.loss is not None and self.loss >= self.lesson.margin


@dataclass(slots=True, frozen=True)
class Magnitudes:
    """The optimum's games, in the figures the bands are written in (means over the seeds)."""

    roi: float
    """GMV per marketing yuan (spend plus commissions) over the game."""
    week_roi: float
    """The highest GMV per marketing yuan of any week that spent a tenth of its budget."""
    refund_share: float
    fan_share: float
    """Share of GMV bought by fans."""
    field_fan_share: float
    """Fans' GMV as a share of F's own GMV plus the fans'."""
    pool_max: float
    pool_end: float
    festival: float = 0.0
    """The biggest event week's GMV as a multiple of an ordinary week's (0: no event)."""

    def problems(self) -> list[Finding]:
        """What is outside the model's bands (trainer.core.rules.Finding)."""
        out = []
        if not ROI_BAND[0] <= self.roi <= ROI_BAND[1]:
            out.append(Finding("optimum-gmv-per-yuan", N_(
                "GMV per marketing yuan over the game is {roi:.1f}, outside {low:g}-{high:g}"),
                {"roi": self.roi, "low": ROI_BAND[0], "high": ROI_BAND[1]}, ("market",)))
        if self.week_roi > WEEK_ROI_MAX:
            out.append(Finding("optimum-week-gmv-per-yuan", N_(
                "a week brings {week:.1f} GMV per marketing yuan, above {most:g}"),
                {"week": self.week_roi, "most": WEEK_ROI_MAX}, ("market",)))
        if self.festival > FESTIVAL_MAX:
            out.append(Finding("optimum-festival", N_(
                "the best plan's biggest event week brings {ratio:.1f} times an ordinary week's GMV, above {limit:g}: "
                "lower the event's traffic or competition, or the budget of its weeks"),
                {"ratio": self.festival, "limit": FESTIVAL_MAX}, ("events",)))
        return out


@dataclass(slots=True)
class LessonReport:
    scenario: Scenario
    seeds: tuple[int, ...]
    evaluations: int
    optimum: float
    optimum_score: int
    optimum_stars: int
    mix: dict[str, float]
    """Share of the optimum's money on each key over the game."""
    magnitudes: Magnitudes
    claims: list[Claim] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return all(c.held for c in self.claims if c.fitness is not None) and not self.magnitudes.problems()


def _off_fit_star(scenario: Scenario):
    engine = Engine(scenario)
    if not scenario.kols:
        return None
    best = max(engine.fit_of(k) for k in scenario.kols)
    off = [k for k in scenario.kols if engine.fit_of(k) < best]
    return max(off, key=lambda k: k.audience) if off else None


def constraints_for(scenario: Scenario, lesson: Lesson) -> tuple[list[Constraint], Said | None]:
    """The constraints a lesson re-optimises under (the best of several counts), and a note
    when the lesson cannot apply to this level."""
    if lesson.remove:
        what = lesson.remove
        if what in POSITIONS or what == "strengths":
            return [Constraint(zero=frozenset({what}), label=Said(f"under.without_{what}"))], None
        if what == "campaign_in_events":
            if not scenario.events:
                return [], Said("lesson.no_event")
            return [Constraint(zero_in_events=frozenset({"campaign"}), label=Said("under.without_campaign_in_events"))], None
        if what == "discounts":
            return [Constraint(max_discount=0.0, label=Said("under.without_discounts"))], None
        if what == "fit":
            engine = Engine(scenario)
            if not scenario.kols:
                return [], Said("lesson.no_kol")
            best = max(engine.fit_of(k) for k in scenario.kols)
            poorer = tuple(k.id for k in scenario.kols if engine.fit_of(k) < best)
            return [Constraint(kols=poorer, label=Said("under.poorer_fit"))], None
    if lesson.exploit == "fire_sale":
        floors = tuple((t, FIRE_SALE_DEPTH) for t in range(1, min(FIRE_SALE_WEEKS, scenario.turns) + 1))
        return [Constraint(min_discount=floors, label=Said("under.fire_sale", depth=FIRE_SALE_DEPTH / 100,
                                                            n=min(FIRE_SALE_WEEKS, scenario.turns)))], None
    if lesson.exploit == "one_position":
        return [Constraint(only_position=p, label=Said(f"under.only_{p}")) for p in POSITIONS], None
    if lesson.exploit == "off_fit_star":
        star = _off_fit_star(scenario)
        if star is None:
            return [], Said("lesson.no_off_fit_kol")
        return [Constraint(kols=(star.id,), label=Said("under.star", kol=star.name))], None
    return [], Said("lesson.not_optimum")


def _magnitudes(scenario: Scenario, plan, seeds) -> Magnitudes:
    engine = Engine(scenario)
    rows = []
    for seed in seeds:
        game = engine.new_game(seed)
        game.play(plan)
        reports = game.reports
        gmv = sum(r.gmv for r in reports)
        cost = sum(r.spend + r.commissions for r in reports)
        weeks = [r.gmv / (r.spend + r.commissions) for r in reports if r.spend >= 0.1 * r.budget]
        fans = sum(r.fans.gmv for r in reports)
        field_gmv = sum(r.channels["field"].gmv for r in reports)
        pools = [r.after.pool for r in reports]
        rows.append((gmv / cost if cost else 0.0, max(weeks, default=0.0),
                     sum(r.refunds for r in reports) / gmv if gmv else 0.0, fans / gmv if gmv else 0.0,
                     fans / (fans + field_gmv) if fans + field_gmv else 0.0, max(pools), pools[-1],
                     festival_weeks(scenario, reports) or 0.0))
    return Magnitudes(*(statistics.fmean(col) for col in zip(*rows)))


def lesson_report(scenario: Scenario, evaluations: int = 6000, seeds: tuple[int, ...] | None = None,
                  progress: Callable[[Said], None] | None = None) -> LessonReport:
    """The optimum, every optimum lesson's cost, and the magnitudes, for `scenario`."""
    seeds = tuple(seeds) if seeds else default_seeds(scenario)
    say = progress or (lambda text: None)
    say(Said("under.optimum"))
    plan, best, _ = optimise(scenario, seeds, evaluations)
    engine = Engine(scenario)
    from trainer.core.scoring import score

    game = engine.new_game(seeds[0])
    game.play(plan)
    result = score(scenario, game.reports)
    keys = ("field", "alliance", "campaign", "top_kol", "content", "brand", "product", "price")
    money = {k: sum(getattr(d, k) for d in plan) for k in keys}
    total = sum(money.values()) or 1
    report = LessonReport(scenario, seeds, evaluations, best, result.score, result.stars,
                          {k: v / total for k, v in money.items()}, _magnitudes(scenario, plan, seeds))
    for lesson in scenario.lessons:
        if lesson.kind == "players":
            continue
        constraints, note = constraints_for(scenario, lesson)
        if not constraints:
            report.claims.append(Claim(lesson, None, None, None, note))
            continue
        found = []
        for c in constraints:
            say(c.label)
            found.append((optimise(scenario, seeds, max(1, evaluations // len(constraints)) if len(constraints) > 2
                                   else evaluations, c)[1], c.label))
        fit, label = max(found, key=lambda pair: pair[0])
        report.claims.append(Claim(lesson, label, fit, (best - fit) / best if best else 0.0))
    return report


def report_json(report: LessonReport) -> dict:
    """The lesson report as plain data."""
    m = report.magnitudes
    return {
        "scenario": report.scenario.id, "seeds": list(report.seeds), "evaluations": report.evaluations,
        "optimum": {"fitness": round(report.optimum, 2), "score": report.optimum_score, "stars": report.optimum_stars,
                    "mix": {k: round(v, 3) for k, v in report.mix.items()}},
        "magnitudes": {"roi": round(m.roi, 2), "week_roi": round(m.week_roi, 2), "refund_share": round(m.refund_share, 4),
                       "fan_share": round(m.fan_share, 4), "field_fan_share": round(m.field_fan_share, 4),
                       "pool_max": round(m.pool_max, 3), "pool_end": round(m.pool_end, 3),
                       "festival": round(m.festival, 2), "problems": [str(f) for f in m.problems()]},
        "claims": [{"text": c.lesson.text, "remove": c.lesson.remove, "exploit": c.lesson.exploit,
                    "under": None if c.label is None else str(c.label), "margin": c.lesson.margin,
                    "fitness": None if c.fitness is None else round(c.fitness, 2),
                    "loss": None if c.loss is None else round(c.loss, 4), "held": c.held,
                    "note": "" if c.note is None else str(c.note)}
                   for c in report.claims],
        "passed": report.passed,
    }
