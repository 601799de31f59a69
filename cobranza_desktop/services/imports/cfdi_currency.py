"""A CFDI import's amounts in the book's currency (MXN), each invoice in its own.

A P document's chain (ImpSaldoAnt, ImpPagado) is in the document's currency; the book
keeps MXN cents at the invoice's TipoCambio (the rule is ``domain/currency.py``).
"""

from __future__ import annotations

from decimal import Decimal

from cobranza_desktop.domain.currency import (
    foreign_balance_cents,
    foreign_paid_cents,
    instalment_book_cents,
    is_foreign,
)
from cobranza_desktop.imports.cfdi import RelatedDocument
from cobranza_desktop.services.imports.cfdi_rows import AnyInvoice


def rate_of(currency: str, rate: Decimal | None) -> Decimal | None:
    """A foreign document's TipoCambio (None for MXN, or when it is missing or not positive)."""
    if not is_foreign(currency) or rate is None or rate <= 0:
        return None
    return rate


def doc_rate(pago_rate: Decimal | None, doc: RelatedDocument) -> Decimal:
    """MXN per unit of the document's currency: the payment's rate over EquivalenciaDR."""
    return (pago_rate or Decimal(1)) / (doc.equivalence or Decimal(1))


def invoice_rate(invoice: AnyInvoice) -> Decimal | None:
    return invoice.exchange_rate if invoice.foreign_total_cents is not None else None


def own_balance(invoice: AnyInvoice) -> int:
    """What the invoice owes in its own currency (the chain of a P is in that currency)."""
    rate = invoice_rate(invoice)
    if rate is None or invoice.foreign_total_cents is None:
        return invoice.total_cents - invoice.paid_cents
    return foreign_balance_cents(
        invoice.foreign_total_cents, invoice.total_cents, invoice.paid_cents, rate
    )


def book_part(invoice: AnyInvoice, cents: int) -> int:
    """MXN cents of an instalment of ``cents`` in the invoice's currency: the last one
    takes exactly what is left, so a fully paid invoice is closed to the cent."""
    rate = invoice_rate(invoice)
    if rate is None:
        return cents
    if cents >= own_balance(invoice):
        return invoice.total_cents - invoice.paid_cents
    paid_before = foreign_paid_cents(invoice.paid_cents, rate)
    return instalment_book_cents(paid_before, cents, rate)
