"""What the collections ladder is about, beyond an invoice's own row.

A late charge rides with the invoice it penalises (its ``parent_invoice_id``), and a
disputed invoice, with its charges, pauses its ladder. These reads give the agenda the
two facts for the open invoices it looks at, set-based, in chunks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
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


@dataclass(frozen=True)
class SubjectFacts:
    parent_of: dict[int, int]  # late charge id -> the invoice it penalises
    parents: dict[int, ParentInvoice]
    disputed: frozenset[int]  # of the invoices asked about


def subject_facts(session: Session, invoice_ids: Sequence[int]) -> SubjectFacts:
    """For the given invoices: which are late charges (and of what) and which are disputed."""
    parent_of: dict[int, int] = {}
    disputed: set[int] = set()
    for chunk in chunks(list(invoice_ids)):
        rows = session.execute(
            select(Invoice.id, Invoice.parent_invoice_id, Invoice.disputed).where(
                Invoice.id.in_(chunk),
                or_(Invoice.parent_invoice_id.is_not(None), Invoice.disputed.is_(True)),
            )
        )
        for invoice_id, parent_id, is_disputed in rows:
            if parent_id is not None:
                parent_of[invoice_id] = parent_id
            if is_disputed:
                disputed.add(invoice_id)
    parents: dict[int, ParentInvoice] = {}
    for chunk in chunks(sorted(set(parent_of.values()))):
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
    return SubjectFacts(parent_of, parents, frozenset(disputed))
