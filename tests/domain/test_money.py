from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.money import (
    allocate_proportionally,
    from_cents,
    parse_amount,
    round_money,
    split_evenly,
    to_cents,
)

cents = st.integers(min_value=0, max_value=10**13)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1234.5", Decimal("1234.50")),
        ("1,234.50", Decimal("1234.50")),
        ("$12,345.67", Decimal("12345.67")),
        (" 7 ", Decimal("7.00")),
        (Decimal("0.01"), Decimal("0.01")),
        (3, Decimal("3.00")),
    ],
)
def test_parse_amount_accepts_what_people_type(text: str, expected: Decimal) -> None:
    assert parse_amount(text) == expected


@pytest.mark.parametrize(
    "text", ["", "abc", "12.345", "1,23.00", "-5", "0", "1e3", "$", "12..3", "NaN"]
)
def test_parse_amount_refuses_malformed_amounts_with_the_field(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_amount(text, "monto")
    assert caught.value.field == "monto"
    assert caught.value.message


def test_parse_amount_refuses_floats() -> None:
    with pytest.raises(ValidationError):
        parse_amount(0.1)  # type: ignore[arg-type]


def test_round_money_is_half_up() -> None:
    assert round_money(Decimal("0.005")) == Decimal("0.01")
    assert round_money(Decimal("2.675")) == Decimal("2.68")
    assert round_money(Decimal("-0.005")) == Decimal("-0.01")


@given(cents)
def test_cents_round_trip(value: int) -> None:
    assert to_cents(from_cents(value)) == value


@given(cents, st.integers(min_value=1, max_value=60))
def test_split_evenly_conserves_every_cent(total: int, parts: int) -> None:
    shares = split_evenly(from_cents(total), parts)
    assert len(shares) == parts
    assert sum(shares) == from_cents(total)
    assert max(shares) - min(shares) <= Decimal("0.01")


@given(cents, st.lists(st.integers(min_value=0, max_value=10**6), min_size=1, max_size=20))
def test_allocate_proportionally_conserves_every_cent(total: int, weights: list[int]) -> None:
    shares = allocate_proportionally(from_cents(total), [Decimal(w) for w in weights])
    assert sum(shares) == from_cents(total)
    assert all(s >= 0 for s in shares)
