"""The outbox's queries: lists and counts filtered, sorted and paged in SQL; lookups by key."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.storage.models import Invoice
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


def by_key(session: Session, natural_key: str) -> OutboxMessage | None:
    """The message stored under a natural key: the outbox's guard against sending twice."""
    return session.scalars(
        select(OutboxMessage).where(OutboxMessage.natural_key == natural_key)
    ).first()


def check_invoices_exist(session: Session, invoice_ids: Sequence[int]) -> None:
    """Refuse a message about an invoice that does not exist, before anything is written."""
    if not invoice_ids:
        return
    found = set(session.scalars(select(Invoice.id).where(Invoice.id.in_(invoice_ids))))
    missing = [i for i in invoice_ids if i not in found]
    if missing:
        raise ValidationError(
            "invoice_ids",
            _("No existe la factura {missing}.").format(missing=missing[0]),
        )
