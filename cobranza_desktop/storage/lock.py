"""An exclusive lock on the book, so that two running programs never write the same file.

Two locks, both released by the OS if the program dies:

* ``<real path>.lock`` beside the book: the path is resolved first, so a symlink and
  its target share one lock (this one also works across computers on a shared folder);
* a lock named after the file's device and inode in a private per-user folder, so a
  hard link (another name for the same file) cannot open the book twice either.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import IO

from cobranza_desktop.domain.errors import BookLockedError
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.storage.book_files import FILE_MODE, make_private_dir, real


def _locked_error() -> BookLockedError:
    return BookLockedError(
        _("Este libro ya está abierto en otra ventana de Cobranza. Ciérrela antes de abrirlo aquí.")
    )


def _lock_handle(path: Path) -> IO[str]:
    """Open ``path`` (0600) and take an exclusive, non-blocking lock on it."""
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, FILE_MODE)
    handle = os.fdopen(descriptor, "r+")
    try:
        if sys.platform == "win32":
            import msvcrt

            # msvcrt locks bytes from the current position: always byte 0, so that
            # every opener competes for the same byte whatever it read or wrote before.
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        raise _locked_error() from None
    return handle


def _lock_removable(path: Path) -> IO[str]:
    """Like ``_lock_handle``, for a lock file removed at release: if the file we locked
    was removed meanwhile by its previous holder, lock the new one instead."""
    while True:
        handle = _lock_handle(path)
        try:
            if os.fstat(handle.fileno()).st_ino == os.stat(path).st_ino:
                return handle
        except FileNotFoundError:
            pass
        handle.close()


def inode_lock_dir() -> Path:
    uid = os.getuid() if hasattr(os, "getuid") else 0
    return Path(tempfile.gettempdir()) / f"cobranza-locks-{uid}"


class BookLock:
    """Held for as long as the book is open."""

    def __init__(self, book_path: Path) -> None:
        self.book_path = real(book_path)
        self.path = self.book_path.with_name(self.book_path.name + ".lock")
        self._handle: IO[str] | None = None
        self._inode_handle: IO[str] | None = None
        self._inode_path: Path | None = None

    def acquire(self) -> None:
        handle = _lock_handle(self.path)
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        self._handle = handle
        try:
            self.lock_inode()
        except BaseException:
            self.release()
            raise

    def lock_inode(self) -> None:
        """Lock the book's inode too; call again once a new book's file exists."""
        if self._inode_handle is not None:
            return
        try:
            info = os.stat(self.book_path)
        except FileNotFoundError:
            return  # a new book: locked by inode as soon as its file is created
        if not info.st_ino:
            return  # a filesystem without inode numbers: the path lock is all there is
        folder = make_private_dir(inode_lock_dir())
        self._inode_path = folder / f"{info.st_dev}-{info.st_ino}.lock"
        self._inode_handle = _lock_removable(self._inode_path)

    def release(self) -> None:
        if self._inode_handle is not None:
            # Removed while still held, so that the folder does not fill up with the
            # names of books long gone; a waiting opener notices and locks afresh.
            if self._inode_path is not None and sys.platform != "win32":
                self._inode_path.unlink(missing_ok=True)
            self._inode_handle.close()
        if self._handle is not None:
            self._handle.close()
        self._inode_handle = None
        self._inode_path = None
        self._handle = None
