"""Signed credit terms on the customer's file; delivery, receipt and correction on invoices

Revision ID: 0014_terms_receipts
Revises: 0008_fold_enye
Create Date: 2026-12-01 23:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014_terms_receipts"
down_revision: str | None = "0008_fold_enye"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Plain ADD/DROP COLUMN (as 0006 does): SQLite and PostgreSQL both do it in place,
# without rebuilding tables that other tables point at.
_INVOICE_COLUMNS = ("delivered_at", "delivery_channel", "receipt_status", "needs_correction",
                    "correction_note")  # fmt: skip


def upgrade() -> None:
    op.add_column("customers", sa.Column("terms_signed_on", sa.Date(), nullable=True))
    op.add_column(
        "customers",
        sa.Column("terms_version", sa.String(length=20), nullable=False, server_default=""),
    )
    op.add_column("invoices", sa.Column("delivered_at", sa.DateTime(), nullable=True))
    op.add_column(
        "invoices",
        sa.Column("delivery_channel", sa.String(length=20), nullable=False, server_default=""),
    )
    op.add_column(
        "invoices",
        sa.Column("receipt_status", sa.String(length=20), nullable=False, server_default=""),
    )
    op.add_column(
        "invoices",
        sa.Column("needs_correction", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.add_column(
        "invoices", sa.Column("correction_note", sa.Text(), nullable=False, server_default="")
    )


def downgrade() -> None:
    for name in reversed(_INVOICE_COLUMNS):
        op.drop_column("invoices", name)
    op.drop_column("customers", "terms_version")
    op.drop_column("customers", "terms_signed_on")
