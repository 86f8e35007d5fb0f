"""Shared fixtures: the shipped scenarios, loaded once."""

from __future__ import annotations

import pytest

from trainer.core.library import entries, scenarios_dir


def shipped():
    """Every scenario under scenarios/ (a broken file fails test_shipped_scenarios_validate)."""
    return [e.scenario for e in entries(scenarios_dir()) if e.scenario is not None]


SHIPPED = shipped()
SHIPPED_IDS = [s.id for s in SHIPPED]


@pytest.fixture(params=SHIPPED, ids=SHIPPED_IDS)
def scenario(request):
    """Each shipped scenario in turn."""
    return request.param
