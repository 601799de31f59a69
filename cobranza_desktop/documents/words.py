"""Amounts in words, the way Mexican invoices print them.

``amount_in_words(Decimal("12345.67"))`` ->
``"DOCE MIL TRESCIENTOS CUARENTA Y CINCO PESOS 67/100 M.N."``
"""

from __future__ import annotations

import re
from decimal import Decimal

from num2words import num2words

from cobranza_desktop.domain.money import round_money

# Currency code -> (singular, plural, suffix after the cents).
_CURRENCIES: dict[str, tuple[str, str, str]] = {
    "MXN": ("PESO", "PESOS", "M.N."),
    "USD": ("DÓLAR", "DÓLARES", "USD"),
    "EUR": ("EURO", "EUROS", "EUR"),
}

_UNO = re.compile(r"\b(veinti)?uno\b")


def integer_in_words_es(value: int) -> str:
    """Spanish words for a non-negative integer, with the apocope used before a noun.

    num2words writes "veintiuno mil" and "doscientos uno mil"; before "mil", "millones"
    and the currency noun Spanish uses "veintiún" and "un".
    """
    if value < 0:
        raise ValueError("negative amount")
    words = num2words(value, lang="es")
    return _UNO.sub(lambda m: "veintiún" if m.group(1) else "un", words)


def amount_in_words(amount: Decimal, currency: str = "MXN") -> str:
    """The amount in Spanish words, upper case, with cents as ``NN/100``."""
    exact = round_money(amount)
    if exact < 0:
        return "MENOS " + amount_in_words(-exact, currency)
    units = int(exact)
    cents = int((exact - units) * 100)
    singular, plural, suffix = _CURRENCIES.get(currency, (currency, currency, currency))
    words = integer_in_words_es(units)
    noun = singular if units == 1 else plural
    # "un millón de pesos", "dos millones de pesos", but "un millón cien pesos".
    if units >= 1_000_000 and units % 1_000_000 == 0:
        noun = "de " + noun.lower()
    return f"{words} {noun} {cents:02d}/100 {suffix}".upper()
