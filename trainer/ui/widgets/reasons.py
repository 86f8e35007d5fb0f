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
        # fold: a Chinese sentence has no spaces to wrap at, and must not be cut short with an ellipsis
        table.add_row(Text(M.signed_money(reason.gmv), style=f"bold {style}"),
                      Text(sentence(reason, scenario), overflow="fold"))
    return table


def changes_table(changes: list, limit: int | None = None) -> Table | Text:
    """The causes of the change since last week (trainer.core.explain.Change), largest
    first: signed GMV and the part of the GPM change, then the sentence."""
    shown = [c for c in changes if round(c.gmv) != 0 or round(c.gpm, 1) != 0][:limit]
    if not shown:
        return Text(M.RESULTS_NO_CHANGES, style="dim")
    table = Table.grid(padding=(0, 1), expand=True)
    table.add_column(justify="right", no_wrap=True)
    table.add_column(justify="right", no_wrap=True)
    table.add_column(ratio=1)
    for change in shown:
        style = "green" if change.gmv >= 0 else "red"
        gpm_style = "green" if change.gpm >= 0 else "red"
        table.add_row(Text(M.signed_money(change.gmv), style=f"bold {style}"),
                      Text(M.RESULTS_GPM_PART.format(gpm=M.signed_gpm(change.gpm)), style=gpm_style),
                      Text(M.change_sentence(change), overflow="fold"))
    return table
