"""Allocations copy whether their payment still owes its REP and their invoice is PPD;
open PUE invoices get an index of their own

The REP radar counts the payments against issued PPD invoices that have no payment
receipt (REP) yet. Joining every allocation to its payment and its invoice took seconds
on a large book; with two more copied facts (``rep_open``: the payment has no REP and is
not reversed; ``on_ppd``: the invoice is issued and PPD) a partial index on the pending
allocations answers the radar's counts and first rows alone. The radar's PUE list reads
the open PUE invoices from a partial index too, not every open invoice.

Revision ID: 0021_rep_facts
Revises: 0020_fx_repair
Create Date: 2026-12-02 14:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0021_rep_facts"
down_revision: str | None = "0020_fx_repair"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Written out here, not imported: a migration must not change when the code does.
PENDING_WHERE = "active = TRUE AND is_money = TRUE AND rep_open = TRUE AND on_ppd = TRUE"
PUE_OPEN_WHERE = "lifecycle = 'issued' AND sat_payment_method = 'PUE' AND paid_cents < total_cents"


def upgrade() -> None:
    with op.batch_alter_table("allocations") as batch_op:
        batch_op.add_column(sa.Column("rep_open", sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column("on_ppd", sa.Boolean(), nullable=True))
    op.execute(
        """UPDATE allocations SET
            rep_open = (SELECT p.rep_uuid = '' AND p.reversed_at IS NULL FROM payments p
                        WHERE p.id = allocations.payment_id),
            on_ppd = (SELECT i.lifecycle = 'issued' AND i.sat_payment_method = 'PPD'
                      FROM invoices i WHERE i.id = allocations.invoice_id)"""
    )
    op.create_index(
        "ix_allocations_rep_pending",
        "allocations",
        [
            "payment_day",
            "payment_id",
            "invoice_id",
            "amount_cents",
            "active",
            "is_money",
            "rep_open",
            "on_ppd",
        ],
        sqlite_where=sa.text(PENDING_WHERE),
        postgresql_where=sa.text(PENDING_WHERE),
    )
    op.create_index(
        "ix_invoices_pue_open",
        "invoices",
        ["issue_date"],
        sqlite_where=sa.text(PUE_OPEN_WHERE),
        postgresql_where=sa.text(PUE_OPEN_WHERE),
    )


def downgrade() -> None:
    op.drop_index("ix_invoices_pue_open", table_name="invoices")
    op.drop_index("ix_allocations_rep_pending", table_name="allocations")
    with op.batch_alter_table("allocations") as batch_op:
        batch_op.drop_column("on_ppd")
        batch_op.drop_column("rep_open")
