"""The payment plan (convenio de pago) for the customer to sign: terms and schedule."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from cobranza_desktop.documents.collections_pdf import (
    BusinessHeader,
    Styles,
    build_pdf,
    table,
    text,
)
from cobranza_desktop.domain.formatting import format_date, format_long_date, format_money
from cobranza_desktop.domain.i18n import _, pgettext


@dataclass(frozen=True)
class PlanInvoiceLine:
    folio: str
    due_date: date
    balance: Decimal


@dataclass(frozen=True)
class PlanInstalmentLine:
    number: int
    due_date: date
    amount: Decimal


@dataclass(frozen=True)
class PlanDocument:
    business: BusinessHeader
    plan_number: str
    customer_name: str
    customer_tax_id: str
    created: date
    frequency_label: str
    invoices: tuple[PlanInvoiceLine, ...]
    principal: Decimal
    waived: Decimal
    down_payment: Decimal
    interest: Decimal
    total: Decimal
    grace_days: int
    instalments: tuple[PlanInstalmentLine, ...]
    notes: str = ""
    currency: str = "MXN"


def render_plan_pdf(doc: PlanDocument) -> bytes:
    s = Styles()

    def money(v: Decimal) -> str:
        return format_money(v, doc.currency)

    story: list[Flowable] = [
        Paragraph(text(_("Convenio de pago")), s.title),
        Paragraph(
            text(
                _("Convenio {plan_number} del {created}").format(
                    plan_number=doc.plan_number, created=format_long_date(doc.created)
                )
            ),
            s.body,
        ),
        Paragraph(
            text(
                _("Cliente: {customer_name}").format(customer_name=doc.customer_name)
                + (f" · RFC {doc.customer_tax_id}" if doc.customer_tax_id else "")
            ),
            s.body,
        ),
        Spacer(1, 4 * mm),
        Paragraph(text(_("Facturas incluidas")), s.h2),
        *table(
            s,
            [_("Factura"), pgettext("documents.plan", "Vencimiento"), _("Saldo")],
            [(i.folio, format_date(i.due_date), money(i.balance)) for i in doc.invoices],
            [60 * mm, 50 * mm, 50 * mm],
            right=(2,),
        ),
        Paragraph(text(_("Condiciones")), s.h2),
    ]
    terms = [
        (_("Deuda"), money(doc.principal)),
        (_("Recargos condonados"), money(doc.waived)),
        (_("Enganche"), money(doc.down_payment)),
        (_("Interés del convenio"), money(doc.interest)),
        (_("Total a pagar"), money(doc.total)),
        (_("Periodicidad"), doc.frequency_label),
        (_("Días de gracia"), str(doc.grace_days)),
    ]
    t = Table(
        [[Paragraph(text(a), s.cell), Paragraph(text(b), s.cell_right)] for a, b in terms],
        colWidths=[60 * mm, 50 * mm],
        hAlign="LEFT",
    )
    t.setStyle(TableStyle([("LINEBELOW", (0, 3), (-1, 3), 0.5, "#1f4e79")]))
    story += [
        t,
        Paragraph(text(_("Calendario de pagos")), s.h2),
        *table(
            s,
            ["#", _("Fecha"), _("Monto")],
            [
                (
                    _("Enganche") if i.number == 0 else str(i.number),
                    format_date(i.due_date),
                    money(i.amount),
                )
                for i in doc.instalments
            ],
            [30 * mm, 50 * mm, 50 * mm],
            right=(2,),
        ),
        Spacer(1, 4 * mm),
        Paragraph(
            text(
                _(
                    "Si un pago queda sin cubrir más de {grace_days} días después de su fecha, "
                    "el convenio se da por incumplido y el saldo pendiente vuelve a cobrarse "
                    "en sus términos originales."
                ).format(grace_days=doc.grace_days)
            ),
            s.body,
        ),
    ]
    if doc.notes:
        story.append(Paragraph(text(doc.notes), s.body))
    story.append(Spacer(1, 22 * mm))
    sign = Table(
        [
            ["_" * 34, "_" * 34],
            [
                Paragraph(text(doc.customer_name), s.cell),
                Paragraph(text(doc.business.name), s.cell),
            ],
        ],
        colWidths=[85 * mm, 85 * mm],
    )
    story.append(sign)
    return build_pdf(doc.business, pgettext("documents.plan", "Convenio de pago"), story)
