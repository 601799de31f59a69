"""Restoring a backup over a book, and describing backups for a person to choose one.

The backup is first copied into a temporary file beside the book and checked there;
only a sound copy replaces anything. The current book, if there is one, is kept first
as a ``before-restore-…`` backup (or, if it is too damaged for SQLite to copy, as a raw
``before-restore-….damaged`` copy of its files). The copy over the book goes through
SQLite's backup API, so that a stale ``-wal`` beside the book is rewritten, not replayed
over the restored pages.
"""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cobranza_desktop.domain.errors import BookDamagedError, BookError
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.storage.backup import before_restore_backup, copy_problem
from cobranza_desktop.storage.book_files import (
    BookState,
    book_state,
    companions,
    create_private_file,
    looks_like_sqlite,
    make_private,
    make_private_dir,
    real,
    require_writable_place,
)
from cobranza_desktop.storage.file_system import remove_file, replace_file
from cobranza_desktop.storage.lock import BookLock
from cobranza_desktop.storage.paths import backup_dir_for


@dataclass(frozen=True)
class BackupInfo:
    """One backup as a person chooses it: when, how big, and how much is in it."""

    path: Path
    kind: str  # daily, pre-migration, before-restore, manual
    taken_at: datetime
    size_bytes: int
    ok: bool
    customers: int | None
    invoices: int | None
    payments: int | None


@dataclass(frozen=True)
class RestoreResult:
    book: Path
    restored_from: Path
    kept_as: Path | None  # the book as it was before, if there was one


def backup_kind(path: Path) -> str:
    for kind in ("daily", "pre-migration", "before-restore"):
        if path.name.startswith(kind + "-"):
            return kind
    return "manual"


def describe_backup(path: Path) -> BackupInfo:
    info = path.stat()
    counts: list[int | None] = [None, None, None]
    ok = False
    if looks_like_sqlite(path):
        try:
            connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            try:
                counts = [
                    int(connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
                    for table in ("customers", "invoices", "payments")
                ]
                ok = True
            finally:
                connection.close()
        except sqlite3.DatabaseError:
            ok = False
    return BackupInfo(
        path=path,
        kind=backup_kind(path),
        taken_at=datetime.fromtimestamp(info.st_mtime),
        size_bytes=info.st_size,
        ok=ok,
        customers=counts[0],
        invoices=counts[1],
        payments=counts[2],
    )


def _check_backup(backup: Path, book_path: Path) -> None:
    if not backup.is_file():
        raise BookError(_("No existe la copia de seguridad {backup}.").format(backup=backup))
    if real(backup) in companions(book_path):
        raise BookError(_("La copia de seguridad no puede ser el mismo libro."))
    if not looks_like_sqlite(backup):
        raise BookDamagedError(
            _("{backup} no es una copia de seguridad de un libro.").format(backup=backup)
        )


def _verified_copy(backup: Path, staging: Path) -> None:
    """Copy ``backup`` into ``staging`` and prove it sound (full integrity check)."""
    create_private_file(staging)
    source = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        dest = sqlite3.connect(staging)
        try:
            source.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
            rows = [str(r[0]) for r in dest.execute("PRAGMA integrity_check")]
            problem = "; ".join(rows[:3]) if rows != ["ok"] else copy_problem(dest)
        finally:
            dest.close()
    except sqlite3.DatabaseError as exc:
        problem = str(exc)
    finally:
        source.close()
    if problem:
        raise BookDamagedError(
            _(
                "La copia de seguridad {backup} está dañada ({problem}); no se restauró nada."
            ).format(backup=backup, problem=problem)
        )


def _keep_current(book_path: Path, now: datetime) -> Path | None:
    if book_state(book_path) is not BookState.PRESENT:
        return None
    try:
        return before_restore_backup(book_path, now)
    except (BookDamagedError, sqlite3.DatabaseError):
        # Too damaged for SQLite to copy: keep its bytes, under a name never taken
        # for a good backup.
        folder = make_private_dir(backup_dir_for(book_path))
        stamp = now.strftime("%Y%m%d-%H%M%S")
        kept = folder / f"before-restore-{stamp}.damaged"
        shutil.copyfile(book_path, kept)
        make_private(kept)
        wal = book_path.with_name(book_path.name + "-wal")
        if wal.exists():
            shutil.copyfile(wal, kept.with_name(kept.name + "-wal"))
        return kept


def _copy_over(staging: Path, book_path: Path) -> None:
    if book_state(book_path) is BookState.PRESENT and looks_like_sqlite(book_path):
        try:
            source = sqlite3.connect(staging)
            try:
                dest = sqlite3.connect(book_path)
                try:
                    source.backup(dest)
                    dest.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                finally:
                    dest.close()
            finally:
                source.close()
            if copy_problem_of(book_path) == "":
                return
        except sqlite3.DatabaseError:
            pass  # the old file is beyond SQLite: replace it whole, below
    for leftover in companions(book_path)[1:]:
        if not leftover.name.endswith(".lock"):
            remove_file(leftover)
    replace_file(staging, book_path)


def copy_problem_of(path: Path) -> str:
    try:
        connection = sqlite3.connect(path)
    except sqlite3.DatabaseError as exc:
        return str(exc)
    try:
        return copy_problem(connection)
    finally:
        connection.close()


def restore_backup(backup: Path, book_path: Path, now: datetime) -> RestoreResult:
    """Replace the book at ``book_path`` (present, missing or damaged) with ``backup``."""
    _check_backup(backup, book_path)
    require_writable_place(book_path)
    make_private_dir(book_path.parent)
    lock = BookLock(book_path)
    lock.acquire()  # the book must not be open anywhere while it is replaced
    staging = book_path.with_name(book_path.name + ".restoring.partial")
    try:
        staging.unlink(missing_ok=True)
        _verified_copy(backup, staging)
        kept = _keep_current(book_path, now)
        _copy_over(staging, book_path)
        make_private(book_path)
    finally:
        staging.unlink(missing_ok=True)
        staging.with_name(staging.name + "-journal").unlink(missing_ok=True)
        lock.release()
    problem = copy_problem_of(book_path)
    if problem:
        raise BookDamagedError(
            _("El libro restaurado no pasó la verificación ({problem}).").format(problem=problem)
        )
    return RestoreResult(book=book_path, restored_from=backup, kept_as=kept)
