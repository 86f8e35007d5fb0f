"""The workshop's own screens, as a participant and a facilitator see them, in English and in
Chinese at 80x24 and 120x40: the gate, the round list, the wait while weeks advance together,
the facilitator's console and the class debrief."""

from __future__ import annotations

import os

import pytest

from tests.ui import helpers as h
from tests.ui.test_workshop import join
from trainer.core.plan import Decision

CODE = "tea-42"
HOST = "host-77"
SIZES = [(80, 24), (120, 40)]
LANGS = ["en", "zh"]


@pytest.fixture
def room(tmp_path, monkeypatch):
    """A workshop of two rounds in a fixed folder (the paths on screen are the same every run),
    with two games of the first round finished by the reference players."""
    from trainer.core.bots import balanced, roi_greedy
    from trainer.core.engine import Engine
    from trainer.core.saves import Autosave
    from trainer.core.workshop import load_workshop

    from trainer.core import console

    monkeypatch.chdir(tmp_path)
    # a busy machine can take longer than a presence lasts between writing one and the picture
    monkeypatch.setattr(console, "PRESENCE_STALE", 3600.0)
    from trainer.serving import FACILITATOR_CODE, PUBLIC_URL

    for var in (PUBLIC_URL, FACILITATOR_CODE):  # a served game's, never this picture's
        monkeypatch.delenv(var, raising=False)
    path = tmp_path / "ws.toml"
    path.write_text('id = "ws-test"\ntitle = "Tea and dairy: a test workshop"\nscenarios = ["tutorial", "dairy-gpm"]\n'
                    f'seeds = [77, 78]\naccess_code = "{CODE}"\nfacilitator_code = "{HOST}"\nturn_timer = 180\n'
                    '[zh]\ntitle = "茶与乳品：测试工作坊"\n', encoding="utf-8")
    workshop, scenarios = load_workshop(path)
    for name, bot in (("Ann", balanced), ("Bo", roi_greedy)):
        game = Engine(scenarios[0]).new_game(workshop.seed_for(0, scenarios[0]))
        slot = Autosave.claim(tmp_path / "saves" / workshop.id, name, game, workshop=workshop.id)
        while not game.finished:
            game.step(bot(game))
        slot.save(game)
    return "ws.toml"


def _others(folder) -> None:
    """Two other browsers: one still at the gate, one planning week 3 of the tutorial."""
    from trainer.core.console import Presence, write_presence

    write_presence(folder, Presence(os.getppid(), None))
    write_presence(folder, Presence(1, "Li Na", "tutorial", 3, left=95.0))


async def _gate(pilot):
    await h.settle(pilot)


async def _rounds(pilot):
    await h.settle(pilot)
    await join(pilot, "Chen Jie", CODE)


async def _waiting(pilot):
    from trainer.core.console import Presence, write_presence
    from trainer.core.console import read_control, write_control

    await h.settle(pilot)
    folder = pilot.app.saves_folder
    control = read_control(folder)
    control.together = True
    write_control(folder, control)
    write_presence(folder, Presence(1, "Li Na", "tutorial", 1))  # still planning week 1
    await join(pilot, "Chen Jie", CODE)
    await pilot.press("enter")  # the first round's briefing
    await h.settle(pilot)
    pilot.app.start_game(pilot.app.workshop_scenarios[0])
    await h.settle(pilot)
    pilot.app.session.draft = Decision(field=30000, alliance=12000, content=8000)
    pilot.app.end_turn()
    await h.settle(pilot)


async def _console(pilot):
    await h.settle(pilot)
    _others(pilot.app.saves_folder)
    await join(pilot, HOST)
    await pilot.pause(1.2)  # the console's next reading of the room
    await h.settle(pilot)


async def _class_debrief(pilot):
    await _console(pilot)
    await pilot.press("d")
    await h.settle(pilot)


SCREENS = {"gate": _gate, "rounds": _rounds, "waiting": _waiting, "console": _console,
           "class_debrief": _class_debrief}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("screen", list(SCREENS))
def test_workshop_screen(snap_compare, room, screen, lang, size):
    app = h.app(workshop=room, saves_dir="saves", lang=lang)
    assert snap_compare(app, terminal_size=size, run_before=SCREENS[screen])
