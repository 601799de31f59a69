"""Early-payment discount, punctuality reward and prepayment, with the arithmetic written out."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.incentives import (
    EarlyPaymentTerms,
    PrepaymentKind,
    PrepaymentOffer,
    PunctualityReward,
    SettledInvoice,
    early_payment_discount,
    on_time_streak,
    prepayment_quote,
    punctuality_discount,
)

D = Decimal
ISSUED = date(2026, 3, 1)
TERMS = EarlyPaymentTerms(D("2"), 10, 30)


@pytest.mark.parametrize("text", ["2/10 net 30", "2/10 n/30", "2/10 neto 30", " 2 / 10, NET 30 "])
def test_parse_terms(text: str) -> None:
    assert EarlyPaymentTerms.parse(text) == TERMS


@pytest.mark.parametrize("text", ["2/10", "dos/10 neto 30", "2/40 neto 30", ""])
def test_parse_terms_rejects(text: str) -> None:
    with pytest.raises(ValidationError):
        EarlyPaymentTerms.parse(text)


# (payment date, amount paid, outstanding, expected discount)
EARLY_CASES = [
    # Paid on day 10 (11/03, inclusive): 2% × 11,600 = 232.00; 11,368 + 232 = 11,600 settles it.
    (ISSUED + timedelta(days=10), D("11368.00"), D("11600.00"), D("232.00")),
    # Same payment on day 11: too late, no discount.
    (ISSUED + timedelta(days=11), D("11368.00"), D("11600.00"), D("0.00")),
    # One cent short of settling: 11,367.99 + 232 = 11,599.99 < 11,600 → no discount.
    (ISSUED + timedelta(days=3), D("11367.99"), D("11600.00"), D("0.00")),
    # Paying in full early still earns it (the 232.00 is left as the discount to apply).
    (ISSUED, D("11600.00"), D("11600.00"), D("232.00")),
    # After a partial payment of 11,500 only 100 is outstanding: the discount is capped at 100.
    (ISSUED + timedelta(days=5), D("0.00"), D("100.00"), D("100.00")),
]


@pytest.mark.parametrize(("paid_on", "amount", "outstanding", "expected"), EARLY_CASES)
def test_early_payment_discount(
    paid_on: date, amount: Decimal, outstanding: Decimal, expected: Decimal
) -> None:
    assert (
        early_payment_discount(TERMS, D("11600.00"), outstanding, ISSUED, paid_on, amount)
        == expected
    )


def test_early_discount_rounds_once_half_up() -> None:
    # 2.5% × 1,234.50 = 30.8625 → 30.86 ; 2.5% × 1,234.60 = 30.865 → 30.87 (half up)
    terms = EarlyPaymentTerms(D("2.5"), 10, 30)
    assert early_payment_discount(
        terms, D("1234.50"), D("1234.50"), ISSUED, ISSUED, D("1203.64")
    ) == D("30.86")
    assert early_payment_discount(
        terms, D("1234.60"), D("1234.60"), ISSUED, ISSUED, D("1203.73")
    ) == D("30.87")


def _settled(due_offset: int, paid_offset: int) -> SettledInvoice:
    due = date(2026, 1, 1) + timedelta(days=30 * due_offset)
    return SettledInvoice(due, due + timedelta(days=paid_offset))


def test_on_time_streak_counts_back_from_the_latest() -> None:
    history = [_settled(0, 0), _settled(1, 5), _settled(2, -1), _settled(3, 0), _settled(4, 0)]
    # Latest three on time (paid on or before due), then one 5 days late.
    assert on_time_streak(history) == 3
    assert on_time_streak([]) == 0


def test_punctuality_discount() -> None:
    rule = PunctualityReward(3, D("5"))
    # 5% × 1,999.90 = 99.995 → 100.00 (half up)
    three_on_time = [_settled(0, 0), _settled(1, -2), _settled(2, 0)]
    assert punctuality_discount(rule, three_on_time, D("1999.90")) == D("100.00")
    # Only two on time since the last late one: nothing yet.
    assert punctuality_discount(rule, [_settled(0, 4), *three_on_time[1:]], D("1999.90")) == D(
        "0.00"
    )
    with pytest.raises(ValidationError):
        PunctualityReward(0, D("5"))


PREPAY_CASES = [
    # 12 × 499.00 = 5,988.00; 10% = 598.80; total 5,389.20; 5,389.20 / 12 = 449.10 each.
    (
        PrepaymentOffer(12, PrepaymentKind.DISCOUNT, discount_percent=D("10")),
        D("499.00"),
        D("5988.00"),
        D("598.80"),
        D("5389.20"),
        (D("449.10"),) * 12,
    ),
    # One free month: 12 × 499.00 − 499.00 = 5,489.00; 548,900 ¢ / 12 = 45,741 r 8 →
    # eight months of 457.42 and four of 457.41 (8 × 457.42 + 4 × 457.41 = 5,489.00).
    (
        PrepaymentOffer(12, PrepaymentKind.FREE_MONTHS, free_months=1),
        D("499.00"),
        D("5988.00"),
        D("499.00"),
        D("5489.00"),
        (D("457.42"),) * 8 + (D("457.41"),) * 4,
    ),
    # Semester at 5%: 6 × 349.50 = 2,097.00; 5% = 104.85; total 1,992.15;
    # 199,215 ¢ / 6 = 33,202 r 3 → 3 × 332.03 + 3 × 332.02 = 996.09 + 996.06 = 1,992.15.
    (
        PrepaymentOffer(6, PrepaymentKind.DISCOUNT, discount_percent=D("5")),
        D("349.50"),
        D("2097.00"),
        D("104.85"),
        D("1992.15"),
        (D("332.03"),) * 3 + (D("332.02"),) * 3,
    ),
]


@pytest.mark.parametrize(("offer", "fee", "gross", "discount", "total", "per_month"), PREPAY_CASES)
def test_prepayment_quote(
    offer: PrepaymentOffer,
    fee: Decimal,
    gross: Decimal,
    discount: Decimal,
    total: Decimal,
    per_month: tuple[Decimal, ...],
) -> None:
    quote = prepayment_quote(offer, fee)
    assert (quote.gross, quote.discount, quote.total) == (gross, discount, total)
    assert quote.per_month == per_month
    assert sum(quote.per_month) == quote.total


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"months": 3, "kind": "discount"}, "months"),
        ({"months": 12, "kind": "free_months", "free_months": 12}, "free_months"),
        ({"months": 6, "kind": "discount", "discount_percent": D("150")}, "discount_percent"),
    ],
)
def test_prepayment_offer_validation(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as info:
        PrepaymentOffer(**kwargs)  # type: ignore[arg-type]
    assert info.value.field == field
