"""Late-payment interest on a falling balance, with the optional cap.

Interest accrues daily, as simple interest, on the invoice's outstanding principal. Day
``d`` accrues on the balance outstanding at the start of ``d``; the products
``balance × days`` of every period are added up exactly and divided and rounded **once**.
A cap limits the cumulative interest of an invoice to a % of its principal. Charging by
periods uses ``R(C(end)) - R(C(start - 1))`` so that the periods add up to the cent (the
rules in full are in the docs of ``domain.penalties``, which holds ``late_interest``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, localcontext
from typing import NamedTuple

from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.domain.money import ZERO, round_money
from cobranza_desktop.domain.penalty_policy import _HUNDRED, DAY_BASES

# Plenty of digits for exact products of amounts, rates and days before the one division.
_PRECISION = 60


def _check_rate_inputs(annual_rate_percent: Decimal, day_basis: int) -> None:
    if annual_rate_percent < 0:
        raise ValidationError(
            "annual_rate_percent",
            _("La tasa no puede ser negativa."),
        )
    if day_basis not in DAY_BASES:
        raise ValidationError(
            "day_basis",
            _("La base de días debe ser 365 o 360."),
        )


def _interest_from_balance_days(
    balance_days: Decimal, annual_rate_percent: Decimal, day_basis: int
) -> Decimal:
    """Exact (unrounded) interest on a sum of ``balance × days`` products."""
    with localcontext() as ctx:
        ctx.prec = _PRECISION
        return balance_days * annual_rate_percent / (_HUNDRED * day_basis)


# -- falling balance -------------------------------------------------------------------------


@dataclass(frozen=True)
class PaymentEvent:
    """Money applied to an invoice's principal on a day."""

    on: date
    amount: Decimal


@dataclass(frozen=True)
class BalancePeriod:
    """Consecutive days, ``start`` to ``end`` inclusive, with the same outstanding balance."""

    start: date
    end: date
    balance: Decimal

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def outstanding_periods(
    principal: Decimal, payments: Iterable[PaymentEvent], start: date, end: date
) -> list[BalancePeriod]:
    """The days ``start``..``end`` cut into periods of constant positive balance.

    Day ``d`` counts with the balance at the start of ``d``: payments made on ``d`` lower
    the balance from ``d + 1`` on. Days with nothing outstanding are left out.
    """
    if end < start:
        return []
    ordered = sorted(payments, key=lambda p: p.on)
    balance = principal - sum((p.amount for p in ordered if p.on < start), ZERO)
    periods: list[BalancePeriod] = []
    cursor = start
    by_day: dict[date, Decimal] = {}
    for p in ordered:
        if start <= p.on <= end:
            by_day[p.on] = by_day.get(p.on, ZERO) + p.amount
    for day in sorted(by_day):
        if balance > 0:
            periods.append(BalancePeriod(cursor, day, balance))
        balance -= by_day[day]
        cursor = day + timedelta(days=1)
    if cursor <= end and balance > 0:
        periods.append(BalancePeriod(cursor, end, balance))
    # Join neighbours with the same balance (payments of zero, or balances that repeat).
    merged: list[BalancePeriod] = []
    for period in periods:
        if merged and merged[-1].balance == period.balance:
            merged[-1] = BalancePeriod(merged[-1].start, period.end, period.balance)
        else:
            merged.append(period)
    return merged


def balance_on(principal: Decimal, payments: Iterable[PaymentEvent], day: date) -> Decimal:
    """The principal outstanding at the start of ``day`` (payments before ``day``)."""
    paid = sum((p.amount for p in payments if p.on < day), ZERO)
    return max(principal - paid, ZERO)


def cumulative_interest_exact(
    principal: Decimal,
    payments: Sequence[PaymentEvent],
    first_day: date,
    through: date,
    annual_rate_percent: Decimal,
    day_basis: int = 365,
    cap: Decimal | None = None,
) -> Decimal:
    """Exact interest accrued from ``first_day`` through ``through``, capped, unrounded."""
    _check_rate_inputs(annual_rate_percent, day_basis)
    if through < first_day:
        return Decimal(0)
    with localcontext() as ctx:
        ctx.prec = _PRECISION
        balance_days = sum(
            (
                p.balance * p.days
                for p in outstanding_periods(principal, payments, first_day, through)
            ),
            Decimal(0),
        )
    exact = _interest_from_balance_days(balance_days, annual_rate_percent, day_basis)
    if cap is not None and exact > cap:
        return cap
    return exact


class InterestSegment(NamedTuple):
    """One line of an interest breakdown: a balance that accrued for some days.

    A named tuple, immutable like the frozen dataclasses around it: a proposal on a big
    book makes tens of thousands, and a frozen dataclass costs five times as much to build
    (a guarded ``object.__setattr__`` per field)."""

    start: date
    end: date
    balance: Decimal
    days: int
    amount: Decimal
    capped: bool = False


@dataclass(frozen=True)
class InterestAccrual:
    """Interest for the days ``period_start``..``period_end``, with its breakdown."""

    period_start: date
    period_end: date
    annual_rate_percent: Decimal
    day_basis: int
    segments: tuple[InterestSegment, ...]
    amount: Decimal
    capped: bool

    @property
    def days(self) -> int:
        return sum(s.days for s in self.segments)


def falling_balance_interest(
    principal: Decimal,
    payments: Sequence[PaymentEvent],
    due_date: date,
    through: date,
    annual_rate_percent: Decimal,
    day_basis: int = 365,
    *,
    grace_days: int = 0,
    cap_percent: Decimal | None = None,
    since: date | None = None,
) -> InterestAccrual:
    """Late interest of one invoice for the days ``since``..``through``.

    ``since`` defaults to the first accruing day (due date + grace + 1) and is never
    earlier. The amount is ``R(C(through)) - R(C(since - 1))`` (see the module docs), so
    consecutive periods add up to the cent; with the default ``since`` it is the cumulative
    interest rounded once.
    """
    if principal < 0:
        raise ValidationError(
            "principal",
            _("El capital no puede ser negativo."),
        )
    _check_rate_inputs(annual_rate_percent, day_basis)
    first_day = due_date + timedelta(days=grace_days + 1)
    start = max(since or first_day, first_day)
    cap = None if cap_percent is None else principal * cap_percent / _HUNDRED

    def cumulative(day: date) -> Decimal:
        return cumulative_interest_exact(
            principal, payments, first_day, day, annual_rate_percent, day_basis, cap
        )

    if through < start:
        return InterestAccrual(start, through, annual_rate_percent, day_basis, (), ZERO, False)
    before = start - timedelta(days=1)
    rounded_before = round_money(cumulative(before))
    segments: list[InterestSegment] = []
    previous = rounded_before
    for period in outstanding_periods(principal, payments, start, through):
        exact_end = cumulative(period.end)
        rounded_end = round_money(exact_end)
        segments.append(
            InterestSegment(
                start=period.start,
                end=period.end,
                balance=period.balance,
                days=period.days,
                amount=rounded_end - previous,
                capped=cap is not None and exact_end >= cap,
            )
        )
        previous = rounded_end
    total_exact = cumulative(through)
    amount = round_money(total_exact) - rounded_before
    return InterestAccrual(
        period_start=start,
        period_end=through,
        annual_rate_percent=annual_rate_percent,
        day_basis=day_basis,
        segments=tuple(segments),
        amount=amount,
        capped=cap is not None and total_exact >= cap,
    )
