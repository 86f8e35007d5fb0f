"""The commands of `fact-trainer` other than play: each prints, and returns an exit code.

Every error a user can cause ends in a message and exit status 1, never a traceback.
Imported only when a command runs, so that starting the game does not pay for it.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import unicodedata
from pathlib import Path

from trainer.core import report as reporting
from trainer.core.engine import Engine
from trainer.core.library import entries, find, sources
from trainer.core.loading import FileProblems, load_plan, load_scenario
from trainer.core.plan import PlanError
from trainer.core.saves import SaveError, list_saves, load_game, save_game, saves_dir
from trainer.core.schema import scenario_schema
from trainer.i18n import N_, _, ngettext, pad
from trainer.ui import messages as M


PROBLEMS_SHOWN = 20
"""How many problems of one file are printed before a summary line."""


def _print_problems(problems, stream=None) -> None:
    from trainer.core.text import safe
    problems = list(problems)
    for problem in problems[:PROBLEMS_SHOWN]:
        print(safe(M.problem_line(problem)), file=stream or sys.stderr)
    rest = problems[PROBLEMS_SHOWN:]
    if rest:
        kinds = {p.said for p in rest}
        if len(kinds) == 1:
            more = ngettext("...and {count} more problem of the same kind", "...and {count} more problems of the same kind",
                            len(rest))
        else:
            more = ngettext("...and {count} more problem", "...and {count} more problems", len(rest))
        print(more.format(count=f"{len(rest):,}"), file=stream or sys.stderr)


def _scenario(name: str):
    """The scenario an argument names (id or path), or None after printing why not."""
    try:
        return find(name)[0]
    except FileProblems as exc:
        _print_problems(exc.problems)
        return None


def _saved_game(path: str):
    """The save replayed (LoadedSave), or None after printing why it cannot be read."""
    try:
        return load_game(path)
    except SaveError as exc:
        _print_save_error(exc)
        return None


def _print_save_error(exc: SaveError) -> None:
    """A save that cannot be read or written: which file and why, in the language in force."""
    from trainer.core.text import safe
    print(safe(M.problem_line(exc.problem)), file=sys.stderr)


def _workshop(path: str):
    """The workshop file's (Workshop, scenarios), or None after printing why not."""
    from trainer.core.workshop import load_workshop

    try:
        return load_workshop(path)
    except FileProblems as exc:
        _print_problems(exc.problems)
        return None


ORIGIN_HEADINGS = {
    "shipped": N_("Shipped levels ({folder}):"),
    "user": N_("Your levels ({folder}):"),
    "env": N_("Levels from $FACT_TRAINER_SCENARIOS ({folder}):"),
}


def _plain(text: object) -> str:
    """Text from a file or a path, safe to print: control characters become U+FFFD."""
    return "".join("\ufffd" if unicodedata.category(ch) in ("Cc", "Cf", "Cs") and ch != "\u200d" else ch
                   for ch in str(text))


def _level(scenario):
    """The level (or the workshop) in the language in force, where it gives its text
    (Scenario.localized, Workshop.localized); every number stays the level's."""
    from trainer import i18n
    from trainer.core.scenario import LANGUAGES

    code = i18n.language().split("_", 1)[0].lower()
    return scenario.localized(code) if code in LANGUAGES else scenario


def _difficulty(key: str) -> str:
    """A difficulty as the game names it (Tutorial, 教学…), lower-case in English as `list` prints it."""
    from trainer import i18n
    name = M.DIFFICULTY.get(key, key)
    return key if i18n.language() == "en" else name


def cmd_list(args: argparse.Namespace) -> int:
    """List the levels: the shipped ones, your own, and those of $FACT_TRAINER_SCENARIOS."""
    found = entries()
    valid = [e for e in found if e.scenario is not None]
    if args.json:
        out = []
        for e in valid:
            item = reporting.scenario_summary(e.scenario, e.path)
            item["origin"] = e.origin
            item["opens_by_id"] = e.opens_by_id
            if e.shadowed_by is not None:
                item["shadowed_by"] = str(e.shadowed_by)
            out.append(item)
        print(json.dumps(out, indent=2, ensure_ascii=False))
    else:
        for origin, folder in sources():
            here = [e for e in valid if e.origin == origin and e.path.parent == folder]
            if origin == "env" or here or origin == "shipped":
                print(_(ORIGIN_HEADINGS[origin]).format(folder=_plain(folder)))
            elif origin == "user":
                print(_("Your levels ({folder}): none yet; put scenario files there (fact-trainer new ID --out "
                        "FOLDER/ID.toml writes a starter)").format(folder=_plain(folder)))
                continue
            if not here:
                print(_("  none"))
            for e in here:
                s = _level(e.scenario)
                budget = f"{s.budget:,}" if isinstance(s.budget, int) else f"{min(s.budgets):,}-{max(s.budgets):,}"
                print(_("  {id} {turns} turns  budget {budget} yuan/turn  {difficulty}  {title}").format(
                    id=pad(s.id, 24), turns=pad(str(s.turns), 3, right=True), budget=pad(budget, 17, right=True),
                    difficulty=pad(_difficulty(s.difficulty), 8), title=_plain(s.title)))
                if e.shadowed_by is not None:
                    print(_("    ^ the id {id!r} opens {other}, which comes first; play this one by its path: "
                            "fact-trainer play {path}").format(id=s.id, other=_plain(e.shadowed_by),
                                                                path=_plain(e.path)))
    broken = [e for e in found if e.scenario is None]
    for e in broken:
        print(_("skipped {path}: it does not validate (run fact-trainer validate {path})").format(path=_plain(e.path)),
              file=sys.stderr)
    return 0


