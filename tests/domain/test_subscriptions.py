"""Schedule rules: the end-of-month rule, stubs, pauses, price changes, and exactly-once."""

from __future__ import annotations

import calendar
import itertools
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.subscriptions import (
    BillingPeriod,
    Pause,
    PriceChange,
    Schedule,
    billing_date,
    iter_periods,
    next_periods,
    parse_period,
    periods_covering,
    periods_due,
)


def monthly(day: int, start: date, **kw: object) -> Schedule:
    return Schedule(Decimal("500.00"), BillingPeriod.MONTHLY, day, start, **kw)  # type: ignore[arg-type]


def test_the_31st_bills_on_the_last_day_of_february_and_returns_in_march() -> None:
    dates = [p.billing_date for p in next_periods(monthly(31, date(2027, 1, 31)), None, 4)]
    assert dates == [date(2027, 1, 31), date(2027, 2, 28), date(2027, 3, 31), date(2027, 4, 30)]
    leap = [p.billing_date for p in next_periods(monthly(31, date(2028, 1, 31)), None, 3)]
    assert leap == [date(2028, 1, 31), date(2028, 2, 29), date(2028, 3, 31)]


def test_periods_are_contiguous_and_end_the_day_before_the_next() -> None:
    periods = next_periods(monthly(30, date(2027, 1, 30)), None, 3)
    assert periods[0].end == date(2027, 2, 27)
    assert periods[1].start == date(2027, 2, 28)
    assert periods[1].end == date(2027, 3, 29)


def test_a_stub_before_the_first_billing_day_is_prorated_by_days() -> None:
    schedule = monthly(1, date(2027, 4, 21), prorate=True)
    stub, first = next_periods(schedule, None, 2)
    assert (stub.start, stub.end, stub.billing_date) == (
        date(2027, 4, 21),
        date(2027, 4, 30),
        date(2027, 4, 21),
    )
    assert stub.prorated and stub.unit_price == Decimal("166.67")  # 500 × 10 / 30
    assert (first.start, first.unit_price, first.prorated) == (
        date(2027, 5, 1),
        Decimal("500.00"),
        False,
    )


def test_without_proration_the_stub_is_billed_at_full_price() -> None:
    stub = next_periods(monthly(1, date(2027, 4, 21)), None, 1)[0]
    assert not stub.prorated and stub.unit_price == Decimal("500.00")


def test_the_end_date_shortens_and_prorates_the_last_period() -> None:
    schedule = monthly(1, date(2027, 1, 1), end=date(2027, 3, 15), prorate=True)
    periods = list(iter_periods(schedule))
    assert [p.start for p in periods] == [date(2027, 1, 1), date(2027, 2, 1), date(2027, 3, 1)]
    assert periods[-1].end == date(2027, 3, 15)
    assert periods[-1].unit_price == Decimal("241.94")  # 500 × 15 / 31


def test_price_in_force_on_the_period_start_and_pauses_shown_not_billed() -> None:
    schedule = monthly(
        5,
        date(2027, 1, 5),
        price_changes=(PriceChange(date(2027, 3, 5), Decimal("550.00")),),
        pauses=(Pause(date(2027, 2, 1), date(2027, 2, 28)),),
    )
    periods = periods_due(schedule, date(2027, 4, 4))
    assert [(p.start, p.unit_price, p.paused) for p in periods] == [
        (date(2027, 1, 5), Decimal("500.00"), False),
        (date(2027, 2, 5), Decimal("500.00"), True),
        (date(2027, 3, 5), Decimal("550.00"), False),
    ]


def test_a_prorated_day_costs_at_least_a_cent() -> None:
    schedule = Schedule(
        Decimal(1), BillingPeriod.ANNUAL, 1, date(2024, 1, 1), end=date(2024, 1, 1), prorate=True
    )
    (only,) = list(iter_periods(schedule))
    assert only.prorated and only.unit_price == Decimal("0.01")


def test_totals_include_discount_and_tax() -> None:
    schedule = Schedule(
        Decimal("1000.00"),
        BillingPeriod.QUARTERLY,
        1,
        date(2027, 1, 1),
        discount_percent=Decimal(10),
    )
    first, second = next_periods(schedule, None, 2)
    assert second.start == date(2027, 4, 1)
    assert first.total(schedule) == Decimal("1044.00")  # 1000 − 10 % + 16 %


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("Mensual", BillingPeriod.MONTHLY),
        ("bimestral", BillingPeriod.BIMONTHLY),
        ("quarterly", BillingPeriod.QUARTERLY),
        (" SEMESTRAL ", BillingPeriod.SEMIANNUAL),
        ("annual", BillingPeriod.ANNUAL),
        ("anual", BillingPeriod.ANNUAL),
    ],
)
def test_periods_are_read_in_spanish_or_english(text: str, period: BillingPeriod) -> None:
    assert parse_period(text) is period


