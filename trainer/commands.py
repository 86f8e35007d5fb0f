"""The commands of `fact-trainer` other than play: each prints, and returns an exit code.

Every error a user can cause ends in a message and exit status 1, never a traceback.
Imported only when a command runs, so that starting the game does not pay for it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from trainer.core import report as reporting
from trainer.core.engine import Engine
from trainer.core.library import entries, find, scenarios_dir
from trainer.core.loading import FileProblems, load_plan, load_scenario
from trainer.core.plan import PlanError
from trainer.core.saves import SaveError, list_saves, load_game, save_game, saves_dir
from trainer.core.schema import scenario_schema


PROBLEMS_SHOWN = 20
"""How many problems of one file are printed before a summary line."""


def _print_problems(problems, stream=None) -> None:
    from trainer.core.text import safe

    problems = list(problems)
    for problem in problems[:PROBLEMS_SHOWN]:
        print(safe(problem), file=stream or sys.stderr)
    rest = problems[PROBLEMS_SHOWN:]
    if rest:
        kinds = {getattr(p, "message", str(p)) for p in rest}
        same = " of the same kind" if len(kinds) == 1 else ""
        print(f"...and {len(rest):,} more problem{'' if len(rest) == 1 else 's'}{same}", file=stream or sys.stderr)


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
        print(exc, file=sys.stderr)
        return None


def _workshop(path: str):
    """The workshop file's (Workshop, scenarios), or None after printing why not."""
    from trainer.core.workshop import load_workshop

    try:
        return load_workshop(path)
    except FileProblems as exc:
        _print_problems(exc.problems)
        return None


def cmd_list(args: argparse.Namespace) -> int:
    """List the scenarios under scenarios/."""
    found = entries(scenarios_dir())
    valid = [e for e in found if e.scenario is not None]
    if args.json:
        print(json.dumps([reporting.scenario_summary(e.scenario, e.path) for e in valid], indent=2, ensure_ascii=False))
    else:
        if not valid:
            print(f"No scenarios in {scenarios_dir()}.")
        for e in valid:
            s = e.scenario
            budget = f"{s.budget:,}" if isinstance(s.budget, int) else f"{min(s.budgets):,}-{max(s.budgets):,}"
            print(f"{s.id:<24} {s.turns:>3} turns  budget {budget:>17} yuan/turn  {s.difficulty:<8}  {s.title}")
    broken = [e for e in found if e.scenario is None]
    for e in broken:
        print(f"skipped {e.path}: it does not validate (run fact-trainer validate {e.path})", file=sys.stderr)
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    """Validate scenario and workshop files; print every problem as PATH:LINE: key: message."""
    from trainer.core.loading import read_toml
    from trainer.core.workshop import load_workshop, looks_like_workshop

    failed = False
    for name in args.paths:
        try:
            data, _ = read_toml(Path(name))
            if looks_like_workshop(data):
                workshop, scenarios = load_workshop(name)
                print(f"{name}: ok (workshop {workshop.id}, {len(scenarios)} scenario(s))")
                continue
            scenario = load_scenario(name)
        except FileProblems as exc:
            failed = True
            _print_problems(exc.problems, sys.stdout)
            continue
        print(f"{name}: ok ({scenario.id}, {scenario.turns} turns)")
    return 1 if failed else 0


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
        return _export_workshop(workshop, entries, Path(args.export))
    rows = [{"rank": e.rank, "name": e.name, "scenario": e.scenario, "turn": e.turn, "finished": e.finished,
             "score": e.score, "stars": e.stars, "gmv": round(e.gmv), "gpm": round(e.gpm, 2),
             "verified": e.verified, "problem": e.problem, "save": str(e.path)} for e in entries]
    if args.json:
        print(json.dumps({"workshop": workshop.id, "title": workshop.title, "entries": rows}, indent=2,
                         ensure_ascii=False))
        return 0
    if args.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else ["rank"], lineterminator="\n")
        writer.writeheader()
        writer.writerows([{key: csv_cell(value) for key, value in row.items()} for row in rows])
        return 0
    print(safe(f"{workshop.title} ({workshop.id}): {len(entries)} game(s)"))
    current = None
    for e in entries:
        if e.verified and e.scenario != current:
            current = e.scenario
            print(safe(f"\n{current}"))
            print(f"  {'rank':>4}  {'name':<24} {'turn':>4} {'score':>6} {'stars':<5} {'GMV':>13} {'GPM':>8}")
        if e.verified:
            print(f"  {e.rank:>4}  {safe(e.name)[:24]:<24} {e.turn:>4} {e.score:>6} {'*' * e.stars:<5} {e.gmv:>13,.0f} {e.gpm:>8.1f}")
    unverified = [e for e in entries if not e.verified]
    if unverified:
        print("\nnot ranked (the save does not verify):")
        for e in unverified:
            print(safe(f"  {e.name[:24]:<24} {e.path.name}: {e.problem}"))
    return 0


