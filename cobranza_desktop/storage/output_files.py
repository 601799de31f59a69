"""Writing a file the user asked for (a PDF, an export, a backup, a dossier) safely.

One rule for every verb and for the window: an output is never the book, one of its
companions (``-wal``, ``-shm``, ``-journal``, ``.lock``) or a file inside its backups
folder, compared as resolved real paths (and as the same file, for hard links). An
existing file is replaced only atomically: written to a private temporary file in the
same folder, flushed, then moved over the old one with ``os.replace``.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.storage.book_files import companions, make_private, make_private_dir, real
from cobranza_desktop.storage.file_system import remove_file, replace_file
from cobranza_desktop.storage.paths import backup_dir_for


def _refuse(path: Path, why: str, field: str = "out") -> ValidationError:
    return ValidationError(field, f"{path}: {why}")


# The books open in this program: every output is checked against each of them, so a
# save dialog in the window cannot pick the book even where no caller passed its path.
_open_books: dict[Path, int] = {}


def protect_book(book_path: Path) -> None:
    """An opened book: no output may be written over it until it is released."""
    _open_books[book_path] = _open_books.get(book_path, 0) + 1


def release_book(book_path: Path) -> None:
    count = _open_books.get(book_path, 0) - 1
    if count > 0:
        _open_books[book_path] = count
    else:
        _open_books.pop(book_path, None)


def check_output_path(path: Path, book_path: Path | None, *, backup: bool = False) -> Path:
    """Refuse an output that would overwrite a book or its backups; return it.

    The book checked is ``book_path`` and every book open in this program.
    ``backup=True`` is for a new backup, which may of course go in the backups folder.
    """
    if path.is_dir():
        raise _refuse(path, _("es una carpeta, no un archivo."))
    books = dict.fromkeys(_open_books)
    if book_path is not None:
        books[book_path] = 1
    for book in books:
        _check_against(path, book, backup=backup)
    return path


def _check_against(path: Path, book_path: Path, *, backup: bool) -> None:
    target = real(path)
    protected = companions(book_path)
    same_file = False
    if path.exists() and book_path.exists():
        try:
            same_file = os.path.samefile(path, book_path)
        except OSError:
            same_file = False
    if target in protected or same_file:
        raise _refuse(
            path,
            _("es el libro mismo (o uno de sus archivos); no se escribe encima."),
        )
    backups = real(backup_dir_for(book_path))
    if not backup and (target == backups or backups in target.parents):
        raise _refuse(
            path,
            _("está en la carpeta de copias de seguridad del libro; elija otro lugar."),
        )


def check_output_folder(folder: Path, field: str = "to") -> Path:
    """A folder to write into: it may not exist yet, but it must not be a file."""
    if folder.exists() and not folder.is_dir():
        raise _refuse(folder, _("es un archivo, no una carpeta."), field)
    return folder


@contextmanager
def atomic_output(path: Path, book_path: Path | None = None) -> Iterator[Path]:
    """Yield a private temporary path beside ``path``; once the block has written it,
    it replaces ``path`` in one step. On any error the old file stays as it was."""
    check_output_path(path, book_path)
    folder = path.parent if str(path.parent) else Path(".")
    make_private_dir(folder)
    descriptor, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    os.close(descriptor)
    temporary = Path(name)
    try:
        yield temporary
        make_private(temporary)
        with temporary.open("rb+") as handle:
            os.fsync(handle.fileno())
        replace_file(temporary, path)
    finally:
        remove_file(temporary)


def write_output(path: Path, data: bytes, book_path: Path | None = None) -> Path:
    with atomic_output(path, book_path) as temporary:
        temporary.write_bytes(data)
    return path


def write_output_with(
    path: Path, writer: Callable[[Path], None], book_path: Path | None = None
) -> Path:
    """For libraries that save to a path themselves (openpyxl, zipfile)."""
    with atomic_output(path, book_path) as temporary:
        writer(temporary)
    return path
