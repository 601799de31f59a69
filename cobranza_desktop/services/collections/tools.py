"""What the seeds suggest when there is no money: a new deadline, a discount, a barter."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from cobranza_desktop.domain.access import Permission
from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.errors import ConflictError, ValidationError
from cobranza_desktop.domain.formatting import format_date, format_money
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.domain.invoices import invoice_number, is_open
from cobranza_desktop.domain.money import from_cents, parse_amount, to_cents
from cobranza_desktop.domain.payments import PaymentMethod
from cobranza_desktop.domain.validation import check_date
from cobranza_desktop.services.base.access import require
from cobranza_desktop.services.base.agenda_data import effective_due_dates
from cobranza_desktop.services.base.corrections_log import CorrectionKind, log_correction
from cobranza_desktop.services.billing.invoices import get_invoice
from cobranza_desktop.services.customers.records import get_customer
from cobranza_desktop.services.receivables.payments import (
    PaymentInput,
    PaymentView,
    payment_view,
    record_payment,
)
from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.models import Payment
from cobranza_desktop.storage.models.collections import DueDateExtension, NextPaymentDiscount
from cobranza_desktop.storage.queries.balances import customer_balance

MAX_EXTENSION_DAYS = 365


@dataclass(frozen=True)
class ExtensionView:
    id: int
    invoice_id: int
    previous_due_date: date
    new_due_date: date
    reason: str


@dataclass(frozen=True)
class DiscountView:
    id: int
    customer_id: int
    amount: Decimal
    reason: str
    granted_on: date
    settled_payment_id: int | None


def _require_reason(reason: str) -> str:
    if not reason.strip():
        raise ValidationError("reason", _("Escriba el motivo."))
    return reason.strip()


def record_payment_with_discount(
    session: Session, data: PaymentInput, now: datetime
) -> list[Payment]:
    """Record a payment and the pending next-payment discounts it settles, in the caller's
    transaction: the payment first, then one "discount" payment per pending discount.

    Each discount becomes a payment of method "discount" (a bonificación, not money),
    applied oldest due first, so every cent stays accounted for.
    """
    payment = record_payment(session, data, now)
    payments = [payment]
    pending = session.scalars(
        select(NextPaymentDiscount)
        .where(
            NextPaymentDiscount.customer_id == data.customer_id,
            NextPaymentDiscount.settled_payment_id.is_(None),
        )
        .order_by(NextPaymentDiscount.id)
    ).all()
    for discount in pending:
        balance = from_cents(customer_balance(session, data.customer_id).open_cents)
        cents = min(discount.amount_cents, to_cents(balance))
        if cents <= 0:
            break
        bonus = record_payment(
            session,
            PaymentInput(
                customer_id=data.customer_id,
                amount=from_cents(cents),
                payment_date=data.payment_date,
                method=PaymentMethod.DISCOUNT,
                reference=_("Descuento {id}").format(id=discount.id),
                notes=discount.reason,
            ),
            now,
        )
        discount.settled_payment_id = bonus.id
        payments.append(bonus)
    return payments


class CollectionToolsService:
    def __init__(self, book: Book, clock: Clock) -> None:
        self._book = book
        self._clock = clock

    def extend_due_date(self, invoice_id: int, new_due_date: date, reason: str) -> ExtensionView:
        """A new deadline: the invoice's ladder starts again from it (the issued date stays)."""
        check_date(new_due_date, "new_due_date")
        reason = _require_reason(reason)
        today = self._clock.today()
        with self._book.transaction() as session:
            require(session, Permission.BOOKKEEPING)
            invoice = get_invoice(session, invoice_id)
            if not is_open(invoice.lifecycle, invoice.total_cents, invoice.paid_cents):
                raise ConflictError(_("Solo se prorrogan facturas con saldo."))
            current = effective_due_dates(session, [invoice_id]).get(invoice_id, invoice.due_date)
            if new_due_date <= current or new_due_date <= today:
                raise ValidationError(
                    "new_due_date",
                    _("La nueva fecha debe ser posterior al vencimiento actual y a hoy."),
                )
            if (new_due_date - today).days > MAX_EXTENSION_DAYS:
                raise ValidationError(
                    "new_due_date",
                    _("La prórroga es demasiado larga."),
                )
            row = DueDateExtension(
                invoice_id=invoice_id,
                previous_due_date=current,
                new_due_date=new_due_date,
                reason=reason,
                created_at=self._clock.now(),
            )
            session.add(row)
            session.flush()
            log_correction(
                session,
                invoice.customer_id,
                CorrectionKind.DUE_DATE_EXTENDED,
                subject=invoice_number(invoice.series, invoice.folio, invoice.external_number),
                reason=reason,
                details=f"{format_date(current)} → {format_date(new_due_date)}",
                now=self._clock.now(),
            )
            return ExtensionView(row.id, invoice_id, current, new_due_date, reason)

    def grant_discount(self, customer_id: int, amount: Decimal | str, reason: str) -> DiscountView:
        """A discount on the customer's next payment, applied when that payment arrives."""
        reason = _require_reason(reason)
        value = parse_amount(amount, "amount")
        with self._book.transaction() as session:
            require(session, Permission.BOOKKEEPING)
            get_customer(session, customer_id)
            if value > from_cents(customer_balance(session, customer_id).open_cents):
                raise ValidationError(
                    "amount",
                    _("El descuento no puede ser mayor que el saldo."),
                )
            row = NextPaymentDiscount(
                customer_id=customer_id,
                amount_cents=to_cents(value),
                reason=reason,
                granted_on=self._clock.today(),
                created_at=self._clock.now(),
            )
            session.add(row)
            session.flush()
            log_correction(
                session,
                customer_id,
                CorrectionKind.DISCOUNT_GRANTED,
                subject=_("Próximo pago"),
                reason=reason,
                details=format_money(value),
                now=self._clock.now(),
            )
            return DiscountView(row.id, customer_id, value, reason, row.granted_on, None)

    def pending_discounts(self, customer_id: int) -> list[DiscountView]:
        with self._book.session() as session:
            rows = session.scalars(
                select(NextPaymentDiscount)
                .where(
                    NextPaymentDiscount.customer_id == customer_id,
                    NextPaymentDiscount.settled_payment_id.is_(None),
                )
                .order_by(NextPaymentDiscount.id)
            )
            return [
                DiscountView(
                    r.id, r.customer_id, from_cents(r.amount_cents), r.reason, r.granted_on, None
                )
                for r in rows
            ]

    def record_payment_with_discount(self, data: PaymentInput) -> list[PaymentView]:
        """Record a payment and, in the same transaction, the pending discounts it earns."""
        with self._book.transaction() as session:
            require(session, Permission.COLLECT)
            payments = record_payment_with_discount(session, data, self._clock.now())
            session.flush()
            return [payment_view(p) for p in payments]

    def settle_by_barter(
        self,
        customer_id: int,
        amount: Decimal | str,
        description: str,
        payment_date: date | None = None,
    ) -> PaymentView:
        """Settle all or part of the debt with goods or services at an agreed value."""
        if not description.strip():
            raise ValidationError(
                "notes",
                _("Describa qué bienes o servicios se reciben en intercambio."),
            )
        with self._book.transaction() as session:
            require(session, Permission.COLLECT)
            get_customer(session, customer_id)
            value = parse_amount(amount, "amount")
            if value > from_cents(customer_balance(session, customer_id).open_cents):
                raise ValidationError(
                    "amount",
                    _("El intercambio no puede valer más que el saldo."),
                )
            payment = record_payment(
                session,
                PaymentInput(
                    customer_id=customer_id,
                    amount=value,
                    payment_date=payment_date or self._clock.today(),
                    method=PaymentMethod.BARTER,
                    reference=_("Intercambio"),
                    notes=description.strip(),
                ),
                self._clock.now(),
            )
            log_correction(
                session,
                customer_id,
                CorrectionKind.BARTER,
                subject=_("Pago {payment_id}").format(payment_id=payment.id),
                reason=description.strip(),
                details=format_money(value),
                now=self._clock.now(),
            )
            return payment_view(payment)
