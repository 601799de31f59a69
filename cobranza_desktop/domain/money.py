"""Exact money: ``Decimal`` in the domain, integer cents in the database.

Amounts are rounded once, at the end of a computation, half up, to the currency's
minor unit. A ``float`` never touches an amount: :func:`parse_amount` refuses one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from babel.numbers import get_decimal_symbol, get_group_symbol

from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.i18n import _, locale_for

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
DEFAULT_CURRENCY = "MXN"

# Amounts the program accepts: less than a trillion of the currency, so that any
# sum the book makes stays far inside SQLite's 64-bit integers (in cents).
AMOUNT_LIMIT = Decimal(10**12)
# Any other number (a price, a percentage) stays below a trillion too.
NUMBER_LIMIT = Decimal(10**12)
# An invoice line's price is below a trillion and its quantity below a billion.
PRICE_LIMIT = Decimal(10**12)
QUANTITY_LIMIT = Decimal(10**9)

# Currency marks Babel prints for MXN and USD in es_MX and en_US, and a percent sign.
_CURRENCY_MARKS = re.compile(r"MX\$|US\$|MXN|USD|\$", re.IGNORECASE)
_CURRENCY_OR_PERCENT = re.compile(r"MX\$|US\$|MXN|USD|\$|%", re.IGNORECASE)
_SPECIAL_PATTERN = re.compile(r"s?nan[0-9]*|inf(inity)?", re.IGNORECASE)
_EXPONENT_PATTERN = re.compile(r"[0-9.,]*e[+-]?[0-9]+", re.IGNORECASE | re.ASCII)


def round_money(value: Decimal) -> Decimal:
    """Round to cents, half up: the single rounding at the end of a computation."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def to_cents(amount: Decimal) -> int:
    """Integer minor units for storage. The amount must already be exact to the cent.

    This is the gate to the database: NaN, infinity and amounts of a trillion or
    more never pass it, whatever path computed them.
    """
    # The usual case first, in one expression: finite, under the limit, exact to the cent
    # (an import converts tens of thousands of amounts).
    if amount.is_finite() and -AMOUNT_LIMIT < amount < AMOUNT_LIMIT:
        rounded = amount.quantize(CENT, rounding=ROUND_HALF_UP)
        if rounded == amount:
            return int(rounded * 100)
    check_amount_limit(amount)
    rounded = round_money(amount)
    if rounded != amount:
        raise ValidationError(
            "amount",
            _("El monto {amount} tiene más de dos decimales.").format(amount=amount),
        )
    return int(rounded * 100)


def from_cents(cents: int) -> Decimal:
    """The Decimal amount of a number of cents."""
    # Exact, with the exponent -2 that quantize(CENT) gave, at a third less cost.
    return Decimal(cents).scaleb(-2)


def parse_amount(
    text: str | Decimal | int,
    field: str = "amount",
    *,
    allow_zero: bool = False,
    allow_negative: bool = False,
    locale: str | None = None,
) -> Decimal:
    """Parse an amount typed by a person: ``1234.5``, ``1,234.50`` or ``$1,234.50``.

    The text is read for the interface's locale (es_MX and en_US alike write a point
    before the decimals and a comma between thousands), strictly:

    * a thousands separator must be followed by exactly three digits, so ``12,34``
      and ``1.234,56`` are refused with a suggestion («¿Quiso decir 12.34?»,
      «¿Quiso decir 1,234.56?») instead of being read as 1234 or 1.23456: guessing
      wrong would record a hundred times the money, and the fix is one keystroke;
    * only the digits 0-9; no exponents (``1e3``), ``NaN`` or ``Infinity``;
    * at most two decimals, and below :data:`AMOUNT_LIMIT` (a trillion).

    A Decimal or int passed by a program meets the same rules (no NaN, no infinity,
    bounds). Raises :class:`ValidationError` naming ``field`` on anything else,
    including floats, zero (unless allowed) and negatives (unless allowed).
    """
    value = _read_number(text, field, locale, _CURRENCY_MARKS, amount=True)
    check_amount_limit(value, field)
    if value != round_money(value):
        raise ValidationError(
            field,
            _("El monto no puede tener más de dos decimales.") + _suggestion(text, locale, 2),
        )
    if value < 0 and not allow_negative:
        raise ValidationError(field, _("El monto no puede ser negativo."))
    if value == 0 and not allow_zero:
        raise ValidationError(field, _("El monto debe ser mayor que cero."))
    return round_money(value)


def check_amount_limit(value: Decimal, field: str = "amount") -> Decimal:
    """Refuse a non-finite amount or one of a trillion or more, in either sign."""
    if not value.is_finite():
        raise ValidationError(field, _not_finite_message(str(value)))
    if abs(value) >= AMOUNT_LIMIT:
        limit = f"{AMOUNT_LIMIT:,}"
        raise ValidationError(
            field,
            _("El monto es demasiado grande: debe ser menor que {limit}.").format(limit=limit),
        )
    return value


def parse_decimal(
    text: str | Decimal | int,
    field: str,
    *,
    minimum: Decimal | None = None,
    maximum: Decimal | None = None,
    below: Decimal | None = NUMBER_LIMIT,
    max_places: int = 6,
    locale: str | None = None,
) -> Decimal:
    """Parse a quantity, price or percentage: an exact decimal within bounds.

    Text is read as strictly as :func:`parse_amount` reads it (locale separators,
    ASCII digits, no exponent, no NaN or infinity); a ``%`` or currency sign is
    allowed. ``maximum`` is inclusive, ``below`` an exclusive ceiling that every
    value meets (a trillion unless the caller asks for a tighter one).
    """
    value = _read_number(text, field, locale, _CURRENCY_OR_PERCENT, amount=False)
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and -exponent > max_places:
        raise ValidationError(
            field,
            _("Use como máximo {max_places} decimales.").format(max_places=max_places),
        )
    if minimum is not None and value < minimum:
        raise ValidationError(field, _("El valor mínimo es {minimum}.").format(minimum=minimum))
    if maximum is not None and value > maximum:
        raise ValidationError(field, _("El valor máximo es {maximum}.").format(maximum=maximum))
    if below is not None and abs(value) >= below:
        limit = f"{below:,}"
        raise ValidationError(
            field,
            _("El valor es demasiado grande: debe ser menor que {limit}.").format(limit=limit),
        )
    return value