def plan_warnings(scenario, decisions) -> list[str]:
    """What a plan does that is allowed but rarely meant: nothing spent, a KOL named without
    top_kol money, money left unspent (one summary line)."""
    from trainer.core.scenario import POSITIONS, STRENGTHS

    warnings = []
    spent = [sum(getattr(d, k) for k in (*POSITIONS, *STRENGTHS)) for d in decisions]
    if not any(spent):
        warnings.append("the plan spends nothing in any week: the game plays with no money on F, A, C or T")
    kol_weeks = [i + 1 for i, d in enumerate(decisions) if d.kol and not d.top_kol]
    if kol_weeks:
        weeks = ", ".join(str(w) for w in kol_weeks)
        warnings.append(f"the plan names a KOL but gives top_kol no money in week{'s' if len(kol_weeks) > 1 else ''} "
                        f"{weeks}: nobody is booked")
    under = [(i + 1, scenario.budget_of(i + 1) - s) for i, s in enumerate(spent) if any(spent)
             and s < scenario.budget_of(i + 1)]
    if under:
        total = sum(left for _, left in under)
        warnings.append(f"{len(under)} of {len(decisions)} weeks spend under the budget "
                        f"({total:,} yuan unspent in all; first: week {under[0][0]}, {under[0][1]:,} left)")
    return warnings


def cmd_simulate(args: argparse.Namespace) -> int:
    """Play a whole game headless from a plan file."""
    try:
        scenario, _ = find(args.scenario)
        decisions = load_plan(args.plan, scenario)
    except FileProblems as exc:
        _print_problems(exc.problems)
        return 1
    for warning in plan_warnings(scenario, decisions):
        print(f"{args.plan}: warning: {warning}", file=sys.stderr)
    seed = scenario.seed if args.seed is None else args.seed
    if seed < 0:
        print(f"--seed: must be 0 or more, got {seed:,}", file=sys.stderr)
        return 1
    player = args.player
    if args.save:
        from trainer.core.text import safe, typed_name

        folder = Path(args.save).parent
        if not folder.is_dir():
            print(f"--save: the folder {safe(folder)} does not exist; create it first (mkdir -p {safe(folder)})",
                  file=sys.stderr)
            return 1
        player, note = typed_name(player)
        if note:
            print(f"--player: {note}", file=sys.stderr)
    game = Engine(scenario).new_game(seed)
    try:
        game.play(decisions)
    except PlanError as exc:  # compile_plan checked the plan; kept for safety
        print(f"{args.plan}: {exc}", file=sys.stderr)
        return 1
    if args.save:
        try:
            save_game(game, player, Path(args.save))
        except SaveError as exc:
            print(exc, file=sys.stderr)
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
    found = list_saves(folder)
    if args.json:
        print(json.dumps([
            {"path": str(s.path), "player": s.player, "scenario": s.scenario, "turns_played": s.turn,
             "gmv": s.gmv, "score": s.score, "updated": s.updated, "problem": s.problem}
            for s in found], indent=2, ensure_ascii=False))
        return 0
    if not found:
        print(f"No saves in {folder}.")
    for s in found:
        if s.problem:
            print(f"{s.path.name}: cannot be loaded: {s.problem}")
        else:
            print(f"{s.player:<20} {s.scenario:<20} turn {s.turn:>3}  GMV {s.gmv:>13,}  score {s.score:>5}  {s.updated}  {s.path.name}")
    return 0


def cmd_replay(args: argparse.Namespace) -> int:
    """Replay a save; print what simulate prints, or exit 1 when it does not verify."""
    loaded = _saved_game(args.save)
    if loaded is None:
        return 1
    if not loaded.verified:
        print(f"{args.save}: does not verify ({loaded.status}):", file=sys.stderr)
        for problem in loaded.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    _print_game(loaded.game, args.json)
    return 0


