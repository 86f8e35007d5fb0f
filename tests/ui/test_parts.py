"""Parts of the UI that need no running app: the message catalog's sentences, the bar chart."""

from __future__ import annotations

import subprocess
import sys

from trainer.core.explain import Reason
from trainer.core.library import find
from trainer.ui import messages as M
from trainer.ui.widgets.bars import BarChart


def test_benchmark_marker_shows_when_every_bar_passes_it():
    chart = BarChart([120.0, 150.0, 180.0], ["W1", "W2", "W3"], M.gpm, marker=60.0)
    lines = chart.render().plain.splitlines()
    assert len(lines) == 3
    assert all("┊" in line for line in lines)


def test_benchmark_marker_shows_beyond_short_bars():
    chart = BarChart([10.0, 200.0], ["W1", "W2"], M.gpm, marker=100.0)
    assert all("┊" in line for line in chart.render().plain.splitlines())


def test_provider_reason_names_the_agency():
    scenario = find("beauty-alliance")[0]
    text = M.sentence(Reason("provider", 5000.0, {"providers": ["bloom-mcn"], "factor": 1.61}, "alliance"), scenario)
    assert "Bloom MCN" in text and "x1.61" in text and "A (creator alliance)" in text


def test_sentences_need_neither_rich_nor_textual():
    """The report exporter uses the catalog's sentences without the UI."""
    code = ("import sys; import trainer.ui.messages as M; assert callable(M.sentence); "
            "bad = [m for m in ('rich', 'textual') if m in sys.modules]; print(bad); sys.exit(1 if bad else 0)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
