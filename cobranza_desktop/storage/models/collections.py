"""Collections tables: contact log, actions log, promises, plans, status changes, extensions.

Nothing here is deleted: a contact is voided with a reason, an action stays logged,
a promise or plan changes status with its date.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from cobranza_desktop.storage.models.base import Base


class ContactLog(Base):
    """A call, visit, email, WhatsApp message or letter, and what came of it."""

    __tablename__ = "collection_contacts"
    __table_args__ = (
        Index("ix_collection_contacts_customer_time", "customer_id", "contacted_at"),
        Index("ix_collection_contacts_reason_time", "reason", "contacted_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    contacted_at: Mapped[datetime]
    channel: Mapped[str] = mapped_column(String(20))
    outcome: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(String(40), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    next_action_date: Mapped[date | None] = mapped_column(nullable=True)
    # The cap that was overridden, and why (empty when the contact was within the policy).
    override_reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]
    voided_at: Mapped[datetime | None] = mapped_column(nullable=True)
    void_reason: Mapped[str] = mapped_column(Text, default="")


class CollectionAction(Base):
    """An agenda action done or skipped. Its natural key is never proposed again."""

    __tablename__ = "collection_actions"
    __table_args__ = (
        UniqueConstraint("customer_id", "stage", "subject", name="uq_collection_actions_key"),
        CheckConstraint("state IN ('done', 'skipped')", name="state_known"),
        Index("ix_collection_actions_date", "action_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    stage: Mapped[str] = mapped_column(String(60))
    subject: Mapped[str] = mapped_column(String(80))
    action_date: Mapped[date]
    state: Mapped[str] = mapped_column(String(10))
    channel: Mapped[str] = mapped_column(String(20), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("collection_contacts.id"), nullable=True
    )
    created_at: Mapped[datetime]


class Promise(Base):
    """A promise to pay an amount by a date. Kept or broken is decided from the payments."""

    __tablename__ = "collection_promises"
    __table_args__ = (
        CheckConstraint("amount_cents > 0", name="amount_positive"),
        Index("ix_collection_promises_customer_status", "customer_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("collection_contacts.id"), nullable=True
    )
    amount_cents: Mapped[int] = mapped_column(Integer)
    promised_date: Mapped[date]
    given_on: Mapped[date]
    status: Mapped[str] = mapped_column(String(12), default="pending")
    resolved_on: Mapped[date | None] = mapped_column(nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]


class PaymentPlan(Base):
    """A payment plan (convenio): its terms, totals and status."""

    __tablename__ = "payment_plans"
    __table_args__ = (
        UniqueConstraint("number", name="uq_payment_plans_number"),
        Index("ix_payment_plans_customer_status", "customer_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20))
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    start_date: Mapped[date]
    frequency: Mapped[str] = mapped_column(String(12))
    instalment_count: Mapped[int] = mapped_column(Integer)
    principal_cents: Mapped[int] = mapped_column(Integer)
    waived_cents: Mapped[int] = mapped_column(Integer, default=0)
    down_payment_cents: Mapped[int] = mapped_column(Integer, default=0)
    interest_percent: Mapped[Decimal]
    interest_cents: Mapped[int] = mapped_column(Integer, default=0)
    total_cents: Mapped[int] = mapped_column(Integer)
    grace_days: Mapped[int] = mapped_column(Integer, default=5)
    status: Mapped[str] = mapped_column(String(12), default="current")
    status_date: Mapped[date | None] = mapped_column(nullable=True)
    # The invoice created for the plan's interest, if any (kind late_charge).
    interest_invoice_id: Mapped[int | None] = mapped_column(
        ForeignKey("invoices.id"), nullable=True
    )
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]


class PlanInvoice(Base):
    """The invoices a plan restructures."""

    __tablename__ = "payment_plan_invoices"
    __table_args__ = (Index("ix_payment_plan_invoices_invoice", "invoice_id"),)

    plan_id: Mapped[int] = mapped_column(ForeignKey("payment_plans.id"), primary_key=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoices.id"), primary_key=True)
    balance_cents: Mapped[int] = mapped_column(Integer)


class PlanInstalment(Base):
    __tablename__ = "payment_plan_instalments"
    __table_args__ = (
        UniqueConstraint("plan_id", "number", name="uq_payment_plan_instalments_number"),
        CheckConstraint("amount_cents > 0", name="amount_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("payment_plans.id"))
    number: Mapped[int] = mapped_column(Integer)
    due_date: Mapped[date]
    amount_cents: Mapped[int] = mapped_column(Integer)


class StatusTransition(Base):
    """A change of the customer's restriction state, with its date and reason."""

    __tablename__ = "customer_status_transitions"
    __table_args__ = (Index("ix_customer_status_transitions_customer", "customer_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    from_status: Mapped[str] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    effective_date: Mapped[date]
    reason: Mapped[str] = mapped_column(Text)
    restricted_services: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]


class DueDateExtension(Base):
    """A new deadline granted for an invoice; the invoice's issued due date is not edited."""

    __tablename__ = "due_date_extensions"
    __table_args__ = (Index("ix_due_date_extensions_invoice", "invoice_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoices.id"))
    previous_due_date: Mapped[date]
    new_due_date: Mapped[date]
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]


class InvoiceDispute(Base):
    """A dispute over an invoice: while open, the invoice's ladder and penalties pause
    (``invoices.disputed`` is the current flag). Settled, never deleted."""

    __tablename__ = "invoice_disputes"
    __table_args__ = (
        Index("ix_invoice_disputes_invoice", "invoice_id"),
        Index("ix_invoice_disputes_customer", "customer_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoices.id"))
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    opened_on: Mapped[date]
    reason: Mapped[str] = mapped_column(Text)
    settled_on: Mapped[date | None] = mapped_column(nullable=True)
    settle_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    created_at: Mapped[datetime]


class NextPaymentDiscount(Base):
    """A discount granted on the customer's next payment, settled when it arrives."""

    __tablename__ = "next_payment_discounts"
    __table_args__ = (
        CheckConstraint("amount_cents > 0", name="amount_positive"),
        Index("ix_next_payment_discounts_customer", "customer_id", "settled_payment_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    amount_cents: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)
    granted_on: Mapped[date]
    # The payment of method "discount" that applied it (None while pending).
    settled_payment_id: Mapped[int | None] = mapped_column(ForeignKey("payments.id"), nullable=True)
    created_at: Mapped[datetime]
