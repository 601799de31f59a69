"""Checks shared by every entry point: date range, control characters, CFDI UUID, and
the bounds of an invoice's lines and totals.

Each check raises :class:`ValidationError` naming the field, before anything is
written, so bad input changes nothing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.formatting import format_date
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.domain.invoices import InvoiceTotals, LineInput, invoice_totals
from cobranza_desktop.domain.money import AMOUNT_LIMIT, PRICE_LIMIT, QUANTITY_LIMIT

# Dates a book accepts. Outside this range there is no real business date, and date
# arithmetic (a due date 30 days after 9999-12-31) would overflow.
FIRST_DATE = date(1900, 1, 1)
LAST_DATE = date(2200, 12, 31)

# Canonical 8-4-4-4-12 hexadecimal, as the SAT stamps it.
_UUID_PATTERN = re.compile(
    r"[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}", re.ASCII
)
# A multi-line text (an address, notes) may keep line breaks and tabs.
_LAYOUT = frozenset("\n\r\t")
_HUNDRED = Decimal(100)


def check_date(value: date, field: str) -> date:
    """Refuse a date outside 1900–2200 (e.g. 0001-01-01 or 9999-12-31)."""
    if not FIRST_DATE <= value <= LAST_DATE:
        shown = format_date(value)
        raise ValidationError(
            field,
            _("La fecha {shown} está fuera del rango admitido (1900 a 2200).").format(shown=shown),
        )
    return value


def check_optional_date(value: date | None, field: str) -> date | None:
    """:func:`check_date` for a date that may be left empty."""
    return None if value is None else check_date(value, field)


def _is_control(char: str) -> bool:
    # Cc: C0/C1 controls and DEL; Zl/Zp: Unicode line and paragraph separators.
    return unicodedata.category(char) in {"Cc", "Zl", "Zp"}


def check_single_line(text: str, field: str, label: str) -> str:
    """Refuse a one-line field (a name, an email, a phone) with CR/LF, NUL or controls.

    ``label`` names the field for the person, already in their language.
    """
    if any(_is_control(char) for char in text):
        raise ValidationError(
            field,
            _("{label}: quite los saltos de línea y los caracteres de control.").format(
                label=label
            ),
        )
    return text


def check_multiline(text: str, field: str, label: str) -> str:
    """Refuse NUL and other control characters; line breaks and tabs may stay."""
    if any(_is_control(char) and char not in _LAYOUT for char in text):
        raise ValidationError(
            field,
            _("{label}: quite los caracteres de control.").format(label=label),
        )
    return text


def check_cfdi_uuid(text: str, field: str = "cfdi_uuid") -> str:
    """The CFDI's folio fiscal in canonical form (upper case), or empty."""
    uuid = text.strip().upper()
    if uuid and not _UUID_PATTERN.fullmatch(uuid):
        raise ValidationError(
            field,
            _(
                "El UUID del CFDI debe tener la forma XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX (36 "
                "caracteres, dígitos 0-9 y A-F)."
            ),
        )
    return uuid


def _line_error(position: int, part: str, problem: str) -> ValidationError:
    """``problem`` is already in the person's language."""
    where = _("Renglón {position}").format(position=position)
    return ValidationError(f"lines[{position}].{part}", f"{where}: {problem}")


def check_line(line: LineInput, position: int) -> LineInput:
    """Bounds of one line however it was built (typed, imported or by a program)."""
    values = (line.quantity, line.unit_price, line.discount_percent, line.tax_rate_percent)
    parts = ("quantity", "unit_price", "discount", "tax")
    for value, part in zip(values, parts, strict=True):
        if not isinstance(value, Decimal | int) or isinstance(value, bool):
            raise _line_error(position, part, _("el valor debe ser exacto."))
        if not Decimal(value).is_finite():
            raise _line_error(position, part, _("no es un número."))
    if not 0 < line.quantity < QUANTITY_LIMIT:
        limit = f"{QUANTITY_LIMIT:,}"
        raise _line_error(
            position,
            "quantity",
            _("la cantidad debe ser mayor que cero y menor que {limit}.").format(limit=limit),
        )
    if not 0 <= line.unit_price < PRICE_LIMIT:
        limit = f"{PRICE_LIMIT:,}"
        raise _line_error(
            position,
            "unit_price",
            _("el precio no puede ser negativo y debe ser menor que {limit}.").format(limit=limit),
        )
    for value, part in ((line.discount_percent, "discount"), (line.tax_rate_percent, "tax")):
        if not 0 <= value <= _HUNDRED:
            raise _line_error(position, part, _("debe estar entre 0 y 100 %."))
    return line


def checked_totals(lines: Sequence[LineInput]) -> InvoiceTotals:
    """An invoice's totals after checking every line, refused from a trillion up.

    Two lines of 7×10^16 once overflowed SQLite's integers and broke every report;
    no invoice that large can be stored.
    """
    for position, line in enumerate(lines, start=1):
        check_line(line, position)
    totals = invoice_totals(list(lines))
    if totals.total >= AMOUNT_LIMIT or totals.subtotal >= AMOUNT_LIMIT:
        limit = f"{AMOUNT_LIMIT:,}"
        raise ValidationError(
            "lines",
            _("El total de la factura es demasiado grande: debe ser menor que {limit}.").format(
                limit=limit
            ),
        )
    return totals
