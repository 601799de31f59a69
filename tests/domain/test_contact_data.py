import phonenumbers
import pytest
from hypothesis import given
from hypothesis import strategies as st

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


@pytest.mark.parametrize(
    "typed",
    [
        "+52 1 55 1234 5678",  # the mobile "1" WhatsApp exports still carry
        "044 55 1234 5678",
        "045 55 1234 5678",
        "01 55 1234 5678",
        "52 55 1234 5678",
        "0052 55 1234 5678",
        "55.1234.5678",
    ],
)
def test_the_old_mexican_prefixes_and_other_common_formats_are_taken(typed: str) -> None:
    assert normalize_phone(typed) == "+525512345678"


# Ten digits as Mexico dials them now; the strategy keeps those phonenumbers calls valid.
mexican_numbers = st.from_regex(r"\A[1-9][0-9]{9}\Z").filter(
    lambda digits: phonenumbers.is_valid_number(phonenumbers.parse(digits, "MX"))
)


def _typed(digits: str, style: int) -> str:
    """The same number as people write it (the area code of two digits, or of three)."""
    area_length = 2 if digits[:2] in {"55", "33", "81"} else 3
    area, rest = digits[:area_length], digits[area_length:]
    return [
        digits,
        f"({area}) {rest[:-4]}-{rest[-4:]}",
        f"+52 {area} {rest}",
        f"{area}.{rest[:-4]}.{rest[-4:]}",
        f"+52 1 {digits}",
        f"044 {digits}",
    ][style]


@given(digits=mexican_numbers, style=st.integers(min_value=0, max_value=5))
def test_a_shown_mexican_phone_reads_back_to_the_same_e164(digits: str, style: int) -> None:
    stored = normalize_phone(_typed(digits, style))
    assert stored == "+52" + digits
    shown = display_phone(stored)
    assert "+" not in shown and shown.replace(" ", "") == digits  # national, for people
    assert normalize_phone(shown) == stored  # what the field shows is taken back as is


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
