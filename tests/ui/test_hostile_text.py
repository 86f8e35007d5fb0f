"""Text from a level file is shown as written: markup in it is never interpreted (issue 15)."""

from __future__ import annotations

import pytest

from tests.ui import helpers as h

TITLE = "[Official] Peak Roast [/]"
BRAND = "Peak Roast [/]"
CATEGORY = "[b]coffee"


def hostile():
    s = h.tutorial()
    brand = s.brand.model_copy(update={"name": BRAND, "category": CATEGORY})
    return s.model_copy(update={"title": TITLE, "brand": brand})


def _shown(app) -> str:
    """Every visible widget's rendered text on the current screen."""
    parts = []
    for widget in app.screen.walk_children():
        try:
            parts.append(str(widget.render()))
        except Exception:  # noqa: BLE001 - a widget that cannot render to text adds nothing
            pass
    parts.append(str(app.screen.sub_title))
    return "\n".join(parts)


@pytest.mark.parametrize("screen", ["briefing", "planning", "results"])
@h.sync
async def test_markup_in_a_level_is_shown_literally(screen):
    from trainer.ui.screens.briefing import BriefingScreen
    app = h.app()
    async with app.run_test(size=(120, 40)) as pilot:
        await h.to_planning(pilot, hostile())
        if screen == "briefing":
            app.push_screen(BriefingScreen(hostile()))
            await h.settle(pilot)
        elif screen == "results":
            await h.play_weeks(pilot, 1)
        text = _shown(app)
        if screen == "briefing":
            assert BRAND in text and CATEGORY in text
            assert TITLE in text
        elif screen == "planning":
            assert BRAND in text and TITLE in text
        else:
            assert "results" in text
