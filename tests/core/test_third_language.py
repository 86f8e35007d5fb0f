"""A third language is one catalog file plus the levels' texts (docs/translating.md).

The test adds French to a copy of the game, as a translator would: a catalog under
trainer/i18n/locale/fr/ and a level with a [fr] table, nothing else, and finds the language
everywhere the game names its languages: --lang, the settings, a level's tables and
`validate`, a workshop's `language`, the numbers, the names.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EN_PO = ROOT / "trainer" / "i18n" / "locale" / "en" / "LC_MESSAGES" / "fact_trainer.po"

FRENCH = {  # a translator's first entries; the rest fall back to English
    "this language, named in itself: English": "Français",
    "Chinese": "chinois",
}


def _french_catalog() -> bytes:
    from babel.messages.pofile import read_po, write_po

    with EN_PO.open("rb") as f:
        catalog = read_po(f, locale="fr")
    for message in catalog:
        if message.id in FRENCH:
            message.string = FRENCH[message.id]
    from io import BytesIO

    out = BytesIO()
    write_po(out, catalog, width=0)
    return out.getvalue()


@pytest.fixture(scope="module")
def game_with_french(tmp_path_factory) -> Path:
    """A copy of the game's package with one file added: the French catalog."""
    where = tmp_path_factory.mktemp("third-language")
    shutil.copytree(ROOT / "trainer", where / "trainer", ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    catalog = where / "trainer" / "i18n" / "locale" / "fr" / "LC_MESSAGES" / "fact_trainer.po"
    catalog.parent.mkdir(parents=True)
    catalog.write_bytes(_french_catalog())
    level = (ROOT / "scenarios" / "01-tutorial.toml").read_text(encoding="utf-8")
    level += '\n[fr]\ntitle = "Premiers pas : la boutique de thé en direct"\n'
    (where / "tutorial-fr.toml").write_text(level, encoding="utf-8")
    return where


def _run(where: Path, *args: str, code: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(where), "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8",
           "XDG_CONFIG_HOME": str(where / "config")}
    command = [sys.executable, "-c", code] if code else [sys.executable, "-m", "trainer.cli", *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=where, timeout=120)


def test_the_copy_runs_from_its_own_folder(game_with_french):
    out = _run(game_with_french, code="import trainer; print(trainer.__file__)")
    assert out.stdout.strip().startswith(str(game_with_french)), out.stdout + out.stderr


def test_the_catalog_alone_adds_the_language(game_with_french):
    code = r"""
import json
from trainer import i18n
from trainer.core.languages import LANGUAGES
from trainer.core.scenario import Scenario
from trainer.core.workshop import Workshop
from trainer.core.loading import load_scenario
i18n.set_language("fr")
level = load_scenario("tutorial-fr.toml")
workshop = Workshop.model_validate({"id": "atelier", "title": "Atelier", "scenarios": ["tutorial"], "language": "fr",
                                    "en": {"title": "Workshop"}})
print(json.dumps({
    "catalogs": list(i18n.LANGUAGES), "levels": list(LANGUAGES), "own": i18n.own_name("fr"),
    "fields": "fr" in Scenario.model_fields and "fr" in Workshop.model_fields,
    "languages": list(level.languages), "title": level.localized("fr").title,
    "missing": len(level.missing_texts("fr")), "room": workshop.main_language,
    "number": i18n.decimal(12345.5, "#,##0.0"), "babel": i18n.babel_locale(),
    "chinese": i18n.language_name("zh"), "spoken": i18n.spoken(),
}, ensure_ascii=False))
"""
    out = _run(game_with_french, code=code)
    assert out.returncode == 0, out.stderr
    seen = json.loads(out.stdout)
    assert seen["catalogs"] == ["en", "fr", "zh_CN"] and seen["levels"] == ["en", "fr", "zh"]
    assert seen["own"] == "Français" and seen["fields"]
    assert seen["languages"] == ["en", "fr", "zh"]
    assert seen["title"] == "Premiers pas : la boutique de thé en direct"
    assert seen["missing"] > 0  # the rest of the level shows in English, with the briefing's note
    assert seen["room"] == "fr"
    assert seen["number"] == "12\u202f345,5" and seen["babel"] == "fr"  # Babel writes French numbers
    assert seen["chinese"] == "chinois"
    assert "fr (Français)" in seen["spoken"]


def test_the_command_line_offers_it(game_with_french):
    help_text = _run(game_with_french, "--help").stdout
    assert "fr (Français)" in help_text
    out = _run(game_with_french, "--lang", "fr", "validate", "tutorial-fr.toml")
    assert out.returncode == 0, out.stderr
    assert "languages: en, fr, zh" in out.stdout
    wrong = _run(game_with_french, "--lang", "xx", "list")
    assert wrong.returncode == 2 and "fr (Français)" in wrong.stderr


def test_a_level_table_of_a_language_without_a_catalog_is_refused(tmp_path):
    """Without the catalog the same [fr] table is an unknown language, and the message lists
    the languages the game speaks."""
    level = (ROOT / "scenarios" / "01-tutorial.toml").read_text(encoding="utf-8") + '\n[fr]\ntitle = "Premiers pas"\n'
    path = tmp_path / "tutorial-fr.toml"
    path.write_text(level, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "trainer.cli", "--lang", "en", "validate", str(path)],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode != 0
    assert "unknown language 'fr'" in out.stdout + out.stderr
    assert "zh (Chinese)" in out.stdout + out.stderr
