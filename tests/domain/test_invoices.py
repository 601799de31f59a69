from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.invoices import (
    InvoiceStatus,
    Lifecycle,
    derive_status,
    format_number,
    invoice_totals,
    make_line,
    parse_number,
    validate_dates,
)


def test_totals_of_a_typical_invoice() -> None:
    # 3 × 99.99 = 299.97; 10% off = 29.997 → net 269.973; IVA 16% = 43.19568
    # plus 1 × 0.10 at 16%: net 0.10, tax 0.016
    # subtotal 270.073 → 270.07; tax 43.21168 → 43.21; total 313.28
    lines = [make_line("A", 3, "99.99", discount_percent=10), make_line("B", 1, "0.10")]
    totals = invoice_totals(lines)
    assert totals.subtotal == Decimal("270.07")
    assert totals.tax == Decimal("43.21")
    assert totals.discount == Decimal("30.00")
    assert totals.total == Decimal("313.28")


amounts = st.decimals(min_value=0, max_value=100000, places=2, allow_nan=False)


@given(st.lists(st.tuples(st.integers(1, 50), amounts, st.sampled_from([0, 8, 16])), min_size=1))
def test_total_is_always_subtotal_plus_tax_to_the_cent(
    rows: list[tuple[int, Decimal, int]],
) -> None:
    totals = invoice_totals([make_line("x", q, p, tax_rate_percent=t) for q, p, t in rows])
    assert totals.total == totals.subtotal + totals.tax
    assert totals.subtotal.as_tuple().exponent == -2


@pytest.mark.parametrize(
    ("field", "kwargs"),
    [
        ("lines[1].description", {"description": " "}),
        ("lines[1].quantity", {"quantity": "0"}),
        ("lines[1].unit_price", {"unit_price": "-1"}),
        ("lines[1].discount", {"discount_percent": "101"}),
        ("lines[1].tax", {"tax_rate_percent": "abc"}),
    ],
)
def test_bad_lines_name_the_field(field: str, kwargs: dict[str, str]) -> None:
    values = {"description": "x", "quantity": "1", "unit_price": "1", **kwargs}
    with pytest.raises(ValidationError) as caught:
        make_line(**values)  # type: ignore[arg-type]
    assert caught.value.field == field


def test_due_date_before_issue_date_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_dates(date(2026, 5, 2), date(2026, 5, 1))
    assert caught.value.field == "due_date"


@pytest.mark.parametrize(
    ("lifecycle", "paid", "today", "expected"),
    [
        (Lifecycle.DRAFT, "0", date(2026, 1, 1), InvoiceStatus.DRAFT),
        (Lifecycle.VOIDED, "0", date(2026, 1, 1), InvoiceStatus.VOIDED),
        (Lifecycle.ISSUED, "0", date(2026, 1, 31), InvoiceStatus.ISSUED),
        (Lifecycle.ISSUED, "10", date(2026, 1, 31), InvoiceStatus.PARTIALLY_PAID),
        (Lifecycle.ISSUED, "10", date(2026, 2, 1), InvoiceStatus.OVERDUE),
        (Lifecycle.ISSUED, "100", date(2026, 3, 1), InvoiceStatus.PAID),
    ],
)
def test_status_is_derived(
    lifecycle: Lifecycle, paid: str, today: date, expected: InvoiceStatus
) -> None:
    status = derive_status(lifecycle, Decimal(100), Decimal(paid), date(2026, 1, 31), today)
    assert status is expected


def test_invoice_numbers_round_trip() -> None:
    assert format_number("A", 42) == "A-00042"
    assert parse_number("a-00042") == ("A", 42)
    with pytest.raises(ValidationError):
        parse_number("A-x")


def test_one_invoice_number_and_one_open_rule() -> None:
    from cobranza_desktop.domain.invoices import invoice_number, is_open

    assert invoice_number("A", 42) == "A-00042"
    assert invoice_number("", 7) == "00007"
    assert invoice_number("A", None) == ""  # a draft has no number yet
    assert is_open("issued", 1000, 999)
    assert not is_open("issued", 1000, 1000)
    assert not is_open("draft", 1000, 0)
    assert not is_open("voided", 1000, 0)
