"""Risk tallies per customer, and an index of settled invoices by due date

Revision ID: 0011_perf
Revises: 0016_polish
Create Date: 2026-12-01 23:00:00

The agenda rated every debtor by reading each of their invoices and its last payment
(most of its time on a big book). The tally keeps the sums instead, per customer, and
the services keep it in the same transaction as the records (storage/risk_tallies.py).
"""

from collections.abc import Sequence
from datetime import date

import sqlalchemy as sa
from alembic import op

revision: str = "0011_perf"
down_revision: str | None = "0016_polish"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SETTLED = (
    "kind = 'invoice' AND lifecycle = 'issued' AND total_cents > 0 AND paid_cents >= total_cents"
)


def _as_date(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _backfill() -> None:
    # Self-contained (no models): the tallies as storage/risk_tallies.py computes them.
    connection = op.get_bind()
    rows = connection.execute(
        sa.text(
            "SELECT i.customer_id, i.due_date, MAX(p.payment_date) FROM invoices i"
            " JOIN allocations a ON a.invoice_id = i.id AND a.active"
            " JOIN payments p ON p.id = a.payment_id"
            f" WHERE {SETTLED.replace('kind', 'i.kind')}"
            " GROUP BY i.id, i.customer_id, i.due_date"
        )
    )
    sums: dict[int, list] = {}
    for customer_id, due, paid in rows:
        due, paid = _as_date(due), _as_date(paid)
        days = max(0, (paid - due).days)
        entry = sums.setdefault(customer_id, [0, 0, 0, 0, paid])
        entry[0] += 1
        entry[1] += days > 0
        entry[2] += days
        entry[3] = max(entry[3], days)
        entry[4] = max(entry[4], paid)
    values = [
        {"c": cid, "n": n, "l": late, "d": days, "w": worst, "p": last}
        for cid, (n, late, days, worst, last) in sorted(sums.items())
    ]
    if values:
        connection.execute(
            sa.text(
                "INSERT INTO risk_tallies (customer_id, settled_count, late_count, days_late,"
                " max_days_late, last_paid_on) VALUES (:c, :n, :l, :d, :w, :p)"
            ),
            values,
        )


def upgrade() -> None:
    op.create_table(
        "risk_tallies",
        sa.Column("customer_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("settled_count", sa.Integer(), nullable=False),
        sa.Column("late_count", sa.Integer(), nullable=False),
        sa.Column("days_late", sa.Integer(), nullable=False),
        sa.Column("max_days_late", sa.Integer(), nullable=False),
        sa.Column("last_paid_on", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("customer_id", name=op.f("pk_risk_tallies")),
    )
    op.create_index(
        "ix_invoices_settled_due",
        "invoices",
        ["due_date", "customer_id"],
        sqlite_where=sa.text(SETTLED),
        postgresql_where=sa.text(SETTLED),
    )
    _backfill()


def downgrade() -> None:
    op.drop_index("ix_invoices_settled_due", table_name="invoices")
    op.drop_table("risk_tallies")
