"""Subscriptions: a customer's recurring service, its price changes, pauses, the periods
already billed (the natural key of the billing run) and prepayments."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cobranza_desktop.storage.models.base import Base


class Subscription(Base):
    __tablename__ = "subscriptions"
    __table_args__ = (
        CheckConstraint("billing_day BETWEEN 1 AND 31", name="billing_day_range"),
        CheckConstraint("status IN ('active', 'cancelled')", name="status_known"),
        CheckConstraint("while_suspended IN ('bill', 'stop')", name="while_suspended_known"),
        Index("ix_subscriptions_customer", "customer_id", "status"),
        Index("ix_subscriptions_status", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    description: Mapped[str] = mapped_column(Text)
    price: Mapped[Decimal]  # per period, before discount and tax
    tax_rate_percent: Mapped[Decimal]
    discount_percent: Mapped[Decimal]
    period: Mapped[str] = mapped_column(String(12))
    billing_day: Mapped[int] = mapped_column(Integer)
    payment_terms_days: Mapped[int | None] = mapped_column(Integer, nullable=True)
    start_date: Mapped[date]
    end_date: Mapped[date | None] = mapped_column(nullable=True)
    prorate: Mapped[bool] = mapped_column(default=False)
    while_suspended: Mapped[str] = mapped_column(String(4), default="bill")
    auto_apply_credit: Mapped[bool] = mapped_column(default=True)
    reconnection_fee: Mapped[Decimal | None] = mapped_column(nullable=True)
    status: Mapped[str] = mapped_column(String(10), default="active")
    cancelled_on: Mapped[date | None] = mapped_column(nullable=True)
    cancel_reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]
    # Optimistic concurrency: bumped by every UPDATE; an edit made on an older one is refused.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012

    price_changes: Mapped[list[SubscriptionPriceChange]] = relationship(
        order_by="SubscriptionPriceChange.effective_from"
    )
    pauses: Mapped[list[SubscriptionPause]] = relationship(order_by="SubscriptionPause.start")


class SubscriptionPriceChange(Base):
    """A new price from a date on. Past invoices keep theirs."""

    __tablename__ = "subscription_price_changes"
    __table_args__ = (
        UniqueConstraint("subscription_id", "effective_from", name="uq_subscription_price_from"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    subscription_id: Mapped[int] = mapped_column(ForeignKey("subscriptions.id"))
    effective_from: Mapped[date]
    price: Mapped[Decimal]
    created_at: Mapped[datetime]


class SubscriptionPause(Base):
    """Periods that start from ``start`` to ``end`` (inclusive) are not billed."""

    __tablename__ = "subscription_pauses"
    __table_args__ = (Index("ix_subscription_pauses_subscription", "subscription_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    subscription_id: Mapped[int] = mapped_column(ForeignKey("subscriptions.id"))
    start: Mapped[date]
    end: Mapped[date]
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]


class SubscriptionPeriod(Base):
    """A period the billing run has dealt with: billed, paused, or skipped while suspended.

    (subscription, period start) is the run's natural key: each period exactly once.
    """

    __tablename__ = "subscription_periods"
    __table_args__ = (
        UniqueConstraint("subscription_id", "period_start", name="uq_subscription_period_start"),
        CheckConstraint("outcome IN ('billed', 'paused', 'skipped')", name="outcome_known"),
        Index("ix_subscription_periods_invoice", "invoice_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    subscription_id: Mapped[int] = mapped_column(ForeignKey("subscriptions.id"))
    period_start: Mapped[date]
    period_end: Mapped[date]
    billing_date: Mapped[date]
    outcome: Mapped[str] = mapped_column(String(8))
    invoice_id: Mapped[int | None] = mapped_column(ForeignKey("invoices.id"), nullable=True)
    run_date: Mapped[date]
    created_at: Mapped[datetime]


class SubscriptionPrepayment(Base):
    """Months paid in advance: one payment kept for the covered periods' invoices."""

    __tablename__ = "subscription_prepayments"
    __table_args__ = (
        CheckConstraint("status IN ('active', 'ended')", name="status_known"),
        Index("ix_subscription_prepayments_subscription", "subscription_id", "status"),
        Index("ix_subscription_prepayments_payment", "payment_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    subscription_id: Mapped[int] = mapped_column(ForeignKey("subscriptions.id"))
    payment_id: Mapped[int] = mapped_column(ForeignKey("payments.id"))
    months: Mapped[int] = mapped_column(Integer)
    first_period_start: Mapped[date]
    last_period_start: Mapped[date]
    normal_cents: Mapped[int] = mapped_column(Integer)
    total_cents: Mapped[int] = mapped_column(Integer)
    discount_percent: Mapped[Decimal]  # applied to each covered period's invoice
    description: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(8), default="active")
    ended_on: Mapped[date | None] = mapped_column(nullable=True)
    end_reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]
