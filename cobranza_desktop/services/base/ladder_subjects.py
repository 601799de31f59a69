"""The open invoices the ladder is about: late charges fold into their invoice, and
disputed invoices (with their charges) are left out until the dispute is settled.

A late charge is a document of its own (balances, aging and statements list it), but
it is not a new debt to chase: it rides with the invoice it penalises, under that
invoice's due date and natural key, so it never starts a ladder of its own.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from cobranza_desktop.storage.queries.agenda import OpenInvoiceRow
from cobranza_desktop.storage.queries.ladder_subjects import parent_invoices


def ladder_rows(session: Session, rows: Sequence[OpenInvoiceRow]) -> list[OpenInvoiceRow]:
    """``rows`` (by customer and due date) as the ladder sees them. The rows carry their
    own parent and dispute (read with them): only the penalised invoices are read here."""
    charges = [r for r in rows if r.parent_invoice_id is not None]
    if not charges and not any(r.disputed for r in rows):
        return list(rows)
    parents = parent_invoices(
        session, [r.parent_invoice_id for r in charges if r.parent_invoice_id]
    )
    merged: dict[int, OpenInvoiceRow] = {}
    for row in rows:
        parent_id = row.parent_invoice_id
        if parent_id is not None:
            parent = parents[parent_id]
            if parent.disputed:
                continue
            row = OpenInvoiceRow(
                parent.id, row.customer_id, parent.series, parent.folio, parent.due_date,
                row.balance_cents,
            )  # fmt: skip
        elif row.disputed:
            continue
        held = merged.get(row.id)
        merged[row.id] = (
            row
            if held is None
            else held._replace(balance_cents=held.balance_cents + row.balance_cents)
        )
    return sorted(merged.values(), key=lambda r: (r.customer_id, r.due_date, r.id))
