"""Where files live: a checkout keeps saves/ at its root, an installed game the user's folders;
the library is the shipped levels, then the author's own, then $FACT_TRAINER_SCENARIOS."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.conftest import SHIPPED_IDS
from trainer.core import library, paths
from trainer.core.loading import FileProblems
from trainer.core.saves import saves_dir

ROOT = Path(__file__).resolve().parents[2]
TUTORIAL = ROOT / "scenarios" / "01-tutorial.toml"


def level(folder: Path, name: str, scenario_id: str, title: str = "My own level") -> Path:
    """A copy of the tutorial with another id and title, as an author would make one."""
    folder.mkdir(parents=True, exist_ok=True)
    text = TUTORIAL.read_text(encoding="utf-8")
    text = text.replace('id = "tutorial"', f'id = "{scenario_id}"', 1)
    text = text.replace('title = "First steps: a tea shop goes live"', f'title = "{title}"', 1)
    assert f'id = "{scenario_id}"' in text and f'title = "{title}"' in text
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# ------------------------------------------------------------------ checkout or installed

def test_this_repository_is_a_checkout():
    assert paths.checkout_root() == ROOT
    assert paths.default_saves_dir() == ROOT / "saves"


def test_a_checkout_is_recognised_by_its_project_name(tmp_path):
    (tmp_path / "trainer").mkdir()
    (tmp_path / "trainer" / "__init__.py").write_text("")
    (tmp_path / "scenarios").mkdir()
    assert not paths.is_checkout(tmp_path)  # no pyproject.toml
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "something-else"\n')
    assert not paths.is_checkout(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[project\nname = "fact-trainer"\n')
    assert not paths.is_checkout(tmp_path)  # not TOML: not ours
    (tmp_path / "pyproject.toml").write_text('project = "fact-trainer"\n')
    assert not paths.is_checkout(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "fact-trainer"\n')
    assert paths.is_checkout(tmp_path)
    (tmp_path / "scenarios").rmdir()
    assert not paths.is_checkout(tmp_path)


def test_installed_saves_go_to_the_user_data_folder(monkeypatch, own_user_folders):
    monkeypatch.setattr(paths, "checkout_root", lambda: None)
    monkeypatch.delenv(paths.SAVES_ENV, raising=False)
    assert saves_dir() == own_user_folders / "data" / paths.APP / "saves"
    assert paths.user_levels_dir() == own_user_folders / "data" / paths.APP / "scenarios"


def test_saves_folder_precedence(monkeypatch, tmp_path):
    monkeypatch.setenv(paths.SAVES_ENV, str(tmp_path / "env"))
    assert saves_dir() == tmp_path / "env"
    assert saves_dir(tmp_path / "given") == tmp_path / "given"
    monkeypatch.delenv(paths.SAVES_ENV)
    assert saves_dir() == ROOT / "saves"


@pytest.mark.skipif(sys.platform != "linux", reason="XDG folders are Linux's convention")
def test_user_folders_follow_the_platform(monkeypatch, tmp_path):
    # undo the tests' own patch: platformdirs, reading XDG_DATA_HOME on Linux, decides
    monkeypatch.undo()
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert paths.user_data_dir() == tmp_path / "data" / "fact-trainer"
    assert paths.settings_dir() == tmp_path / "config" / "fact-trainer"


def test_shipped_folders_are_found_through_the_package():
    assert paths.shipped_levels_dir().samefile(ROOT / "scenarios")
    assert (paths.shipped_plans_dir() / "tutorial-starter.toml").is_file()
    assert paths.example_workshop().is_file()


def test_env_folders_are_split_on_the_path_separator(monkeypatch, tmp_path):
    import os

    monkeypatch.setenv(paths.SCENARIOS_ENV, f"{tmp_path / 'a'}{os.pathsep}{os.pathsep}{tmp_path / 'b'}")
    assert paths.env_levels_dirs() == [tmp_path / "a", tmp_path / "b"]


# ------------------------------------------------------------------ the library

def test_library_is_shipped_then_yours_then_env(monkeypatch, tmp_path):
    mine = level(paths.user_levels_dir(), "mine.toml", "my-level")
    extra = level(tmp_path / "extra", "extra.toml", "extra-level", "Extra")
    monkeypatch.setenv(paths.SCENARIOS_ENV, str(tmp_path / "extra"))
    found = library.entries()
    assert [e.scenario.id for e in found] == [*SHIPPED_IDS, "my-level", "extra-level"]
    assert [e.origin for e in found] == ["shipped"] * len(SHIPPED_IDS) + ["user", "env"]
    assert all(e.opens_by_id for e in found)
    assert library.find("my-level") == (found[-2].scenario, mine)
    assert library.find("extra-level")[1] == extra


def test_an_id_taken_by_a_shipped_level_opens_the_shipped_one(tmp_path):
    copy = level(paths.user_levels_dir(), "tutorial-copy.toml", "tutorial", "My tutorial")
    found = library.entries()
    shadowed = [e for e in found if e.path == copy]
    assert len(shadowed) == 1 and not shadowed[0].opens_by_id
    assert shadowed[0].shadowed_by == library.scenarios_dir() / "01-tutorial.toml"
    scenario, path = library.find("tutorial")
    assert path == library.scenarios_dir() / "01-tutorial.toml" and scenario.title != "My tutorial"
    assert library.find(str(copy))[0].title == "My tutorial"  # by its path it opens


def test_a_missing_user_folder_is_no_error(monkeypatch, tmp_path):
    monkeypatch.setenv(paths.SCENARIOS_ENV, str(tmp_path / "nowhere"))
    assert not paths.user_levels_dir().exists()
    assert [e.scenario.id for e in library.entries()] == SHIPPED_IDS


def test_unknown_id_lists_the_ids_that_open():
    level(paths.user_levels_dir(), "tutorial-copy.toml", "tutorial")
    level(paths.user_levels_dir(), "mine.toml", "my-level")
    with pytest.raises(FileProblems) as caught:
        library.find("nope")
    message = caught.value.problems[0].message
    assert "my-level" in message and message.count("tutorial") == 1
