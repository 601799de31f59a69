"""The open invoices the aging report marks: disputed ones, and those whose due date was
extended. Aging keeps every invoice in the bucket of its original due date (accountants
keep the original); the marks say why one of them is not being collected as it stands."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import select
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
    """Open invoices issued by ``as_of`` that are disputed or have an extension.

    Two small reads instead of one outer join over every open invoice: the extensions
    (few) with their invoices, and the disputed open invoices.
    """
    columns = (
        Invoice.customer_id,
        Invoice.id,
        Invoice.series,
        Invoice.folio,
        Invoice.external_number,
        Invoice.due_date,
        Invoice.disputed,
    )
    where = [open_invoice(), Invoice.issue_date <= as_of]
    if customer_id is not None:
        where.append(Invoice.customer_id == customer_id)
    extended: dict[int, date] = {}
    found: dict[int, MarkedInvoice] = {}

    def mark(row: Any) -> MarkedInvoice:
        return MarkedInvoice(
            row.customer_id, row.id, row.series, row.folio, row.external_number,
            row.due_date, bool(row.disputed), None,
        )  # fmt: skip

    for row in session.execute(
        select(*columns, DueDateExtension.new_due_date)
        .join(DueDateExtension, DueDateExtension.invoice_id == Invoice.id)
        .where(*where)
        .order_by(DueDateExtension.id)
    ):
        found[row.id] = mark(row)
        extended[row.id] = row.new_due_date  # the latest extension wins
    for disputed in session.execute(select(*columns).where(*where, Invoice.disputed.is_(True))):
        found[disputed.id] = mark(disputed)
    marks = [replace(m, extended_to=extended.get(m.invoice_id)) for m in found.values()]
    return sorted(marks, key=lambda m: (m.customer_id, m.due_date, m.invoice_id))
