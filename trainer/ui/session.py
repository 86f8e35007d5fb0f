"""The game being played, held outside the widgets: scenario, engine, game, the plan being drawn up.

Screens read from a Session and ask it to play; it holds no Textual object, so the
state survives screens coming and going and can be tested without a terminal.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from trainer.core.engine import Engine, Game, TurnReport
from trainer.core.plan import Decision, check_decision
from trainer.core.scenario import Scenario


@dataclass
class Session:
    """One play of one scenario."""

    scenario: Scenario
    engine: Engine = field(init=False)
    game: Game = field(init=False)
    draft: Decision = field(default_factory=Decision)
    """The plan for the turn to play next: always one the core accepts."""

    def __post_init__(self) -> None:
        self.engine = Engine(self.scenario)
        self.game = self.engine.new_game()

    @property
    def in_progress(self) -> bool:
        """A game has started and is not over: quitting would lose it."""
        return bool(self.game.reports) and not self.game.finished

    @property
    def last(self) -> TurnReport | None:
        """The last turn played, if any."""
        return self.game.reports[-1] if self.game.reports else None

    def budget(self) -> int:
        """The budget of the turn to play next."""
        return self.scenario.budget_of(min(self.game.turn, self.scenario.turns))

    def problems(self, decision: Decision) -> list[tuple[int | None, str, str]]:
        """Why `decision` cannot be played this turn (empty: it can)."""
        return check_decision(self.scenario, self.game.turn, decision)

    def step(self) -> TurnReport:
        """Play the draft; the next draft starts from it when the next budget allows."""
        report = self.game.step(self.draft)
        if not self.game.finished and self.problems(self.draft):
            self.draft = Decision()
        return report

    def restart(self) -> Session:
        """A fresh play of the same scenario."""
        return Session(self.scenario)
