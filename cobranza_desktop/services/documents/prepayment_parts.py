"""A prepayment's covered months, for the receipt of its payment and the statement."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from cobranza_desktop.documents.data import CoveredPeriodData, PrepaymentSummaryData
from cobranza_desktop.domain.money import from_cents
from cobranza_desktop.domain.subscriptions import iter_periods
from cobranza_desktop.services.billing.subscriptions import schedule_of
from cobranza_desktop.storage.models import Payment
from cobranza_desktop.storage.models.subscriptions import (
    Subscription,
    SubscriptionPeriod,
    SubscriptionPrepayment,
)


def _summary(session: Session, row: SubscriptionPrepayment) -> PrepaymentSummaryData:
    sub = session.get(Subscription, row.subscription_id)
    payment = session.get(Payment, row.payment_id)
    assert sub is not None and payment is not None
    schedule = schedule_of(sub)
    billed = set(
        session.scalars(
            select(SubscriptionPeriod.period_start).where(
                SubscriptionPeriod.subscription_id == sub.id,
                SubscriptionPeriod.outcome == "billed",
            )
        )
    )
    periods: list[CoveredPeriodData] = []
    for charge in iter_periods(schedule):
        if charge.start > row.last_period_start:
            break
        if charge.start < row.first_period_start or charge.paused:
            continue  # a paused period is not covered: the prepayment moves past it
        amount = charge.total(schedule, row.discount_percent)
        periods.append(CoveredPeriodData(charge.start, charge.end, amount, charge.start in billed))
    left = 0 if payment.reversed_at else payment.amount_cents - payment.allocated_cents
    return PrepaymentSummaryData(
        description=sub.description,
        offer=row.description,
        total=from_cents(row.total_cents),
        remaining=from_cents(left),
        periods=tuple(periods),
    )


def prepayment_of_payment(session: Session, payment_id: int) -> PrepaymentSummaryData | None:
    """The prepayment this payment is, if it is one."""
    row = session.scalars(
        select(SubscriptionPrepayment)
        .where(SubscriptionPrepayment.payment_id == payment_id)
        .order_by(SubscriptionPrepayment.id)
    ).first()
    return None if row is None else _summary(session, row)


def active_prepayments_of(session: Session, customer_id: int) -> tuple[PrepaymentSummaryData, ...]:
    """The customer's prepayments still in force, oldest first."""
    rows = session.scalars(
        select(SubscriptionPrepayment)
        .join(Subscription, Subscription.id == SubscriptionPrepayment.subscription_id)
        .where(Subscription.customer_id == customer_id, SubscriptionPrepayment.status == "active")
        .order_by(SubscriptionPrepayment.first_period_start, SubscriptionPrepayment.id)
    )
    return tuple(_summary(session, row) for row in rows)
