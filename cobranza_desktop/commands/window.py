"""`cobranza` with no verb: open the main window on a book."""

from __future__ import annotations

from pathlib import Path


def open_window(book_path: Path | None, language: str | None = None) -> int:
    # Imported here: the headless verbs never pay for Qt.
    from cobranza_desktop.ui.app import run_app

    return run_app(book_path, language=language)
