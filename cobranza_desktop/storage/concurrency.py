"""Several programs writing one server book: a row that another program inserted first.

Automation (the agenda, penalties, the billing run, the outbox) writes rows with a
natural key that the database holds UNIQUE. Two programs that decide at the same moment
to write the same row both pass their "is it there yet?" check; the second insert then
violates the key. That is not an error: the work is already done.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from cobranza_desktop.domain.errors import ConflictError
from cobranza_desktop.storage.dialect import SQLITE, dialect_of, insert_if_absent
from cobranza_desktop.storage.models import FolioSequence


def single_writer(session: Session) -> bool:
    """A SQLite book: one program writes at a time (the file lock), so no row locks."""
    return dialect_of(session) == SQLITE


def add_unless_duplicate(session: Session, row: object) -> bool:
    """Add and flush ``row``; False (and nothing written) when its unique key exists.

    On a server the insert runs in a savepoint, so that the violation leaves the rest of
    the caller's transaction intact. SQLite has a single writer: the caller's own check
    already saw every row."""
    if dialect_of(session) == SQLITE:
        session.add(row)
        session.flush()
        return True
    try:
        with session.begin_nested():
            session.add(row)
            session.flush()
    except IntegrityError as exc:
        if not is_unique_violation(exc):
            raise
        return False
    return True


def is_unique_violation(exc: IntegrityError) -> bool:
    """A UNIQUE key already held (PostgreSQL's SQLSTATE 23505, SQLite's message)."""
    code = getattr(exc.orig, "sqlstate", None)
    return code == "23505" or (code is None and "UNIQUE constraint failed" in str(exc.orig))


@contextmanager
def already_done_as(message: str) -> Iterator[None]:
    """Inside: a unique violation means another program did this very work first. It
    becomes a ConflictError with ``message`` (the caller's transaction rolls back, so
    nothing is written twice and nothing half-written stays)."""
    try:
        yield
    except IntegrityError as exc:
        if not is_unique_violation(exc):
            raise
        raise ConflictError(message) from exc


def locked_sequence(session: Session, series: str) -> FolioSequence:
    """The folio sequence of ``series``, its row locked until the transaction ends
    (``SELECT … FOR UPDATE``) and read again after the lock: two issuers take
    consecutive folios, never the same one. The row is made if absent; two first
    inserts at once are not an error (``ON CONFLICT DO NOTHING``). On SQLite, with its
    single writer, the plain read-or-create of the row is enough."""
    if single_writer(session):
        sequence = session.get(FolioSequence, series)
        if sequence is None:
            sequence = FolioSequence(series=series, next_folio=1)
            session.add(sequence)
        return sequence
    insert_if_absent(session, FolioSequence.__table__, {"series": series, "next_folio": 1})
    return session.scalars(
        select(FolioSequence)
        .where(FolioSequence.series == series)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).one()
