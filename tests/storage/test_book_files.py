"""Where a book is, whether one is there, and that its files stay private."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from cobranza_desktop.domain.errors import BookLockedError
from cobranza_desktop.storage import backup
from cobranza_desktop.storage.book_files import BookMissingError, BookPlaceError
from cobranza_desktop.storage.database import open_book
from cobranza_desktop.storage.lock import inode_lock_dir
from cobranza_desktop.storage.output_files import write_output
from cobranza_desktop.storage.paths import backup_dir_for


def test_a_missing_book_is_refused_and_nothing_is_created(book_path: Path) -> None:
    with pytest.raises(BookMissingError) as caught:
        open_book(book_path)
    assert "cobranza new" in caught.value.message
    assert caught.value.latest_backup is None
    assert not book_path.exists()
    assert not book_path.with_name(book_path.name + ".lock").exists()


def test_a_zero_byte_book_is_refused_and_left_as_it_is(book_path: Path) -> None:
    book_path.write_bytes(b"")
    with pytest.raises(BookMissingError) as caught:
        open_book(book_path)
    assert "vacío" in caught.value.message
    assert book_path.stat().st_size == 0


def test_a_lost_book_names_its_latest_backup_even_when_asked_to_create(
    book_path: Path,
) -> None:
    open_book(book_path, create=True).close()
    saved = backup.daily_backup(book_path, date(2026, 11, 21))
    assert saved is not None
    book_path.write_bytes(b"")  # truncated, e.g. by a failed copy
    for create in (False, True):
        with pytest.raises(BookMissingError) as caught:
            open_book(book_path, create=create)
        assert caught.value.latest_backup == str(saved)
        assert f'cobranza restore "{saved}" --book "{book_path}"' in caught.value.message
    assert book_path.stat().st_size == 0  # not replaced by an empty book
    book_path.unlink()
    with pytest.raises(BookMissingError):
        open_book(book_path, create=True)
    assert not book_path.exists()


def test_a_directory_is_not_a_book(tmp_path: Path) -> None:
    with pytest.raises(BookPlaceError) as caught:
        open_book(tmp_path, create=True)
    assert "carpeta" in caught.value.message


def test_a_read_only_book_is_refused(book_path: Path) -> None:
    open_book(book_path, create=True).close()
    book_path.chmod(0o444)
    with pytest.raises(BookPlaceError) as caught:
        open_book(book_path)
    assert "solo lectura" in caught.value.message


def test_a_read_only_folder_has_no_room_for_the_lock(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "libro.sqlite"
    open_book(path, create=True).close()
    folder.chmod(0o555)
    try:
        with pytest.raises(BookPlaceError) as caught:
            open_book(path)
        assert "candado" in caught.value.message
    finally:
        folder.chmod(0o755)


@pytest.fixture
def permissive_umask() -> Iterator[None]:
    old = os.umask(0)
    yield
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_book_backups_and_folders_are_private_whatever_the_umask(
    tmp_path: Path, permissive_umask: None
) -> None:
    path = tmp_path / "nueva" / "carpeta" / "libro.sqlite"
    with open_book(path, create=True) as book, book.engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE probe (x)")
        connection.exec_driver_sql("INSERT INTO probe VALUES (1)")
        assert _mode(path.with_name(path.name + "-wal")) == 0o600
    assert _mode(path) == 0o600
    assert _mode(path.parent) == 0o700 and _mode(path.parent.parent) == 0o700
    assert _mode(path.with_name(path.name + ".lock")) == 0o600
    saved = backup.daily_backup(path, date(2026, 11, 22))
    assert saved is not None
    assert _mode(saved) == 0o600 and _mode(backup_dir_for(path)) == 0o700
    manual = backup.manual_backup(path, tmp_path / "usb" / "copias", datetime(2026, 11, 22, 9))
    assert _mode(manual) == 0o600 and _mode(manual.parent) == 0o700
    exported = write_output(tmp_path / "exportes" / "aviso.pdf", b"%PDF-1.4", path)
    assert _mode(exported) == 0o600 and _mode(exported.parent) == 0o700
    exported.chmod(0o644)
    write_output(exported, b"%PDF-1.5", path)  # replacing keeps it private too
    assert _mode(exported) == 0o600 and exported.read_bytes() == b"%PDF-1.5"


def test_a_symlink_to_an_open_book_does_not_open_it_twice(book_path: Path) -> None:
    link = book_path.with_name("enlace.sqlite")
    with open_book(book_path, create=True):
        link.symlink_to(book_path)
        with pytest.raises(BookLockedError):
            open_book(link)
    with open_book(link) as book:  # once closed, the link opens it (and locks the target)
        assert book.path == link
        with pytest.raises(BookLockedError):
            open_book(book_path)


def test_a_hard_link_to_an_open_book_does_not_open_it_twice(
    book_path: Path, tmp_path: Path
) -> None:
    other = tmp_path / "otra-carpeta"
    other.mkdir()
    link = other / "otro-nombre.sqlite"
    open_book(book_path, create=True).close()
    os.link(book_path, link)
    with open_book(book_path), pytest.raises(BookLockedError):
        open_book(link)
    with open_book(link), pytest.raises(BookLockedError):
        open_book(book_path)
    open_book(book_path).close()  # both locks released on close
    inode = book_path.stat().st_ino
    assert list(inode_lock_dir().glob(f"*-{inode}.lock")) == []  # and nothing left behind
