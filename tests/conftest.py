"""Shared fixtures: a real book (a SQLite file in a temporary folder, or a fresh
PostgreSQL database) and a fixed clock.

``--db=sqlite|postgresql|both`` chooses the engines of the storage and services suites
(default: both when ``COBRANZA_TEST_PG_URL`` names a server, else SQLite): each of their
tests that takes ``book`` or ``ws`` (and not the file itself, ``book_path``) runs once
per engine. A test that is about the file is marked ``sqlite_only``.
"""

from __future__ import annotations

import inspect
import os
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.engine import URL

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.environ["QT_QPA_PLATFORM"] == "offscreen":
    # Two virtual screens instead of the offscreen default (800x800): a 1920x1080 desktop,
    # and beside it a 1366x768 laptop, where tests/ui/test_screen_fit.py opens everything.
    os.environ["QT_QPA_PLATFORM"] = (
        f"offscreen:configfile={Path(__file__).with_name('screens.json')}"
    )

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.i18n import set_language
from cobranza_desktop.services.book.workspace import Workspace, open_workspace
from cobranza_desktop.storage.database import Book, open_book
from tests.pg_support import ENGINES, PG_URL_ENV, PgDatabases, server_url

TODAY = date(2026, 11, 22)
# The suites that run on every engine: what touches SQL.
BOTH_ENGINE_SUITES = ("tests/storage/", "tests/services/", "tests/scenarios/")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--db",
        choices=["sqlite", "postgresql", "both"],
        default=None,
        help=f"engines of the storage and services suites (default: both when ${PG_URL_ENV} "
        "is set, else sqlite)",
    )


def chosen_engines(config: pytest.Config) -> tuple[str, ...]:
    choice = config.getoption("db") or ("both" if server_url() is not None else "sqlite")
    if choice != "sqlite" and server_url() is None:
        raise pytest.UsageError(
            f"--db={choice} needs a PostgreSQL server: export {PG_URL_ENV} "
            "(scripts/pg-cluster.sh start prints one)"
        )
    return ENGINES if choice == "both" else (choice,)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "db_engine" not in metafunc.fixturenames:
        return
    engines = chosen_engines(metafunc.config)
    where = str(metafunc.definition.path).replace(os.sep, "/")
    direct = inspect.signature(metafunc.function).parameters
    on_both = (
        any(f"/{suite}" in where for suite in BOTH_ENGINE_SUITES)
        and "book_path" not in direct
        and metafunc.definition.get_closest_marker("sqlite_only") is None
    )
    if not on_both:
        engines = ("sqlite",)
    if engines != ("sqlite",):
        metafunc.parametrize("db_engine", engines, indirect=True)


@pytest.fixture
def db_engine(request: pytest.FixtureRequest) -> str:
    """The engine of this test's book (``sqlite`` unless parametrised)."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture(scope="session")
def pg_databases() -> Iterator[PgDatabases]:
    url = server_url()
    if url is None:
        raise pytest.UsageError(f"this test needs ${PG_URL_ENV}")
    databases = PgDatabases(url)
    yield databases
    databases.close()


@pytest.fixture
def new_book_location(
    request: pytest.FixtureRequest, db_engine: str, tmp_path: Path
) -> Iterator[Callable[[], Path | URL]]:
    """Makes new, empty book places on this test's engine: files, or migrated databases."""
    made: list[URL] = []
    databases = request.getfixturevalue("pg_databases") if db_engine == "postgresql" else None
    counter = iter(range(1, 1_000_000))

    def make() -> Path | URL:
        if databases is None:
            return tmp_path / f"libro-{next(counter)}.sqlite"
        made.append(databases.create())
        return made[-1]

    yield make
    for url in made:
        assert databases is not None
        databases.drop(url)


@pytest.fixture
def book_location(
    request: pytest.FixtureRequest, db_engine: str, tmp_path: Path
) -> Iterator[Path | URL]:
    """The place of this test's book: ``book_path`` on SQLite, a fresh database on
    PostgreSQL."""
    if db_engine == "sqlite":
        yield tmp_path / "libro.sqlite"
        return
    databases: PgDatabases = request.getfixturevalue("pg_databases")
    url = databases.create()
    yield url
    databases.drop(url)


@pytest.fixture(autouse=True)
def _spanish_and_isolated_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """Every test starts in Spanish, with $COBRANZA_HOME in its own folder."""
    monkeypatch.setenv("COBRANZA_HOME", str(tmp_path / "home"))
    set_language("es")
    yield
    set_language("es")


@pytest.fixture(autouse=True)
def _collector_given_back() -> Iterator[None]:
    """A task runner a test left running holds Python's cyclic collector on the GUI thread
    (ui/gc_guard); the next tests get it back, so that no cycle (an engine, a connection
    to the test server) outlives its test uncollected."""
    yield
    guard = sys.modules.get("cobranza_desktop.ui.gc_guard")
    if guard is not None and guard.active():
        guard.reset()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock.on(TODAY)


@pytest.fixture
def book_path(tmp_path: Path) -> Path:
    return tmp_path / "libro.sqlite"


@pytest.fixture
def book(book_location: Path | URL) -> Iterator[Book]:
    opened = open_book(book_location, create=True)
    yield opened
    opened.close()


@pytest.fixture
def ws(book_location: Path | URL, clock: FixedClock) -> Iterator[Workspace]:
    workspace = open_workspace(book_location, clock)
    yield workspace
    workspace.close()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Benchmarks measure speed on a quiet machine and run on request only
    (``--benchmark-only``); the normal run leaves them out instead of skipping them."""
    if "postgresql" not in chosen_engines(config):  # no server: the SQLite half alone
        server_only = [item for item in items if item.get_closest_marker("postgresql")]
        if server_only:
            config.hook.pytest_deselected(items=server_only)
            items[:] = [item for item in items if item not in server_only]
    if config.getoption("benchmark_only") or config.getoption("benchmark_enable"):
        return
    benchmarks = [item for item in items if "benchmark" in getattr(item, "fixturenames", ())]
    if benchmarks:
        config.hook.pytest_deselected(items=benchmarks)
        items[:] = [item for item in items if item not in benchmarks]
