"""Foreign-currency invoices booked in MXN at their TipoCambio, their stamped total kept

Revision ID: 0019_intake2
Revises: 0010_audit_users
Create Date: 2026-12-02 02:00:00

Before this revision a USD invoice's cents were USD cents, summed with MXN ones. Its
stamped total moves to ``foreign_total_cents`` and its amounts (and the allocations to
it, and the payments those allocations come from) become MXN cents, with the rounding
rule of ``domain/currency.py`` (written out here: a migration does not import the
program, which will change after it).
"""

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

import sqlalchemy as sa
from alembic import op

revision: str = "0019_intake2"
down_revision: str | None = "0010_audit_users"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _book(cents: int, rate: Decimal) -> int:
    return int((Decimal(cents) * rate).to_integral_value(rounding=ROUND_HALF_UP))


def upgrade() -> None:
    op.add_column("invoices", sa.Column("foreign_total_cents", sa.Integer(), nullable=True))
    connection = op.get_bind()
    foreign = connection.execute(
        sa.text(
            "SELECT id, exchange_rate, subtotal_cents, discount_cents, tax_cents,"
            " withheld_tax_cents, total_cents FROM invoices"
            " WHERE currency NOT IN ('', 'MXN', 'XXX') AND exchange_rate IS NOT NULL"
        )
    ).all()
    for invoice_id, rate_text, subtotal, discount, tax, withheld, total in foreign:
        rate = Decimal(rate_text)
        paid_foreign = 0
        paid_book = 0
        allocations = connection.execute(
            sa.text(
                "SELECT id, payment_id, amount_cents, active FROM allocations"
                " WHERE invoice_id = :i ORDER BY id"
            ),
            {"i": invoice_id},
        ).all()
        for allocation_id, payment_id, cents, active in allocations:
            if active:
                # Cumulative: the instalments add up to the converted total.
                new = _book(paid_foreign + cents, rate) - _book(paid_foreign, rate)
                paid_foreign += cents
                paid_book += new
            else:
                new = _book(cents, rate)
            new = max(new, 1)
            connection.execute(
                sa.text("UPDATE allocations SET amount_cents = :c WHERE id = :i"),
                {"c": new, "i": allocation_id},
            )
            shift = new - cents
            allocated = shift if active else 0
            connection.execute(
                sa.text(
                    "UPDATE payments SET amount_cents = amount_cents + :s,"
                    " allocated_cents = allocated_cents + :a WHERE id = :i"
                ),
                {"s": shift, "a": allocated, "i": payment_id},
            )
        connection.execute(
            sa.text(
                "UPDATE invoices SET foreign_total_cents = :ft, total_cents = :t,"
                " subtotal_cents = :s, discount_cents = :d, tax_cents = :x,"
                " withheld_tax_cents = :w, paid_cents = :p WHERE id = :i"
            ),
            {
                "ft": total,
                "t": _book(total, rate),
                "s": _book(subtotal, rate),
                "d": _book(discount, rate),
                "x": _book(tax, rate),
                "w": _book(withheld, rate),
                "p": min(paid_book, _book(total, rate)),
                "i": invoice_id,
            },
        )


def downgrade() -> None:
    # A plain DROP COLUMN (SQLite 3.35+ and PostgreSQL): a batch copy would drop and
    # rebuild the invoices table, which the foreign keys refuse. The amounts stay in MXN.
    op.drop_column("invoices", "foreign_total_cents")
