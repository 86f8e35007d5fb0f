"""Typed amounts: an Input that also steps with the arrow keys, and the parsers behind it."""

from __future__ import annotations

import re
from decimal import Decimal

from textual.binding import Binding
from textual.widgets import Input
from textual.widgets.input import Selection

from trainer.ui import messages as M

_YUAN = re.compile(r"^(-?)(\d+(?:\.\d+)?)([kK]?)$")
_PERCENT = re.compile(r"^(-?)(\d+(?:\.\d+)?)%?$")
_MAX_DIGITS = 16


def parse_yuan(text: str, label: str, maximum: int) -> tuple[int | None, str | None]:
    """An amount of whole yuan typed by a player: (value, None) or (None, what is wrong).

    Accepts 20000, 20,000, 20 000 and 20k.
    """
    raw = text.strip()
    t = raw.replace(",", "").replace("_", "").replace(" ", "")
    if not t:
        return None, M.BAD_EMPTY.format(field=label)
    m = _YUAN.match(t)
    if m is None:
        return None, M.BAD_NOT_NUMBER.format(field=label, text=raw)
    sign, digits, k = m.groups()
    if sign:
        return None, M.BAD_NEGATIVE.format(field=label, text=raw)
    if len(digits) > _MAX_DIGITS:
        return None, M.BAD_TOO_BIG.format(field=label, text=raw[:20] + "…", max=M.money(maximum))
    value = Decimal(digits) * (1000 if k else 1)
    if value != value.to_integral_value():
        return None, M.BAD_FRACTION.format(field=label, text=raw)
    if value > maximum:
        return None, M.BAD_TOO_BIG.format(field=label, text=raw, max=M.money(maximum))
    return int(value), None


def parse_percent(text: str, label: str) -> tuple[float | None, str | None]:
    """A percentage typed by a player (15 or 15%): (value, None) or (None, what is wrong)."""
    raw = text.strip()
    t = raw.replace(" ", "")
    if not t:
        return None, M.BAD_EMPTY_PERCENT.format(field=label)
    m = _PERCENT.match(t)
    if m is None or len(m.group(2)) > _MAX_DIGITS:
        return None, M.BAD_NOT_PERCENT.format(field=label, text=raw)
    if m.group(1):
        return None, M.BAD_NEGATIVE.format(field=label, text=raw)
    return float(m.group(2)), None


class AmountInput(Input):
    """An amount in yuan or percent: type it, or step it with ↑ ↓ and PgUp PgDn."""

    BINDINGS = [
        Binding("up", "step(1)", M.KEY_STEP_UP, id="step_up"),
        Binding("down", "step(-1)", M.KEY_STEP_DOWN, id="step_down"),
        Binding("pageup", "step(10)", M.KEY_BIG_UP, show=False),
        Binding("pagedown", "step(-10)", M.KEY_BIG_DOWN, show=False),
        Binding("enter", "app.focus_next", show=False, priority=True),  # see PlanningScreen's tab
    ]

    def __init__(self, value: str, *, key: str, percent: bool = False, step: float = 1000, **kwargs):
        super().__init__(value, compact=True, select_on_focus=True, **kwargs)
        self.key = key
        """The Decision field this amount sets (field, content, commission, ...)."""
        self.percent = percent
        self.step = step

    def on_mount(self) -> None:
        if getattr(self.app, "still", False):
            self.cursor_blink = False

    def on_focus(self) -> None:
        # what the field holds (a 0, last week's amount) is replaced by what the player types.
        # Selected now, never after a refresh: keys typed fast arrive before the refresh, and a
        # late selection would take the digits already typed (12345 became 345).
        self.select_whole()

    def select_whole(self) -> None:
        """Select the whole text, so the next key typed replaces it."""
        self.selection = Selection(0, len(self.value))

    def prefill(self, text: str) -> None:
        """Show `text` (the draft's amount) as a value the player's typing replaces, even in
        the field that has the focus (the cockpit refills its fields every week)."""
        if self.value != text:
            self.value = text
        if self.has_focus:
            self.select_whole()

    def on_mouse_up(self) -> None:
        # a click puts the cursor beside the 0: typing would make 250000 of 25000
        if self.value.strip() in ("0", ""):
            self.action_select_all()

    def _current(self) -> float:
        t = self.value.strip().replace(",", "").replace(" ", "").rstrip("%")
        try:
            value = float(t[:-1]) * 1000 if t[-1:] in "kK" and t[:-1] else float(t)
        except ValueError:
            return 0.0
        return value if value == value and abs(value) < 1e15 else 0.0  # not NaN, not absurd

    def action_step(self, times: int) -> None:
        """Step the amount up or down (never below 0)."""
        step = self.step * (5 if self.percent and abs(times) == 10 else abs(times))
        value = max(0.0, self._current() + (step if times > 0 else -step))
        if self.percent:
            self.value = f"{value:g}"
        else:
            self.value = M.money(value)
        self.cursor_position = len(self.value)


class PercentInput(AmountInput):
    """A percentage: steps of 1, PgUp PgDn steps of 5."""

    BINDINGS = [
        Binding("up", "step(1)", M.KEY_STEP_UP_PCT, id="step_up"),
        Binding("down", "step(-1)", M.KEY_STEP_DOWN_PCT, id="step_down"),
    ]

    def __init__(self, value: str, *, key: str, **kwargs):
        super().__init__(value, key=key, percent=True, step=1, **kwargs)
