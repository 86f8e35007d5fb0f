"""Debrief reports a facilitator can project, print or feed to other tools.

`write_report(game, player, fmt, folder)` writes one file: Markdown or HTML (the
debrief: objectives, the player beside the reference players and the answer key on
the same seed, the turns that made and lost the most and why, the lessons and the
figures that show them, then every week), CSV (one row per turn, every decision and
figure) or JSON (all of it, for other tools). Every number comes from the core; the
words come from the message catalog.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from pathlib import Path

from trainer.core.debrief import Debrief, debrief
from trainer.core.engine import Game
from trainer.core.report import game_json
from trainer.core.saves import safe_name, write_atomic_text
from trainer.core.scenario import POSITIONS, STRENGTHS
from trainer.core.text import safe
from trainer import i18n
from trainer import report_text as T
from trainer.ui import messages as M

FORMATS = ("md", "html", "csv", "json")


def csv_rows(game: Game) -> list[dict]:
    """One row per turn: every decision and every figure the engine gave."""
    rows = []
    for r in game.reports:
        d = r.decision
        row = {"turn": r.turn, "budget": r.budget}
        for key in (*POSITIONS, *STRENGTHS):
            row[key] = getattr(d, key)
        row.update(kol=d.kol or "", commission="" if d.commission is None else d.commission,
                   discount=d.discount, providers=" ".join(d.providers))
        row.update(spend=round(r.spend), impressions=round(r.impressions), orders=round(r.orders),
                   gmv=round(r.gmv), gpm=round(r.gpm, 2), roi=round(r.roi, 2), refunds=round(r.refunds),
                   net_gmv=round(r.net_gmv), commissions=round(r.commissions), profit=round(r.profit))
        for name, ch in r.channels.items():
            row[f"{name}_impressions"] = round(ch.impressions)
            row[f"{name}_gmv"] = round(ch.gmv)
            row[f"{name}_gpm"] = round(ch.gpm, 2)
            row[f"{name}_roi"] = round(ch.roi, 2)
        row.update(recommended_impressions=round(r.recommended.impressions), recommended_gmv=round(r.recommended.gmv),
                   fans_impressions=round(r.fans.impressions), fans_gmv=round(r.fans.gmv),
                   event=r.drivers.event or "", booked_kol=r.drivers.kol or "", refund_rate=round(r.drivers.refund_rate, 4))
        a = r.after
        row.update(fans_after=round(a.fans), rating_after=round(a.rating, 2), pool_after=round(a.pool, 3),
                   creators_after=round(a.creators, 1), awareness_after=round(a.awareness, 2),
                   **{f"{s}_after": round(getattr(a, s), 2) for s in STRENGTHS})
        rows.append(row)
    return rows


_CSV_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value):
    """A CSV cell that a spreadsheet will not run: text starting = + - @ gets a leading '; control
    characters go; booleans are true/false (not Python's True/False) and None is empty."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    if not isinstance(value, str):
        return value
    value = safe(value).replace("\n", " ")
    return "'" + value if value.startswith(_CSV_FORMULA) else value


def md_text(text: object) -> str:
    """Text for Markdown, shown as written: control characters replaced, Markdown's special characters escaped."""
    return _MD_SPECIAL.sub(r"\\\1", safe(text).replace("\n", " "))


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def to_csv(game: Game) -> str:
    """The game as CSV, one row per turn."""
    rows = [{key: csv_cell(value) for key, value in row.items()} for row in csv_rows(game)]
    out = io.StringIO()
    if rows:
        writer = csv.writer(out, lineterminator="\n")
        headers = T.CSV_COLUMNS
        writer.writerow([csv_cell(headers.get(key, key)) for key in rows[0]])  # the language's headers
        writer.writerows([list(row.values()) for row in rows])
    return out.getvalue()


def to_json(review: Debrief, player: str) -> str:
    """Everything, for other tools: the simulate JSON plus the debrief."""
    data = game_json(review.game)
    data["player"] = player
    data["debrief"] = {
        "rank": review.rank,
        "benchmarks": [{"name": b.name, "score": b.score, "stars": b.stars, "gmv": round(b.gmv), "gpm": round(b.gpm, 2)}
                       for b in review.benchmarks],
        "best_turns": [{"turn": s.turn, "gmv": round(s.gmv), "change": round(s.change),
                        "changes": [{"kind": x.kind, "cause": x.cause, "gmv": round(x.gmv), "position": x.position}
                                    for x in s.changes]}
                       for s in review.best_turns],
        "worst_turns": [{"turn": s.turn, "gmv": round(s.gmv), "change": round(s.change),
                         "changes": [{"kind": x.kind, "cause": x.cause, "gmv": round(x.gmv), "position": x.position}
                                     for x in s.changes]}
                        for s in review.worst_turns],
        "facts": {k: round(v, 4) for k, v in review.facts.items()},
        "lessons": [lesson.text for lesson in review.game.scenario.lessons],
        "teaches": list(review.game.scenario.teaches),
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _blocks(review: Debrief, player: str) -> list[tuple[str, object]]:
    """The debrief as a list of (kind, content) blocks: title, para, heading, table, list."""
    game, result = review.game, review.result
    sc = game.scenario
    t = result.totals
    blocks: list[tuple[str, object]] = [
        ("title", T.REPORT_TITLE.format(title=sc.title, player=player)),
        ("para", T.REPORT_SUMMARY.format(turns=len(game.reports), of=sc.turns, seed=game.seed, score=result.score,
                                         stars=M.stars(result.stars), gmv=M.money(t.gmv), gpm=M.gpm(t.gpm),
                                         net=M.money(t.net_gmv), profit=M.money(t.profit))),
        ("heading", T.REPORT_OBJECTIVES),
        ("table", ([*T.REPORT_OBJECTIVE_COLUMNS],
                   [[M.objective_title(o.objective), M.metric_value(o.objective.metric, o.value), M.stars(o.stars),
                     M.thresholds(o.objective.metric, list(o.objective.stars)), M.END_MET if o.met else M.END_MISSED]
                    for o in result.objectives])),
        ("heading", T.REPORT_COMPARED),
        ("para", (T.REPORT_RANK_KEY if review.has_answer_key else T.REPORT_RANK).format(
            rank=review.rank, of=len(review.benchmarks) + 1)),
        ("table", ([*T.REPORT_COMPARED_COLUMNS],
                   [[player, str(result.score), M.stars(result.stars), M.money(t.gmv), M.gpm(t.gpm)]] +
                   [[M.DEBRIEF_PLAYER.get(b.name, b.name), str(b.score), M.stars(b.stars), M.money(b.gmv), M.gpm(b.gpm)]
                    for b in review.benchmarks])),
    ]
    for heading, swings in ((T.REPORT_BEST, review.best_turns), (T.REPORT_WORST, review.worst_turns)):
        if not swings:
            continue
        blocks.append(("heading", heading))
        items = []
        for s in swings:
            why = M.sentences(M.change_sentence(x) for x in s.changes)
            items.append(T.REPORT_SWING.format(turn=s.turn, gmv=M.money(s.gmv), change=M.signed_money(s.change), why=why))
        blocks.append(("list", items))
    blocks.append(("heading", T.REPORT_LESSONS))
    lessons = list(sc.teaches) + [lesson.text for lesson in sc.lessons]
    if lessons:
        blocks.append(("list", lessons))
    facts = M.debrief_facts(review.facts, sc)  # the same sentences as the debrief screen's
    if facts:
        blocks.append(("list", facts))
    blocks.append(("heading", T.REPORT_WEEKS))
    rows = []
    for r in game.reports:
        d = r.decision
        rows.append([str(r.turn), *(M.money(getattr(d, p)) for p in POSITIONS),
                     M.money(sum(getattr(d, s) for s in STRENGTHS)), M.money(r.gmv), M.gpm(r.gpm), M.ratio(r.roi),
                     M.money(r.net_gmv), M.money(r.profit), r.drivers.event or ""])
    blocks.append(("table", ([*T.REPORT_WEEK_COLUMNS], rows)))
    return blocks


def to_markdown(review: Debrief, player: str) -> str:
    """The debrief in Markdown."""
    out = []
    for kind, content in _blocks(review, player):
        if kind == "title":
            out.append(f"# {md_text(content)}\n")
        elif kind == "heading":
            out.append(f"## {md_text(content)}\n")
        elif kind == "para":
            out.append(f"{md_text(content)}\n")
        elif kind == "list":
            out.append("\n".join(f"- {md_text(item)}" for item in content) + "\n")
        elif kind == "table":
            head, rows = content
            cells = lambda row: "| " + " | ".join(md_text(c) for c in row) + " |"  # noqa: E731
            out.append("\n".join([cells(head), "|" + "---|" * len(head), *(cells(r) for r in rows)]) + "\n")
    return "\n".join(out)


_CSS = """body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:right}
th:first-child,td:first-child{text-align:left}th{background:#f2f2f2}
@media print{body{margin:0}h2{page-break-after:avoid}table{page-break-inside:avoid}}"""


def to_html(review: Debrief, player: str) -> str:
    """The debrief as a standalone HTML page (no external resources), fit to project or print."""
    def e(text: str) -> str:
        return html.escape(safe(text))

    body = []
    title = ""
    for kind, content in _blocks(review, player):
        if kind == "title":
            title = str(content)
            body.append(f"<h1>{e(title)}</h1>")
        elif kind == "heading":
            body.append(f"<h2>{e(str(content))}</h2>")
        elif kind == "para":
            body.append(f"<p>{e(str(content))}</p>")
        elif kind == "list":
            body.append("<ul>" + "".join(f"<li>{e(str(i))}</li>" for i in content) + "</ul>")
        elif kind == "table":
            head, rows = content
            body.append("<table><thead><tr>" + "".join(f"<th>{e(str(h))}</th>" for h in head) + "</tr></thead><tbody>"
                        + "".join("<tr>" + "".join(f"<td>{e(str(c))}</td>" for c in r) + "</tr>" for r in rows)
                        + "</tbody></table>")
    return (f"<!doctype html>\n<html lang=\"{i18n.language().replace('_', '-')}\"><head><meta charset=\"utf-8\"><title>{e(title)}</title>"
            f"<style>{_CSS}</style></head>\n<body>\n" + "\n".join(body) + "\n</body></html>\n")


def reports_dir(saves_folder: Path) -> Path:
    """Where reports go: <saves folder>/reports/."""
    return saves_folder / "reports"


def render(game: Game, player: str, fmt: str, answer_key: bool = True, review: Debrief | None = None) -> str:
    """The report's text in `fmt` (md, html, csv or json); `review` reuses a debrief already made."""
    if fmt == "csv":
        return to_csv(game)
    review = review or debrief(game, answer_key=answer_key)
    if fmt == "json":
        return to_json(review, player)
    if fmt == "html":
        return to_html(review, player)
    if fmt == "md":
        return to_markdown(review, player)
    raise ValueError(f"unknown report format {fmt!r}: use one of {', '.join(FORMATS)}")


def write_report(game: Game, player: str, fmt: str, folder: Path, name: str | None = None,
                 answer_key: bool = True, review: Debrief | None = None) -> Path:
    """Write the report to `folder` (created if needed) and return its path; SaveError if it
    cannot be written (the message names the file and why). Pass `review` to reuse a debrief."""
    stem = name or f"{safe_name(player)}--{safe_name(game.scenario.id, 'scenario')}"
    path = folder / f"{stem}.{fmt}"
    write_atomic_text(path, render(game, player, fmt, answer_key, review))
    return path
