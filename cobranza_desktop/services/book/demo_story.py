"""The demo's collection history, written customer by customer through the services'
session functions: invoices, payments, receipts confirmed, calls with their outcomes and
reasons, promises kept and broken, disputes and status changes with their reasons.

Each customer's story draws on a random generator of its own (seed and customer), and
each event's moment is its own clock: the same seed gives the same book on any engine.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy.orm import Session

from cobranza_desktop.domain.allocation import Allocation as AllocationInput
from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.contact_policy import NonPaymentReason, Outcome
from cobranza_desktop.domain.customers import Channel, CustomerStatus
from cobranza_desktop.domain.money import from_cents
from cobranza_desktop.services.billing.bulk_issue import IssuedDraft, check_drafts, write_issued
from cobranza_desktop.services.billing.disputes import mark_disputed, settle_dispute
from cobranza_desktop.services.billing.invoices import InvoiceDraft
from cobranza_desktop.services.book.demo_kinds import CustomerPlan, PlannedInvoice, Role
from cobranza_desktop.services.book.demo_roles import AGENCY_AFTER, RESTRICT_AFTER
from cobranza_desktop.services.collections.contacts import ContactInput, log_contact
from cobranza_desktop.services.collections.receipts import ReceiptAnswer, record_answer
from cobranza_desktop.services.customers.restrictions import change_status
from cobranza_desktop.services.receivables.bulk_payments import BatchInvoice, PaymentBatch
from cobranza_desktop.services.receivables.payments import PaymentInput
from cobranza_desktop.storage.models import Customer

RECEIPT_DAYS = 35  # invoices issued this recently have their receipt confirmed (most)
RECEIPT_SHARE = 0.92
FOLLOW_UP_DAYS = 21  # calls this recent carry the next action, a week later
WEEK_CAP = 3  # the default contact policy: three contacts in any seven days, one a day
LATE_CALLS = 3  # calls about the newest unpaid invoices of a customer who stopped paying

# How often a late payer of each kind breaks a promise before paying (occasional: never).
BREAKS = {"chronic_late": 0.1, "partial": 0.1, "never": 0.4}

_Action = Callable[[datetime], None]


@dataclass(frozen=True)
class Written:
    invoices: int
    payments: int


class _Story:
    def __init__(
        self,
        session: Session,
        customer: Customer,
        today: date,
        rng: random.Random,
    ) -> None:
        self.session = session
        self.customer = customer
        self.disputed: set[int] = set()
        self.today = today
        self.rng = rng
        self.contact_days: set[date] = set()
        self.channel = Channel.WHATSAPP if customer.whatsapp else Channel.PHONE
        self.events: list[tuple[datetime, int, _Action]] = []

    def follow_up(self, day: date, promised: bool) -> date | None:
        """A week later, for the recent calls only: older follow-ups were done long ago
        (a promise's own date is its follow-up)."""
        recent = (self.today - day).days <= FOLLOW_UP_DAYS
        return day + timedelta(days=7) if recent and not promised else None

    def at(self, moment: datetime, action: _Action) -> None:
        if moment.date() < self.today:
            self.events.append((moment, len(self.events), action))

    def run(self) -> None:
        for moment, _n, action in sorted(self.events, key=lambda e: e[:2]):
            action(moment)

    def slot(self, day: date, last: date) -> datetime | None:
        """The first moment from ``day`` to ``last`` (before today) the contact policy
        allows: not on a Sunday, one a day, three in any seven days."""
        end = min(last, self.today - timedelta(days=1))
        while day <= end:
            week = sum(1 for d in self.contact_days if 0 <= (day - d).days <= 6)
            later = sum(1 for d in self.contact_days if 0 < (d - day).days <= 6)
            if day.weekday() != 6 and day not in self.contact_days and week + later < WEEK_CAP:
                self.contact_days.add(day)
                return datetime.combine(
                    day, time(self.rng.randint(10, 17), self.rng.randrange(0, 60, 5))
                )
            day += timedelta(days=1)
        return None

    # -- the services, one event each -----------------------------------------------

    def contact(
        self,
        day: date,
        last: date,
        outcome: Outcome,
        reason: NonPaymentReason | None = None,
        notes: str = "",
        invoice: BatchInvoice | None = None,
        promise: Callable[[date], date] | None = None,
        promised_amount: Decimal | None = None,
        then: Callable[[datetime], None] | None = None,
    ) -> None:
        """A call on the first day the policy allows; a promise is of what is owed then."""

        def write(_planned: datetime) -> None:
            moment = self.slot(day, last)
            if moment is None:
                return
            amount = invoice.owed_at(moment) if invoice is not None and promise else None
            if amount is not None and promised_amount is not None:  # a part, as they pay
                amount = min(amount, promised_amount)
            promised = promise(moment.date()) if promise else None
            if promise and (not amount or promised is None or promised < moment.date()):
                return
            log_contact(
                self.session,
                ContactInput(
                    customer_id=self.customer.id,
                    channel=self.channel,
                    outcome=Outcome.PROMISE if promise else outcome,
                    reason=reason,
                    notes=notes,
                    next_action_date=self.follow_up(moment.date(), promise is not None),
                    contacted_at=moment,
                    promise_amount=amount,
                    promise_date=promised,
                ),
                moment,
            )
            if then is not None:
                then(moment)

        self.at(datetime.combine(day, time(9, 0)), write)

    def receipt(self, invoice: BatchInvoice) -> None:
        invoice_id = invoice.id
        assert invoice_id is not None

        def write(_planned: datetime) -> None:
            issued = invoice.issue_date
            moment = self.slot(issued + timedelta(days=1), issued + timedelta(days=10))
            if moment is not None:
                record_answer(
                    self.session,
                    invoice_id,
                    ReceiptAnswer.RECEIVED,
                    "",
                    moment,
                    channel=self.channel,
                )

        self.at(datetime.combine(invoice.issue_date + timedelta(days=1), time(9, 0)), write)

    def status(self, day: date, target: CustomerStatus, reason: str, services: str = "") -> None:
        def write(moment: datetime) -> None:
            if self.customer.status != target.value:
                change_status(
                    self.session, self.customer, target, reason, moment.date(), moment, services
                )

        self.at(datetime.combine(day, time(18, 0)), write)

    def dispute(self, invoice: BatchInvoice, opened: date, settled: date | None) -> None:
        number = invoice.number
        invoice_id = invoice.id
        assert invoice_id is not None

        def mark(moment: datetime) -> None:
            mark_disputed(
                self.session,
                invoice_id,
                "El cliente dice que el servicio no se completó.",
                moment.date(),
                FixedClock(moment),
            )
            self.disputed.add(invoice_id)

        self.contact(
            opened,
            opened + timedelta(days=6),
            Outcome.DISPUTE,
            NonPaymentReason.PRODUCT_DISPUTE,
            f"{number}: no reconoce parte del servicio facturado.",
            then=mark,
        )
        if settled is not None:

            def settle(moment: datetime) -> None:
                if invoice_id in self.disputed:
                    settle_dispute(
                        self.session,
                        invoice_id,
                        "Se revisó con el cliente: el servicio se completó y acepta pagar.",
                        moment.date(),
                    )

            self.at(datetime.combine(settled, time(17, 0)), settle)


def _reason(rng: random.Random) -> NonPaymentReason:
    return rng.choice(
        [NonPaymentReason.NO_FUNDS, NonPaymentReason.NO_FUNDS, NonPaymentReason.FORGOT]
    )


def _late_calls(
    story: _Story, planned: PlannedInvoice, invoice: BatchInvoice, *, breaks: float
) -> None:
    """Calls about an invoice paid late: a promise kept, a promise broken (then another
    kept) with odds ``breaks``, or no answer."""
    rng = story.rng
    paid = planned.payments[0].day
    first = planned.due + timedelta(days=rng.randint(3, 8))
    if first >= paid - timedelta(days=2):
        return
    roll = rng.random()
    number = invoice.number
    part = planned.payments[0].amount  # a partial payer promises the part they pay
    if roll < 0.5:  # promises the day it then pays
        story.contact(
            first,
            paid - timedelta(days=2),
            Outcome.PROMISE,
            _reason(rng),
            f"{number}: promete pagar.",
            invoice,
            promise=lambda _d: paid,
            promised_amount=part,
        )
    elif roll < 0.5 + breaks and (paid - first).days > 8:  # a promise broken, then another kept
        story.contact(
            first,
            first + timedelta(days=2),
            Outcome.PROMISE,
            NonPaymentReason.NO_FUNDS,
            f"{number}: pide unos días.",
            invoice,
            promise=lambda d: d + timedelta(days=3),
        )
        again = first + timedelta(days=6)
        if again < paid - timedelta(days=1):
            story.contact(
                again,
                paid - timedelta(days=1),
                Outcome.PROMISE,
                NonPaymentReason.NO_FUNDS,
                f"{number}: no pagó lo prometido; promete de nuevo.",
                invoice,
                promise=lambda _d: paid,
                promised_amount=part,
            )
    else:
        story.contact(
            first,
            paid - timedelta(days=1),
            Outcome.NO_ANSWER,
            notes=f"{number}: no contesta; se deja mensaje.",
        )


def _unpaid_calls(story: _Story, planned: PlannedInvoice, invoice: BatchInvoice) -> None:
    """Calls about an invoice still unpaid: no answer, no funds, promises that fail."""
    rng = story.rng
    number = invoice.number
    for offset in (5, 30):
        day = planned.due + timedelta(days=offset + rng.randint(0, 3))
        roll = rng.random()
        if roll < 0.35:
            story.contact(
                day, day + timedelta(days=5), Outcome.NO_ANSWER, notes=f"{number}: no contesta."
            )
        elif roll < 0.65:
            story.contact(
                day,
                day + timedelta(days=5),
                Outcome.REFUSED,
                rng.choice([NonPaymentReason.NO_FUNDS, NonPaymentReason.REFUSES_NO_REASON]),
                f"{number}: dice que no puede pagar por ahora.",
            )
        else:
            story.contact(
                day,
                day + timedelta(days=5),
                Outcome.PROMISE,
                NonPaymentReason.NO_FUNDS,
                f"{number}: promete un pago.",
                invoice,
                promise=lambda d: d + timedelta(days=rng.randint(3, 10)),
            )


def _status_story(story: _Story, plan: CustomerPlan, role: Role | None) -> None:
    unpaid = [p for p in plan.invoices if not p.payments and p.dispute is None]
    overdue = [p for p in unpaid if p.due < story.today]
    if role is Role.RESTRICTED and overdue:
        story.status(
            overdue[0].due + timedelta(days=RESTRICT_AFTER),
            CustomerStatus.RESTRICTED,
            "Adeudo con más de 60 días de atraso.",
            "Ventas a crédito; solo de contado hasta regularizarse.",
        )
    if role is Role.AGENCY and overdue:
        story.status(
            overdue[0].due + timedelta(days=RESTRICT_AFTER),
            CustomerStatus.SUSPENDED,
            "Adeudo con más de 60 días y promesas incumplidas.",
        )
        story.status(
            overdue[0].due + timedelta(days=AGENCY_AFTER),
            CustomerStatus.AGENCY,
            "Más de 120 días sin pago: se turna al despacho de cobranza.",
        )
    if role is Role.SUSPENDED:
        late = [p for p in plan.invoices if p.payments and (p.payments[-1].day - p.due).days > 35]
        if late:
            target = late[-1]
            story.status(
                target.due + timedelta(days=31),
                CustomerStatus.SUSPENDED,
                "Factura con más de 30 días de atraso.",
            )
            story.status(
                target.payments[-1].day, CustomerStatus.ACTIVE, "Liquidó el adeudo vencido."
            )


def _ledger(
    session: Session, customer: Customer, plan: CustomerPlan, folio_base: int, series: str
) -> tuple[list[IssuedDraft], PaymentBatch]:
    """The customer's invoices checked, and their payments allocated, in memory."""
    drafts = [
        IssuedDraft(
            InvoiceDraft(customer.id, p.lines, p.issue, p.due),
            folio_base + p.folio,
            datetime.combine(p.issue, time(9, 30)),
        )
        for p in plan.invoices
    ]
    check_drafts(session, drafts)
    batch = PaymentBatch(
        customer.id,
        [
            BatchInvoice(
                n,
                d.number(series),
                p.issue,
                d.due_date or p.due,
                d.total_cents,
                d.draft.sat_payment_method.strip().upper(),
            )
            for n, (p, d) in enumerate(zip(plan.invoices, drafts, strict=True))
        ],
    )
    payments = sorted(
        ((pay.day, n, pay) for n, p in enumerate(plan.invoices) for pay in p.payments),
        key=lambda row: row[:2],
    )
    for day, n, pay in payments:
        target = batch.invoices[n]
        owed = target.total_cents - target.paid_cents
        # The clerk applies it to the invoice it pays (the oldest first once that is paid).
        applied = (AllocationInput(n, min(pay.amount, from_cents(owed))),) if owed > 0 else None
        batch.record(
            PaymentInput(
                customer.id, pay.amount, day, pay.method, pay.reference, allocations=applied
            ),
            datetime.combine(day, time(12, 0)),
        )
    for draft, invoice in zip(drafts, batch.invoices, strict=True):
        draft.paid_cents = invoice.paid_cents
    return drafts, batch


def write_customer(
    session: Session,
    customer: Customer,
    plan: CustomerPlan,
    role: Role | None,
    folio_base: int,
    series: str,
    today: date,
    seed: int,
) -> Written:
    """Write one customer's whole history: the invoices and payments in bulk, then the
    collection story, event by event, through the services."""
    rng = random.Random(seed * 1_000_003 + plan.index)
    drafts, batch = _ledger(session, customer, plan, folio_base, series)
    write_issued(session, drafts, series)
    for draft, invoice in zip(drafts, batch.invoices, strict=True):
        invoice.id = draft.id
    batch.write(session)
    plan.customer_id = customer.id
    story = _Story(session, customer, today, rng)
    recent = today - timedelta(days=RECEIPT_DAYS)
    stopped = [p for p in plan.invoices if not p.payments and p.due < today - timedelta(days=3)]
    for planned, invoice in zip(plan.invoices, batch.invoices, strict=True):
        if planned.issue >= recent and rng.random() < RECEIPT_SHARE:
            story.receipt(invoice)
        if planned.dispute is not None:
            story.dispute(invoice, *planned.dispute)
        elif planned.payments and (planned.payments[0].day - planned.due).days > 5:
            if rng.random() < 0.4:
                _late_calls(story, planned, invoice, breaks=BREAKS.get(plan.payer.value, 0.0))
        elif planned in stopped[-LATE_CALLS:] and role is not Role.PLAN:
            _unpaid_calls(story, planned, invoice)
    _status_story(story, plan, role)
    story.run()
    return Written(len(drafts), len(batch.payments))
