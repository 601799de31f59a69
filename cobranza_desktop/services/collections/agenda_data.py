"""Reading the book for the collections workflow: configuration and the agenda's cases.

Promise and plan statuses are *derived* here from payments and the date (kept, broken,
completed), so that computing the agenda is a pure read: the same book and the same
date always give the same agenda, and running it twice changes nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cobranza_desktop.domain.agenda import (
    INSTALMENT_STAGES,
    ActionKey,
    BrokenPromise,
    CustomerCase,
    DueInstalment,
    FollowUp,
    LadderInvoice,
)
from cobranza_desktop.domain.contact_policy import ContactPolicy, Outcome
from cobranza_desktop.domain.customer_status import is_restricted, on_ladder
from cobranza_desktop.domain.customers import CustomerStatus
from cobranza_desktop.domain.invoices import InvoiceKind, Lifecycle, format_number
from cobranza_desktop.domain.ladder import DEFAULT_LADDER, Ladder, Track
from cobranza_desktop.domain.money import ZERO, from_cents
from cobranza_desktop.domain.plans import (
    Instalment,
    PlanProgress,
    PlanStatus,
    PromiseStatus,
    evaluate_plan,
    evaluate_promise,
)
from cobranza_desktop.domain.risk import InvoiceRecord, RiskProfile, assess
from cobranza_desktop.services.book.settings import read_setting, write_setting
from cobranza_desktop.storage.models import Allocation, Customer, Invoice, Payment
from cobranza_desktop.storage.models.collections import (
    CollectionAction,
    ContactLog,
    DueDateExtension,
    PaymentPlan,
    PlanInstalment,
    PlanInvoice,
    Promise,
    StatusTransition,
)
from cobranza_desktop.storage.queries.balances import credit_by_customer, net_of_credit

LADDER_KEY = "collections.ladder"
POLICY_KEY = "collections.contact_policy"

RISK_WINDOW_DAYS = 365
# A broken promise or plan this recent puts the customer on the insistent track.
RECENT_BREAK_DAYS = 90
FOLLOW_UP_WINDOW_DAYS = 60
IN_CHUNK = 900


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), IN_CHUNK):
        yield ids[start : start + IN_CHUNK]


def load_ladder(session: Session) -> Ladder:
    raw = read_setting(session, LADDER_KEY)
    return DEFAULT_LADDER if raw is None else Ladder.from_dict(raw)


def save_ladder(session: Session, ladder: Ladder) -> None:
    write_setting(session, LADDER_KEY, ladder.to_dict())


def load_policy(session: Session) -> ContactPolicy:
    raw = read_setting(session, POLICY_KEY)
    return ContactPolicy() if raw is None else ContactPolicy.from_dict(raw)


def save_policy(session: Session, policy: ContactPolicy) -> None:
    write_setting(session, POLICY_KEY, policy.to_dict())


def invoice_number(invoice: Invoice) -> str:
    return format_number(invoice.series, invoice.folio) if invoice.folio else f"#{invoice.id}"


def effective_due_dates(session: Session, invoice_ids: Sequence[int]) -> dict[int, date]:
    """The latest extended due date of each invoice that has an extension."""
    result: dict[int, date] = {}
    for chunk in _chunks(list(invoice_ids)):
        rows = session.execute(
            select(DueDateExtension.invoice_id, DueDateExtension.new_due_date)
            .where(DueDateExtension.invoice_id.in_(chunk))
            .order_by(DueDateExtension.id)
        )
        for invoice_id, new_due in rows:
            result[invoice_id] = new_due
    return result


def payments_between(
    session: Session, customer_id: int, start: date, end: date
) -> list[tuple[date, Decimal]]:
    """The customer's non-reversed payments dated within [start, end]."""
    rows = session.execute(
        select(Payment.payment_date, Payment.amount_cents).where(
            Payment.customer_id == customer_id,
            Payment.reversed_at.is_(None),
            Payment.payment_date >= start,
            Payment.payment_date <= end,
        )
    )
    return [(d, from_cents(c)) for d, c in rows]


