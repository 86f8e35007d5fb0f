"""The one thing pyproject.toml cannot say: the packages are the ones under trainer/
plus the repository's top-level scenarios/ and workshops/, shipped in the wheel as
trainer/_shipped/scenarios/ and trainer/_shipped/workshops/ (see trainer/_shipped)."""

from setuptools import find_packages, setup

SHIPPED = {
    "trainer._shipped.scenarios": "scenarios",
    "trainer._shipped.workshops": "workshops",
}

setup(
    # scenarios/plans/ is a folder of the scenarios package: named, so setuptools ships it as data
    packages=find_packages(include=["trainer", "trainer.*"]) + list(SHIPPED) + ["trainer._shipped.scenarios.plans"],
    package_dir=SHIPPED,
)