def _read_number(
    text: str | Decimal | int,
    field: str,
    locale: str | None,
    marks: re.Pattern[str],
    *,
    amount: bool,
) -> Decimal:
    """The exact Decimal a person or a program meant, or a ValidationError."""
    if isinstance(text, (float, bool)) or not isinstance(text, (str, Decimal, int)):
        raise ValidationError(
            field,
            _("El monto debe ser exacto.") if amount else _("El valor debe ser exacto."),
        )
    if isinstance(text, Decimal | int):
        value = Decimal(text)
        if not value.is_finite():
            raise ValidationError(field, _not_finite_message(str(text)))
        return value
    shown = text.strip()
    # Spaces (also Babel's no-break ones) and a currency or percent sign carry no value.
    body = marks.sub("", "".join(text.split()))
    sign = ""
    if body[:1] in ("+", "-"):
        sign, body = body[0], body[1:]
    if _SPECIAL_PATTERN.match(body):
        raise ValidationError(field, _not_finite_message(shown))
    if _EXPONENT_PATTERN.match(body):
        raise ValidationError(
            field,
            _("«{shown}» está en notación científica: escriba el número completo.").format(
                shown=shown
            ),
        )
    decimal_mark, group_mark = _separators(locale)
    parsed = _strict_digits(body, decimal_mark, group_mark)
    if parsed is None:
        what = (
            _("«{shown}» no es un monto válido.").format(shown=shown)
            if amount
            else _("«{shown}» no es un número válido.").format(shown=shown)
        )
        hint = _suggestion(text, locale, 2 if amount else 6) or (
            _(" Escríbalo así: 1234.50") if amount else _(" Escríbalo así: 12.5")
        )
        raise ValidationError(field, what + hint)
    return Decimal(sign + parsed)


def _separators(locale: str | None) -> tuple[str, str]:
    loc = locale or locale_for()
    return get_decimal_symbol(loc), get_group_symbol(loc)


@lru_cache(maxsize=8)
def _number_pattern(decimal_mark: str, group_mark: str) -> re.Pattern[str]:
    # Groups of exactly three ASCII digits after the first, or no grouping at all.
    return re.compile(
        r"(?P<int>[0-9]{1,3}(?:" + re.escape(group_mark) + r"[0-9]{3})+|[0-9]+)?"
        r"(?:" + re.escape(decimal_mark) + r"(?P<frac>[0-9]+))?",
        re.ASCII,
    )


def _strict_digits(body: str, decimal_mark: str, group_mark: str) -> str | None:
    """``1,234.5`` → ``"1234.5"`` for the given separators; None if it is not that shape."""
    match = _number_pattern(decimal_mark, group_mark).fullmatch(body)
    if match is None or not (match["int"] or match["frac"]):
        return None
    whole = (match["int"] or "0").replace(group_mark, "")
    return whole + ("." + match["frac"] if match["frac"] else "")


def _suggestion(text: str | Decimal | int, locale: str | None, places: int) -> str:
    """« ¿Quiso decir 12.34?» when the text is valid with the two separators swapped."""
    if not isinstance(text, str):
        return ""
    decimal_mark, group_mark = _separators(locale)
    body = "".join(text.split())
    if decimal_mark not in body and group_mark not in body:
        return ""
    swapped = body.translate({ord(decimal_mark): group_mark, ord(group_mark): decimal_mark})
    core = _CURRENCY_OR_PERCENT.sub("", swapped).lstrip("+-")
    digits = _strict_digits(core, decimal_mark, group_mark)
    if digits is None or len(digits.partition(".")[2]) > places:
        return ""
    return _(" ¿Quiso decir {swapped}?").format(swapped=swapped)


def _not_finite_message(shown: str) -> str:
    return _("«{shown}» no es una cantidad: escriba un número, p. ej. 1234.50.").format(shown=shown)


def split_evenly(total: Decimal, parts: int) -> list[Decimal]:
    """Split an amount into ``parts`` instalments that add up to the cent.

    The leftover cents go to the first instalments, one each.
    """
    if parts <= 0:
        raise ValidationError("parts", _("Debe haber al menos una parte."))
    total_cents = to_cents(round_money(total))
    base, leftover = divmod(total_cents, parts)
    return [from_cents(base + (1 if i < leftover else 0)) for i in range(parts)]


def allocate_proportionally(total: Decimal, weights: Sequence[Decimal]) -> list[Decimal]:
    """Split ``total`` in proportion to ``weights``, conserving every cent.

    Largest-remainder method: each share is floored to the cent, then the cents
    left over go to the largest remainders (earliest first on ties).
    """
    total_cents = to_cents(round_money(total))
    weight_sum = sum(weights, Decimal(0))
    if weight_sum <= 0:
        return split_evenly(total, len(weights)) if weights else []
    exact = [Decimal(total_cents) * w / weight_sum for w in weights]
    floors = [int(x) for x in exact]
    leftover = total_cents - sum(floors)
    order = sorted(range(len(weights)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in order[:leftover]:
        floors[i] += 1
    return [from_cents(c) for c in floors]