def cmd_where(args: argparse.Namespace) -> int:
    """Print the folders in use: saves, reports, levels (yours and shipped), plans, settings."""
    from trainer.core import paths
    from trainer.export import reports_dir

    root = paths.checkout_root()
    saves = saves_dir(args.saves_dir)
    if args.saves_dir:
        saves_note = _("from --saves-dir")
    elif os.environ.get(paths.SAVES_ENV):
        saves_note = _("from ${name}").format(name=paths.SAVES_ENV)
    else:
        saves_note = _("the checkout's saves/") if root is not None else _("in your user data folder")
    rows = [
        ("saves", _("saves"), saves, saves_note),
        ("reports", _("reports"), reports_dir(saves), _("debriefs written by `report` and the game")),
        ("user_levels", _("your levels"), paths.user_levels_dir(), _("your own scenario files; `list` shows them")),
    ]
    rows += [("env_levels", _("more levels"), folder, _("from ${name}").format(name=paths.SCENARIOS_ENV))
             for folder in paths.env_levels_dirs()]
    rows += [
        ("shipped_levels", _("shipped levels"), paths.shipped_levels_dir(), _("come with the game")),
        ("shipped_plans", _("shipped plans"), paths.shipped_plans_dir(), _("a plan for each: simulate ID --plan FILE")),
        ("example_workshop", _("example workshop"), paths.example_workshop(), _("copy it to make your own")),
        ("settings", _("settings"), paths.settings_dir(),
         _("settings.toml: the language you chose (the title screen's switch)")),
    ]
    if args.json:
        data = {"running_from": "checkout" if root is not None else "installed",
                "checkout": str(root) if root is not None else None}
        for key, _label, path, note in rows:
            if key == "env_levels":
                data.setdefault(key, []).append(str(path))
            else:
                data[key] = str(path)
        data.setdefault("env_levels", [])
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    if root is not None:
        print(_("Running from the checkout at {root}.").format(root=_plain(root)))
    else:
        print(_("Running as an installed program."))
    from trainer.i18n import width as cells

    width = max(cells(label) for _key, label, _path, _note in rows) + 1
    for _key, label, path, note in rows:
        shown = _plain(path) if path.exists() else _("{path} (not created yet)").format(path=_plain(path))
        print(f"{pad(_('{label}:').format(label=label), width)} {shown}")
        print(f"{pad('', width)} {note}")
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    """Validate scenario and workshop files; print every problem as PATH:LINE: key: message."""
    from trainer.core.loading import read_toml
    from trainer.core.workshop import load_workshop, looks_like_workshop

    failed = False
    for name in args.paths:
        try:
            data, _lines = read_toml(Path(name))
            if looks_like_workshop(data):
                workshop, scenarios = load_workshop(name)
                print(ngettext("{path}: ok (workshop {id}, {count} scenario; languages: {languages})",
                               "{path}: ok (workshop {id}, {count} scenarios; languages: {languages})",
                               len(scenarios)).format(path=_plain(name), id=workshop.id, count=len(scenarios),
                                                      languages=_languages(workshop.languages)))
                continue
            scenario = load_scenario(name)
            from trainer.core.rules import as_problems, static_findings

            found = static_findings(scenario)
            if found:
                raise FileProblems(as_problems(found, name, _lines, _))
        except FileProblems as exc:
            failed = True
            _print_problems(exc.problems, sys.stdout)
            continue
        print(ngettext("{path}: ok ({id}, {turns} turn; languages: {languages})",
                       "{path}: ok ({id}, {turns} turns; languages: {languages})",
                       scenario.turns).format(path=_plain(name), id=scenario.id, turns=scenario.turns,
                                              languages=_languages(scenario.languages)))
        for lang in scenario.languages[1:]:
            missing = scenario.missing_texts(lang)
            if missing:
                print(ngettext("{path}: [{language}] lacks {count} text, shown in the main language instead: {keys}",
                               "{path}: [{language}] lacks {count} texts, shown in the main language instead: "
                               "{keys}", len(missing)).format(path=_plain(name), language=lang, count=len(missing),
                                                               keys=", ".join(missing)))
    return 1 if failed else 0


def _languages(codes) -> str:
    """A level's or a workshop's languages as validate prints them: their codes (en, zh)."""
    return ", ".join(codes)


def _clean(text: str) -> str:
    """A name for the terminal: whole (never cut short), with no control character."""
    return "".join(ch if ch.isprintable() else "?" for ch in text)


def cmd_leaderboard(args: argparse.Namespace) -> int:
    """The workshop's leaderboard from its saves, each verified by replay."""
    import csv

    from trainer.core.text import safe
    from trainer.export import csv_cell

    if args.live:
        from trainer.ui.leaderboard import run_leaderboard

        return run_leaderboard(args.workshop, args.saves_dir or [None])

    from trainer.core.workshop import leaderboard

    loaded = _workshop(args.workshop)
    if loaded is None:
        return 1
    workshop, scenarios = loaded
    folders = [saves_dir(d) for d in (args.saves_dir or [None])]
    entries = leaderboard(workshop, scenarios, folders)
    if args.export:
        return _export_workshop(workshop, scenarios, folders, entries, Path(args.export))
    rows = [{"rank": e.rank, "name": e.name, "scenario": e.scenario, "turn": e.turn, "finished": e.finished,
             "score": e.score, "stars": e.stars, "gmv": round(e.gmv), "gpm": round(e.gpm, 2),
             "verified": e.verified, "problem": None if e.problem is None else str(e.problem),
             "save": str(e.path)} for e in entries]
    if args.json:
        print(json.dumps({"workshop": workshop.id, "title": workshop.title, "entries": rows}, indent=2,
                         ensure_ascii=False))
        return 0
    if args.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else ["rank"], lineterminator="\n")
        writer.writeheader()
        writer.writerows([{key: csv_cell(value) for key, value in row.items()} for row in rows])
        return 0
    games = ngettext("{title} ({id}): {count} game", "{title} ({id}): {count} games", len(entries))
    print(safe(games.format(title=_level(workshop).title, id=workshop.id, count=len(entries))))
    if not entries:
        from trainer.core.workshop import workshop_saves

        looked = ", ".join(str(workshop_saves(f, workshop)) for f in folders)
        print(safe(_("No saves in {looked}. A workshop's games are saved in a folder named by its id ({id}) inside "
                     "the saves folder `serve` was given: pass that saves folder, or the {id} folder itself, with "
                     "--saves-dir.").format(looked=looked, id=workshop.id)))
    current = None
    for e in entries:
        if e.verified and e.scenario != current:
            current = e.scenario
            print(safe(f"\n{current}"))
            print(f"  {pad(_('rank'), 4, right=True)}  {pad(_('name'), 24)} {pad(_('turn'), 4, right=True)} "
                  f"{pad(_('score'), 6, right=True)} {pad(_('stars'), 5)} {pad('GMV', 13, right=True)} "
                  f"{pad('GPM', 8, right=True)}")
        if e.verified:
            rank = "…" if e.rank is None else str(e.rank)  # unfinished: after the ranked games, unranked
            points = "-" if e.turn == 0 else e.score  # no week played: no score to show yet
            print(f"  {pad(rank, 4, right=True)}  {pad(_clean(e.name), 24)} {e.turn:>4} {points:>6} "
                  f"{'*' * e.stars:<5} {e.gmv:>13,.0f} {e.gpm:>8.1f}")
    unverified = [e for e in entries if not e.verified]
    if unverified:
        print("\n" + _("not ranked (the save does not verify):"))
        for e in unverified:
            print(_clean(f"  {pad(e.name, 24)} {e.path.name}: {M.said(e.problem)}"))
    return 0


