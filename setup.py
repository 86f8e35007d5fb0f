"""The two things pyproject.toml cannot say:

- the packages are the ones under trainer/ plus the repository's top-level scenarios/ and
  workshops/, shipped in the wheel as trainer/_shipped/scenarios/ and
  trainer/_shipped/workshops/ (see trainer/_shipped);
- the gettext catalogs ship compiled: the build writes each trainer/i18n/locale/*/LC_MESSAGES/*.po
  as a .mo beside it (Babel), and the .po files stay out of the wheel.
"""

from pathlib import Path

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
SHIPPED = {
    "trainer._shipped.scenarios": "scenarios",
    "trainer._shipped.workshops": "workshops",
}


class BuildWithCatalogs(build_py):
    """build_py, then every gettext catalog compiled into the build (fuzzy entries left out)."""

    def run(self):
        super().run()
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        for po in sorted((HERE / "trainer" / "i18n" / "locale").glob("*/LC_MESSAGES/*.po")):
            relative = po.relative_to(HERE).with_suffix(".mo")
            target = Path(self.build_lib) / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            with po.open("rb") as f:
                catalog = read_po(f, locale=po.parent.parent.name)
            with target.open("wb") as f:
                write_mo(f, catalog)


setup(
    # scenarios/plans/ is a folder of the scenarios package: named, so setuptools ships it as data
    packages=find_packages(include=["trainer", "trainer.*"]) + list(SHIPPED) + ["trainer._shipped.scenarios.plans"],
    package_dir=SHIPPED,
    cmdclass={"build_py": BuildWithCatalogs},
)
