from __future__ import annotations

from decimal import Decimal

import pytest

from cobranza_desktop.documents.words import amount_in_words


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        ("12345.67", "DOCE MIL TRESCIENTOS CUARENTA Y CINCO PESOS 67/100 M.N."),
        ("1", "UN PESO 00/100 M.N."),
        ("0.99", "CERO PESOS 99/100 M.N."),
        ("21", "VEINTIÚN PESOS 00/100 M.N."),
        ("101", "CIENTO UN PESOS 00/100 M.N."),
        ("21000", "VEINTIÚN MIL PESOS 00/100 M.N."),
        ("31001.10", "TREINTA Y UN MIL UN PESOS 10/100 M.N."),
        ("1000000", "UN MILLÓN DE PESOS 00/100 M.N."),
        ("2000000.05", "DOS MILLONES DE PESOS 05/100 M.N."),
        ("1500000", "UN MILLÓN QUINIENTOS MIL PESOS 00/100 M.N."),
        ("21000000", "VEINTIÚN MILLONES DE PESOS 00/100 M.N."),
        ("100000", "CIEN MIL PESOS 00/100 M.N."),
    ],
)
def test_amount_in_words_spanish(amount: str, words: str) -> None:
    assert amount_in_words(Decimal(amount)) == words


def test_rounds_half_up_to_the_cent() -> None:
    assert amount_in_words(Decimal("1.005")) == "UN PESO 01/100 M.N."
    assert amount_in_words(Decimal("1.004")) == "UN PESO 00/100 M.N."


def test_other_currency() -> None:
    assert amount_in_words(Decimal("2.50"), "USD") == "DOS DÓLARES 50/100 USD"
