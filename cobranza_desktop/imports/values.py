"""Cell values as people type them in Mexico: amounts with $, thousands separators or a
decimal comma, and dates as dd/mm/yyyy, yyyy-mm-dd or Excel serial numbers. No floats."""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from cobranza_desktop.domain.i18n import _

_EXCEL_EPOCH = date(1899, 12, 30)
_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})")
# "1160.00", "-35", "12.5": the common cell, read without the general rules below.
_PLAIN = re.compile(r"-?\d{1,10}(\.\d{1,2})?")
_CENT = Decimal("0.01")
# A TipoCambio as the SAT stamps it: up to six decimals; a decimal comma is read too.
_RATE = re.compile(r"\d{1,6}([.,]\d{1,6})?")
_CURRENCY = re.compile(r"[A-Z]{3}")


class CellError(ValueError):
    """A cell that does not parse; the message says what was expected."""


def parse_amount(value: object) -> Decimal:
    if isinstance(value, str):
        return _parse_amount_text(value)  # a sheet repeats its amounts: each read once
    return _parse_amount(value)


@lru_cache(maxsize=8192)
def _parse_amount_text(value: str) -> Decimal:
    return _parse_amount(value)


def _parse_amount(value: object) -> Decimal:
    if isinstance(value, str) and _PLAIN.fullmatch(value):
        return Decimal(value).quantize(_CENT)
    if isinstance(value, Decimal):
        number = value
    else:
        text = str(value or "").strip().replace("$", "").replace(" ", "").replace("\u00a0", "")
        text = text.removesuffix("MXN").removeprefix("MXN")
        negative = text.startswith("(") and text.endswith(")")
        text = text.strip("()")
        if "," in text and "." in text:
            # The last mark is the decimal one: 1.234,56 or 1,234.56.
            decimal_mark = "," if text.rfind(",") > text.rfind(".") else "."
        elif text.count(",") == 1 and len(text.split(",")[1]) in (1, 2):
            decimal_mark = ","
        else:
            decimal_mark = "."
        group = "." if decimal_mark == "," else ","
        whole = text.lstrip("-").split(decimal_mark)[0]
        if group in whole:  # thousands in groups of three, or it is not a number
            parts = whole.split(group)
            if not 1 <= len(parts[0]) <= 3 or any(len(p) != 3 for p in parts[1:]):
                raise CellError(_("«{value}» no es un importe.").format(value=value))
        text = text.replace(group, "").replace(decimal_mark, ".")
        if not re.fullmatch(r"-?\d+(\.\d+)?", text):
            raise CellError(_("«{value}» no es un importe.").format(value=value))
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise CellError(_("«{value}» no es un importe.").format(value=value)) from None
        if negative:
            number = -number
    if not number.is_finite() or abs(number) >= Decimal("1e11"):
        raise CellError(_("«{value}» está fuera de rango.").format(value=value))
    if number != number.quantize(Decimal("0.01")):
        raise CellError(_("«{value}» tiene más de dos decimales.").format(value=value))
    return number.quantize(Decimal("0.01"))


def parse_date(value: object) -> date:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        return _parse_date_text(value)  # a sheet has a few hundred distinct dates
    return _parse_date(value)


@lru_cache(maxsize=8192)
def _parse_date_text(value: str) -> date:
    return _parse_date(value)


def _parse_date(value: object) -> date:
    if isinstance(value, Decimal) or (isinstance(value, str) and value.strip().isdigit()):
        serial = int(Decimal(str(value)))
        if 1 <= serial <= 110_000:  # Excel serial numbers (1900 system)
            return _EXCEL_EPOCH + timedelta(days=serial)
    text = str(value or "").strip()
    try:
        if match := _DMY.match(text):
            day, month, year = (int(g) for g in match.groups())
            return date(year, month, day)
        if match := _YMD.match(text):
            year, month, day = (int(g) for g in match.groups())
            return date(year, month, day)
    except ValueError:
        pass
    raise CellError(_("«{value}» no es una fecha (dd/mm/aaaa o aaaa-mm-dd).").format(value=value))


def parse_rate(value: object) -> Decimal:
    """A positive exchange rate (MXN per unit of the document's currency), exact."""
    text = str(value).strip() if value is not None else ""
    if isinstance(value, Decimal) and value.is_finite():
        text = format(value.normalize(), "f")
    if not _RATE.fullmatch(text) or Decimal(text.replace(",", ".")) <= 0:
        raise CellError(
            _("«{value}» no es un tipo de cambio positivo (ej. 17.2510).").format(value=value)
        )
    return Decimal(text.replace(",", "."))


def parse_currency(value: object) -> str:
    """A currency code (MXN, USD, EUR…); an empty cell is the book's own, MXN."""
    text = str(value or "").strip().upper()
    if text in ("", "MN", "M.N.", "PESOS", "$"):
        return "MXN"
    if not _CURRENCY.fullmatch(text):
        raise CellError(
            _("«{value}» no es un código de moneda (MXN, USD, EUR…).").format(value=value)
        )
    return text
