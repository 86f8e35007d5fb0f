"""Shared fixtures: the shipped scenarios, loaded once; no test sees the user's own folders."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from trainer.core import paths
from trainer.core.library import entries, scenarios_dir
from trainer.core.loading import load_scenario


def shipped():
    """Every scenario under scenarios/ (a broken file fails test_shipped_scenarios_validate)."""
    return [e.scenario for e in entries(scenarios_dir()) if e.scenario is not None]


SHIPPED = shipped()
SHIPPED_IDS = [s.id for s in SHIPPED]

AUTHORED_DIR = Path(__file__).resolve().parent / "data" / "levels"
"""Levels written as an outside author would, from docs/authoring.md alone (issue 15)."""
AUTHORED_PATHS = sorted(AUTHORED_DIR.glob("*.toml"))
AUTHORED = [load_scenario(p) for p in AUTHORED_PATHS]
LEVELS = [*SHIPPED, *AUTHORED]
"""Every level the per-level tests run on: a level that passes `validate` and `balance` passes
every per-level test, and the authored levels prove it (tests/core/test_rules.py)."""


@pytest.fixture(params=LEVELS, ids=[s.id for s in LEVELS])
def scenario(request):
    """Each shipped scenario in turn, then each authored one."""
    return request.param


@pytest.fixture(autouse=True)
def own_user_folders(tmp_path_factory, monkeypatch):
    """The user's data and config folders (their levels, an installed game's saves) are empty
    temporary ones, here and in the subprocesses a test starts; $FACT_TRAINER_SCENARIOS is unset."""
    home = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))  # what platformdirs reads on Linux
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setattr(paths, "user_data_dir", lambda: home / "data" / paths.APP)
    monkeypatch.setattr(paths, "settings_dir", lambda: home / "config" / paths.APP)
    monkeypatch.delenv(paths.SCENARIOS_ENV, raising=False)
    return home


@pytest.fixture(autouse=True)
def english(monkeypatch):
    """Every test starts in English whatever the machine's locale (here and in the subprocesses a
    test starts); a test that switches the language is put back to English after it."""
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    yield
    from trainer import i18n

    if i18n.language() != i18n.DEFAULT:
        language = sys.modules.get("trainer.ui.language")
        if language is not None:
            language.use_language(i18n.DEFAULT)  # the key labels on the classes too
        else:
            i18n.set_language(i18n.DEFAULT)
