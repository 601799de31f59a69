"""Refunds of customer credit: the owner pays back money the customer has in favour.

A refund is a payment *out*, with a reason. It is kept as a document of kind ``refund``
in its own series (``DEV``, gapless, never a folio of the invoices), paid in full from
the customer's unapplied payments, oldest first. So the credit goes down by exactly the
refund, every cent stays allocated, and the statement shows what was returned and why.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from cobranza_desktop.domain.access import Permission
from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.formatting import format_date, format_money
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.domain.invoices import InvoiceKind, Lifecycle, invoice_number
from cobranza_desktop.domain.money import from_cents, parse_amount, to_cents
from cobranza_desktop.domain.payments import PaymentMethod
from cobranza_desktop.domain.validation import check_date
from cobranza_desktop.services.base.access import require
from cobranza_desktop.services.billing.invoices import next_folio
from cobranza_desktop.services.customers.records import get_customer
from cobranza_desktop.services.receivables import allocations
from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.models import Invoice, InvoiceLine, Payment
from cobranza_desktop.storage.queries.balances import credit_received_by_day
from cobranza_desktop.storage.queries.predicates import unapplied_payment

REFUND_SERIES = "DEV"


@dataclass(frozen=True)
class RefundView:
    id: int
    customer_id: int
    number: str
    refund_date: date
    amount: Decimal
    method: PaymentMethod
    reason: str

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "customer_id": self.customer_id,
            "number": self.number,
            "date": self.refund_date.isoformat(),
            "amount": str(self.amount),
            "method": self.method.value,
            "reason": self.reason,
        }


def _view(invoice: Invoice, method: PaymentMethod) -> RefundView:
    return RefundView(
        invoice.id,
        invoice.customer_id,
        invoice_number(invoice.series, invoice.folio),
        invoice.issue_date,
        from_cents(invoice.total_cents),
        method,
        invoice.notes.split("\n", 1)[-1],
    )


def _check_covered(by_day: list[tuple[date, int]], cents: int, on: date) -> None:
    """Refuse a refund that today's credit does not cover (on the amount), or that the
    money received by its date does not (on the date: a refund dated before the money
    came in would leave the customer owing it, in aging and on the statement, until then)."""
    credit = sum(c for _day, c in by_day)
    if cents > credit:
        raise ValidationError(
            "amount",
            _("El cliente tiene {credit} a favor; no se puede devolver {amount}.").format(
                credit=format_money(from_cents(credit)), amount=format_money(from_cents(cents))
            ),
        )
    then = sum(c for day, c in by_day if day <= on)
    if cents <= then:
        return
    running, earliest = 0, on
    for day, part in by_day:
        running += part
        if running >= cents:
            earliest = day
            break
    raise ValidationError(
        "date",
        _(
            "El {date} el cliente tenía {credit} a favor; una devolución de {amount} "
            "puede llevar fecha del {earliest} en adelante."
        ).format(
            date=format_date(on),
            credit=format_money(from_cents(then)),
            amount=format_money(from_cents(cents)),
            earliest=format_date(earliest),
        ),
    )


def refund_credit(
    session: Session,
    customer_id: int,
    amount: Decimal | str,
    on: date,
    reason: str,
    method: PaymentMethod,
    clock: Clock,
) -> RefundView:
    """Book a refund in the caller's transaction; refused (nothing written) when the
    customer's credit does not cover it or no reason is given."""
    get_customer(session, customer_id)
    check_date(on, "date")
    if on > clock.today():
        raise ValidationError("date", _("La devolución no puede tener fecha futura."))
    reason = " ".join(reason.split())
    if not reason:
        raise ValidationError("reason", _("Escriba el motivo de la devolución."))
    value = parse_amount(amount)
    cents = to_cents(value)
    if cents <= 0:
        raise ValidationError("amount", _("El importe debe ser mayor que cero."))
    _check_covered(credit_received_by_day(session, customer_id), cents, on)
    now = clock.now()
    label = _("Devolución de saldo a favor")
    refund = Invoice(
        customer_id=customer_id,
        kind=InvoiceKind.REFUND.value,
        series=REFUND_SERIES,
        folio=next_folio(session, REFUND_SERIES),
        lifecycle=Lifecycle.ISSUED.value,
        issue_date=on,
        due_date=on,
        subtotal_cents=cents,
        discount_cents=0,
        tax_cents=0,
        total_cents=cents,
        paid_cents=0,
        notes=f"{method.value}\n{reason}",
        created_at=now,
    )
    refund.lines.append(
        InvoiceLine(
            position=1,
            description=f"{label}: {reason}"[:500],
            quantity=Decimal(1),
            unit_price=value,
            discount_percent=Decimal(0),
            tax_rate_percent=Decimal(0),
        )
    )
    session.add(refund)
    left = cents
    unapplied = session.scalars(  # only money received by the refund's date (checked)
        select(Payment)
        .where(
            Payment.customer_id == customer_id,
            unapplied_payment(),
            Payment.payment_date <= on,
        )
        .order_by(Payment.payment_date, Payment.id)
    )
    for payment in unapplied:
        take = min(left, payment.amount_cents - payment.allocated_cents)
        if take > 0:
            allocations.apply(session, payment, refund, take, now)
            left -= take
        if left == 0:
            break
    assert left == 0, "the credit was checked above"
    session.flush()
    return _view(refund, method)


class RefundService:
    def __init__(self, book: Book, clock: Clock) -> None:
        self._book = book
        self._clock = clock

    def today(self) -> date:
        """The day a refund is dated by default (the book's clock; no database)."""
        return self._clock.today()

    def first_day(self, customer_id: int) -> date | None:
        """The first day a refund of the customer's credit may be dated (the day its
        oldest unapplied money came in), or None without credit."""
        with self._book.session() as session:
            by_day = credit_received_by_day(session, customer_id)
        return by_day[0][0] if by_day else None

    def refund(
        self,
        customer_id: int,
        amount: Decimal | str,
        reason: str,
        *,
        on: date | None = None,
        method: PaymentMethod = PaymentMethod.TRANSFER,
    ) -> RefundView:
        with self._book.transaction() as session:
            require(session, Permission.BOOKKEEPING)
            return refund_credit(
                session,
                customer_id,
                amount,
                on or self._clock.today(),
                reason,
                method,
                self._clock,
            )

    def list(self, customer_id: int | None = None) -> list[RefundView]:
        with self._book.session() as session:
            query = select(Invoice).where(Invoice.kind == InvoiceKind.REFUND.value)
            if customer_id is not None:
                query = query.where(Invoice.customer_id == customer_id)
            views = []
            for invoice in session.scalars(query.order_by(Invoice.issue_date, Invoice.id)):
                method_text, _sep, _reason = invoice.notes.partition("\n")
                try:
                    method = PaymentMethod(method_text)
                except ValueError:
                    method = PaymentMethod.TRANSFER
                views.append(_view(invoice, method))
            return views
