"""The outbox's lists and counts, filtered, sorted and paged in SQL."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from cobranza_desktop.storage.models.messaging import OutboxMessage, OutboxStatus


def _conditions(statuses: Sequence[str] | None, search: str) -> list[Any]:
    conditions: list[Any] = []
    if statuses:
        conditions.append(OutboxMessage.status.in_([OutboxStatus(s) for s in statuses]))
    text = search.strip()
    if text:
        pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        conditions.append(
            or_(
                OutboxMessage.recipient.ilike(pattern, escape="\\"),
                OutboxMessage.recipient_name.ilike(pattern, escape="\\"),
                OutboxMessage.subject.ilike(pattern, escape="\\"),
                OutboxMessage.last_error.ilike(pattern, escape="\\"),
            )
        )
    return conditions


def page(
    session: Session,
    statuses: Sequence[str] | None,
    search: str,
    *,
    limit: int,
    offset: int,
) -> list[OutboxMessage]:
    """One page of messages, newest first, with their attachments and invoices."""
    query = (
        select(OutboxMessage)
        .where(*_conditions(statuses, search))
        .options(selectinload(OutboxMessage.attachments), selectinload(OutboxMessage.invoice_links))
        .order_by(OutboxMessage.created_at.desc(), OutboxMessage.id.desc())
        .limit(limit)
        .offset(offset)
    )
    return list(session.scalars(query))


def count(session: Session, statuses: Sequence[str] | None, search: str) -> int:
    query = select(func.count()).select_from(OutboxMessage).where(*_conditions(statuses, search))
    return int(session.scalar(query) or 0)


def status_counts(session: Session) -> dict[OutboxStatus, int]:
    rows = session.execute(
        select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status)
    ).all()
    return {OutboxStatus(status): int(n) for status, n in rows}
