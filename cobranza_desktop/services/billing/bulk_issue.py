"""Issuing many invoices at once: each draft is checked by the same rules as
:func:`invoices.create_invoice` (``validate_draft``, ``checked_totals``), with folios taken
beforehand by :func:`invoices.reserve_folios`; the rows are then written with a few
multi-row INSERTs (``storage/bulk.py``) instead of one ORM object (and one statement on
SQLite) per invoice and per line.

For a batch that also knows what has been paid of each invoice (the demo's history), the
paid cents are written with it; the caller writes the matching allocations.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.domain.invoices import InvoiceKind, Lifecycle, invoice_number
from cobranza_desktop.domain.money import to_cents
from cobranza_desktop.domain.validation import checked_totals
from cobranza_desktop.services.billing.invoices import InvoiceDraft, validate_draft
from cobranza_desktop.storage.audit_trail import Entry
from cobranza_desktop.storage.bulk import insert_returning_ids, insert_rows
from cobranza_desktop.storage.models import Invoice, InvoiceLine
from cobranza_desktop.storage.office_hooks import record_entries
from cobranza_desktop.storage.risk_tallies import written_around


@dataclass
class IssuedDraft:
    """A draft to issue with its reserved folio and the moment it is issued."""

    draft: InvoiceDraft
    folio: int
    issued_at: datetime
    total_cents: int = 0
    paid_cents: int = 0  # set by a caller that allocates before writing
    due_date: date | None = None
    cfdi_uuid: str = ""
    id: int | None = None

    def number(self, series: str) -> str:
        return invoice_number(series, self.folio)


def check_drafts(session: Session, drafts: list[IssuedDraft]) -> None:
    """Check each draft (a clear error, nothing written) and fill in its total and due date."""
    for item in drafts:
        due, item.cfdi_uuid = validate_draft(session, item.draft)
        totals = checked_totals(item.draft.lines)
        if totals.total <= 0:
            raise ValidationError("lines", _("El total de la factura debe ser mayor que cero."))
        item.total_cents = to_cents(totals.total)
        item.due_date = due


def write_issued(session: Session, drafts: list[IssuedDraft], series: str) -> None:
    """Write checked drafts as issued invoices with their lines; sets each one's ``id``.
    The customers' risk tallies are recomputed at commit."""
    written_around(session, {item.draft.customer_id for item in drafts})
    rows: list[dict[str, object]] = []
    for item in drafts:
        draft = item.draft
        totals = checked_totals(draft.lines)
        rows.append(
            {
                "customer_id": draft.customer_id,
                "kind": InvoiceKind.INVOICE.value,
                "series": series,
                "folio": item.folio,
                "lifecycle": Lifecycle.ISSUED.value,
                "issue_date": draft.issue_date,
                "due_date": item.due_date,
                "subtotal_cents": to_cents(totals.subtotal),
                "discount_cents": to_cents(totals.discount),
                "tax_cents": to_cents(totals.tax),
                "total_cents": to_cents(totals.total),
                "paid_cents": item.paid_cents,
                "cfdi_uuid": item.cfdi_uuid,
                "sat_payment_method": draft.sat_payment_method.strip().upper(),
                "notes": draft.notes.strip(),
                "parent_invoice_id": None,
                "disputed": False,
                "created_at": item.issued_at,
            }
        )
    for item, new_id in zip(drafts, insert_returning_ids(session, Invoice, rows), strict=True):
        item.id = new_id
    # Bulk inserts pass no ORM flush: the audit trail is written here, as the ORM's is.
    record_entries(
        session,
        [
            Entry(
                "invoice.issued",
                "invoice",
                item.id,
                item.draft.customer_id,
                {"number": item.number(series), "total_cents": item.total_cents},
            )
            for item in drafts
        ],
    )
    insert_rows(
        session,
        InvoiceLine,
        [
            {
                "invoice_id": item.id,
                "position": position,
                "description": line.description,
                "quantity": line.quantity,
                "unit_price": line.unit_price,
                "discount_percent": line.discount_percent,
                "tax_rate_percent": line.tax_rate_percent,
            }
            for item in drafts
            for position, line in enumerate(item.draft.lines, start=1)
        ],
    )
