"""Opening a book: lock, connection settings, integrity check and migrations.

A book is a SQLite file (the embedded default) or a PostgreSQL database named by a URL
(``postgresql+psycopg://user@host/dbname``, an office). :func:`resolve_url` turns the
book setting into a SQLAlchemy URL; the file lock, SQLite's integrity check and the file
backups apply to a file only (``storage/server.py`` opens a server book).

The book itself (``storage/book.py``), the book setting (``storage/book_url.py``) and the
schema's version (``storage/schema.py``) live in modules of their own, which this one and
``storage/server.py`` both import; they are re-exported here so callers keep one import.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import URL
from sqlalchemy.exc import DatabaseError, OperationalError

from cobranza_desktop.domain.errors import BookDamagedError
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.storage import integrity
from cobranza_desktop.storage.backup import latest_backup, pre_migration_backup
from cobranza_desktop.storage.book import Book, make_engine, make_server_engine
from cobranza_desktop.storage.book_files import (
    BookMissingError,
    BookState,
    book_state,
    create_private_file,
    make_private_dir,
    require_writable_place,
)
from cobranza_desktop.storage.book_url import (
    SERVER_BACKENDS,
    BookLocation,
    describe_location,
    is_server_location,
    resolve_url,
)
from cobranza_desktop.storage.lock import BookLock
from cobranza_desktop.storage.paths import default_book_path
from cobranza_desktop.storage.schema import (
    MIGRATIONS_DIR,
    SCHEMA_HEAD,
    _alembic_config,
    current_revision,
    refuse_unknown_revision,
    upgrade,
)
from cobranza_desktop.storage.server import open_server_book

__all__ = [
    "MIGRATIONS_DIR",
    "SCHEMA_HEAD",
    "SERVER_BACKENDS",
    "Book",
    "BookLocation",
    "BookMissingError",
    "_alembic_config",
    "check_file_integrity",
    "current_revision",
    "describe_location",
    "is_server_location",
    "make_engine",
    "make_server_engine",
    "migrate",
    "missing_book_error",
    "open_book",
    "refuse_unknown_revision",
    "resolve_url",
    "upgrade",
]


def open_book(
    path: Path | str | URL | None = None,
    *,
    create: bool = False,
    now: datetime | None = None,
    check_integrity: bool = True,
    full_check: bool = False,
    lock: bool = True,
) -> Book:
    """Open a book: lock it, check it, and bring its schema up to date.

    ``check_integrity``: run SQLite's full quick_check when it is due (the book was not
    closed cleanly last time); ``full_check`` runs it regardless.

    A new book is made only with ``create=True`` (``cobranza new``, ``demo``, the
    window's first start on the default book). A missing or zero-byte file is otherwise
    refused, and even with ``create`` a lost book (backups beside it) is never silently
    replaced by an empty one: the error names the latest backup and how to restore it.
    A database URL opens a server book (``storage/server.py``): no lock, no file.
    """
    url = resolve_url(path if path is not None else default_book_path())
    if url.get_backend_name() != "sqlite":
        return open_server_book(url, create=create, now=now or datetime.now())
    book_path = Path(str(url.database))
    require_writable_place(book_path)
    state = book_state(book_path)
    if state is not BookState.PRESENT and (not create or latest_backup(book_path)):
        raise missing_book_error(book_path)
    make_private_dir(book_path.parent)
    book_lock = BookLock(book_path) if lock else None
    if book_lock is not None:
        book_lock.acquire()
    try:
        existed = book_state(book_path) is BookState.PRESENT
        # The full check only when due (see storage/integrity.py): after an unclean
        # shutdown here, daily in the background, and on each backup's copy.
        due = book_lock is not None and integrity.full_check_due(book_path)
        if existed and (full_check or (check_integrity and due)):
            check_file_integrity(book_path, quick=True)
            integrity.record_check(book_path, (now or datetime.now()).date())
        if not existed:
            book_path.unlink(missing_ok=True)  # only ever a zero-byte file here
            create_private_file(book_path)
            if book_lock is not None:
                book_lock.lock_inode()
        engine = make_engine(book_path)
        try:
            migrate(engine, book_path, now or datetime.now(), existed=existed)
        except (DatabaseError, OperationalError) as exc:
            engine.dispose()
            raise _damaged(book_path, str(exc)) from exc
    except BaseException:
        if book_lock is not None:
            book_lock.release()
        raise
    if book_lock is not None:
        integrity.mark_in_use(book_path)
    return Book(book_path, engine, book_lock)


def missing_book_error(book_path: Path) -> BookMissingError:
    """No book at ``book_path``: say how to restore the latest backup, or how to start one."""
    backup = latest_backup(book_path)
    what = (
        _("El libro {book_path} está vacío").format(book_path=book_path)
        if book_state(book_path) is BookState.EMPTY
        else _("No hay ningún libro en {book_path}").format(book_path=book_path)
    )
    if backup is not None:
        command = f'cobranza restore "{backup}" --book "{book_path}"'
        return BookMissingError(
            _(
                "{what}. La copia de seguridad más reciente es {backup}; para recuperarla: "
                "{command}"
            ).format(what=what, backup=backup, command=command),
            latest_backup=str(backup),
        )
    command = f'cobranza new --book "{book_path}"'
    return BookMissingError(
        _("{what}. Para empezar uno nuevo: {command} (o cobranza demo).").format(
            what=what, command=command
        )
    )


def _damaged(book_path: Path, detail: str) -> BookDamagedError:
    backup = latest_backup(book_path)
    command = f'cobranza restore "{backup}" --book "{book_path}"'
    offer = (
        _(" La copia de seguridad más reciente es {backup}; para recuperarla: {command}").format(
            backup=backup, command=command
        )
        if backup
        else ""
    )
    return BookDamagedError(
        _("El libro {name} está dañado y no se puede abrir ({detail}).{offer}").format(
            name=book_path.name, detail=detail, offer=offer
        ),
        latest_backup=str(backup) if backup else None,
    )


def check_file_integrity(book_path: Path, *, quick: bool = False) -> list[str]:
    """Run SQLite's integrity check; raises BookDamagedError when it fails."""
    pragma = "quick_check" if quick else "integrity_check"
    try:
        connection = sqlite3.connect(f"file:{book_path}?mode=ro", uri=True)
        try:
            rows = [row[0] for row in connection.execute(f"PRAGMA {pragma}")]
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise _damaged(book_path, str(exc)) from exc
    if rows != ["ok"]:
        raise _damaged(book_path, "; ".join(rows[:3]))
    return rows


def migrate(engine: Engine, book_path: Path, now: datetime, *, existed: bool) -> None:
    """Apply pending migrations, after a backup when an existing book's schema changes."""
    revision = current_revision(engine)
    if revision == SCHEMA_HEAD:
        return
    refuse_unknown_revision(revision)
    if existed and revision is not None:
        pre_migration_backup(book_path, revision, now)
    with engine.begin() as connection:
        upgrade(connection)
