"""The key bar at the bottom of every screen: Textual's Footer, rebuilt only when what it shows changes.

Textual's Footer composes its keys again whenever the screen's bindings may have changed: on
every focus change and every screen switch, a dozen new widgets styled each time, though the
keys shown are the same. In a workshop of thirty games on two cores that was about a seventh
of the time from ending a week to its results (benchmarks/workshop_load.py). This one keeps a
signature of the keys it shows (key, label, action, enabled, tooltip, group) and rebuilds only
when it differs, so a language switch or a key enabled or disabled still shows at once; and its
keys start in its style rather than restyling themselves twice when built.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer as TextualFooter
from textual.widgets._footer import FooterKey


class Footer(TextualFooter):
    """Textual's Footer that recomposes only when the keys it shows change."""

    _shown: tuple | None = None

    def _signature(self, screen: Screen) -> tuple:
        shown = tuple((binding.key, binding.action, binding.description, enabled, tooltip,
                       None if binding.group is None else binding.group.description)
                      for _node, binding, enabled, tooltip in screen.active_bindings.values() if binding.show)
        return shown, self.show_command_palette, self.app.ENABLE_COMMAND_PALETTE, self.compact

    def compose(self) -> ComposeResult:
        # each key starts in the footer's own style: a FooterKey is born compact and then bound to the
        # footer's (not compact), each change restyling it, twice a key each time the keys are built
        # (the palette's key is not bound to the footer's style: it keeps its own)
        for widget in super().compose():
            if isinstance(widget, FooterKey) and not widget.has_class("-command-palette"):
                widget.set_reactive(FooterKey.compact, self.compact)
            yield widget

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            signature = self._signature(screen)
            if signature != self._shown:
                self._shown = signature
                self.call_after_refresh(self.recompose)
