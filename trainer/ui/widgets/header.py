"""The header every screen shows, with glyphs every monospace font has.

Textual's header icon (⭘) and the command palette's search icon (🔎) are missing from the
fonts a browser has offline (`serve` strips the web font link), and showed as empty boxes.
"""

from __future__ import annotations

from textual.command import CommandPalette, SearchIcon
from textual.widgets import Header as _Header

ICON = "≡"
"""The header's icon (it opens the command palette when clicked)."""
SEARCH_ICON = ">"
"""The command palette's prompt."""


class Header(_Header):
    """Textual's header with the icon above."""

    def __init__(self, **kwargs) -> None:
        super().__init__(icon=ICON, **kwargs)


def plain_search_icon(palette: CommandPalette) -> None:
    """Give an open command palette the plain prompt."""
    for icon in palette.query(SearchIcon):
        icon.icon = SEARCH_ICON
        icon.refresh()  # a var, not a reactive: it repaints only when told
