"""Foreign REP parts that wait keep their provisional MXN; 0019's phantom credit removed

Revision ID: 0020_fx_repair
Revises: 0019_intake2
Create Date: 2026-12-02 08:00:00

A P's part for a foreign invoice not in the book yet is held in MXN at the payment's
rate; ``cfdi_pending_allocations.book_cents`` keeps that figure, so that the payment can
trade it for the part at the invoice's rate when the invoice arrives (the book is then
the same in whichever order the two are imported). Rows from before stay NULL and keep
the old rule (the part capped at what the payment holds).

0019 converted an undone (inactive) allocation of a foreign invoice to MXN and added its
shift to the payment's amount, as if that money were still free. When it had been
applied again (undone, then re-applied: the active allocation was converted too), the
same money was counted twice and showed as credit the customer never paid. Here each
such payment's free part is recomputed: what was free before 0019 (today's free part
less 0019's shifts), of which only what the undone allocations can account for is
converted at their invoice's rate. A payment is only ever lowered, never below what it
applied; a book without undone foreign allocations is not touched.
"""

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

import sqlalchemy as sa
from alembic import op

revision: str = "0020_fx_repair"
down_revision: str | None = "0019_intake2"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# The rounding of ``domain/currency.py`` written out, as in 0019: a migration does not
# import the program, which will change after it.
def _book(cents: int, rate: Decimal) -> int:
    return int((Decimal(cents) * rate).to_integral_value(rounding=ROUND_HALF_UP))


def _own(cents: int, rate: Decimal) -> int:
    return int((Decimal(cents) / rate).to_integral_value(rounding=ROUND_HALF_UP))


def repaired_amount(
    amount: int, allocated: int, undone: Sequence[tuple[int, Decimal]]
) -> int | None:
    """The payment's amount without 0019's double count, or None when it is right.

    ``undone``: the payment's inactive allocations of foreign invoices (MXN cents as 0019
    left them, the invoice's rate), oldest first."""
    converted = []
    for new, rate in undone:
        old = _own(new, rate)
        # 0019 wrote _book(old) (at least 1): a figure that does not convert back is not its.
        if rate > 0 and max(_book(old, rate), 1) == new:
            converted.append((old, new, rate))
    if not converted:
        return None
    free_before = amount - allocated - sum(new - old for old, new, _ in converted)
    left = max(free_before, 0)
    free = free_before
    for old, new, rate in converted:
        taken = min(old, left)  # the undone money still free: converted once
        left -= taken
        free += (new if taken == old else _book(taken, rate)) - taken
    repaired = allocated + max(free, 0)
    return repaired if repaired < amount else None


def upgrade() -> None:
    op.add_column(
        "cfdi_pending_allocations", sa.Column("book_cents", sa.Integer(), nullable=True)
    )
    connection = op.get_bind()
    rows = connection.execute(
        sa.text(
            "SELECT a.payment_id, a.amount_cents, i.exchange_rate FROM allocations a"
            " JOIN invoices i ON i.id = a.invoice_id"
            " WHERE NOT a.active AND i.foreign_total_cents IS NOT NULL"
            " AND i.exchange_rate IS NOT NULL ORDER BY a.payment_id, a.id"
        )
    ).all()
    undone: dict[int, list[tuple[int, Decimal]]] = {}
    for payment_id, cents, rate in rows:
        undone.setdefault(payment_id, []).append((cents, Decimal(str(rate))))
    for payment_id, items in undone.items():
        amount, allocated = connection.execute(
            sa.text("SELECT amount_cents, allocated_cents FROM payments WHERE id = :i"),
            {"i": payment_id},
        ).one()
        repaired = repaired_amount(amount, allocated, items)
        if repaired is not None:
            connection.execute(
                sa.text("UPDATE payments SET amount_cents = :a WHERE id = :i"),
                {"a": repaired, "i": payment_id},
            )


def downgrade() -> None:
    # The repaired amounts stay: they are the right ones under 0019 too.
    op.drop_column("cfdi_pending_allocations", "book_cents")
