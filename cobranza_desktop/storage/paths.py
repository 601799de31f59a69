"""Where the book lives: ``--book PATH``, ``$COBRANZA_HOME``, or the user data directory."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

BOOK_FILENAME = "cobranza.sqlite"


def data_home() -> Path:
    env = os.environ.get("COBRANZA_HOME")
    if env:
        return Path(env).expanduser()
    return user_data_path("cobranza-desktop", appauthor=False)


def default_book_path() -> Path:
    return data_home() / BOOK_FILENAME


def backup_dir_for(book_path: Path) -> Path:
    """Backups sit beside the book, in ``<name>-backups/``: beside the real file, so a
    book opened through a symlink has one backups folder, not one per name."""
    real = Path(os.path.realpath(os.fspath(book_path)))
    return real.parent / f"{real.stem}-backups"
