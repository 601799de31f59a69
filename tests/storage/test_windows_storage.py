"""Windows' storage habits, with the platform's functions replaced: the lock takes byte 0,
moves retry while an antivirus holds a file, and a book on a network drive is opened
without WAL (see storage/file_system.py)."""

from __future__ import annotations

import os
import sqlite3
import types
from pathlib import Path

import pytest

from cobranza_desktop.domain.errors import BookLockedError
from cobranza_desktop.storage import file_system, lock
from cobranza_desktop.storage.database import open_book
from cobranza_desktop.storage.file_system import (
    DRIVE_REMOTE,
    RETRY_DELAYS,
    is_network_path,
    journal_mode,
    remove_file,
    replace_file,
)


class FakeMsvcrt(types.ModuleType):
    """msvcrt.locking as Windows does it: the bytes from the current position; a byte
    already locked by another handle refuses."""

    LK_NBLCK = 2

    def __init__(self) -> None:
        super().__init__("msvcrt")
        self.locked: dict[tuple[int, int], int] = {}  # (inode, offset) -> fd
        self.offsets: list[int] = []

    def locking(self, fd: int, mode: int, count: int) -> None:
        assert mode == self.LK_NBLCK and count == 1
        offset = os.lseek(fd, 0, os.SEEK_CUR)
        self.offsets.append(offset)
        key = (os.fstat(fd).st_ino, offset)
        if key in self.locked:
            raise OSError(36, "Resource deadlock avoided")
        self.locked[key] = fd


@pytest.fixture
def windows_lock(monkeypatch: pytest.MonkeyPatch) -> FakeMsvcrt:
    fake = FakeMsvcrt()
    monkeypatch.setattr(lock.sys, "platform", "win32")
    monkeypatch.setitem(__import__("sys").modules, "msvcrt", fake)
    real_open = os.open

    def open_at_end(path: str, flags: int, mode: int = 0o777) -> int:
        # As a file opened for appending ("a+") starts: at its end.
        descriptor = real_open(path, flags, mode)
        os.lseek(descriptor, 0, os.SEEK_END)
        return descriptor

    monkeypatch.setattr(lock.os, "open", open_at_end)
    return fake


def test_the_windows_lock_takes_byte_zero(windows_lock: FakeMsvcrt, tmp_path: Path) -> None:
    book = tmp_path / "libro.sqlite"
    (tmp_path / "libro.sqlite.lock").write_text("12345")  # a previous holder's pid
    first = lock.BookLock(book)
    first.acquire()
    assert windows_lock.offsets == [0]
    # A second opener competes for the same byte, whatever the file holds, and is refused.
    with pytest.raises(BookLockedError):
        lock.BookLock(book).acquire()
    assert windows_lock.offsets == [0, 0]
    first.release()


def test_a_unc_path_or_a_mapped_network_drive_is_remote() -> None:
    def drives(root: str) -> int:
        return DRIVE_REMOTE if root.upper() == "Z:\\" else 3  # 3: a fixed disk

    assert is_network_path(r"\\servidor\cobranza\libro.sqlite", "win32", drives)
    assert is_network_path("//servidor/cobranza/libro.sqlite", "win32", drives)
    assert is_network_path(r"Z:\Cobranza\libro.sqlite", "win32", drives)
    assert not is_network_path(r"C:\Users\ana\Documents\libro.sqlite", "win32", drives)


def test_a_linux_network_mount_is_remote() -> None:
    def mounts() -> list[tuple[str, str]]:
        return [("/", "ext4"), ("/srv/oficina", "cifs"), ("/srv/oficina/local", "ext4")]

    assert is_network_path("/srv/oficina/libro.sqlite", "linux", mounts=mounts)
    assert not is_network_path("/srv/oficina/local/libro.sqlite", "linux", mounts=mounts)
    assert not is_network_path("/home/ana/libro.sqlite", "linux", mounts=mounts)
    assert not is_network_path("/srv/oficinas/libro.sqlite", "linux", mounts=mounts)


def test_a_book_on_a_network_drive_is_opened_without_wal(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    assert journal_mode(tmp_path / "libro.sqlite", network=False) == "WAL"
    monkeypatch.setattr(file_system, "is_network_path", lambda path: True)
    book_path = tmp_path / "libro.sqlite"
    with open_book(book_path, create=True) as book:
        with book.session() as session:
            mode = session.connection().exec_driver_sql("PRAGMA journal_mode").scalar()
        assert mode == "delete"
    assert "network drive" in caplog.text
    assert not Path(f"{book_path}-wal").exists()
    assert sqlite3.connect(book_path).execute("PRAGMA journal_mode").fetchone() == ("delete",)


class Flaky:
    """os.replace / unlink failing like a scanner that holds the file ``times`` times."""

    def __init__(self, real: object, times: int) -> None:
        self.real, self.left, self.calls = real, times, 0

    def __call__(self, *args: object, **kwargs: object) -> object:
        self.calls += 1
        if self.left > 0:
            self.left -= 1
            raise PermissionError(13, "The process cannot access the file")
        return self.real(*args, **kwargs)  # type: ignore[operator]


def test_replace_retries_on_windows_while_a_file_is_held(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    source, target = tmp_path / "nuevo.tmp", tmp_path / "estado.pdf"
    source.write_text("nuevo")
    target.write_text("viejo")
    flaky = Flaky(os.replace, times=2)
    monkeypatch.setattr(file_system.os, "replace", flaky)
    waits: list[float] = []
    replace_file(source, target, platform="win32", sleep=waits.append)
    assert target.read_text() == "nuevo" and not source.exists()
    assert flaky.calls == 3 and waits == list(RETRY_DELAYS[:2])


def test_replace_gives_up_after_the_last_try(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    source, target = tmp_path / "nuevo.tmp", tmp_path / "estado.pdf"
    source.write_text("nuevo")
    flaky = Flaky(os.replace, times=100)
    monkeypatch.setattr(file_system.os, "replace", flaky)
    waits: list[float] = []
    with pytest.raises(PermissionError):
        replace_file(source, target, platform="win32", sleep=waits.append)
    assert flaky.calls == len(RETRY_DELAYS) + 1 and waits == list(RETRY_DELAYS)
    assert source.exists()


def test_elsewhere_a_permission_error_is_raised_at_once(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    held = tmp_path / "copia.partial"
    held.write_text("x")
    flaky = Flaky(Path.unlink, times=1)

    def unlink(self: Path, missing_ok: bool = False) -> None:
        flaky(self, missing_ok=missing_ok)

    monkeypatch.setattr(file_system.Path, "unlink", unlink)
    waits: list[float] = []
    with pytest.raises(PermissionError):
        remove_file(held, platform="linux", sleep=waits.append)
    assert flaky.calls == 1 and waits == []
    remove_file(held, platform="win32", sleep=waits.append)
    assert not held.exists() and waits == []
