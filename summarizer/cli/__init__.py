"""The thin shell: arguments, progress bars, output files and exit codes (0 done, 1 failed items, 2 usage).

``options`` holds the app and what commands share, ``commands`` the commands that make briefings, ``evaluate``
the ``eval`` commands; importing this package registers them all.
"""

from __future__ import annotations

from summarizer.cli import commands, evaluate
from summarizer.cli.options import app

__all__ = ["app", "commands", "evaluate", "main"]


def main() -> None:
    """Console entry point."""
    app()
