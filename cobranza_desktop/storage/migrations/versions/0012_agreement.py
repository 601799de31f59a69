"""Disputes with their reasons, waivers that free a period to recompute it, and the
contact a queued email logs once it is sent

Revision ID: 0012_agreement
Revises: 0016_polish
Create Date: 2026-12-01 23:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012_agreement"
down_revision: str | None = "0011_perf"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "invoice_disputes",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("invoice_id", sa.Integer(), sa.ForeignKey("invoices.id"), nullable=False),
        sa.Column("customer_id", sa.Integer(), sa.ForeignKey("customers.id"), nullable=False),
        sa.Column("opened_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("settled_on", sa.Date(), nullable=True),
        sa.Column("settle_reason", sa.Text(), nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_invoice_disputes_invoice", "invoice_disputes", ["invoice_id"])
    op.create_index("ix_invoice_disputes_customer", "invoice_disputes", ["customer_id"])
    op.create_table(
        "outbox_pending_contacts",
        sa.Column(
            "message_id",
            sa.Integer(),
            sa.ForeignKey("outbox_messages.id"),
            primary_key=True,
        ),
        sa.Column("customer_id", sa.Integer(), sa.ForeignKey("customers.id"), nullable=False),
        sa.Column("action_keys", sa.Text(), nullable=False, server_default="[]"),
        sa.Column("notes", sa.Text(), nullable=False, server_default=""),
        sa.Column("override_reason", sa.Text(), nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=True),
    )
    # A plain ADD COLUMN (SQLite and PostgreSQL both have it): a batch copy of the table
    # would rewrite its CREATE statement with its constraints in another order.
    op.add_column(
        "penalty_charges",
        sa.Column("recompute", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    with op.batch_alter_table("penalty_charges") as batch:
        batch.drop_column("recompute")
    op.drop_table("outbox_pending_contacts")
    op.drop_index("ix_invoice_disputes_customer", table_name="invoice_disputes")
    op.drop_index("ix_invoice_disputes_invoice", table_name="invoice_disputes")
    op.drop_table("invoice_disputes")
