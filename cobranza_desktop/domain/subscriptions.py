"""Subscriptions: the schedule of a monthly service, as pure rules.

A subscription bills in advance, one period at a time, on its billing day. A billing
day past the month's end falls on the month's last day (the 31st bills on Feb 28 or
29) and returns to the 31st in March: every date is computed from the anchor, never
from the previous date, so nothing drifts.

When the start date is not a billing date, the stub before the first billing date is
its own (first) period, billed on the start date: at full price, or prorated by days.
An end date likewise shortens the last period. A period whose start falls in a pause
is shown as paused and not billed. The price is the one in force on the period start.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum

from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.i18n import _, pgettext
from cobranza_desktop.domain.invoices import LineInput, invoice_totals
from cobranza_desktop.domain.money import CENT, round_money

_HUNDRED = Decimal(100)


class BillingPeriod(StrEnum):
    MONTHLY = "monthly"
    BIMONTHLY = "bimonthly"
    QUARTERLY = "quarterly"
    SEMIANNUAL = "semiannual"
    ANNUAL = "annual"

    @property
    def months(self) -> int:
        return _MONTHS[self]

    def label(self) -> str:
        return {
            BillingPeriod.MONTHLY: pgettext("domain.subscriptions", "mensual"),
            BillingPeriod.BIMONTHLY: _("bimestral"),
            BillingPeriod.QUARTERLY: _("trimestral"),
            BillingPeriod.SEMIANNUAL: _("semestral"),
            BillingPeriod.ANNUAL: pgettext("domain.subscriptions", "anual"),
        }[self]


_MONTHS = {
    BillingPeriod.MONTHLY: 1,
    BillingPeriod.BIMONTHLY: 2,
    BillingPeriod.QUARTERLY: 3,
    BillingPeriod.SEMIANNUAL: 6,
    BillingPeriod.ANNUAL: 12,
}
_PERIOD_NAMES = {
    "mensual": BillingPeriod.MONTHLY,
    "bimestral": BillingPeriod.BIMONTHLY,
    "trimestral": BillingPeriod.QUARTERLY,
    "semestral": BillingPeriod.SEMIANNUAL,
    "anual": BillingPeriod.ANNUAL,
    "quarterly": BillingPeriod.QUARTERLY,
    "semiannual": BillingPeriod.SEMIANNUAL,
    "annual": BillingPeriod.ANNUAL,
    "yearly": BillingPeriod.ANNUAL,
}


def parse_period(text: str) -> BillingPeriod:
    """A period from its Spanish or English name ("mensual", "monthly", ...)."""
    key = text.strip().lower()
    try:
        return _PERIOD_NAMES.get(key) or BillingPeriod(key)
    except ValueError:
        raise ValidationError(
            "period",
            _(
                "Periodo desconocido: «{text}». Use mensual, bimestral, trimestral, semestral "
                "o anual."
            ).format(text=text),
        ) from None


def billing_date(year: int, month: int, billing_day: int) -> date:
    """The billing day in that month; past the month's end, its last day."""
    if billing_day <= 28:  # in every month: no calendar lookup (the billing run's hot path)
        return date(year, month, billing_day)
    return date(year, month, min(billing_day, calendar.monthrange(year, month)[1]))


