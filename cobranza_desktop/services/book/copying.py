"""Moving a book between engines: ``cobranza book copy SOURCE TARGET``.

A SQLite file to an (empty) PostgreSQL database when an office outgrows one computer,
or back to a file. Then ``cobranza check`` runs on the target.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.services.book.check import BookCheckService, CheckReport
from cobranza_desktop.storage.book_copy import CopyResult, copy_book
from cobranza_desktop.storage.database import BookLocation, open_book, resolve_url


@dataclass(frozen=True)
class BookCopy:
    source: str
    target: str
    copied: CopyResult
    check: CheckReport


def copy_whole_book(
    source: BookLocation | str,
    target: BookLocation | str,
    clock: Clock,
    progress: Callable[[str, int], None] | None = None,
) -> BookCopy:
    """Copy the book at ``source`` into the empty ``target`` (made when absent), then
    check the target. The source is only read (and migrated, like any opening)."""
    if _same_place(source, target):
        raise ValidationError("target", _("El origen y el destino son el mismo libro."))
    with (
        open_book(source, now=clock.now()) as from_book,
        open_book(target, create=True, now=clock.now()) as to_book,
    ):
        copied = copy_book(from_book, to_book, progress)
        report = BookCheckService(to_book).run()
        return BookCopy(from_book.location, to_book.location, copied, report)


def _same_place(source: BookLocation | str, target: BookLocation | str) -> bool:
    a, b = resolve_url(source), resolve_url(target)
    if a.get_backend_name() == b.get_backend_name() == "sqlite":
        return Path(str(a.database)).resolve() == Path(str(b.database)).resolve()
    return (a.host, a.port, a.database) == (b.host, b.port, b.database)
