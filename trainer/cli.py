"""The `fact-trainer` command line: a contract other tools and tests rely on.

This module only parses arguments: the commands live in trainer.commands and the game
in trainer.ui, each imported when it is used, so that `fact-trainer` reaches the
title screen without loading what it does not need.

The language is chosen first (`--lang`, else the kept setting, else the system's locale:
trainer.settings.start_language), so that the help and every message are in it.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from trainer import i18n
from trainer.i18n import N_, _

# TRANSLATORS: argparse's own words (usage, help headings, errors), which it reads through gettext:
# the parser is given the game's catalog (speak_argparse), so they must keep argparse's msgids.
ARGPARSE_MESSAGES = (
    N_("usage: "), N_("positional arguments"), N_("options"), N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("%(prog)s: error: %(message)s\n"), N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"), N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"), N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"), N_("not allowed with argument %s"), N_("one of the arguments %s is required"),
    N_("ambiguous option: %(option)s could match %(matches)s"), N_("ignored explicit argument %r"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"), N_("can't open '%(filename)s': %(error)s"),
)


def speak_argparse() -> None:
    """Let argparse say its words (usage:, options, its errors) in the game's language: it looks
    them up with gettext's module functions, which read no catalog of ours."""
    from trainer import i18n

    argparse._ = i18n.gettext
    argparse.ngettext = i18n.ngettext


def _play(args: argparse.Namespace) -> int:
    served_by = os.environ.get("FACT_TRAINER_SERVED_BY")
    if served_by and served_by.isdigit() and getattr(args, "workshop", None):
        from trainer.serving import die_with_parent  # a game of `serve`: it ends with the server

        die_with_parent(int(served_by))
    from trainer.ui.app import run

    options = {key: getattr(args, key, None) for key in ("load", "seed", "saves_dir", "workshop", "player", "lang")}
    options = {key: value for key, value in options.items() if value is not None}
    if "player" in options:
        from trainer.core.text import typed_name

        options["player"], note = typed_name(options["player"])
        if note:
            from trainer.ui.messages import said

            print(_("fact-trainer: --player: {note}").format(note=said(note)), file=sys.stderr)
    if getattr(args, "watch", False):
        options["watch"] = True
    return run(getattr(args, "scenario", None), **options)


def version_text() -> str:
    """`fact-trainer --version`: the program's version (trainer.__version__, the one place it is
    written) and the market model's, which decides the figures a save replays to."""
    from trainer import __version__
    from trainer.core.engine import MODEL_VERSION

    return _("fact-trainer {version} (market model {model})").format(version=__version__, model=MODEL_VERSION)


def language_option(value: str) -> str:
    """--lang's value as a catalog code (zh -> zh_CN); a clear error for a language the game does not speak."""
    from trainer import i18n

    code = i18n.normalize(value)
    if code is None:
        raise argparse.ArgumentTypeError(_("{value!r} is not a language the game speaks: use {languages}")
                                         .format(value=value, languages=i18n.spoken()))
    return code


