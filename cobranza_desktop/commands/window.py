"""`cobranza` with no verb: open the main window on a book."""

from __future__ import annotations

import sys
from pathlib import Path

from cobranza_desktop.commands._common import EXIT_ERROR
from cobranza_desktop.domain.errors import BookError
from cobranza_desktop.domain.i18n import set_language
from cobranza_desktop.storage.backup import latest_backup
from cobranza_desktop.storage.book_files import (
    BookState,
    book_state,
    require_writable_place,
)
from cobranza_desktop.storage.database import missing_book_error
from cobranza_desktop.storage.paths import default_book_path


def refusal(book_path: Path | None) -> str | None:
    """Why the window must not open on ``book_path``, or None. Only the default book is
    created at the first start; an explicit ``--book`` must name a book, and a lost book
    (missing or empty, with backups beside it) is restored, not replaced."""
    path = book_path if book_path is not None else default_book_path()
    try:
        require_writable_place(path)
    except BookError as exc:
        return exc.message
    if book_state(path) is BookState.PRESENT:
        return None
    if book_path is not None or latest_backup(path) is not None:
        return missing_book_error(path).message
    return None


def speak_as_the_window(language: str | None) -> str:
    """Messages before the window opens are in the window's language (``--lang``, or the
    one saved by the window), not the terminal's default; returns it."""
    from cobranza_desktop.ui.refusal import interface_language

    chosen = interface_language(language)
    set_language(chosen)
    return chosen


def refuse_visibly(message: str, language: str | None) -> int:
    """One line on stderr, and the same in a dialog when there is a screen: started from a
    desktop menu, nobody reads the terminal."""
    print(message, file=sys.stderr)
    from cobranza_desktop.ui.refusal import can_show_dialogs, show_refusal

    if can_show_dialogs():
        show_refusal(message, language)
    return EXIT_ERROR


def open_window(book_path: Path | None, language: str | None = None) -> int:
    language = speak_as_the_window(language)
    refused = refusal(book_path)
    if refused is not None:
        return refuse_visibly(refused, language)
    # Imported here: the headless verbs never pay for Qt.
    from cobranza_desktop.ui.app import run_app

    return run_app(book_path, language=language)
