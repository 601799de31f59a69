"""Set-based reads for subscriptions and the billing run."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from cobranza_desktop.storage.models.core import Customer
from cobranza_desktop.storage.models.subscriptions import (
    Subscription,
    SubscriptionPeriod,
    SubscriptionPrepayment,
)


def last_period_starts(session: Session, customer_id: int | None = None) -> dict[int, date]:
    """Each subscription's latest period the run has dealt with (its cursor), in one query
    (for one customer's subscriptions only, when ``customer_id`` is given)."""
    query = select(
        SubscriptionPeriod.subscription_id, func.max(SubscriptionPeriod.period_start)
    ).group_by(SubscriptionPeriod.subscription_id)
    if customer_id is not None:
        query = query.join(
            Subscription, Subscription.id == SubscriptionPeriod.subscription_id
        ).where(Subscription.customer_id == customer_id)
    return {sub_id: start for sub_id, start in session.execute(query)}


def subscriptions_for_list(
    session: Session, customer_id: int | None = None
) -> Sequence[Subscription]:
    """The subscriptions the page lists, with their price changes and pauses in two more
    queries (not one per subscription)."""
    query = (
        select(Subscription)
        .options(selectinload(Subscription.price_changes), selectinload(Subscription.pauses))
        .order_by(Subscription.customer_id, Subscription.id)
    )
    if customer_id is not None:
        query = query.where(Subscription.customer_id == customer_id)
    return session.scalars(query).all()


def billable_subscriptions(session: Session, through: date) -> Sequence[Subscription]:
    """Subscriptions that may have a period due by ``through``: started, not cancelled before."""
    return session.scalars(
        select(Subscription)
        .where(Subscription.start_date <= through)
        .options(selectinload(Subscription.price_changes), selectinload(Subscription.pauses))
        .order_by(Subscription.customer_id, Subscription.id)
    ).all()


def customer_states(session: Session, customer_ids: set[int]) -> dict[int, tuple[str, str]]:
    """customer id -> (name, status), for the given customers."""
    if not customer_ids:
        return {}
    rows = session.execute(
        select(Customer.id, Customer.name, Customer.status).where(Customer.id.in_(customer_ids))
    )
    return {cid: (name, status) for cid, name, status in rows}


def active_prepayments(session: Session) -> dict[int, list[SubscriptionPrepayment]]:
    """subscription id -> its active prepayments, oldest first."""
    result: dict[int, list[SubscriptionPrepayment]] = {}
    for row in session.scalars(
        select(SubscriptionPrepayment)
        .where(SubscriptionPrepayment.status == "active")
        .order_by(SubscriptionPrepayment.first_period_start, SubscriptionPrepayment.id)
    ):
        result.setdefault(row.subscription_id, []).append(row)
    return result


def reserved_payment_ids(session: Session, customer_id: int) -> set[int]:
    """Payments kept for a customer's active prepayments (not general credit)."""
    return set(
        session.scalars(
            select(SubscriptionPrepayment.payment_id)
            .join(Subscription, Subscription.id == SubscriptionPrepayment.subscription_id)
            .where(
                Subscription.customer_id == customer_id,
                SubscriptionPrepayment.status == "active",
            )
        )
    )


def prepaid_customer_ids(session: Session, on: date) -> set[int]:
    """Customers with a prepayment that still covers ``on`` or later."""
    return set(
        session.scalars(
            select(Subscription.customer_id)
            .join(SubscriptionPrepayment, Subscription.id == SubscriptionPrepayment.subscription_id)
            .where(
                SubscriptionPrepayment.status == "active",
                SubscriptionPrepayment.last_period_start >= on,
            )
        )
    )


def customer_terms(session: Session, customer_ids: set[int]) -> dict[int, int | None]:
    """customer id -> their own payment terms (None: the business's)."""
    if not customer_ids:
        return {}
    rows = session.execute(
        select(Customer.id, Customer.payment_terms_days).where(Customer.id.in_(customer_ids))
    )
    return {cid: terms for cid, terms in rows}
