"""The billing run: every subscription period due up to a date, each exactly once.

The run deals with periods in order and records each one (billed, paused, or skipped
while the customer is suspended) under the natural key (subscription, period start),
a UNIQUE constraint: running it twice, every day, or after months closed gives the
same invoices. An invoice's issue date is the period's billing date, even when a
catch-up run bills it later. One transaction per run: all or nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from cobranza_desktop.domain.access import Permission
from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.errors import CobranzaError
from cobranza_desktop.domain.i18n import gettext
from cobranza_desktop.domain.invoices import format_number
from cobranza_desktop.domain.money import ZERO, from_cents
from cobranza_desktop.domain.validation import check_date
from cobranza_desktop.services.base.access import require
from cobranza_desktop.services.billing.billing_credit import NewInvoice, apply_run_credit
from cobranza_desktop.services.billing.billing_due import (
    BILLED,
    PAUSED,
    SKIPPED,
    DuePeriod,
    collect_due,
)
from cobranza_desktop.services.billing.billing_write import write_periods
from cobranza_desktop.storage.concurrency import already_done_as, locked_sequence, single_writer
from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.queries.balances import credit_by_customer

Progress = Callable[[int, int], None]  # (done, total)


class BillingCancelled(CobranzaError):
    """The person cancelled the run: nothing was written."""


@dataclass(frozen=True)
class BillingLine:
    """One period in the run: what will be (or was) billed, or why it is not."""

    subscription_id: int
    customer_id: int
    customer_name: str
    description: str
    period_start: date
    period_end: date
    issue_date: date
    due_date: date
    total: Decimal  # tax included; 0.00 when not billed
    outcome: str  # "billed", "paused" or "skipped" (customer suspended)
    prepaid: bool  # paid from a prepayment as it is issued


@dataclass(frozen=True)
class CustomerTotal:
    customer_id: int
    customer_name: str
    count: int
    total: Decimal


@dataclass(frozen=True)
class BillingPlan:
    """The preview: what a run on ``date`` will bill, before anything is written."""

    date: date
    lines: tuple[BillingLine, ...]
    count: int  # invoices
    total: Decimal
    per_customer: tuple[CustomerTotal, ...]


@dataclass(frozen=True)
class BilledInvoice:
    invoice_id: int
    number: str
    customer_id: int
    subscription_id: int
    period_start: date
    period_end: date
    issue_date: date
    due_date: date
    total: Decimal


@dataclass(frozen=True)
class BillingResult:
    date: date
    invoices: tuple[BilledInvoice, ...]
    total: Decimal
    paused: int
    skipped: int

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "invoices": [
                {
                    "number": i.number,
                    "customer_id": i.customer_id,
                    "subscription_id": i.subscription_id,
                    "period_start": i.period_start.isoformat(),
                    "period_end": i.period_end.isoformat(),
                    "issue_date": i.issue_date.isoformat(),
                    "due_date": i.due_date.isoformat(),
                    "total": str(i.total),
                }
                for i in self.invoices
            ],
            "total": str(self.total),
        }


def _line(item: DuePeriod) -> BillingLine:
    return BillingLine(
        subscription_id=item.sub.id,
        customer_id=item.sub.customer_id,
        customer_name=item.customer_name,
        description=item.sub.description,
        period_start=item.charge.start,
        period_end=item.charge.end,
        issue_date=item.charge.billing_date,
        due_date=item.due_date,
        total=item.total,
        outcome=item.outcome,
        prepaid=item.prepayment is not None,
    )


def _plan(through: date, due: list[DuePeriod]) -> BillingPlan:
    lines = [_line(d) for d in due]
    billed = [line for line in lines if line.outcome == BILLED]
    per: dict[int, tuple[str, int, Decimal]] = {}
    for line in billed:
        _, count, total = per.get(line.customer_id, (line.customer_name, 0, ZERO))
        per[line.customer_id] = (line.customer_name, count + 1, total + line.total)
    return BillingPlan(
        date=through,
        lines=tuple(lines),
        count=len(billed),
        total=sum((line.total for line in billed), ZERO),
        per_customer=tuple(
            CustomerTotal(cid, name, count, total)
            for cid, (name, count, total) in sorted(per.items(), key=lambda kv: kv[1][0])
        ),
    )


def _check(cancelled: Callable[[], bool] | None) -> None:
    if cancelled is not None and cancelled():
        raise BillingCancelled(gettext("Facturación cancelada: no se guardó nada."))


def bill_due(
    session: Session,
    through: date,
    now: datetime,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> BillingResult:
    """Bill every period due by ``through`` in the caller's transaction, in bulk.

    The same invoices, allocations and balances as issuing period by period through the
    normal path (tests/services/billing/test_billing_bulk_equivalence.py holds it so).
    """
    from cobranza_desktop.services.base.business import load_profile

    series = load_profile(session).invoice_series
    if not single_writer(session):
        # Take the series first: a second run at the same moment waits here, then reads
        # the periods the first recorded, and bills nothing twice.
        locked_sequence(session, series)
    due = collect_due(session, through)
    total_steps = len(due)
    _check(cancelled)

    def step(done: int) -> None:
        _check(cancelled)
        if progress is not None:
            progress(min(done, total_steps), total_steps)

    # The run receives no money: only customers with credit now can have any to apply.
    with_credit = set(credit_by_customer(session, {d.sub.customer_id for d in due}))
    with already_done_as(gettext("Otra persona facturó estos periodos al mismo tiempo; revise.")):
        written = write_periods(session, due, series, through, now, step)
    _check(cancelled)
    apply_run_credit(
        session,
        [
            NewInvoice(
                id=w.invoice_id,
                customer_id=w.due.sub.customer_id,
                issue_date=w.due.charge.billing_date,
                due_date=w.due.due_date,
                total_cents=w.total_cents,
                prepayment_payment_id=None
                if w.due.prepayment is None
                else w.due.prepayment.payment_id,
                general_credit=w.due.sub.auto_apply_credit and w.due.sub.customer_id in with_credit,
            )
            for w in written
        ],
        now,
    )
    _check(cancelled)
    if progress is not None:
        progress(total_steps, total_steps)
    invoices = tuple(
        BilledInvoice(
            invoice_id=w.invoice_id,
            number=format_number(w.series, w.folio),
            customer_id=w.due.sub.customer_id,
            subscription_id=w.due.sub.id,
            period_start=w.due.charge.start,
            period_end=w.due.charge.end,
            issue_date=w.due.charge.billing_date,
            due_date=w.due.due_date,
            total=from_cents(w.total_cents),
        )
        for w in written
    )
    return BillingResult(
        date=through,
        invoices=invoices,
        total=sum((i.total for i in invoices), ZERO),
        paused=sum(1 for d in due if d.outcome == PAUSED),
        skipped=sum(1 for d in due if d.outcome == SKIPPED),
    )


class BillingRunService:
    def __init__(self, book: Book, clock: Clock) -> None:
        self._book = book
        self._clock = clock

    def _date(self, through: date | None) -> date:
        day = check_date(through or self._clock.today(), "date")
        if day > self._clock.today():
            from cobranza_desktop.domain.errors import ValidationError

            raise ValidationError(
                "date",
                gettext("No se factura por adelantado: la fecha no puede ser futura."),
            )
        return day

    def preview(self, through: date | None = None) -> BillingPlan:
        """What a run would bill (count, total, per customer); nothing is written."""
        day = self._date(through)
        with self._book.session() as session:
            return _plan(day, collect_due(session, day))

    def run(
        self,
        through: date | None = None,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> BillingResult:
        day = self._date(through)
        with self._book.transaction() as session:
            require(session, Permission.BOOKKEEPING)
            return bill_due(session, day, self._clock.now(), progress, cancelled)
