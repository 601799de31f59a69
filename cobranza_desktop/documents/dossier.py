"""The agency dossier (expediente): everything an agency or a lawyer needs, in one PDF.

Statement of account, open invoices, the whole contact history, promises and plans,
plus a CSV of the invoices. Plain data in, bytes out.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from cobranza_desktop.documents.collections_pdf import (
    BusinessHeader,
    Styles,
    build_pdf,
    table,
    text,
)
from cobranza_desktop.domain.formatting import format_date, format_datetime, format_money
from cobranza_desktop.domain.i18n import _


@dataclass(frozen=True)
class StatementLine:
    day: date
    document: str
    description: str
    charge: Decimal
    payment: Decimal
    balance: Decimal


@dataclass(frozen=True)
class DossierInvoice:
    folio: str
    issue_date: date
    due_date: date
    total: Decimal
    paid: Decimal
    balance: Decimal
    days_past_due: int
    status: str


@dataclass(frozen=True)
class DossierContact:
    moment: datetime
    channel: str
    outcome: str
    reason: str
    notes: str
    next_action: date | None


@dataclass(frozen=True)
class DossierPromise:
    created: date
    amount: Decimal
    promised_date: date
    status: str


@dataclass(frozen=True)
class DossierPlan:
    number: str
    created: date
    total: Decimal
    paid: Decimal
    status: str
    instalments: int


@dataclass(frozen=True)
class Dossier:
    business: BusinessHeader
    as_of: date
    customer_name: str
    customer_tax_id: str
    customer_contact: str  # phone, email, address, already joined for display
    customer_status: str
    balance: Decimal
    statement: tuple[StatementLine, ...]
    invoices: tuple[DossierInvoice, ...]
    contacts: tuple[DossierContact, ...]
    promises: tuple[DossierPromise, ...]
    plans: tuple[DossierPlan, ...]
    currency: str = "MXN"


def render_dossier_pdf(d: Dossier) -> bytes:
    s = Styles()

    def money(v: Decimal) -> str:
        return format_money(v, d.currency)

    as_of = format_date(d.as_of)
    story: list[Flowable] = [
        Paragraph(text(_("Expediente de cobranza")), s.title),
        Paragraph(
            text(
                f"{d.customer_name}" + (f" · RFC {d.customer_tax_id}" if d.customer_tax_id else "")
            ),
            s.body,
        ),
        Paragraph(text(d.customer_contact), s.small),
        Paragraph(
            text(
                _("Saldo al {as_of}: {balance} · Estado: {customer_status}").format(
                    as_of=as_of, balance=money(d.balance), customer_status=d.customer_status
                )
            ),
            s.body,
        ),
        Spacer(1, 3 * mm),
        Paragraph(text(_("Estado de cuenta")), s.h2),
        *table(
            s,
            [
                _("Fecha"),
                _("Documento"),
                _("Concepto"),
                _("Cargo"),
                _("Abono"),
                _("Saldo"),
            ],
            [
                (
                    format_date(x.day),
                    x.document,
                    x.description,
                    money(x.charge) if x.charge else "",
                    money(x.payment) if x.payment else "",
                    money(x.balance),
                )
                for x in d.statement
            ],
            [20 * mm, 24 * mm, 50 * mm, 26 * mm, 26 * mm, 28 * mm],
            right=(3, 4, 5),
        ),
        Paragraph(text(_("Facturas abiertas")), s.h2),
        *table(
            s,
            [
                _("Factura"),
                _("Emisión"),
                _("Vence"),
                _("Total"),
                _("Pagado"),
                _("Saldo"),
                _("Días"),
            ],
            [
                (
                    i.folio,
                    format_date(i.issue_date),
                    format_date(i.due_date),
                    money(i.total),
                    money(i.paid),
                    money(i.balance),
                    str(i.days_past_due),
                )
                for i in d.invoices
            ],
            [24 * mm, 20 * mm, 20 * mm, 27 * mm, 27 * mm, 27 * mm, 13 * mm],
            right=(3, 4, 5, 6),
        ),
        Paragraph(text(_("Historial de contactos")), s.h2),
        *table(
            s,
            [
                _("Fecha"),
                _("Canal"),
                _("Resultado"),
                _("Motivo"),
                _("Notas"),
                _("Siguiente"),
            ],
            [
                (
                    format_datetime(c.moment),
                    c.channel,
                    c.outcome,
                    c.reason,
                    c.notes,
                    format_date(c.next_action) if c.next_action else "",
                )
                for c in d.contacts
            ],
            [26 * mm, 20 * mm, 24 * mm, 30 * mm, 56 * mm, 18 * mm],
        ),
        Paragraph(text(_("Promesas de pago")), s.h2),
        *table(
            s,
            [
                _("Dada el"),
                _("Monto"),
                _("Fecha prometida"),
                _("Estado"),
            ],
            [
                (format_date(p.created), money(p.amount), format_date(p.promised_date), p.status)
                for p in d.promises
            ],
            [35 * mm, 35 * mm, 35 * mm, 35 * mm],
            right=(1,),
        ),
        Paragraph(text(_("Convenios de pago")), s.h2),
        *table(
            s,
            [
                _("Convenio"),
                _("Fecha"),
                _("Pagos"),
                _("Total"),
                _("Pagado"),
                _("Estado"),
            ],
            [
                (
                    p.number,
                    format_date(p.created),
                    str(p.instalments),
                    money(p.total),
                    money(p.paid),
                    p.status,
                )
                for p in d.plans
            ],
            [24 * mm, 24 * mm, 20 * mm, 32 * mm, 32 * mm, 30 * mm],
            right=(2, 3, 4),
        ),
    ]
    return build_pdf(d.business, _("Expediente de cobranza"), story)


def invoices_csv(invoices: tuple[DossierInvoice, ...] | list[DossierInvoice]) -> str:
    """The invoices as CSV: exact decimal amounts, ISO dates, for the agency's systems."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        ["folio", "issue_date", "due_date", "total", "paid", "balance", "days_past_due", "status"]
    )
    for i in invoices:
        writer.writerow(
            [
                i.folio,
                i.issue_date.isoformat(),
                i.due_date.isoformat(),
                str(i.total),
                str(i.paid),
                str(i.balance),
                i.days_past_due,
                i.status,
            ]
        )
    return out.getvalue()
