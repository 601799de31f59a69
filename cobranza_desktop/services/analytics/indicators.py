"""How collection is going, as of any date: one frozen view a page, a verb or a PDF shows.

Everything is read in one session, from the book as it was on the date (payments after
it do not count). Receivables are the aging report's total as of each date.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from cobranza_desktop.domain import indicators as ind
from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.forecast import Backtest, ForecastWeek, method_text
from cobranza_desktop.domain.i18n import gettext
from cobranza_desktop.domain.money import from_cents
from cobranza_desktop.domain.validation import check_date
from cobranza_desktop.services.analytics.figures import (
    Averages,
    CollectedMonth,
    Position,
    PromiseFigures,
    ReminderFigure,
    averages,
    book_position,
    collected_from,
    collected_start,
    customer_averages,
    kept_rates,
    monthly_sales,
    position,
    promise_figures,
    promise_outcomes,
    received_between,
    reminder_effectiveness,
    window_sales,
)
from cobranza_desktop.services.analytics.forecast import (
    DEFAULT_KEPT_RATE,
    backtest_in,
    forecast_in,
)
from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.models.core import BusinessProfile
from cobranza_desktop.storage.queries.indicators import (
    Timing,
    collected_by_day,
    fold_months,
    fold_received_months,
    payment_timing,
    sales_by_day,
)

CEI_MONTHS = 12
DSO_MONTHS = 12
COLLECTED_MONTHS = 24
TOP_DEBTORS = 10
REMINDER_DAYS = 180

_Half = TypeVar("_Half")


@dataclass(frozen=True)
class MonthValue:
    month: str
    value: Decimal | None


@dataclass(frozen=True)
class Card:
    """A headline figure with its previous value (previous period) and the change."""

    key: str
    label: str
    value: Decimal | None
    previous: Decimal | None
    change: Decimal | None
    definition: str
    unit: str  # "money", "days", "share"


@dataclass(frozen=True)
class Debtor:
    customer_id: int
    name: str
    balance: Decimal
    overdue: Decimal
    avg_days_late: Decimal | None


@dataclass(frozen=True)
class Indicators:
    as_of: date
    currency: str
    window_days: int
    receivables: Decimal
    overdue: Decimal
    at_risk: Decimal
    dso_standard: Decimal | None
    dso_countback: Decimal | None
    overdue_share: Decimal | None
    at_risk_share: Decimal | None
    averages: Averages
    cei: tuple[MonthValue, ...]
    dso_by_month: tuple[MonthValue, ...]
    sales_by_month: tuple[MonthValue, ...]
    collected_by_month: tuple[CollectedMonth, ...]
    reminders: tuple[ReminderFigure, ...]
    promises: PromiseFigures
    forecast: tuple[ForecastWeek, ...]
    forecast_method: str
    top_debtors: tuple[Debtor, ...]
    cards: tuple[Card, ...]
    backtest: Backtest | None = None

    def to_json(self) -> dict[str, object]:
        """The shape printed by ``cobranza stats --json`` (see README and docs)."""
        a = self.averages
        data: dict[str, object] = {
            "as_of": self.as_of.isoformat(),
            "currency": self.currency,
            "receivables": str(self.receivables),
            "overdue": str(self.overdue),
            "at_risk": str(self.at_risk),
            "dso": {
                "standard": _s(self.dso_standard),
                "countback": _s(self.dso_countback),
                "window_days": self.window_days,
            },
            "overdue_share": _s(self.overdue_share),
            "at_risk_share": _s(self.at_risk_share),
            "avg_days_late": _s(a.days_late),
            "avg_days_late_previous": _s(a.days_late_previous),
            "avg_days_to_pay": _s(a.days_to_pay),
            "avg_days_to_pay_previous": _s(a.days_to_pay_previous),
            "cei": [{"month": m.month, "value": _s(m.value)} for m in self.cei],
            "dso_by_month": [{"month": m.month, "value": _s(m.value)} for m in self.dso_by_month],
            "sales_by_month": [
                {"month": m.month, "amount": _s(m.value)} for m in self.sales_by_month
            ],
            "collected_by_month": [
                {
                    "month": c.month,
                    "amount": str(c.amount),
                    "by_method": {m: str(v) for m, v in c.by_method},
                    "on_time_share": _s(c.on_time_share),
                }
                for c in self.collected_by_month
            ],
            "reminders": [
                {
                    "channel": r.channel,
                    "stage": r.stage,
                    "contacts": r.contacts,
                    "paid_within_7_days": r.paid_within,
                    "share": _s(r.share),
                    "median_days_to_payment": _s(r.median_days),
                }
                for r in self.reminders
            ],
            "promises": {
                "kept": self.promises.kept,
                "broken": self.promises.broken,
                "pending": self.promises.pending,
                "kept_share": _s(self.promises.kept_share),
                "promised": str(self.promises.promised),
                "paid": str(self.promises.paid),
            },
            "forecast": [
                {
                    "week_start": w.week_start.isoformat(),
                    "low": str(w.low),
                    "expected": str(w.expected),
                    "high": str(w.high),
                }
                for w in self.forecast
            ],
            "forecast_method": self.forecast_method,
            "top_debtors": [
                {
                    "customer_id": d.customer_id,
                    "name": d.name,
                    "balance": str(d.balance),
                    "overdue": str(d.overdue),
                    "avg_days_late": _s(d.avg_days_late),
                }
                for d in self.top_debtors
            ],
        }
        if self.backtest is not None:
            data["backtest"] = {
                "weeks": [
                    {
                        "week_start": w.week_start.isoformat(),
                        "forecast": str(w.forecast),
                        "actual": str(w.actual),
                    }
                    for w in self.backtest.weeks
                ],
                "mean_absolute_error": str(self.backtest.mean_absolute_error),
                "relative_error": _s(self.backtest.relative_error),
            }
        return data


def _s(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


@dataclass(frozen=True)
class CustomerIndicators:
    customer_id: int
    as_of: date
    receivables: Decimal
    overdue_share: Decimal | None
    at_risk_share: Decimal | None
    dso_standard: Decimal | None
    averages: Averages
    promises: PromiseFigures


class IndicatorsService:
    def __init__(self, book: Book, clock: Clock) -> None:
        self._book = book
        self._clock = clock

    def _day(self, as_of: date | None) -> date:
        day = check_date(as_of or self._clock.today(), "as_of")
        if day > self._clock.today():
            raise ValidationError("as_of", gettext("La fecha es posterior a hoy."))
        return day

    def compute(
        self,
        as_of: date | None = None,
        *,
        window_days: int = ind.DEFAULT_WINDOW_DAYS,
        with_backtest: bool = False,
    ) -> Indicators:
        """Every figure as of ``as_of`` (default today), for the whole book."""
        day = self._day(as_of)
        if not 1 <= window_days <= 3650:
            raise ValidationError(
                "window_days",
                gettext("La ventana debe ser de 1 a 3650 días."),
            )
        # The two halves read on two connections at once: the database works while Python
        # waits (SQLite releases the GIL), so the page and `cobranza stats` take the longer
        # half, not the sum. Each statement reads its own snapshot either way.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="indicators") as pool:
            payments = pool.submit(self._read, _payments_half, day, with_backtest)
            positions = self._read(_positions_half, day, window_days)
            return _assemble(day, window_days, positions, payments.result())

    def _read(self, half: Callable[[Session, date, Any], _Half], day: date, arg: Any) -> _Half:
        with self._book.session() as session:
            return half(session, day, arg)

    def for_customer(
        self, customer_id: int, as_of: date | None = None, *, window_days: int = 90
    ) -> CustomerIndicators:
        """The same figures for one customer (those that make sense for one)."""
        day = self._day(as_of)
        with self._book.session() as session:
            now = position(session, day, customer_id)
            daily = sales_by_day(session, day - timedelta(days=window_days - 1), day, customer_id)
            avg = averages(session, day, customer_id)
            promises = promise_figures(promise_outcomes(session, day, customer_id))
        return CustomerIndicators(
            customer_id,
            day,
            from_cents(now.total_cents),
            ind.share(now.overdue_cents, now.total_cents),
            ind.share(now.at_risk_cents, now.total_cents),
            ind.dso_standard(now.total_cents, sum(daily.values()), window_days),
            avg,
            promises,
        )

    def backtest(self, as_of: date | None = None) -> Backtest:
        day = self._day(as_of)
        with self._book.session() as session:
            return backtest_in(session, day)


@dataclass(frozen=True)
class _Positions:
    """The half read from invoices: sales, aging positions, the top debtors' days late and
    the money received (so that the halves weigh about the same as of today)."""

    currency: str
    daily: dict[date, int]
    now: Position
    positions: dict[date, Position]
    ends: list[date]
    late: dict[int, tuple[Decimal, Decimal]]  # the top debtors' (days to pay, days late)
    received: list[tuple[str, str, int]]  # (month, method, cents), as collected_by_month
    collected_before: Decimal  # the month before, over the same days (the card's "before")


@dataclass(frozen=True)
class _Payments:
    """The half read from allocations, promises and contacts (the forecast's too)."""

    promises: PromiseFigures
    forecast: list[ForecastWeek]
    on_time: list[Timing]  # per month, for the collected months' on-time shares
    averages: Averages
    reminders: list[ReminderFigure]
    backtest: Backtest | None


def _positions_half(session: Session, day: date, window_days: int) -> _Positions:
    # The table, not the mapped class: ``session.get`` would configure every mapper first.
    profile = BusinessProfile.__table__
    row = session.execute(select(profile.c.currency).where(profile.c.id == 1)).first()
    currency = str(row[0]) if row is not None else "MXN"
    months = ind.months_back(day, max(CEI_MONTHS, DSO_MONTHS, ind.COUNTBACK_MAX_MONTHS))
    first = min(months[0][0], day - timedelta(days=window_days + 400))
    daily = sales_by_day(session, first, day)
    # The position (aging total) at the date and at each earlier month end.
    ends = [day] + [ind.previous_month_end(s) for s, _ in months[-CEI_MONTHS:]]
    now = position(session, day)
    # Month ends one by one: a single pass with a column per date cost twice as much.
    positions = {t: book_position(session, t) for t in ends[1:]}
    positions[day] = now
    # The top debtors' days late, in one pass filtered to them: grouping every customer's
    # 90 days of allocations to keep ten sorted them all.
    late = customer_averages(session, day, [r[0] for r in _top_records(now)])
    by_day = collected_by_day(session, collected_start(day, COLLECTED_MONTHS), day)
    before = received_between(by_day, *ind.same_days_last_month(day))
    return _Positions(
        currency, daily, now, positions, ends, late, fold_received_months(by_day), before
    )


def _payments_half(session: Session, day: date, with_backtest: bool) -> _Payments:
    # One pass over the money applied per day serves the monthly on-time shares and the
    # 90-day averages (the 24 months cover both spans of the trend).
    since = min(collected_start(day, COLLECTED_MONTHS), day - timedelta(days=2 * ind.TREND_DAYS))
    days = payment_timing(session, since, day, "day")
    outcomes = promise_outcomes(session, day)
    promises = promise_figures(outcomes)
    rate = promises.kept_share if promises.kept_share is not None else DEFAULT_KEPT_RATE
    return _Payments(
        promises,
        forecast_in(session, day, rates=kept_rates(outcomes), default_rate=rate),
        fold_months(days),
        averages(session, day, days=days),
        reminder_effectiveness(session, day - timedelta(days=REMINDER_DAYS - 1), day),
        backtest_in(session, day) if with_backtest else None,
    )


def indicators_in(
    session: Session,
    day: date,
    *,
    window_days: int = ind.DEFAULT_WINDOW_DAYS,
    with_backtest: bool = False,
) -> Indicators:
    """Every figure as of ``day`` for the whole book, read in the caller's session."""
    return _assemble(
        day,
        window_days,
        _positions_half(session, day, window_days),
        _payments_half(session, day, with_backtest),
    )


def _assemble(day: date, window_days: int, book: _Positions, paid: _Payments) -> Indicators:
    daily, now, positions, ends = book.daily, book.now, book.positions, book.ends
    months = ind.months_back(day, max(CEI_MONTHS, DSO_MONTHS, ind.COUNTBACK_MAX_MONTHS))
    cei, dso_series, sales_series = _monthly_series(
        months[-CEI_MONTHS:], positions, daily, window_days
    )
    countback_periods = list(reversed(months))
    countback = ind.dso_countback(
        now.total_cents,
        [
            ((last - first_day).days + 1, cents)
            for (first_day, last), cents in zip(
                countback_periods, monthly_sales(daily, countback_periods), strict=True
            )
        ],
    )
    collected = collected_from(day, COLLECTED_MONTHS, book.received, paid.on_time)
    avg = paid.averages
    debtors = _top_debtors(now, book.late)
    dso = ind.dso_standard(now.total_cents, window_sales(daily, day, window_days), window_days)
    previous = positions[ends[1]]
    prev_dso = dso_series[-2].value if len(dso_series) > 1 else None
    cards = (
        _card(
            "receivables",
            gettext("Por cobrar"),
            from_cents(now.total_cents),
            from_cents(previous.total_cents),
            "money",
        ),
        _card("dso_standard", "DSO", dso, prev_dso, "days"),
        _card(
            "overdue_share",
            gettext("Vencido"),
            ind.share(now.overdue_cents, now.total_cents),
            ind.share(previous.overdue_cents, previous.total_cents),
            "share",
        ),
        _card(
            "avg_days_late",
            gettext("Días de atraso"),
            avg.days_late,
            avg.days_late_previous,
            "days",
        ),
        _card(
            "collected",
            gettext("Cobrado en el mes"),
            collected[-1].amount,
            book.collected_before,
            "money",
        ),
        _card("cei", "CEI", cei[-1].value, cei[-2].value, "share"),
    )
    return Indicators(
        as_of=day,
        currency=book.currency,
        window_days=window_days,
        receivables=from_cents(now.total_cents),
        overdue=from_cents(now.overdue_cents),
        at_risk=from_cents(now.at_risk_cents),
        dso_standard=dso,
        dso_countback=countback,
        overdue_share=ind.share(now.overdue_cents, now.total_cents),
        at_risk_share=ind.share(now.at_risk_cents, now.total_cents),
        averages=avg,
        cei=tuple(cei),
        dso_by_month=tuple(dso_series),
        sales_by_month=tuple(sales_series),
        collected_by_month=tuple(collected),
        reminders=tuple(paid.reminders),
        promises=paid.promises,
        forecast=tuple(paid.forecast),
        forecast_method=method_text(),
        top_debtors=debtors,
        cards=cards,
        backtest=paid.backtest,
    )


def _card(key: str, label: str, value: Decimal | None, previous: Decimal | None, unit: str) -> Card:
    return Card(
        key, label, value, previous, ind.change(value, previous), ind.DEFINITIONS[key].text(), unit
    )


def _monthly_series(
    months: list[tuple[date, date]],
    positions: dict[date, Position],
    daily: dict[date, int],
    window_days: int,
) -> tuple[list[MonthValue], list[MonthValue], list[MonthValue]]:
    """CEI, DSO at the month's end, and sales, for each month."""
    cei, dso, sales = [], [], []
    for (first, last), cents in zip(months, monthly_sales(daily, months), strict=True):
        opening = positions[first - timedelta(days=1)]
        closing = positions[last]
        key = ind.month_key(first)
        total, current = closing.total_cents, closing.current_cents
        cei.append(MonthValue(key, ind.cei(opening.total_cents, cents, total, current)))
        month_sales = window_sales(daily, last, window_days)
        dso.append(MonthValue(key, ind.dso_standard(total, month_sales, window_days)))
        sales.append(MonthValue(key, from_cents(cents)))
    return cei, dso, sales


def _top_debtors(now: Position, late: dict[int, tuple[Decimal, Decimal]]) -> tuple[Debtor, ...]:
    """The largest balances as of the date (from the same aging records as the total)."""
    return tuple(
        Debtor(
            r[0],
            r[1],
            from_cents(r[-1]),
            from_cents(r[3] + r[4]),
            late[r[0]][1] if r[0] in late else None,
        )
        for r in _top_records(now)
    )


def _top_records(now: Position) -> list[tuple[Any, ...]]:
    return sorted(now.records, key=lambda r: (-r[-1], r[0]))[:TOP_DEBTORS]
