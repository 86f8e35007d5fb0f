"""The turn's drivers (trainer.core.explain.Reason) as sentences from the catalog."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from trainer.core.explain import Reason
from trainer.core.scenario import Scenario
from trainer.ui import messages as M
from trainer.ui.messages import sentence

__all__ = ["reasons_table", "sentence"]


def reasons_table(reasons: list[Reason], scenario: Scenario, limit: int | None = None) -> Table | Text:
    """The reasons, largest first: signed GMV in colour, then the sentence."""
    if not reasons:
        return Text(M.RESULTS_NO_REASONS, style="dim")
    table = Table.grid(padding=(0, 1), expand=True)
    table.add_column(justify="right", no_wrap=True)
    table.add_column(ratio=1)
    for reason in reasons[:limit]:
        style = "green" if reason.gmv >= 0 else "red"
        table.add_row(Text(M.signed_money(reason.gmv), style=f"bold {style}"), sentence(reason, scenario))
    return table
