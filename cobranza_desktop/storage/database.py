"""Opening a book: lock, connection settings, integrity check and migrations.

A book is a SQLite file (the embedded default) or a PostgreSQL database named by a URL
(``postgresql+psycopg://user@host/dbname``, an office). :func:`resolve_url` turns the
book setting into a SQLAlchemy URL; the file lock, SQLite's integrity check and the file
backups apply to a file only (``storage/server.py`` opens a server book)."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from cobranza_desktop.domain.errors import BookDamagedError, BookError
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.storage import integrity
from cobranza_desktop.storage.backup import latest_backup, pre_migration_backup
from cobranza_desktop.storage.book_files import (
    BookMissingError,
    BookState,
    book_state,
    create_private_file,
    make_private_dir,
    require_writable_place,
)
from cobranza_desktop.storage.file_system import journal_mode
from cobranza_desktop.storage.lock import BookLock
from cobranza_desktop.storage.output_files import protect_book, release_book
from cobranza_desktop.storage.paths import default_book_path
from cobranza_desktop.storage.risk_tallies import keep_tallies

# The newest migration. Kept as a constant so that opening an up-to-date book does not
# import Alembic (start-up time); a test checks it against the migration scripts.
SCHEMA_HEAD = "0019_intake2"
MIGRATIONS_DIR = Path(__file__).with_name("migrations")


# A book setting that names a database server rather than a file: ``scheme://...``.
_URL_LIKE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
SERVER_BACKENDS = ("postgresql",)

BookLocation = Path | URL


def is_server_location(book: object) -> bool:
    """True when ``book`` names a database server (a URL), not a file."""
    if isinstance(book, URL):
        return book.get_backend_name() != "sqlite"
    return isinstance(book, str) and bool(_URL_LIKE.match(book)) and not book.startswith("file:")


def resolve_url(book: str | Path | URL) -> URL:
    """The SQLAlchemy URL of a book setting: a file path or a database URL.

    A path becomes ``sqlite`` with the path as its database (built with ``URL.create``,
    so that a ``?`` or ``%`` in a file name opens that very file). A PostgreSQL URL gets
    the psycopg 3 driver. The password is never taken from the settings: libpq finds it
    in ``PGPASSWORD`` or ``~/.pgpass`` when the URL has none (the keyring lookup of the
    window's server dialog extends this function)."""
    if isinstance(book, Path) or (isinstance(book, str) and not is_server_location(book)):
        return URL.create("sqlite", database=str(book))
    try:
        url = book if isinstance(book, URL) else make_url(_normalise_scheme(book))
    except ArgumentError as exc:
        raise BookError(
            _("«{book}» no es una dirección de base de datos válida.").format(book=book)
        ) from exc
    backend = url.get_backend_name()
    if backend == "sqlite":
        return url
    if backend not in SERVER_BACKENDS:
        raise BookError(
            _("Un libro es un archivo o una base de datos PostgreSQL, no «{backend}».").format(
                backend=backend
            )
        )
    if url.drivername != "postgresql+psycopg":
        url = url.set(drivername="postgresql+psycopg")
    if not url.database:
        raise BookError(
            _("Falta el nombre de la base de datos en {url}.").format(url=describe_location(url))
        )
    return url


def _normalise_scheme(text_url: str) -> str:
    # libpq's own spellings (postgres://, postgresql://) name the same server.
    for scheme in ("postgres://", "postgresql://"):
        if text_url.startswith(scheme):
            return "postgresql+psycopg://" + text_url[len(scheme) :]
    return text_url


def describe_location(book: Path | URL) -> str:
    """The book as shown to a person: a path, or a URL with its password hidden."""
    if isinstance(book, URL):
        if book.get_backend_name() == "sqlite":
            return str(book.database)
        return book.render_as_string(hide_password=True)
    return str(book)


def make_engine(path: Path | URL) -> Engine:
    """The engine of a book: a SQLite file (pragmas for a single writer) or a server."""
    url = resolve_url(path)
    if url.get_backend_name() != "sqlite":
        return make_server_engine(url)
    engine = create_engine(url, connect_args={"check_same_thread": False})
    # DELETE on a network drive (see storage/file_system.py)
    journal = journal_mode(Path(str(url.database)))

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA journal_mode = {journal}")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA busy_timeout = 5000")
        cursor.close()

    return engine


def make_server_engine(url: URL) -> Engine:
    # pre_ping: a connection the server closed overnight is replaced, not reported.
    return create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 10})


class Book:
    """An open book. Services open sessions on it; nothing above services sees one."""

    def __init__(self, path: Path | URL, engine: Engine, lock: BookLock | None) -> None:
        self.url = resolve_url(path)
        self._path = Path(str(self.url.database)) if self.is_file else None
        self.engine = engine
        self._lock = lock
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        keep_tallies(self._sessions)
        # No PDF, export or dossier of this program may land on the book's file.
        self._protected = self._path is not None
        if self._path is not None:
            protect_book(self._path)

    @property
    def is_file(self) -> bool:
        """A SQLite file (one writer, file backups) rather than a database server."""
        return self.url.get_backend_name() == "sqlite"

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def path(self) -> Path:
        """The book's file. A server book has none: what needs a file says so plainly."""
        if self._path is None:
            raise BookError(
                _("El libro {book} está en un servidor de base de datos, no en un archivo.").format(
                    book=self.location
                )
            )
        return self._path

    @property
    def location(self) -> str:
        """The book as shown to a person (a server URL without its password)."""
        return describe_location(self._path if self._path is not None else self.url)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: commits at the end, or rolls back entirely on any error."""
        with self._sessions() as session, session.begin():
            yield session

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session for reading."""
        with self._sessions() as session:
            yield session

    def close(self) -> None:
        if self._protected:
            self._protected = False
            release_book(self.path)
        self.engine.dispose()
        if self._lock is not None:
            integrity.mark_closed(self.path)  # closed cleanly: no full check next time
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Book:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


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
        from cobranza_desktop.storage.server import open_server_book

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


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
        return None if row is None else str(row[0])


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


def _alembic_config() -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def refuse_unknown_revision(revision: str | None) -> None:
    """A book from a newer program (a revision these migrations do not know) is refused."""
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(_alembic_config())
    known = {rev.revision for rev in scripts.walk_revisions()}
    if revision is not None and revision not in known:
        raise BookError(
            _("Este libro fue creado con una versión más nueva de Cobranza. Actualice el programa.")
        )


def upgrade(connection: Any) -> None:
    """Bring the schema to head on ``connection``, inside its transaction."""
    from alembic import command

    config = _alembic_config()
    config.attributes["connection"] = connection
    command.upgrade(config, "head")
