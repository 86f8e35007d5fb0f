"""The facilitator's class report: one HTML page, charts drawn as inline SVG (nothing
loaded from the internet), from the class debrief of trainer.core.console."""

from __future__ import annotations

from html import escape as e

LABELS = {"field": "F · self-broadcast", "alliance": "A · creator alliance", "campaign": "C · platform campaigns",
          "top_kol": "T · top KOLs", "content": "Content", "brand": "Brand", "product": "Product", "price": "Price"}


def _bars(rows: list[tuple[str, float, float | None]], unit: str = "%") -> str:
    """Horizontal bars: the room's (blue) beside the answer key's (orange) when there is one."""
    height = 22 * len(rows) + 10
    out = [f'<svg role="img" width="560" height="{height}" xmlns="http://www.w3.org/2000/svg" '
           'font-family="sans-serif" font-size="12">']
    for i, (label, room, key) in enumerate(rows):
        y = 5 + 22 * i
        out.append(f'<text x="0" y="{y + 13}">{e(label)}</text>')
        out.append(f'<rect x="170" y="{y}" width="{300 * room:.1f}" height="9" fill="#3b82f6"/>')
        if key is not None:
            out.append(f'<rect x="170" y="{y + 10}" width="{300 * key:.1f}" height="9" fill="#f59e0b"/>')
        text = f"{room:.0%}" + (f" / key {key:.0%}" if key is not None else "")
        out.append(f'<text x="{175 + 300 * max(room, key or 0):.1f}" y="{y + 13}">{e(text)}</text>')
    out.append("</svg>")
    return "".join(out)


def _histogram(scores: list[int]) -> str:
    if not scores:
        return "<p>No finished game yet.</p>"
    buckets: dict[int, int] = {}
    for s in scores:
        buckets[s // 100 * 100] = buckets.get(s // 100 * 100, 0) + 1
    top = max(buckets.values())
    rows = sorted(buckets.items())
    out = [f'<svg role="img" width="{60 * len(rows) + 20}" height="150" xmlns="http://www.w3.org/2000/svg" '
           'font-family="sans-serif" font-size="12">']
    for i, (start, n) in enumerate(rows):
        h = 100 * n / top
        x = 10 + 60 * i
        out.append(f'<rect x="{x}" y="{115 - h:.1f}" width="45" height="{h:.1f}" fill="#10b981"/>')
        out.append(f'<text x="{x + 15}" y="{110 - h:.1f}">{n}</text>')
        out.append(f'<text x="{x}" y="135">{start}–{start + 99}</text>')
    out.append("</svg>")
    return "".join(out)


def class_report_html(title: str, rounds) -> str:
    """The whole class report as one HTML page."""
    parts = [f"<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{e(title)}: class report"
             "</title><style>body{font-family:sans-serif;max-width:900px;margin:2em auto;padding:0 1em}"
             "table{border-collapse:collapse}td,th{padding:2px 8px;text-align:left}</style></head><body>",
             f"<h1>{e(title)}: class report</h1>"]
    for r in rounds:
        parts.append(f"<h2>{e(r.title)}</h2><p>{r.games} game(s), {r.finished} finished. "
                     f"GPM of the room {r.gpm_mean:,.0f} against the benchmark {r.gpm_benchmark:,.0f}.</p>")
        parts.append("<h3>Scores of finished games</h3>" + _histogram(r.scores))
        if r.stars:
            parts.append("<p>Stars: " + ", ".join(f"{k}★: {v}" for k, v in sorted(r.stars.items(), reverse=True))
                         + "</p>")
        key = r.key_split
        parts.append("<h3>Where the money went: the room" + (" (blue) and the answer key (orange)" if key else "")
                     + "</h3>")
        parts.append(_bars([(LABELS[k], r.room_split.get(k, 0.0), key[k] if key else None)
                            for k in ("field", "alliance", "campaign", "top_kol")]))
        parts.append(_bars([(LABELS[k], r.room_split.get(k, 0.0), key[k] if key else None)
                            for k in ("content", "brand", "product", "price")]))
        if r.triggers:
            parts.append("<h3>Commonest coach tips</h3><ul>" + "".join(f"<li>{e(t)}: {n} week(s)</li>"
                                                                     for t, n in r.triggers) + "</ul>")
        if r.best_weeks:
            for label, weeks in (("Best weeks", r.best_weeks), ("Worst weeks", r.worst_weeks)):
                parts.append(f"<h3>{label}</h3><table><tr><th>Participant</th><th>Week</th><th>GMV</th></tr>"
                             + "".join(f"<tr><td>{e(n)}</td><td>{w}</td><td>{g:,.0f}</td></tr>" for n, w, g in weeks)
                             + "</table>")
    parts.append("</body></html>\n")
    return "".join(parts)
