"""Reading the audit trail: entries by customer and date, and the authors of records."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cobranza_desktop.storage.models.office import AuditEntry, User


def audit_entries(
    session: Session,
    *,
    customer_id: int | None = None,
    since: datetime | None = None,
    limit: int | None = None,
) -> list[tuple[AuditEntry, str | None]]:
    """Entries newest first, each with the author's display name (None if unregistered)."""
    query = select(AuditEntry, User.display_name).outerjoin(User, User.login == AuditEntry.actor)
    if customer_id is not None:
        query = query.where(AuditEntry.customer_id == customer_id)
    if since is not None:
        query = query.where(AuditEntry.at >= since)
    query = query.order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
    if limit is not None:
        query = query.limit(limit)
    return [(entry, name) for entry, name in session.execute(query).all()]


def authors_of(session: Session, entity: str, ids: Iterable[int]) -> dict[int, str]:
    """Who created each record (its first audit entry): display name, else the login."""
    wanted = list(ids)
    if not wanted:
        return {}
    first = (
        select(AuditEntry.entity_id, func.min(AuditEntry.id).label("first_id"))
        .where(AuditEntry.entity == entity, AuditEntry.entity_id.in_(wanted))
        .group_by(AuditEntry.entity_id)
        .subquery()
    )
    rows = session.execute(
        select(first.c.entity_id, AuditEntry.actor, User.display_name)
        .join(AuditEntry, AuditEntry.id == first.c.first_id)
        .outerjoin(User, User.login == AuditEntry.actor)
    ).all()
    return {
        int(entity_id): (name or actor) for entity_id, actor, name in rows if entity_id is not None
    }
