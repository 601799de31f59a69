"""Penalties and incentives: per-customer policies, charges made, discounts granted.

The business-level policy lives in the settings table (key ``penalties.policy``). A late
charge is an invoice of kind ``late_charge`` linked to its invoice by
``parent_invoice_id``; :class:`PenaltyCharge` records why it was charged (its natural key
and breakdown), so that a charge is never made twice.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from cobranza_desktop.storage.models.base import Base


class CustomerPenaltyPolicy(Base):
    """A customer's own contract terms, replacing the business policy whole."""

    __tablename__ = "customer_penalty_policies"

    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), primary_key=True)
    # PenaltyPolicy.to_dict() as JSON.
    policy_json: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime]


class PenaltyCharge(Base):
    """One fee or one period of interest charged on an invoice. Waived, never deleted."""

    __tablename__ = "penalty_charges"
    __table_args__ = (
        # The natural key: a fee ("fee", "fee:stage:30") or an interest period
        # ("interest:2026-02-28") is charged at most once per invoice.
        UniqueConstraint("invoice_id", "charge_key", name="uq_penalty_charges_invoice_key"),
        CheckConstraint("amount_cents > 0", name="amount_positive"),
        CheckConstraint("kind IN ('fee', 'interest')", name="kind_known"),
        CheckConstraint("period_start <= period_end", name="period_ordered"),
        Index("ix_penalty_charges_customer", "customer_id", "as_of"),
        Index("ix_penalty_charges_document", "charge_invoice_id"),
        # The proposal's "interest still owed": each invoice's latest charged day, read
        # from this index alone (queries/penalties.candidate_invoices).
        Index("ix_penalty_charges_invoice_end", "invoice_id", "period_end"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoices.id"))
    # The late-charge document (invoices.kind = 'late_charge').
    charge_invoice_id: Mapped[int] = mapped_column(ForeignKey("invoices.id"))
    kind: Mapped[str] = mapped_column(String(10))
    charge_key: Mapped[str] = mapped_column(String(40))
    as_of: Mapped[date]
    period_start: Mapped[date]
    period_end: Mapped[date]
    base_cents: Mapped[int] = mapped_column(Integer)
    fixed_fee_cents: Mapped[int] = mapped_column(Integer, default=0)
    percent_fee: Mapped[Decimal]
    annual_rate_percent: Mapped[Decimal]
    day_basis: Mapped[int] = mapped_column(Integer)
    days: Mapped[int] = mapped_column(Integer)
    amount_cents: Mapped[int] = mapped_column(Integer)
    # The interest segments (start, end, balance, days, amount) as JSON, for documents.
    breakdown_json: Mapped[str] = mapped_column(Text, default="[]")
    created_at: Mapped[datetime]
    waived_at: Mapped[datetime | None] = mapped_column(nullable=True)
    waive_reason: Mapped[str] = mapped_column(Text, default="")
    # Waived to correct it (say, after a backdated payment): its period is free again,
    # and the next run charges it from the book as it is then. A plain waiver forgives.
    recompute: Mapped[bool] = mapped_column(default=False, server_default="0")


class IncentiveGrant(Base):
    """A discount granted: early payment, punctuality or prepayment. Voided, never deleted.

    An early-payment discount is booked as a payment of method ``discount`` (a
    bonificación) allocated to the invoice, so that the invoice is settled and every
    bookkeeping invariant holds; this row says why.
    """

    __tablename__ = "incentive_grants"
    __table_args__ = (
        # One early-payment discount per invoice.
        UniqueConstraint("invoice_id", "kind", name="uq_incentive_grants_invoice_kind"),
        CheckConstraint("amount_cents > 0", name="amount_positive"),
        Index("ix_incentive_grants_customer", "customer_id", "granted_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoices.id"))
    kind: Mapped[str] = mapped_column(String(20))
    granted_on: Mapped[date]
    amount_cents: Mapped[int] = mapped_column(Integer)
    # The customer's payment that earned it, and the discount "payment" that books it.
    trigger_payment_id: Mapped[int | None] = mapped_column(ForeignKey("payments.id"), nullable=True)
    discount_payment_id: Mapped[int | None] = mapped_column(
        ForeignKey("payments.id"), nullable=True
    )
    description: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]
    voided_at: Mapped[datetime | None] = mapped_column(nullable=True)
    void_reason: Mapped[str] = mapped_column(Text, default="")
