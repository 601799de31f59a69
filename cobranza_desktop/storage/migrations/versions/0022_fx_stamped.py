"""A foreign invoice keeps all its stamped amounts; penalty charges by invoice and period end

Revision ID: 0022_fx_stamped
Revises: 0021_rep_facts
Create Date: 2026-12-02 19:00:00

A foreign CFDI kept only its stamped total; its SubTotal, Descuento and taxes were worked
back from the MXN the book carries (``round(MXN / rate)``). That is exact for a rate of 1
or more, but for a currency worth less than a peso one MXN cent stands for several of its
cents, and the invoice printed them cents off. From here the import keeps each stamped
amount, in cents of the document's currency, beside the MXN (which do not change).

The existing foreign invoices are filled by the rule the program printed them with until
now: each amount worked back from its MXN, half up, and the SubTotal made to add up to the
stamped total when those do not. What cannot be recovered: at a rate under 1, the cents
lost in the MXN rounding (up to half of ``1 / rate`` cents per amount); the book never
kept the XML (``cfdi_documents`` keeps its total and its file's path, and a migration does
not read the owner's files). Importing the XML again cannot fix such a row either (its
UUID is already in the book), so those rows keep printing as they did.

The penalty proposal's "interest still owed" read groups every charge by invoice for its
latest ``period_end``, from the table: an index on (invoice_id, period_end) answers it
from the index alone.
"""

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

import sqlalchemy as sa
from alembic import op

revision: str = "0022_fx_stamped"
down_revision: str | None = "0021_rep_facts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_COLUMNS = (
    "foreign_subtotal_cents",
    "foreign_discount_cents",
    "foreign_tax_cents",
    "foreign_withheld_tax_cents",
)


# The rounding of ``domain/currency.py`` written out, as in 0019: a migration does not
# import the program, which will change after it.
def _own(cents: int, rate: Decimal) -> int:
    return int((Decimal(cents) / rate).to_integral_value(rounding=ROUND_HALF_UP))


def recovered(
    foreign_total: int, rate: Decimal, subtotal: int, discount: int, tax: int, withheld: int
) -> tuple[int, int, int, int]:
    """An old row's SubTotal, Descuento, taxes and withholdings in its own currency, as
    the invoice printed them before 0022 (``services/documents/invoice_parts.py``)."""
    own_discount, own_tax, own_withheld = _own(discount, rate), _own(tax, rate), _own(withheld, rate)
    own_subtotal = _own(subtotal, rate)
    net = foreign_total - own_tax + own_withheld
    if own_subtotal - own_discount != net:
        own_subtotal = net + own_discount
    return own_subtotal, own_discount, own_tax, own_withheld


def upgrade() -> None:
    # Plain ADD COLUMNs (no batch copy: the invoices table is the book's largest).
    for name in _COLUMNS:
        op.add_column("invoices", sa.Column(name, sa.Integer(), nullable=True))
    connection = op.get_bind()
    rows = connection.execute(
        sa.text(
            "SELECT id, foreign_total_cents, exchange_rate, subtotal_cents, discount_cents,"
            " tax_cents, withheld_tax_cents FROM invoices"
            " WHERE foreign_total_cents IS NOT NULL AND exchange_rate IS NOT NULL"
        )
    ).all()
    for invoice_id, foreign_total, rate, subtotal, discount, tax, withheld in rows:
        rate = Decimal(str(rate))
        if rate <= 0:
            continue  # never booked so (booked_total refuses it): left as it was
        values = recovered(foreign_total, rate, subtotal, discount, tax, withheld)
        connection.execute(
            sa.text(
                "UPDATE invoices SET foreign_subtotal_cents = :s, foreign_discount_cents = :d,"
                " foreign_tax_cents = :t, foreign_withheld_tax_cents = :w WHERE id = :i"
            ),
            {"s": values[0], "d": values[1], "t": values[2], "w": values[3], "i": invoice_id},
        )
    op.create_index(
        "ix_penalty_charges_invoice_end", "penalty_charges", ["invoice_id", "period_end"]
    )


def downgrade() -> None:
    op.drop_index("ix_penalty_charges_invoice_end", table_name="penalty_charges")
    # In place, as 0019's downgrade: a batch rebuild of invoices is refused by the keys.
    for name in reversed(_COLUMNS):
        op.drop_column("invoices", name)
