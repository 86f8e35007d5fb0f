"""Every UI test saves into its own temporary folder, never the real saves/, at a fixed time."""

from __future__ import annotations

import pytest

from trainer.core import saves

NOW = "2025-03-01T09:30:00Z"


@pytest.fixture(autouse=True)
def saves_folder(tmp_path, monkeypatch):
    """The saves folder of this test (empty at the start)."""
    folder = tmp_path / "saves"
    monkeypatch.setenv(saves.SAVES_ENV, str(folder))
    monkeypatch.setattr(saves, "_now", lambda: NOW)
    return folder
