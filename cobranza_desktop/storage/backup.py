"""Backups with SQLite's online backup API, and their rotation.

A backup is only ever made of a sound book, and is itself checked before it takes its
final name: a half-written or empty copy never looks like a real one, and rotation never
deletes the newest good backup. Folders used with ``backup --to`` are remembered in
``folders.json`` inside the book's backups folder (beside the book, not in it: a lost
book must not take the list of its backups with it).
"""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import date, datetime
from pathlib import Path

from cobranza_desktop.domain.errors import BookDamagedError
from cobranza_desktop.domain.i18n import gettext
from cobranza_desktop.storage.book_files import (
    BookState,
    book_state,
    create_private_file,
    looks_like_sqlite,
    make_private,
    make_private_dir,
    real,
)
from cobranza_desktop.storage.file_system import remove_file, replace_file
from cobranza_desktop.storage.output_files import check_output_folder, check_output_path
from cobranza_desktop.storage.paths import backup_dir_for

DAILY_KEEP = 7
WEEKLY_KEEP = 4
_DAILY_PREFIX = "daily-"
PARTIAL_SUFFIX = ".partial"
FOLDERS_FILE = "folders.json"


def backup_to(book_path: Path, target: Path) -> Path:
    """Copy the book, consistently even while it is open, into ``target``."""
    if book_state(book_path) is not BookState.PRESENT or not looks_like_sqlite(book_path):
        raise BookDamagedError(
            gettext("No se hace copia de seguridad de {name}: está vacío o no es un libro.").format(
                name=book_path.name
            )
        )
    check_output_folder(target.parent)
    check_output_path(target, book_path, backup=True)
    make_private_dir(target.parent)
    remove_partials(target.parent)
    partial = target.with_name(target.name + PARTIAL_SUFFIX)
    create_private_file(partial)  # 0600 before SQLite writes a byte into it
    try:
        source = sqlite3.connect(book_path)
        try:
            dest = sqlite3.connect(partial)
            try:
                source.backup(dest)
                # One self-contained file: a backup never depends on a -wal beside it.
                dest.execute("PRAGMA journal_mode = DELETE")
                problem = copy_problem(dest)
            except sqlite3.DatabaseError as exc:  # pages too damaged to copy at all
                problem = str(exc)
            finally:
                dest.close()
        finally:
            source.close()
        if problem:
            raise BookDamagedError(
                gettext("No se hace copia de seguridad de {name}: está dañado ({problem}).").format(
                    name=book_path.name, problem=problem
                )
            )
        _fsync(partial)
        replace_file(partial, target)
    except BaseException:
        remove_file(partial)
        raise
    partial.with_name(partial.name + "-journal").unlink(missing_ok=True)
    return target


def copy_problem(connection: sqlite3.Connection) -> str:
    """Why a copy is not a sound book ("" when it is): integrity, then the schema."""
    try:
        rows = [str(r[0]) for r in connection.execute("PRAGMA quick_check")]
        if rows != ["ok"]:
            return "; ".join(rows[:3])
        has_schema = connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return "" if has_schema else gettext("sin tablas")


def _fsync(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def remove_partials(folder: Path) -> list[Path]:
    """Remove what interrupted backups left behind in ``folder``."""
    removed = [*folder.glob(f"*{PARTIAL_SUFFIX}"), *folder.glob(f"*{PARTIAL_SUFFIX}-journal")]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


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
    target = backup_to(book_path, directory / f"{book_path.stem}-{stamp}.sqlite")
    if real(directory) != real(backup_dir_for(book_path)):
        remember_folder(book_path, directory)
    return target


def before_restore_backup(book_path: Path, now: datetime) -> Path:
    stamp = now.strftime("%Y%m%d-%H%M%S")
    return backup_to(book_path, backup_dir_for(book_path) / f"before-restore-{stamp}.sqlite")


def is_good_backup(path: Path) -> bool:
    if not looks_like_sqlite(path):
        return False
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.DatabaseError:
        return False
    try:
        return copy_problem(connection) == ""
    finally:
        connection.close()


def rotate(
    folder: Path, daily_keep: int = DAILY_KEEP, weekly_keep: int = WEEKLY_KEEP
) -> list[Path]:
    """Keep the newest ``daily_keep`` daily backups and, of the older ones, the newest of
    each of ``weekly_keep`` weeks. Returns the files removed.

    The newest good daily backup is always kept, even when it falls outside the window:
    rotation never leaves a book without a backup it can be restored from."""
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
    newest_good = next((p for _, p in dated if is_good_backup(p)), None)
    if newest_good is not None:
        keep.add(newest_good)
    removed = [p for _, p in dated if p not in keep]
    for path in removed:
        path.unlink()
    return removed


def _folders_file(book_path: Path) -> Path:
    return backup_dir_for(book_path) / FOLDERS_FILE


def remembered_folders(book_path: Path) -> list[Path]:
    """The folders ``backup --to`` wrote into, newest use first."""
    try:
        data = json.loads(_folders_file(book_path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [Path(p) for p in data.get("folders", []) if isinstance(p, str)]


def remember_folder(book_path: Path, folder: Path) -> None:
    folders = [str(real(folder))]
    folders += [str(p) for p in remembered_folders(book_path) if str(p) != folders[0]]
    target = _folders_file(book_path)
    make_private_dir(target.parent)
    temporary = target.with_name(target.name + ".tmp")
    temporary.write_text(json.dumps({"folders": folders[:20]}, indent=2), encoding="utf-8")
    make_private(temporary)
    replace_file(temporary, target)


def backup_files(book_path: Path) -> list[Path]:
    """Every backup of this book: its backups folder, then the remembered folders
    (there, only the files named after the book), newest first."""
    found: dict[Path, Path] = {}
    folder = backup_dir_for(book_path)
    if folder.is_dir():
        for path in folder.glob("*.sqlite"):
            found[real(path)] = path
    for other in remembered_folders(book_path):
        if other.is_dir():
            for path in other.glob(f"{book_path.stem}-*.sqlite"):
                found.setdefault(real(path), path)
    return sorted(found.values(), key=_mtime, reverse=True)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def latest_backup(book_path: Path) -> Path | None:
    return next((p for p in backup_files(book_path) if looks_like_sqlite(p)), None)
