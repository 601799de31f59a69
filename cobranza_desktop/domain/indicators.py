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

from cobranza_desktop.domain.i18n import gettext

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


def same_days_last_month(as_of: date) -> tuple[date, date]:
    """The span of the month before ``as_of``'s that a month-to-date figure is set against:
    its first day up to the same day of the month (its last day, when it is shorter), or
    the whole month when ``as_of`` is the last day of its own. Ten days of a month against
    a whole month would read as a fall every month until its end."""
    first = month_start(as_of)
    previous_last = first - timedelta(days=1)
    previous_first = month_start(previous_last)
    if (as_of + timedelta(days=1)).day == 1:
        return previous_first, previous_last
    return previous_first, previous_first.replace(day=min(as_of.day, previous_last.day))


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

    def text(self) -> str:
        return _definition_texts()[self.key]


def _definition_texts() -> dict[str, str]:
    """Each figure's one-line definition, in the current language."""
    return {
        "receivables": gettext("Saldo por cobrar a la fecha: el total de la antigüedad de saldos."),
        "dso_standard": gettext(
            "DSO: saldo por cobrar ÷ ventas a crédito de los últimos N días × N."
        ),
        "dso_countback": gettext(
            "DSO (retroceso): días de ventas, mes por mes hacia atrás, que suman el saldo."
        ),
        "cei": gettext(
            "CEI: (saldo inicial + ventas − saldo final) ÷ (saldo inicial + ventas − saldo "
            "final por vencer)."
        ),
        "avg_days_to_pay": gettext(
            "Días promedio de pago: de la emisión al pago, ponderado por monto (90 días)."
        ),
        "avg_days_late": gettext(
            "Días promedio de atraso: del vencimiento al pago (0 si a tiempo), ponderado."
        ),
        "overdue_share": gettext("Parte vencida: saldo vencido ÷ saldo por cobrar."),
        "at_risk_share": gettext(
            "Parte en riesgo: saldo con más de 90 días de vencido ÷ saldo por cobrar."
        ),
        "collected": gettext(
            "Cobrado: pagos recibidos en el mes (sin bonificaciones ni pagos revertidos); se "
            "compara con los mismos días del mes anterior."
        ),
        "on_time_share": gettext(
            "Cobrado a tiempo: parte de lo aplicado en el mes a facturas aún no vencidas."
        ),
        "reminder_effectiveness": gettext(
            "Efectividad: contactos seguidos de un pago en 7 días ÷ contactos."
        ),
        "promises_kept": gettext("Promesas cumplidas: cumplidas ÷ (cumplidas + incumplidas)."),
        "forecast": gettext("Pronóstico: lo que se espera cobrar cada semana de las próximas 8."),
    }


DEFINITIONS: dict[str, Definition] = {
    key: Definition(key)
    for key in (
        "receivables",
        "dso_standard",
        "dso_countback",
        "cei",
        "avg_days_to_pay",
        "avg_days_late",
        "overdue_share",
        "at_risk_share",
        "collected",
        "on_time_share",
        "reminder_effectiveness",
        "promises_kept",
        "forecast",
    )
}