def plan_warnings(scenario, decisions) -> list[str]:
    """What a plan does that is allowed but rarely meant: nothing spent, a KOL named without
    top_kol money, money left unspent (one summary line)."""
    from trainer.core.scenario import POSITIONS, STRENGTHS

    warnings = []
    spent = [sum(getattr(d, k) for k in (*POSITIONS, *STRENGTHS)) for d in decisions]
    if not any(spent):
        warnings.append(_("the plan spends nothing in any week: the game plays with no money on F, A, C or T"))
    kol_weeks = [i + 1 for i, d in enumerate(decisions) if d.kol and not d.top_kol]
    if kol_weeks:
        weeks = ", ".join(str(w) for w in kol_weeks)
        warnings.append(ngettext("the plan names a KOL but gives top_kol no money in week {weeks}: nobody is booked",
                                 "the plan names a KOL but gives top_kol no money in weeks {weeks}: nobody is booked",
                                 len(kol_weeks)).format(weeks=weeks))
    under = [(i + 1, scenario.budget_of(i + 1) - s) for i, s in enumerate(spent) if any(spent)
             and s < scenario.budget_of(i + 1)]
    if under:
        total = sum(left for _week, left in under)
        warnings.append(_("{count} of {weeks} weeks spend under the budget ({total} yuan unspent in all; first: week "
                          "{first}, {left} left)").format(count=len(under), weeks=len(decisions), total=f"{total:,}",
                                                          first=under[0][0], left=f"{under[0][1]:,}"))
    return warnings


def cmd_simulate(args: argparse.Namespace) -> int:
    """Play a whole game headless from a plan file."""
    try:
        scenario, _path = find(args.scenario)
        decisions = load_plan(args.plan, scenario)
    except FileProblems as exc:
        _print_problems(exc.problems)
        return 1
    for warning in plan_warnings(scenario, decisions):
        print(_("{path}: warning: {warning}").format(path=args.plan, warning=warning), file=sys.stderr)
    seed = scenario.seed if args.seed is None else args.seed
    if seed < 0:
        print(_("--seed: must be 0 or more, got {seed}").format(seed=f"{seed:,}"), file=sys.stderr)
        return 1
    player = args.player
    if args.save:
        from trainer.core.text import safe, typed_name

        folder = Path(args.save).parent
        if not folder.is_dir():
            print(_("--save: the folder {folder} does not exist; create it first (mkdir -p {folder})").format(
                folder=safe(folder)), file=sys.stderr)
            return 1
        player, note = typed_name(player)
        if note:
            print(_("--player: {note}").format(note=M.said(note)), file=sys.stderr)
    game = Engine(scenario).new_game(seed)
    try:
        game.play(decisions)
    except PlanError as exc:  # compile_plan checked the plan; kept for safety
        from trainer.core.plan import in_turn
        print(f"{args.plan}: " + "; ".join(M.said(in_turn(turn, said)) for turn, _key, said in exc.problems),
              file=sys.stderr)
        return 1
    if args.save:
        try:
            save_game(game, player, Path(args.save))
        except SaveError as exc:
            _print_save_error(exc)
            return 1
    _print_game(game, args.json)
    return 0


def _print_game(game, as_json: bool) -> None:
    if as_json:
        print(json.dumps(reporting.game_json(game), indent=2, ensure_ascii=False))
    else:
        print(game_table(game))


def cmd_saves(args: argparse.Namespace) -> int:
    """List the saves with their headline figures."""
    folder = saves_dir(args.saves_dir)
    found = list_saves(folder, workshops=True)
    if args.json:
        print(json.dumps([
            {"path": str(s.path), "player": s.player, "scenario": s.scenario, "turns_played": s.turn,
             "gmv": s.gmv, "score": s.score, "updated": s.updated,
             "problem": None if s.problem is None else str(s.problem), "workshop": s.workshop}
            for s in found], indent=2, ensure_ascii=False))
        return 0
    if not found:
        print(_("No saves in {folder}.").format(folder=folder))
    for s in found:
        # a save's place in the folder: its name, or workshop-folder/name for a workshop's games
        where = str(s.path.relative_to(folder)) if s.path.is_relative_to(folder) else s.path.name
        if s.problem:
            print(_clean(_("{name}: cannot be loaded: {problem}").format(name=where, problem=M.said(s.problem))))
        else:
            played_in = _("  workshop {id}").format(id=s.workshop) if s.workshop else ""
            print(_clean(_("{player} {scenario} turn {turn}  GMV {gmv}  score {score}  {updated}  {file}").format(
                player=pad(s.player, 20), scenario=pad(s.scenario, 20), turn=f"{s.turn:>3}", gmv=f"{s.gmv:>13,}",
                score=f"{s.score:>5}", updated=s.updated, file=where) + played_in))
    return 0


