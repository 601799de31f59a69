"""What the billing run has to deal with, read set-based: every period due by a date that
no run has recorded yet, in order (customer, subscription, period start).

A handful of queries for the whole book (subscriptions, their price changes and pauses,
the cursors, the customers, the active prepayments) and the schedules computed in
memory: no ORM object per subscription, no query per subscription.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from cobranza_desktop.domain.customer_status import allows_credit, status_rank
from cobranza_desktop.domain.customers import CustomerStatus
from cobranza_desktop.domain.invoices import InvoiceTotals, LineInput
from cobranza_desktop.domain.money import ZERO
from cobranza_desktop.domain.subscriptions import (
    BillingPeriod,
    Pause,
    PeriodCharge,
    PriceChange,
    Schedule,
    periods_due,
)
from cobranza_desktop.domain.validation import checked_totals
from cobranza_desktop.services.billing.prepayments import prepayment_discount_for
from cobranza_desktop.storage.models.core import Customer
from cobranza_desktop.storage.models.subscriptions import (
    Subscription,
    SubscriptionPause,
    SubscriptionPrepayment,
    SubscriptionPriceChange,
)
from cobranza_desktop.storage.queries import subscriptions as queries

BILLED, PAUSED, SKIPPED = "billed", "paused", "skipped"


@dataclass(frozen=True)
class DueSubscription:
    """The columns of a subscription the run needs (a plain row, not an ORM object)."""

    id: int
    customer_id: int
    description: str
    auto_apply_credit: bool
    schedule: Schedule


@dataclass(frozen=True)
class DuePeriod:
    """One period to record: billed (with its line and totals), paused or skipped."""

    sub: DueSubscription
    customer_name: str
    may_credit: bool  # the customer's state allows credit without an override
    charge: PeriodCharge
    outcome: str
    due_date: date
    prepayment: SubscriptionPrepayment | None
    line: LineInput | None  # billed only
    totals: InvoiceTotals | None  # billed only

    @property
    def total(self) -> Decimal:
        return self.totals.total if self.totals is not None else ZERO


def _subscriptions(session: Session, through: date) -> list[tuple[object, ...]]:
    return list(
        session.execute(
            select(
                Subscription.id,
                Subscription.customer_id,
                Subscription.description,
                Subscription.price,
                Subscription.period,
                Subscription.billing_day,
                Subscription.start_date,
                Subscription.end_date,
                Subscription.prorate,
                Subscription.tax_rate_percent,
                Subscription.discount_percent,
                Subscription.payment_terms_days,
                Subscription.while_suspended,
                Subscription.auto_apply_credit,
            )
            .where(Subscription.start_date <= through)
            .order_by(Subscription.customer_id, Subscription.id)
        )
    )


def _started(through: date) -> Select[int]:
    return select(Subscription.id).where(Subscription.start_date <= through)


def _price_changes(session: Session, through: date) -> dict[int, list[PriceChange]]:
    result: dict[int, list[PriceChange]] = {}
    for sub_id, start, price in session.execute(
        select(
            SubscriptionPriceChange.subscription_id,
            SubscriptionPriceChange.effective_from,
            SubscriptionPriceChange.price,
        )
        .where(SubscriptionPriceChange.subscription_id.in_(_started(through)))
        .order_by(SubscriptionPriceChange.subscription_id, SubscriptionPriceChange.id)
    ):
        result.setdefault(sub_id, []).append(PriceChange(start, price))
    return result


def _pauses(session: Session, through: date) -> dict[int, list[Pause]]:
    result: dict[int, list[Pause]] = {}
    for sub_id, start, end in session.execute(
        select(SubscriptionPause.subscription_id, SubscriptionPause.start, SubscriptionPause.end)
        .where(SubscriptionPause.subscription_id.in_(_started(through)))
        .order_by(SubscriptionPause.subscription_id, SubscriptionPause.start)
    ):
        result.setdefault(sub_id, []).append(Pause(start, end))
    return result


def _customers(session: Session, through: date) -> dict[int, tuple[str, str, int | None]]:
    """customer id -> (name, status, own terms) of every customer with a started subscription."""
    rows = session.execute(
        select(Customer.id, Customer.name, Customer.status, Customer.payment_terms_days).where(
            Customer.id.in_(
                select(Subscription.customer_id).where(Subscription.start_date <= through)
            )
        )
    )
    return {cid: (name, status, terms) for cid, name, status, terms in rows}


def collect_due(session: Session, through: date) -> list[DuePeriod]:
    """Every period due by ``through`` that the run has not dealt with, in order."""
    cursors = queries.last_period_starts(session)
    changes = _price_changes(session, through)
    pauses = _pauses(session, through)
    customers = _customers(session, through)
    prepaid = queries.active_prepayments(session)
    business_terms: int | None = None
    # A business has few plans: the totals of a line depend on its figures alone, so each
    # distinct (quantity, price, discount, tax) is checked and summed once per run.
    totals_of: dict[tuple[Decimal, Decimal, Decimal, Decimal], InvoiceTotals] = {}
    result: list[DuePeriod] = []
    for row in _subscriptions(session, through):
        (sub_id, customer_id, description, price, period, day, start, end, prorate, tax,
         discount, sub_terms, while_suspended, auto_credit) = row  # fmt: skip
        assert isinstance(sub_id, int) and isinstance(customer_id, int)
        schedule = Schedule(
            price=price,  # type: ignore[arg-type]
            period=BillingPeriod(str(period)),
            billing_day=day,  # type: ignore[arg-type]
            start=start,  # type: ignore[arg-type]
            end=end,  # type: ignore[arg-type]
            prorate=bool(prorate),
            tax_rate_percent=tax,  # type: ignore[arg-type]
            discount_percent=discount,  # type: ignore[arg-type]
            price_changes=tuple(changes.get(sub_id, ())),
            pauses=tuple(pauses.get(sub_id, ())),
        )
        charges = periods_due(schedule, through, cursors.get(sub_id))
        if not charges:
            continue
        name, status, customer_terms = customers[customer_id]
        state = CustomerStatus(status)
        suspended = status_rank(state) >= status_rank(CustomerStatus.RESTRICTED)
        if sub_terms is not None:
            days = int(sub_terms)  # type: ignore[call-overload]
        elif customer_terms is not None:
            days = customer_terms
        else:
            if business_terms is None:
                from cobranza_desktop.services.base.business import load_profile

                business_terms = load_profile(session).payment_terms_days
            days = business_terms
        sub = DueSubscription(sub_id, customer_id, str(description), bool(auto_credit), schedule)
        for charge in charges:
            if charge.paused:
                outcome = PAUSED
            elif suspended and while_suspended == "stop":
                outcome = SKIPPED
            else:
                outcome = BILLED
            prepayment = None
            line = None
            totals = None
            if outcome == BILLED:
                prepayment = prepayment_discount_for(prepaid.get(sub_id, []), charge.start)
                extra = prepayment.discount_percent if prepayment is not None else Decimal(0)
                line = charge.line(sub.description, schedule, extra)
                key = (line.quantity, line.unit_price, line.discount_percent, line.tax_rate_percent)
                totals = totals_of.get(key)
                if totals is None:
                    totals = totals_of[key] = checked_totals((line,))  # the issuing limits
            result.append(
                DuePeriod(
                    sub=sub,
                    customer_name=name,
                    may_credit=allows_credit(state),
                    charge=charge,
                    outcome=outcome,
                    due_date=charge.billing_date + timedelta(days=days),
                    prepayment=prepayment,
                    line=line,
                    totals=totals,
                )
            )
    return result
