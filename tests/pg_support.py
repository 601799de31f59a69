"""Test books on a real PostgreSQL server: one fresh database per test.

The server is named by ``COBRANZA_TEST_PG_URL`` (``scripts/pg-cluster.sh start`` prints
one): a URL whose user may create databases. A template database is migrated once per
run; each test then gets ``CREATE DATABASE … TEMPLATE`` (a file copy, a few tens of
milliseconds) and the database is dropped after the test.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL

from cobranza_desktop.storage.database import open_book, resolve_url

PG_URL_ENV = "COBRANZA_TEST_PG_URL"
ENGINES = ("sqlite", "postgresql")
_counter = itertools.count(1)


def server_url() -> URL | None:
    value = os.environ.get(PG_URL_ENV)
    return resolve_url(value) if value else None


class PgDatabases:
    """Makes and drops the test databases of one pytest run."""

    def __init__(self, admin: URL) -> None:
        self.admin = admin
        self.prefix = f"cobranza_t{os.getpid()}"
        self.template = f"{self.prefix}_template"
        self._engine = create_engine(
            admin.set(database=admin.database or "postgres"), isolation_level="AUTOCOMMIT"
        )
        self._template_ready = False

    def _execute(self, sql: str) -> None:
        with self._engine.connect() as connection:
            connection.execute(text(sql))

    def _ensure_template(self) -> None:
        if self._template_ready:
            return
        self._execute(f'DROP DATABASE IF EXISTS "{self.template}" WITH (FORCE)')
        self._execute(f'CREATE DATABASE "{self.template}"')
        book = open_book(self.admin.set(database=self.template), create=True)
        book.close()  # a template must have no connection while it is copied
        self._template_ready = True

    def create(self, *, migrated: bool = True) -> URL:
        """A new database: migrated (an empty book, as ``cobranza new`` leaves it) or empty."""
        name = f"{self.prefix}_{next(_counter)}"
        if migrated:
            self._ensure_template()
            self._execute(f'CREATE DATABASE "{name}" TEMPLATE "{self.template}"')
        else:
            self._execute(f'CREATE DATABASE "{name}"')
        return self.admin.set(database=name)

    def drop(self, url: URL) -> None:
        self._execute(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)')

    def close(self) -> None:
        if self._template_ready:
            self._execute(f'DROP DATABASE IF EXISTS "{self.template}" WITH (FORCE)')
        self._engine.dispose()


@contextmanager
def database(databases: PgDatabases, *, migrated: bool = True) -> Iterator[URL]:
    url = databases.create(migrated=migrated)
    try:
        yield url
    finally:
        databases.drop(url)


def url_text(url: URL) -> str:
    """The URL as a person types it after ``--book`` (this test server has no password)."""
    return url.render_as_string(hide_password=False)
