"""An open book: its engine, its sessions and transactions, the office's session hooks.

``storage/database.py`` opens a file book, ``storage/server.py`` a server book; both
make a :class:`Book` from here, so neither imports the other."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from cobranza_desktop.domain.errors import BookError, ConcurrentEditError
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.storage import integrity
from cobranza_desktop.storage.book_url import book_label, describe_location, resolve_url
from cobranza_desktop.storage.file_system import journal_mode
from cobranza_desktop.storage.identity import database_login
from cobranza_desktop.storage.lock import BookLock
from cobranza_desktop.storage.office_hooks import Office, install
from cobranza_desktop.storage.output_files import protect_book, release_book
from cobranza_desktop.storage.risk_tallies import keep_tallies


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
    """The engine of a server book; a URL without a password gets the keyring's (the
    window's "Conectar a un servidor…" keeps it there), else libpq finds one itself."""
    from cobranza_desktop.storage.credentials import with_password  # keyring: servers only

    # pre_ping: a connection the server closed overnight is replaced, not reported.
    return create_engine(
        with_password(url), pool_pre_ping=True, connect_args={"connect_timeout": 10}
    )


class Book:
    """An open book. Services open sessions on it; nothing above services sees one."""

    def __init__(self, path: Path | URL, engine: Engine, lock: BookLock | None) -> None:
        self.url = resolve_url(path)
        self._path = Path(str(self.url.database)) if self.is_file else None
        self.engine = engine
        self._lock = lock
        # Who works and when: read by the session hooks (guard, audit trail, counters).
        self._office = Office(now=lambda: datetime.now().replace(microsecond=0))
        self._sessions = sessionmaker(engine, expire_on_commit=False, info={"office": self._office})
        install(self._sessions)
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
    def local_commits(self) -> int:
        """How many transactions this program committed on the book."""
        return self._office.commits

    @property
    def address(self) -> str:
        """The book as the recent books remember it: a path, or the URL without password."""
        if self._path is not None:
            return str(self._path)
        # URL.set() leaves a None as "unchanged": the named tuple's own _replace drops it.
        return self.url._replace(password=None).render_as_string(hide_password=False)

    @property
    def label(self) -> str:
        """The book in a title bar: the file's name, or «servidor · base»."""
        return book_label(self._path if self._path is not None else self.url)

    @property
    def location(self) -> str:
        """The book as shown to a person (a server URL without its password)."""
        return describe_location(self._path if self._path is not None else self.url)

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
            integrity.mark_closed(self.path)  # closed cleanly: no full check next time
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Book:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
