"""The open invoices the ladder is about: late charges fold into their invoice, and
disputed invoices (with their charges) are left out until the dispute is settled.

A late charge is a document of its own (balances, aging and statements list it), but
it is not a new debt to chase: it rides with the invoice it penalises, under that
invoice's due date and natural key, so it never starts a ladder of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from sqlalchemy.orm import Session

from cobranza_desktop.storage.queries.agenda import OpenInvoiceRow
from cobranza_desktop.storage.queries.ladder_subjects import subject_facts


def ladder_rows(session: Session, rows: Sequence[OpenInvoiceRow]) -> list[OpenInvoiceRow]:
    """``rows`` (by customer and due date) as the ladder sees them."""
    facts = subject_facts(session, [r.id for r in rows])
    if not facts.parent_of and not facts.disputed:
        return list(rows)
    merged: dict[int, OpenInvoiceRow] = {}
    for row in rows:
        parent_id = facts.parent_of.get(row.id)
        if parent_id is not None:
            parent = facts.parents[parent_id]
            if parent.disputed:
                continue
            row = OpenInvoiceRow(
                parent.id, row.customer_id, parent.series, parent.folio, parent.due_date,
                row.balance_cents,
            )  # fmt: skip
        elif row.id in facts.disputed:
            continue
        held = merged.get(row.id)
        merged[row.id] = (
            row
            if held is None
            else replace(held, balance_cents=held.balance_cents + row.balance_cents)
        )
    return sorted(merged.values(), key=lambda r: (r.customer_id, r.due_date, r.id))
