"""Core bookkeeping tables: business profile, customers, invoices, payments, allocations."""

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
    false,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cobranza_desktop.storage.models.base import Base


class BusinessProfile(Base):
    """The business that sells on credit. One row, id 1."""

    __tablename__ = "business_profile"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    rfc: Mapped[str] = mapped_column(String(13), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    logo_path: Mapped[str] = mapped_column(Text, default="")
    currency: Mapped[str] = mapped_column(String(3), default="MXN")
    payment_terms_days: Mapped[int] = mapped_column(Integer, default=30)
    tax_rate_percent: Mapped[Decimal] = mapped_column(default=Decimal("16"))
    bank_name: Mapped[str] = mapped_column(String(100), default="")
    clabe: Mapped[str] = mapped_column(String(18), default="")
    invoice_series: Mapped[str] = mapped_column(String(10), default="A")
    # Optimistic concurrency: bumped by every UPDATE; an edit made on an older one is refused.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class Customer(Base):
    __tablename__ = "customers"
    __table_args__ = (
        Index("ix_customers_name_key", "name_key"),
        Index("ix_customers_rfc", "rfc"),
        Index("ix_customers_phone", "phone"),
        Index("ix_customers_email", "email"),
        Index("ix_customers_status", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    # Lower case without accents (domain.text.search_key): for searching and sorting.
    name_key: Mapped[str] = mapped_column(String(200), default="")
    rfc: Mapped[str] = mapped_column(String(13), default="")
    contact_name: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    whatsapp: Mapped[str] = mapped_column(String(20), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    payment_terms_days: Mapped[int | None] = mapped_column(Integer, nullable=True)
    credit_limit_cents: Mapped[int | None] = mapped_column(Integer, nullable=True)
    preferred_channel: Mapped[str] = mapped_column(String(20), default="whatsapp")
    notes: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="active")
    created_at: Mapped[datetime]
    # From a CFDI receptor: SAT regime (e.g. 612) and fiscal postal code.
    tax_regime: Mapped[str] = mapped_column(String(3), default="", server_default="")
    postal_code: Mapped[str] = mapped_column(String(5), default="", server_default="")
    # Optimistic concurrency: bumped by every UPDATE; an edit made on an older one is refused.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
    # The credit terms the customer signed: when, and which version (domain.credit_terms).
    terms_signed_on: Mapped[date | None] = mapped_column(nullable=True)
    terms_version: Mapped[str] = mapped_column(String(20), default="", server_default="")

    invoices: Mapped[list[Invoice]] = relationship(back_populates="customer")


class FolioSequence(Base):
    """The next folio of each series: numbering without gaps."""

    __tablename__ = "folio_sequences"

    series: Mapped[str] = mapped_column(String(10), primary_key=True)
    next_folio: Mapped[int] = mapped_column(Integer, default=1)


# An allocation whose payment still owes its REP: money paid against an issued PPD invoice,
# the payment standing and without its receipt (the REP radar counts these, see
# ``storage/queries/rep.py``). Spelled the same in the radar's queries, so that both
# databases read them from the partial index ``ix_allocations_rep_pending``.
REP_PENDING_WHERE = "active = TRUE AND is_money = TRUE AND rep_open = TRUE AND on_ppd = TRUE"

# An issued PUE invoice still owing: the candidates of the radar's PUE list.
PUE_OPEN_WHERE = "lifecycle = 'issued' AND sat_payment_method = 'PUE' AND paid_cents < total_cents"

# A regular invoice paid in full (a zero total is never "paid"): what the risk tallies count.
SETTLED_WHERE = (
    "kind = 'invoice' AND lifecycle = 'issued' AND total_cents > 0 AND paid_cents >= total_cents"
)


class Invoice(Base):
    """An invoice or a late charge. Issued ones are voided, never deleted."""

    __tablename__ = "invoices"
    __table_args__ = (
        UniqueConstraint("series", "folio", name="uq_invoices_series_folio"),
        CheckConstraint("paid_cents >= 0 AND paid_cents <= total_cents", name="paid_within_total"),
        CheckConstraint("lifecycle IN ('draft', 'issued', 'voided')", name="lifecycle_known"),
        Index("ix_invoices_customer_due", "customer_id", "due_date"),
        Index("ix_invoices_issue_date", "issue_date"),
        # Covering: sales per day (the indicators' DSO and CEI) from the index alone.
        Index("ix_invoices_sales", "issue_date", "kind", "lifecycle", "total_cents"),
        # Open invoices only: aging and balances read this small index, not the whole table.
        Index(
            "ix_invoices_open",
            "customer_id",
            "due_date",
            "total_cents",
            "paid_cents",
            "issue_date",
            sqlite_where=text("lifecycle = 'issued' AND paid_cents < total_cents"),
            postgresql_where=text("lifecycle = 'issued' AND paid_cents < total_cents"),
        ),
        # Settled regular invoices by due date: the risk tallies leave out those not yet due.
        Index(
            "ix_invoices_settled_due",
            "due_date",
            "customer_id",
            sqlite_where=text(SETTLED_WHERE),
            postgresql_where=text(SETTLED_WHERE),
        ),
        # Open PUE invoices: the REP radar's second list reads these few, not every open one.
        Index(
            "ix_invoices_pue_open",
            "issue_date",
            sqlite_where=text(PUE_OPEN_WHERE),
            postgresql_where=text(PUE_OPEN_WHERE),
        ),
        Index("ix_invoices_parent", "parent_invoice_id"),
        Index("ix_invoices_external_number", "external_number"),
        Index("ix_invoices_cfdi_uuid", "cfdi_uuid"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    kind: Mapped[str] = mapped_column(String(20), default="invoice")
    series: Mapped[str] = mapped_column(String(10), default="")
    folio: Mapped[int | None] = mapped_column(Integer, nullable=True)
    lifecycle: Mapped[str] = mapped_column(String(10), default="draft")
    issue_date: Mapped[date]
    due_date: Mapped[date]
    subtotal_cents: Mapped[int] = mapped_column(Integer, default=0)
    discount_cents: Mapped[int] = mapped_column(Integer, default=0)
    tax_cents: Mapped[int] = mapped_column(Integer, default=0)
    total_cents: Mapped[int] = mapped_column(Integer, default=0)
    # Kept equal to the sum of active allocations, in the same transaction (`cobranza check`).
    paid_cents: Mapped[int] = mapped_column(Integer, default=0)
    cfdi_uuid: Mapped[str] = mapped_column(String(36), default="")
    sat_payment_method: Mapped[str] = mapped_column(String(3), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    parent_invoice_id: Mapped[int | None] = mapped_column(ForeignKey("invoices.id"), nullable=True)
    created_at: Mapped[datetime]
    voided_at: Mapped[datetime | None] = mapped_column(nullable=True)
    void_reason: Mapped[str] = mapped_column(Text, default="")
    # Imported documents keep their own number ("F-1234") and take no folio of our series.
    external_number: Mapped[str] = mapped_column(String(60), default="", server_default="")
    # A disputed invoice pauses its collection until the dispute is settled.
    disputed: Mapped[bool] = mapped_column(default=False, server_default=false())
    currency: Mapped[str] = mapped_column(String(3), default="", server_default="")
    exchange_rate: Mapped[Decimal | None] = mapped_column(nullable=True)
    # A document in a foreign currency keeps its stamped total here; every other amount
    # of the row is MXN cents at ``exchange_rate`` (domain/currency.py).
    foreign_total_cents: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # And its other stamped amounts, in cents of its currency, for display only: worked
    # back from the MXN they lost cents when the currency is worth less than a peso.
    # Set exactly when ``foreign_total_cents`` is (migration 0022).
    foreign_subtotal_cents: Mapped[int | None] = mapped_column(Integer, nullable=True)
    foreign_discount_cents: Mapped[int | None] = mapped_column(Integer, nullable=True)
    foreign_tax_cents: Mapped[int | None] = mapped_column(Integer, nullable=True)
    foreign_withheld_tax_cents: Mapped[int | None] = mapped_column(Integer, nullable=True)
    sat_payment_form: Mapped[str] = mapped_column(String(2), default="", server_default="")
    withheld_tax_cents: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # The import that brought it (no foreign key: SQLite cannot add one without a rebuild).
    import_batch_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # Optimistic concurrency: bumped by every UPDATE; an edit made on an older one is refused.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
    # Delivery and receipt (services/billing/delivery.py): when and how it was sent, what
    # the customer answered ("received" / "wrong"), and whether it waits for a correction
    # (which pauses its collection ladder).
    delivered_at: Mapped[datetime | None] = mapped_column(nullable=True)
    delivery_channel: Mapped[str] = mapped_column(String(20), default="", server_default="")
    receipt_status: Mapped[str] = mapped_column(String(20), default="", server_default="")
    needs_correction: Mapped[bool] = mapped_column(default=False, server_default=false())
    correction_note: Mapped[str] = mapped_column(Text, default="", server_default="")

    customer: Mapped[Customer] = relationship(back_populates="invoices")
    lines: Mapped[list[InvoiceLine]] = relationship(
        back_populates="invoice", order_by="InvoiceLine.position", cascade="all, delete-orphan"
    )


class InvoiceLine(Base):
    __tablename__ = "invoice_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoices.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(Text)
    quantity: Mapped[Decimal]
    unit_price: Mapped[Decimal]
    discount_percent: Mapped[Decimal]
    tax_rate_percent: Mapped[Decimal]

    invoice: Mapped[Invoice] = relationship(back_populates="lines")


class Payment(Base):
    """Money received. Reversed with a reason, never deleted."""

    __tablename__ = "payments"
    __table_args__ = (
        CheckConstraint("amount_cents > 0", name="amount_positive"),
        CheckConstraint(
            "allocated_cents >= 0 AND allocated_cents <= amount_cents",
            name="allocated_within_amount",
        ),
        Index("ix_payments_customer_date", "customer_id", "payment_date"),
        # Payments with money not yet applied: customer credit reads only these.
        Index(
            "ix_payments_unallocated",
            "customer_id",
            "amount_cents",
            "allocated_cents",
            sqlite_where=text("reversed_at IS NULL AND allocated_cents < amount_cents"),
            postgresql_where=text("reversed_at IS NULL AND allocated_cents < amount_cents"),
        ),
        Index("ix_payments_date", "payment_date"),
        # Covering: money received per day and method, read from the index alone.
        Index("ix_payments_money_day", "payment_date", "method", "reversed_at", "amount_cents"),
        Index("ix_payments_rep_uuid", "rep_uuid"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    payment_date: Mapped[date]
    amount_cents: Mapped[int] = mapped_column(Integer)
    # Kept equal to the sum of active allocations in the same transaction; the rest is credit.
    allocated_cents: Mapped[int] = mapped_column(Integer, default=0)
    method: Mapped[str] = mapped_column(String(20))
    reference: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]
    reversed_at: Mapped[datetime | None] = mapped_column(nullable=True)
    reverse_reason: Mapped[str] = mapped_column(Text, default="")
    # The CFDI of type P (REP) that covers this payment; empty while it still lacks one.
    rep_uuid: Mapped[str] = mapped_column(String(36), default="", server_default="")
    # The import that brought it (no foreign key: SQLite cannot add one without a rebuild).
    import_batch_id: Mapped[int | None] = mapped_column(Integer, nullable=True)

    customer: Mapped[Customer] = relationship()
    allocations: Mapped[list[Allocation]] = relationship(back_populates="payment")


class Allocation(Base):
    """Part of a payment applied to an invoice. Undone allocations stay, inactive."""

    __tablename__ = "allocations"
    __table_args__ = (
        CheckConstraint("amount_cents > 0", name="amount_positive"),
        Index("ix_allocations_invoice", "invoice_id", "active"),
        # Covering: aging as of a past date sums a payment's allocations per invoice from it.
        Index("ix_allocations_payment", "payment_id", "active", "invoice_id", "amount_cents"),
        # Covering: the indicators read money applied in a date range from this index alone,
        # without visiting a payment or an invoice (see ``allocation_facts``).
        Index(
            "ix_allocations_facts",
            "payment_day",
            "active",
            "is_money",
            "on_invoice",
            "customer_id",
            "issue_day",
            "due_day",
            "amount_cents",
        ),
        # The REP radar: its first rows and its counts in payment-date order from this small
        # index alone (the flag columns make it covering on SQLite).
        Index(
            "ix_allocations_rep_pending",
            "payment_day",
            "payment_id",
            "invoice_id",
            "amount_cents",
            "active",
            "is_money",
            "rep_open",
            "on_ppd",
            sqlite_where=text(REP_PENDING_WHERE),
            postgresql_where=text(REP_PENDING_WHERE),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    payment_id: Mapped[int] = mapped_column(ForeignKey("payments.id"))
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoices.id"))
    amount_cents: Mapped[int] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime]
    undone_at: Mapped[datetime | None] = mapped_column(nullable=True)
    undo_reason: Mapped[str] = mapped_column(Text, default="")
    # Facts copied from the payment and the invoice, kept in step by ``allocation_facts``:
    # dates as day numbers (date.toordinal), so that day differences are plain integer
    # arithmetic on every database.
    customer_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    payment_day: Mapped[int | None] = mapped_column(Integer, nullable=True)
    issue_day: Mapped[int | None] = mapped_column(Integer, nullable=True)
    due_day: Mapped[int | None] = mapped_column(Integer, nullable=True)
    is_money: Mapped[bool | None] = mapped_column(nullable=True)  # not a discount
    on_invoice: Mapped[bool | None] = mapped_column(nullable=True)  # not a late charge
    # The payment has no REP yet and is not reversed; the invoice is issued and PPD.
    rep_open: Mapped[bool | None] = mapped_column(nullable=True)
    on_ppd: Mapped[bool | None] = mapped_column(nullable=True)

    payment: Mapped[Payment] = relationship(back_populates="allocations")
    invoice: Mapped[Invoice] = relationship()


class Setting(Base):
    """Configuration as key -> JSON text, so that a new option needs no new table."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    # Optimistic concurrency: bumped by every UPDATE; an edit made on an older one is refused.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
