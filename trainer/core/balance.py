"""Balancing a level: every reference player over many seeds, the design flags, the lessons.

`balance(scenario, seeds)` answers what a scenario author must know before a workshop:
can the level be finished, is it too easy (the even split wins three stars), does a
single position dominate the balanced heuristic, and do the lessons the level claims
hold over the seeds.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

from trainer.core.bots import BOTS, Bot, play, random_bot
from trainer.core.engine import Engine, Game
from trainer.core.plan import Decision
from trainer.core.scenario import POSITIONS, STRENGTHS, Lesson, Scenario
from trainer.core.lessons import ROI_BAND, WEEK_ROI_MAX
from trainer.core.rules import FESTIVAL_MAX, POSITION_KEYS, Finding, festival_weeks, model_findings
from trainer.core.scoring import score
from trainer.i18n import N_

RANDOM_PLAYERS = 3
"""How many random players (each with its own seed) join the named bots."""

MIN_LEAD = 0.02
"""The least lead (a share of the worse side's mean) by which a reference-player lesson must
hold: a lesson that holds by 1% is noise, not a lesson."""


def without(bot: Bot, what: str) -> Bot:
    """A variant of `bot` that spends nothing on `what` (a position, or "strengths"),
    moving that money to F (or, for F itself, to A): the same plan minus one part."""

    def variant(game: Game) -> Decision:
        decision = bot(game)
        keys = STRENGTHS if what == "strengths" else (what,)
        freed = sum(getattr(decision, k) for k in keys)
        changes = {k: 0 for k in keys}
        if what == "top_kol":
            changes["kol"] = None
        target = "alliance" if what == "field" else "field"
        changes[target] = getattr(decision, target) + freed
        return decision.replace(**changes)

    variant.__name__ = f"{bot.__name__}/no_{what}"
    return variant


def with_providers(bot: Bot) -> Bot:
    """A variant of `bot` that hires, every turn it spends on F or A, the agencies for those
    positions whose track is the brand's category (or who state none), paying their fees
    out of the position they serve."""

    def variant(game: Game) -> Decision:
        decision = bot(game)
        brand = game.scenario.brand.category.lower()
        hired, changes = [], {}
        for provider in game.scenario.providers:
            if provider.track is not None and provider.track.lower() != brand:
                continue
            money = changes.get(provider.position, getattr(decision, provider.position))
            if money >= 2 * provider.fee:  # only where the agency has enough work to do
                changes[provider.position] = money - provider.fee
                hired.append(provider.id)
        return decision.replace(providers=tuple(hired), **changes) if hired else decision

    variant.__name__ = f"{bot.__name__}/with_providers"
    return variant


def price_first(bot: Bot) -> Bot:
    """A variant of `bot` that, in the two turns before an event, puts all its strength
    money into price strength."""

    def variant(game: Game) -> Decision:
        decision = bot(game)
        sc = game.scenario
        ahead = any(sc.event_at(t) is not None for t in (game.turn + 1, game.turn + 2) if t <= sc.turns)
        if not ahead or sc.event_at(game.turn) is not None:
            return decision
        money = sum(getattr(decision, s) for s in STRENGTHS)
        return decision.replace(content=0, brand=0, product=0, price=money)

    variant.__name__ = f"{bot.__name__}/price_first"
    return variant


def player(name: str) -> Bot:
    """The reference player a lesson names: a bot, or a bot with a variant (see PLAYER_VARIANTS)."""
    bot, _, variant = name.partition("/")
    if variant == "with_providers":
        return with_providers(BOTS[bot])
    if variant == "price_first":
        return price_first(BOTS[bot])
    if variant:
        return without(BOTS[bot], variant.removeprefix("no_"))
    return BOTS[bot]


@dataclass(slots=True)
class Stats:
    """One player's figures over the seeds."""

    name: str
    values: dict[str, list[float]] = field(default_factory=dict)
    """Each metric's value on each seed, in seed order."""

    def mean(self, metric: str) -> float:
        """Mean of a metric over the seeds."""
        return statistics.fmean(self.values[metric])

    def spread(self, metric: str) -> float:
        """Standard deviation of a metric over the seeds (0 with one seed)."""
        data = self.values[metric]
        return statistics.pstdev(data) if len(data) > 1 else 0.0

    def share_with_stars(self, stars: int) -> float:
        """Share of seeds on which the player earned at least `stars` stars."""
        return sum(1 for s in self.values["stars"] if s >= stars) / len(self.values["stars"])


@dataclass(slots=True)
class LessonCheck:
    """A lesson of the scenario and whether it held."""

    lesson: Lesson
    held: bool
    better: float
    worse: float
    seeds_held: int
    seeds: int


@dataclass(slots=True)
class BalanceReport:
    """What `fact-trainer balance` reports."""

    scenario: Scenario
    seeds: list[int]
    players: dict[str, Stats]
    flags: list[Finding]
    """What is wrong with the level's design (trainer.core.rules.Finding: code, message, key)."""
    lessons: list[LessonCheck]

    @property
    def passed(self) -> bool:
        """No flag raised and every lesson held."""
        return not self.flags and all(c.held for c in self.lessons)


_METRICS = ("score", "gmv", "net_gmv", "gpm", "profit", "roi", "fans", "rating", "awareness", "stars")


def _record(stats: Stats, scenario: Scenario, game: Game) -> None:
    result = score(scenario, game.reports)
    t = result.totals
    row = {"score": float(result.score), "stars": float(result.stars), "gmv": t.gmv, "net_gmv": t.net_gmv,
           "gpm": t.gpm, "profit": t.profit, "roi": t.roi, "fans": t.fans, "rating": t.rating,
           "awareness": t.awareness}
    gmv = sum(r.gmv for r in game.reports)
    cost = sum(r.spend + r.commissions for r in game.reports)
    row["gmv_per_yuan"] = gmv / cost if cost else 0.0
    row["week_gmv_per_yuan"] = max((r.gmv / (r.spend + r.commissions) for r in game.reports
                                     if r.spend >= 0.1 * r.budget), default=0.0)
    row["festival"] = festival_weeks(scenario, game.reports) or 0.0
    for i, r in enumerate(result.objectives):
        row[f"objective_{i}"] = r.value
        row[f"objective_{i}_stars"] = float(r.stars)
        # the objective that gave the fewest stars capped the game's stars (ties cap together)
        row[f"objective_{i}_capped"] = 1.0 if r.stars == result.stars else 0.0
    for key, value in row.items():
        stats.values.setdefault(key, []).append(value)


@dataclass(slots=True, frozen=True)
class ObjectiveFigures:
    """One objective as a player met it over the seeds."""

    label: str
    metric: str
    thresholds: tuple[float, ...]
    mean: float
    """The objective's metric, mean over the seeds."""
    stars: float
    """Stars on this objective, mean over the seeds."""
    capped: int
    """Seeds on which this objective gave the fewest stars: it capped the game's stars."""
    seeds: int


def objective_figures(report: BalanceReport, name: str) -> list[ObjectiveFigures]:
    """Each objective as player `name` met it: the figures an author sets the stars from."""
    s = report.players[name]
    out = []
    for i, o in enumerate(report.scenario.objectives):
        out.append(ObjectiveFigures(o.label or o.metric, o.metric, tuple(o.stars), s.mean(f"objective_{i}"),
                                    s.mean(f"objective_{i}_stars"), int(sum(s.values[f"objective_{i}_capped"])),
                                    len(s.values["score"])))
    return out


def reference_plan(scenario: Scenario, name: str, seed: int | None = None) -> Game:
    """Reference player `name` (a bot, or a bot with a variant) played on `seed`: its plan week
    by week is in the game's reports."""
    return play(Engine(scenario), player(name), scenario.seed if seed is None else seed)


def balance(scenario: Scenario, seeds: int = 20, first_seed: int | None = None,
            extra: tuple[str, ...] = ()) -> BalanceReport:
    """Play every reference player over `seeds` seeds (from the scenario's own) and judge;
    `extra` names variants (e.g. "balanced/no_field") to play beside them."""
    engine = Engine(scenario)
    start = scenario.seed if first_seed is None else first_seed
    seed_list = [start + i for i in range(seeds)]
    bots: dict[str, Bot] = dict(BOTS)
    for i in range(RANDOM_PLAYERS):
        bots[f"random_{i + 1}"] = random_bot(1000 + i)
    compared = [lesson for lesson in scenario.lessons if lesson.kind == "players"]
    needed = {l.better for l in compared} | {l.worse for l in compared} | set(extra)
    for name in sorted(needed - set(bots)):
        bots[name] = player(name)
    stats = {name: Stats(name) for name in bots}
    for seed in seed_list:
        for name, bot in bots.items():
            _record(stats[name], scenario, play(engine, bot, seed))

    flags: list[Finding] = []
    if all(stats[n].share_with_stars(1) < 0.5 for n in BOTS):
        flags.append(Finding("impossible", N_(
            "no reference player earns a star on most seeds: the level may be impossible to finish; put one star a "
            "little below the balanced player's figures"), {}, ("objectives",)))
    if stats["even_split"].share_with_stars(3) >= 0.5:
        flags.append(Finding("too-easy", N_(
            "the even split wins three stars on most seeds: the level teaches nothing a naive plan misses; raise the "
            "three-star thresholds toward what solve reaches"), {}, ("objectives",)))
    mixed = stats["balanced"].mean("score")
    for position in POSITIONS:
        name = f"all_in_{position}"
        if stats[name].mean("score") >= mixed:
            flags.append(Finding("position-dominates", N_(
                "going all-in on {position} (mean score {alone:,.0f}) is not below the balanced heuristic ({mixed:,.0f}): "
                "a single position dominates"), {"position": position, "alone": stats[name].mean("score"),
                                                 "mixed": mixed}, POSITION_KEYS[position]))

    if stats["roi_greedy"].mean("score") >= mixed:
        flags.append(Finding("roi-greedy-wins", N_(
            "chasing each week's ROI (roi_greedy, mean score {greedy:,.0f}) is not below the balanced heuristic "
            "({mixed:,.0f}): the level rewards the opposite of GPM thinking"),
            {"greedy": stats["roi_greedy"].mean("score"), "mixed": mixed}))
    if all(stats[f"random_{i + 1}"].mean("score") > mixed for i in range(RANDOM_PLAYERS)):
        flags.append(Finding("random-wins", N_(
            "every random player beats the balanced heuristic: the level rewards no plan in particular"), {}))
    festival = [f for f in stats["balanced"].values.get("festival", []) if f > 0]
    if festival and statistics.fmean(festival) > FESTIVAL_MAX:
        flags.append(Finding("festival-too-big", N_(
            "the balanced player's biggest event week brings {ratio:.1f} times an ordinary week's GMV, above "
            "{limit:g}: lower the event's traffic or competition, or the budget of its weeks"),
            {"ratio": statistics.fmean(festival), "limit": FESTIVAL_MAX}, ("events",)))
    for name in BOTS:
        roi, week = stats[name].mean("gmv_per_yuan"), stats[name].mean("week_gmv_per_yuan")
        if roi > ROI_BAND[1] or week > WEEK_ROI_MAX:
            flags.append(Finding("gmv-per-yuan", N_(
                "{player} sells {roi:.1f} yuan of GMV per marketing yuan over the game and {week:.1f} in its best week: "
                "the model's band is at most {most:g} over a game and {week_most:g} in a week; raise the cost of "
                "reach (cpm) or lower the conversion"),
                {"player": name, "roi": roi, "week": week, "most": ROI_BAND[1], "week_most": WEEK_ROI_MAX}, ("market",)))
            break
    dominated = {f.values["position"] for f in flags if f.code == "position-dominates"}
    flags += [f for f in model_findings(scenario)
              if not (f.code == "position-dominates-seed" and f.values["position"] in dominated)]

    checks = []
    for lesson in compared:
        b, w = stats[lesson.better].values[lesson.metric], stats[lesson.worse].values[lesson.metric]
        wins = sum(1 for x, y in zip(b, w) if x > y)
        mean_b, mean_w = statistics.fmean(b), statistics.fmean(w)
        won = wins == len(b) if lesson.on == "every" else mean_b > mean_w
        # a lesson that holds by a hair does not teach: the lead must be at least MIN_LEAD
        held = won and mean_b - mean_w >= MIN_LEAD * abs(mean_w)
        checks.append(LessonCheck(lesson, held, mean_b, mean_w, wins, len(b)))
    return BalanceReport(scenario, seed_list, stats, flags, checks)


def report_json(report: BalanceReport) -> dict:
    """The balance report as plain data."""
    return {
        "scenario": report.scenario.id,
        "seeds": len(report.seeds),
        "first_seed": report.seeds[0] if report.seeds else None,
        "passed": report.passed,
        "players": {
            name: {
                **{f"{m}_mean": round(s.mean(m), 2) for m in ("score", "gmv", "gpm", "stars")},
                **{f"{m}_spread": round(s.spread(m), 2) for m in ("score", "gmv", "gpm", "stars")},
                "three_star_share": round(s.share_with_stars(3), 3),
            }
            for name, s in report.players.items()
        },
        "objectives": {
            name: [{"label": f.label, "metric": f.metric, "stars_at": list(f.thresholds), "mean": round(f.mean, 2),
                    "stars_mean": round(f.stars, 2), "capped_seeds": f.capped}
                   for f in objective_figures(report, name)]
            for name in report.players
        },
        "flags": [{"code": f.code, "message": str(f)} for f in report.flags],
        "lessons": [
            {"text": c.lesson.text, "better": c.lesson.better, "worse": c.lesson.worse, "metric": c.lesson.metric,
             "on": c.lesson.on, "held": c.held, "better_mean": round(c.better, 2), "worse_mean": round(c.worse, 2),
             "seeds_held": c.seeds_held, "seeds": c.seeds}
            for c in report.lessons
        ],
    }