def game_table(game) -> str:
    """A whole game as a readable table, one line per turn, then the score."""
    data = reporting.game_json(game)
    lines = [f"{game.scenario.title} ({game.scenario.id}), seed {game.seed}", ""]
    head = (f"{'turn':>4} {'spend':>9} {'GMV':>11} {'GPM':>7} {'ROI':>6} {'net GMV':>11} {'profit':>11}"
            f" {'F GMV':>10} {'A GMV':>10} {'C GMV':>10} {'T GMV':>10} {'pool':>5} {'fans':>8} {'rating':>6}")
    lines.append(head)
    lines.append("-" * len(head))
    for t in data["turns"]:
        ch = t["channels"]
        lines.append(
            f"{t['turn']:>4} {t['spend']:>9,} {t['gmv']:>11,} {t['gpm']:>7.1f} {t['roi']:>6.2f} {t['net_gmv']:>11,}"
            f" {t['profit']:>11,} {ch['field']['gmv']:>10,} {ch['alliance']['gmv']:>10,} {ch['campaign']['gmv']:>10,}"
            f" {ch['top_kol']['gmv']:>10,} {t['state']['pool']:>5.2f} {t['state']['fans']:>8,} {t['state']['rating']:>6.2f}"
            + (f"  {t['event']}" if t["event"] else "")
        )
    total = data["total"]
    lines += ["", f"Total GMV {total['gmv']:,} yuan, GPM {total['gpm']:.1f}, net GMV {total['net_gmv']:,}, "
              f"profit {total['profit']:,}", f"Score {total['score']}, stars {total['stars']}/3"]
    for o in total["objectives"]:
        value = f"{o['value']:,.0f}" if o["metric"] in ("gmv", "net_gmv", "profit", "fans") else f"{o['value']:,.2f}"
        lines.append(f"  {'*' * o['stars']:<3} {o['label']}: {value}")
    return "\n".join(lines)


def _export_workshop(workshop, entries, folder: Path) -> int:
    """The facilitator's export: the leaderboard, every participant's every turn (one CSV),
    and each participant's debrief (Markdown)."""
    import csv
    import io

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
            writer.writerow([csv_cell(v) for v in (e.rank or "", e.name, e.scenario, e.turn, e.finished, e.score,
                                                     e.stars, round(e.gmv), round(e.gpm, 2), e.verified,
                                                     e.problem or "", e.path.name)])
            if e.problem is not None and not e.verified and e.turn == 0:
                continue
            try:
                loaded = load_game(e.path)
            except SaveError:
                continue
            for row in csv_rows(loaded.game):
                turns.append({"name": csv_cell(e.name), "scenario": e.scenario, "verified": e.verified,
                              **{k: csv_cell(v) for k, v in row.items()}})
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
    except SaveError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"wrote {folder / 'leaderboard.csv'}, {folder / 'turns.csv'} ({len(turns)} turns) and {written} debrief(s) "
          f"in {folder / 'debriefs'}")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    """Write a save's debrief as Markdown, HTML, CSV or JSON under saves/reports/."""
    from trainer.export import reports_dir, write_report

    loaded = _saved_game(args.save)
    if loaded is None:
        return 1
    if not loaded.game.reports:
        print(f"{args.save}: no week has been played yet: nothing to report", file=sys.stderr)
        return 1
    if not loaded.verified:
        print(f"note: {args.save} does not verify ({loaded.status}); the report shows the replayed game",
              file=sys.stderr)
    folder = Path(args.out) if args.out else reports_dir(saves_dir(args.saves_dir))
    written = []
    for fmt in args.format:
        try:
            written.append(write_report(loaded.game, loaded.save.player, fmt, folder,
                                        name=Path(args.save).stem, answer_key=not args.no_answer_key))
        except SaveError as exc:
            print(exc, file=sys.stderr)
            return 1
    for path in written:
        print(f"wrote {path}")
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


def offline_templates() -> Path:
    """textual-serve's page template without its web-font link, in a temporary folder: the
    served page must load nothing from the internet (a workshop room may have none)."""
    import re
    import tempfile

    import textual_serve

    source = Path(textual_serve.__file__).parent / "templates"
    target = Path(tempfile.mkdtemp(prefix="fact-trainer-serve-"))
    for template in source.glob("*.html"):
        text = template.read_text(encoding="utf-8")
        text = re.sub(r"<link[^>]*https?://[^>]*>", "", text, flags=re.S)
        (target / template.name).write_text(text, encoding="utf-8")
    return target


