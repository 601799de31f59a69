"""Exact money: ``Decimal`` in the domain, integer cents in the database.

Amounts are rounded once, at the end of a computation, half up, to the currency's
minor unit. A ``float`` never touches an amount: :func:`parse_amount` refuses one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.i18n import _

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
DEFAULT_CURRENCY = "MXN"

# Amounts the program accepts: no more than a trillion of the currency.
MAX_AMOUNT = Decimal("999999999999.99")

_AMOUNT_PATTERN = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?$")


def round_money(value: Decimal) -> Decimal:
    """Round to cents, half up: the single rounding at the end of a computation."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def to_cents(amount: Decimal) -> int:
    """Integer minor units for storage. The amount must already be exact to the cent."""
    rounded = round_money(amount)
    if rounded != amount:
        raise ValidationError(
            "amount",
            _("El monto {amount} tiene más de dos decimales.").format(amount=amount),
        )
    return int(rounded * 100)


def from_cents(cents: int) -> Decimal:
    """The Decimal amount of a number of cents."""
    return (Decimal(cents) / 100).quantize(CENT)


def parse_amount(
    text: str | Decimal | int,
    field: str = "amount",
    *,
    allow_zero: bool = False,
    allow_negative: bool = False,
) -> Decimal:
    """Parse an amount typed by a person: ``1234.5``, ``1,234.50`` or ``$1,234.50``.

    Raises :class:`ValidationError` with a clear message on anything else,
    including floats, more than two decimals, zero (unless allowed) and negatives.
    """
    if isinstance(text, (float, bool)):
        raise ValidationError(field, _("El monto debe ser exacto."))
    if isinstance(text, Decimal | int):
        value = Decimal(text)
    else:
        cleaned = text.strip().replace("$", "").replace(" ", "").replace("MXN", "")
        if not cleaned or not _AMOUNT_PATTERN.match(cleaned) or cleaned in {"+", "-", "."}:
            raise ValidationError(
                field,
                _("«{text}» no es un monto válido. Escríbalo así: 1234.50").format(text=text),
            )
        try:
            value = Decimal(cleaned.replace(",", ""))
        except InvalidOperation as exc:  # pragma: no cover - the pattern already filters
            raise ValidationError(field, _("Monto no válido.")) from exc
    if not value.is_finite():
        raise ValidationError(field, _("Monto no válido."))
    if value != round_money(value):
        raise ValidationError(
            field,
            _("El monto no puede tener más de dos decimales."),
        )
    if value < 0 and not allow_negative:
        raise ValidationError(field, _("El monto no puede ser negativo."))
    if value == 0 and not allow_zero:
        raise ValidationError(field, _("El monto debe ser mayor que cero."))
    if abs(value) > MAX_AMOUNT:
        raise ValidationError(field, _("El monto es demasiado grande."))
    return round_money(value)


def parse_decimal(
    text: str | Decimal | int,
    field: str,
    *,
    minimum: Decimal | None = None,
    maximum: Decimal | None = None,
    max_places: int = 6,
) -> Decimal:
    """Parse a quantity, price or percentage: an exact decimal within bounds."""
    if isinstance(text, (float, bool)):
        raise ValidationError(field, _("El valor debe ser exacto."))
    try:
        value = Decimal(str(text).strip().replace(",", "").replace("%", ""))
    except InvalidOperation:
        raise ValidationError(
            field, _("«{text}» no es un número válido.").format(text=text)
        ) from None
    if not value.is_finite():
        raise ValidationError(field, _("Número no válido."))
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
    return value


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
