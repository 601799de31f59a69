"""The fast display texts are exactly Babel's and phonenumbers' texts."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cobranza_desktop.domain.contact_data import display_phone
from cobranza_desktop.domain.formatting import format_money
from cobranza_desktop.domain.i18n import set_language
from cobranza_desktop.ui.text_cache import money, phone

AMOUNTS = ["0", "0.01", "-0.01", "7.5", "999.99", "1000", "12345.67", "-98765.43", "1000000.00"]


@pytest.mark.parametrize("language", ["es", "en"])
@pytest.mark.parametrize("currency", ["MXN", "USD"])
def test_money_is_format_money(language: str, currency: str) -> None:
    set_language(language)
    try:
        for text in AMOUNTS:
            amount = Decimal(text)
            assert money(amount, currency) == format_money(amount, currency)
    finally:
        set_language("es")


def test_phone_is_display_phone() -> None:
    for number in ["+525512345678", "+524771234567", "+13105551234", ""]:
        assert phone(number) == display_phone(number)
