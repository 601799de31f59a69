"""Collection indicators: DSO, CEI, shares, averages. Pure arithmetic on cents and days.

The sums come from SQL (storage/queries/indicators.py); this module only turns them
into figures, so that the rule for each figure lives in one place. Shares are fractions
(``Decimal`` rounded to 4 places), days are ``Decimal`` rounded to one decimal, ``None``
when a figure has no denominator (no sales, no payments).
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from cobranza_desktop.domain.i18n import tr

DEFAULT_WINDOW_DAYS = 90
TREND_DAYS = 90
AT_RISK_DAYS = 90
COUNTBACK_MAX_MONTHS = 24
SHARE_PLACES = Decimal("0.0001")
DAY_PLACES = Decimal("0.1")


def share(part: int | Decimal, whole: int | Decimal) -> Decimal | None:
    """``part / whole`` as a fraction with 4 places; ``None`` when there is no whole."""
    if whole == 0:
        return None
    return (Decimal(part) / Decimal(whole)).quantize(SHARE_PLACES, ROUND_HALF_UP)


def days(value: int | Decimal) -> Decimal:
    return Decimal(value).quantize(DAY_PLACES, ROUND_HALF_UP)


def weighted_days(day_cents: int, cents: int) -> Decimal | None:
    """An amount-weighted average of days: sum(days x cents) / sum(cents)."""
    if cents == 0:
        return None
    return days(Decimal(day_cents) / Decimal(cents))


def dso_standard(receivables_cents: int, sales_cents: int, window_days: int) -> Decimal | None:
    """Receivables / credit sales of the last ``window_days`` days x ``window_days``."""
    if window_days < 1:
        raise ValueError("window_days must be positive")
    if sales_cents <= 0:
        return None
    return days(Decimal(receivables_cents) * window_days / Decimal(sales_cents))


def month_start(day: date) -> date:
    return day.replace(day=1)


def month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def previous_month_end(day: date) -> date:
    return month_start(day) - timedelta(days=1)


def months_back(as_of: date, count: int) -> list[tuple[date, date]]:
    """The ``count`` calendar months up to ``as_of``, oldest first, as (first day, last day);
    the as-of month ends on ``as_of`` (only its days up to the date count)."""
    periods: list[tuple[date, date]] = []
    end = as_of
    for _ in range(count):
        start = month_start(end)
        periods.append((start, end))
        end = start - timedelta(days=1)
    return list(reversed(periods))


def month_key(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def dso_countback(
    receivables_cents: int, monthly_sales: Sequence[tuple[int, int]]
) -> Decimal | None:
    """Walk back through months' sales until they cover the receivables.

    ``monthly_sales`` is (days in the period, sales cents), newest first; the as-of
    month counts only its days up to the date. Each whole month covered adds its days;
    the month that finishes the cover adds its share of days. ``None`` when the months
    given never cover the receivables.
    """
    remaining = Decimal(receivables_cents)
    total = Decimal(0)
    if remaining <= 0:
        return days(0)
    for period_days, sales in monthly_sales:
        if sales >= remaining:
            return days(total + remaining / Decimal(sales) * period_days)
        remaining -= sales
        total += period_days
    return None


def cei(
    opening_cents: int, sales_cents: int, closing_cents: int, closing_current_cents: int
) -> Decimal | None:
    """(opening + sales - closing) / (opening + sales - closing current)."""
    collectible = opening_cents + sales_cents - closing_current_cents
    if collectible <= 0:
        return None
    return share(opening_cents + sales_cents - closing_cents, collectible)


def change(current: Decimal | None, previous: Decimal | None) -> Decimal | None:
    """The plain difference between a figure and its previous value (None if either is)."""
    if current is None or previous is None:
        return None
    return current - previous


@dataclass(frozen=True)
class Definition:
    key: str
    es: str
    en: str

    def text(self) -> str:
        return tr(self.es, self.en)


DEFINITIONS: dict[str, Definition] = {
    d.key: d
    for d in (
        Definition(
            "receivables",
            "Saldo por cobrar a la fecha: el total de la antigüedad de saldos.",
            "Receivables as of the date: the aging report's total.",
        ),
        Definition(
            "dso_standard",
            "DSO: saldo por cobrar ÷ ventas a crédito de los últimos N días × N.",
            "DSO: receivables ÷ credit sales of the last N days × N.",
        ),
        Definition(
            "dso_countback",
            "DSO (retroceso): días de ventas, mes por mes hacia atrás, que suman el saldo.",
            "Countback DSO: days of sales, month by month backwards, that add up to receivables.",
        ),
        Definition(
            "cei",
            "CEI: (saldo inicial + ventas − saldo final) ÷ (saldo inicial + ventas − saldo "
            "final por vencer).",
            "CEI: (opening receivables + sales − closing) ÷ (opening + sales − closing current).",
        ),
        Definition(
            "avg_days_to_pay",
            "Días promedio de pago: de la emisión al pago, ponderado por monto (90 días).",
            "Average days to pay: issue to payment, weighted by amount (last 90 days).",
        ),
        Definition(
            "avg_days_late",
            "Días promedio de atraso: del vencimiento al pago (0 si a tiempo), ponderado.",
            "Average days late: due date to payment (0 if on time), weighted by amount.",
        ),
        Definition(
            "overdue_share",
            "Parte vencida: saldo vencido ÷ saldo por cobrar.",
            "Overdue share: overdue receivables ÷ receivables.",
        ),
        Definition(
            "at_risk_share",
            "Parte en riesgo: saldo con más de 90 días de vencido ÷ saldo por cobrar.",
            "At-risk share: receivables over 90 days past due ÷ receivables.",
        ),
        Definition(
            "collected",
            "Cobrado: pagos recibidos en el mes (sin bonificaciones ni pagos revertidos).",
            "Collected: payments received in the month (no discounts, no reversed payments).",
        ),
        Definition(
            "on_time_share",
            "Cobrado a tiempo: parte de lo aplicado en el mes a facturas aún no vencidas.",
            "Collected on time: share of the month's applied money on invoices not yet due.",
        ),
        Definition(
            "reminder_effectiveness",
            "Efectividad: contactos seguidos de un pago en 7 días ÷ contactos.",
            "Effectiveness: contacts followed by a payment within 7 days ÷ contacts.",
        ),
        Definition(
            "promises_kept",
            "Promesas cumplidas: cumplidas ÷ (cumplidas + incumplidas).",
            "Promises kept: kept ÷ (kept + broken).",
        ),
        Definition(
            "forecast",
            "Pronóstico: lo que se espera cobrar cada semana de las próximas 8.",
            "Forecast: what is expected to come in each of the next 8 weeks.",
        ),
    )
}
