"""A workshop file's title in two languages: a [zh] (or [en]) table as in a level file;
Workshop.localized shows it, missing_texts says what falls back, bad tables are refused
with their file, line and key, and `validate` names the languages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from trainer.cli import main
from trainer.core.loading import FileProblems
from trainer.core.workshop import load_workshop

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "workshops" / "example.toml"
HAN = re.compile(r"[\u4e00-\u9fff]")

WORKSHOP = """\
id = "room"
title = "Tea morning"
scenarios = ["tutorial"]
seed = 5
access_code = "tea-1"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "room.toml"
    path.write_text(text, encoding="utf-8")
    return path


def problems(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(FileProblems) as caught:
        load_workshop(write(tmp_path, text))
    return [str(p) for p in caught.value.problems]


def line_of(text: str, fragment: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), start=1) if fragment in line)


def test_the_shipped_workshop_has_its_title_in_english_and_chinese():
    workshop, _ = load_workshop(EXAMPLE)
    assert workshop.languages == ("en", "zh") and workshop.missing_texts("zh") == []
    zh = workshop.localized("zh")
    assert HAN.search(zh.title) and not HAN.search(workshop.title)
    assert zh.original is workshop and workshop.localized("en") is workshop


def test_the_localized_workshop_keeps_every_rule(tmp_path):
    workshop, _ = load_workshop(write(tmp_path, WORKSHOP + '\n[zh]\ntitle = "品茶上午"\n'))
    zh = workshop.localized("zh")
    assert zh.title == "品茶上午"
    rules = zh.model_dump(exclude={"title", "en", "zh"})
    assert rules == workshop.model_dump(exclude={"title", "en", "zh"})
    assert rules["seed"] == 5 and rules["access_code"] == "tea-1"


def test_a_workshop_without_the_language_falls_back_to_its_own_title(tmp_path):
    workshop, _ = load_workshop(write(tmp_path, WORKSHOP))
    assert workshop.languages == ("en",)
    assert workshop.missing_texts("zh") == ["title"] and workshop.missing_texts("en") == []
    assert workshop.localized("zh") is workshop and workshop.localized("zh").title == "Tea morning"
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        workshop.localized("fr")


@pytest.mark.parametrize("table, fragment, expected", [
    ('\n[fr]\ntitle = "Matinée"\n', "[fr]", "fr: unknown language 'fr'"),
    ('\n[en]\ntitle = "Tea"\n', "[en]", "en: the workshop's own text is already in English"),
    ('\n[zh]\ntitle = ""\n', 'title = ""', "zh.title: must not be empty"),
    ('\n[zh]\ntitle = "品茶\\u001b[2J"\n', "品茶", "zh.title: contains a control character (ESC, U+001B)"),
    ('\n[zh]\ntitle = "品茶\\u202e"\n', "品茶", "zh.title: contains a control character (RLO, U+202E)"),
    ('\n[zh]\ntitel = "品茶"\n', "titel", "zh.titel: unknown key 'titel'; did you mean 'title'?"),
    ('\n[zh]\ntitle = "品' + "茶" * 100 + '"\n', "品", "zh.title: is too long: at most 100"),
], ids=["unknown-language", "own-language", "empty", "escape", "bidi", "misspelt", "too-long"])
def test_a_bad_table_is_named_with_its_file_line_and_key(tmp_path, table, fragment, expected):
    text = WORKSHOP + table
    (found,) = problems(tmp_path, text)
    assert found.startswith(f"{tmp_path / 'room.toml'}:{line_of(text, fragment)}: ")
    assert expected in found


def test_validate_names_a_workshops_languages(tmp_path, capsys):
    assert main(["validate", str(EXAMPLE)]) == 0
    assert "languages: en, zh" in capsys.readouterr().out
    assert main(["validate", str(write(tmp_path, WORKSHOP))]) == 0
    assert "languages: en)" in capsys.readouterr().out
