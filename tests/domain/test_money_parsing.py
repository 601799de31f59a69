"""Amounts and numbers are read in one place, for the locale, strictly (issue 11 §3)."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.formatting import format_money, format_number
from cobranza_desktop.domain.i18n import set_language
from cobranza_desktop.domain.invoices import make_line
from cobranza_desktop.domain.money import (
    AMOUNT_LIMIT,
    from_cents,
    parse_amount,
    parse_decimal,
    to_cents,
)

LOCALES = ("es_MX", "en_US")


def _refusal(text: str | Decimal | int, **kwargs: object) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        parse_amount(text, "monto", **kwargs)  # type: ignore[arg-type]
    assert caught.value.field == "monto"
    return caught.value


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,234", Decimal("1234.00")),
        ("1,234.56", Decimal("1234.56")),
        ("1,234,567.8", Decimal("1234567.80")),
        ("$12,345.67", Decimal("12345.67")),
        ("MX$5", Decimal("5.00")),
        ("USD 7.10", Decimal("7.10")),
        ("12.34", Decimal("12.34")),
        (".5", Decimal("0.50")),
        ("1\u00a0234.50", Decimal("1234.50")),  # a no-break space, as Babel may print
    ],
)
def test_amounts_read_as_meant_in_both_locales(text: str, expected: Decimal, locale: str) -> None:
    assert parse_amount(text, locale=locale) == expected


@pytest.mark.parametrize("locale", LOCALES)
def test_a_comma_before_two_digits_is_refused_with_the_decimal_suggested(locale: str) -> None:
    # Not read as 1234: a thousands separator must be followed by exactly three digits.
    message = _refusal("12,34", locale=locale).message
    assert "¿Quiso decir 12.34?" in message
    set_language("en")
    assert "Did you mean 12.34?" in _refusal("12,34", locale=locale).message


@pytest.mark.parametrize("locale", LOCALES)
def test_european_style_is_refused_with_the_local_form_suggested(locale: str) -> None:
    # Not read as 1.23456 (dropping the comma) nor as 1.23.
    assert "¿Quiso decir 1,234.56?" in _refusal("1.234,56", locale=locale).message
    assert "¿Quiso decir 1,234,567?" in _refusal("1.234.567", locale=locale).message


def test_ui_language_picks_the_locale_by_default() -> None:
    assert parse_amount("1,234.50") == Decimal("1234.50")
    set_language("en")
    assert parse_amount("1,234.50") == Decimal("1234.50")
    assert "Did you mean 1.5?" in _refusal("1,5").message


@pytest.mark.parametrize(
    "text",
    ["NaN", "nan", "-NaN", "sNaN", "Infinity", "-inf", "inf", "1e309", "1E3", "-1e-2", "9e999999"],
)
def test_nan_infinity_and_exponents_are_refused_as_text(text: str) -> None:
    message = _refusal(text, allow_negative=True).message
    assert "cantidad" in message or "notación científica" in message


@pytest.mark.parametrize(
    "value", [Decimal("NaN"), Decimal("sNaN"), Decimal("Infinity"), Decimal("-Infinity")]
)
def test_nan_and_infinity_are_refused_when_passed_by_a_program(value: Decimal) -> None:
    assert "no es una cantidad" in _refusal(value, allow_negative=True).message
    with pytest.raises(ValidationError):
        parse_decimal(value, "x")
    with pytest.raises(ValidationError):
        to_cents(value)


@pytest.mark.parametrize("value", [Decimal("1e309"), 10**400, Decimal(AMOUNT_LIMIT)])
def test_huge_programmatic_amounts_are_refused(value: Decimal | int) -> None:
    assert "demasiado grande" in _refusal(value).message
    with pytest.raises(ValidationError):
        to_cents(Decimal(value))


def test_the_upper_bound_is_just_under_a_trillion() -> None:
    assert parse_amount("999,999,999,999.99") == Decimal("999999999999.99")
    assert "demasiado grande" in _refusal("1,000,000,000,000").message
    assert "demasiado grande" in _refusal("-1000000000000", allow_negative=True).message
    assert to_cents(Decimal("999999999999.99")) == 99_999_999_999_999


@pytest.mark.parametrize(
    "text",
    [
        "١٢٣",  # Arabic-Indic digits: Decimal() and \d accept them
        "１２３",  # full-width digits
        "12\u0663",
        "1,2,3",
        "12..3",
        "1,23.00",
        "--5",
        "$",
        "%5",
        "5 pesos",
    ],
)
def test_other_shapes_are_refused(text: str) -> None:
    assert "no es un monto válido" in _refusal(text).message


def test_three_decimals_point_to_the_thousands_reading() -> None:
    message = _refusal("1.234").message
    assert "dos decimales" in message and "¿Quiso decir 1,234?" in message


@pytest.mark.parametrize("locale", LOCALES)
def test_numbers_follow_the_same_rule(locale: str) -> None:
    assert parse_decimal("1,234.5", "q", locale=locale) == Decimal("1234.5")
    assert parse_decimal("16 %", "t", locale=locale) == Decimal("16")
    assert parse_decimal("1.234", "q", locale=locale) == Decimal("1.234")
    for text, hint in (("12,5", "12.5"), ("1.234,5", "1,234.5")):
        with pytest.raises(ValidationError) as caught:
            parse_decimal(text, "q", locale=locale)
        assert f"¿Quiso decir {hint}?" in caught.value.message
    for text in ("NaN", "inf", "1e309", "٣"):
        with pytest.raises(ValidationError):
            parse_decimal(text, "q", locale=locale)


def test_invoice_editor_cells_no_longer_multiply_by_a_hundred() -> None:
    # The editor reads its cells through make_line: 12,34 used to become 1234.
    with pytest.raises(ValidationError) as caught:
        make_line("Tornillos", "12,34", "10")
    assert caught.value.field == "lines[1].quantity"
    assert "12.34" in caught.value.message
    with pytest.raises(ValidationError) as caught:
        make_line("Tornillos", "1", "1.234,56")
    assert caught.value.field == "lines[1].unit_price"
    assert make_line("Tornillos", "1,000", "1,234.56").quantity == Decimal(1000)


def test_line_quantity_and_price_bounds() -> None:
    assert make_line("x", "999999999", "999999999999.99").quantity == Decimal("999999999")
    with pytest.raises(ValidationError) as caught:
        make_line("x", "1000000000", "1")
    assert caught.value.field == "lines[1].quantity"
    with pytest.raises(ValidationError) as caught:
        make_line("x", "1", "1000000000000")
    assert caught.value.field == "lines[1].unit_price"
    with pytest.raises(ValidationError):
        make_line("x", "1", Decimal("7e16"))


amounts_in_range = st.integers(min_value=-(10**14) + 1, max_value=10**14 - 1).map(from_cents)


@given(amounts_in_range, st.sampled_from(LOCALES), st.sampled_from(("MXN", "USD")))
def test_format_money_then_parse_gives_back_the_same_amount(
    amount: Decimal, locale: str, currency: str
) -> None:
    text = format_money(amount, currency, locale)
    assert parse_amount(text, allow_zero=True, allow_negative=True, locale=locale) == amount


@given(
    st.decimals(min_value=Decimal("-999999999"), max_value=Decimal("999999999"), places=3).filter(
        lambda d: d.is_finite()
    ),
    st.sampled_from(LOCALES),
)
def test_format_number_then_parse_gives_back_the_same_number(value: Decimal, locale: str) -> None:
    assert parse_decimal(format_number(value, locale), "q", locale=locale) == value
