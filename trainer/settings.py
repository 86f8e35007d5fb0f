"""The player's settings, kept between runs: one small TOML file in the user's config folder
(platformdirs; `fact-trainer where` names it). Today it keeps the language:

    language = "zh_CN"   # or "en"

A file that cannot be read is never overwritten nor lost: reading it says what is wrong
(the file, the line, what to do) and the game goes on without it; saving a setting then
refuses, saying why, until the file is fixed or deleted. Keys the game does not know are
kept as they are when it writes the file.

Light to import (no pydantic, no engine): the command line reads it before the title screen.
"""

from __future__ import annotations

import os
import tempfile
import tomllib
from pathlib import Path

import tomli_w

from trainer import i18n
from trainer.core import paths
from trainer.i18n import _

FILE = "settings.toml"


class SettingsError(Exception):
    """The settings file cannot be read or written; the message says which, why and what to do."""


def settings_path() -> Path:
    """The settings file (it may not exist yet)."""
    return paths.settings_dir() / FILE


def read_settings(path: Path | None = None) -> dict:
    """The settings (empty when there is no file); SettingsError when the file cannot be read."""
    path = path or settings_path()
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise SettingsError(_("{path} cannot be read ({reason}): check its permissions.").format(
            path=path, reason=exc.strerror or exc)) from None
    try:
        return tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise SettingsError(_("{path} is not UTF-8 text: fix it or delete it (it holds only the game's settings).")
                            .format(path=path)) from None
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(_("{path} is not valid TOML ({error}): fix it or delete it (it holds only the game's "
                              "settings).").format(path=path, error=exc)) from None


def saved_language(path: Path | None = None) -> tuple[str | None, str | None]:
    """(the language the settings keep or None, a problem to tell the player or None)."""
    path = path or settings_path()
    try:
        value = read_settings(path).get("language")
    except SettingsError as exc:
        return None, str(exc)
    if value is None:
        return None, None
    code = i18n.normalize(value) if isinstance(value, str) else None
    if code is None:
        return None, _("{path}: language = {value!r} is not one the game speaks; use one of {languages}.").format(
            path=path, value=value, languages=", ".join(f'"{c}"' for c in i18n.LANGUAGES))
    return code, None


def save_language(code: str, path: Path | None = None) -> Path:
    """Keep `code` as the language of the next runs; the file's other keys stay. Returns the
    file; SettingsError (nothing written) when the file cannot be read or written."""
    path = path or settings_path()
    data = read_settings(path)
    data["language"] = code
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(tomli_w.dumps(data))
            os.replace(tmp, path)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
    except OSError as exc:
        raise SettingsError(_("{path} cannot be written ({reason}): the language holds for this session only.")
                            .format(path=path, reason=exc.strerror or exc)) from None
    return path


def start_language(explicit: str | None = None, environ: dict[str, str] | None = None) -> str | None:
    """Set the language of this run: `explicit` (the command line's --lang), else the one the
    settings keep, else the system's locale. Returns a problem with the settings file to tell
    the player (the game goes on in the language chosen without it), or None."""
    if explicit:
        i18n.set_language(explicit)
        return None
    code, problem = saved_language()
    i18n.set_language(code or i18n.system_language(environ))
    if problem is not None:
        problem = saved_language()[1]  # said again, in the language now in force
    return problem
