"""Pieces shared by the collection documents (notice, letters, statement)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from reportlab.platypus import Flowable

from cobranza_desktop.documents.base import data_table, money, short_date
from cobranza_desktop.documents.data import OverdueInvoiceData
from cobranza_desktop.domain.i18n import _


def overdue_table(items: Sequence[OverdueInvoiceData], currency: str, total: Decimal) -> Flowable:
    """Overdue invoices with their days late, and the total still owed."""
    rows: list[list[object]] = [
        [
            item.number,
            short_date(item.issue_date),
            short_date(item.due_date),
            str(item.days_late),
            money(item.total, currency),
            money(item.balance, currency),
        ]
        for item in items
    ]
    rows.append(["", "", "", "", _("Total"), money(total, currency)])
    header = [
        _("Factura"),
        _("Emisión"),
        _("Vencimiento"),
        _("Días de atraso"),
        _("Importe"),
        _("Saldo"),
    ]
    return data_table(
        header,
        rows,
        [None, 22, 24, 22, 30, 30],
        right=(3, 4, 5),
        bold_rows=frozenset({len(rows) - 1}),
    )


def instalments_text(amounts: Sequence[Decimal], currency: str) -> str:
    """``6 × $1,000.00`` or, when the cents do not divide evenly,
    ``2 × $1,000.01 + 4 × $1,000.00`` (exact to the cent)."""
    groups: list[tuple[Decimal, int]] = []
    for amount in amounts:
        if groups and groups[-1][0] == amount:
            groups[-1] = (amount, groups[-1][1] + 1)
        else:
            groups.append((amount, 1))
    return " + ".join(f"{count} × {money(amount, currency)}" for amount, count in groups)
