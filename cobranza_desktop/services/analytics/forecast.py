"""The cash forecast for the next 8 weeks, and its backtest over the past 12 weeks."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy.orm import Session

from cobranza_desktop.domain.forecast import (
    BACKTEST_WEEKS,
    FORECAST_WEEKS,
    Backtest,
    BacktestWeek,
    Flow,
    ForecastWeek,
    build_forecast,
    weeks_of,
)
from cobranza_desktop.domain.money import from_cents
from cobranza_desktop.services.analytics.figures import (
    kept_rates,
    promise_figures,
    promise_outcomes,
)
from cobranza_desktop.storage.queries.indicators import (
    collected_between,
    forecast_commitments,
    forecast_invoice_flows,
)

# The customer's usual delay is learnt from the last 180 days of payments (the same
# span as the trend of days late; a year cost twice as much on a large book).
DELAY_HISTORY_DAYS = 180
DEFAULT_KEPT_RATE = Decimal(1)


def forecast_in(
    session: Session,
    as_of: date,
    weeks: int = FORECAST_WEEKS,
    rates: Mapping[int, Decimal] | None = None,
    default_rate: Decimal | None = None,
) -> list[ForecastWeek]:
    """The forecast as of ``as_of``: ``weeks`` weeks from the day after it."""
    if rates is None or default_rate is None:
        rates, default_rate = _rates(session, as_of)
    horizon = 7 * weeks
    flows = [
        Flow(customer_id, week, cents, committed=False)
        for customer_id, week, cents in forecast_invoice_flows(
            session, as_of, as_of - timedelta(days=DELAY_HISTORY_DAYS - 1), horizon
        )
    ]
    commitments = forecast_commitments(session, as_of, as_of + timedelta(days=horizon))
    for (customer_id, _, cents), week in zip(
        commitments, weeks_of(as_of, [d for _, d, _ in commitments]), strict=True
    ):
        flows.append(Flow(customer_id, week, cents, committed=True))
    return build_forecast(as_of, flows, rates, default_rate, weeks)


def _rates(session: Session, as_of: date) -> tuple[dict[int, Decimal], Decimal]:
    """Each customer's kept rate, and the whole book's for those without promises."""
    outcomes = promise_outcomes(session, as_of)
    rates = kept_rates(outcomes)
    overall = promise_figures(outcomes).kept_share
    return rates, overall if overall is not None else DEFAULT_KEPT_RATE


def backtest_in(session: Session, as_of: date, weeks: int = BACKTEST_WEEKS) -> Backtest:
    """For each of the past ``weeks`` weeks: what the forecast made the day before it
    expected for it, against the money that came in."""
    result = []
    for i in range(weeks, 0, -1):
        made_on = as_of - timedelta(days=7 * i)
        week_start = made_on + timedelta(days=1)
        expected = forecast_in(session, made_on)[0].expected
        actual = from_cents(collected_between(session, week_start, made_on + timedelta(days=7)))
        result.append(BacktestWeek(week_start, expected, actual))
    return Backtest(tuple(result))
