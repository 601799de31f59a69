"""Foreign documents in the book's currency: one rounding per amount, totals that add up."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given
from hypothesis import strategies as st

from cobranza_desktop.domain.currency import (
    foreign_balance_cents,
    foreign_paid_cents,
    instalment_book_cents,
    is_foreign,
    to_book_cents,
    to_own_cents,
)

# SAT's TipoCambio has up to six decimals; the currencies invoiced in Mexico are worth
# more than a peso (USD, EUR, CAD, GBP), and the rate 1 is the book's own.
rates = st.decimals(min_value=Decimal("1"), max_value=Decimal("100"), places=6)
cents = st.integers(min_value=1, max_value=10**11)


def test_the_book_currency_and_no_currency_are_not_foreign() -> None:
    assert not is_foreign("MXN") and not is_foreign("") and not is_foreign("XXX")
    assert is_foreign("USD") and is_foreign("eur")


def test_conversion_rounds_half_up_once() -> None:
    # 3,248.00 USD at 18.9008 = 6,138,979.84 cents -> 6,138,980.
    assert to_book_cents(324_800, Decimal("18.9008")) == 6_138_980
    # Exactly half a cent goes up: 1 cent at 2.5 is 2.5 cents.
    assert to_book_cents(1, Decimal("2.5")) == 3
    assert to_book_cents(12_345, None) == 12_345


@given(rate=rates, amount=cents)
def test_conversion_is_the_exact_product_rounded_half_up(rate: Decimal, amount: int) -> None:
    exact = Decimal(amount) * rate
    book = to_book_cents(amount, rate)
    assert abs(Decimal(book) - exact) <= Decimal("0.5")
    assert Decimal(book) == exact.quantize(Decimal(1), rounding=ROUND_HALF_UP)


@given(rate=rates, parts=st.lists(st.integers(min_value=1, max_value=10**9), min_size=1))
def test_instalments_add_up_to_the_converted_total(rate: Decimal, parts: list[int]) -> None:
    total = sum(parts)
    paid = 0
    booked = 0
    for part in parts:
        step = instalment_book_cents(paid, part, rate)
        assert abs(Decimal(step) - Decimal(part) * rate) <= 1  # each within a cent
        booked += step
        paid += part
        # What is left in the document's currency is read back exactly from the MXN paid.
        assert foreign_paid_cents(booked, rate) == paid
        assert foreign_balance_cents(total, to_book_cents(total, rate), booked, rate) == (
            total - paid
        )
    assert booked == to_book_cents(total, rate)


@given(rows=st.lists(st.tuples(cents, st.one_of(st.none(), rates)), min_size=1, max_size=30))
def test_a_total_in_mxn_is_the_sum_of_the_converted_rows(
    rows: list[tuple[int, Decimal | None]],
) -> None:
    """The rule the book keeps: each row is converted once, and totals sum the rows."""
    total = sum(to_book_cents(amount, rate) for amount, rate in rows)
    exact = sum(Decimal(amount) * (rate or 1) for amount, rate in rows)
    # Never more than half a cent a row away from the exact product.
    assert abs(Decimal(total) - exact) <= Decimal("0.5") * len(rows)
    mxn_only = [amount for amount, rate in rows if rate is None]
    assert sum(to_book_cents(a, None) for a in mxn_only) == sum(mxn_only)


@given(rate=rates, amount=cents)
def test_a_booked_amount_converts_back_to_the_stamped_one(rate: Decimal, amount: int) -> None:
    """What a foreign invoice prints in its own currency is what was stamped."""
    assert to_own_cents(to_book_cents(amount, rate), rate) == amount
    assert to_own_cents(amount, None) == amount
