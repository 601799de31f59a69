"""Backups of a book: once a day with rotation, by hand into a folder, listed, restored.

For the window ("Restaurar copia de seguridad…"), with the book closed first::

    infos = list_backups(book_path)          # newest first: date, size, record counts
    result = restore_backup(infos[0].path, book_path, clock)
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.errors import BookDamagedError
from cobranza_desktop.storage import backup, integrity
from cobranza_desktop.storage.database import Book, check_file_integrity
from cobranza_desktop.storage.paths import backup_dir_for
from cobranza_desktop.storage.restore import BackupInfo, RestoreResult, describe_backup
from cobranza_desktop.storage.restore import restore_backup as _restore
from cobranza_desktop.storage.server import server_backup_dir, server_backup_now

__all__ = ["BackupInfo", "BackupService", "RestoreResult", "list_backups", "restore_backup"]

log = logging.getLogger(__name__)


class BackupService:
    def __init__(self, book: Book, clock: Clock) -> None:
        self._book = book
        self._clock = clock

    def daily(self) -> Path | None:
        """Back up if today's backup does not exist yet; rotates old ones. A server book
        is backed up by its server (pg_dump, "Copia de seguridad ahora"): no file here."""
        if not self._book.is_file:
            return None
        return backup.daily_backup(self._book.path, self._clock.today())

    def daily_in_background(self) -> Callable[[], None]:
        """Start today's backup (and integrity check) in a thread of its own, so that the
        window never waits for the copy (it reads the file, not the session). Returns the
        function that waits for it to end, to call before the book is closed."""
        thread = threading.Thread(target=self._daily_logged, name="daily-backup")
        thread.start()
        return thread.join

    def check_daily(self) -> bool | None:
        """The book's full integrity check, once a day (None: done today already).

        Damage found withdraws the record of the last check, so the next open checks in
        full and refuses the book with the offer of the latest backup."""
        today = self._clock.today()
        if not self._book.is_file:  # SQLite's own check; a server keeps its database
            return None
        if not integrity.daily_check_due(self._book.path, today):
            return None
        try:
            check_file_integrity(self._book.path, quick=True)
        except BookDamagedError:
            integrity.withdraw_check(self._book.path)
            log.error("the daily integrity check found the book damaged")
            return False
        integrity.record_check(self._book.path, today)
        return True

    def _daily_logged(self) -> None:
        try:
            self.daily()
        except Exception:  # a failed backup must not take the window down; retried tomorrow
            log.exception("daily backup failed")
        try:
            self.check_daily()
        except Exception:
            log.exception("daily integrity check failed")

    def default_folder(self) -> Path:
        """Where "Copia de seguridad ahora" saves: beside the book's backups, or for a
        server book the program's folder of server backups."""
        if not self._book.is_file:
            return server_backup_dir()
        return backup_dir_for(self._book.path)

    def to_folder(self, folder: Path) -> Path:
        """A backup now into ``folder``; the folder is remembered for restoring later.
        A server book is saved with pg_dump (refused plainly where it is missing)."""
        if not self._book.is_file:
            return server_backup_now(self._book.url, folder, self._clock.now())
        return backup.manual_backup(self._book.path, folder, self._clock.now())

    def list(self) -> list[BackupInfo]:
        return list_backups(self._book.path)


def list_backups(book_path: Path) -> list[BackupInfo]:
    """Every backup of the book at ``book_path`` (open or not, even missing), newest
    first: its backups folder and the folders ``backup --to`` used."""
    return [describe_backup(path) for path in backup.backup_files(book_path)]


def restore_backup(backup_path: Path, book_path: Path, clock: Clock) -> RestoreResult:
    """Restore ``backup_path`` over the book, which must not be open. The book as it was
    is kept first as a ``before-restore`` backup; the copy is checked before it replaces
    anything. Raises BookLockedError if the book is open, BookDamagedError if the backup
    is not sound."""
    return _restore(backup_path, book_path, clock.now())
