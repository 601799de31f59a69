"""Disputed invoices: the customer questions an invoice, and collecting it pauses.

While an invoice is disputed its ladder pauses (the agenda proposes nothing about it or
its late charges) and it accrues no late fee or interest; aging and the customer file
still show it, marked. Marking and settling each need a reason, and each is kept (an
:class:`InvoiceDispute` row), never deleted. When the dispute is settled the ladder and
the penalties resume from the last charged day (the engine charges the days of the
dispute then, unless the business waives them).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from cobranza_desktop.domain.access import Permission
from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.errors import ConflictError, ValidationError
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.domain.invoices import InvoiceKind, Lifecycle, invoice_number
from cobranza_desktop.domain.validation import check_multiline
from cobranza_desktop.services.base.access import require
from cobranza_desktop.services.billing.invoices import get_invoice
from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.models import Invoice
from cobranza_desktop.storage.models.collections import InvoiceDispute


@dataclass(frozen=True)
class DisputeView:
    id: int
    invoice_id: int
    invoice_number: str
    customer_id: int
    opened_on: date
    reason: str
    settled_on: date | None
    settle_reason: str

    @property
    def is_open(self) -> bool:
        return self.settled_on is None


def _view(row: InvoiceDispute, invoice: Invoice) -> DisputeView:
    return DisputeView(
        row.id,
        row.invoice_id,
        invoice_number(invoice.series, invoice.folio, invoice.external_number),
        row.customer_id,
        row.opened_on,
        row.reason,
        row.settled_on,
        row.settle_reason,
    )


def _reason(reason: str) -> str:
    text = check_multiline(reason, "reason", _("Motivo"))
    if not text.strip():
        raise ValidationError("reason", _("Escriba el motivo."))
    return text.strip()


def _open_dispute(session: Session, invoice_id: int) -> InvoiceDispute | None:
    return session.scalars(
        select(InvoiceDispute)
        .where(InvoiceDispute.invoice_id == invoice_id, InvoiceDispute.settled_on.is_(None))
        .order_by(InvoiceDispute.id.desc())
    ).first()


def mark_disputed(
    session: Session, invoice_id: int, reason: str, today: date, clock: Clock
) -> DisputeView:
    """Mark an issued invoice disputed, with the customer's reason, in ``session``."""
    text = _reason(reason)
    invoice = get_invoice(session, invoice_id)
    if invoice.lifecycle != Lifecycle.ISSUED.value:
        raise ConflictError(_("Solo una factura emitida puede estar en disputa."))
    if invoice.kind != InvoiceKind.INVOICE.value:
        raise ConflictError(
            _("Un cargo moratorio sigue a su factura: ponga en disputa la factura.")
        )
    if invoice.disputed:
        raise ConflictError(_("La factura ya está en disputa."))
    row = InvoiceDispute(
        invoice_id=invoice.id,
        customer_id=invoice.customer_id,
        opened_on=today,
        reason=text,
        created_at=clock.now(),
    )
    session.add(row)
    invoice.disputed = True
    session.flush()
    return _view(row, invoice)


def settle_dispute(session: Session, invoice_id: int, reason: str, today: date) -> DisputeView:
    """End an invoice's dispute, with how it was settled; its collection resumes."""
    text = _reason(reason)
    invoice = get_invoice(session, invoice_id)
    if not invoice.disputed:
        raise ConflictError(_("La factura no está en disputa."))
    row = _open_dispute(session, invoice_id)
    if row is None:  # flagged by an import, with no dispute record of ours
        row = InvoiceDispute(
            invoice_id=invoice.id,
            customer_id=invoice.customer_id,
            opened_on=today,
            reason=_("Importada en disputa"),
            created_at=invoice.created_at,
        )
        session.add(row)
    row.settled_on = today
    row.settle_reason = text
    invoice.disputed = False
    session.flush()
    return _view(row, invoice)


def customer_disputes(session: Session, customer_id: int) -> list[DisputeView]:
    """The customer's disputes, newest first, settled ones included."""
    rows = session.execute(
        select(InvoiceDispute, Invoice)
        .join(Invoice, Invoice.id == InvoiceDispute.invoice_id)
        .where(InvoiceDispute.customer_id == customer_id)
        .order_by(InvoiceDispute.id.desc())
    ).all()
    return [_view(row, invoice) for row, invoice in rows]


class DisputeService:
    def __init__(self, book: Book, clock: Clock) -> None:
        self._book = book
        self._clock = clock

    def mark(self, invoice_id: int, reason: str) -> DisputeView:
        """Put an invoice in dispute: its ladder and its penalties pause."""
        with self._book.transaction() as session:
            # A collector hears the dispute first; pausing is the respectful direction.
            require(session, Permission.COLLECT)
            return mark_disputed(session, invoice_id, reason, self._clock.today(), self._clock)

    def settle(self, invoice_id: int, reason: str) -> DisputeView:
        """Settle an invoice's dispute: its ladder and its penalties resume."""
        with self._book.transaction() as session:
            # Resuming the ladder and the penalties is the owner's call.
            require(session, Permission.BOOKKEEPING)
            return settle_dispute(session, invoice_id, reason, self._clock.today())

    def for_customer(self, customer_id: int) -> list[DisputeView]:
        with self._book.session() as session:
            return customer_disputes(session, customer_id)
