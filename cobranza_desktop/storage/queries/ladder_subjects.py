"""What the collections ladder is about, beyond an invoice's own row.

A late charge rides with the invoice it penalises (its ``parent_invoice_id``), and a
disputed invoice, with its charges, pauses its ladder. The open-invoice read of the agenda
carries both facts on each row; this read gives the invoices the charges penalise.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from cobranza_desktop.storage.models import Invoice
from cobranza_desktop.storage.queries.agenda import chunks


@dataclass(frozen=True)
class ParentInvoice:
    id: int
    series: str
    folio: int | None
    external_number: str
    due_date: date
    disputed: bool


def parent_invoices(session: Session, invoice_ids: Iterable[int]) -> dict[int, ParentInvoice]:
    """The invoices that late charges penalise (few: one read per chunk of them)."""
    parents: dict[int, ParentInvoice] = {}
    for chunk in chunks(sorted(set(invoice_ids))):
        for row in session.execute(
            select(
                Invoice.id,
                Invoice.series,
                Invoice.folio,
                Invoice.external_number,
                Invoice.due_date,
                Invoice.disputed,
            ).where(Invoice.id.in_(chunk))
        ):
            parents[row[0]] = ParentInvoice(*row)
    return parents
