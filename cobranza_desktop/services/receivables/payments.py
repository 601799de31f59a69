"""Payments: record, allocate (oldest first or by hand), reverse. Overpayment stays as credit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from cobranza_desktop.domain.access import Permission
from cobranza_desktop.domain.allocation import (
    Allocation as AllocationInput,
)
from cobranza_desktop.domain.allocation import (
    OpenItem,
    check_allocations,
    suggest_oldest_first,
)
from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.errors import ConflictError, NotFoundError, ValidationError
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.domain.invoices import invoice_number
from cobranza_desktop.domain.money import from_cents, parse_amount, to_cents
from cobranza_desktop.domain.payments import PaymentMethod
from cobranza_desktop.domain.validation import check_date
from cobranza_desktop.services.base.access import require
from cobranza_desktop.services.base.corrections_log import CorrectionKind
from cobranza_desktop.services.customers.records import get_customer
from cobranza_desktop.services.receivables import allocations
from cobranza_desktop.services.receivables.correction_changes import (
    logged,
    payment_subject,
    require_reason,
)
from cobranza_desktop.services.receivables.discount_grants import void_grants_earned_by
from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.models import Invoice, Payment


@dataclass(frozen=True)
class AllocationView:
    invoice_id: int
    invoice_number: str
    amount: Decimal


@dataclass(frozen=True)
class PaymentView:
    id: int
    customer_id: int
    customer_name: str
    payment_date: date
    amount: Decimal
    method: PaymentMethod
    reference: str
    notes: str
    allocated: Decimal
    unallocated: Decimal  # the customer's credit from this payment
    reversed_at: datetime | None
    reverse_reason: str
    allocations: tuple[AllocationView, ...]


@dataclass(frozen=True)
class PaymentInput:
    customer_id: int
    amount: Decimal | str
    payment_date: date
    method: PaymentMethod | str = PaymentMethod.CASH
    reference: str = ""
    notes: str = ""
    # None: apply oldest due first. A list: apply exactly these (the rest stays as credit).
    allocations: tuple[AllocationInput, ...] | None = None


def payment_view(payment: Payment) -> PaymentView:
    active = [a for a in payment.allocations if a.active]
    return PaymentView(
        id=payment.id,
        customer_id=payment.customer_id,
        customer_name=payment.customer.name,
        payment_date=payment.payment_date,
        amount=from_cents(payment.amount_cents),
        method=PaymentMethod(payment.method),
        reference=payment.reference,
        notes=payment.notes,
        allocated=from_cents(payment.allocated_cents),
        unallocated=from_cents(payment.amount_cents - payment.allocated_cents),
        reversed_at=payment.reversed_at,
        reverse_reason=payment.reverse_reason,
        allocations=tuple(
            AllocationView(
                a.invoice_id,
                invoice_number(a.invoice.series, a.invoice.folio, a.invoice.external_number),
                from_cents(a.amount_cents),
            )
            for a in active
        ),
    )


def allocate_payment(
    session: Session,
    payment: Payment,
    requested: tuple[AllocationInput, ...] | None,
    items: list[OpenItem],
    now: datetime,
) -> None:
    available = from_cents(payment.amount_cents - payment.allocated_cents)
    if requested is not None:  # amounts typed by a person: exact, positive, or a clear error
        requested = tuple(
            AllocationInput(a.invoice_id, parse_amount(a.amount, "allocations")) for a in requested
        )
    plan = list(requested) if requested is not None else suggest_oldest_first(available, items)
    check_allocations(
        available,
        plan,
        {i.invoice_id: i.balance for i in items},
        {i.invoice_id: i.number for i in items},
    )
    for item in plan:
        invoice = session.get(Invoice, item.invoice_id)
        assert invoice is not None  # check_allocations only accepts open invoices
        allocations.apply(session, payment, invoice, to_cents(item.amount), now)


def checked_payment(data: PaymentInput, now: datetime) -> tuple[Decimal, PaymentMethod]:
    """The payment's amount and method, once its fields are valid (bad ones raise)."""
    amount = parse_amount(data.amount, "amount")
    try:
        method = PaymentMethod(data.method)
    except ValueError:
        raise ValidationError(
            "method",
            _("Forma de pago desconocida: {method}.").format(method=data.method),
        ) from None
    if method is PaymentMethod.BARTER and not data.notes.strip():
        raise ValidationError(
            "notes",
            _("Describa qué bienes o servicios se recibieron en intercambio."),
        )
    if data.payment_date > now.date():
        raise ValidationError("payment_date", _("La fecha del pago no puede ser futura."))
    check_date(data.payment_date, "payment_date")
    return amount, method