def promise_status(session: Session, promise: Promise, today: date) -> PromiseStatus:
    if promise.status == PromiseStatus.CANCELLED.value:
        return PromiseStatus.CANCELLED
    payments = payments_between(session, promise.customer_id, promise.given_on, today)
    return evaluate_promise(
        from_cents(promise.amount_cents), promise.promised_date, payments, today
    )


def plan_invoice_ids(session: Session, plan_id: int) -> list[int]:
    return list(
        session.scalars(select(PlanInvoice.invoice_id).where(PlanInvoice.plan_id == plan_id))
    )


def plan_instalments(session: Session, plan_id: int) -> list[Instalment]:
    rows = session.scalars(
        select(PlanInstalment)
        .where(PlanInstalment.plan_id == plan_id)
        .order_by(PlanInstalment.number)
    )
    return [Instalment(r.number, r.due_date, from_cents(r.amount_cents)) for r in rows]


def plan_paid(session: Session, plan: PaymentPlan, today: date) -> Decimal:
    """Money applied to the plan's invoices from payments made since the plan started."""
    ids = plan_invoice_ids(session, plan.id)
    if plan.interest_invoice_id is not None:
        ids.append(plan.interest_invoice_id)
    cents = session.scalar(
        select(func.coalesce(func.sum(Allocation.amount_cents), 0))
        .join(Payment, Payment.id == Allocation.payment_id)
        .where(
            Allocation.invoice_id.in_(ids),
            Allocation.active.is_(True),
            Payment.payment_date >= plan.start_date,
            Payment.payment_date <= today,
        )
    )
    return from_cents(int(cents or 0))


def plan_progress(session: Session, plan: PaymentPlan, today: date) -> PlanProgress:
    instalments = plan_instalments(session, plan.id)
    if plan.status == PlanStatus.CANCELLED.value:
        progress = evaluate_plan(
            instalments, plan_paid(session, plan, today), today, plan.grace_days
        )
        return PlanProgress(PlanStatus.CANCELLED, progress.paid, progress.instalments, None)
    return evaluate_plan(instalments, plan_paid(session, plan, today), today, plan.grace_days)


@dataclass(frozen=True)
class CustomerHistory:
    """What the risk rating reads about one customer."""

    records: tuple[InvoiceRecord, ...]
    broken_promises: int
    disputes: int
    last_break: date | None


def _paid_dates(session: Session, invoice_ids: Sequence[int]) -> dict[int, date]:
    """For each invoice, the date of the last payment applied to it."""
    result: dict[int, date] = {}
    for chunk in _chunks(list(invoice_ids)):
        rows = session.execute(
            select(Allocation.invoice_id, func.max(Payment.payment_date))
            .join(Payment, Payment.id == Allocation.payment_id)
            .where(Allocation.invoice_id.in_(chunk), Allocation.active.is_(True))
            .group_by(Allocation.invoice_id)
        )
        for invoice_id, paid in rows:
            result[invoice_id] = paid if isinstance(paid, date) else date.fromisoformat(str(paid))
    return result


