"""The cash forecast: what is expected to come in each of the next weeks, as a range.

Plain words (shown to the owner with the figures): each open invoice is expected on its
due date moved by that customer's own average delay; plan instalments and open promises
on their dates. Promises and instalments count at the customer's rate of promises kept.

- expected: invoices at their moved date + promises and instalments x the kept rate;
- low: the same with the invoices also x the kept rate;
- invoices already later than the customer's usual delay may come any week: they are
  spread evenly over the weeks in expected and high, and left out of low;
- high: everything at face value (promises and instalments not discounted).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from cobranza_desktop.domain.i18n import _
from cobranza_desktop.domain.money import from_cents

FORECAST_WEEKS = 8
BACKTEST_WEEKS = 12


@dataclass(frozen=True)
class Flow:
    """Money expected from one customer in one week (0-based; -1 = later than usual)."""

    customer_id: int
    week: int
    cents: int
    committed: bool  # a promise or an instalment (discounted by the kept rate)


@dataclass(frozen=True)
class ForecastWeek:
    week_start: date
    low: Decimal
    expected: Decimal
    high: Decimal


def week_starts(as_of: date, weeks: int = FORECAST_WEEKS) -> list[date]:
    """Week 0 starts the day after ``as_of``; each week is seven days."""
    return [as_of + timedelta(days=1 + 7 * i) for i in range(weeks)]


def _cents(value: Decimal) -> Decimal:
    return value.quantize(Decimal(1), ROUND_HALF_UP)


def build_forecast(
    as_of: date,
    flows: Iterable[Flow],
    kept_rate: Mapping[int, Decimal],
    default_rate: Decimal,
    weeks: int = FORECAST_WEEKS,
) -> list[ForecastWeek]:
    """Sum the flows into weeks as a low/expected/high range (see the module's words)."""
    low = [Decimal(0)] * weeks
    expected = [Decimal(0)] * weeks
    high = [Decimal(0)] * weeks
    for flow in flows:
        rate = kept_rate.get(flow.customer_id, default_rate)
        if flow.week < 0:
            # Later than usual: may come any week, so spread evenly; low leaves it out.
            for week in range(weeks):
                expected[week] += Decimal(flow.cents) / weeks
                high[week] += Decimal(flow.cents) / weeks
            continue
        if flow.week >= weeks:
            continue
        high[flow.week] += flow.cents
        expected[flow.week] += flow.cents * rate if flow.committed else flow.cents
        low[flow.week] += flow.cents * rate
    return [
        ForecastWeek(
            start,
            from_cents(int(_cents(low[i]))),
            from_cents(int(_cents(expected[i]))),
            from_cents(int(_cents(high[i]))),
        )
        for i, start in enumerate(week_starts(as_of, weeks))
    ]


@dataclass(frozen=True)
class BacktestWeek:
    week_start: date
    forecast: Decimal
    actual: Decimal


@dataclass(frozen=True)
class Backtest:
    weeks: tuple[BacktestWeek, ...]

    @property
    def mean_absolute_error(self) -> Decimal:
        if not self.weeks:
            return Decimal("0.00")
        total = sum((abs(w.forecast - w.actual) for w in self.weeks), Decimal(0))
        return (total / len(self.weeks)).quantize(Decimal("0.01"), ROUND_HALF_UP)

    @property
    def relative_error(self) -> Decimal | None:
        """Sum of absolute errors / sum of actuals (a weighted MAPE), as a fraction."""
        actual = sum((w.actual for w in self.weeks), Decimal(0))
        if actual == 0:
            return None
        total = sum((abs(w.forecast - w.actual) for w in self.weeks), Decimal(0))
        return (total / actual).quantize(Decimal("0.0001"), ROUND_HALF_UP)


def method_text() -> str:
    return _(
        "Cada factura abierta se espera en su vencimiento movido por el atraso promedio de ese "
        "cliente; las parcialidades de convenio y las promesas, en su fecha, por la tasa de "
        "promesas cumplidas del cliente. Lo ya más atrasado de lo habitual se reparte por "
        "igual entre las semanas. Mínimo: todo por esa tasa y sin lo muy atrasado. Máximo: "
        "todo completo."
    )


def weeks_of(as_of: date, dates: Sequence[date]) -> list[int]:
    """The forecast week of each date (-1 when on or before ``as_of``)."""
    return [-1 if d <= as_of else (d - as_of - timedelta(days=1)).days // 7 for d in dates]
