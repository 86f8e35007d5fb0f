"""`fact-trainer --version`, `where`, and `list` with the author's own levels."""

from __future__ import annotations

import json

from tests.cli.test_cli import run
from tests.conftest import SHIPPED_IDS
from tests.core.test_paths import ROOT, level
from trainer import __version__
from trainer.core import paths
from trainer.core.engine import MODEL_VERSION


def test_version_names_the_program_and_the_model(capsys):
    try:
        run(capsys, "--version")
    except SystemExit as done:
        assert done.code == 0
    out = capsys.readouterr().out
    assert out.strip() == f"fact-trainer {__version__} (market model {MODEL_VERSION})"


def test_the_version_is_written_once():
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'dynamic = ["version"]' in text and 'version = { attr = "trainer.__version__" }' in text


def test_where_lists_every_folder(capsys, monkeypatch, tmp_path):
    monkeypatch.delenv(paths.SAVES_ENV, raising=False)
    code, out, _ = run(capsys, "where")
    assert code == 0
    assert f"Running from the checkout at {ROOT}" in out
    for label, path in (("saves:", ROOT / "saves"), ("reports:", ROOT / "saves" / "reports"),
                        ("your levels:", paths.user_levels_dir()), ("shipped levels:", ROOT / "scenarios"),
                        ("shipped plans:", ROOT / "scenarios" / "plans"),
                        ("example workshop:", ROOT / "workshops" / "example.toml"),
                        ("settings:", paths.settings_dir())):
        line = next(line for line in out.splitlines() if line.startswith(label))
        assert str(path) in line, line


def test_where_json_follows_the_options(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv(paths.SAVES_ENV, str(tmp_path / "env-saves"))
    monkeypatch.setenv(paths.SCENARIOS_ENV, str(tmp_path / "more"))
    code, out, _ = run(capsys, "where", "--json")
    data = json.loads(out)
    assert code == 0 and data["running_from"] == "checkout"
    assert data["saves"] == str(tmp_path / "env-saves")
    assert data["reports"] == str(tmp_path / "env-saves" / "reports")
    assert data["env_levels"] == [str(tmp_path / "more")]
    code, out, _ = run(capsys, "where", "--json", "--saves-dir", str(tmp_path / "given"))
    assert json.loads(out)["saves"] == str(tmp_path / "given")


def test_where_installed(capsys, monkeypatch):
    monkeypatch.setattr(paths, "checkout_root", lambda: None)
    monkeypatch.delenv(paths.SAVES_ENV, raising=False)
    code, out, _ = run(capsys, "where")
    assert code == 0 and "Running as an installed program." in out
    assert f"saves:            {paths.user_data_dir() / 'saves'} (not created yet)" in out


def test_list_marks_the_origin_and_says_which_level_an_id_opens(capsys, monkeypatch, tmp_path):
    mine = level(paths.user_levels_dir(), "mine.toml", "my-level")
    copy = level(paths.user_levels_dir(), "tutorial-copy.toml", "tutorial", "My tutorial")
    extra = level(tmp_path / "extra", "extra.toml", "extra-level", "Extra level")
    bad = level(tmp_path / "extra", "red.toml", "red-level", "Extra \\u001b[31mred")  # TOML for ESC
    monkeypatch.setenv(paths.SCENARIOS_ENV, str(tmp_path / "extra"))
    code, out, err = run(capsys, "list")
    # a title holding a terminal escape does not validate: the level is skipped, with a word why
    assert code == 0 and err == f"skipped {bad}: it does not validate (run fact-trainer validate {bad})\n"
    lines = out.splitlines()
    shipped = lines.index(f"Shipped levels ({ROOT / 'scenarios'}):")
    yours = lines.index(f"Your levels ({paths.user_levels_dir()}):")
    env = lines.index(f"Levels from $FACT_TRAINER_SCENARIOS ({tmp_path / 'extra'}):")
    assert shipped < yours < env
    assert [line.split()[0] for line in lines[shipped + 1:yours]] == SHIPPED_IDS
    mine_line = next(i for i, line in enumerate(lines) if line.lstrip().startswith("my-level"))
    copy_line = next(i for i, line in enumerate(lines) if "My tutorial" in line)
    assert yours < mine_line < env and yours < copy_line < env
    note = lines[copy_line + 1]
    assert "'tutorial' opens" in note and str(ROOT / "scenarios" / "01-tutorial.toml") in note
    assert f"fact-trainer play {copy}" in note
    assert "\x1b" not in out + err and "red-level" not in out  # a title is text, never a terminal command

    code, out, _ = run(capsys, "list", "--json")
    data = {d["path"]: d for d in json.loads(out)}
    assert [d["id"] for d in data.values()][:len(SHIPPED_IDS)] == SHIPPED_IDS
    assert data[str(mine)]["origin"] == "user" and data[str(mine)]["opens_by_id"] is True
    assert data[str(copy)]["opens_by_id"] is False
    assert data[str(copy)]["shadowed_by"] == str(ROOT / "scenarios" / "01-tutorial.toml")
    assert data[str(extra)]["origin"] == "env"


def test_list_says_where_your_levels_go(capsys):
    code, out, _ = run(capsys, "list")
    assert code == 0
    assert f"Your levels ({paths.user_levels_dir()}): none yet" in out


def test_a_broken_user_level_is_named_not_fatal(capsys):
    folder = paths.user_levels_dir()
    folder.mkdir(parents=True)
    (folder / "broken.toml").write_text("id = [\n", encoding="utf-8")
    code, out, err = run(capsys, "list")
    assert code == 0 and SHIPPED_IDS[0] in out
    assert f"skipped {folder / 'broken.toml'}: it does not validate" in err


def test_play_a_user_level_by_id_in_simulate(capsys):
    level(paths.user_levels_dir(), "mine.toml", "my-level")
    plan = ROOT / "scenarios" / "plans" / "tutorial-starter.toml"
    code, out, _ = run(capsys, "simulate", "my-level", "--plan", str(plan))
    assert code == 0 and "Score" in out


def test_new_writes_into_your_levels_folder_the_first_time(capsys):
    target = paths.user_levels_dir() / "my-level.toml"
    assert not target.parent.exists()
    code, out, err = run(capsys, "new", "my-level", "--out", str(target))
    assert code == 0 and target.is_file(), err
    code, out, _ = run(capsys, "list")
    assert "my-level" in out.split(f"Your levels ({paths.user_levels_dir()}):")[1]
