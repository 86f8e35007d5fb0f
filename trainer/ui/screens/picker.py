"""The scenario picker: every scenario, what it teaches, a preview of its briefing."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Markdown, OptionList, Static
from textual.widgets.option_list import Option
from textual.content import Content

from trainer.core.library import entries
from trainer.ui import SCREENS_CSS
from trainer.ui import messages as M
from trainer.ui.language import level_language
from trainer.ui.widgets import scenario_info as info
from trainer.ui.widgets.header import Header
from trainer.ui.widgets.footer import Footer


class PickerScreen(Screen):
    """A list on the left, the highlighted scenario on the right."""

    CSS_PATH = SCREENS_CSS  # its rules load when the first screen but the title is shown

    BINDINGS = [
        Binding("escape", "app.title", M.KEY_BACK),
        Binding("q", "app.quit", M.KEY_QUIT, show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.entries = entries()
        lang = level_language()
        # each level in the player's language where it has it (the briefing says what it lacks)
        self.playable = [e.scenario.localized(lang) if e.opens_by_id else None for e in self.entries]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="picker"):
            options = []
            for i, e in enumerate(self.entries):
                if e.scenario is not None and e.shadowed_by is not None:
                    # its id opens another level, so its saves would not load: played by path only
                    options.append(Option(M.PICKER_SHADOWED.format(name=e.path.name, id=e.scenario.id), id=str(i),
                                          disabled=True))
                elif e.scenario is not None:
                    s = self.playable[i] or e.scenario
                    item = M.PICKER_ITEM if e.origin == "shipped" else M.PICKER_YOURS
                    label = item.format(title=s.title, difficulty=M.DIFFICULTY.get(s.difficulty, s.difficulty),
                                        turns=s.turns)
                    options.append(Option(Content(label), id=str(i)))
                else:
                    problem = M.problem_line(e.problems[0]) if e.problems else ""
                    options.append(Option(Content(M.PICKER_BROKEN.format(name=e.path.name, problem=problem)), id=str(i),
                                          disabled=True))
            olist = OptionList(*options, id="picker-list")
            olist.border_title = M.PICKER_TITLE
            yield olist
            with Vertical(id="picker-detail"):
                with VerticalScroll(id="picker-scroll"):
                    yield Static(id="picker-title")
                    yield Static(id="picker-facts")
                    yield Static(id="picker-teaches")
                    yield Static(id="picker-objectives")
                    yield Markdown(id="picker-briefing")
                yield Button(M.PICKER_PLAY, id="picker-play", variant="primary", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        olist = self.query_one(OptionList)
        olist.focus()
        first = next((i for i, s in enumerate(self.playable) if s is not None), None)
        if first is not None:
            olist.highlighted = first
            self._show(first)
        self.look_up_results()

    @work(thread=True, exclusive=True, group="picker-results", exit_on_error=False)
    def look_up_results(self) -> None:
        """The best finished game of each level in the saves (replayed: off the main thread)."""
        from trainer.core.saves import best_results

        found = best_results(self.app.saves_folder, [s for s in self.playable if s is not None])
        self.app.call_from_thread(self._show_results, found)

    def on_worker_state_changed(self, event) -> None:
        from trainer.ui.screens.dialogs import show_worker_error

        show_worker_error(self, event, M.WORKER_SAVES)

    def _show_results(self, found: dict) -> None:
        """Add each finished level's best stars to its line."""
        olist = self.query_one(OptionList)
        for i, e in enumerate(self.entries):
            s = self.playable[i]
            if s is None or s.id not in found:
                continue
            best = found[s.id]
            item = M.PICKER_ITEM_BEST if e.origin == "shipped" else M.PICKER_YOURS_BEST
            label = item.format(title=s.title, difficulty=M.DIFFICULTY.get(s.difficulty, s.difficulty), turns=s.turns,
                                stars=M.stars(best.stars), score=M.score_points(best.score))
            olist.replace_option_prompt(str(i), Content(label))

    def _show(self, index: int) -> None:
        s = self.playable[index]
        if s is None:
            return
        self.query_one("#picker-title", Static).update(Text(s.title, style="bold"))
        self.query_one("#picker-facts", Static).update(Text(info.facts(s), style="dim"))
        self.query_one("#picker-teaches", Static).update(info.teaches(s))
        self.query_one("#picker-objectives", Static).update(info.objectives(s))
        self.query_one("#picker-briefing", Markdown).update(s.briefing)
        self.query_one("#picker-scroll").scroll_home(animate=False)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show(int(event.option.id or 0))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._open(int(event.option.id or 0))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        index = self.query_one(OptionList).highlighted
        if index is not None:
            self._open(index)

    def _open(self, index: int) -> None:
        s = self.playable[index]
        if s is not None:
            self.app.show_briefing(s)
