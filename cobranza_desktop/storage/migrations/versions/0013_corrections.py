"""The corrections log (reversals, re-allocations, drafts, extensions: who, when, why)

Revision ID: 0013_corrections
Revises: 0014_terms_receipts
Create Date: 2026-12-01 23:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013_corrections"
down_revision: str | None = "0014_terms_receipts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "correction_log",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("customer_id", sa.Integer(), sa.ForeignKey("customers.id"), nullable=False),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("subject", sa.String(80), nullable=False, server_default=""),
        sa.Column("reason", sa.Text(), nullable=False, server_default=""),
        sa.Column("details", sa.Text(), nullable=False, server_default=""),
        sa.Column("author", sa.String(80), nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index(
        "ix_correction_log_customer_time", "correction_log", ["customer_id", "created_at"]
    )


def downgrade() -> None:
    op.drop_index("ix_correction_log_customer_time", table_name="correction_log")
    op.drop_table("correction_log")
