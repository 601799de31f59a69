"""Opening a book: lock, connection settings, integrity check and migrations."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from cobranza_desktop.domain.errors import BookDamagedError, BookError
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.storage.backup import latest_backup, pre_migration_backup
from cobranza_desktop.storage.lock import BookLock
from cobranza_desktop.storage.paths import default_book_path

# The newest migration. Kept as a constant so that opening an up-to-date book does not
# import Alembic (start-up time); a test checks it against the migration scripts.
SCHEMA_HEAD = "0005_outbox_invoices_and_statuses"
MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
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
        self._sessions = sessionmaker(engine, expire_on_commit=False)

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
    now: datetime | None = None,
    check_integrity: bool = True,
    lock: bool = True,
) -> Book:
    """Open (or create) a book: lock it, check it, and bring its schema up to date."""
    book_path = Path(path) if path is not None else default_book_path()
    book_path.parent.mkdir(parents=True, exist_ok=True)
    book_lock = BookLock(book_path) if lock else None
    if book_lock is not None:
        book_lock.acquire()
    try:
        existed = book_path.exists() and book_path.stat().st_size > 0
        if existed and check_integrity:
            check_file_integrity(book_path, quick=True)
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


def _damaged(book_path: Path, detail: str) -> BookDamagedError:
    backup = latest_backup(book_path)
    offer = (
        _(" La copia de seguridad más reciente es {backup}.").format(backup=backup)
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
