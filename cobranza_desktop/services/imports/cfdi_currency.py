"""An import's amounts in the book's currency (MXN), each invoice in its own.

A P document's chain (ImpSaldoAnt, ImpPagado) is in the document's currency; the book
keeps MXN cents at the invoice's TipoCambio (the rule is ``domain/currency.py``). The
spreadsheet import books a row in USD the same way, through these same functions.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any, NamedTuple, Protocol

from cobranza_desktop.domain.currency import (
    foreign_balance_cents,
    foreign_paid_cents,
    instalment_book_cents,
    is_foreign,
    to_book_cents,
)
from cobranza_desktop.domain.money import to_cents
from cobranza_desktop.imports.cfdi import CfdiRecord, RelatedDocument


class ForeignAmounts(Protocol):
    """An invoice booked or about to be (a row of the CFDI or the spreadsheet import)."""

    @property
    def total_cents(self) -> int: ...
    @property
    def paid_cents(self) -> int: ...
    @property
    def foreign_total_cents(self) -> int | None: ...
    @property
    def exchange_rate(self) -> Decimal | None: ...


class BookedTotal(NamedTuple):
    """A document's total as the book keeps it: MXN cents, and its own when foreign.
    (A named tuple: one per imported invoice, a third of a frozen dataclass's cost.)"""

    total_cents: int
    foreign_total_cents: int | None
    exchange_rate: Decimal | None


def booked_total(currency: str, rate: Decimal | None, own_cents: int) -> BookedTotal | None:
    """The MXN the book carries for a document of ``own_cents`` in ``currency``, rounded
    once; None when it is foreign and has no positive rate to convert it with."""
    usable = rate_of(currency, rate)
    if is_foreign(currency) and usable is None:
        return None
    return BookedTotal(
        to_book_cents(own_cents, usable), own_cents if usable is not None else None, usable
    )


_FOREIGN_PART_COLUMNS = (
    "foreign_subtotal_cents",
    "foreign_discount_cents",
    "foreign_tax_cents",
    "foreign_withheld_tax_cents",
)
_NO_FOREIGN_PARTS: dict[str, int | None] = dict.fromkeys(_FOREIGN_PART_COLUMNS)


def invoice_parts(record: CfdiRecord, rate: Decimal | None) -> dict[str, Any]:
    """An invoice's SubTotal, Descuento and taxes as its row keeps them: MXN cents (at
    ``rate`` when foreign), and for a foreign one the stamped cents too, which the MXN
    cannot give back at a rate under 1 (one MXN cent is several of its cents)."""
    # An absent discount or tax is zero at any rate (and costs no conversion).
    stamped = (record.subtotal, record.discount, record.transferred_tax, record.withheld_tax)
    own = [to_cents(a) if a else 0 for a in stamped]
    s, d, t, w = own if rate is None else [to_book_cents(c, rate) if c else 0 for c in own]
    return {
        "subtotal_cents": s,
        "discount_cents": d,
        "tax_cents": t,
        "withheld_tax_cents": w,
        **foreign_parts(None if rate is None else own),
    }


def foreign_parts(own: Sequence[int] | int | None) -> dict[str, int | None]:
    """The row's stamped SubTotal, Descuento, taxes and withholdings in its own currency:
    None for an MXN row; a foreign total alone (a sheet row) is its SubTotal."""
    if own is None:
        return _NO_FOREIGN_PARTS
    if isinstance(own, int):
        own = (own, 0, 0, 0)
    return dict(zip(_FOREIGN_PART_COLUMNS, own, strict=True))


def rate_of(currency: str, rate: Decimal | None) -> Decimal | None:
    """A foreign document's TipoCambio (None for MXN, or when it is missing or not positive)."""
    if not is_foreign(currency) or rate is None or rate <= 0:
        return None
    return rate


def doc_rate(pago_rate: Decimal | None, doc: RelatedDocument) -> Decimal:
    """MXN per unit of the document's currency: the payment's rate over EquivalenciaDR."""
    return (pago_rate or Decimal(1)) / (doc.equivalence or Decimal(1))


def invoice_rate(invoice: ForeignAmounts) -> Decimal | None:
    return invoice.exchange_rate if invoice.foreign_total_cents is not None else None


def own_balance(invoice: ForeignAmounts) -> int:
    """What the invoice owes in its own currency (the chain of a P is in that currency)."""
    return own_balance_after(invoice, 0)


def book_part(invoice: ForeignAmounts, cents: int) -> int:
    """MXN cents of an instalment of ``cents`` in the invoice's currency: the last one
    takes exactly what is left, so a fully paid invoice is closed to the cent."""
    rate = invoice_rate(invoice)
    if rate is None:
        return cents
    if cents >= own_balance(invoice):
        return invoice.total_cents - invoice.paid_cents
    paid_before = foreign_paid_cents(invoice.paid_cents, rate)
    return instalment_book_cents(paid_before, cents, rate)


def own_balance_after(invoice: ForeignAmounts, paid_cents: int) -> int:
    """What the invoice would owe in its own currency once ``paid_cents`` MXN are applied."""
    rate = invoice_rate(invoice)
    left = invoice.total_cents - invoice.paid_cents - paid_cents
    if rate is None or invoice.foreign_total_cents is None:
        return left
    return foreign_balance_cents(
        invoice.foreign_total_cents, invoice.total_cents, invoice.paid_cents + paid_cents, rate
    )
