"""`make bench`: every speed figure the issues ask for, printed (never asserted)."""

from benchmarks import core, ui, workshop_load

core.main()
print()
ui.main()
print()
workshop_load.main()