@pytest.mark.parametrize(
    "kwargs",
    [
        {"billing_day": 0},
        {"billing_day": 32},
        {"price": Decimal(0)},
        {"end": date(2026, 12, 31)},
        {"discount_percent": Decimal(100)},
        {"pauses": (Pause(date(2027, 2, 2), date(2027, 2, 1)),)},
    ],
)
def test_bad_schedules_are_refused(kwargs: dict[str, object]) -> None:
    base: dict[str, object] = {
        "price": Decimal(500),
        "period": BillingPeriod.MONTHLY,
        "billing_day": 1,
        "start": date(2027, 1, 1),
    }
    with pytest.raises(ValidationError):
        Schedule(**{**base, **kwargs})  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        parse_period("semanal")


def test_a_prepayment_must_cover_whole_periods() -> None:
    quarterly = Schedule(Decimal(900), BillingPeriod.QUARTERLY, 1, date(2027, 1, 1))
    assert len(periods_covering(quarterly, None, 12)) == 4
    with pytest.raises(ValidationError):
        periods_covering(Schedule(Decimal(900), BillingPeriod.ANNUAL, 1, date(2027, 1, 1)), None, 6)


# -- properties ---------------------------------------------------------------------------------

days = st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31))


@st.composite
def schedules(draw: st.DrawFn) -> Schedule:
    start = draw(days)
    changes = draw(
        st.lists(
            st.tuples(days, st.integers(min_value=100, max_value=99_999)),
            max_size=3,
            unique_by=lambda t: t[0],
        )
    )
    pauses = []
    for first in draw(st.lists(days, max_size=2)):
        pauses.append(Pause(first, first + timedelta(days=draw(st.integers(0, 120)))))
    end = draw(st.none() | st.integers(0, 900).map(lambda n: start + timedelta(days=n)))
    return Schedule(
        price=Decimal(draw(st.integers(100, 99_999))) / 100,
        period=draw(st.sampled_from(list(BillingPeriod))),
        billing_day=draw(st.integers(1, 31)),
        start=start,
        end=end,
        prorate=draw(st.booleans()),
        price_changes=tuple(PriceChange(d, Decimal(c) / 100) for d, c in changes),
        pauses=tuple(pauses),
    )


def _brute_force_starts(schedule: Schedule, through: date) -> list[date]:
    """Period starts found day by day, independently of the schedule's own arithmetic."""
    starts: list[date] = []
    anchor: date | None = None
    day = schedule.start
    last = through if schedule.end is None else min(through, schedule.end)
    while day <= last:
        on_day = day.day == min(schedule.billing_day, calendar.monthrange(day.year, day.month)[1])
        if on_day and anchor is None:
            anchor = day
        months = 0 if anchor is None else (day.year - anchor.year) * 12 + day.month - anchor.month
        if day == schedule.start or (on_day and months % schedule.period.months == 0):
            starts.append(day)
        day += timedelta(days=1)
    return starts


def _run(schedule: Schedule, run_dates: list[date]) -> list[date]:
    """Simulate runs: each one bills what is due after the last period dealt with."""
    cursor: date | None = None
    seen: list[date] = []
    for run in run_dates:
        for period in periods_due(schedule, run, cursor):
            seen.append(period.start)
            cursor = period.start
    return seen


@settings(max_examples=150, deadline=None)
@given(schedules(), st.lists(days, min_size=1, max_size=12))
def test_each_period_is_dealt_with_exactly_once_for_any_increasing_runs(
    schedule: Schedule, runs: list[date]
) -> None:
    runs = sorted(runs)
    once = _run(schedule, [runs[-1]])  # a single catch-up run
    assert _run(schedule, runs) == once  # many runs, or the same day twice, give the same
    assert _run(schedule, [*runs, runs[-1]]) == once
    assert len(set(once)) == len(once)
    assert once == _brute_force_starts(schedule, runs[-1])


@settings(max_examples=150, deadline=None)
@given(schedules())
def test_dates_follow_the_end_of_month_rule_and_price_in_force(schedule: Schedule) -> None:
    periods = next_periods(schedule, None, 30)
    full = [
        p
        for p in periods
        if p.start != schedule.start
        or p.start.day
        == min(schedule.billing_day, calendar.monthrange(p.start.year, p.start.month)[1])
    ]
    for period in full:
        assert period.billing_date == period.start
        assert period.start == billing_date(
            period.start.year, period.start.month, schedule.billing_day
        )
    for before, after in itertools.pairwise(periods):
        assert after.start == before.end + timedelta(days=1)  # no gaps, no overlaps
    for period in periods:
        in_force = max(
            (c for c in schedule.price_changes if c.effective_from <= period.start),
            key=lambda c: c.effective_from,
            default=None,
        )
        price = schedule.price if in_force is None else in_force.price
        assert period.full_price == price
        if not period.prorated:
            assert period.unit_price == price
        else:
            assert Decimal(0) < period.unit_price <= price
        assert period.paused == any(p.start <= period.start <= p.end for p in schedule.pauses)
        if schedule.end is not None:
            assert period.end <= schedule.end
