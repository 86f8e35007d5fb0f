"""FACT Trainer's terminal interface (Textual).

The stylesheets ship in the package and are found through importlib.resources, so the
game looks the same run from a checkout or installed from a wheel.
"""

from importlib.resources import files

APP_CSS = files(__name__) / "app.tcss"
"""The global rules and the title screen's: parsed at launch."""

SCREENS_CSS = files(__name__) / "screens" / "screens.tcss"
"""The rules of every screen but the title (each one's CSS_PATH): not parsed at launch."""
