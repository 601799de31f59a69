"""Documents in a foreign currency, kept in the book's currency (MXN).

The book sums one currency. A CFDI in USD (or any currency but MXN) is booked in MXN at
its own ``TipoCambio``, kept exactly as a ``Decimal``; the document keeps its currency and
its stamped total for display. The rounding rule, applied once per amount:

- an amount in the document's currency converts to ``round_half_up(amount × rate)``
  cents of MXN (:func:`to_book_cents`);
- an instalment converts as the difference of the converted amounts paid after and
  before it (:func:`instalment_book_cents`), so the instalments of a fully paid document
  add up to its converted total exactly, and never leave a stray cent open;
- what a document still owes in its own currency is its total less the paid part
  converted back (:func:`foreign_balance_cents`), exact whenever the rate is 1 or more
  (USD, EUR, CAD, GBP…).

Every total of the book (aging, balances, statements, indicators) is then the plain sum
of the rows' MXN cents.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

BOOK_CURRENCY = "MXN"
# The SAT's "no currency" code (types P and E of CFDI 4.0 may carry it): the book's own.
_NO_CURRENCY = ("", "MXN", "XXX")


def is_foreign(currency: str) -> bool:
    """A currency other than the book's (empty and XXX are the book's own)."""
    if currency in _NO_CURRENCY:  # the usual case: a code already clean
        return False
    return currency.strip().upper() not in _NO_CURRENCY


def to_book_cents(cents: int, rate: Decimal | None) -> int:
    """``cents`` of a document's currency as MXN cents: rounded once, half up."""
    if rate is None or rate == 1:
        return cents
    value = (Decimal(cents) * rate).to_integral_value(rounding=ROUND_HALF_UP)
    return int(value)


def instalment_book_cents(paid_before: int, paid: int, rate: Decimal | None) -> int:
    """The MXN cents of an instalment of ``paid`` (document currency) after ``paid_before``.

    The difference of cumulative conversions: the instalments telescope to the total."""
    return to_book_cents(paid_before + paid, rate) - to_book_cents(paid_before, rate)


def to_own_cents(book_cents: int, rate: Decimal | None) -> int:
    """The document-currency cents that ``book_cents`` MXN cents stand for (half up).

    The inverse of :func:`to_book_cents`, exact whenever the rate is 1 or more: the
    booked amount is within half a cent of ``amount × rate``, so dividing back lands
    within half a cent of ``amount``."""
    if rate is None or rate == 1:
        return book_cents
    value = (Decimal(book_cents) / rate).to_integral_value(rounding=ROUND_HALF_UP)
    return int(value)


def foreign_paid_cents(book_paid: int, rate: Decimal | None) -> int:
    """The document-currency cents that ``book_paid`` MXN cents paid stand for."""
    return to_own_cents(book_paid, rate)


def foreign_balance_cents(
    foreign_total: int, book_total: int, book_paid: int, rate: Decimal | None
) -> int:
    """What the document still owes in its own currency (zero once paid in full)."""
    if book_paid >= book_total:
        return 0
    return max(0, foreign_total - foreign_paid_cents(book_paid, rate))
