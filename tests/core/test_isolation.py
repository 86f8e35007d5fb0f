"""The core is the game without a screen: it must never pull in textual or rich."""

import pkgutil
import subprocess
import sys

import pytest

import trainer.core

CORE_MODULES = sorted(f"trainer.core.{m.name}" for m in pkgutil.iter_modules(trainer.core.__path__))


def test_core_has_modules():
    assert "trainer.core.engine" in CORE_MODULES and "trainer.core.scenario" in CORE_MODULES


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_imports_no_ui(module):
    code = (
        f"import sys, {module}\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"{module} imports {out.stdout.strip()}"


def test_cli_headless_commands_import_no_ui():
    # list/validate/simulate must work where no terminal UI is wanted
    code = (
        "import sys, trainer.cli\n"
        "trainer.cli.main(['list', '--json'])\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print('UI:' + ','.join(bad), file=sys.stderr)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "UI:\n" in out.stderr or out.stderr.strip().endswith("UI:")


PRESENTATION_MODULES = ["trainer.i18n", "trainer.settings", "trainer.ui.messages", "trainer.report_text", "trainer.export"]


@pytest.mark.parametrize("module", PRESENTATION_MODULES)
def test_presentation_layer_imports_no_ui(module):
    """The catalogs, the numbers per locale and the sentences serve the screens, the exported
    reports and the command line alike: no textual, no rich."""
    code = (
        f"import sys, {module}\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"{module} imports {out.stdout.strip()}"
