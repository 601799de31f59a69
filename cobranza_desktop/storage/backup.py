"""Backups with SQLite's online backup API, and their rotation."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

from cobranza_desktop.storage.paths import backup_dir_for

DAILY_KEEP = 7
WEEKLY_KEEP = 4
_DAILY_PREFIX = "daily-"


def backup_to(book_path: Path, target: Path) -> Path:
    """Copy the book, consistently even while it is open, into ``target``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    source = sqlite3.connect(book_path)
    try:
        dest = sqlite3.connect(partial)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    partial.replace(target)  # a half-written backup never looks like a real one
    return target


def daily_backup(book_path: Path, today: date, directory: Path | None = None) -> Path | None:
    """Back up once a day; returns the new file, or None if today's already exists."""
    folder = directory or backup_dir_for(book_path)
    target = folder / f"{_DAILY_PREFIX}{today.isoformat()}.sqlite"
    if target.exists():
        return None
    backup_to(book_path, target)
    rotate(folder)
    return target


def pre_migration_backup(book_path: Path, revision: str, now: datetime) -> Path:
    stamp = now.strftime("%Y%m%d-%H%M%S")
    return backup_to(
        book_path, backup_dir_for(book_path) / f"pre-migration-{revision}-{stamp}.sqlite"
    )


def manual_backup(book_path: Path, directory: Path, now: datetime) -> Path:
    stamp = now.strftime("%Y%m%d-%H%M%S")
    return backup_to(book_path, directory / f"{book_path.stem}-{stamp}.sqlite")


def rotate(
    folder: Path, daily_keep: int = DAILY_KEEP, weekly_keep: int = WEEKLY_KEEP
) -> list[Path]:
    """Keep the newest ``daily_keep`` daily backups and, of the older ones, the newest of
    each of ``weekly_keep`` weeks. Returns the files removed."""
    dated: list[tuple[date, Path]] = []
    for path in folder.glob(f"{_DAILY_PREFIX}*.sqlite"):
        try:
            dated.append((date.fromisoformat(path.stem.removeprefix(_DAILY_PREFIX)), path))
        except ValueError:
            continue
    dated.sort(reverse=True)
    keep = {p for _, p in dated[:daily_keep]}
    weeks_kept: set[tuple[int, int]] = set()
    for day, path in dated[daily_keep:]:
        week = day.isocalendar()[:2]
        if week not in weeks_kept and len(weeks_kept) < weekly_keep:
            weeks_kept.add(week)
            keep.add(path)
    removed = [p for _, p in dated if p not in keep]
    for path in removed:
        path.unlink()
    return removed


def latest_backup(book_path: Path) -> Path | None:
    folder = backup_dir_for(book_path)
    if not folder.exists():
        return None
    candidates = sorted(folder.glob("*.sqlite"), key=lambda p: p.stat().st_mtime, reverse=True)
    return candidates[0] if candidates else None