def cmd_replay(args: argparse.Namespace) -> int:
    """Replay a save; print what simulate prints, or exit 1 when it does not verify."""
    loaded = _saved_game(args.save)
    if loaded is None:
        return 1
    if not loaded.verified:
        from trainer.core.text import safe
        print(_("{path}: does not verify ({status}):").format(path=safe(args.save), status=loaded.status),
              file=sys.stderr)
        for problem in loaded.problems:
            print(safe(f"  {M.said(problem)}"), file=sys.stderr)
        return 1
    _print_game(loaded.game, args.json)
    return 0


def game_table(game) -> str:
    """A whole game as a readable table, one line per turn, then the score."""
    data = reporting.game_json(game)
    level = _level(game.scenario)
    lines = [_("{title} ({id}), seed {seed}").format(title=_plain(level.title), id=level.id, seed=game.seed), ""]
    widths = (4, 9, 11, 7, 6, 11, 11, 10, 10, 10, 10, 5, 8, 6)
    names = (_("turn"), _("spend"), "GMV", "GPM", "ROI", _("net GMV"), _("profit"), "F GMV", "A GMV", "C GMV",
             "T GMV", _("pool"), _("fans"), _("rating"))
    head = " ".join(pad(n, w, right=True) for n, w in zip(names, widths))
    lines.append(head)
    lines.append("-" * sum(w + 1 for w in widths[:-1]) + "-" * widths[-1])
    for t in data["turns"]:
        ch = t["channels"]
        lines.append(
            f"{t['turn']:>4} {t['spend']:>9,} {t['gmv']:>11,} {t['gpm']:>7.1f} {t['roi']:>6.2f} {t['net_gmv']:>11,}"
            f" {t['profit']:>11,} {ch['field']['gmv']:>10,} {ch['alliance']['gmv']:>10,} {ch['campaign']['gmv']:>10,}"
            f" {ch['top_kol']['gmv']:>10,} {t['state']['pool']:>5.2f} {t['state']['fans']:>8,} {t['state']['rating']:>6.2f}"
            + (f"  {_plain(_event_name(level, t['turn'], t['event']))}" if t["event"] else "")
        )
    total = data["total"]
    lines += ["", _("Total GMV {gmv} yuan, GPM {gpm}, net GMV {net}, profit {profit}").format(
        gmv=f"{total['gmv']:,}", gpm=f"{total['gpm']:.1f}", net=f"{total['net_gmv']:,}", profit=f"{total['profit']:,}"),
        _("Score {score}, stars {stars}/3").format(score=total["score"], stars=total["stars"])]
    for o, objective in zip(total["objectives"], level.objectives):
        value = f"{o['value']:,.0f}" if o["metric"] in ("gmv", "net_gmv", "profit", "fans") else f"{o['value']:,.2f}"
        lines.append(f"  {'*' * o['stars']:<3} " + _("{objective}: {value}").format(
            objective=_plain(_objective(objective)), value=value))
    return "\n".join(lines)


def _event_name(level, turn: int, name: str) -> str:
    """A week's event by the name the level gives it in the language in force."""
    event = level.event_at(turn)
    return event.name if event is not None else name


def _objective(objective) -> str:
    """An objective's name in the language in force: its label, else its metric's name."""
    return M.objective_title(objective)


def _export_workshop(workshop, scenarios, folders, entries, folder: Path) -> int:
    """The facilitator's export: the leaderboard, every participant's every turn (one CSV),
    and each participant's debrief (Markdown)."""
    import csv
    import io

    from trainer.class_report import class_report_html
    from trainer.core.console import class_debrief
    from trainer.core.saves import write_atomic_text
    from trainer.export import csv_cell, csv_rows, write_report

    board = io.StringIO()
    writer = csv.writer(board, lineterminator="\n")
    writer.writerow(["rank", "name", "scenario", "turns_played", "finished", "score", "stars", "gmv", "gpm",
                     "verified", "problem", "save"])
    turns: list[dict] = []
    written = 0
    try:
        for e in entries:
            writer.writerow([csv_cell(v) for v in (e.rank, e.name, e.scenario, e.turn, e.finished, e.score, e.stars,
                                                     round(e.gmv), round(e.gpm, 2), e.verified,
                                                     None if e.problem is None else str(e.problem),
                                                     e.path.name)])
            if e.problem is not None and not e.verified and e.turn == 0:
                continue
            try:
                loaded = load_game(e.path)
            except SaveError:
                continue
            for row in csv_rows(loaded.game):
                turns.append({k: csv_cell(v) for k, v in
                              {"name": e.name, "scenario": e.scenario, "verified": e.verified, **row}.items()})
            if loaded.game.reports:
                write_report(loaded.game, e.name, "md", folder / "debriefs", name=e.path.stem, answer_key=False)
                written += 1
        write_atomic_text(folder / "leaderboard.csv", board.getvalue())
        out = io.StringIO()
        if turns:
            fields = list(dict.fromkeys(k for row in turns for k in row))
            turn_writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
            turn_writer.writeheader()
            turn_writer.writerows(turns)
        write_atomic_text(folder / "turns.csv", out.getvalue())
        rounds = class_debrief(workshop, scenarios, folders, answer_key=workshop.answer_key != "never")
        write_atomic_text(folder / "class.html", class_report_html(workshop.title, rounds))
    except SaveError as exc:
        _print_save_error(exc)
        return 1
    print(_("wrote {board}, {turns} ({count} turns), the class report {report} and {written} debrief(s) in "
            "{folder}").format(board=folder / "leaderboard.csv", turns=folder / "turns.csv", count=len(turns),
                               report=folder / "class.html", written=written, folder=folder / "debriefs"))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    """Write a save's debrief as Markdown, HTML, CSV or JSON under reports/ of the saves folder."""
    from trainer.export import reports_dir, write_report

    loaded = _saved_game(args.save)
    if loaded is None:
        return 1
    if not loaded.game.reports:
        print(_("{path}: no week has been played yet: nothing to report").format(path=args.save), file=sys.stderr)
        return 1
    if not loaded.verified:
        print(_("note: {path} does not verify ({status}); the report shows the replayed game").format(
            path=args.save, status=loaded.status), file=sys.stderr)
    folder = Path(args.out) if args.out else reports_dir(saves_dir(args.saves_dir))
    written = []
    for fmt in args.format:
        try:
            written.append(write_report(loaded.game, loaded.save.player, fmt, folder,
                                        name=Path(args.save).stem, answer_key=not args.no_answer_key))
        except SaveError as exc:
            _print_save_error(exc)
            return 1
    for path in written:
        print(_("wrote {path}").format(path=path))
    return 0


