"""The picker offers the author's own levels beside the shipped ones."""

from __future__ import annotations

from textual.widgets import OptionList

from tests.conftest import SHIPPED_IDS
from tests.core.test_paths import level
from tests.ui import helpers as h
from trainer.core import paths
from trainer.ui.screens.briefing import BriefingScreen
from trainer.ui.screens.picker import PickerScreen


@h.sync
async def test_picker_offers_your_levels_and_not_a_shadowed_copy():
    level(paths.user_levels_dir(), "mine.toml", "my-level", "My own level")
    level(paths.user_levels_dir(), "tutorial-copy.toml", "tutorial", "My tutorial")
    app = h.app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("s")
        await h.settle(pilot)
        assert isinstance(app.screen, PickerScreen)
        olist = app.screen.query_one(OptionList)
        prompts = [str(olist.get_option_at_index(i).prompt) for i in range(olist.option_count)]
        assert len(prompts) == len(SHIPPED_IDS) + 2
        mine, copy = len(SHIPPED_IDS), len(SHIPPED_IDS) + 1
        assert "My own level" in prompts[mine] and "your level" in prompts[mine]
        assert "tutorial-copy.toml" in prompts[copy] and "play it with fact-trainer play PATH" in prompts[copy]
        assert olist.get_option_at_index(copy).disabled
        olist.highlighted = mine
        await pilot.press("enter")
        await h.settle(pilot)
        assert isinstance(app.screen, BriefingScreen) and app.screen.scenario.id == "my-level"
