"""Fast display texts for tables that repaint often.

Babel's currency formatting and phonenumbers' parsing cost 0.3-0.9 ms a cell, which
adds up when a list of thousands of rows is scrolled or re-sorted. These helpers give
exactly the same text as ``domain.formatting.format_money`` and
``domain.contact_data.display_phone``, faster: money through a pattern checked once
against Babel per language, phones through a cache.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from typing import Protocol

from cobranza_desktop.domain.contact_data import display_phone
from cobranza_desktop.domain.customers import CustomerStatus
from cobranza_desktop.domain.formatting import format_money
from cobranza_desktop.domain.i18n import current_language, locale_for

_SAMPLES = (
    Decimal("0.00"),
    Decimal("1.5"),
    Decimal("1234567.89"),
    Decimal("-12.30"),
    Decimal("-1234.05"),
)


@lru_cache(maxsize=16)
def _affixes(currency: str, locale: str) -> tuple[str, str] | None:
    """(prefix, suffix) around ``#,##0.00`` for this currency and locale, if Babel agrees."""
    one = format_money(Decimal("1.00"), currency, locale)
    if not one.endswith("1.00"):
        return None
    prefix, suffix = one[: -len("1.00")], ""
    for sample in _SAMPLES:
        if _fast(sample, prefix, suffix) != format_money(sample, currency, locale):
            return None
    return prefix, suffix


def _fast(amount: Decimal, prefix: str, suffix: str) -> str:
    sign = "-" if amount < 0 else ""
    return f"{sign}{prefix}{abs(amount):,.2f}{suffix}"


def money(amount: Decimal, currency: str = "MXN") -> str:
    """``format_money(amount, currency)`` in the current language, but quick."""
    affixes = _affixes(currency, locale_for(current_language()))
    if affixes is None:
        return format_money(amount, currency)
    return _fast(amount, *affixes)


@lru_cache(maxsize=65536)
def phone(e164: str) -> str:
    """``display_phone``, remembered: a list shows the same numbers again and again."""
    return display_phone(e164)


def status_label(status: str) -> str:
    """A customer status in words (the stored value itself if it is unknown)."""
    try:
        return CustomerStatus(status).label()
    except ValueError:
        return status


class ForeignAmounts(Protocol):
    """An invoice row: its MXN amounts, and its own when it is in another currency."""

    @property
    def currency(self) -> str: ...
    @property
    def total(self) -> Decimal: ...
    @property
    def balance(self) -> Decimal: ...
    @property
    def own_total(self) -> Decimal | None: ...
    @property
    def own_balance(self) -> Decimal | None: ...


def own_total(row: ForeignAmounts) -> str:
    """The invoice's total in its own currency when it is foreign, else in MXN."""
    return money(row.total) if row.own_total is None else money(row.own_total, row.currency)


def own_balance(row: ForeignAmounts) -> str:
    """The invoice's balance in its own currency when it is foreign, else in MXN."""
    return money(row.balance) if row.own_balance is None else money(row.own_balance, row.currency)
