"""Opening a book: lock, connection settings, integrity check and migrations."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from cobranza_desktop.domain.errors import BookDamagedError, BookError, ConcurrentEditError
from cobranza_desktop.domain.i18n import _
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
from cobranza_desktop.storage.identity import database_login
from cobranza_desktop.storage.lock import BookLock
from cobranza_desktop.storage.office_hooks import Office, install
from cobranza_desktop.storage.output_files import protect_book, release_book
from cobranza_desktop.storage.paths import default_book_path

# The newest migration. Kept as a constant so that opening an up-to-date book does not
# import Alembic (start-up time); a test checks it against the migration scripts.
SCHEMA_HEAD = "0010_audit_users"
MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
    journal = journal_mode(path)  # DELETE on a network drive (see storage/file_system.py)

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA journal_mode = {journal}")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA busy_timeout = 5000")
        cursor.close()

    return engine


class Book:
    """An open book. Services open sessions on it; nothing above services sees one."""

    def __init__(self, path: Path, engine: Engine, lock: BookLock | None) -> None:
        self.path = path
        self.engine = engine
        self._lock = lock
        # Who works and when: read by the session hooks (guard, audit trail, counters).
        self._office = Office(now=lambda: datetime.now().replace(microsecond=0))
        self._sessions = sessionmaker(engine, expire_on_commit=False, info={"office": self._office})
        install(self._sessions)
        self._protected = True
        protect_book(path)  # no PDF, export or dossier of this program may land on it

    @property
    def login(self) -> str:
        """Who this program works as: the server's ``current_user``, or the local user."""
        if not self._office.login:
            self._office.login = database_login(self.engine)
        return self._office.login

    def act_as(self, login: str) -> None:
        """Work as another local login (SQLite only: on a server the server says who)."""
        if self.engine.dialect.name != "sqlite":
            raise BookError(_("En un servidor, el usuario es el de la conexión."))
        self._office.login = login

    def use_clock(self, now: Callable[[], datetime]) -> None:
        """The clock of the audit trail (the workspace's, so that tests fix it)."""
        self._office.now = now

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: commits at the end, or rolls back entirely on any error.

        A record changed underneath by someone else (its version moved) is refused
        as a :class:`ConcurrentEditError`, and nothing is written."""
        try:
            with self._sessions() as session, session.begin():
                yield session
        except StaleDataError as exc:
            raise ConcurrentEditError(
                _(
                    "Otra persona cambió este registro mientras lo editaba; vuelva a "
                    "abrirlo. No se guardó nada."
                )
            ) from exc

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
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Book:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def open_book(
    path: Path | str | None = None,
    *,
    create: bool = False,
    now: datetime | None = None,
    check_integrity: bool = True,
    lock: bool = True,
) -> Book:
    """Open a book: lock it, check it, and bring its schema up to date.

    A new book is made only with ``create=True`` (``cobranza new``, ``demo``, the
    window's first start on the default book). A missing or zero-byte file is otherwise
    refused, and even with ``create`` a lost book (backups beside it) is never silently
    replaced by an empty one: the error names the latest backup and how to restore it.
    """
    book_path = Path(path) if path is not None else default_book_path()
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
        if existed and check_integrity:
            check_file_integrity(book_path, quick=True)
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
        has_table = connection.execute(
            text("SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'")
        ).first()
        if not has_table:
            return None
        row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
        return None if row is None else str(row[0])


def migrate(engine: Engine, book_path: Path, now: datetime, *, existed: bool) -> None:
    """Apply pending migrations, after a backup when an existing book's schema changes."""
    revision = current_revision(engine)
    if revision == SCHEMA_HEAD:
        return
    from alembic import command
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    known = {rev.revision for rev in ScriptDirectory.from_config(config).walk_revisions()}
    if revision is not None and revision not in known:
        raise BookError(
            _("Este libro fue creado con una versión más nueva de Cobranza. Actualice el programa.")
        )
    if existed and revision is not None:
        pre_migration_backup(book_path, revision, now)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
