"""Keys that arrive faster than the focus moves: a terminal (tmux, a browser) queues them
all at once, and each must land in the field the Tab before it went to."""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from tests.ui import helpers as h


def _queue(app, keys: list[str]) -> None:
    """Queue every key at once, as a driver does with keys typed fast (no wait between them)."""
    for key in keys:
        char = key if len(key) == 1 else None
        if key == "tab":
            char = "\t"
        elif key == "enter":
            char = "\r"
        elif key == "space":
            char = " "
        app.post_message(events.Key(key, char))


@h.sync
async def test_tab_moves_the_focus_before_the_next_key():
    app = h.app()
    async with app.run_test(size=(100, 30)) as pilot:
        await h.to_planning(pilot)
        _queue(app, [*"30000", "tab", *"10000", "tab", "tab", "tab", "7"])
        await h.settle(pilot)
        value = {key: app.screen.query_one(f"#amount-{key}", Input).value
                 for key in ("field", "alliance", "commission", "campaign", "top_kol")}
        assert value["field"] == "30000" and value["alliance"] == "10000"
        assert value["commission"] == "15" and value["campaign"] == "0"
        assert value["top_kol"] == "7"
        _queue(app, ["shift+tab", "shift+tab", *"5"])
        await h.settle(pilot)
        assert app.screen.query_one("#amount-commission", Input).value == "5"


@h.sync
async def test_enter_moves_to_the_next_amount_before_the_next_key():
    app = h.app()
    async with app.run_test(size=(100, 30)) as pilot:
        await h.to_planning(pilot)
        _queue(app, [*"20000", "enter", *"8000"])
        await h.settle(pilot)
        assert app.screen.query_one("#amount-field", Input).value == "20000"
        assert app.screen.query_one("#amount-alliance", Input).value == "8000"


@h.sync
async def test_digits_typed_at_once_into_a_field_showing_0_all_land():
    app = h.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await h.to_planning(pilot)
        app.screen.query_one("#amount-campaign", Input).focus()
        _queue(app, [*"12345"])  # no pause: they arrive before any refresh
        await h.settle(pilot)
        assert app.screen.query_one("#amount-campaign", Input).value == "12345"


@h.sync
async def test_typing_replaces_last_weeks_amount_in_the_focused_field():
    # week 2 refills the cockpit with week 1's plan; the field with the focus keeps it, and
    # what the player types replaces it (30000 never becomes 3,000,030,000)
    app = h.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await h.to_planning(pilot)
        field = app.screen.query_one("#amount-field", Input)
        field.focus()
        await h.play_weeks(pilot, 1)
        app.after_results()
        await h.settle(pilot)
        field = app.screen.query_one("#amount-field", Input)
        field.focus()
        await pilot.pause()
        assert field.value == "30,000"
        _queue(app, [*"25000"])
        await h.settle(pilot)
        assert field.value == "25000"
        assert app.session.draft.field == 25000


@h.sync
async def test_words_typed_right_after_m_go_to_the_facilitators_message(tmp_path):
    # in the browser, "Coffee break" typed at once after m pressed e (+1 min) and k (the answer key)
    from tests.ui.test_workshop import join, workshop_file
    from trainer.core.console import read_control

    saves = tmp_path / "saves"
    path = workshop_file(tmp_path, access_code="tea-42", facilitator_code="host-77")
    host = h.app(workshop=path, saves_dir=saves)
    async with host.run_test(size=(120, 36)) as pilot:
        await h.settle(pilot)
        await join(pilot, "host-77")
        _queue(host, ["m", *["space" if ch == " " else ch for ch in "Coffee break"], "enter"])
        await h.settle(pilot)
        control = read_control(saves / "ws-test")
        assert control.message == "Coffee break"
        assert not control.answer_key and control.extend_id == 0
