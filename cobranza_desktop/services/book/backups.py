"""Backups of the open book: once a day with rotation, or by hand into a folder."""

from __future__ import annotations

from pathlib import Path

from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.storage import backup
from cobranza_desktop.storage.database import Book


class BackupService:
    def __init__(self, book: Book, clock: Clock) -> None:
        self._book = book
        self._clock = clock

    def daily(self) -> Path | None:
        """Back up if today's backup does not exist yet; rotates old ones."""
        return backup.daily_backup(self._book.path, self._clock.today())

    def to_folder(self, folder: Path) -> Path:
        return backup.manual_backup(self._book.path, folder, self._clock.now())
