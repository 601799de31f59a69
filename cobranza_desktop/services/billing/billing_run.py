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
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from cobranza_desktop.domain.access import Permission
from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.customer_status import status_rank
from cobranza_desktop.domain.customers import CustomerStatus
from cobranza_desktop.domain.errors import CobranzaError
from cobranza_desktop.domain.i18n import gettext
from cobranza_desktop.domain.invoices import format_number
from cobranza_desktop.domain.money import ZERO, from_cents
from cobranza_desktop.domain.subscriptions import PeriodCharge, Schedule, periods_due
from cobranza_desktop.domain.validation import check_date
from cobranza_desktop.services.base.access import require
from cobranza_desktop.services.billing.invoices import InvoiceDraft
from cobranza_desktop.services.billing.issuing import issue_on_credit
from cobranza_desktop.services.billing.prepayments import (
    apply_credit_after_issuing,
    prepayment_discount_for,
)
from cobranza_desktop.services.billing.subscriptions import schedule_of
from cobranza_desktop.storage.concurrency import already_done_as
from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.models.subscriptions import (
    Subscription,
    SubscriptionPeriod,
    SubscriptionPrepayment,
)
from cobranza_desktop.storage.queries import subscriptions as queries
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


@dataclass(frozen=True)
class _Due:
    sub: Subscription
    schedule: Schedule
    charge: PeriodCharge
    outcome: str
    prepayment: SubscriptionPrepayment | None
    line: BillingLine


def _terms(session: Session, sub: Subscription, customer_terms: int | None) -> int:
    if sub.payment_terms_days is not None:
        return sub.payment_terms_days
    if customer_terms is not None:
        return customer_terms
    from cobranza_desktop.services.base.business import load_profile

    return load_profile(session).payment_terms_days


def _collect(session: Session, through: date) -> list[_Due]:
    """Every period due by ``through`` that the run has not dealt with, in order."""
    cursors = queries.last_period_starts(session)
    subs = queries.billable_subscriptions(session, through)
    states = queries.customer_states(session, {s.customer_id for s in subs})
    terms = queries.customer_terms(session, {s.customer_id for s in subs})
    prepaid = queries.active_prepayments(session)
    result: list[_Due] = []
    for sub in subs:
        schedule = schedule_of(sub)
        name, status = states[sub.customer_id]
        suspended = status_rank(CustomerStatus(status)) >= status_rank(CustomerStatus.RESTRICTED)
        days = _terms(session, sub, terms.get(sub.customer_id))
        for charge in periods_due(schedule, through, cursors.get(sub.id)):
            if charge.paused:
                outcome = "paused"
            elif suspended and sub.while_suspended == "stop":
                outcome = "skipped"
            else:
                outcome = "billed"
            prepayment = None
            if outcome == "billed":
                prepayment = prepayment_discount_for(prepaid.get(sub.id, []), charge.start)
            extra = prepayment.discount_percent if prepayment is not None else Decimal(0)
            total = charge.total(schedule, extra) if outcome == "billed" else ZERO
            line = BillingLine(
                subscription_id=sub.id,
                customer_id=sub.customer_id,
                customer_name=name,
                description=sub.description,
                period_start=charge.start,
                period_end=charge.end,
                issue_date=charge.billing_date,
                due_date=charge.billing_date + timedelta(days=days),
                total=total,
                outcome=outcome,
                prepaid=prepayment is not None,
            )
            result.append(_Due(sub, schedule, charge, outcome, prepayment, line))
    return result


def _plan(through: date, due: list[_Due]) -> BillingPlan:
    billed = [d.line for d in due if d.outcome == "billed"]
    per: dict[int, tuple[str, int, Decimal]] = {}
    for line in billed:
        _, count, total = per.get(line.customer_id, (line.customer_name, 0, ZERO))
        per[line.customer_id] = (line.customer_name, count + 1, total + line.total)
    return BillingPlan(
        date=through,
        lines=tuple(d.line for d in due),
        count=len(billed),
        total=sum((line.total for line in billed), ZERO),
        per_customer=tuple(
            CustomerTotal(cid, name, count, total)
            for cid, (name, count, total) in sorted(per.items(), key=lambda kv: kv[1][0])
        ),
    )


_OVERRIDE = gettext("Suscripción: se factura según el estado del cliente elegido para el servicio")


def bill_due(
    session: Session,
    through: date,
    now: datetime,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> BillingResult:
    """Bill every period due by ``through`` in the caller's transaction."""
    due = _collect(session, through)
    # The run receives no money: only customers with credit now can have any to apply.
    with_credit = set(credit_by_customer(session, {d.sub.customer_id for d in due}))
    invoices: list[BilledInvoice] = []
    counts = {"paused": 0, "skipped": 0}
    for done, item in enumerate(due, start=1):
        if cancelled is not None and cancelled():
            raise BillingCancelled(gettext("Facturación cancelada: no se guardó nada."))
        record = SubscriptionPeriod(
            subscription_id=item.sub.id,
            period_start=item.charge.start,
            period_end=item.charge.end,
            billing_date=item.charge.billing_date,
            outcome=item.outcome,
            run_date=through,
            created_at=now,
        )
        if item.outcome == "billed":
            extra = item.prepayment.discount_percent if item.prepayment else Decimal(0)
            draft = InvoiceDraft(
                customer_id=item.sub.customer_id,
                lines=(item.charge.line(item.sub.description, item.schedule, extra),),
                issue_date=item.charge.billing_date,
                due_date=item.line.due_date,
            )
            invoice, _warnings = issue_on_credit(session, draft, now, _OVERRIDE)
            record.invoice_id = invoice.id
            general = item.sub.auto_apply_credit and invoice.customer_id in with_credit
            if general or item.prepayment is not None:
                apply_credit_after_issuing(
                    session, invoice, item.prepayment, now, general_credit=general
                )
            invoices.append(
                BilledInvoice(
                    invoice_id=invoice.id,
                    number=format_number(invoice.series, invoice.folio or 0),
                    customer_id=invoice.customer_id,
                    subscription_id=item.sub.id,
                    period_start=item.charge.start,
                    period_end=item.charge.end,
                    issue_date=invoice.issue_date,
                    due_date=invoice.due_date,
                    total=from_cents(invoice.total_cents),
                )
            )
        else:
            counts[item.outcome] += 1
        session.add(record)
        if progress is not None:
            progress(done, len(due))
    with already_done_as(gettext("Otra persona facturó estos periodos al mismo tiempo; revise.")):
        session.flush()
    return BillingResult(
        date=through,
        invoices=tuple(invoices),
        total=sum((i.total for i in invoices), ZERO),
        paused=counts["paused"],
        skipped=counts["skipped"],
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
            return _plan(day, _collect(session, day))

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
