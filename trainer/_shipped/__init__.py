"""The files the game ships: its levels (with a plan for each) and the example workshop.

They are read through importlib.resources as `trainer._shipped.scenarios` and
`trainer._shipped.workshops` (trainer.core.paths.shipped_dir), the same way in a wheel
and in a checkout:

- In a wheel, setuptools puts the repository's top-level `scenarios/` and `workshops/`
  here, as trainer/_shipped/scenarios/ and trainer/_shipped/workshops/ (setup.py maps
  the packages to those folders).
- In a checkout (`make play`, `pip install -e .`, or no install at all) they stay where
  the project keeps them, at the repository's root: this package's search path reaches
  them there. (setuptools' editable finder cannot map a folder without __init__.py
  inside a package, so the mapping alone would not do.)
"""

from trainer.core.paths import checkout_root

_ROOT = checkout_root()
if _ROOT is not None:
    __path__.append(str(_ROOT))  # noqa: F821 (a package's __path__)
