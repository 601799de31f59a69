"""The open invoices the aging report marks: disputed ones, and those whose due date was
extended. Aging keeps every invoice in the bucket of its original due date (accountants
keep the original); the marks say why one of them is not being collected as it stands."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from cobranza_desktop.storage.models import Invoice
from cobranza_desktop.storage.models.collections import DueDateExtension
from cobranza_desktop.storage.queries.predicates import open_invoice


@dataclass(frozen=True)
class MarkedInvoice:
    customer_id: int
    invoice_id: int
    series: str
    folio: int | None
    external_number: str
    due_date: date  # the original
    disputed: bool
    extended_to: date | None  # the latest agreed date, if any


def marked_invoices(
    session: Session, as_of: date, customer_id: int | None = None
) -> list[MarkedInvoice]:
    """Open invoices issued by ``as_of`` that are disputed or have an extension."""
    latest = (
        select(DueDateExtension.invoice_id, func.max(DueDateExtension.id).label("last_id"))
        .group_by(DueDateExtension.invoice_id)
        .subquery()
    )
    query = (
        select(
            Invoice.customer_id,
            Invoice.id,
            Invoice.series,
            Invoice.folio,
            Invoice.external_number,
            Invoice.due_date,
            Invoice.disputed,
            DueDateExtension.new_due_date,
        )
        .outerjoin(latest, latest.c.invoice_id == Invoice.id)
        .outerjoin(DueDateExtension, DueDateExtension.id == latest.c.last_id)
        .where(
            open_invoice(),
            Invoice.issue_date <= as_of,
            or_(Invoice.disputed.is_(True), latest.c.last_id.is_not(None)),
        )
        .order_by(Invoice.customer_id, Invoice.due_date, Invoice.id)
    )
    if customer_id is not None:
        query = query.where(Invoice.customer_id == customer_id)
    return [MarkedInvoice(*row) for row in session.execute(query)]
