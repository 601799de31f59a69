"""An invoice as document data: in its own currency, with what the book carries.

A program invoice prints its book amounts. An imported CFDI prints its amounts as
stamped: its SubTotal before the Descuento, its transferred and withheld taxes, and, in
a foreign currency (a USD CFDI), every figure in that currency, with the exchange rate
and the MXN equivalent the book carries. Its stamped amounts are kept beside the MXN
(``foreign_total_cents``, ``foreign_subtotal_cents``…: migration 0022), since at a rate
under 1 the MXN cannot give them back to the cent; only what was paid, money in MXN, is
converted back (``domain/currency.to_own_cents``).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from cobranza_desktop.documents.data import InvoiceData, InvoiceLineData, TaxData
from cobranza_desktop.domain.currency import to_own_cents
from cobranza_desktop.domain.errors import NotFoundError, ValidationError
from cobranza_desktop.domain.formatting import (
    format_date,
    format_money,
    format_percent,
    format_rate,
)
from cobranza_desktop.domain.i18n import gettext
from cobranza_desktop.domain.invoices import InvoiceKind, Lifecycle
from cobranza_desktop.domain.money import from_cents
from cobranza_desktop.services.billing.invoices import get_invoice_by_number, invoice_view
from cobranza_desktop.services.documents.parts import business_data, currency_of, customer_info
from cobranza_desktop.storage.models import Invoice


def printable_invoice(session: Session, number: str) -> Invoice:
    """The invoice "SERIES-FOLIO", or an imported one by its own number."""
    try:
        return get_invoice_by_number(session, number)
    except (NotFoundError, ValidationError):
        imported = session.scalars(
            select(Invoice)
            .where(Invoice.folio.is_(None), Invoice.external_number == number.strip())
            .where(Invoice.lifecycle != Lifecycle.DRAFT.value)
            .order_by(Invoice.id)
        ).first()
        if imported is None:
            raise
        return imported


def original_amount(currency: str, foreign_total_cents: int | None, rate: Decimal | None) -> str:
    """A foreign document named where the book lists it in MXN: "USD 3,248.00 a 18.9008"."""
    if foreign_total_cents is None or rate is None:
        return ""
    return gettext("{amount} a {rate}").format(
        amount=format_money(from_cents(foreign_total_cents), currency), rate=format_rate(rate)
    )


def _terms(issued: date, due: date) -> str:
    days = (due - issued).days
    if days <= 0:
        return gettext("Pago de contado.")
    return gettext("Crédito a {days} días: vence el {due_date}.").format(
        days=days, due_date=format_date(due)
    )


def invoice_document(session: Session, invoice: Invoice, today: date) -> InvoiceData:
    view = invoice_view(invoice, today)
    rates = {line.tax_rate_percent for line in view.lines}
    tax_label = gettext("IVA")
    if len(rates) == 1:
        tax_label += " " + format_percent(next(iter(rates)))
    foreign = invoice.foreign_total_cents
    rate = invoice.exchange_rate if foreign is not None else None

    def own(cents: int, stamped_cents: int | None = None) -> Decimal:
        """A foreign amount as stamped; worked back from its MXN if a row lacks it."""
        if stamped_cents is not None and rate is not None:
            return from_cents(stamped_cents)
        return from_cents(to_own_cents(cents, rate))

    total = from_cents(foreign) if foreign is not None else view.total
    if invoice.paid_cents >= invoice.total_cents:
        paid = total
    else:  # the paid part converted back, as the invoice's own balance counts it
        paid = min(total, own(invoice.paid_cents))
    tax = own(invoice.tax_cents, invoice.foreign_tax_cents)
    withheld = own(invoice.withheld_tax_cents, invoice.foreign_withheld_tax_cents)
    taxes = [TaxData(tax_label, tax)]
    if withheld:
        taxes.append(TaxData(gettext("Retenciones"), -withheld))
    stamped = invoice.folio is None  # imported: as the document was stamped
    discount = own(invoice.discount_cents, invoice.foreign_discount_cents)
    subtotal = own(invoice.subtotal_cents, invoice.foreign_subtotal_cents)
    net = total - tax + withheld
    if stamped and subtotal - discount != net:
        subtotal = net + discount  # a file whose parts do not add up prints ones that do
    elif not stamped:
        subtotal = net
    return InvoiceData(
        business=business_data(session),
        customer=customer_info(invoice.customer),
        number=view.number,
        issue_date=view.issue_date,
        due_date=view.due_date,
        lines=tuple(
            InvoiceLineData(
                description=line.description,
                quantity=line.quantity,
                unit_price=line.unit_price,
                amount=line.amount,
                discount_percent=line.discount_percent,
            )
            for line in view.lines
        ),
        subtotal=subtotal,
        taxes=tuple(taxes),
        total=total,
        discount=discount,
        currency=invoice.currency if rate is not None else currency_of(session),
        payment_terms=_terms(view.issue_date, view.due_date),
        notes=view.notes,
        cfdi_uuid=view.cfdi_uuid or None,
        amount_paid=paid,
        is_late_charge=view.kind is InvoiceKind.LATE_CHARGE,
        voided=view.voided_at is not None,
        subtotal_before_discount=stamped,
        exchange_rate=rate,
        book_currency=currency_of(session),
        book_total=view.total,
        book_balance=view.balance,
    )
