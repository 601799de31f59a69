"""Property tests of late interest: monotonic, zero within grace, never negative, capped."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from cobranza_desktop.domain.money import round_money
from cobranza_desktop.domain.penalties import (
    PaymentEvent,
    falling_balance_interest,
    late_interest,
)

principals = st.integers(min_value=0, max_value=10**10).map(lambda c: Decimal(c) / 100)
rates = st.integers(min_value=0, max_value=20000).map(lambda r: Decimal(r) / 100)
days = st.integers(min_value=0, max_value=3650)
bases = st.sampled_from([365, 360])
graces = st.integers(min_value=0, max_value=60)
DUE = date(2026, 1, 31)


@st.composite
def payment_lists(draw: st.DrawFn, principal: Decimal) -> list[PaymentEvent]:
    count = draw(st.integers(min_value=0, max_value=6))
    events = []
    for _ in range(count):
        offset = draw(st.integers(min_value=-10, max_value=400))
        cents = draw(st.integers(min_value=1, max_value=max(1, int(principal * 100))))
        events.append(PaymentEvent(DUE + timedelta(days=offset), Decimal(cents) / 100))
    return events


@given(principals, rates, days, st.integers(min_value=0, max_value=400), bases)
def test_monotonic_in_days(p: Decimal, r: Decimal, d: int, extra: int, basis: int) -> None:
    assert late_interest(p, r, d, basis) <= late_interest(p, r, d + extra, basis)


@given(principals, rates, st.integers(min_value=0, max_value=20000), days, bases)
def test_monotonic_in_rate(p: Decimal, r: Decimal, extra_bp: int, d: int, basis: int) -> None:
    assert late_interest(p, r, d, basis) <= late_interest(p, r + Decimal(extra_bp) / 100, d, basis)


@given(principals, rates, days, bases)
def test_never_negative_and_exact_to_the_cent(p: Decimal, r: Decimal, d: int, basis: int) -> None:
    result = late_interest(p, r, d, basis)
    assert result >= 0
    assert result == round_money(result)
    # Within half a cent of the exact value.
    assert abs(result - p * r * d / (100 * basis)) <= Decimal("0.005")


@given(principals, rates, graces, st.integers(min_value=-30, max_value=60), bases)
def test_zero_on_or_before_due_date_plus_grace(
    p: Decimal, r: Decimal, grace: int, offset: int, basis: int
) -> None:
    through = DUE + timedelta(days=min(offset, grace))
    accrual = falling_balance_interest(p, [], DUE, through, r, basis, grace_days=grace)
    assert accrual.amount == 0


@given(st.data(), principals, rates, days, bases, graces)
def test_falling_balance_monotonic_in_days_and_rate(
    data: st.DataObject, p: Decimal, r: Decimal, d: int, basis: int, grace: int
) -> None:
    payments = data.draw(payment_lists(p))
    extra = data.draw(st.integers(min_value=0, max_value=200))
    more_rate = r + data.draw(
        st.integers(min_value=0, max_value=5000).map(lambda x: Decimal(x) / 100)
    )
    through = DUE + timedelta(days=d)
    base = falling_balance_interest(p, payments, DUE, through, r, basis, grace_days=grace).amount
    longer = falling_balance_interest(
        p, payments, DUE, through + timedelta(days=extra), r, basis, grace_days=grace
    ).amount
    higher = falling_balance_interest(
        p, payments, DUE, through, more_rate, basis, grace_days=grace
    ).amount
    assert 0 <= base <= longer
    assert base <= higher


@given(st.data(), principals, rates, days, bases, st.integers(min_value=0, max_value=20000))
def test_never_above_the_cap(
    data: st.DataObject, p: Decimal, r: Decimal, d: int, basis: int, cap_bp: int
) -> None:
    cap = Decimal(cap_bp) / 100
    payments = data.draw(payment_lists(p))
    accrual = falling_balance_interest(
        p, payments, DUE, DUE + timedelta(days=d), r, basis, cap_percent=cap
    )
    assert 0 <= accrual.amount <= round_money(p * cap / 100)


@given(st.data(), principals, rates, st.integers(min_value=1, max_value=500), bases, graces)
def test_partial_payments_match_day_by_day_sum(
    data: st.DataObject, p: Decimal, r: Decimal, d: int, basis: int, grace: int
) -> None:
    """The falling balance equals a naive day-by-day sum, rounded once at the end."""
    payments = data.draw(payment_lists(p))
    through = DUE + timedelta(days=d)
    expected = Decimal(0)
    day = DUE + timedelta(days=grace + 1)
    while day <= through:
        paid_before = sum((x.amount for x in payments if x.on < day), Decimal(0))
        balance = max(p - paid_before, Decimal(0))
        expected += balance * r / (100 * basis)
        day += timedelta(days=1)
    accrual = falling_balance_interest(p, payments, DUE, through, r, basis, grace_days=grace)
    assert abs(accrual.amount - expected) <= Decimal("0.005") + Decimal("1e-20")
    assert (
        accrual.amount
        <= falling_balance_interest(p, [], DUE, through, r, basis, grace_days=grace).amount
    )
    assert sum((s.amount for s in accrual.segments), Decimal(0)) == accrual.amount


@given(
    st.data(),
    principals,
    rates,
    st.lists(st.integers(min_value=0, max_value=400), min_size=1, max_size=8),
    bases,
    st.one_of(st.none(), st.integers(min_value=0, max_value=5000).map(lambda x: Decimal(x) / 100)),
)
def test_periods_add_up_to_one_charge(
    data: st.DataObject,
    p: Decimal,
    r: Decimal,
    cuts: list[int],
    basis: int,
    cap: Decimal | None,
) -> None:
    """Charging period by period (catch-up, daily runs) never charges more or less."""
    payments = data.draw(payment_lists(p))
    ends = sorted(set(cuts))
    total = Decimal(0)
    since: date | None = None
    for offset in ends:
        end = DUE + timedelta(days=offset)
        accrual = falling_balance_interest(
            p, payments, DUE, end, r, basis, cap_percent=cap, since=since
        )
        assert accrual.amount >= 0
        total += accrual.amount
        since = end + timedelta(days=1)
    whole = falling_balance_interest(
        p, payments, DUE, DUE + timedelta(days=ends[-1]), r, basis, cap_percent=cap
    )
    assert total == whole.amount
