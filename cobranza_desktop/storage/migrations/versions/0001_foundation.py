"""Foundation: customers, invoices, payments, allocations

Revision ID: 0001_foundation
Revises:
Create Date: 2026-11-22 10:50:04.544142
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = "0001_foundation"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "business_profile",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("rfc", sa.String(length=13), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("logo_path", sa.Text(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("payment_terms_days", sa.Integer(), nullable=False),
        sa.Column("tax_rate_percent", sa.String(length=40), nullable=False),
        sa.Column("bank_name", sa.String(length=100), nullable=False),
        sa.Column("clabe", sa.String(length=18), nullable=False),
        sa.Column("invoice_series", sa.String(length=10), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_business_profile")),
    )
    op.create_table(
        "customers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_key", sa.String(length=200), nullable=False),
        sa.Column("rfc", sa.String(length=13), nullable=False),
        sa.Column("contact_name", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("whatsapp", sa.String(length=20), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("payment_terms_days", sa.Integer(), nullable=True),
        sa.Column("credit_limit_cents", sa.Integer(), nullable=True),
        sa.Column("preferred_channel", sa.String(length=20), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customers")),
    )
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.create_index("ix_customers_email", ["email"], unique=False)
        batch_op.create_index("ix_customers_name_key", ["name_key"], unique=False)
        batch_op.create_index("ix_customers_phone", ["phone"], unique=False)
        batch_op.create_index("ix_customers_rfc", ["rfc"], unique=False)
        batch_op.create_index("ix_customers_status", ["status"], unique=False)

    op.create_table(
        "folio_sequences",
        sa.Column("series", sa.String(length=10), nullable=False),
        sa.Column("next_folio", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("series", name=op.f("pk_folio_sequences")),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "invoices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("series", sa.String(length=10), nullable=False),
        sa.Column("folio", sa.Integer(), nullable=True),
        sa.Column("lifecycle", sa.String(length=10), nullable=False),
        sa.Column("issue_date", sa.Date(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("subtotal_cents", sa.Integer(), nullable=False),
        sa.Column("discount_cents", sa.Integer(), nullable=False),
        sa.Column("tax_cents", sa.Integer(), nullable=False),
        sa.Column("total_cents", sa.Integer(), nullable=False),
        sa.Column("paid_cents", sa.Integer(), nullable=False),
        sa.Column("cfdi_uuid", sa.String(length=36), nullable=False),
        sa.Column("sat_payment_method", sa.String(length=3), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("parent_invoice_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("voided_at", sa.DateTime(), nullable=True),
        sa.Column("void_reason", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "lifecycle IN ('draft', 'issued', 'voided')", name=op.f("ck_invoices_lifecycle_known")
        ),
        sa.CheckConstraint(
            "paid_cents >= 0 AND paid_cents <= total_cents",
            name=op.f("ck_invoices_paid_within_total"),
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_invoices_customer_id_customers")
        ),
        sa.ForeignKeyConstraint(
            ["parent_invoice_id"],
            ["invoices.id"],
            name=op.f("fk_invoices_parent_invoice_id_invoices"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invoices")),
        sa.UniqueConstraint("series", "folio", name="uq_invoices_series_folio"),
    )
    with op.batch_alter_table("invoices", schema=None) as batch_op:
        batch_op.create_index("ix_invoices_customer_due", ["customer_id", "due_date"], unique=False)
        batch_op.create_index("ix_invoices_issue_date", ["issue_date"], unique=False)
        batch_op.create_index(
            "ix_invoices_open",
            ["customer_id", "due_date", "total_cents", "paid_cents", "issue_date"],
            unique=False,
            sqlite_where=sa.text("lifecycle = 'issued' AND paid_cents < total_cents"),
            postgresql_where=sa.text("lifecycle = 'issued' AND paid_cents < total_cents"),
        )
        batch_op.create_index("ix_invoices_parent", ["parent_invoice_id"], unique=False)

    op.create_table(
        "payments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("payment_date", sa.Date(), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("allocated_cents", sa.Integer(), nullable=False),
        sa.Column("method", sa.String(length=20), nullable=False),
        sa.Column("reference", sa.String(length=200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("reversed_at", sa.DateTime(), nullable=True),
        sa.Column("reverse_reason", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "allocated_cents >= 0 AND allocated_cents <= amount_cents",
            name=op.f("ck_payments_allocated_within_amount"),
        ),
        sa.CheckConstraint("amount_cents > 0", name=op.f("ck_payments_amount_positive")),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_payments_customer_id_customers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payments")),
    )
    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.create_index(
            "ix_payments_customer_date", ["customer_id", "payment_date"], unique=False
        )
        batch_op.create_index("ix_payments_date", ["payment_date"], unique=False)
        batch_op.create_index(
            "ix_payments_unallocated",
            ["customer_id", "amount_cents", "allocated_cents"],
            unique=False,
            sqlite_where=sa.text("reversed_at IS NULL AND allocated_cents < amount_cents"),
            postgresql_where=sa.text("reversed_at IS NULL AND allocated_cents < amount_cents"),
        )

    op.create_table(
        "allocations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("payment_id", sa.Integer(), nullable=False),
        sa.Column("invoice_id", sa.Integer(), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("undone_at", sa.DateTime(), nullable=True),
        sa.Column("undo_reason", sa.Text(), nullable=False),
        sa.CheckConstraint("amount_cents > 0", name=op.f("ck_allocations_amount_positive")),
        sa.ForeignKeyConstraint(
            ["invoice_id"], ["invoices.id"], name=op.f("fk_allocations_invoice_id_invoices")
        ),
        sa.ForeignKeyConstraint(
            ["payment_id"], ["payments.id"], name=op.f("fk_allocations_payment_id_payments")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_allocations")),
    )
    with op.batch_alter_table("allocations", schema=None) as batch_op:
        batch_op.create_index("ix_allocations_invoice", ["invoice_id", "active"], unique=False)
        batch_op.create_index(
            "ix_allocations_payment",
            ["payment_id", "active", "invoice_id", "amount_cents"],
            unique=False,
        )

    op.create_table(
        "invoice_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("invoice_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("quantity", sa.String(length=40), nullable=False),
        sa.Column("unit_price", sa.String(length=40), nullable=False),
        sa.Column("discount_percent", sa.String(length=40), nullable=False),
        sa.Column("tax_rate_percent", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["invoice_id"], ["invoices.id"], name=op.f("fk_invoice_lines_invoice_id_invoices")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invoice_lines")),
    )
    with op.batch_alter_table("invoice_lines", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_invoice_lines_invoice_id"), ["invoice_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("invoice_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_invoice_lines_invoice_id"))

    op.drop_table("invoice_lines")
    with op.batch_alter_table("allocations", schema=None) as batch_op:
        batch_op.drop_index("ix_allocations_payment")
        batch_op.drop_index("ix_allocations_invoice")

    op.drop_table("allocations")
    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.drop_index(
            "ix_payments_unallocated",
            sqlite_where=sa.text("reversed_at IS NULL AND allocated_cents < amount_cents"),
            postgresql_where=sa.text("reversed_at IS NULL AND allocated_cents < amount_cents"),
        )
        batch_op.drop_index("ix_payments_date")
        batch_op.drop_index("ix_payments_customer_date")

    op.drop_table("payments")
    with op.batch_alter_table("invoices", schema=None) as batch_op:
        batch_op.drop_index("ix_invoices_parent")
        batch_op.drop_index(
            "ix_invoices_open",
            sqlite_where=sa.text("lifecycle = 'issued' AND paid_cents < total_cents"),
            postgresql_where=sa.text("lifecycle = 'issued' AND paid_cents < total_cents"),
        )
        batch_op.drop_index("ix_invoices_issue_date")
        batch_op.drop_index("ix_invoices_customer_due")

    op.drop_table("invoices")
    op.drop_table("settings")
    op.drop_table("folio_sequences")
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.drop_index("ix_customers_status")
        batch_op.drop_index("ix_customers_rfc")
        batch_op.drop_index("ix_customers_phone")
        batch_op.drop_index("ix_customers_name_key")
        batch_op.drop_index("ix_customers_email")

    op.drop_table("customers")
    op.drop_table("business_profile")
