"""collections: contacts, actions, promises, plans, status changes

Revision ID: 0002_collections
Revises: 0001_foundation
Create Date: 2026-11-22 10:55:47.755870
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = "0002_collections"
down_revision: str | None = "0001_foundation"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "collection_contacts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("contacted_at", sa.DateTime(), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.String(length=40), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("next_action_date", sa.Date(), nullable=True),
        sa.Column("override_reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("voided_at", sa.DateTime(), nullable=True),
        sa.Column("void_reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customers.id"],
            name=op.f("fk_collection_contacts_customer_id_customers"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_collection_contacts")),
    )
    with op.batch_alter_table("collection_contacts", schema=None) as batch_op:
        batch_op.create_index(
            "ix_collection_contacts_customer_time", ["customer_id", "contacted_at"], unique=False
        )
        batch_op.create_index(
            "ix_collection_contacts_reason_time", ["reason", "contacted_at"], unique=False
        )

    op.create_table(
        "customer_status_transitions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("from_status", sa.String(length=20), nullable=False),
        sa.Column("to_status", sa.String(length=20), nullable=False),
        sa.Column("effective_date", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("restricted_services", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customers.id"],
            name=op.f("fk_customer_status_transitions_customer_id_customers"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customer_status_transitions")),
    )
    with op.batch_alter_table("customer_status_transitions", schema=None) as batch_op:
        batch_op.create_index(
            "ix_customer_status_transitions_customer", ["customer_id", "id"], unique=False
        )

    op.create_table(
        "collection_actions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("stage", sa.String(length=60), nullable=False),
        sa.Column("subject", sa.String(length=80), nullable=False),
        sa.Column("action_date", sa.Date(), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "state IN ('done', 'skipped')", name=op.f("ck_collection_actions_state_known")
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["collection_contacts.id"],
            name=op.f("fk_collection_actions_contact_id_collection_contacts"),
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customers.id"],
            name=op.f("fk_collection_actions_customer_id_customers"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_collection_actions")),
        sa.UniqueConstraint("customer_id", "stage", "subject", name="uq_collection_actions_key"),
    )
    with op.batch_alter_table("collection_actions", schema=None) as batch_op:
        batch_op.create_index("ix_collection_actions_date", ["action_date"], unique=False)

    op.create_table(
        "collection_promises",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("promised_date", sa.Date(), nullable=False),
        sa.Column("given_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("resolved_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("amount_cents > 0", name=op.f("ck_collection_promises_amount_positive")),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["collection_contacts.id"],
            name=op.f("fk_collection_promises_contact_id_collection_contacts"),
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customers.id"],
            name=op.f("fk_collection_promises_customer_id_customers"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_collection_promises")),
    )
    with op.batch_alter_table("collection_promises", schema=None) as batch_op:
        batch_op.create_index(
            "ix_collection_promises_customer_status", ["customer_id", "status"], unique=False
        )

    op.create_table(
        "due_date_extensions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("invoice_id", sa.Integer(), nullable=False),
        sa.Column("previous_due_date", sa.Date(), nullable=False),
        sa.Column("new_due_date", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["invoice_id"], ["invoices.id"], name=op.f("fk_due_date_extensions_invoice_id_invoices")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_due_date_extensions")),
    )
    with op.batch_alter_table("due_date_extensions", schema=None) as batch_op:
        batch_op.create_index("ix_due_date_extensions_invoice", ["invoice_id", "id"], unique=False)

    op.create_table(
        "next_payment_discounts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("granted_on", sa.Date(), nullable=False),
        sa.Column("settled_payment_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "amount_cents > 0", name=op.f("ck_next_payment_discounts_amount_positive")
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customers.id"],
            name=op.f("fk_next_payment_discounts_customer_id_customers"),
        ),
        sa.ForeignKeyConstraint(
            ["settled_payment_id"],
            ["payments.id"],
            name=op.f("fk_next_payment_discounts_settled_payment_id_payments"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_next_payment_discounts")),
    )
    with op.batch_alter_table("next_payment_discounts", schema=None) as batch_op:
        batch_op.create_index(
            "ix_next_payment_discounts_customer",
            ["customer_id", "settled_payment_id"],
            unique=False,
        )

    op.create_table(
        "payment_plans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("frequency", sa.String(length=12), nullable=False),
        sa.Column("instalment_count", sa.Integer(), nullable=False),
        sa.Column("principal_cents", sa.Integer(), nullable=False),
        sa.Column("waived_cents", sa.Integer(), nullable=False),
        sa.Column("down_payment_cents", sa.Integer(), nullable=False),
        sa.Column("interest_percent", sa.String(length=40), nullable=False),
        sa.Column("interest_cents", sa.Integer(), nullable=False),
        sa.Column("total_cents", sa.Integer(), nullable=False),
        sa.Column("grace_days", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("status_date", sa.Date(), nullable=True),
        sa.Column("interest_invoice_id", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_payment_plans_customer_id_customers")
        ),
        sa.ForeignKeyConstraint(
            ["interest_invoice_id"],
            ["invoices.id"],
            name=op.f("fk_payment_plans_interest_invoice_id_invoices"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payment_plans")),
        sa.UniqueConstraint("number", name="uq_payment_plans_number"),
    )
    with op.batch_alter_table("payment_plans", schema=None) as batch_op:
        batch_op.create_index(
            "ix_payment_plans_customer_status", ["customer_id", "status"], unique=False
        )

    op.create_table(
        "payment_plan_instalments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "amount_cents > 0", name=op.f("ck_payment_plan_instalments_amount_positive")
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["payment_plans.id"],
            name=op.f("fk_payment_plan_instalments_plan_id_payment_plans"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payment_plan_instalments")),
        sa.UniqueConstraint("plan_id", "number", name="uq_payment_plan_instalments_number"),
    )
    op.create_table(
        "payment_plan_invoices",
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("invoice_id", sa.Integer(), nullable=False),
        sa.Column("balance_cents", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["invoice_id"],
            ["invoices.id"],
            name=op.f("fk_payment_plan_invoices_invoice_id_invoices"),
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["payment_plans.id"],
            name=op.f("fk_payment_plan_invoices_plan_id_payment_plans"),
        ),
        sa.PrimaryKeyConstraint("plan_id", "invoice_id", name=op.f("pk_payment_plan_invoices")),
    )
    with op.batch_alter_table("payment_plan_invoices", schema=None) as batch_op:
        batch_op.create_index("ix_payment_plan_invoices_invoice", ["invoice_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("payment_plan_invoices", schema=None) as batch_op:
        batch_op.drop_index("ix_payment_plan_invoices_invoice")

    op.drop_table("payment_plan_invoices")
    op.drop_table("payment_plan_instalments")
    with op.batch_alter_table("payment_plans", schema=None) as batch_op:
        batch_op.drop_index("ix_payment_plans_customer_status")

    op.drop_table("payment_plans")
    with op.batch_alter_table("next_payment_discounts", schema=None) as batch_op:
        batch_op.drop_index("ix_next_payment_discounts_customer")

    op.drop_table("next_payment_discounts")
    with op.batch_alter_table("due_date_extensions", schema=None) as batch_op:
        batch_op.drop_index("ix_due_date_extensions_invoice")

    op.drop_table("due_date_extensions")
    with op.batch_alter_table("collection_promises", schema=None) as batch_op:
        batch_op.drop_index("ix_collection_promises_customer_status")

    op.drop_table("collection_promises")
    with op.batch_alter_table("collection_actions", schema=None) as batch_op:
        batch_op.drop_index("ix_collection_actions_date")

    op.drop_table("collection_actions")
    with op.batch_alter_table("customer_status_transitions", schema=None) as batch_op:
        batch_op.drop_index("ix_customer_status_transitions_customer")

    op.drop_table("customer_status_transitions")
    with op.batch_alter_table("collection_contacts", schema=None) as batch_op:
        batch_op.drop_index("ix_collection_contacts_reason_time")
        batch_op.drop_index("ix_collection_contacts_customer_time")

    op.drop_table("collection_contacts")