def histories(
    session: Session, customer_ids: Sequence[int], today: date
) -> dict[int, CustomerHistory]:
    """Payment behaviour over the last year, for the risk rating of many customers at once."""
    since = today - timedelta(days=RISK_WINDOW_DAYS)
    invoices: dict[int, list[tuple[int, date, int, int]]] = defaultdict(list)
    all_ids: list[int] = []
    for chunk in _chunks(list(customer_ids)):
        for cid, inv_id, due, total, paid in session.execute(
            select(
                Invoice.customer_id,
                Invoice.id,
                Invoice.due_date,
                Invoice.total_cents,
                Invoice.paid_cents,
            ).where(
                Invoice.customer_id.in_(chunk),
                Invoice.lifecycle == Lifecycle.ISSUED.value,
                Invoice.kind == InvoiceKind.INVOICE.value,
                Invoice.due_date >= since,
                Invoice.due_date < today,
                Invoice.issue_date <= today,
            )
        ):
            invoices[cid].append((inv_id, due, total, paid))
            all_ids.append(inv_id)
    paid_dates = _paid_dates(session, all_ids)
    broken: dict[int, list[date]] = defaultdict(list)
    disputes: dict[int, int] = defaultdict(int)
    for chunk in _chunks(list(customer_ids)):
        for promise in session.scalars(
            select(Promise).where(
                Promise.customer_id.in_(chunk),
                Promise.promised_date >= since,
                Promise.promised_date < today,
            )
        ):
            if promise_status(session, promise, today) is PromiseStatus.BROKEN:
                broken[promise.customer_id].append(promise.promised_date)
        for plan in session.scalars(
            select(PaymentPlan).where(
                PaymentPlan.customer_id.in_(chunk), PaymentPlan.start_date <= today
            )
        ):
            progress = plan_progress(session, plan, today)
            if progress.status is PlanStatus.BROKEN:
                number = progress.broken_instalment
                when = next(
                    (s.instalment.due_date for s in progress.instalments
                     if s.instalment.number == number),
                    today,
                )  # fmt: skip
                broken[plan.customer_id].append(when)
        rows = session.execute(
            select(ContactLog.customer_id, func.count())
            .where(
                ContactLog.customer_id.in_(chunk),
                ContactLog.outcome == Outcome.DISPUTE.value,
                ContactLog.voided_at.is_(None),
                func.date(ContactLog.contacted_at) >= since.isoformat(),
                func.date(ContactLog.contacted_at) <= today.isoformat(),
            )
            .group_by(ContactLog.customer_id)
        )
        for cid, count in rows:
            disputes[cid] = int(count)
    result: dict[int, CustomerHistory] = {}
    for cid in customer_ids:
        records = []
        for inv_id, due, total, paid in invoices.get(cid, []):
            paid_on = paid_dates.get(inv_id) if paid >= total else None
            if paid_on is not None and paid_on > today:
                paid_on = None
            records.append(InvoiceRecord(due, paid_on, from_cents(total)))
        breaks = broken.get(cid, [])
        result[cid] = CustomerHistory(
            tuple(records), len(breaks), disputes.get(cid, 0), max(breaks) if breaks else None
        )
    return result


def risk_profiles(
    session: Session, customer_ids: Sequence[int], today: date
) -> dict[int, RiskProfile]:
    return {
        cid: assess(h.records, h.broken_promises, h.disputes, today)
        for cid, h in histories(session, customer_ids, today).items()
    }


def track_for(profile: RiskProfile, history: CustomerHistory, today: date) -> Track:
    recent_break = (
        history.last_break is not None and (today - history.last_break).days <= RECENT_BREAK_DAYS
    )
    return Track.INSISTENT if profile.rating.is_chronic or recent_break else Track.STANDARD


def logged_keys(session: Session, customer_ids: Sequence[int]) -> set[ActionKey]:
    keys: set[ActionKey] = set()
    for chunk in _chunks(list(customer_ids)):
        rows = session.execute(
            select(
                CollectionAction.customer_id, CollectionAction.stage, CollectionAction.subject
            ).where(CollectionAction.customer_id.in_(chunk))
        )
        keys.update(ActionKey(c, s, subj) for c, s, subj in rows)
    return keys


def acted_on(session: Session, customer_ids: Sequence[int], day: date) -> set[int]:
    """Customers with an agenda action already done or skipped on ``day``."""
    found: set[int] = set()
    for chunk in _chunks(list(customer_ids)):
        found.update(
            session.scalars(
                select(CollectionAction.customer_id).where(
                    CollectionAction.customer_id.in_(chunk), CollectionAction.action_date == day
                )
            )
        )
    return found


def contact_days(
    session: Session, customer_ids: Sequence[int], start: date, end: date
) -> dict[int, list[date]]:
    """The days of each customer's (non-voided) contacts within [start, end], one per contact."""
    result: dict[int, list[date]] = defaultdict(list)
    for chunk in _chunks(list(customer_ids)):
        rows = session.execute(
            select(ContactLog.customer_id, ContactLog.contacted_at).where(
                ContactLog.customer_id.in_(chunk),
                ContactLog.voided_at.is_(None),
                ContactLog.contacted_at >= start,
                ContactLog.contacted_at < end + timedelta(days=1),
            )
        )
        for cid, moment in rows:
            result[cid].append(moment.date())
    return result


