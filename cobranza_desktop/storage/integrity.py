"""When the book's full ``PRAGMA quick_check`` is due, instead of on every open.

A full check reads the whole file (1.8 s on a big book, growing with it), so it runs:

* on open, when no check is on record yet, or after an unclean shutdown: a marker
  beside the book (``<book>.in-use``) is made when the program opens it and removed
  when it closes it; finding it on open means the last session ended without closing
  (a crash, a power cut);
* once a day, in the background (:func:`daily_check_due` / :func:`record_check`, the date of
  the last full check kept in ``<book>.checked``);
* before each backup, on the copy (``storage/backup.copy_problem``).

Every open still reads the header and the schema (a file that is not a book is refused).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

IN_USE_SUFFIX = ".in-use"
CHECKED_SUFFIX = ".checked"


def in_use_marker(book_path: Path) -> Path:
    return book_path.with_name(book_path.name + IN_USE_SUFFIX)


def checked_marker(book_path: Path) -> Path:
    return book_path.with_name(book_path.name + CHECKED_SUFFIX)


def closed_uncleanly(book_path: Path) -> bool:
    """True when the book was left open by a session that never closed it."""
    return in_use_marker(book_path).exists()


def full_check_due(book_path: Path) -> bool:
    """On open: after an unclean shutdown, or when no full check is on record (never
    checked, or the daily check found damage and withdrew the record)."""
    return closed_uncleanly(book_path) or last_check(book_path) is None


def mark_in_use(book_path: Path) -> None:
    in_use_marker(book_path).touch()


def mark_closed(book_path: Path) -> None:
    in_use_marker(book_path).unlink(missing_ok=True)


def last_check(book_path: Path) -> date | None:
    try:
        return date.fromisoformat(checked_marker(book_path).read_text().strip())
    except (OSError, ValueError):
        return None


def daily_check_due(book_path: Path, today: date) -> bool:
    checked = last_check(book_path)
    return checked is None or checked < today


def record_check(book_path: Path, today: date) -> None:
    checked_marker(book_path).write_text(today.isoformat())


def withdraw_check(book_path: Path) -> None:
    """The daily check found damage: the next open checks in full (and refuses the book)."""
    checked_marker(book_path).unlink(missing_ok=True)
