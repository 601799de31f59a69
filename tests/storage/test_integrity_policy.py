"""The full quick_check runs when it is due, not on every open; a damaged book is refused."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.errors import BookDamagedError
from cobranza_desktop.services.book.backups import BackupService
from cobranza_desktop.storage import database, integrity
from cobranza_desktop.storage.database import open_book


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every full check open_book runs (the real check still runs)."""
    seen: list[Path] = []
    real = database.check_file_integrity

    def spy(path: Path, *, quick: bool = False) -> list[str]:
        seen.append(path)
        return real(path, quick=quick)

    monkeypatch.setattr(database, "check_file_integrity", spy)
    return seen


def _with_rows(book_path: Path) -> None:
    """A book whose data spans many pages (so that a page can be damaged)."""
    open_book(book_path, create=True).close()
    with sqlite3.connect(book_path) as connection:
        connection.execute("CREATE TABLE filler (id INTEGER PRIMARY KEY, text TEXT)")
        connection.executemany(
            "INSERT INTO filler (text) VALUES (?)", [("x" * 500,) for _ in range(400)]
        )
    sqlite3.connect(book_path).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()


def _damage_a_page(book_path: Path) -> None:
    """Scribble over a page of the filler table, near the end of the file, leaving the
    header and the schema as they were (the book still opens without a full check)."""
    data = bytearray(book_path.read_bytes())
    page = 4096
    target = (len(data) // page - 10) * page
    data[target : target + page] = b"\xff" * page
    book_path.write_bytes(bytes(data))


def test_a_clean_book_is_checked_once_then_not_on_every_open(
    book_path: Path, checks: list[Path]
) -> None:
    open_book(book_path, create=True).close()
    assert checks == []  # a new book has nothing to check
    open_book(book_path).close()
    assert checks == [book_path]  # no check on record yet: one full check
    assert integrity.last_check(book_path) is not None
    for _ in range(3):
        open_book(book_path).close()
    assert checks == [book_path]
    assert not integrity.in_use_marker(book_path).exists()


def test_an_unclean_shutdown_brings_the_full_check_back(
    book_path: Path, checks: list[Path]
) -> None:
    open_book(book_path, create=True).close()
    open_book(book_path).close()
    book = open_book(book_path)
    assert integrity.in_use_marker(book_path).exists()  # what a crash leaves behind
    book.engine.dispose()
    book._lock.release()  # type: ignore[union-attr]  # the process died: no clean close
    assert integrity.closed_uncleanly(book_path)
    open_book(book_path).close()
    assert checks == [book_path, book_path]


def test_a_damaged_page_is_refused_after_an_unclean_shutdown(book_path: Path) -> None:
    _with_rows(book_path)
    open_book(book_path).close()  # checked, on record
    _damage_a_page(book_path)
    integrity.mark_in_use(book_path)  # the session that damaged it never closed
    with pytest.raises(BookDamagedError):
        open_book(book_path)


def test_the_daily_check_runs_once_a_day_and_withdraws_its_record_on_damage(
    book_path: Path,
) -> None:
    _with_rows(book_path)
    clock = FixedClock.on(date(2026, 11, 23))
    integrity.record_check(book_path, date(2026, 11, 22))
    with open_book(book_path) as book:
        service = BackupService(book, clock)
        assert service.check_daily() is True
        assert service.check_daily() is None  # once a day
        assert integrity.last_check(book_path) == date(2026, 11, 23)
    _damage_a_page(book_path)
    clock = FixedClock.on(date(2026, 11, 24))
    with open_book(book_path) as book:  # a clean close last time: opened without a check
        assert BackupService(book, clock).check_daily() is False
    assert integrity.last_check(book_path) is None
    with pytest.raises(BookDamagedError):
        open_book(book_path)
