"""Allocations carry their payment's and invoice's facts, for the indicators

Each allocation copies the payment's customer, date and whether it is money (not a
discount), and the invoice's issue and due dates and whether it is a sale (not a late
charge), with dates as integer day numbers (``date.toordinal``). One covering index then
answers the indicators' sums over date ranges without a payment or an invoice lookup per
allocation. Covering indexes on payments and invoices do the same for money received and sales
per day.

Revision ID: 0016_polish
Revises: 0014_terms_receipts
Create Date: 2026-12-01 23:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016_polish"
down_revision: str | None = "0013_corrections"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = ("customer_id", "payment_day", "issue_day", "due_day", "is_money", "on_invoice")


def _day(column: str) -> str:
    """SQL for a date column as its day number, the same as Python's date.toordinal()."""
    # Written out here, not imported: a migration must not change when the code does.
    if op.get_bind().dialect.name == "sqlite":
        return f"CAST(julianday({column}) - 1721424.5 AS INTEGER)"
    return f"(({column}) - DATE '0001-01-01' + 1)"


def upgrade() -> None:
    with op.batch_alter_table("allocations") as batch_op:
        batch_op.add_column(sa.Column("customer_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("payment_day", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("issue_day", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("due_day", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("is_money", sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column("on_invoice", sa.Boolean(), nullable=True))
    op.execute(
        f"""UPDATE allocations SET
            customer_id = (SELECT p.customer_id FROM payments p WHERE p.id = allocations.payment_id),
            payment_day = (SELECT {_day("p.payment_date")} FROM payments p
                           WHERE p.id = allocations.payment_id),
            is_money = (SELECT p.method != 'discount' FROM payments p
                        WHERE p.id = allocations.payment_id),
            issue_day = (SELECT {_day("i.issue_date")} FROM invoices i
                         WHERE i.id = allocations.invoice_id),
            due_day = (SELECT {_day("i.due_date")} FROM invoices i
                       WHERE i.id = allocations.invoice_id),
            on_invoice = (SELECT i.kind = 'invoice' FROM invoices i
                          WHERE i.id = allocations.invoice_id)"""
    )
    op.create_index(
        "ix_allocations_facts",
        "allocations",
        [
            "payment_day",
            "active",
            "is_money",
            "on_invoice",
            "customer_id",
            "issue_day",
            "due_day",
            "amount_cents",
        ],
    )
    op.create_index(
        "ix_payments_money_day",
        "payments",
        ["payment_date", "method", "reversed_at", "amount_cents"],
    )

    op.create_index(
        "ix_invoices_sales", "invoices", ["issue_date", "kind", "lifecycle", "total_cents"]
    )


def downgrade() -> None:
    op.drop_index("ix_invoices_sales", table_name="invoices")
    op.drop_index("ix_payments_money_day", table_name="payments")
    op.drop_index("ix_allocations_facts", table_name="allocations")
    with op.batch_alter_table("allocations") as batch_op:
        for column in reversed(COLUMNS):
            batch_op.drop_column(column)
