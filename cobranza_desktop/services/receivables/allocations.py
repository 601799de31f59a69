"""Applying payments to invoices, keeping the denormalized sums exact in one transaction."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from cobranza_desktop.domain.allocation import OpenItem, suggest_oldest_first
from cobranza_desktop.domain.invoices import invoice_number
from cobranza_desktop.domain.money import from_cents, to_cents
from cobranza_desktop.storage.concurrency import single_writer
from cobranza_desktop.storage.models import Allocation, Invoice, Payment
from cobranza_desktop.storage.queries.predicates import open_invoice, unapplied_payment
from cobranza_desktop.storage.queries.subscriptions import reserved_payment_ids


def open_items(session: Session, customer_id: int, *, for_update: bool = False) -> list[OpenItem]:
    """The customer's issued invoices that still owe something, oldest due first.

    ``for_update``: to allocate to them. On a server several clerks may pay the same
    invoices at once, so their rows are locked first, always in id order (no deadlock
    between two clerks), and read again after the lock: the balances are those of the
    last commit, never a stale copy. SQLite has one writer and ignores the lock."""
    if for_update and not single_writer(session):
        session.execute(
            select(Invoice.id)
            .where(Invoice.customer_id == customer_id, open_invoice())
            .order_by(Invoice.id)
            .with_for_update()
        ).all()
    rows = session.scalars(
        select(Invoice)
        .where(
            Invoice.customer_id == customer_id,
            open_invoice(),
        )
        .order_by(Invoice.due_date, Invoice.id)
        .execution_options(populate_existing=True)
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


def lock_payment(session: Session, payment_id: int) -> Payment | None:
    """The payment, its row locked for this transaction and read again (what it has left
    to apply is then the last commit's)."""
    if single_writer(session):
        return session.get(Payment, payment_id)
    return session.scalars(
        select(Payment)
        .where(Payment.id == payment_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).first()


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


# -- the customer's credit: one rule, used by the billing run, the service cuts and the
# -- "apply credit" correction alike.


def credit_payments(session: Session, customer_id: int) -> list[Payment]:
    """Payments with money not yet applied, oldest first. Money kept for an active
    prepayment stays for its periods."""
    reserved = reserved_payment_ids(session, customer_id)
    rows = session.scalars(
        select(Payment)
        .where(Payment.customer_id == customer_id, unapplied_payment())
        .order_by(Payment.payment_date, Payment.id)
    )
    return [p for p in rows if p.id not in reserved]


def apply_customer_credit(session: Session, customer_id: int, now: datetime) -> int:
    """Pay open invoices (oldest due first) from the customer's unapplied credit (oldest
    payment first). Returns the cents applied."""
    applied = 0
    for payment in credit_payments(session, customer_id):
        items = open_items(session, customer_id, for_update=True)
        if not items:
            break
        available = from_cents(payment.amount_cents - payment.allocated_cents)
        for item in suggest_oldest_first(available, items):
            invoice = session.get(Invoice, item.invoice_id)
            assert invoice is not None  # open_items lists only open invoices
            cents = to_cents(item.amount)
            apply(session, payment, invoice, cents, now)
            applied += cents
    session.flush()
    return applied