def _anchor(first_year: int, first_month: int, index: int, months: int, day: int) -> date:
    total = first_year * 12 + (first_month - 1) + index * months
    return billing_date(total // 12, total % 12 + 1, day)


@dataclass(frozen=True)
class PriceChange:
    effective_from: date
    price: Decimal


@dataclass(frozen=True)
class Pause:
    start: date
    end: date  # inclusive

    def covers(self, day: date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class Schedule:
    """Everything that decides a subscription's periods and their amounts."""

    price: Decimal  # per period, before discount and tax
    period: BillingPeriod
    billing_day: int
    start: date
    end: date | None = None  # last day of service, inclusive
    prorate: bool = False
    tax_rate_percent: Decimal = Decimal(16)
    discount_percent: Decimal = Decimal(0)
    price_changes: tuple[PriceChange, ...] = field(default=())
    pauses: tuple[Pause, ...] = field(default=())

    def __post_init__(self) -> None:
        object.__setattr__(self, "period", BillingPeriod(self.period))
        validate_schedule(self)

    def price_on(self, day: date) -> Decimal:
        """The price in force on ``day``: the latest change from that day or before."""
        price = self.price
        if not self.price_changes:  # the common case, on the billing run's hot path
            return price
        for change in sorted(self.price_changes, key=lambda c: c.effective_from):
            if change.effective_from <= day:
                price = change.price
        return price

    def paused_on(self, day: date) -> bool:
        return bool(self.pauses) and any(p.covers(day) for p in self.pauses)


def validate_schedule(schedule: Schedule) -> None:
    if not 1 <= schedule.billing_day <= 31:
        raise ValidationError(
            "billing_day",
            _("El día de cobro va del 1 al 31."),
        )
    prices = [schedule.price, *(c.price for c in schedule.price_changes)]
    if any(p <= 0 for p in prices):
        raise ValidationError("price", _("El precio debe ser mayor que cero."))
    if schedule.end is not None and schedule.end < schedule.start:
        raise ValidationError(
            "end",
            _("La fecha de fin no puede ser anterior al inicio."),
        )
    if not Decimal(0) <= schedule.discount_percent < _HUNDRED:
        raise ValidationError(
            "discount",
            _("El descuento va de 0 a menos de 100 %."),
        )
    if not Decimal(0) <= schedule.tax_rate_percent <= _HUNDRED:
        raise ValidationError("tax_rate", _("El IVA va de 0 a 100 %."))
    for pause in schedule.pauses:
        if pause.end < pause.start:
            raise ValidationError(
                "pause",
                _("La pausa termina antes de empezar."),
            )


@dataclass(frozen=True)
class PeriodCharge:
    """One period of a subscription: what it covers, when it is billed and for how much."""

    start: date
    end: date  # inclusive
    billing_date: date
    unit_price: Decimal  # before discount and tax, rounded to the cent
    full_price: Decimal  # the price in force on the period start
    prorated: bool
    paused: bool

    def line(self, description: str, schedule: Schedule, extra_discount: Decimal) -> LineInput:
        """The invoice line for this period (``extra_discount``: a prepayment's percent)."""
        return LineInput(
            f"{description} ({self.start.isoformat()} – {self.end.isoformat()})",
            Decimal(1),
            self.unit_price,
            combine_discounts(schedule.discount_percent, extra_discount),
            schedule.tax_rate_percent,
        )

    def total(self, schedule: Schedule, extra_discount: Decimal = Decimal(0)) -> Decimal:
        return invoice_totals([self.line("", schedule, extra_discount)]).total


def combine_discounts(first: Decimal, second: Decimal) -> Decimal:
    """Two discounts one after the other, as one percent."""
    return first + second - first * second / _HUNDRED


def _prorated(price: Decimal, days: int, full_days: int) -> Decimal:
    # At least a cent: an invoice of 0.00 cannot be issued (one day of a 1.00 year).
    return max(CENT, round_money(price * days / full_days))


def iter_periods(schedule: Schedule) -> Iterator[PeriodCharge]:
    """Every period of the schedule, in order (endless when there is no end date)."""
    for start, end, full_days in _bounds(schedule):
        yield _charge(schedule, start, end, full_days)


def _bounds(schedule: Schedule) -> Iterator[tuple[date, date, int]]:
    """(start, end, days of a full period) of every period, in order: the dates alone, so
    that a caller looking for the periods due computes the amounts of those only."""
    months = schedule.period.months
    day = schedule.billing_day
    first = billing_date(schedule.start.year, schedule.start.month, day)
    if first < schedule.start:
        first = _anchor(schedule.start.year, schedule.start.month, 1, 1, day)
    year, month = first.year, first.month
    if first > schedule.start:  # a stub before the first billing date
        previous = _anchor(year, month, -1, months, day)
        stub_end = min(first - timedelta(days=1), schedule.end or first)
        yield schedule.start, stub_end, (first - previous).days
        if schedule.end is not None and schedule.end < first:
            return
    index = 0
    start = _anchor(year, month, 0, months, day)
    while True:
        following = _anchor(year, month, index + 1, months, day)
        if schedule.end is not None and start > schedule.end:
            return
        end = following - timedelta(days=1)
        if schedule.end is not None:
            end = min(end, schedule.end)
        yield start, end, (following - start).days
        index += 1
        start = following


def _charge(schedule: Schedule, start: date, end: date, full_days: int) -> PeriodCharge:
    full = schedule.price_on(start)
    days = (end - start).days + 1
    prorated = schedule.prorate and days < full_days
    return PeriodCharge(
        start=start,
        end=end,
        billing_date=start,
        unit_price=_prorated(full, days, full_days) if prorated else round_money(full),
        full_price=full,
        prorated=prorated,
        paused=schedule.paused_on(start),
    )


def periods_due(schedule: Schedule, through: date, after: date | None = None) -> list[PeriodCharge]:
    """Periods billed on or before ``through`` that start after ``after`` (paused included)."""
    due: list[PeriodCharge] = []
    for start, end, full_days in _bounds(schedule):
        if start > through:  # a period is billed on its start date
            break
        if after is None or start > after:
            due.append(_charge(schedule, start, end, full_days))
    return due


def next_periods(schedule: Schedule, after: date | None, count: int) -> list[PeriodCharge]:
    """The next ``count`` periods starting after ``after``: the preview of a schedule."""
    result: list[PeriodCharge] = []
    for charge in iter_periods(schedule):
        if after is not None and charge.start <= after:
            continue
        result.append(charge)
        if len(result) >= count:
            break
    return result


def monthly_recurring(schedule: Schedule, on: date) -> Decimal:
    """What the subscription brings per month (tax included), for the MRR totals."""
    one = PeriodCharge(on, on, on, round_money(schedule.price_on(on)), schedule.price, False, False)
    return round_money(one.total(schedule) / schedule.period.months)


def periods_covering(schedule: Schedule, after: date | None, months: int) -> Sequence[PeriodCharge]:
    """The billable periods that a prepayment of ``months`` covers (paused ones skipped)."""
    if months % schedule.period.months:
        raise ValidationError(
            "months",
            _("Un pago de {months} meses no cubre periodos {label}es completos.").format(
                months=months, label=schedule.period.label()
            ),
        )
    wanted = months // schedule.period.months
    covered: list[PeriodCharge] = []
    for charge in iter_periods(schedule):
        if after is not None and charge.start <= after:
            continue
        if charge.paused:
            continue
        covered.append(charge)
        if len(covered) >= wanted:
            break
    return covered
