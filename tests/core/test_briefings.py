"""A briefing agrees with its own level: the amounts and multipliers it quotes are the
level's (a briefing that promised "six times" the reach of a calendar saying x1.5 misled)."""

from __future__ import annotations

import re
from itertools import permutations

import pytest

from trainer.core.library import scenarios_dir
from trainer.core.loading import load_scenario

LEVELS = sorted(scenarios_dir().glob("*.toml"))
WORDS = {"twice": 2, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "twenty": 20}


def quoted_multipliers(text: str) -> list[float]:
    """Every multiplier a text states: "ten times", "3 times", "twice"."""
    out = [float(WORDS[w.lower()]) for w in re.findall(r"\b(\w+) times\b", text) if w.lower() in WORDS]
    out += [float(n) for n in re.findall(r"\b(\d+(?:\.\d+)?) times\b", text)]
    out += [2.0] * len(re.findall(r"\btwice\b", text, flags=re.I))
    return out


@pytest.mark.parametrize("path", LEVELS, ids=lambda p: p.stem)
def test_every_amount_a_briefing_quotes_is_the_levels(path):
    s = load_scenario(path)
    known = set(s.budgets) | {k.fee for k in s.kols} | {p.fee for p in s.providers} | {s.brand.price}
    for amount in re.findall(r"([\d,]+)\s*yuan", s.briefing):
        assert int(amount.replace(",", "")) in known, f"{s.id}: the briefing quotes {amount} yuan"


@pytest.mark.parametrize("path", LEVELS, ids=lambda p: p.stem)
def test_every_multiplier_a_briefing_quotes_is_the_levels(path):
    s = load_scenario(path)
    reaches = [s.campaign_reach(e) for e in s.events]
    # an event's campaign reach against an ordinary week's, or one event's against another's
    true = reaches + [a / b for a, b in permutations(reaches, 2)]
    for said in quoted_multipliers(s.briefing):
        assert any(abs(said - t) <= 0.1 * t for t in true), f"{s.id}: the briefing says {said:g} times; " \
            f"the level's campaign reaches are {[round(r, 2) for r in reaches]}"


def test_the_check_catches_a_briefing_that_overstates():
    assert quoted_multipliers("reach is six times an ordinary week's, twice in the festival") == [6.0, 2.0]
