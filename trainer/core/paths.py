"""Where the game's files live: what it ships, and what it writes.

Two ways to run FACT Trainer, one set of rules:

- From a checkout of the repository (`make play`): saves go to `saves/` at the root of
  the checkout, as they always have.
- Installed (`pipx install fact-trainer`, `uv tool install`, a wheel): nothing is ever
  written beside the code; saves go to the user's data folder, where the platform keeps
  them (platformdirs: `~/.local/share/fact-trainer` on Linux, `~/Library/Application
  Support/fact-trainer` on macOS, `%LOCALAPPDATA%\\fact-trainer` on Windows).

Either way, `--saves-dir` and `$FACT_TRAINER_SAVES` win; authors' own levels live in
`scenarios/` of the user's data folder and in the folders `$FACT_TRAINER_SCENARIOS`
names; the levels, plans and example workshop that come with the game are read through
importlib.resources (trainer._shipped says how a wheel and a checkout both have them).
`fact-trainer where` prints every folder.
"""

from __future__ import annotations

import importlib
import os
import tomllib
from importlib import resources
from pathlib import Path

import platformdirs

APP = "fact-trainer"
"""The project's name: the distribution, the command and the user folders."""

SAVES_ENV = "FACT_TRAINER_SAVES"
SCENARIOS_ENV = "FACT_TRAINER_SCENARIOS"
SHIPPED = "trainer._shipped"


def is_checkout(root: Path) -> bool:
    """True when `root` is a checkout of this project: a pyproject.toml whose project is
    fact-trainer, with the `trainer` package and `scenarios/` beside it."""
    try:
        with open(root / "pyproject.toml", "rb") as f:
            project = tomllib.load(f).get("project")
    except (OSError, tomllib.TOMLDecodeError):
        return False
    if not isinstance(project, dict) or project.get("name") != APP:
        return False
    return (root / "trainer" / "__init__.py").is_file() and (root / "scenarios").is_dir()


def checkout_root() -> Path | None:
    """The repository's root when the game runs from a checkout of it, else None.

    An installed package sits in site-packages, whose parent folders hold no pyproject.toml
    of this project.
    """
    root = Path(__file__).resolve().parents[2]
    return root if is_checkout(root) else None


def user_data_dir() -> Path:
    """The user's data folder for the game (platformdirs); nothing is created here."""
    return platformdirs.user_data_path(APP, appauthor=False)


def settings_dir() -> Path:
    """Where settings belong (platformdirs' user config folder; the game keeps none yet)."""
    return platformdirs.user_config_path(APP, appauthor=False)


def default_saves_dir() -> Path:
    """Saves when neither --saves-dir nor $FACT_TRAINER_SAVES says: a checkout's `saves/`,
    else `saves/` in the user's data folder."""
    root = checkout_root()
    return root / "saves" if root is not None else user_data_dir() / "saves"


def saves_dir(override: str | Path | None = None) -> Path:
    """Where saves live: the given folder, else $FACT_TRAINER_SAVES, else default_saves_dir()."""
    if override:
        return Path(override)
    env = os.environ.get(SAVES_ENV)
    if env:
        return Path(env)
    return default_saves_dir()


def user_levels_dir() -> Path:
    """The author's own levels: `scenarios/` in the user's data folder (checkout or not)."""
    return user_data_dir() / "scenarios"


def env_levels_dirs() -> list[Path]:
    """The folders $FACT_TRAINER_SCENARIOS names (several, separated by os.pathsep)."""
    value = os.environ.get(SCENARIOS_ENV, "")
    return [Path(part) for part in value.split(os.pathsep) if part.strip()]


def shipped_dir(name: str) -> Path:
    """A folder the game ships (`scenarios`, `workshops`), found by importlib.resources.

    In a wheel it is trainer/_shipped/<name>/; in a checkout, the repository's own
    <name>/ folder (see trainer._shipped). The game is installed as files (pip never
    installs a zip), so the folder is a path on disk.
    """
    package = f"{SHIPPED}.{name}"
    folder = resources.files(package)
    if isinstance(folder, Path):
        return folder
    # A folder without __init__.py is a namespace package: importlib.resources gives a
    # MultiplexedPath; the folder is the first of the package's own.
    return Path(next(iter(importlib.import_module(package).__path__)))


def shipped_levels_dir() -> Path:
    """The levels that come with the game."""
    return shipped_dir("scenarios")


def shipped_plans_dir() -> Path:
    """A plan file for each shipped level (`fact-trainer simulate ID --plan FILE`)."""
    return shipped_levels_dir() / "plans"


def example_workshop() -> Path:
    """The example workshop file, for a facilitator to copy."""
    return shipped_dir("workshops") / "example.toml"
