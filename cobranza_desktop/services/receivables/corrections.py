"""Correcting payments: reverse, re-allocate, apply credit, undo the last allocation.

Each correction can be previewed first: the same code runs in a session that is rolled
back, so the preview (balances before → after) is exactly what doing it will change.
Done, each is one transaction and leaves a row in the corrections log (who, when, why),
which the customer's timeline shows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from cobranza_desktop.domain.access import Permission
from cobranza_desktop.domain.allocation import Allocation as AllocationInput
from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.errors import ConflictError
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.domain.invoices import invoice_number
from cobranza_desktop.domain.money import from_cents
from cobranza_desktop.services.base.access import require
from cobranza_desktop.services.base.corrections_log import CorrectionKind
from cobranza_desktop.services.receivables import allocations
from cobranza_desktop.services.receivables.correction_changes import (
    CorrectionPreview,
    compare,
    logged,
    payment_subject,
    require_reason,
    snapshot,
)
from cobranza_desktop.services.receivables.payments import (
    allocate_payment,
    get_payment,
    payment_view,
    reverse_payment,
)
from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.models import Allocation, Payment
from cobranza_desktop.storage.queries.predicates import unapplied_payment
from cobranza_desktop.storage.queries.subscriptions import reserved_payment_ids


@dataclass(frozen=True)
class LastAllocation:
    allocation_id: int
    payment_id: int
    invoice_id: int
    invoice_number: str
    amount: Decimal
    created_at: datetime


# -- session-level corrections (the caller's transaction) ------------------------------------


def _credit_payments(session: Session, customer_id: int) -> list[Payment]:
    """Payments with money not yet applied, oldest first. Money kept for an active
    prepayment stays for its periods (the same rule as the billing run's)."""
    reserved = reserved_payment_ids(session, customer_id)
    rows = session.scalars(
        select(Payment)
        .where(Payment.customer_id == customer_id, unapplied_payment())
        .order_by(Payment.payment_date, Payment.id)
    )
    return [p for p in rows if p.id not in reserved]


def apply_customer_credit(
    session: Session, customer_id: int, now: datetime, reason: str = ""
) -> CorrectionPreview:
    """Apply all the customer's unapplied money to open invoices, oldest first."""
    payments = _credit_payments(session, customer_id)
    if not payments:
        raise ConflictError(_("El cliente no tiene saldo a favor."))
    if not allocations.open_items(session, customer_id):
        raise ConflictError(_("El cliente no tiene facturas abiertas a las que aplicar el saldo."))

    def change() -> None:
        for payment in payments:
            items = allocations.open_items(session, customer_id, for_update=True)
            if not items:
                break
            allocate_payment(session, payment, None, items, now)

    return logged(
        session,
        customer_id,
        CorrectionKind.CREDIT_APPLIED,
        _("Saldo a favor"),
        reason,
        now,
        change,
    )


def reallocate_payment(
    session: Session,
    payment: Payment,
    requested: tuple[AllocationInput, ...],
    reason: str,
    now: datetime,
) -> CorrectionPreview:
    """Move a payment between the customer's invoices: what is not placed stays as credit."""
    reason = require_reason(reason, _("Escriba el motivo de la reasignación."))
    if payment.reversed_at is not None:
        raise ConflictError(_("El pago fue revertido."))

    def change() -> None:
        allocations.undo_allocations_of_payment(session, payment, now, reason)
        session.flush()
        items = allocations.open_items(session, payment.customer_id, for_update=True)
        allocate_payment(session, payment, requested, items, now)

    return logged(
        session,
        payment.customer_id,
        CorrectionKind.PAYMENT_REALLOCATED,
        payment_subject(payment),
        reason,
        now,
        change,
    )


def last_allocation(session: Session, customer_id: int) -> Allocation | None:
    """The customer's most recent active allocation (what "undo" takes back)."""
    return session.scalars(
        select(Allocation)
        .join(Payment, Allocation.payment_id == Payment.id)
        .where(Payment.customer_id == customer_id, Allocation.active.is_(True))
        .order_by(Allocation.created_at.desc(), Allocation.id.desc())
        .limit(1)
    ).first()


def undo_last_allocation(
    session: Session, customer_id: int, reason: str, now: datetime
) -> CorrectionPreview:
    """Take back the last allocation: its money becomes credit again, the invoice owes."""
    reason = require_reason(reason, _("Escriba el motivo para deshacer la aplicación."))
    allocation = last_allocation(session, customer_id)
    if allocation is None:
        raise ConflictError(_("No hay aplicaciones que deshacer."))
    payment = allocation.payment
    return logged(
        session,
        customer_id,
        CorrectionKind.ALLOCATION_UNDONE,
        payment_subject(payment),
        reason,
        now,
        lambda: allocations.undo_allocations(session, [allocation], now, reason),
    )


# -- the service ------------------------------------------------------------------------------


class CorrectionService:
    """Previews and corrections of payments, each one transaction, each logged."""

    def __init__(self, book: Book, clock: Clock) -> None:
        self._book = book
        self._clock = clock

    def _preview(self, customer_id: int, change: Callable[[Session], object]) -> CorrectionPreview:
        # The very same change, in a session that is rolled back: nothing is written.
        with self._book.session() as session:
            before = snapshot(session, customer_id)
            change(session)
            preview = compare(customer_id, before, snapshot(session, customer_id))
            session.rollback()
            return preview

    def _customer_of(self, payment_id: int) -> int:
        with self._book.session() as session:
            return get_payment(session, payment_id).customer_id

    def preview_reversal(self, payment_id: int) -> CorrectionPreview:
        now = self._clock.now()
        return self._preview(
            self._customer_of(payment_id),
            lambda s: reverse_payment(s, get_payment(s, payment_id), "-", now),
        )

    def preview_credit(self, customer_id: int) -> CorrectionPreview:
        now = self._clock.now()
        return self._preview(customer_id, lambda s: apply_customer_credit(s, customer_id, now))

    def apply_credit(self, customer_id: int, reason: str = "") -> CorrectionPreview:
        with self._book.transaction() as session:
            require(session, Permission.COLLECT)
            return apply_customer_credit(session, customer_id, self._clock.now(), reason)

    def preview_reallocation(
        self, payment_id: int, requested: tuple[AllocationInput, ...]
    ) -> CorrectionPreview:
        now = self._clock.now()
        return self._preview(
            self._customer_of(payment_id),
            lambda s: reallocate_payment(s, get_payment(s, payment_id), requested, "-", now),
        )

    def reallocate(
        self, payment_id: int, requested: tuple[AllocationInput, ...], reason: str
    ) -> CorrectionPreview:
        with self._book.transaction() as session:
            require(session, Permission.COLLECT)
            payment = get_payment(session, payment_id)
            return reallocate_payment(session, payment, requested, reason, self._clock.now())

    def reallocation_choices(
        self, payment_id: int
    ) -> tuple[Decimal, list[tuple[int, str, Decimal]]]:
        """What a payment can be spread over: its amount, and each invoice it is on or could
        be on with the most it could take (its balance once this payment is taken off)."""
        with self._book.session() as session:
            payment = get_payment(session, payment_id)
            allocations.undo_allocations_of_payment(session, payment, self._clock.now(), "-")
            session.flush()
            items = allocations.open_items(session, payment.customer_id)
            amount = from_cents(payment.amount_cents)
            session.rollback()
            return amount, [(i.invoice_id, i.number, i.balance) for i in items]

    def current_allocations(self, payment_id: int) -> dict[int, Decimal]:
        with self._book.session() as session:
            view = payment_view(get_payment(session, payment_id))
            return {a.invoice_id: a.amount for a in view.allocations}

    def last_allocation(self, customer_id: int) -> LastAllocation | None:
        with self._book.session() as session:
            row = last_allocation(session, customer_id)
            if row is None:
                return None
            inv = row.invoice
            return LastAllocation(
                row.id,
                row.payment_id,
                row.invoice_id,
                invoice_number(inv.series, inv.folio, inv.external_number),
                from_cents(row.amount_cents),
                row.created_at,
            )

    def preview_undo_last(self, customer_id: int) -> CorrectionPreview:
        now = self._clock.now()
        return self._preview(customer_id, lambda s: undo_last_allocation(s, customer_id, "-", now))

    def undo_last(self, customer_id: int, reason: str) -> CorrectionPreview:
        with self._book.transaction() as session:
            require(session, Permission.COLLECT)
            return undo_last_allocation(session, customer_id, reason, self._clock.now())