LOOPBACK = ("127.0.0.1", "localhost", "::1")


def _lan_address() -> str:
    """This machine's address on its network (no packet is sent: a UDP socket only picks a route)."""
    import socket

    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.255.255.255", 1))
        return probe.getsockname()[0]
    except OSError:
        return "127.0.0.1"
    finally:
        probe.close()


def offline_templates(target: Path) -> Path:
    """textual-serve's page templates in `target`, offline and focusing the terminal on load."""
    import textual_serve

    from trainer.serving import write_templates

    return write_templates(Path(textual_serve.__file__).parent / "templates", target)


def serve_command(workshop_path: str, saves_folder: Path) -> str:
    """The shell command textual-serve runs for each participant's browser (`exec`: the game
    is the server's own child, so it can end with the server)."""
    import shlex

    return "exec " + " ".join(shlex.quote(part) for part in (
        sys.executable, "-m", "trainer", "play", "--workshop", str(Path(workshop_path).resolve()),
        "--saves-dir", str(saves_folder.resolve())))


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve a workshop to browsers: one game process per participant."""
    import signal
    import tempfile

    from trainer.serving import SERVED_BY, port_taken

    loaded = _workshop(args.workshop)
    if loaded is None:
        return 1
    workshop, _scenarios = loaded
    try:
        from textual_serve.server import Server
    except ImportError:  # pragma: no cover - a dependency of the project
        print(_("textual-serve is not installed: run make play once to set up"), file=sys.stderr)
        return 1
    taken = port_taken(args.host, args.port)
    if taken is not None:
        print(_("fact-trainer serve: {problem}").format(problem=taken), file=sys.stderr)
        return 2
    folder = saves_dir(args.saves_dir)
    public = args.host not in LOOPBACK
    if public:
        print(_("warning: serving to the network on {host}:{port}: anyone who can reach this machine can open the "
                "game.").format(host=args.host, port=args.port), file=sys.stderr)
        if workshop.access_code is None:
            print(_("warning: the workshop has no access_code; set one in the workshop file to keep strangers out."),
                  file=sys.stderr)
    url = args.public_url or f"http://{_lan_address() if args.host in ('0.0.0.0', '::') else args.host}:{args.port}"
    os.environ[SERVED_BY] = str(os.getpid())  # the game processes end with this one
    import secrets

    from trainer.serving import FACILITATOR_CODE, PUBLIC_URL

    console_code = workshop.facilitator_code or f"host-{secrets.token_hex(3)}"
    os.environ[FACILITATOR_CODE] = console_code
    os.environ[PUBLIC_URL] = url
    # a hang-up (the terminal closed) stops the server as Ctrl+C does, so the temporary folder goes
    signal.signal(signal.SIGHUP, signal.default_int_handler)
    with tempfile.TemporaryDirectory(prefix="fact-trainer-serve-") as temp:
        server = Server(serve_command(args.workshop, folder), host=args.host, port=args.port,
                        title=workshop.title, public_url=url, templates_path=offline_templates(Path(temp)))
        print(_("{title}: participants open {url} in a browser; saves go to {folder}").format(
            title=_plain(_level(workshop).title), url=url, folder=folder / workshop.id))
        console = (_("facilitator console: open {url} and type {code} as the name (from the workshop file; keep it "
                     "to yourself)") if workshop.facilitator_code else
                   _("facilitator console: open {url} and type {code} as the name (made for this run; keep it to "
                     "yourself)"))
        print(console.format(url=url, code=console_code), flush=True)
        try:
            server.serve()
        except KeyboardInterrupt:
            pass
        except OSError as exc:  # the port was taken between the check and now
            print(_("fact-trainer serve: cannot listen on {host}:{port} ({reason}); choose another with --port").format(
                host=args.host, port=args.port, reason=exc.strerror or exc), file=sys.stderr)
            return 2
    return 0


def _progress_line(enabled: bool):
    """A callback that rewrites one status line on stderr (nothing when not a terminal)."""
    if not enabled or not sys.stderr.isatty():
        return None

    def show(text: str) -> None:
        print(f"\r\033[K{text}", end="", file=sys.stderr, flush=True)

    return show


def cmd_lessons(args: argparse.Namespace, scenario) -> int:
    """The lesson report: the optimum, each optimum lesson's cost, the magnitudes."""
    from trainer.core.lessons import lesson_report, report_json

    line = _progress_line(not args.json)
    report = lesson_report(scenario, evaluations=args.evaluations,
                           progress=(lambda what: line(_("re-optimising {what}...").format(what=M.said(what))))
                           if line else None)
    if line:
        line("")
        print("\r", end="", file=sys.stderr)
    if args.json:
        print(json.dumps(report_json(report), indent=2, ensure_ascii=False))
        return 0 if report.passed else 1
    level = _level(scenario)
    texts = _lesson_texts(scenario, level)
    m = report.magnitudes
    names = {**M.POSITION_NAME, **M.STRENGTH_NAME}
    mix = ", ".join(f"{names[k]} {v:.0%}" for k, v in report.mix.items() if v >= 0.005)
    print(_("{title} ({id}): the best plan over seeds {seeds} ({count} plans per search)").format(
        title=_plain(level.title), id=scenario.id, seeds=", ".join(map(str, report.seeds)),
        count=f"{report.evaluations:,}"))
    print(ngettext("  optimum   score {optimum} (seed {seed}: {score}, {stars} star); money: {mix}",
                   "  optimum   score {optimum} (seed {seed}: {score}, {stars} stars); money: {mix}",
                   report.optimum_stars).format(optimum=f"{report.optimum:,.1f}", seed=report.seeds[0],
                                                score=report.optimum_score, stars=report.optimum_stars, mix=mix))
    print(_("  magnitudes  GMV per marketing yuan {roi} over the game, {week_roi} in its best week; refunds {refunds} "
            "of GMV; fans {fans} of GMV ({field_fans} of F and fans); pool up to {pool_max}, {pool_end} at the "
            "end").format(roi=f"{m.roi:.1f}", week_roi=f"{m.week_roi:.1f}", refunds=f"{m.refund_share:.1%}",
                          fans=f"{m.fan_share:.1%}", field_fans=f"{m.field_fan_share:.0%}",
                          pool_max=f"{m.pool_max:.2f}", pool_end=f"{m.pool_end:.2f}"))
    for problem in m.problems():
        print(_("FLAG   {flag}").format(flag=problem.text(_)))
    for claim in report.claims:
        text = _plain(texts.get(id(claim.lesson), claim.lesson.text))
        if claim.fitness is None:
            print(_("skip   {lesson}: {note}").format(lesson=text, note=M.said(claim.note)))
            continue
        mark = _("holds ") if claim.held else _("FAILS ")
        print(_("{mark} {lesson}: {label} the best plan scores {fitness}, {loss} below the optimum (needs "
                "{margin})").format(mark=mark, lesson=text, label=_plain(M.said(_in_level(claim.label, scenario, level))),
                                    fitness=f"{claim.fitness:,.1f}", loss=f"{claim.loss:.1%}", margin=f"{claim.lesson.margin:.0%}"))
    if not report.claims:
        print(_("the level states no remove or exploit lesson"))
    print(_("passed") if report.passed else _("failed"))
    return 0 if report.passed else 1


