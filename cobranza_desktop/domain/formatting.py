"""Locale formatting of amounts, dates and percentages, with Babel."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache

from babel.dates import format_date as babel_format_date
from babel.dates import format_datetime as babel_format_datetime
from babel.numbers import format_currency, format_decimal
from babel.numbers import format_percent as babel_format_percent

from cobranza_desktop.domain.i18n import locale_for
from cobranza_desktop.domain.money import DEFAULT_CURRENCY


def format_money(
    amount: Decimal, currency: str = DEFAULT_CURRENCY, locale: str | None = None
) -> str:
    """``$12,345.67`` in es-MX. Other currencies carry their code or symbol."""
    loc = locale or locale_for()
    if currency == DEFAULT_CURRENCY and loc.startswith("es"):
        return format_currency(amount, currency, format="¤#,##0.00", locale=loc)
    return format_currency(amount, currency, locale=loc)


def format_amount(amount: Decimal, locale: str | None = None) -> str:
    """``12,345.67``: an amount without its currency, for a table whose currency is said
    once (a wide report keeps its columns narrow)."""
    return format_decimal(amount, format="#,##0.00;-#,##0.00", locale=locale or locale_for())


def format_number(value: Decimal, locale: str | None = None) -> str:
    return format_decimal(value, locale=locale or locale_for())


def format_rate(rate: Decimal, locale: str | None = None) -> str:
    """An exchange rate with every digit it was stamped with (``18.9008``), at least two."""
    return format_decimal(rate, format="#,##0.00##########", locale=locale or locale_for())


def format_date(value: date, locale: str | None = None) -> str:
    """``22/11/2026`` in es-MX, ``11/22/2026`` in en-US."""
    return _date_text(value, locale or locale_for())


@lru_cache(maxsize=8192)
def _date_text(value: date, loc: str) -> str:
    # Babel parses the locale on each call (~0.1 ms): the agenda formats thousands of dates.
    pattern = "dd/MM/yyyy" if loc.startswith("es") else "MM/dd/yyyy"
    return babel_format_date(value, pattern, locale=loc)


def format_period(start: date, end: date, locale: str | None = None) -> str:
    """One date when the period is a single day, else ``01/11/2026 – 22/11/2026``."""
    if start == end:
        return format_date(end, locale)
    return f"{format_date(start, locale)} – {format_date(end, locale)}"


def format_long_date(value: date, locale: str | None = None) -> str:
    """``22 de noviembre de 2026`` in es-MX, ``November 22, 2026`` in English."""
    return babel_format_date(value, "long", locale=locale or locale_for())


def format_datetime(value: datetime, locale: str | None = None) -> str:
    loc = locale or locale_for()
    pattern = "dd/MM/yyyy HH:mm" if loc.startswith("es") else "MM/dd/yyyy h:mm a"
    return babel_format_datetime(value, pattern, locale=loc)


def format_percent(percent: Decimal, locale: str | None = None) -> str:
    """``16 %``-style formatting of a percentage given as ``Decimal("16")``."""
    return babel_format_percent(percent / 100, format="#,##0.##%", locale=locale or locale_for())
