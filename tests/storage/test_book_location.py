"""A book is a file path or a database URL; the schema is the same on both engines."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.engine import URL

from cobranza_desktop.domain.errors import BookError
from cobranza_desktop.storage.database import (
    SCHEMA_HEAD,
    Book,
    _alembic_config,
    current_revision,
    describe_location,
    make_engine,
    open_book,
    resolve_url,
)
from cobranza_desktop.storage.models import Base
from cobranza_desktop.storage.server import server_backup_dir
from tests.pg_support import PgDatabases, database


@pytest.mark.parametrize("name", ["libro?x=1.sqlite", "100%.sqlite", "a#b%20c.sqlite"])
def test_a_path_with_url_characters_opens_that_very_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    book = open_book(path, create=True)
    try:
        assert book.is_file and book.path == path
        with book.transaction() as session:
            session.execute(text("CREATE TABLE probe (x INTEGER)"))
    finally:
        book.close()
    assert path.stat().st_size > 0
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".sqlite")) == [name]


def test_urls_resolve_to_psycopg_and_paths_to_sqlite(tmp_path: Path) -> None:
    assert resolve_url("postgresql://ana@db.local/negocio").drivername == "postgresql+psycopg"
    assert resolve_url("postgres://ana@db.local:6543/negocio").port == 6543
    assert resolve_url(tmp_path / "x?y.sqlite").database == str(tmp_path / "x?y.sqlite")
    assert resolve_url("libro.sqlite").get_backend_name() == "sqlite"
    with pytest.raises(BookError, match="mysql"):
        resolve_url("mysql://ana@db.local/negocio")
    with pytest.raises(BookError, match="nombre de la base de datos"):
        resolve_url("postgresql://ana@db.local")


def test_a_password_is_never_shown() -> None:
    url = resolve_url("postgresql://ana:s3creta@db.local/negocio")
    shown = describe_location(url)
    assert "s3creta" not in shown and "ana" in shown and "negocio" in shown


def test_a_url_is_never_turned_into_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    # Nothing listens on port 9: the open fails, and no file named like the URL appears.
    with pytest.raises(BookError, match="No se pudo abrir el libro"):
        open_book("postgresql://nadie@127.0.0.1:9/negocio", create=True)
    assert list(tmp_path.iterdir()) == []


def test_the_migrated_schema_matches_the_models_on_each_engine(book: Book) -> None:
    with book.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
    assert current_revision(book.engine) == SCHEMA_HEAD


def test_the_open_items_indexes_are_partial_on_each_engine(book: Book) -> None:
    with book.engine.connect() as connection:
        indexes = {i["name"]: i for i in inspect(connection).get_indexes("invoices")}
        if book.dialect == "postgresql":
            definition = connection.execute(
                text("SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_invoices_open'")
            ).scalar_one()
        else:
            definition = connection.execute(
                text("SELECT sql FROM sqlite_master WHERE name = 'ix_invoices_open'")
            ).scalar_one()
    assert "ix_invoices_open" in indexes
    assert "WHERE" in definition.upper() and "paid_cents" in definition


@pytest.mark.postgresql
def test_an_empty_database_is_refused_unless_a_book_is_made(pg_databases: PgDatabases) -> None:
    with database(pg_databases, migrated=False) as url:
        with pytest.raises(BookError, match="está vacía"):
            open_book(url)
        book = open_book(url, create=True)
        try:
            assert not book.is_file and current_revision(book.engine) == SCHEMA_HEAD
            with pytest.raises(BookError, match="servidor"):
                _ = book.path
        finally:
            book.close()


@pytest.mark.postgresql
def test_a_foreign_database_is_refused(pg_databases: PgDatabases) -> None:
    with database(pg_databases, migrated=False) as url:
        engine = make_engine(url)
        with engine.begin() as connection:
            connection.execute(text("CREATE TABLE otra_cosa (x INTEGER)"))
        engine.dispose()
        with pytest.raises(BookError, match="no es un libro"):
            open_book(url, create=True)


def _migrate_to(url: URL, revision: str) -> None:
    engine = make_engine(url)
    with engine.begin() as connection:
        config = _alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    engine.dispose()


@pytest.mark.postgresql
def test_an_old_server_book_is_dumped_then_migrated(pg_databases: PgDatabases) -> None:
    with database(pg_databases, migrated=False) as url:
        _migrate_to(url, "0007_subscriptions")
        book = open_book(url, now=datetime(2026, 11, 22, 9, 30))
        try:
            assert current_revision(book.engine) == SCHEMA_HEAD
        finally:
            book.close()
        (dump,) = server_backup_dir().glob(f"{url.database}-pre-migration-0007_subscriptions-*")
        assert dump.stat().st_size > 0 and dump.read_bytes().startswith(b"PGDMP")


@pytest.mark.postgresql
def test_without_pg_dump_the_migration_is_refused(
    pg_databases: PgDatabases, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    with database(pg_databases, migrated=False) as url:
        _migrate_to(url, "0007_subscriptions")
        monkeypatch.setenv("PATH", str(tmp_path))  # no pg_dump here
        with pytest.raises(BookError, match="pg_dump"):
            open_book(url)
        engine = make_engine(url)
        try:
            assert current_revision(engine) == "0007_subscriptions"
        finally:
            engine.dispose()
