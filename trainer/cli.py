"""The `fact-trainer` command line: a contract other tools and tests rely on.

This module only parses arguments: the commands live in trainer.commands and the game
in trainer.ui, each imported when it is used, so that `fact-trainer` reaches the
title screen without loading what it does not need.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence


def _play(args: argparse.Namespace) -> int:
    served_by = os.environ.get("FACT_TRAINER_SERVED_BY")
    if served_by and served_by.isdigit() and getattr(args, "workshop", None):
        from trainer.serving import die_with_parent  # a game of `serve`: it ends with the server

        die_with_parent(int(served_by))
    from trainer.ui.app import run

    options = {key: getattr(args, key, None) for key in ("load", "seed", "saves_dir", "workshop", "player")}
    options = {key: value for key, value in options.items() if value is not None}
    if "player" in options:
        from trainer.core.text import typed_name

        options["player"], note = typed_name(options["player"])
        if note:
            print(f"fact-trainer: --player: {note}", file=sys.stderr)
    if getattr(args, "watch", False):
        options["watch"] = True
    return run(getattr(args, "scenario", None), **options)


def version_text() -> str:
    """`fact-trainer --version`: the program's version (trainer.__version__, the one place it is
    written) and the market model's, which decides the figures a save replays to."""
    from trainer import __version__
    from trainer.core.engine import MODEL_VERSION

    return f"fact-trainer {__version__} (market model {MODEL_VERSION})"


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of `fact-trainer`."""
    parser = argparse.ArgumentParser(
        prog="fact-trainer",
        description="FACT Trainer: run a brand on an interest e-commerce platform, turn by turn.",
    )
    parser.add_argument("--version", action="version", version=version_text(),
                        help="print the version and the market model's version")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("list", help="list the scenarios: the shipped ones and your own")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func="cmd_list")

    p = sub.add_parser("where", help="print the folders in use: saves, reports, your levels, the shipped ones")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--saves-dir", metavar="DIR", help="the saves folder to report (as the other commands take it)")
    p.set_defaults(func="cmd_where")

    p = sub.add_parser("validate", help="check scenario files")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.set_defaults(func="cmd_validate")

    p = sub.add_parser("simulate", help="play a whole game headless from a plan file")
    p.add_argument("scenario", metavar="SCENARIO", help="scenario id or path")
    p.add_argument("--plan", required=True, metavar="PLAN.toml", help="the plan file")
    p.add_argument("--seed", type=int, default=None, help="market seed (default: the scenario's)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--save", metavar="PATH", help="also write the game as a save file")
    p.add_argument("--player", default="simulation", help="player name in the save (default: simulation)")
    p.set_defaults(func="cmd_simulate")

    p = sub.add_parser("saves", help="list the saved games")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--saves-dir", metavar="DIR", help="the saves folder (default: see `fact-trainer where`, or $FACT_TRAINER_SAVES)")
    p.set_defaults(func="cmd_saves")

    p = sub.add_parser("replay", help="replay a save and print it as simulate does")
    p.add_argument("save", metavar="SAVE")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func="cmd_replay")

    p = sub.add_parser("report", help="write a saved game's debrief (md, html, csv, json) under reports/ of the saves folder")
    p.add_argument("save", metavar="SAVE")
    p.add_argument("--format", choices=("md", "html", "csv", "json"), action="append",
                   help="the format (repeat for several; default md)")
    p.add_argument("--out", metavar="DIR", help="the folder to write to (default: reports/ of the saves folder)")
    p.add_argument("--saves-dir", metavar="DIR", help="the saves folder whose reports/ to use")
    p.add_argument("--no-answer-key", action="store_true", help="leave out the answer key (faster)")
    p.set_defaults(func="cmd_report", format=None)

    p = sub.add_parser("serve", help="serve a workshop to browsers (one game per participant)")
    p.add_argument("--workshop", required=True, metavar="FILE", help="the workshop file")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default 127.0.0.1: this machine only; 0.0.0.0 opens it to the network)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--public-url", metavar="URL", help="the address participants' browsers use, if not http://HOST:PORT")
    p.add_argument("--saves-dir", metavar="DIR", help="the saves folder (default: see `fact-trainer where`, or $FACT_TRAINER_SAVES)")
    p.set_defaults(func="cmd_serve")

    p = sub.add_parser("leaderboard", help="a workshop's leaderboard, every save verified by replay")
    p.add_argument("--workshop", required=True, metavar="FILE", help="the workshop file")
    p.add_argument("--saves-dir", action="append", metavar="DIR",
                   help="a saves folder to read (repeat to merge several machines' folders)")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="print JSON")
    fmt.add_argument("--csv", action="store_true", help="print CSV")
    fmt.add_argument("--live", action="store_true",
                     help="a full-screen leaderboard for the facilitator to project; refreshes by itself")
    fmt.add_argument("--export", metavar="DIR",
                     help="write the whole workshop to DIR: leaderboard.csv, turns.csv and each participant's debrief")
    p.set_defaults(func="cmd_leaderboard")

    p = sub.add_parser("balance", help="play every reference player over many seeds; check the level's lessons")
    p.add_argument("scenario", metavar="SCENARIO", help="scenario id or path")
    p.add_argument("--seeds", type=int, default=20, help="how many seeds (default 20)")
    p.add_argument("--player", default="balanced", metavar="NAME",
                   help="whose objective figures to show (default balanced; a variant such as balanced/no_field too)")
    p.add_argument("--plan", action="store_true",
                   help="also print that reference player's plan week by week on the level's seed")
    p.add_argument("--lessons", action="store_true",
                   help="prove the level's remove and exploit lessons against the optimum (re-optimises each; slow)")
    p.add_argument("--evaluations", type=int, default=6000,
                   help="with --lessons: plans each search may try (default 6000)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func="cmd_balance")

    p = sub.add_parser("solve", help="search for a strong plan: the answer key")
    p.add_argument("scenario", metavar="SCENARIO", help="scenario id or path")
    p.add_argument("--seed", type=int, default=None, help="market seed (default: the scenario's)")
    p.add_argument("--evaluations", type=int, default=6000,  # trainer.core.search.DEFAULT_EVALUATIONS
                   help="the search's budget: as many games as this many plans played on three seeds "
                        "(default 6000)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func="cmd_solve")

    p = sub.add_parser("new", help="write a commented starter scenario")
    p.add_argument("id", metavar="ID")
    p.add_argument("--out", metavar="PATH", help="where to write it (default: ID.toml)")
    p.add_argument("--category", default="snacks", help="what the brand sells (default snacks); KOLs of it fit")
    p.add_argument("--weeks", type=int, default=8, help="how many weeks (default 8); the GMV stars scale with it")
    p.add_argument("--events", metavar="WEEKS", default=None,
                   help="the weeks of platform events, e.g. 4,7, or none (default: one, three quarters in)")
    p.add_argument("--kols", type=int, default=1,
                   help="KOLs on the roster, 0 to 3 (default 1): one that fits, an off-fit star, a niche voice")
    p.set_defaults(func="cmd_new")

    p = sub.add_parser("schema", help="print the JSON Schema of scenario files")
    p.set_defaults(func="cmd_schema")

    p = sub.add_parser("play", help="play in the terminal (the default)")
    p.add_argument("scenario", nargs="?", metavar="SCENARIO", help="scenario id or path")
    p.add_argument("--load", metavar="SAVE", help="continue a saved game")
    p.add_argument("--seed", type=int, help="market seed (default: the scenario's)")
    p.add_argument("--saves-dir", metavar="DIR", help="where games are saved (default: see `fact-trainer where`, or $FACT_TRAINER_SAVES)")
    p.add_argument("--player", metavar="NAME", help="your name, for the save and the leaderboard")
    p.add_argument("--workshop", metavar="FILE", help="play a workshop's scenarios under its rules")
    p.add_argument("--watch", action="store_true", help="reload the scenario file when it changes (for authors)")
    p.set_defaults(func=_play)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `fact-trainer` and `python -m trainer`."""
    if argv is None:
        argv = sys.argv[1:]
    if not argv:  # the game itself: no parser to build on the way to the title screen
        return _play(argparse.Namespace())
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "command", None) == "report" and not args.format:
        args.format = ["md"]
    if args.command is None:
        return _play(args)
    try:
        if callable(args.func):
            return args.func(args)
        from trainer import commands

        return getattr(commands, args.func)(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug of ours: say so plainly, keep the traceback for developers
        if os.environ.get("FACT_TRAINER_DEBUG"):
            raise
        print(f"fact-trainer: unexpected error ({type(exc).__name__}: {exc}). This is a bug in FACT Trainer; "
              "run again with FACT_TRAINER_DEBUG=1 to see the details.", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
