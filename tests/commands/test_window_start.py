"""The window's first start makes the default book; nothing else makes one silently."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from cobranza_desktop.commands.window import refusal
from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.services.book.workspace import open_workspace
from cobranza_desktop.storage import backup
from cobranza_desktop.storage.paths import default_book_path


def test_first_start_on_the_default_book_creates_it() -> None:
    default = default_book_path()
    assert not default.exists()
    assert refusal(None) is None
    workspace = open_workspace(None, FixedClock.on(date(2026, 11, 22)))
    try:
        assert workspace.book_path == default and default.stat().st_size > 0
    finally:
        workspace.close()
    assert refusal(None) is None


def test_an_explicit_missing_book_is_refused_before_the_window(tmp_path: Path) -> None:
    message = refusal(tmp_path / "otro.sqlite")
    assert message is not None and "cobranza new" in message
    assert not (tmp_path / "otro.sqlite").exists()


def test_a_lost_default_book_is_restored_not_replaced() -> None:
    default = default_book_path()
    open_workspace(None, FixedClock.on(date(2026, 11, 22))).close()
    saved = backup.daily_backup(default, date(2026, 11, 22))
    assert saved is not None
    default.write_bytes(b"")
    message = refusal(None)
    assert message is not None and "cobranza restore" in message and str(saved) in message
    default.unlink()
    message = refusal(None)
    assert message is not None and str(saved) in message
    assert not default.exists()
