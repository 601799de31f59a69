"""Shared fixtures: a real SQLite book in a temporary folder and a fixed clock."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

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

TODAY = date(2026, 11, 22)


@pytest.fixture(autouse=True)
def _spanish_and_isolated_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """Every test starts in Spanish, with $COBRANZA_HOME in its own folder."""
    monkeypatch.setenv("COBRANZA_HOME", str(tmp_path / "home"))
    set_language("es")
    yield
    set_language("es")


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock.on(TODAY)


@pytest.fixture
def book_path(tmp_path: Path) -> Path:
    return tmp_path / "libro.sqlite"


@pytest.fixture
def book(book_path: Path) -> Iterator[Book]:
    opened = open_book(book_path, create=True)
    yield opened
    opened.close()


@pytest.fixture
def ws(book_path: Path, clock: FixedClock) -> Iterator[Workspace]:
    workspace = open_workspace(book_path, clock)
    yield workspace
    workspace.close()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Benchmarks measure speed on a quiet machine and run on request only
    (``--benchmark-only``); the normal run leaves them out instead of skipping them."""
    if config.getoption("benchmark_only") or config.getoption("benchmark_enable"):
        return
    benchmarks = [item for item in items if "benchmark" in getattr(item, "fixturenames", ())]
    if benchmarks:
        config.hook.pytest_deselected(items=benchmarks)
        items[:] = [item for item in items if item not in benchmarks]