def serve_command(workshop_path: str, saves_folder: Path) -> str:
    """The shell command textual-serve runs for each participant's browser."""
    import shlex

    return " ".join(shlex.quote(part) for part in (
        sys.executable, "-m", "trainer", "play", "--workshop", str(Path(workshop_path).resolve()),
        "--saves-dir", str(saves_folder.resolve())))


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve a workshop to browsers: one game process per participant."""
    loaded = _workshop(args.workshop)
    if loaded is None:
        return 1
    workshop, _ = loaded
    try:
        from textual_serve.server import Server
    except ImportError:  # pragma: no cover - a dependency of the project
        print("textual-serve is not installed: run make play once to set up", file=sys.stderr)
        return 1
    folder = saves_dir(args.saves_dir)
    public = args.host not in LOOPBACK
    if public:
        print(f"warning: serving to the network on {args.host}:{args.port}: anyone who can reach this machine "
              "can open the game.", file=sys.stderr)
        if workshop.access_code is None:
            print("warning: the workshop has no access_code; set one in the workshop file to keep strangers out.",
                  file=sys.stderr)
    url = args.public_url or f"http://{_lan_address() if args.host in ('0.0.0.0', '::') else args.host}:{args.port}"
    server = Server(serve_command(args.workshop, folder), host=args.host, port=args.port,
                    title=workshop.title, public_url=url, templates_path=offline_templates())
    print(f"{workshop.title}: participants open {url} in a browser; saves go to {folder / workshop.id}")
    server.serve()
    return 0


def cmd_balance(args: argparse.Namespace) -> int:
    """Play every reference player over the seeds; flag design problems; check the lessons."""
    from trainer.core.balance import balance, report_json

    scenario = _scenario(args.scenario)
    if scenario is None:
        return 1
    if args.seeds < 1:
        print("--seeds must be at least 1", file=sys.stderr)
        return 1
    report = balance(scenario, seeds=args.seeds)
    if args.json:
        print(json.dumps(report_json(report), indent=2, ensure_ascii=False))
        return 0 if report.passed else 1
    print(f"{scenario.title} ({scenario.id}): {len(report.seeds)} seeds from {report.seeds[0]}")
    print()
    print(f"{'player':<26} {'score':>7} {'±':>6} {'GMV':>13} {'±':>11} {'GPM':>7} {'stars':>5} {'3*':>5}")
    for name, s in sorted(report.players.items(), key=lambda kv: -kv[1].mean("score")):
        print(f"{name:<26} {s.mean('score'):>7.0f} {s.spread('score'):>6.0f} {s.mean('gmv'):>13,.0f} "
              f"{s.spread('gmv'):>11,.0f} {s.mean('gpm'):>7.1f} {s.mean('stars'):>5.2f} {s.share_with_stars(3):>5.0%}")
    print()
    for flag in report.flags:
        print(f"FLAG   {flag}")
    for check in report.lessons:
        mark = "holds " if check.held else "FAILS "
        lesson = check.lesson
        print(f"{mark} {lesson.text}: {lesson.better} {check.better:,.1f} vs {lesson.worse} {check.worse:,.1f} "
              f"({lesson.metric}, better on {check.seeds_held}/{check.seeds} seeds, needs {lesson.on})")
    if not report.flags and not report.lessons:
        print("no flags; the level states no lessons to check")
    elif report.passed:
        print("passed")
    return 0 if report.passed else 1


def cmd_solve(args: argparse.Namespace) -> int:
    """Search for a strong plan and print it as a plan file with its score."""
    import tomli_w

    from trainer.core.plan import plan_from_decisions
    from trainer.core.search import solve

    scenario = _scenario(args.scenario)
    if scenario is None:
        return 1
    solution = solve(scenario, seed=args.seed, evaluations=args.evaluations)
    result = solution.result
    if args.json:
        print(json.dumps({"scenario": scenario.id, "seed": solution.seed, "score": result.score,
                          "stars": result.stars, "start_score": solution.start_score,
                          "evaluations": solution.evaluations,
                          "plan": plan_from_decisions(list(solution.decisions))}, indent=2, ensure_ascii=False))
        return 0
    print(f"# Answer key for {scenario.id} on seed {solution.seed}: score {result.score}, "
          f"stars {result.stars}/3")
    print(f"# (hill climb from the balanced heuristic's {solution.start_score}, {solution.evaluations} games)")
    print(f"# fact-trainer simulate {scenario.id} --seed {solution.seed} --plan THIS_FILE")
    print(tomli_w.dumps(plan_from_decisions(list(solution.decisions))), end="")
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    """Write a commented starter scenario."""
    import re

    from trainer.core.starter import starter

    if not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", args.id):
        print(f"{args.id!r}: an id holds lower-case letters, digits, - and _ (starting with a letter or digit)",
              file=sys.stderr)
        return 1
    path = Path(args.out) if args.out else Path(f"{args.id}.toml")
    if path.exists():
        print(f"{path} already exists: choose another id or --out PATH (nothing was written)", file=sys.stderr)
        return 1
    if not path.parent.is_dir():
        print(f"the folder {path.parent} does not exist: create it first (mkdir -p {path.parent}); nothing was written",
              file=sys.stderr)
        return 1
    try:
        path.write_text(starter(args.id, str(path)), encoding="utf-8")
    except OSError as exc:
        print(f"{path}: cannot be written ({exc.strerror or exc})", file=sys.stderr)
        return 1
    print(f"wrote {path}: check it with fact-trainer validate {path}")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    """Print the JSON Schema of scenario files."""
    print(json.dumps(scenario_schema(), indent=2, ensure_ascii=False))
    return 0