def _in_level(label, scenario, level):
    """A constraint's label naming a KOL (under.star), with the KOL's name in the level's
    language in force (`level`) rather than the file's."""
    if label is not None and label.code == "under.star":
        names = {kol.name: shown.name for kol, shown in zip(scenario.kols, level.kols)}
        kol = label.values["kol"]
        return type(label)("under.star", kol=names.get(kol, kol))
    return label


def _lesson_texts(scenario, level) -> dict[int, str]:
    """Each lesson of `scenario` (by id()) -> its text in the language in force (`level`)."""
    return {id(lesson): shown.text for lesson, shown in zip(scenario.lessons, level.lessons)}


def cmd_balance(args: argparse.Namespace) -> int:
    """Play every reference player over the seeds; flag design problems; check the lessons."""
    from trainer.core.balance import MIN_LEAD, balance, report_json

    scenario = _scenario(args.scenario)
    if scenario is None:
        return 1
    if args.seeds < 1:
        print(_("--seeds must be at least 1"), file=sys.stderr)
        return 1
    if args.evaluations < 100:
        print(_("--evaluations must be at least 100"), file=sys.stderr)
        return 1
    if args.lessons:
        return cmd_lessons(args, scenario)
    from trainer.core.balance import RANDOM_PLAYERS
    from trainer.core.scenario import BOT_NAMES, PLAYER_VARIANTS

    bot, _sep, variant = args.player.partition("/")
    random_players = [f"random_{i + 1}" for i in range(RANDOM_PLAYERS)]
    if (bot not in BOT_NAMES and args.player not in random_players) or (variant and variant not in PLAYER_VARIANTS):
        print(_("--player {player!r} is not a reference player; known: {bots}, {randoms}, optionally with a variant "
                "after '/': {variants}").format(player=args.player, bots=", ".join(BOT_NAMES),
                                                randoms=", ".join(random_players),
                                                variants=", ".join(PLAYER_VARIANTS)), file=sys.stderr)
        return 1
    if args.plan and args.player in random_players:
        print(_("--plan prints a named reference player's plan; a random player's depends on its own seed"),
              file=sys.stderr)
        return 1
    report = balance(scenario, seeds=args.seeds, extra=(args.player,) if "/" in args.player else ())
    if args.json:
        print(json.dumps(report_json(report), indent=2, ensure_ascii=False))
        return 0 if report.passed else 1
    level = _level(scenario)
    texts = _lesson_texts(scenario, level)
    print(ngettext("{title} ({id}): {count} seed from {first}", "{title} ({id}): {count} seeds from {first}",
                   len(report.seeds)).format(title=_plain(level.title), id=scenario.id, count=len(report.seeds),
                                             first=report.seeds[0]))
    print()
    print(_columns([(_("player"), 26, False), (_("score"), 7, True), ("±", 6, True), ("GMV", 13, True),
                    ("±", 11, True), ("GPM", 7, True), (_("stars"), 5, True), ("3*", 5, True)]))
    for name, s in sorted(report.players.items(), key=lambda kv: -kv[1].mean("score")):
        print(f"{name:<26} {s.mean('score'):>7.0f} {s.spread('score'):>6.0f} {s.mean('gmv'):>13,.0f} "
              f"{s.spread('gmv'):>11,.0f} {s.mean('gpm'):>7.1f} {s.mean('stars'):>5.2f} {s.share_with_stars(3):>5.0%}")
    print()
    _print_objectives(report, args.player, level)
    if args.plan:
        _print_reference_plan(scenario, args.player)
    for flag in report.flags:
        print(_("FLAG   {flag}").format(flag=flag.text(_)))
    for check in report.lessons:
        mark = _("holds ") if check.held else _("FAILS ")
        lesson = check.lesson
        lead = (check.better - check.worse) / abs(check.worse) if check.worse else 0.0
        print(_("{mark} {lesson}: {better} {better_score} vs {worse} {worse_score} ({metric}, better on {held}/{seeds} "
                "seeds, needs {on}; lead {lead}, needs {min_lead})").format(
            mark=mark, lesson=_plain(texts.get(id(lesson), lesson.text)), better=lesson.better,
            better_score=f"{check.better:,.1f}", worse=lesson.worse, worse_score=f"{check.worse:,.1f}",
            metric=_lesson_metric(lesson.metric), held=check.seeds_held, seeds=check.seeds, on=_lesson_on(lesson.on),
            lead=f"{lead:+.1%}", min_lead=f"{MIN_LEAD:.0%}"))
    optimum_lessons = sum(1 for lesson in scenario.lessons if lesson.kind != "players")
    if optimum_lessons:
        print(ngettext("({count} lesson against the optimum: run balance {id} --lessons)",
                       "({count} lessons against the optimum: run balance {id} --lessons)",
                       optimum_lessons).format(count=optimum_lessons, id=scenario.id))
    if not report.flags and not report.lessons:
        print(_("no flags; the level states no reference-player lesson to check"))
    elif report.passed:
        print(_("passed"))
    return 0 if report.passed else 1


