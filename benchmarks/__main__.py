"""`make bench`: every speed figure the issues ask for, printed (never asserted)."""

from benchmarks import answer_key, browser_load, core, ui, workshop_load

core.main()
print()
answer_key.main()
print()
ui.main()
print()
workshop_load.room()
print()
browser_load.main()
