"""A horizontal bar chart, one bar per week: readable from the first week on."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.text import Text
from textual.widgets import Static

BLOCKS = " ▏▎▍▌▋▊▉█"


class BarChart(Static):
    """Bars scaled to the widest value; an optional marker (e.g. a benchmark) as a line."""

    DEFAULT_CSS = "BarChart { height: auto; }"

    def __init__(self, values: Sequence[float], labels: Sequence[str], fmt: Callable[[float], str],
                 marker: float | None = None, style: str = "green", **kwargs):
        super().__init__(**kwargs)
        self.values = list(values)
        self.labels = list(labels)
        self.fmt = fmt
        self.marker = marker
        self.bar_style = style

    def render(self) -> Text:
        texts = [self.fmt(v) for v in self.values]
        label_w = max((len(x) for x in self.labels), default=0)
        value_w = max((len(x) for x in texts), default=0)
        room = max(4, self.size.width - label_w - value_w - 3)
        top = max([*self.values, self.marker or 0.0, 1e-9])
        out = Text()
        for label, value, text in zip(self.labels, self.values, texts):
            eighths = int(round(max(0.0, value) / top * room * 8))
            bar = "█" * (eighths // 8) + (BLOCKS[eighths % 8] if eighths % 8 else "")
            cells = list(bar.ljust(room))
            mark = None
            on_bar = False
            if self.marker is not None:
                mark = min(room - 1, int(self.marker / top * room))
                # the marker shows on every row: over a bar it is drawn in reverse, so a
                # week whose bar passes the benchmark still shows where the benchmark is
                on_bar = cells[mark] != " "
                cells[mark] = "┊"
            out.append(f"{label:<{label_w}} ", style="bold")
            for i, ch in enumerate(cells):
                if i == mark:
                    out.append(ch, style=f"bold reverse {self.bar_style}" if on_bar else "dim")
                else:
                    out.append(ch, style=self.bar_style)
            out.append(f" {text:>{value_w}}\n")
        out.rstrip()
        return out
