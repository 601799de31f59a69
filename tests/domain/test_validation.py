"""Shared input checks: date range, control characters, CFDI UUID, invoice bounds."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cobranza_desktop.domain.contact_data import normalize_clabe, normalize_email, normalize_rfc
from cobranza_desktop.domain.customers import CustomerData, validate_customer
from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.i18n import set_language
from cobranza_desktop.domain.invoices import LineInput
from cobranza_desktop.domain.validation import (
    FIRST_DATE,
    LAST_DATE,
    check_cfdi_uuid,
    check_date,
    check_multiline,
    check_single_line,
    checked_totals,
)

GOOD_CLABE = "002010077777777771"


@given(st.dates(min_value=FIRST_DATE, max_value=LAST_DATE))
def test_dates_in_range_pass(day: date) -> None:
    assert check_date(day, "issue_date") == day


@given(st.one_of(st.dates(max_value=date(1899, 12, 31)), st.dates(min_value=date(2201, 1, 1))))
def test_dates_out_of_range_are_refused_with_the_field(day: date) -> None:
    with pytest.raises(ValidationError) as caught:
        check_date(day, "due_date")
    assert caught.value.field == "due_date"
    assert "fuera del rango" in caught.value.message


def test_date_message_in_english() -> None:
    set_language("en")
    with pytest.raises(ValidationError, match="outside the accepted range"):
        check_date(date(9999, 12, 31), "as_of")


@pytest.mark.parametrize("bad", ["a\nb", "a\rb", "a\x00b", "a\x1bb", "a\x7fb", "a\u2028b", "\tx"])
def test_one_line_fields_refuse_line_breaks_and_controls(bad: str) -> None:
    with pytest.raises(ValidationError) as caught:
        check_single_line(bad, "name", "El nombre")
    assert caught.value.field == "name"
    assert caught.value.message.startswith("El nombre:")


def test_multi_line_fields_keep_breaks_but_refuse_nul() -> None:
    assert check_multiline("Calle 1\nCol. Centro\tCDMX", "address", "La dirección")
    with pytest.raises(ValidationError):
        check_multiline("Calle\x00 1", "address", "La dirección")


def test_cfdi_uuid_must_be_canonical_hex() -> None:
    good = "6f1b5c1e-2a3b-4c5d-8e9f-0a1b2c3d4e5f"
    assert check_cfdi_uuid(f" {good} ") == good.upper()
    assert check_cfdi_uuid("") == ""
    for bad in (
        "6f1b5c1e2a3b-4c5d-8e9f-0a1b-2c3d4e5f",  # 36 characters, 4 dashes, wrong places
        "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz",
        "6f1b5c1e-2a3b-4c5d-8e9f-0a1b2c3d4e5",
        "６f1b5c1e-2a3b-4c5d-8e9f-0a1b2c3d4e5f",  # a full-width digit
        "{6f1b5c1e-2a3b-4c5d-8e9f-0a1b2c3d4e5f}",
    ):
        with pytest.raises(ValidationError) as caught:
            check_cfdi_uuid(bad)
        assert caught.value.field == "cfdi_uuid"


def _line(quantity: object = 1, price: object = Decimal("10")) -> LineInput:
    return LineInput("x", quantity, price)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("line", "field"),
    [
        (_line(Decimal("NaN")), "lines[1].quantity"),
        (_line(price=Decimal("Infinity")), "lines[1].unit_price"),
        (_line(Decimal("1e9")), "lines[1].quantity"),
        (_line(Decimal(0)), "lines[1].quantity"),
        (_line(price=Decimal("1e12")), "lines[1].unit_price"),
        (_line(price=Decimal("-1")), "lines[1].unit_price"),
        (_line(price=0.5), "lines[1].unit_price"),
        (replace(_line(), tax_rate_percent=Decimal(101)), "lines[1].tax"),
        (replace(_line(), discount_percent=Decimal("-1")), "lines[1].discount"),
    ],
)
def test_lines_built_by_a_program_are_bounded(line: LineInput, field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        checked_totals([line])
    assert caught.value.field == field


def test_two_lines_of_7e16_are_refused_before_they_overflow_sqlite() -> None:
    huge = _line(price=Decimal("999999999999"))
    with pytest.raises(ValidationError) as caught:
        checked_totals([huge, huge])
    assert caught.value.field == "lines"
    assert "demasiado grande" in caught.value.message
    assert checked_totals([_line(price=Decimal("1000"))]).total == Decimal("1160.00")


@pytest.mark.parametrize(
    "email",
    [
        "ana@ejemplo.mx\x00",
        "ana\x00@ejemplo.mx",
        "<script>@ejemplo.mx",
        "ana@ejemplo.mx>",
        '"ana"@ejemplo.mx',
        "ana'@ejemplo.mx",
        "ana maria@ejemplo.mx",
        "ana@ejemplo..mx",
        "ana@ejem\x01plo.mx",
        "ana@ejemplo.mx,otro@ejemplo.mx",
    ],
)
def test_emails_with_nul_or_markup_are_refused(email: str) -> None:
    with pytest.raises(ValidationError):
        normalize_email(email)


def test_plain_emails_still_pass() -> None:
    for email in ("ana@ejemplo.mx", "cobranza+mx@taller.com.mx", "a.b_c-d@mi-negocio.mx"):
        assert normalize_email(email) == email


@pytest.mark.parametrize(
    "clabe",
    [
        "٠٠٢٠١٠٠٧٧٧٧٧٧٧٧٧٧١",  # Arabic-Indic digits of a valid CLABE
        "００２０１００７７７７７７７７７７１",  # full-width
        "00201007777777777١",
    ],
)
def test_clabe_in_non_ascii_digits_is_refused(clabe: str) -> None:
    assert clabe.isdigit()  # what the old check relied on
    assert normalize_clabe(GOOD_CLABE) == GOOD_CLABE
    with pytest.raises(ValidationError):
        normalize_clabe(clabe)


def test_rfc_takes_ascii_digits_only() -> None:
    assert normalize_rfc("XAXX010101000") == "XAXX010101000"
    assert normalize_rfc("MUÑO800101AB1") == "MUÑO800101AB1"  # Ñ is part of the SAT's alphabet
    for bad in ("XAXX٠١٠١٠١000", "XAXX０１０１０１000"):
        with pytest.raises(ValidationError):
            normalize_rfc(bad)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", "Ferretería\nLópez"),
        ("name", "Ferretería\x00"),
        ("email", "ana\r@ejemplo.mx"),
        ("phone", "55 1234\n5678"),
        ("phone", "55 1234 5678\x00"),
        ("whatsapp", "55 1234\x0c5678"),
        ("contact_name", "Ana\u2029López"),
        ("rfc", "XAXX010101000\r"),
        ("notes", "pagó\x00"),
        ("address", "Calle\x1b 1"),
    ],
)
def test_customer_save_names_the_field_with_a_control_character(field: str, value: str) -> None:
    data = replace(CustomerData(name="Ferretería López"), **{field: value})
    with pytest.raises(ValidationError) as caught:
        validate_customer(data)
    assert caught.value.field == field
    assert "control" in caught.value.message


def test_customer_notes_and_address_keep_their_line_breaks() -> None:
    data = CustomerData(name="Ana", address="Calle 1\nCentro", notes="Paga los viernes.\nLlamar.")
    clean = validate_customer(data)
    assert clean.address == "Calle 1\nCentro" and clean.notes == "Paga los viernes.\nLlamar."
