"""Applying payments to invoices, keeping the denormalized sums exact in one transaction."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from cobranza_desktop.domain.allocation import OpenItem
from cobranza_desktop.domain.invoices import invoice_number
from cobranza_desktop.domain.money import from_cents
from cobranza_desktop.storage.models import Allocation, Invoice, Payment
from cobranza_desktop.storage.queries.predicates import open_invoice


def open_items(session: Session, customer_id: int) -> list[OpenItem]:
    """The customer's issued invoices that still owe something, oldest due first."""
    rows = session.scalars(
        select(Invoice)
        .where(
            Invoice.customer_id == customer_id,
            open_invoice(),
        )
        .order_by(Invoice.due_date, Invoice.id)
    )
    return [
        OpenItem(
            invoice_id=inv.id,
            due_date=inv.due_date,
            balance=from_cents(inv.total_cents - inv.paid_cents),
            number=invoice_number(inv.series, inv.folio, inv.external_number),
        )
        for inv in rows
    ]


def apply(session: Session, payment: Payment, invoice: Invoice, cents: int, now: datetime) -> None:
    """Apply ``cents`` of ``payment`` to ``invoice``; callers have validated the amounts."""
    session.add(
        Allocation(
            payment=payment, invoice=invoice, amount_cents=cents, active=True, created_at=now
        )
    )
    payment.allocated_cents += cents
    invoice.paid_cents += cents


def undo_allocations(
    session: Session, allocations: list[Allocation], now: datetime, reason: str
) -> None:
    for allocation in allocations:
        allocation.active = False
        allocation.undone_at = now
        allocation.undo_reason = reason
        allocation.payment.allocated_cents -= allocation.amount_cents
        allocation.invoice.paid_cents -= allocation.amount_cents


def undo_allocations_of_invoice(
    session: Session, invoice: Invoice, now: datetime, reason: str
) -> None:
    active = session.scalars(
        select(Allocation).where(Allocation.invoice_id == invoice.id, Allocation.active.is_(True))
    ).all()
    undo_allocations(session, list(active), now, reason)


def undo_allocations_of_payment(
    session: Session, payment: Payment, now: datetime, reason: str
) -> None:
    active = session.scalars(
        select(Allocation).where(Allocation.payment_id == payment.id, Allocation.active.is_(True))
    ).all()
    undo_allocations(session, list(active), now, reason)
