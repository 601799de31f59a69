"""Prepayment of a subscription (the seed's annual or semiannual offer), and applying
a customer's credit to their invoices.

Accepting an offer records one payment and keeps it for the covered periods. Each of
those periods is billed when it comes, with the offer's discount, and paid from that
payment as it is issued: the customer owes nothing, so is never reminded nor charged.
Ending the subscription early ends the prepayment: what is left is plain credit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from cobranza_desktop.domain.access import Permission
from cobranza_desktop.domain.allocation import suggest_oldest_first
from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.errors import ConflictError, ValidationError
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.domain.incentives import PrepaymentKind, PrepaymentOffer
from cobranza_desktop.domain.money import ZERO, from_cents, to_cents
from cobranza_desktop.domain.payments import PaymentMethod
from cobranza_desktop.domain.subscriptions import periods_covering
from cobranza_desktop.services.base.access import require
from cobranza_desktop.services.base.settings import read_setting, write_setting
from cobranza_desktop.services.billing.subscriptions import (
    _last_start,
    get_subscription,
    schedule_of,
)
from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.models import Invoice, Payment
from cobranza_desktop.storage.models.subscriptions import Subscription, SubscriptionPrepayment
from cobranza_desktop.storage.queries import subscriptions as queries
from cobranza_desktop.storage.queries.predicates import unapplied_payment

OFFERS_KEY = "prepayment_offers"
DEFAULT_OFFERS = (
    PrepaymentOffer(12, PrepaymentKind.FREE_MONTHS, free_months=1),  # 12 for the price of 11
    PrepaymentOffer(6, PrepaymentKind.DISCOUNT, discount_percent=Decimal(5)),
)
_PLACES = Decimal("0.0001")


@dataclass(frozen=True)
class CoveredPeriod:
    start: date
    end: date
    normal: Decimal  # tax included
    price: Decimal  # with the offer


@dataclass(frozen=True)
class PrepaymentQuoteView:
    """What the customer file shows for an offer on a subscription."""

    subscription_id: int
    offer: PrepaymentOffer
    periods: tuple[CoveredPeriod, ...]
    normal: Decimal
    price: Decimal
    saving: Decimal
    discount_percent: Decimal  # applied to each covered period's invoice


@dataclass(frozen=True)
class PrepaymentView:
    id: int
    subscription_id: int
    payment_id: int
    months: int
    first_period_start: date
    last_period_start: date
    normal: Decimal
    total: Decimal
    remaining: Decimal  # the part of the payment not yet applied to covered periods
    status: str


def offer_label(offer: PrepaymentOffer) -> str:
    if offer.kind is PrepaymentKind.FREE_MONTHS:
        paid = offer.months - offer.free_months
        return _("{months} meses por el precio de {paid}").format(months=offer.months, paid=paid)
    return _("{months} meses con {discount_percent} % de descuento").format(
        months=offer.months, discount_percent=offer.discount_percent
    )


def offer_percent(offer: PrepaymentOffer) -> Decimal:
    if offer.kind is PrepaymentKind.DISCOUNT:
        return offer.discount_percent
    return (Decimal(100) * offer.free_months / offer.months).quantize(_PLACES)


def prepayment_discount_for(
    prepayments: Sequence[SubscriptionPrepayment], period_start: date
) -> SubscriptionPrepayment | None:
    """The active prepayment that covers the period starting on ``period_start``."""
    for row in prepayments:
        if row.status == "active" and row.first_period_start <= period_start <= (
            row.last_period_start
        ):
            return row
    return None


def _unapplied_payments(session: Session, customer_id: int) -> list[Payment]:
    reserved = queries.reserved_payment_ids(session, customer_id)
    rows = session.scalars(
        select(Payment)
        .where(
            Payment.customer_id == customer_id,
            unapplied_payment(),
        )
        .order_by(Payment.payment_date, Payment.id)
    )
    return [p for p in rows if p.id not in reserved]


def apply_customer_credit(session: Session, customer_id: int, now: datetime) -> int:
    """Pay open invoices (oldest due first) from the customer's unapplied credit.

    Money kept for an active prepayment is left for its periods. Returns the cents applied.
    """
    from cobranza_desktop.services.receivables import allocations

    applied = 0
    for payment in _unapplied_payments(session, customer_id):
        available = from_cents(payment.amount_cents - payment.allocated_cents)
        items = allocations.open_items(session, customer_id, for_update=True)
        for item in suggest_oldest_first(available, items):
            invoice = session.get(Invoice, item.invoice_id)
            assert invoice is not None
            cents = to_cents(item.amount)
            allocations.apply(session, payment, invoice, cents, now)
            applied += cents
    session.flush()
    return applied


def apply_credit_after_issuing(
    session: Session,
    invoice: Invoice,
    prepayment: SubscriptionPrepayment | None,
    now: datetime,
    *,
    general_credit: bool = True,
) -> None:
    """Pay a newly issued invoice: first from its prepayment, then from any credit."""
    from cobranza_desktop.services.receivables import allocations

    if prepayment is not None:
        payment = session.get(Payment, prepayment.payment_id)
        assert payment is not None
        cents = min(
            payment.amount_cents - payment.allocated_cents,
            invoice.total_cents - invoice.paid_cents,
        )
        if payment.reversed_at is None and cents > 0:
            allocations.apply(session, payment, invoice, cents, now)
    if general_credit:
        apply_customer_credit(session, invoice.customer_id, now)


def _view(session: Session, row: SubscriptionPrepayment) -> PrepaymentView:
    payment = session.get(Payment, row.payment_id)
    assert payment is not None
    remaining = 0 if payment.reversed_at else payment.amount_cents - payment.allocated_cents
    return PrepaymentView(
        id=row.id,
        subscription_id=row.subscription_id,
        payment_id=row.payment_id,
        months=row.months,
        first_period_start=row.first_period_start,
        last_period_start=row.last_period_start,
        normal=from_cents(row.normal_cents),
        total=from_cents(row.total_cents),
        remaining=from_cents(remaining),
        status=row.status,
    )


def load_offers(session: Session) -> tuple[PrepaymentOffer, ...]:
    """The prepayment offers of the book (the defaults until the business sets its own)."""
    stored = read_setting(session, OFFERS_KEY)
    if stored is None:
        return DEFAULT_OFFERS
    return tuple(
        PrepaymentOffer(
            int(o["months"]),
            PrepaymentKind(o["kind"]),
            discount_percent=Decimal(o.get("discount_percent", "0")),
            free_months=int(o.get("free_months", 0)),
        )
        for o in stored
    )


class PrepaymentService:
    def __init__(self, book: Book, clock: Clock) -> None:
        self._book = book
        self._clock = clock

    def offers(self) -> tuple[PrepaymentOffer, ...]:
        with self._book.session() as session:
            return load_offers(session)

    def set_offers(self, offers: Sequence[PrepaymentOffer]) -> None:
        with self._book.transaction() as session:
            require(session, Permission.SETTINGS)
            write_setting(
                session,
                OFFERS_KEY,
                [
                    {
                        "months": o.months,
                        "kind": o.kind.value,
                        "discount_percent": str(o.discount_percent),
                        "free_months": o.free_months,
                    }
                    for o in offers
                ],
            )

    def _quote(
        self, session: Session, subscription_id: int, offer: PrepaymentOffer
    ) -> PrepaymentQuoteView:
        sub = get_subscription(session, subscription_id)
        if sub.status != "active":
            raise ConflictError(_("La suscripción está cancelada."))
        schedule = schedule_of(sub)
        after = _last_start(session, sub.id)
        active = queries.active_prepayments(session).get(sub.id, [])
        if active:
            after = max([after or active[-1].last_period_start, active[-1].last_period_start])
        covered = periods_covering(schedule, after, offer.months)
        if len(covered) * schedule.period.months < offer.months:
            raise ValidationError(
                "months",
                _("La suscripción termina antes de cubrir los meses de la oferta."),
            )
        percent = offer_percent(offer)
        periods = tuple(
            CoveredPeriod(c.start, c.end, c.total(schedule), c.total(schedule, percent))
            for c in covered
        )
        normal = sum((p.normal for p in periods), ZERO)
        price = sum((p.price for p in periods), ZERO)
        return PrepaymentQuoteView(sub.id, offer, periods, normal, price, normal - price, percent)

    def quote(self, subscription_id: int, offer: PrepaymentOffer) -> PrepaymentQuoteView:
        """Periods covered, normal price, offer price and saving; nothing is written."""
        with self._book.session() as session:
            return self._quote(session, subscription_id, offer)

    def accept(
        self,
        subscription_id: int,
        offer: PrepaymentOffer,
        payment_date: date,
        method: PaymentMethod | str = PaymentMethod.TRANSFER,
        reference: str = "",
    ) -> PrepaymentView:
        """Record the prepayment as one payment, kept for the covered periods."""
        from cobranza_desktop.services.receivables.payments import PaymentInput, record_payment

        with self._book.transaction() as session:
            require(session, Permission.BOOKKEEPING)
            quote = self._quote(session, subscription_id, offer)
            sub = session.get(Subscription, subscription_id)
            assert sub is not None
            label = offer_label(offer)
            payment = record_payment(
                session,
                PaymentInput(
                    customer_id=sub.customer_id,
                    amount=quote.price,
                    payment_date=payment_date,
                    method=method,
                    reference=reference,
                    notes=_("Pago adelantado: {label} ({description})").format(
                        label=label, description=sub.description
                    ),
                    allocations=(),  # kept for the covered periods
                ),
                self._clock.now(),
            )
            row = SubscriptionPrepayment(
                subscription_id=sub.id,
                payment_id=payment.id,
                months=offer.months,
                first_period_start=quote.periods[0].start,
                last_period_start=quote.periods[-1].start,
                normal_cents=to_cents(quote.normal),
                total_cents=to_cents(quote.price),
                discount_percent=quote.discount_percent,
                description=label,
                status="active",
                created_at=self._clock.now(),
            )
            session.add(row)
            session.flush()
            return _view(session, row)

    def for_subscription(self, subscription_id: int) -> tuple[PrepaymentView, ...]:
        with self._book.session() as session:
            rows = session.scalars(
                select(SubscriptionPrepayment)
                .where(SubscriptionPrepayment.subscription_id == subscription_id)
                .order_by(SubscriptionPrepayment.id)
            )
            return tuple(_view(session, r) for r in rows)

    def apply_credit(self, customer_id: int) -> Decimal:
        """By hand, from the customer file: pay open invoices from unapplied credit."""
        with self._book.transaction() as session:
            require(session, Permission.COLLECT)
            return from_cents(apply_customer_credit(session, customer_id, self._clock.now()))
