"""Opening a book on a PostgreSQL server: connect, refuse what is not a book, migrate.

Several programs write to a server book at once, so there is no file lock; two programs
that open an old schema at the same moment migrate it once (an advisory lock held by
the migrating transaction). Before a migration the database is saved with ``pg_dump``;
without ``pg_dump`` on PATH the migration is refused, never run unprotected.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, inspect, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError

from cobranza_desktop.domain.errors import BookError
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.storage.book import Book, make_server_engine
from cobranza_desktop.storage.book_url import describe_location
from cobranza_desktop.storage.paths import data_home
from cobranza_desktop.storage.schema import SCHEMA_HEAD, refuse_unknown_revision, upgrade
from cobranza_desktop.storage.server_grants import regrant_book_users

# Any constant shared by every copy of the program: the key of the migration lock.
_MIGRATION_LOCK = 0x636F6272  # "cobr"


def open_server_book(url: URL, *, create: bool, now: datetime) -> Book:
    """Open the database at ``url`` as a book; an empty database becomes one only with
    ``create`` (``cobranza new``, ``demo``, ``book copy``)."""
    engine = make_server_engine(url)
    try:
        with engine.connect() as connection:
            revision = _revision(connection)
            if revision is None:
                _refuse_foreign_or_empty(connection, url, create=create)
        if revision != SCHEMA_HEAD:
            refuse_unknown_revision(revision)
            if revision is not None:
                pg_dump_backup(url, revision, now)
            with engine.begin() as connection:
                # One program migrates; one that waited finds the schema up to date.
                connection.execute(
                    text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK}
                )
                if _revision(connection) != SCHEMA_HEAD:
                    upgrade(connection)
                    # The new tables reach the book's users only by a grant of this role.
                    regrant_book_users(connection)
    except DBAPIError as exc:
        engine.dispose()
        raise BookError(
            _("No se pudo abrir el libro {book}: {detail}").format(
                book=describe_location(url), detail=_first_line(exc.orig)
            )
        ) from exc
    except BaseException:
        engine.dispose()
        raise
    return Book(url, engine, None)


def server_has_book(url: URL) -> bool:
    """True when the database at ``url`` already holds a book (of any version)."""
    engine = make_server_engine(url)
    try:
        with engine.connect() as connection:
            return _revision(connection) is not None
    except DBAPIError as exc:
        raise BookError(
            _("No se pudo abrir el libro {book}: {detail}").format(
                book=describe_location(url), detail=_first_line(exc.orig)
            )
        ) from exc
    finally:
        engine.dispose()


def _first_line(error: object) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


def _revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
    return None if row is None else str(row[0])


def _refuse_foreign_or_empty(connection: Connection, url: URL, *, create: bool) -> None:
    tables = inspect(connection).get_table_names()
    where = describe_location(url)
    if tables:
        raise BookError(
            _(
                "La base de datos {book} tiene otras tablas y no es un libro de Cobranza; "
                "use una base de datos vacía (createdb)."
            ).format(book=where)
        )
    if not create:
        raise BookError(
            _(
                "La base de datos {book} está vacía. Para empezar un libro en ella: "
                'cobranza new --book "{book}", o para llevar uno: '
                'cobranza book copy LIBRO.sqlite "{book}".'
            ).format(book=where)
        )


def server_backup_dir() -> Path:
    return data_home() / "server-backups"


def pg_dump_backup(url: URL, revision: str, now: datetime) -> Path:
    """Save the database with ``pg_dump`` (custom format) before a migration."""
    if shutil.which("pg_dump") is None:
        raise BookError(
            _(
                "El libro {book} necesita actualizar su estructura, y antes hay que respaldarlo "
                "con pg_dump, que no está instalado. Instale el cliente de PostgreSQL "
                "(paquete postgresql-client) o respalde la base de datos y vuelva a intentarlo."
            ).format(book=describe_location(url))
        )
    stamp = now.strftime("%Y%m%d-%H%M%S")
    return pg_dump_to(
        url, server_backup_dir() / f"{url.database}-pre-migration-{revision}-{stamp}.dump"
    )


def server_backup_now(url: URL, folder: Path, now: datetime) -> Path:
    """A copy of the server book now (Archivo → Copia de seguridad ahora), with pg_dump."""
    if shutil.which("pg_dump") is None:
        raise BookError(
            _(
                "Un libro en un servidor se respalda con pg_dump, que no está instalado en esta "
                "computadora. Instale el cliente de PostgreSQL (paquete postgresql-client), o "
                "pida a quien administra el servidor que lo respalde."
            )
        )
    stamp = now.strftime("%Y%m%d-%H%M%S")
    return pg_dump_to(url, folder / f"{url.database}-{stamp}.dump")


def pg_dump_to(url: URL, target: Path) -> Path:
    """Save the database at ``url`` to ``target`` (pg_dump's custom format, private)."""
    from cobranza_desktop.storage.credentials import with_password  # keyring: servers only

    pg_dump = shutil.which("pg_dump")
    assert pg_dump is not None, "the callers say plainly when pg_dump is missing"
    url = with_password(url)
    where = describe_location(url)
    target.parent.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    if url.password is not None:  # passed to pg_dump by environment, never on its line
        env["PGPASSWORD"] = str(url.password)
    command = [
        pg_dump,
        "--format=custom",
        "--no-owner",
        f"--file={target}",
        "--dbname",
        url.database or "",
    ]
    if url.host:
        command += ["--host", url.host]
    if url.port:
        command += ["--port", str(url.port)]
    if url.username:
        command += ["--username", url.username]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        target.unlink(missing_ok=True)
        raise BookError(
            _("No se pudo respaldar {book} con pg_dump: {detail}").format(
                book=where, detail=(done.stderr.strip().splitlines() or ["?"])[0]
            )
        )
    os.chmod(target, 0o600)
    return target
