"""Session-level functions that turn the SQL sums into figures (one place per figure).

The service (``indicators.py``) composes them into one frozen view; the forecast and the
per-customer figures reuse them.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from cobranza_desktop.domain import indicators as ind
from cobranza_desktop.domain.money import from_cents
from cobranza_desktop.domain.plans import PromiseStatus, evaluate_promise
from cobranza_desktop.storage.queries.aging import aging_records
from cobranza_desktop.storage.queries.indicators import (
    Timing,
    collected_by_month,
    contact_followups,
    fold_months,
    payment_timing,
    promises_as_of,
    receivables_as_of,
    sum_days,
)

FOLLOWUP_DAYS = 7


@dataclass(frozen=True, slots=True)
class Position:
    """Receivables as of a date, from the aging report: current, 1-90 days, over 90."""

    as_of: date
    total_cents: int
    current_cents: int
    overdue_cents: int
    at_risk_cents: int
    # The aging records themselves: (customer_id, name, current, 1-90, over 90, total).
    records: tuple[tuple[Any, ...], ...] = ()


def position(session: Session, as_of: date, customer_id: int | None = None) -> Position:
    """The aging report as of ``as_of``, split at the date and 90 days before it, with its
    records (per customer: current, 1-90, over 90, total)."""
    bounds = [as_of, as_of - timedelta(days=ind.AT_RISK_DAYS)]
    records = aging_records(session, as_of, bounds, customer_id)
    current = sum(r[2] for r in records)
    late = sum(r[3] for r in records)
    risk = sum(r[4] for r in records)
    return Position(as_of, current + late + risk, current, late + risk, risk, tuple(records))


def book_position(session: Session, as_of: date) -> Position:
    """The same totals for the whole book, from the aging's open items, without records."""
    total, current, risk = receivables_as_of(session, as_of, ind.AT_RISK_DAYS)
    return Position(as_of, total, current, total - current, risk)


@dataclass(frozen=True, slots=True)
class Averages:
    days_to_pay: Decimal | None
    days_late: Decimal | None
    days_to_pay_previous: Decimal | None
    days_late_previous: Decimal | None


def averages(
    session: Session,
    as_of: date,
    customer_id: int | None = None,
    days: list[Timing] | None = None,
) -> Averages:
    """Amount-weighted days to pay and days late: last 90 days and the 90 before.

    ``days``: per-day timings (``payment_timing(..., "day")``) covering both spans, when
    the caller has read them already (the whole book's indicators read them once).
    """
    span = timedelta(days=ind.TREND_DAYS)
    recent_span = (as_of - span + timedelta(days=1), as_of)
    before_span = (as_of - 2 * span + timedelta(days=1), as_of - span)
    if days is not None:
        recent, before = sum_days(days, *recent_span), sum_days(days, *before_span)
    else:
        recent = payment_timing(session, *recent_span, None, customer_id)
        before = payment_timing(session, *before_span, None, customer_id)

    def pair(rows: list[Timing]) -> tuple[Decimal | None, Decimal | None]:
        if not rows:
            return None, None
        t = rows[0]
        return ind.weighted_days(t.days_to_pay_cents, t.cents), ind.weighted_days(
            t.days_late_cents, t.cents
        )

    now_pay, now_late = pair(recent)
    old_pay, old_late = pair(before)
    return Averages(now_pay, now_late, old_pay, old_late)


def customer_averages(
    session: Session, as_of: date, customer_ids: Sequence[int] | None = None
) -> dict[int, tuple[Decimal, Decimal]]:
    """Per customer (every one, or ``customer_ids``): (days to pay, days late) over the last
    90 days, amount-weighted."""
    start = as_of - timedelta(days=ind.TREND_DAYS - 1)
    result: dict[int, tuple[Decimal, Decimal]] = {}
    for t in payment_timing(session, start, as_of, "customer", customer_ids=customer_ids):
        pay = ind.weighted_days(t.days_to_pay_cents, t.cents)
        late = ind.weighted_days(t.days_late_cents, t.cents)
        if pay is not None and late is not None:
            result[int(t.key)] = (pay, late)
    return result


@dataclass(frozen=True)
class CollectedMonth:
    month: str
    amount: Decimal
    by_method: tuple[tuple[str, Decimal], ...]
    on_time_share: Decimal | None


def collected_start(as_of: date, months: int) -> date:
    """The first day of the ``months`` months that end with the one of ``as_of``."""
    return ind.months_back(as_of, months)[0][0]


def collected_months(
    session: Session, as_of: date, months: int, days: list[Timing] | None = None
) -> list[CollectedMonth]:
    """Money received per month (``months`` of them up to ``as_of``), by method, with the
    share of the money applied that month on invoices not yet due.

    ``days``: the per-day timings from ``collected_start`` to ``as_of``, when read already.
    """
    start = collected_start(as_of, months)
    monthly = (
        fold_months(days) if days is not None else payment_timing(session, start, as_of, "month")
    )
    return collected_from(as_of, months, collected_by_month(session, start, as_of), monthly)


