"""The book's files on disk: where a book is, whether one is there, and private modes.

A book is a SQLite file with its companions (``-wal``, ``-shm``, ``-journal``, ``.lock``)
and a backups folder beside it. Every check compares resolved real paths, so a symlink
or a ``..`` never hides the book from the rules that protect it.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from enum import Enum
from pathlib import Path

from cobranza_desktop.domain.errors import BookError
from cobranza_desktop.domain.i18n import _

FILE_MODE = 0o600
FOLDER_MODE = 0o700
COMPANION_SUFFIXES = ("-wal", "-shm", "-journal", ".lock")
_SQLITE_MAGIC = b"SQLite format 3\x00"


class BookState(Enum):
    MISSING = "missing"
    EMPTY = "empty"  # a zero-byte file: what a truncation or a failed copy leaves
    PRESENT = "present"
    DIRECTORY = "directory"


class BookMissingError(BookError):
    """No book where one was expected; ``latest_backup`` names the newest backup, if any."""

    def __init__(self, message: str, latest_backup: str | None = None) -> None:
        super().__init__(message)
        self.latest_backup = latest_backup


class BookPlaceError(BookError):
    """The book, or its folder, cannot be written: read-only, a directory, no room."""


def real(path: Path | str) -> Path:
    return Path(os.path.realpath(os.fspath(path)))


def book_state(path: Path) -> BookState:
    try:
        info = path.stat()
    except FileNotFoundError:
        return BookState.MISSING
    if stat.S_ISDIR(info.st_mode):
        return BookState.DIRECTORY
    return BookState.EMPTY if info.st_size == 0 else BookState.PRESENT


def looks_like_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(16) == _SQLITE_MAGIC
    except OSError:
        return False


def companions(book_path: Path) -> list[Path]:
    """The book and the files SQLite and the lock keep beside it, as real paths."""
    book = real(book_path)
    return [book, *(book.with_name(book.name + suffix) for suffix in COMPANION_SUFFIXES)]


def make_private_dir(folder: Path) -> Path:
    """Create ``folder`` (and missing parents) as 0700 whatever the umask. An existing
    folder we did not create keeps its mode: it may be the user's Documents."""
    missing: list[Path] = []
    probe = folder
    while not probe.exists():
        missing.append(probe)
        if probe.parent == probe:
            break
        probe = probe.parent
    folder.mkdir(parents=True, exist_ok=True)
    for created in missing:
        _chmod(created, FOLDER_MODE)
    return folder


def create_private_file(path: Path) -> None:
    """Create an empty 0600 file, failing if one is already there."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    os.close(descriptor)
    _chmod(path, FILE_MODE)  # os.open's mode is filtered by the umask


def make_private(path: Path) -> None:
    _chmod(path, FILE_MODE)


def _chmod(path: Path, mode: int) -> None:
    if sys.platform == "win32":
        return  # no POSIX modes: the user's profile folder is already private
    # A file on a share we may not chmod still works; nothing to lose there.
    with contextlib.suppress(OSError):
        os.chmod(path, mode)


def _write_bits(mode: int) -> bool:
    return bool(mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def require_writable_place(book_path: Path) -> None:
    """Refuse a book that cannot be written, before anything is opened or created.

    Mode bits are checked explicitly as well as ``os.access``: an administrator account
    may write anywhere, but a file or folder marked read-only is a statement of intent.
    """
    folder = real(book_path).parent
    state = book_state(book_path)
    if state is BookState.DIRECTORY:
        raise BookPlaceError(
            _("{book_path} es una carpeta, no un libro.").format(book_path=book_path)
        )
    if state is not BookState.MISSING and (
        not _write_bits(book_path.stat().st_mode) or not os.access(book_path, os.W_OK)
    ):
        raise BookPlaceError(
            _("El libro {book_path} es de solo lectura; no se puede abrir para escribir.").format(
                book_path=book_path
            )
        )
    if folder.is_dir() and (
        not _write_bits(folder.stat().st_mode) or not os.access(folder, os.W_OK | os.X_OK)
    ):
        raise BookPlaceError(
            _(
                "La carpeta {folder} es de solo lectura: no hay lugar para el candado ni para "
                "el diario del libro."
            ).format(folder=folder)
        )
    if folder.exists() and not folder.is_dir():
        raise BookPlaceError(_("{folder} no es una carpeta.").format(folder=folder))
