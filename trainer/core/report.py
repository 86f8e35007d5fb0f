"""Games and scenarios as plain data (for JSON output and other tools).

Money is rounded to whole yuan and ratios to two decimals here, for people and tools
to read; the engine's own figures stay unrounded.
"""

from __future__ import annotations

from pathlib import Path

from trainer.core.engine import ChannelResult, Game, TurnReport
from trainer.core.scenario import Scenario
from trainer.core.scoring import Result, score


def _money(x: float) -> int:
    return int(round(x))


def _ratio(x: float) -> float:
    return round(x, 2)


def scenario_summary(scenario: Scenario, path: Path | None = None) -> dict:
    """What `list --json` says of a scenario."""
    out = {
        "id": scenario.id,
        "title": scenario.title,
        "turns": scenario.turns,
        "budget": scenario.budgets,
        "difficulty": scenario.difficulty,
        "teaches": list(scenario.teaches),
        "objectives": [
            {"metric": o.metric, "label": o.title, "stars": list(o.stars), "weight": o.weight}
            for o in scenario.objectives
        ],
    }
    if path is not None:
        out["path"] = str(path)
    return out


def channel_json(ch: ChannelResult) -> dict:
    """One position's figures."""
    return {
        "gmv": _money(ch.gmv),
        "impressions": _money(ch.impressions),
        "spend": _money(ch.spend),
        "orders": _money(ch.orders),
        "gpm": _ratio(ch.gpm),
        "roi": _ratio(ch.roi),
        "commission": _money(ch.commission),
    }


def turn_json(r: TurnReport) -> dict:
    """One turn's figures."""
    after = r.after
    return {
        "turn": r.turn,
        "budget": r.budget,
        "gmv": _money(r.gmv),
        "gpm": _ratio(r.gpm),
        "impressions": _money(r.impressions),
        "spend": _money(r.spend),
        "roi": _ratio(r.roi),
        "orders": _money(r.orders),
        "refunds": _money(r.refunds),
        "net_gmv": _money(r.net_gmv),
        "commissions": _money(r.commissions),
        "profit": _money(r.profit),
        "channels": {name: channel_json(ch) for name, ch in r.channels.items()},
        "recommended": {"impressions": _money(r.recommended.impressions), "gmv": _money(r.recommended.gmv)},
        "fans_traffic": {"impressions": _money(r.fans.impressions), "gmv": _money(r.fans.gmv)},
        "kol": r.drivers.kol,
        "providers": list(r.decision.providers),
        "event": r.drivers.event,
        "state": {
            "fans": _money(after.fans),
            "rating": _ratio(after.rating),
            "pool": _ratio(after.pool),
            "creators": _ratio(after.creators),
            "awareness": _ratio(after.awareness),
            "content": _ratio(after.content),
            "brand": _ratio(after.brand),
            "product": _ratio(after.product),
            "price": _ratio(after.price),
        },
    }


def result_json(result: Result) -> dict:
    """A game's totals, score and stars."""
    t = result.totals
    return {
        "gmv": _money(t.gmv),
        "gpm": _ratio(t.gpm),
        "score": result.score,
        "stars": result.stars,
        "net_gmv": _money(t.net_gmv),
        "profit": _money(t.profit),
        "spend": _money(t.spend),
        "roi": _ratio(t.roi),
        "objectives": [
            {"metric": o.objective.metric, "label": o.objective.title, "value": _ratio(o.value),
             "stars": o.stars, "points": int(round(o.points))}
            for o in result.objectives
        ],
    }


def game_json(game: Game) -> dict:
    """What `simulate --json` prints."""
    return {
        "scenario": game.scenario.id,
        "seed": game.seed,
        "turns": [turn_json(r) for r in game.reports],
        "total": result_json(score(game.scenario, game.reports)),
    }
