import pytest

from cobranza_desktop.domain.contact_data import (
    clabe_check_digit,
    display_phone,
    normalize_clabe,
    normalize_phone,
    normalize_rfc,
)
from cobranza_desktop.domain.errors import ValidationError


@pytest.mark.parametrize(
    ("typed", "e164"),
    [
        ("55 1234 5678", "+525512345678"),
        ("(33) 3615-1234", "+523336151234"),
        ("+52 81 4589 3561", "+528145893561"),
        ("", ""),
    ],
)
def test_phones_are_normalised_to_e164(typed: str, e164: str) -> None:
    assert normalize_phone(typed) == e164


@pytest.mark.parametrize("typed", ["123", "hola", "55 1234"])
def test_a_phone_that_is_not_a_phone_is_refused(typed: str) -> None:
    with pytest.raises(ValidationError) as caught:
        normalize_phone(typed, "whatsapp")
    assert caught.value.field == "whatsapp"


def test_display_phone_is_national() -> None:
    assert display_phone("+525512345678") == "55 1234 5678"


def test_rfc() -> None:
    assert normalize_rfc(" xaxx010101000 ") == "XAXX010101000"
    assert normalize_rfc("SIA150312AB7") == "SIA150312AB7"
    with pytest.raises(ValidationError):
        normalize_rfc("XAXX011301000")  # month 13


def test_clabe_check_digit() -> None:
    body = "01218000118359719"
    good = body + str(clabe_check_digit(body))
    assert normalize_clabe(good) == good
    bad = body + str((clabe_check_digit(body) + 1) % 10)
    with pytest.raises(ValidationError):
        normalize_clabe(bad)