def collected_from(
    as_of: date, months: int, received: list[tuple[str, str, int]], monthly: list[Timing]
) -> list[CollectedMonth]:
    """``collected_months`` from its two reads: ``collected_by_month`` and the per-month
    timings (the whole book's indicators read them on two connections at once)."""
    by_month: dict[str, dict[str, int]] = defaultdict(dict)
    for month, method, cents in received:
        by_month[month][method] = cents
    timing = {t.key: t for t in monthly}
    result = []
    for first, _ in ind.months_back(as_of, months):
        key = ind.month_key(first)
        methods = by_month.get(key, {})
        t = timing.get(key)
        result.append(
            CollectedMonth(
                key,
                from_cents(sum(methods.values())),
                tuple((m, from_cents(c)) for m, c in sorted(methods.items())),
                ind.share(t.on_time_cents, t.cents) if t else None,
            )
        )
    return result


def received_between(received: list[tuple[date, str, int]], start: date, end: date) -> Decimal:
    """The money received within [start, end], summed from per-day rows."""
    return from_cents(sum(cents for day, _, cents in received if start <= day <= end))


@dataclass(frozen=True)
class ReminderFigure:
    channel: str
    stage: str
    contacts: int
    paid_within: int  # contacts followed by a payment within 7 days
    share: Decimal | None
    median_days: Decimal | None  # among contacts followed by any payment by the date


def reminder_effectiveness(session: Session, start: date, as_of: date) -> list[ReminderFigure]:
    groups: dict[tuple[str, str], list[tuple[int | None, int]]] = defaultdict(list)
    for channel, stage, wait, count in contact_followups(session, start, as_of, as_of):
        groups[(channel, stage)].append((wait, count))
    result = []
    for (channel, stage), waits in sorted(groups.items()):
        contacts = sum(n for _, n in waits)
        within = sum(n for w, n in waits if w is not None and w <= FOLLOWUP_DAYS)
        # The median over the counted waits, expanded: a few hundred values at most.
        paid = [w for w, n in waits if w is not None for _ in range(n)]
        median = ind.days(Decimal(str(statistics.median(paid)))) if paid else None
        result.append(
            ReminderFigure(channel, stage, contacts, within, ind.share(within, contacts), median)
        )
    return result


@dataclass(frozen=True)
class PromiseFigures:
    kept: int
    broken: int
    pending: int
    kept_share: Decimal | None
    promised: Decimal  # of the resolved promises
    paid: Decimal  # towards them, up to each promise's amount


def promise_outcomes(
    session: Session, as_of: date, customer_id: int | None = None
) -> dict[int, list[tuple[PromiseStatus, int, int]]]:
    """Per customer: (status, promised cents, paid cents) of each promise as of the date,
    by the domain's one rule (``evaluate_promise``)."""
    result: dict[int, list[tuple[PromiseStatus, int, int]]] = defaultdict(list)
    for p in promises_as_of(session, as_of, customer_id):
        paid = from_cents(p.paid_cents)
        # The paid sum stands for the payments up to the promised date (the query capped it).
        status = evaluate_promise(
            from_cents(p.amount_cents), p.promised_date, [(p.given_on, paid)], as_of
        )
        result[p.customer_id].append((status, p.amount_cents, p.paid_cents))
    return result


def promise_figures(outcomes: dict[int, list[tuple[PromiseStatus, int, int]]]) -> PromiseFigures:
    every = [o for rows in outcomes.values() for o in rows]
    kept = sum(1 for s, _, _ in every if s is PromiseStatus.KEPT)
    broken = sum(1 for s, _, _ in every if s is PromiseStatus.BROKEN)
    resolved = [(a, p) for s, a, p in every if s is not PromiseStatus.PENDING]
    return PromiseFigures(
        kept,
        broken,
        len(every) - kept - broken,
        ind.share(kept, kept + broken),
        from_cents(sum(a for a, _ in resolved)),
        from_cents(sum(min(a, p) for a, p in resolved)),
    )


def kept_rates(outcomes: dict[int, list[tuple[PromiseStatus, int, int]]]) -> dict[int, Decimal]:
    """Each customer's share of resolved promises kept (customers with resolved ones)."""
    rates = {}
    for customer_id, rows in outcomes.items():
        kept = sum(1 for s, _, _ in rows if s is PromiseStatus.KEPT)
        broken = sum(1 for s, _, _ in rows if s is PromiseStatus.BROKEN)
        rate = ind.share(kept, kept + broken)
        if rate is not None:
            rates[customer_id] = rate
    return rates


def window_sales(daily: dict[date, int], end: date, window_days: int) -> int:
    return sum(daily.get(end - timedelta(days=offset), 0) for offset in range(window_days))


def monthly_sales(daily: dict[date, int], periods: Sequence[tuple[date, date]]) -> list[int]:
    """Sales of each (first, last) period from the daily sums."""
    totals = []
    for first, last in periods:
        totals.append(sum(c for d, c in daily.items() if first <= d <= last))
    return totals
