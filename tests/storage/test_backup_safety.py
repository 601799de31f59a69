"""Backups are made only of sound books, leave no leftovers, and rotation keeps a good one."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from cobranza_desktop.domain.errors import BookDamagedError, ValidationError
from cobranza_desktop.storage import backup
from cobranza_desktop.storage.database import open_book
from cobranza_desktop.storage.paths import backup_dir_for


@pytest.fixture
def sound_book(book_path: Path) -> Path:
    with open_book(book_path, create=True) as book, book.engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO customers (name, name_key, rfc, contact_name, email, phone, whatsapp,"
            " address, preferred_channel, notes, status, created_at) VALUES ('Ana', 'ana', '',"
            " '', '', '', '', '', 'phone', '', 'active', '2026-01-01 00:00:00')"
        )
    return book_path


def test_no_backup_of_an_empty_book(book_path: Path, tmp_path: Path) -> None:
    book_path.write_bytes(b"")
    with pytest.raises(BookDamagedError):
        backup.daily_backup(book_path, date(2026, 11, 22))
    assert (
        not list(backup_dir_for(book_path).glob("*"))
        if backup_dir_for(book_path).exists()
        else True
    )


def test_no_backup_of_a_damaged_book(sound_book: Path) -> None:
    data = bytearray(sound_book.read_bytes())
    data[4096 * 2 : 4096 * 4] = b"\xff" * (4096 * 2)  # wreck a few pages, keep the header
    sound_book.write_bytes(bytes(data))
    with pytest.raises(BookDamagedError):
        backup.daily_backup(sound_book, date(2026, 11, 22))
    folder = backup_dir_for(sound_book)
    assert list(folder.glob("*.sqlite")) == [] and list(folder.glob("*.partial")) == []


def test_a_backup_is_a_single_self_contained_file(sound_book: Path) -> None:
    saved = backup.daily_backup(sound_book, date(2026, 11, 22))
    assert saved is not None
    with sqlite3.connect(saved) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        assert raw.execute("SELECT name FROM customers").fetchall() == [("Ana",)]


def test_leftovers_of_an_interrupted_backup_are_removed_at_the_next(sound_book: Path) -> None:
    folder = backup_dir_for(sound_book)
    folder.mkdir()
    stale = folder / "daily-2026-11-21.sqlite.partial"
    stale.write_bytes(b"half a copy")
    (folder / "daily-2026-11-21.sqlite.partial-journal").write_bytes(b"x")
    assert backup.daily_backup(sound_book, date(2026, 11, 22)) is not None
    assert sorted(p.name for p in folder.iterdir()) == ["daily-2026-11-22.sqlite"]


def test_rotation_never_deletes_the_last_good_backup(sound_book: Path) -> None:
    folder = backup_dir_for(sound_book)
    good = backup.backup_to(sound_book, folder / "daily-2026-09-01.sqlite")
    # Newer "backups" that are not sound, e.g. left by an older version or a bad disk.
    for offset in range(1, 40):
        day = date(2026, 9, 1) + timedelta(days=offset)
        (folder / f"daily-{day.isoformat()}.sqlite").write_bytes(b"")
    removed = backup.rotate(folder)
    assert good not in removed and good.exists()
    assert len(removed) == 40 - (7 + 4) - 1


def test_backup_into_the_book_or_onto_a_file_is_refused(sound_book: Path, tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        backup.backup_to(sound_book, sound_book)
    with pytest.raises(ValidationError):
        backup.backup_to(sound_book, sound_book.with_name(sound_book.name + "-wal"))
    a_file = tmp_path / "archivo.txt"
    a_file.write_text("no soy carpeta")
    with pytest.raises(ValidationError):
        backup.manual_backup(sound_book, a_file, datetime(2026, 11, 22, 9))
    assert a_file.read_text() == "no soy carpeta"


def test_folders_used_for_backups_are_remembered(sound_book: Path, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    made = backup.manual_backup(sound_book, usb, datetime(2026, 11, 22, 9, 30))
    assert backup.remembered_folders(sound_book) == [usb.resolve()]
    (usb / "otra-cosa.sqlite").write_bytes(b"not ours")
    assert backup.backup_files(sound_book) == [made]
    assert backup.latest_backup(sound_book) == made
