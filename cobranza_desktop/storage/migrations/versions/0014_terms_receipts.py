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


def upgrade() -> None:
    with op.batch_alter_table("customers") as batch:
        batch.add_column(sa.Column("terms_signed_on", sa.Date(), nullable=True))
        batch.add_column(
            sa.Column("terms_version", sa.String(length=20), nullable=False, server_default="")
        )
    with op.batch_alter_table("invoices") as batch:
        batch.add_column(sa.Column("delivered_at", sa.DateTime(), nullable=True))
        batch.add_column(
            sa.Column("delivery_channel", sa.String(length=20), nullable=False, server_default="")
        )
        batch.add_column(
            sa.Column("receipt_status", sa.String(length=20), nullable=False, server_default="")
        )
        batch.add_column(
            sa.Column(
                "needs_correction", sa.Boolean(), nullable=False, server_default=sa.text("0")
            )
        )
        batch.add_column(
            sa.Column("correction_note", sa.Text(), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("invoices") as batch:
        batch.drop_column("correction_note")
        batch.drop_column("needs_correction")
        batch.drop_column("receipt_status")
        batch.drop_column("delivery_channel")
        batch.drop_column("delivered_at")
    with op.batch_alter_table("customers") as batch:
        batch.drop_column("terms_version")
        batch.drop_column("terms_signed_on")