LESSON_METRICS = {
    "score": N_("score"), "stars": N_("stars"), "gmv": N_("GMV"), "net_gmv": N_("net GMV"), "gpm": N_("GPM"),
    "profit": N_("profit"), "roi": N_("ROI"), "fans": N_("fans"), "rating": N_("rating"),
    "awareness": N_("awareness"),
}


def _lesson_metric(metric: str) -> str:
    """A lesson's `metric`: as the level file writes it in English (score, net_gmv), in the
    language's words otherwise (得分, 净GMV)."""
    from trainer import i18n

    return metric if i18n.language() == "en" else _(LESSON_METRICS.get(metric, metric))


def _lesson_on(on: str) -> str:
    """A players' lesson's `on` (every, mean) as balance prints it."""
    # TRANSLATORS: a lesson's `on` key: the better player must win on every seed, or on the mean
    return {"every": _("every"), "mean": _("mean")}.get(on, on)


def _columns(heads) -> str:
    """A table's header line: each (text, columns, right-aligned) padded to its terminal columns."""
    return " ".join(pad(text, width, right=right) for text, width, right in heads)


def _figure(x: float) -> str:
    """A metric for the author's tables: whole above 100, two decimals below (ratings, GPM ratios)."""
    return f"{x:,.0f}" if abs(x) >= 100 else f"{x:,.2f}"


def _print_objectives(report, name: str, level=None) -> None:
    """Each objective as one reference player met it, and which objective capped the stars."""
    from trainer.core.balance import objective_figures

    rows = objective_figures(report, name)
    objectives = level.objectives if level is not None else []
    labels = [_plain(_objective(objectives[i])) if i < len(objectives) else r.label for i, r in enumerate(rows)]
    print(ngettext("objectives, as {name} met them (mean over {count} seed):",
                   "objectives, as {name} met them (mean over {count} seeds):",
                   len(report.seeds)).format(name=name, count=len(report.seeds)))
    width = max([len_cells(label) for label in labels] + [len_cells(_("objective"))])
    lines = [" / ".join(_figure(t) for t in r.thresholds) for r in rows]
    line_width = max([len(x) for x in lines] + [len_cells(_("stars at"))])
    print("  " + _columns([(_("objective"), width, False), (_("mean"), 12, True), ("", 1, False),
                           (_("stars at"), line_width, False), (_("stars"), 5, True)])
          + "  " + _("capped the stars"))
    for r, label, line in zip(rows, labels, lines):
        print(f"  {pad(label, width)} {_figure(r.mean):>12}   {line:<{line_width}} {r.stars:>5.2f}  "
              + _("on {capped} of {seeds} seeds").format(capped=r.capped, seeds=r.seeds))
    print()


def len_cells(text: str) -> int:
    """The terminal columns `text` takes (a Chinese character two)."""
    from trainer.i18n import width

    return width(text)


def _print_reference_plan(scenario, name: str) -> None:
    """A reference player's plan week by week on the level's seed, with what each week brought."""
    from trainer.core.balance import reference_plan
    from trainer.core.scoring import score

    game = reference_plan(scenario, name)
    print(_("{name}'s plan on seed {seed}, week by week (yuan; discount and commission in %):").format(
        name=name, seed=game.seed))
    print("  " + _columns([(_("week"), 4, True), (_("budget"), 9, True), ("F", 8, True), ("A", 8, True),
                           ("C", 8, True), ("T", 8, True), (_("content"), 8, True), (_("brand"), 8, True),
                           (_("product"), 8, True), (_("price"), 8, True), (_("disc"), 5, True),
                           (_("comm"), 5, True), ("", 0, False), ("KOL", 16, False), ("GMV", 11, True),
                           ("GPM", 7, True)]))
    for r in game.reports:
        d = r.decision
        commission = d.commission if d.commission is not None else scenario.creators.default_commission
        kol = r.drivers.kol or "-"
        print(f"  {r.turn:>4} {r.budget:>9,} {d.field:>8,} {d.alliance:>8,} {d.campaign:>8,} {d.top_kol:>8,} "
              f"{d.content:>8,} {d.brand:>8,} {d.product:>8,} {d.price:>8,} {d.discount:>5g} {commission:>5g}  "
              f"{pad(_plain(kol), 16)} {r.gmv:>11,.0f} {r.gpm:>7.1f}")
    result = score(scenario, game.reports)
    print(ngettext("  score {score}, {stars} star", "  score {score}, {stars} stars", result.stars).format(
        score=f"{result.score:,}", stars=result.stars))
    print()


