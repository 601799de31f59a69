"""Editing and deleting a draft invoice (a draft is not issued: it has no folio yet).

An issued invoice is never edited or deleted: it is voided with a reason. A draft may be
changed freely; each change is logged in the customer's corrections log.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from cobranza_desktop.domain.errors import ConflictError, ValidationError
from cobranza_desktop.domain.formatting import format_money
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.domain.invoices import Lifecycle
from cobranza_desktop.domain.money import from_cents, to_cents
from cobranza_desktop.domain.validation import checked_totals
from cobranza_desktop.services.base.corrections_log import CorrectionKind, log_correction
from cobranza_desktop.services.billing.invoices import InvoiceDraft, validate_draft
from cobranza_desktop.storage.models import Invoice, InvoiceLine


def _require_draft(invoice: Invoice) -> None:
    if invoice.lifecycle != Lifecycle.DRAFT.value:
        raise ConflictError(
            _("Solo se modifican o eliminan borradores; una factura emitida se cancela.")
        )


def _subject(invoice: Invoice) -> str:
    return _("Borrador {invoice_id}").format(invoice_id=invoice.id)


def update_draft(session: Session, invoice: Invoice, draft: InvoiceDraft, now: datetime) -> None:
    """Replace a draft's dates, notes and lines, validated as a new invoice's."""
    _require_draft(invoice)
    due, uuid = validate_draft(session, draft)
    totals = checked_totals(draft.lines)
    if totals.total <= 0:
        raise ValidationError("lines", _("El total de la factura debe ser mayor que cero."))
    before = from_cents(invoice.total_cents)
    if draft.customer_id != invoice.customer_id:
        raise ValidationError("customer", _("Un borrador no cambia de cliente; elimínelo."))
    invoice.issue_date = draft.issue_date
    invoice.due_date = due
    invoice.subtotal_cents = to_cents(totals.subtotal)
    invoice.discount_cents = to_cents(totals.discount)
    invoice.tax_cents = to_cents(totals.tax)
    invoice.total_cents = to_cents(totals.total)
    invoice.cfdi_uuid = uuid
    invoice.sat_payment_method = draft.sat_payment_method.strip().upper()
    invoice.notes = draft.notes.strip()
    invoice.lines = [
        InvoiceLine(
            position=i,
            description=line.description,
            quantity=line.quantity,
            unit_price=line.unit_price,
            discount_percent=line.discount_percent,
            tax_rate_percent=line.tax_rate_percent,
        )
        for i, line in enumerate(draft.lines, start=1)
    ]
    session.flush()
    log_correction(
        session,
        invoice.customer_id,
        CorrectionKind.DRAFT_EDITED,
        subject=_subject(invoice),
        reason="",
        details=_("total: {before} → {after}").format(
            before=format_money(before), after=format_money(totals.total)
        ),
        now=now,
    )


def delete_draft(session: Session, invoice: Invoice, reason: str, now: datetime) -> None:
    _require_draft(invoice)
    log_correction(
        session,
        invoice.customer_id,
        CorrectionKind.DRAFT_DELETED,
        subject=_subject(invoice),
        reason=reason,
        details=_("total: {total}").format(total=format_money(from_cents(invoice.total_cents))),
        now=now,
    )
    session.delete(invoice)
    session.flush()