def latest_transitions(session: Session, customer_ids: Sequence[int]) -> dict[int, int]:
    result: dict[int, int] = {}
    for chunk in _chunks(list(customer_ids)):
        rows = session.execute(
            select(StatusTransition.customer_id, func.max(StatusTransition.id))
            .where(StatusTransition.customer_id.in_(chunk))
            .group_by(StatusTransition.customer_id)
        )
        result.update({cid: int(tid) for cid, tid in rows})
    return result


@dataclass(frozen=True)
class _OpenRow:
    id: int
    series: str
    folio: int | None
    due_date: date
    balance_cents: int


def _horizon(ladder: Ladder) -> int:
    """How many days before the due date the earliest stage may fire."""
    earliest = min(
        [s.offset_days for s in ladder.track_stages(Track.INSISTENT)]
        + [s.offset_days for s in INSTALMENT_STAGES]
    )
    return max(0, -earliest)


def build_cases(
    session: Session, day: date, ladder: Ladder, policy: ContactPolicy
) -> tuple[list[CustomerCase], set[ActionKey]]:
    """Everything the agenda needs for ``day``: one case per customer with something to do."""
    horizon = day + timedelta(days=_horizon(ladder))
    open_invoices: dict[int, list[_OpenRow]] = defaultdict(list)
    for row in session.execute(
        select(
            Invoice.id,
            Invoice.customer_id,
            Invoice.series,
            Invoice.folio,
            Invoice.due_date,
            Invoice.total_cents - Invoice.paid_cents,
        )
        .where(
            Invoice.lifecycle == Lifecycle.ISSUED.value,
            Invoice.paid_cents < Invoice.total_cents,
            Invoice.issue_date <= day,
        )
        .order_by(Invoice.customer_id, Invoice.due_date, Invoice.id)
    ):
        open_invoices[row[1]].append(_OpenRow(row[0], row[2], row[3], row[4], int(row[5])))
    # Unapplied credit pays the oldest invoices first: what it covers is not chased.
    for cid, credit in credit_by_customer(session, open_invoices).items():
        left = net_of_credit([(i.id, i.balance_cents) for i in open_invoices[cid]], credit)
        open_invoices[cid] = [replace(i, balance_cents=left[i.id]) for i in open_invoices[cid]]
        open_invoices[cid] = [i for i in open_invoices[cid] if i.balance_cents > 0]
        if not open_invoices[cid]:
            del open_invoices[cid]
    extensions = effective_due_dates(
        session, [i.id for invs in open_invoices.values() for i in invs]
    )

    # Plans: current ones take their invoices off the ladder; broken ones are followed up.
    in_plan: set[int] = set()
    instalments: dict[int, list[DueInstalment]] = defaultdict(list)
    breaks: dict[int, list[BrokenPromise]] = defaultdict(list)
    for plan in session.scalars(
        select(PaymentPlan).where(
            PaymentPlan.start_date <= day, PaymentPlan.status != PlanStatus.CANCELLED.value
        )
    ):
        progress = plan_progress(session, plan, day)
        if progress.status is PlanStatus.CURRENT:
            in_plan.update(plan_invoice_ids(session, plan.id))
            if plan.interest_invoice_id is not None:
                in_plan.add(plan.interest_invoice_id)
            instalments[plan.customer_id].extend(
                DueInstalment(plan.id, s.instalment.number, s.instalment.due_date, s.remaining)
                for s in progress.instalments
                if s.remaining > 0
            )
        elif progress.status is PlanStatus.BROKEN:
            state = next(
                s for s in progress.instalments if s.instalment.number == progress.broken_instalment
            )
            breaks[plan.customer_id].append(
                BrokenPromise(plan.id, state.remaining, state.instalment.due_date, is_plan=True)
            )

    pending_promise: dict[int, date] = {}
    for promise in session.scalars(
        select(Promise).where(
            Promise.given_on <= day,
            Promise.status != PromiseStatus.CANCELLED.value,
            Promise.promised_date >= day - timedelta(days=RECENT_BREAK_DAYS),
        )
    ):
        status = promise_status(session, promise, day)
        if status is PromiseStatus.PENDING:
            current = pending_promise.get(promise.customer_id)
            if current is None or promise.promised_date > current:
                pending_promise[promise.customer_id] = promise.promised_date
        elif status is PromiseStatus.BROKEN:
            breaks[promise.customer_id].append(
                BrokenPromise(promise.id, from_cents(promise.amount_cents), promise.promised_date)
            )

    follow_ups: dict[int, list[FollowUp]] = defaultdict(list)
    for contact_id, cid, next_day in session.execute(
        select(ContactLog.id, ContactLog.customer_id, ContactLog.next_action_date).where(
            ContactLog.voided_at.is_(None),
            ContactLog.next_action_date.is_not(None),
            ContactLog.next_action_date <= day,
            ContactLog.next_action_date >= day - timedelta(days=FOLLOW_UP_WINDOW_DAYS),
            ContactLog.contacted_at < day + timedelta(days=1),
        )
    ):
        if next_day is not None:
            follow_ups[cid].append(FollowUp(contact_id, next_day))

    restricted_ids = set(
        session.scalars(
            select(Customer.id).where(
                Customer.status.in_([s.value for s in CustomerStatus if is_restricted(s)])
            )
        )
    )
    candidates = sorted(
        {
            cid
            for cid, invs in open_invoices.items()
            if any(
                i.id not in in_plan and extensions.get(i.id, i.due_date) <= horizon for i in invs
            )
        }
        | set(instalments)
        | set(breaks)
        | set(follow_ups)
        | restricted_ids
    )
    customers: dict[int, Customer] = {}
    for chunk in _chunks(candidates):
        for customer in session.scalars(select(Customer).where(Customer.id.in_(chunk))):
            if on_ladder(CustomerStatus(customer.status)):
                customers[customer.id] = customer
    ids = sorted(customers)
    history = histories(session, ids, day)
    transitions = latest_transitions(session, ids)
    contacts = contact_days(session, ids, day - timedelta(days=6), day)
    acted = acted_on(session, ids, day)
    cases: list[CustomerCase] = []
    for cid in ids:
        customer = customers[cid]
        # The track is decided by past behaviour: the invoices now open are what the
        # ladder is about, so they do not make the customer "chronic" by themselves.
        settled = [r for r in history[cid].records if r.paid_date is not None]
        profile = assess(settled, history[cid].broken_promises, history[cid].disputes, day)
        ladder_invoices = tuple(
            LadderInvoice(
                inv.id,
                format_number(inv.series, inv.folio) if inv.folio else f"#{inv.id}",
                extensions.get(inv.id, inv.due_date),
                from_cents(inv.balance_cents),
            )
            for inv in open_invoices.get(cid, [])
            if inv.id not in in_plan
        )
        cases.append(
            CustomerCase(
                customer_id=cid,
                name=customer.name,
                status=CustomerStatus(customer.status),
                track=track_for(profile, history[cid], day),
                invoices=ladder_invoices,
                instalments=tuple(instalments.get(cid, [])),
                broken_promises=tuple(breaks.get(cid, [])),
                pending_promise_date=pending_promise.get(cid),
                status_transition_id=transitions.get(cid),
                contact_days=tuple(sorted(contacts.get(cid, []))),
                follow_ups=tuple(follow_ups.get(cid, [])),
                acted_today=cid in acted,
            )
        )
    return cases, logged_keys(session, ids)


def open_balance(session: Session, customer_id: int) -> Decimal:
    cents = session.scalar(
        select(func.coalesce(func.sum(Invoice.total_cents - Invoice.paid_cents), 0)).where(
            Invoice.customer_id == customer_id,
            Invoice.lifecycle == Lifecycle.ISSUED.value,
            Invoice.paid_cents < Invoice.total_cents,
        )
    )
    return from_cents(int(cents or 0)) if cents else ZERO