def cmd_solve(args: argparse.Namespace) -> int:
    """Search for a strong plan and print it as a plan file with its score."""
    import tomli_w

    from trainer.core.plan import plan_from_decisions
    from trainer.core.search import solve

    try:
        scenario, path = find(args.scenario)
    except FileProblems as exc:
        _print_problems(exc.problems)
        return 1
    if args.evaluations < 1:
        print(_("--evaluations must be at least 1 (got {value})").format(value=args.evaluations), file=sys.stderr)
        return 1
    if args.seed is not None and args.seed < 0:
        print(_("--seed must be 0 or more (got {value})").format(value=args.seed), file=sys.stderr)
        return 1
    line = _progress_line(not args.json)
    progress = None
    if line:
        def progress(used: int, total: int, best: float) -> None:
            line(_("searching: {used}/{total} plans, best score so far {best}").format(
                used=f"{used:,}", total=f"{total:,}", best=f"{best:,.1f}"))
    solution = solve(scenario, seed=args.seed, evaluations=args.evaluations, progress=progress)
    if line:
        line("")
        print("\r", end="", file=sys.stderr)
    result = solution.result
    if args.json:
        print(json.dumps({"scenario": scenario.id, "seed": solution.seed, "score": result.score,
                          "stars": result.stars, "start_score": solution.start_score,
                          "evaluations": solution.evaluations,
                          "plan": plan_from_decisions(list(solution.decisions))}, indent=2, ensure_ascii=False))
        return 0
    print(_("# Answer key for {id} on seed {seed}: score {score}, stars {stars}/3").format(
        id=scenario.id, seed=solution.seed, score=result.score, stars=result.stars))
    print(_("# (CMA-ES from the balanced heuristic's {start}: {count} plans, each played on seeds {seeds}; mean score "
            "{mean})").format(start=solution.start_score, count=f"{solution.evaluations:,}",
                              seeds=", ".join(map(str, solution.seeds)), mean=f"{solution.fitness:,.1f}"))
    print(_("# fact-trainer simulate {path} --seed {seed} --plan THIS_FILE").format(path=_plain(path),
                                                                                   seed=solution.seed))
    print(tomli_w.dumps(plan_from_decisions(list(solution.decisions))), end="")
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    """Write a commented starter scenario."""
    import re

    from trainer.core.starter import starter

    if not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", args.id):
        print(_("{id!r}: an id holds lower-case letters, digits, - and _ (starting with a letter or digit)").format(
            id=args.id), file=sys.stderr)
        return 1
    path = Path(args.out) if args.out else Path(f"{args.id}.toml")
    if path.exists():
        print(_("{path} already exists: choose another id or --out PATH (nothing was written)").format(path=path),
              file=sys.stderr)
        return 1
    from trainer.core import paths

    # your levels folder is created the first time; any other missing folder is likely a typo
    if not path.parent.is_dir() and path.parent.resolve() != paths.user_levels_dir().resolve():
        print(_("the folder {folder} does not exist: create it first (mkdir -p {folder}); nothing was written").format(
            folder=path.parent), file=sys.stderr)
        return 1
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9 -]{0,29}", args.category):
        print(_("--category {value!r}: a category is a word or two of letters, digits, spaces and - (at most 30), "
                "e.g. tea, snacks or skin care").format(value=args.category), file=sys.stderr)
        return 1
    if not 8 <= args.weeks <= 52:
        # measured: shorter, and chasing each week's ROI beats the FACT portfolio on the starter's
        # market (the snowball has no time to pay); the tutorial shows a short level tuned by hand
        print(_("--weeks {value}: the starter lasts 8 to 52 weeks; shorter, the recommender's snowball has no time "
                "to pay and chasing each week's ROI wins (balance flags it). For a short level, start from a copy "
                "of the tutorial instead").format(value=args.weeks), file=sys.stderr)
        return 1
    events = None
    if args.events is not None:
        try:
            events = [] if args.events.strip() in ("", "none") else [int(w) for w in args.events.split(",")]
        except ValueError:
            print(_("--events {value!r}: give the weeks of the events as numbers, e.g. --events 4,7 (or none)")
                  .format(value=args.events), file=sys.stderr)
            return 1
        bad = [w for w in events if not 3 <= w <= args.weeks]
        if bad or len(set(events)) != len(events):
            print(_("--events {value!r}: each event needs its own week from 3 to {weeks} (an event in week 1 or 2 "
                    "comes before a store can be built for it, and chasing ROI wins)").format(
                value=args.events, weeks=args.weeks), file=sys.stderr)
            return 1
    if not 0 <= args.kols <= 3:
        print(_("--kols {value}: the starter's roster has 0 to 3 KOLs").format(value=args.kols), file=sys.stderr)
        return 1
    # the schema editors read, when this is a checkout that has it (an installed app: none)
    schema_file = Path(__file__).resolve().parents[1] / "docs" / "scenario.schema.json"
    schema = None
    if schema_file.is_file():
        import os

        schema = Path(os.path.relpath(schema_file, path.parent.resolve())).as_posix()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)  # e.g. your levels folder, the first time
        path.write_text(starter(args.id, str(path), category=args.category, weeks=args.weeks, events=events,
                                kols=args.kols, schema=schema), encoding="utf-8")
    except OSError as exc:
        print(_("{path}: cannot be written ({reason})").format(path=path, reason=exc.strerror or exc), file=sys.stderr)
        return 1
    print(_("wrote {path}: check it with fact-trainer validate {path}").format(path=path))
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    """Print the JSON Schema of scenario files (of workshop files with --workshop)."""
    from trainer.core.schema import workshop_schema

    schema = workshop_schema() if getattr(args, "workshop", False) else scenario_schema()
    print(json.dumps(schema, indent=2, ensure_ascii=False))
    return 0
