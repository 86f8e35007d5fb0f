"""The key bar at the bottom of every screen: Textual's Footer, its keys built in its own style.

Textual's Footer composes its keys again whenever the screen's bindings may have changed (every
focus change, every screen switch). Each FooterKey is born `compact` and is then bound to the
footer's style, so each key was restyled twice every time: about 80 ms of a game's first results
screen (benchmarks/workshop_load.py). This one starts each key in the footer's style.

Keeping the keys when they have not changed (a signature of what they show) halved a week's
time in a profile, but with it the browser tests failed now and then: a week's results or the
next cockpit never reached the page whole. Until that is understood, the keys are rebuilt.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer as TextualFooter
from textual.widgets._footer import FooterKey


class Footer(TextualFooter):
    """Textual's Footer whose keys are built in its own style."""

    def compose(self) -> ComposeResult:
        # each key starts in the footer's own style: a FooterKey is born compact and then bound to the
        # footer's (not compact), each change restyling it, twice a key each time the keys are built
        # (the palette's key is not bound to the footer's style: it keeps its own)
        for widget in super().compose():
            if isinstance(widget, FooterKey) and not widget.has_class("-command-palette"):
                widget.set_reactive(FooterKey.compact, self.compact)
            yield widget
