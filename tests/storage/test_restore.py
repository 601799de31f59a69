"""Restoring a backup: checked first, the current book kept, stale WAL files harmless."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.errors import BookDamagedError, BookLockedError
from cobranza_desktop.services.book.backups import list_backups, restore_backup
from cobranza_desktop.services.book.check import BookCheckService
from cobranza_desktop.services.book.new_book import create_book
from cobranza_desktop.storage import backup
from cobranza_desktop.storage.database import open_book

NOW = datetime(2026, 11, 22, 10, 0)
CLOCK = FixedClock(NOW)


def _add_customer(path: Path, name: str) -> None:
    with open_book(path) as book, book.engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO customers (name, name_key, rfc, contact_name, email, phone, whatsapp,"
            " address, preferred_channel, notes, status, created_at) VALUES (?, ?, '',"
            " '', '', '', '', '', 'phone', '', 'active', '2026-01-01 00:00:00')",
            (name, name.lower()),
        )


def _names(path: Path) -> list[str]:
    with sqlite3.connect(path) as raw:
        return [r[0] for r in raw.execute("SELECT name FROM customers ORDER BY id")]


def test_restore_keeps_the_current_book_and_ignores_a_stale_wal(
    book_path: Path, tmp_path: Path
) -> None:
    create_book(book_path, CLOCK, name="Taller")
    _add_customer(book_path, "Ana")
    saved = backup.manual_backup(book_path, tmp_path / "copias", NOW)
    with sqlite3.connect(saved) as raw:  # as earlier versions left them: in WAL mode
        raw.execute("PRAGMA journal_mode = WAL")
    _add_customer(book_path, "Beto")
    # A stale -wal from another life of the book: a plain copy would replay it.
    holder = sqlite3.connect(book_path)
    holder.execute("PRAGMA journal_mode = WAL")
    holder.execute("PRAGMA wal_autocheckpoint = 0")
    holder.execute("UPDATE customers SET name = 'Carlos' WHERE name = 'Beto'")
    holder.commit()
    stale = tmp_path / "stale-wal"
    shutil.copyfile(book_path.with_name(book_path.name + "-wal"), stale)
    holder.close()
    shutil.copyfile(stale, book_path.with_name(book_path.name + "-wal"))

    result = restore_backup(saved, book_path, CLOCK)
    wal = book_path.with_name(book_path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # nothing left to replay later
    assert _names(book_path) == ["Ana"]
    assert result.kept_as is not None and result.kept_as.name.startswith("before-restore-")
    assert _names(result.kept_as) == ["Ana", "Carlos"]
    with open_book(book_path) as book:
        assert BookCheckService(book).run().ok
    assert _names(book_path) == ["Ana"]


def test_a_damaged_backup_restores_nothing(book_path: Path, tmp_path: Path) -> None:
    create_book(book_path, CLOCK)
    _add_customer(book_path, "Ana")
    saved = backup.manual_backup(book_path, tmp_path / "copias", NOW)
    data = bytearray(saved.read_bytes())
    data[4096 * 2 : 4096 * 4] = b"\xff" * (4096 * 2)
    saved.write_bytes(bytes(data))
    before = book_path.read_bytes()
    with pytest.raises(BookDamagedError):
        restore_backup(saved, book_path, CLOCK)
    assert book_path.read_bytes() == before
    assert not [p for p in book_path.parent.iterdir() if ".restoring" in p.name]


def test_restore_over_a_missing_or_empty_book(book_path: Path, tmp_path: Path) -> None:
    create_book(book_path, CLOCK)
    _add_customer(book_path, "Ana")
    saved = backup.daily_backup(book_path, NOW.date())
    assert saved is not None
    book_path.write_bytes(b"")
    result = restore_backup(saved, book_path, CLOCK)
    assert result.kept_as is None
    assert _names(book_path) == ["Ana"]
    book_path.unlink()
    restore_backup(saved, book_path, CLOCK)
    assert _names(book_path) == ["Ana"]


def test_restore_over_a_damaged_book_keeps_its_bytes(book_path: Path, tmp_path: Path) -> None:
    create_book(book_path, CLOCK)
    _add_customer(book_path, "Ana")
    saved = backup.manual_backup(book_path, tmp_path / "copias", NOW)
    book_path.write_bytes(b"garbage " * 2000)
    result = restore_backup(saved, book_path, CLOCK)
    assert result.kept_as is not None and result.kept_as.suffix == ".damaged"
    assert result.kept_as.read_bytes() == b"garbage " * 2000
    assert _names(book_path) == ["Ana"]


def test_an_open_book_is_not_restored_over(book_path: Path, tmp_path: Path) -> None:
    create_book(book_path, CLOCK)
    saved = backup.manual_backup(book_path, tmp_path / "copias", NOW)
    with open_book(book_path), pytest.raises(BookLockedError):
        restore_backup(saved, book_path, CLOCK)


def test_list_backups_with_date_size_and_counts(book_path: Path, tmp_path: Path) -> None:
    create_book(book_path, CLOCK)
    _add_customer(book_path, "Ana")
    daily = backup.daily_backup(book_path, NOW.date())
    _add_customer(book_path, "Beto")
    manual = backup.manual_backup(book_path, tmp_path / "usb", NOW)
    infos = {i.path: i for i in list_backups(book_path)}
    assert set(infos) == {daily, manual}
    assert infos[daily].kind == "daily" and infos[manual].kind == "manual"
    assert (infos[daily].customers, infos[manual].customers) == (1, 2)
    assert infos[daily].invoices == 0 and infos[daily].payments == 0
    assert infos[manual].size_bytes == manual.stat().st_size > 0
    assert all(i.ok for i in infos.values())


def test_new_book_validates_before_writing(book_path: Path) -> None:
    from cobranza_desktop.domain.errors import BookError, ValidationError
    from cobranza_desktop.services.book.business import BusinessService

    with pytest.raises(ValidationError):
        create_book(book_path, CLOCK, name="Taller", rfc="NO-ES-RFC")
    assert not book_path.exists()
    create_book(book_path, CLOCK, name=" Taller Ruiz ", rfc="xaxx010101000")
    with open_book(book_path) as book:
        profile = BusinessService(book).profile()
    assert (profile.name, profile.rfc) == ("Taller Ruiz", "XAXX010101000")
    with pytest.raises(BookError):
        create_book(book_path, CLOCK, name="Otro")
