from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from cobranza_desktop.domain.risk import (
    InvoiceRecord,
    Rating,
    assess,
    exceeds_credit_limit,
    suggested_credit_limit,
)

TODAY = date(2026, 11, 22)
DUE = date(2026, 6, 1)


def paid(days_late: int) -> InvoiceRecord:
    return InvoiceRecord(DUE, DUE + timedelta(days=days_late), Decimal("1000"))


def test_punctual_customer_is_a() -> None:
    profile = assess([paid(0)] * 10, 0, 0, TODAY)
    assert profile.rating == Rating.A and profile.points == 0
    assert not profile.rating.is_chronic


def test_no_history_is_a_prudent_b() -> None:
    assert assess([], 0, 0, TODAY).rating == Rating.B


def test_chronic_late_payer_is_c_or_d() -> None:
    profile = assess([paid(20)] * 6 + [paid(0)] * 4, 1, 0, TODAY)
    assert profile.average_days_late == Decimal("12.0")
    assert profile.late_share == Decimal("0.60")
    assert profile.rating == Rating.C and profile.rating.is_chronic
    worst = assess([paid(45)] * 5, 3, 2, TODAY)
    assert worst.rating == Rating.D


def test_open_overdue_invoices_count_not_future_ones() -> None:
    open_overdue = InvoiceRecord(TODAY - timedelta(days=40), None, Decimal("5"))
    future = InvoiceRecord(TODAY + timedelta(days=5), None, Decimal("5"))
    profile = assess([open_overdue, future], 0, 0, TODAY)
    assert profile.invoices_considered == 1
    assert profile.average_days_late == Decimal("40.0")


def test_credit_limit_by_rating() -> None:
    monthly = Decimal("12345.67")
    assert suggested_credit_limit(Rating.A, monthly) == Decimal("24600.00")
    assert suggested_credit_limit(Rating.B, monthly) == Decimal("12300.00")
    assert suggested_credit_limit(Rating.C, monthly) == Decimal("6100.00")
    assert suggested_credit_limit(Rating.D, monthly) == Decimal("0.00")
    assert suggested_credit_limit(Rating.A, Decimal("0")) == Decimal("0.00")
    assert exceeds_credit_limit(Decimal("900"), Decimal("101"), Decimal("1000"))
    assert not exceeds_credit_limit(Decimal("900"), Decimal("100"), Decimal("1000"))
    assert not exceeds_credit_limit(Decimal("900"), Decimal("100"), None)


@given(
    st.lists(st.integers(min_value=0, max_value=120), min_size=1, max_size=20),
    st.integers(min_value=0, max_value=5),
    st.integers(min_value=0, max_value=5),
)
def test_worse_history_never_rates_better(lates: list[int], broken: int, disputes: int) -> None:
    base = assess([paid(d) for d in lates], broken, disputes, TODAY)
    worse = assess([paid(d + 10) for d in lates], broken + 1, disputes + 1, TODAY)
    order = list(Rating)
    assert order.index(worse.rating) >= order.index(base.rating)
    assert worse.points >= base.points


def test_payment_history_alone_reaches_every_rating() -> None:
    assert assess([paid(0)] * 10, 0, 0, TODAY).rating == Rating.A
    # A few days late now and then: minor delays.
    assert assess([paid(20)] * 2 + [paid(0)] * 8, 0, 0, TODAY).rating == Rating.B
    assert assess([paid(20)] * 6 + [paid(0)] * 4, 0, 0, TODAY).rating == Rating.C
    # One invoice paid 90 days late is high risk, with no promise or dispute behind it.
    severe = assess([paid(90)] + [paid(0)] * 9, 0, 0, TODAY)
    assert severe.rating == Rating.D and severe.broken_promises == severe.disputes == 0
    assert assess([paid(89)] + [paid(0)] * 9, 0, 0, TODAY).rating != Rating.D
    # So is an average of more than 60 days late, even with no single 90-day delay.
    assert assess([paid(61)] * 4, 0, 0, TODAY).rating == Rating.D
    # An invoice still open a year after its due date.
    year_late = InvoiceRecord(TODAY - timedelta(days=365), None, Decimal("1100"))
    assert assess([year_late], 0, 0, TODAY).rating == Rating.D


def test_a_d_customer_gets_no_suggested_credit_and_no_history_is_sin_historial() -> None:
    assert suggested_credit_limit(Rating.D, Decimal("1100.00")) == Decimal("0.00")
    nothing = assess([], 0, 0, TODAY)
    assert not nothing.has_history and nothing.label() == "Sin historial"
