"""`make bench`: every speed figure the issues ask for, printed."""

import importlib

from benchmarks import core

core.main()
try:
    ui = importlib.import_module("benchmarks.ui")
except ModuleNotFoundError:
    ui = None
if ui is not None:
    print()
    ui.main()
