"""The game being played, held outside the widgets: scenario, engine, game, the plan being drawn up.

Screens read from a Session and ask it to play; it holds no Textual object, so the
state survives screens coming and going and can be tested without a terminal.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from trainer.core.coach import Tip, coach
from trainer.core.engine import Engine, Game, TurnReport
from trainer.core.plan import Decision, check_decision, fit_to_budget
from trainer.core.saves import Autosave, LoadedSave, SaveError
from trainer.core.scenario import Scenario


@dataclass
class Session:
    """One play of one scenario, by one player, kept in one save file."""

    scenario: Scenario
    player: str | None = None
    """The player's name as the save records it."""
    autosave: Autosave | None = None
    """Where the game is saved after every resolved turn (None: not saved, as in some tests)."""
    seed: int | None = None
    """The market seed of a new game (None: the scenario's)."""
    game: Game | None = None
    """A game to continue (a loaded save); None starts a new one."""
    engine: Engine = field(init=False)
    draft: Decision = field(default_factory=Decision)
    """The plan for the turn to play next: always one the core accepts."""
    save_error: SaveError | None = field(default=None, init=False)
    """Why the last save failed (None: it worked, or nothing was saved yet)."""
    tips: list[Tip] = field(default_factory=list, init=False)
    """The coach's tips after the last turn played."""
    carried: tuple[int, int, bool] | None = field(default=None, init=False)
    """When last week's plan did not fit this week's budget: (last budget, this budget,
    whether nothing of it could be kept); None when it fitted as it was."""

    def __post_init__(self) -> None:
        self.speak()
        if self.game is None:
            self.engine = Engine(self.scenario)
            self.game = self.engine.new_game(self.seed)
        else:
            self.engine = self.game.engine
            if self.game.reports and not self.game.finished and not self.problems(self.game.reports[-1].decision):
                self.draft = self.game.reports[-1].decision
        self.seed = self.game.seed

    def speak(self) -> None:
        """Show the level's own text (steps, names, objectives) in the game's language, where the
        level gives it; every number stays the level's (Scenario.localized)."""
        from trainer.ui.language import level_language

        self.scenario = self.scenario.localized(level_language())

    @classmethod
    def resume(cls, loaded: LoadedSave) -> Session:
        """Go on with a loaded save; it keeps saving to the same file."""
        return cls(loaded.scenario, loaded.save.player, Autosave.resume(loaded), game=loaded.game)

    @property
    def in_progress(self) -> bool:
        """A game has started and is not over."""
        return bool(self.game.reports) and not self.game.finished

    @property
    def last(self) -> TurnReport | None:
        """The last turn played, if any."""
        return self.game.reports[-1] if self.game.reports else None

    @property
    def previous(self) -> TurnReport | None:
        """The turn before the last one played, if any."""
        return self.game.reports[-2] if len(self.game.reports) > 1 else None

    def budget(self) -> int:
        """The budget of the turn to play next."""
        return self.scenario.budget_of(min(self.game.turn, self.scenario.turns))

    def problems(self, decision: Decision) -> list[tuple[int | None, str, str]]:
        """Why `decision` cannot be played this turn (empty: it can)."""
        return check_decision(self.scenario, self.game.turn, decision)

    def step(self) -> TurnReport:
        """Play the draft; the next draft starts from it when the next budget allows.

        The coach's tips are worked out here (never the same as the turn before's); the
        save is not: call `save` once the results are on screen.
        """
        report = self.game.step(self.draft)
        self.tips = coach(self.game, [t.id for t in self.tips])
        self.carried = None
        if not self.game.finished and self.problems(self.draft):
            # the next week's budget is smaller: the plan shrinks to fit, and the cockpit says so
            before = self.draft
            self.draft = fit_to_budget(self.scenario, self.game.turn, self.draft)
            self.carried = (self.scenario.budget_of(report.turn), self.budget(), before != Decision()
                            and self.draft == Decision())
        return report

    def save(self) -> SaveError | None:
        """Save the whole game to its file; the error to show when that failed (play goes on,
        and the next turn's save tries again)."""
        if self.autosave is None:
            return None
        self.save_error = self.autosave.save(self.game)
        return self.save_error
