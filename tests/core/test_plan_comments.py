"""A shipped plan holds no text a game shows, only its header comment, which a player reads
on opening the file: it says what the plan does in English and in Chinese."""

from __future__ import annotations

import re

import pytest

from trainer.core.paths import shipped_plans_dir

PLANS = sorted(shipped_plans_dir().glob("*.toml"))
HAN = re.compile(r"[\u4e00-\u9fff]")


def header(path) -> list[str]:
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        lines.append(line.lstrip("# ").rstrip())
    return [line for line in lines if line and not line.startswith("fact-trainer")]


def test_the_plans_are_found():
    assert len(PLANS) >= 9


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.stem)
def test_a_plans_header_says_what_it_does_in_english_and_in_chinese(path):
    lines = header(path)
    english = [line for line in lines if not HAN.search(line)]
    chinese = [line for line in lines if HAN.search(line)]
    assert english and chinese, f"{path.name}: the header needs both languages"
    # the Chinese says as much, not a word or two: at least a third of the English's characters
    assert sum(map(len, chinese)) >= sum(map(len, english)) / 3
    # the figures the English quotes (20%, week 7, 618) are in the Chinese too
    numbers = lambda texts: sorted(re.findall(r"\d+", " ".join(texts)))  # noqa: E731
    assert numbers(chinese) == numbers(english), path.name
