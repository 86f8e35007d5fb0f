"""What `fact-trainer serve` needs around textual-serve: game processes that end with the
server, a clear word when the port is taken, and a page that needs no click and nothing
from the internet. No Textual import here: the serve process stays small."""

from __future__ import annotations

import errno
import os
import re
import signal
import socket
import sys
import threading
from pathlib import Path

SERVED_BY = "FACT_TRAINER_SERVED_BY"
"""Set by `serve` for its game processes: the server's process id."""
FACILITATOR_CODE = "FACT_TRAINER_FACILITATOR_CODE"
"""Set by `serve` for its game processes: the console's code (the workshop file's, or made for the run)."""
PUBLIC_URL = "FACT_TRAINER_PUBLIC_URL"
"""Set by `serve` for its game processes: the address participants open (the console shows it)."""


def die_with_parent(parent: int) -> None:
    """End this game process the moment the server that started it is gone, even when the
    server was killed with SIGKILL: the kernel sends SIGKILL at the parent's death (Linux),
    and a watcher thread checks the parent every second elsewhere. Nothing is saved on the
    way out: a week is saved only when the participant ends it."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            pr_set_pdeathsig = 1
            libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the server died before the line above: go now
        os._exit(0)

    def watch() -> None:
        import time

        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def port_taken(host: str, port: int) -> str | None:
    """Why the server cannot listen on host:port (None: it can), checked as aiohttp binds."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    probe = socket.socket(family, socket.SOCK_STREAM)
    try:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind((host, port))
    except OSError as exc:
        from trainer.i18n import _

        if exc.errno == errno.EADDRINUSE:
            return _("port {port} is taken: another program (or another serve) listens on it; choose another "
                     "with --port {other}").format(port=port, other=port + 1 if port < 65535 else 8080)
        if exc.errno == errno.EACCES:
            return _("port {port} needs administrator rights: choose one above 1023 with --port 8000").format(port=port)
        return _("cannot listen on {host}:{port} ({reason}): check --host and --port").format(
            host=host, port=port, reason=exc.strerror or exc)
    finally:
        probe.close()
    return None


FOCUS_SCRIPT = """
    <script>
      // the terminal takes the keyboard as soon as it is on the page: typing works without a click
      (function () {
        function focusTerminal() {
          var t = document.querySelector("#terminal textarea") || document.querySelector("#terminal");
          if (t && document.activeElement !== t) { t.focus(); }
          return !!document.querySelector("#terminal textarea");
        }
        var tries = 0;
        var timer = setInterval(function () {
          tries += 1;
          if ((focusTerminal() && document.body.classList.contains("-first-byte")) || tries > 600) {
            clearInterval(timer);
          }
        }, 100);
        window.addEventListener("focus", focusTerminal);
      })();
    </script>
"""


def write_templates(source: Path, target: Path) -> Path:
    """textual-serve's page templates, rewritten into `target`: without the web-font link (the
    page loads nothing from the internet; a workshop room may have none), with a script that
    gives the terminal the keyboard on load."""
    target.mkdir(parents=True, exist_ok=True)
    for template in source.glob("*.html"):
        text = template.read_text(encoding="utf-8")
        text = re.sub(r"<link[^>]*https?://[^>]*>", "", text, flags=re.S)
        text = text.replace("</body>", FOCUS_SCRIPT + "  </body>", 1)
        (target / template.name).write_text(text, encoding="utf-8")
    return target
