"""The facilitator's class report: one HTML page, charts drawn as inline SVG (nothing
loaded from the internet), from the class debrief of trainer.core.console."""

from __future__ import annotations

from html import escape as e

from trainer import i18n
from trainer.i18n import N_, _, ngettext

LABELS = {"field": N_("F · self-broadcast"), "alliance": N_("A · creator alliance"),
          "campaign": N_("C · platform campaigns"), "top_kol": N_("T · top KOLs"), "content": N_("Content"),
          "brand": N_("Brand"), "product": N_("Product"), "price": N_("Price")}
"""The labels of the money's split (marked for the catalogs: translated where they are shown)."""


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
        text = (_("{room} / key {key}").format(room=pct(room), key=pct(key)) if key is not None else pct(room))
        out.append(f'<text x="{175 + 300 * max(room, key or 0):.1f}" y="{y + 13}">{e(text)}</text>')
    out.append("</svg>")
    return "".join(out)


def _histogram(scores: list[int]) -> str:
    if not scores:
        return f"<p>{e(_('No finished game yet.'))}</p>"
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
    """The whole class report as one HTML page, in the language in force."""
    from trainer.ui import messages as M

    heading = _("{title}: class report").format(title=title)
    parts = [f"<!doctype html>\n<html lang=\"{lang()}\"><head><meta charset=\"utf-8\"><title>{e(heading)}"
             "</title><style>body{font-family:sans-serif;max-width:900px;margin:2em auto;padding:0 1em}"
             "table{border-collapse:collapse}td,th{padding:2px 8px;text-align:left}</style></head><body>",
             f"<h1>{e(heading)}</h1>"]
    for r in rounds:
        games = ngettext("{games} game, {finished} finished.", "{games} games, {finished} finished.", r.games)
        gpm = _("GPM of the room {room} against the benchmark {benchmark}.")
        if not r.games:
            parts.append(f"<h2>{e(r.title)}</h2><p>{e(_('Nobody has played this round yet.'))}</p>")
            continue
        parts.append(f"<h2>{e(r.title)}</h2><p>{e(games.format(games=r.games, finished=r.finished))} "
                     f"{e(gpm.format(room=M.money(r.gpm_mean), benchmark=M.money(r.gpm_benchmark)))}</p>")
        parts.append(f"<h3>{e(_('Scores of finished games'))}</h3>" + _histogram(r.scores))
        if r.stars:
            stars = M.listing(_("{stars}: {count}").format(stars=f"{k}★", count=v)
                              for k, v in sorted(r.stars.items(), reverse=True))
            parts.append(f"<p>{e(_('Stars: {stars}').format(stars=stars))}</p>")
        key = r.key_split
        where = (_("Where the money went: the room (blue) and the answer key (orange)") if key
                 else _("Where the money went: the room"))
        parts.append(f"<h3>{e(where)}</h3>")
        parts.append(_bars([(_(LABELS[k]), r.room_split.get(k, 0.0), key[k] if key else None)
                            for k in ("field", "alliance", "campaign", "top_kol")]))
        parts.append(_bars([(_(LABELS[k]), r.room_split.get(k, 0.0), key[k] if key else None)
                            for k in ("content", "brand", "product", "price")]))
        if r.triggers:
            tip = lambda t, n: ngettext("{tip}: {weeks} week", "{tip}: {weeks} weeks", n).format(  # noqa: E731
                tip=M.tip_name(t), weeks=n)
            parts.append(f"<h3>{e(_('Commonest coach tips'))}</h3><ul>"
                         + "".join(f"<li>{e(tip(t, n))}</li>" for t, n in r.triggers) + "</ul>")
        if r.best_weeks:
            head = "".join(f"<th>{e(h)}</th>" for h in (_("Participant"), _("Week"), _("GMV")))
            for label, weeks in ((_("Best weeks"), r.best_weeks), (_("Worst weeks"), r.worst_weeks)):
                parts.append(f"<h3>{e(label)}</h3><table><tr>{head}</tr>"
                             + "".join(f"<tr><td>{e(n)}</td><td>{w}</td><td>{e(M.money(g))}</td></tr>"
                                       for n, w, g in weeks)
                             + "</table>")
    parts.append("</body></html>\n")
    return "".join(parts)


def lang() -> str:
    """The page's language tag (html lang): zh-CN or en."""
    return i18n.language().replace("_", "-")


def pct(x: float) -> str:
    from trainer.ui import messages as M

    return M.pct(x)