def record_payment(session: Session, data: PaymentInput, now: datetime) -> Payment:
    """Record a payment and allocate it, in the caller's transaction."""
    get_customer(session, data.customer_id)
    amount, method = checked_payment(data, now)
    payment = Payment(
        customer_id=data.customer_id,
        payment_date=data.payment_date,
        amount_cents=to_cents(amount),
        allocated_cents=0,
        method=method.value,
        reference=data.reference.strip(),
        notes=data.notes.strip(),
        created_at=now,
    )
    session.add(payment)
    session.flush()
    allocate_payment(
        session,
        payment,
        data.allocations,
        allocations.open_items(session, data.customer_id, for_update=True),
        now,
    )
    session.flush()
    return payment


def get_payment(session: Session, payment_id: int, *, for_update: bool = False) -> Payment:
    payment = (
        allocations.lock_payment(session, payment_id)
        if for_update
        else session.get(Payment, payment_id)
    )
    if payment is None:
        raise NotFoundError(_("No existe el pago {payment_id}.").format(payment_id=payment_id))
    return payment


# -- corrections, in the caller's transaction (previewed by corrections.py) --------------


def reverse_payment(session: Session, payment: Payment, reason: str, now: datetime) -> None:
    """A bounced check or a mistake: the payment's invoices owe again, its discounts go."""
    reason = require_reason(reason, _("Escriba el motivo de la reversión."))
    if payment.reversed_at is not None:
        raise ConflictError(_("El pago ya fue revertido."))

    def change() -> None:
        # A bounced check earns no discount: the ones it earned are voided too.
        void_grants_earned_by(session, payment.id, reason, now)
        allocations.undo_allocations_of_payment(session, payment, now, reason)
        payment.reversed_at = now
        payment.reverse_reason = reason

    logged(
        session,
        payment.customer_id,
        CorrectionKind.PAYMENT_REVERSED,
        payment_subject(payment),
        reason,
        now,
        change,
    )


def allocate_payment_credit(
    session: Session,
    payment: Payment,
    requested: tuple[AllocationInput, ...] | None,
    now: datetime,
    reason: str = "",
) -> None:
    """Apply what is left of one payment (oldest due first, or as ``requested``)."""
    if payment.reversed_at is not None:
        raise ConflictError(_("El pago fue revertido."))

    def change() -> None:
        items = allocations.open_items(session, payment.customer_id, for_update=True)
        allocate_payment(session, payment, requested, items, now)

    logged(
        session,
        payment.customer_id,
        CorrectionKind.CREDIT_APPLIED,
        payment_subject(payment),
        reason,
        now,
        change,
    )


class PaymentService:
    def __init__(self, book: Book, clock: Clock) -> None:
        self._book = book
        self._clock = clock

    def open_items(self, customer_id: int) -> list[OpenItem]:
        with self._book.session() as session:
            return allocations.open_items(session, customer_id)

    def record(self, data: PaymentInput) -> PaymentView:
        with self._book.transaction() as session:
            require(session, Permission.COLLECT)
            return payment_view(record_payment(session, data, self._clock.now()))

    def allocate_credit(
        self, payment_id: int, requested: tuple[AllocationInput, ...] | None = None
    ) -> PaymentView:
        """Apply a payment's unapplied money (credit) to open invoices (logged)."""
        with self._book.transaction() as session:
            require(session, Permission.COLLECT)
            payment = get_payment(session, payment_id, for_update=True)
            allocate_payment_credit(session, payment, requested, self._clock.now())
            return payment_view(payment)

    def reverse(self, payment_id: int, reason: str) -> PaymentView:
        """Reverse a payment (a bounced check, a mistake). Its invoices owe again."""
        with self._book.transaction() as session:
            require(session, Permission.COLLECT)
            payment = get_payment(session, payment_id, for_update=True)
            reverse_payment(session, payment, reason, self._clock.now())
            return payment_view(payment)

    def get(self, payment_id: int) -> PaymentView:
        with self._book.session() as session:
            return payment_view(get_payment(session, payment_id))

    def for_customer(self, customer_id: int) -> list[PaymentView]:
        with self._book.session() as session:
            query = (
                select(Payment)
                .where(Payment.customer_id == customer_id)
                .options(selectinload(Payment.allocations))
                .order_by(Payment.payment_date.desc(), Payment.id.desc())
            )
            return [payment_view(p) for p in session.scalars(query)]
