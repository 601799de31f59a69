"""The indicator arithmetic on numbers small enough to check by hand."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cobranza_desktop.domain import indicators as ind
from cobranza_desktop.domain.forecast import Flow, build_forecast, weeks_of
from cobranza_desktop.domain.i18n import set_language


def test_dso_standard() -> None:
    # 2,000 owed on 2,500 sold in 90 days: 72 days of sales.
    assert ind.dso_standard(200_000, 250_000, 90) == Decimal("72.0")
    assert ind.dso_standard(100, 0, 90) is None
    with pytest.raises(ValueError):
        ind.dso_standard(1, 1, 0)


def test_dso_countback_walks_back_months() -> None:
    # 1,500 owed: this month (20 days) sold 500, the one before (31 days) 0, then 30 days
    # sold 2,000 of which 1,000 is needed: 20 + 31 + 15 = 66.
    assert ind.dso_countback(150_000, [(20, 50_000), (31, 0), (30, 200_000)]) == Decimal("66.0")
    assert ind.dso_countback(0, [(30, 1)]) == Decimal("0.0")
    assert ind.dso_countback(100, [(30, 10)]) is None


def test_cei() -> None:
    # (1000 + 2000 - 2000) / (1000 + 2000 - 2000 current) = 1; nothing collectible: None.
    assert ind.cei(100_000, 200_000, 200_000, 200_000) == Decimal("1.0000")
    assert ind.cei(0, 0, 0, 0) is None
    # (1000 + 2000 - 2000) / (1000 + 2000 - 0) = 1/3.
    assert ind.cei(100_000, 200_000, 200_000, 0) == Decimal("0.3333")
    assert ind.cei(200_000, 0, 150_000, 0) == Decimal("0.2500")


def test_months_back_ends_on_the_date() -> None:
    assert ind.months_back(date(2026, 3, 10), 3) == [
        (date(2026, 1, 1), date(2026, 1, 31)),
        (date(2026, 2, 1), date(2026, 2, 28)),
        (date(2026, 3, 1), date(2026, 3, 10)),
    ]


def test_every_figure_has_a_definition_in_both_languages() -> None:
    for definition in ind.DEFINITIONS.values():
        set_language("es")
        spanish = definition.text()
        set_language("en")
        english = definition.text()
        set_language("es")
        assert spanish and english and spanish != english


def test_forecast_weeks_and_range() -> None:
    as_of = date(2026, 11, 20)
    assert weeks_of(as_of, [date(2026, 11, 20), date(2026, 11, 21), date(2026, 11, 28)]) == [
        -1,
        0,
        1,
    ]
    flows = [
        Flow(1, 0, 10_000, committed=False),  # an invoice: expected in full, low x 0.5
        Flow(1, 1, 4_000, committed=True),  # a promise: x 0.5 in expected and low
        Flow(2, -1, 8_000, committed=False),  # later than usual: 1,000 a week (8 weeks)
    ]
    weeks = build_forecast(as_of, flows, {1: Decimal("0.5")}, Decimal(1))
    assert weeks[0].week_start == date(2026, 11, 21)
    assert (weeks[0].low, weeks[0].expected, weeks[0].high) == (
        Decimal("50.00"),
        Decimal("110.00"),
        Decimal("110.00"),
    )
    assert (weeks[1].low, weeks[1].expected, weeks[1].high) == (
        Decimal("20.00"),
        Decimal("30.00"),
        Decimal("50.00"),
    )


@given(
    st.lists(st.tuples(st.integers(-1, 9), st.integers(1, 10**8), st.booleans()), max_size=20),
    st.decimals(min_value=0, max_value=1, places=4),
)
def test_forecast_range_is_ordered(rows: list[tuple[int, int, bool]], rate: Decimal) -> None:
    flows = [Flow(1, w, c, committed=k) for w, c, k in rows]
    for week in build_forecast(date(2026, 1, 1), flows, {1: rate}, Decimal(1)):
        assert week.low <= week.expected <= week.high


def test_same_days_last_month_by_hand() -> None:
    # The 20th of November against October 1-20; a month end against the whole month
    # before; March 30th against all of February, which is shorter.
    assert ind.same_days_last_month(date(2026, 11, 20)) == (date(2026, 10, 1), date(2026, 10, 20))
    assert ind.same_days_last_month(date(2026, 10, 31)) == (date(2026, 9, 1), date(2026, 9, 30))
    assert ind.same_days_last_month(date(2027, 2, 28)) == (date(2027, 1, 1), date(2027, 1, 31))
    assert ind.same_days_last_month(date(2026, 3, 30)) == (date(2026, 2, 1), date(2026, 2, 28))
    assert ind.same_days_last_month(date(2026, 1, 5)) == (date(2025, 12, 1), date(2025, 12, 5))


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)))
def test_same_days_last_month_lies_in_the_month_before(as_of: date) -> None:
    first, last = ind.same_days_last_month(as_of)
    # It starts the month before and stays within it.
    assert first == ind.month_start(ind.month_start(as_of) - timedelta(days=1))
    assert last < ind.month_start(as_of) and last.month == first.month
    month_ends = (as_of + timedelta(days=1)).day == 1
    if month_ends:
        assert (last + timedelta(days=1)).day == 1  # the whole month before
    else:
        # As many days as the month so far, unless the month before is shorter.
        assert last.day == min(as_of.day, (ind.month_start(as_of) - timedelta(days=1)).day)