def _language_in(argv: Sequence[str]) -> str | None:
    """The --lang given anywhere on the command line (before a `--`), if it names a language."""
    from trainer import i18n

    found = None
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv):
            found = argv[i + 1]
        elif arg.startswith("--lang="):
            found = arg.split("=", 1)[1]
    return i18n.normalize(found)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of `fact-trainer`."""
    speak_argparse()
    parser = argparse.ArgumentParser(
        prog="fact-trainer",
        description=_("FACT Trainer: run a brand on an interest e-commerce platform, turn by turn."),
    )
    parser.add_argument("--version", action="version", version=version_text(),
                        help=_("print the version and the market model's version"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("list", help=_("list the scenarios: the shipped ones and your own"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(func="cmd_list")

    p = sub.add_parser("where", help=_("print the folders in use: saves, reports, your levels, the shipped ones"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.add_argument("--saves-dir", metavar="DIR", help=_("the saves folder to report (as the other commands take it)"))
    p.set_defaults(func="cmd_where")

    p = sub.add_parser("validate", help=_("check scenario files"))
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.set_defaults(func="cmd_validate")

    p = sub.add_parser("simulate", help=_("play a whole game headless from a plan file"))
    p.add_argument("scenario", metavar="SCENARIO", help=_("scenario id or path"))
    p.add_argument("--plan", required=True, metavar="PLAN.toml", help=_("the plan file"))
    p.add_argument("--seed", type=int, default=None, help=_("market seed (default: the scenario's)"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.add_argument("--save", metavar="PATH", help=_("also write the game as a save file"))
    p.add_argument("--player", default="simulation", help=_("player name in the save (default: simulation)"))
    p.set_defaults(func="cmd_simulate")

    p = sub.add_parser("saves", help=_("list the saved games"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.add_argument("--saves-dir", metavar="DIR", help=_("the saves folder (default: see `fact-trainer where`, or $FACT_TRAINER_SAVES)"))
    p.set_defaults(func="cmd_saves")

    p = sub.add_parser("replay", help=_("replay a save and print it as simulate does"))
    p.add_argument("save", metavar="SAVE")
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(func="cmd_replay")

    p = sub.add_parser("report", help=_("write a saved game's debrief (md, html, csv, json) under reports/ of the saves folder"))
    p.add_argument("save", metavar="SAVE")
    p.add_argument("--format", choices=("md", "html", "csv", "json"), action="append",
                   help=_("the format (repeat for several; default md)"))
    p.add_argument("--out", metavar="DIR", help=_("the folder to write to (default: reports/ of the saves folder)"))
    p.add_argument("--saves-dir", metavar="DIR", help=_("the saves folder whose reports/ to use"))
    p.add_argument("--no-answer-key", action="store_true", help=_("leave out the answer key (faster)"))
    p.set_defaults(func="cmd_report", format=None)

    p = sub.add_parser("serve", help=_("serve a workshop to browsers (one game per participant)"))
    p.add_argument("--workshop", required=True, metavar="FILE", help=_("the workshop file"))
    p.add_argument("--host", default="127.0.0.1",
                   help=_("address to listen on (default 127.0.0.1: this machine only; 0.0.0.0 opens it to the network)"))
    p.add_argument("--port", type=int, default=8000, help=_("port (default 8000)"))
    p.add_argument("--public-url", metavar="URL", help=_("the address participants' browsers use, if not http://HOST:PORT"))
    p.add_argument("--saves-dir", metavar="DIR", help=_("the saves folder (default: see `fact-trainer where`, or $FACT_TRAINER_SAVES)"))
    p.set_defaults(func="cmd_serve")

    p = sub.add_parser("leaderboard", help=_("a workshop's leaderboard, every save verified by replay"))
    p.add_argument("--workshop", required=True, metavar="FILE", help=_("the workshop file"))
    p.add_argument("--saves-dir", action="append", metavar="DIR",
                   help=_("a saves folder to read (repeat to merge several machines' folders)"))
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help=_("print JSON"))
    fmt.add_argument("--csv", action="store_true", help=_("print CSV"))
    fmt.add_argument("--live", action="store_true",
                     help=_("a full-screen leaderboard for the facilitator to project; refreshes by itself"))
    fmt.add_argument("--export", metavar="DIR",
                     help=_("write the whole workshop to DIR: leaderboard.csv, turns.csv and each participant's debrief"))
    p.set_defaults(func="cmd_leaderboard")

    p = sub.add_parser("balance", help=_("play every reference player over many seeds; check the level's lessons"))
    p.add_argument("scenario", metavar="SCENARIO", help=_("scenario id or path"))
    p.add_argument("--seeds", type=int, default=20, help=_("how many seeds (default 20)"))
    p.add_argument("--player", default="balanced", metavar="NAME",
                   help=_("whose objective figures to show (default balanced; a variant such as balanced/no_field too)"))
    p.add_argument("--plan", action="store_true",
                   help=_("also print that reference player's plan week by week on the level's seed"))
    p.add_argument("--lessons", action="store_true",
                   help=_("prove the level's remove and exploit lessons against the optimum (re-optimises each; slow)"))
    p.add_argument("--evaluations", type=int, default=6000,
                   help=_("with --lessons: plans each search may try (default 6000)"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(func="cmd_balance")

    p = sub.add_parser("solve", help=_("search for a strong plan: the answer key"))
    p.add_argument("scenario", metavar="SCENARIO", help=_("scenario id or path"))
    p.add_argument("--seed", type=int, default=None, help=_("market seed (default: the scenario's)"))
    p.add_argument("--evaluations", type=int, default=6000,  # trainer.core.search.DEFAULT_EVALUATIONS
                   help=_("the search's budget: as many games as this many plans played on three seeds "
                        "(default 6000)"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(func="cmd_solve")

    p = sub.add_parser("new", help=_("write a commented starter scenario"))
    p.add_argument("id", metavar="ID")
    p.add_argument("--out", metavar="PATH", help=_("where to write it (default: ID.toml)"))
    p.add_argument("--category", default="snacks", help=_("what the brand sells (default snacks); KOLs of it fit"))
    p.add_argument("--weeks", type=int, default=8, help=_("how many weeks (default 8); the GMV stars scale with it"))
    p.add_argument("--events", metavar="WEEKS", default=None,
                   help=_("the weeks of platform events, e.g. 4,7, or none (default: one, three quarters in)"))
    p.add_argument("--kols", type=int, default=1,
                   help=_("KOLs on the roster, 0 to 3 (default 1): one that fits, an off-fit star, a niche voice"))
    p.set_defaults(func="cmd_new")

    p = sub.add_parser("schema", help=_("print the JSON Schema of scenario files"))
    p.add_argument("--workshop", action="store_true", help=_("the JSON Schema of workshop files instead"))
    p.set_defaults(func="cmd_schema")

    p = sub.add_parser("play", help=_("play in the terminal (the default)"))
    p.add_argument("scenario", nargs="?", metavar="SCENARIO", help=_("scenario id or path"))
    p.add_argument("--load", metavar="SAVE", help=_("continue a saved game"))
    p.add_argument("--seed", type=int, help=_("market seed (default: the scenario's)"))
    p.add_argument("--saves-dir", metavar="DIR", help=_("where games are saved (default: see `fact-trainer where`, or $FACT_TRAINER_SAVES)"))
    p.add_argument("--player", metavar="NAME", help=_("your name, for the save and the leaderboard"))
    p.add_argument("--workshop", metavar="FILE", help=_("play a workshop's scenarios under its rules"))
    p.add_argument("--watch", action="store_true", help=_("reload the scenario file when it changes (for authors)"))
    p.set_defaults(func=_play)
    for command in (parser, *sub.choices.values()):  # before or after the command: fact-trainer --lang zh list
        command.add_argument("--lang", type=language_option, metavar="LANG", default=argparse.SUPPRESS,
                             help=_("the language: {languages}; default: the kept setting, else the system's")
                             .format(languages=i18n.spoken()))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `fact-trainer` and `python -m trainer`."""
    if argv is None:
        argv = sys.argv[1:]
    from trainer.settings import start_language

    problem = start_language(_language_in(argv))
    if problem is not None:
        print(_("fact-trainer: {problem}").format(problem=problem), file=sys.stderr)
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
        print(_("fact-trainer: unexpected error ({error}). This is a bug in FACT Trainer; run again with "
                "FACT_TRAINER_DEBUG=1 to see the details.").format(error=f"{type(exc).__name__}: {exc}"),
              file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
