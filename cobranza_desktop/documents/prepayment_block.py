"""The months a prepayment covers, as the receipt and the statement print them."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from cobranza_desktop.documents.base import data_table, esc, money, para, short_date, text
from cobranza_desktop.documents.data import PrepaymentSummaryData
from cobranza_desktop.domain.i18n import _


def prepayment_block(summary: PrepaymentSummaryData, currency: str) -> Flowable:
    title = _("Pago adelantado: {description}").format(description=summary.description)
    rows = [
        [
            f"{short_date(p.start)} – {short_date(p.end)}",
            money(p.amount, currency),
            _("Facturado y pagado") if p.billed else _("Por facturar"),
        ]
        for p in summary.periods
    ]
    header = [_("Periodo cubierto"), _("Importe"), _("Estado")]
    left = _("{offer}. Queda del pago adelantado: {remaining} de {total}.").format(
        offer=summary.offer,
        remaining=money(summary.remaining, currency),
        total=money(summary.total, currency),
    )
    return KeepTogether(
        [
            text(title, "h2"),
            data_table(header, rows, [None, 36, 44], right=(1,)),
            Spacer(1, 2 * mm),
            para(esc(left), "small"),
        ]
    )
