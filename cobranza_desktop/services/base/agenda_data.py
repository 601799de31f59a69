"""Reading the book for the collections workflow: configuration, plan and promise
statuses, payment histories and the agenda's cases.

Promise and plan statuses are *derived* here from payments and the date (kept, broken,
completed), so that computing the agenda is a pure read: the same book and the same
date always give the same agenda, and running it twice changes nothing. The facts come
from set-based queries (:mod:`cobranza_desktop.storage.queries.agenda`), the meaning
from the domain (:mod:`cobranza_desktop.domain.agenda_cases`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy.orm import Session

from cobranza_desktop.domain.agenda import ActionKey, CustomerCase, LadderInvoice
from cobranza_desktop.domain.agenda_cases import (
    RECENT_BREAK_DAYS,
    AgendaFacts,
    CustomerFacts,
    CustomerHistory,
    PlanState,
    PromiseState,
    candidates,
    plan_break,
)
from cobranza_desktop.domain.agenda_cases import build_cases as cases_from_facts
from cobranza_desktop.domain.contact_policy import ContactPolicy
from cobranza_desktop.domain.customer_status import is_restricted, on_ladder
from cobranza_desktop.domain.customers import CustomerStatus
from cobranza_desktop.domain.invoices import invoice_number
from cobranza_desktop.domain.ladder import DEFAULT_LADDER, Ladder
from cobranza_desktop.domain.money import from_cents
from cobranza_desktop.domain.plans import (
    Instalment,
    PlanProgress,
    PlanStatus,
    PromiseStatus,
    evaluate_plan,
    evaluate_promise,
)
from cobranza_desktop.domain.risk import InvoiceRecord, LateTally
from cobranza_desktop.services import CancelCheck, WorkCancelled, never_cancel
from cobranza_desktop.services.base.ladder_subjects import ladder_rows
from cobranza_desktop.services.base.receipt_facts import ReceiptFacts, receipt_facts_of
from cobranza_desktop.services.base.settings import read_setting, write_setting
from cobranza_desktop.storage import risk_tallies
from cobranza_desktop.storage.models.collections import PaymentPlan, Promise
from cobranza_desktop.storage.queries import agenda as facts
from cobranza_desktop.storage.queries.agenda import OpenInvoiceRow, effective_due_dates
from cobranza_desktop.storage.queries.balances import credit_by_customer, net_of_credit

__all__ = ["effective_due_dates"]  # read from here by the collection tools

LADDER_KEY = "collections.ladder"
POLICY_KEY = "collections.contact_policy"

FOLLOW_UP_WINDOW_DAYS = 60


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


# -- promises ------------------------------------------------------------------------------


def payments_between(
    session: Session, customer_id: int, start: date, end: date
) -> list[tuple[date, Decimal]]:
    """The customer's non-reversed payments dated within [start, end]."""
    rows = facts.payments_by_customer(session, [customer_id], start, end).get(customer_id, [])
    return [(d, from_cents(c)) for d, c in rows]


def promise_statuses(
    session: Session, promises: Sequence[Promise], today: date
) -> dict[int, PromiseStatus]:
    """The status of each promise as of ``today``, with one query for all their payments."""
    live = [p for p in promises if p.status != PromiseStatus.CANCELLED.value]
    result = {p.id: PromiseStatus.CANCELLED for p in promises if p not in live}
    if not live:
        return result
    paid = facts.payments_by_customer(
        session, sorted({p.customer_id for p in live}), min(p.given_on for p in live), today
    )
    for promise in live:
        payments = [
            (d, from_cents(c))
            for d, c in paid.get(promise.customer_id, [])
            if d >= promise.given_on
        ]
        result[promise.id] = evaluate_promise(
            from_cents(promise.amount_cents), promise.promised_date, payments, today
        )
    return result


def promise_status(session: Session, promise: Promise, today: date) -> PromiseStatus:
    return promise_statuses(session, [promise], today)[promise.id]


# -- plans ---------------------------------------------------------------------------------


def plan_invoice_ids(session: Session, plan_id: int) -> list[int]:
    """The invoices a plan holds (not its interest invoice)."""
    plan = session.get(PaymentPlan, plan_id)
    held = facts.plan_facts(session, [plan_id], date.max).invoice_ids.get(plan_id, [])
    interest = plan.interest_invoice_id if plan is not None else None
    return [i for i in held if i != interest]


def plan_states(session: Session, plans: Sequence[PaymentPlan], today: date) -> list[PlanState]:
    """Each plan's progress as of ``today``: three queries for all of them."""
    found = facts.plan_facts(session, [p.id for p in plans], today)
    states = []
    for plan in plans:
        instalments = [
            Instalment(n, due, from_cents(c)) for n, due, c in found.instalments.get(plan.id, [])
        ]
        paid = from_cents(found.paid_cents.get(plan.id, 0))
        progress = evaluate_plan(instalments, paid, today, plan.grace_days)
        if plan.status == PlanStatus.CANCELLED.value:
            progress = PlanProgress(PlanStatus.CANCELLED, progress.paid, progress.instalments, None)
        held = tuple(found.invoice_ids.get(plan.id, []))
        states.append(PlanState(plan.id, plan.customer_id, progress, held))
    return states


def plan_progress(session: Session, plan: PaymentPlan, today: date) -> PlanProgress:
    return plan_states(session, [plan], today)[0].progress


def invoices_in_plans(
    session: Session, plans: Sequence[PaymentPlan], today: date, *, current: bool = True
) -> set[int]:
    """The invoices (not the interest invoices) held by those of ``plans`` that are current
    on ``today`` (or, with ``current=False``, those that are not): three queries in all."""
    interest = {p.id: p.interest_invoice_id for p in plans}
    return {
        invoice_id
        for state in plan_states(session, plans, today)
        if (state.progress.status is PlanStatus.CURRENT) is current
        for invoice_id in state.invoice_ids
        if invoice_id != interest[state.plan_id]
    }


# -- histories and cases ---------------------------------------------------------------------


def _behaviour(
    session: Session, customer_ids: Sequence[int], today: date
) -> tuple[dict[int, list[date]], dict[int, int]]:
    """Broken promises and plans (their dates) and disputes over the whole history.

    For many customers each kind of fact is one query over the book (small tables),
    kept to the customers in Python: no chunked lists of ids."""
    wanted = set(customer_ids)
    many = len(wanted) > facts.IN_CHUNK
    scope = None if many else customer_ids
    broken: dict[int, list[date]] = defaultdict(list)
    promises = [
        p
        for p in facts.customer_promises(session, scope, date.min, today)
        if p.customer_id in wanted
    ]
    by_id = {p.id: p for p in promises}
    for promise_id, status in promise_statuses(session, promises, today).items():
        if status is PromiseStatus.BROKEN:
            promise = by_id[promise_id]
            broken[promise.customer_id].append(promise.promised_date)
    plans = [p for p in facts.plans_started(session, today, scope) if p.customer_id in wanted]
    for state in plan_states(session, plans, today):
        if state.progress.status is PlanStatus.BROKEN:
            broken[state.customer_id].append(plan_break(state.progress, today))
    disputes = facts.dispute_counts(session, scope, date.min, today)
    return broken, {cid: n for cid, n in disputes.items() if cid in wanted}


def _records(
    session: Session, customer_ids: Sequence[int], today: date
) -> dict[int, list[InvoiceRecord]]:
    """Each customer's invoices of the whole history, one record per invoice."""
    invoices = facts.history_invoices(session, customer_ids, date.min, today)
    paid_dates = facts.last_paid_dates(session, [r.invoice_id for r in invoices])
    records: dict[int, list[InvoiceRecord]] = defaultdict(list)
    for row in invoices:
        paid_on = paid_dates.get(row.invoice_id) if row.paid_cents >= row.total_cents else None
        if paid_on is not None and paid_on > today:
            paid_on = None
        records[row.customer_id].append(
            InvoiceRecord(row.due_date, paid_on, from_cents(row.total_cents))
        )
    return records


def histories(
    session: Session, customer_ids: Sequence[int], today: date
) -> dict[int, CustomerHistory]:
    """Payment behaviour over the whole history, invoice by invoice (a page of customers,
    one customer's file): the risk rating of each."""
    records = _records(session, customer_ids, today)
    broken, disputes = _behaviour(session, customer_ids, today)
    return {
        cid: CustomerHistory(
            tuple(records.get(cid, [])),
            len(broken.get(cid, [])),
            disputes.get(cid, 0),
            max(broken[cid]) if broken.get(cid) else None,
        )
        for cid in customer_ids
    }


def settled_histories(
    session: Session, customer_ids: Sequence[int], today: date
) -> dict[int, CustomerHistory]:
    """What the agenda rates (settled invoices of the whole history) for many customers:
    the book's per-customer tallies, two set-based reads; customers with a payment after
    ``today`` (an agenda of a past day) are read invoice by invoice instead."""
    day = risk_tallies.tallies_on(session, today, customer_ids)
    full = sorted(set(customer_ids) & day.read_in_full)
    records = _records(session, full, today) if full else {}
    broken, disputes = _behaviour(session, customer_ids, today)
    result: dict[int, CustomerHistory] = {}
    for cid in customer_ids:
        settled = (
            LateTally.of([r for r in records.get(cid, []) if r.paid_date is not None], today)
            if cid in day.read_in_full
            else day.tallies.get(cid, LateTally())
        )
        result[cid] = CustomerHistory(
            (),
            len(broken.get(cid, [])),
            disputes.get(cid, 0),
            max(broken[cid]) if broken.get(cid) else None,
            settled,
        )
    return result


def _net_of_credit(
    session: Session, rows: list[OpenInvoiceRow], scope: Sequence[int] | None = None
) -> list[OpenInvoiceRow]:
    """Unapplied credit pays the oldest invoices first: what it covers is not chased."""
    credits = credit_by_customer(session, scope)
    if not credits:
        return rows
    by_customer: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for r in rows:  # oldest due first within each customer
        if r.customer_id in credits:
            by_customer[r.customer_id].append((r.id, r.balance_cents))
    left: dict[int, int] = {}
    for cid, items in by_customer.items():
        left.update(net_of_credit(items, credits[cid]))
    # Only the rows that credit touches are remade; the rest pass as they are (one pass,
    # and only the customers with credit looked up).
    netted: list[OpenInvoiceRow] = []
    for r in rows:
        if r.customer_id not in credits:
            if r.balance_cents > 0:
                netted.append(r)
            continue
        owed = left[r.id]
        if owed > 0:
            netted.append(r if owed == r.balance_cents else r._replace(balance_cents=owed))
    return netted


@dataclass(frozen=True)
class DayRead:
    cases: list[CustomerCase]
    logged: set[ActionKey]
    receipts: ReceiptFacts  # of the same customers, from the same read of open invoices


def read_day(
    session: Session,
    day: date,
    ladder: Ladder,
    policy: ContactPolicy,
    cancelled: CancelCheck = never_cancel,
    only: Collection[int] | None = None,
    *,
    with_receipts: bool = True,
) -> DayRead:
    """Everything the agenda needs for ``day``: one case per customer with something to do,
    the actions already logged for them, and the receipt facts taken from the same read of
    the open invoices. Stops (WorkCancelled) when ``cancelled()``.

    ``only``: the cases of these customers alone (the agenda after a write that changed
    their records), read with filtered queries instead of the whole book.
    ``with_receipts``: the cases carry their receipts to confirm and paused invoices (the
    agenda); without, they are the ladder's alone (the day's letters)."""

    def step() -> None:
        if cancelled():
            raise WorkCancelled

    def mine(customer_id: int) -> bool:
        return only is None or customer_id in only

    scope = None if only is None else sorted(only)
    read = facts.open_invoices_on(session, day, scope)
    receipts = receipt_facts_of(read, day)
    rows = ladder_rows(session, _net_of_credit(session, read, scope))
    step()
    extended = effective_due_dates(session, [r.id for r in rows])
    promises = [
        p
        for p in facts.promises_due_around(session, day, day - timedelta(days=RECENT_BREAK_DAYS))
        if mine(p.customer_id)
    ]
    statuses = promise_statuses(session, promises, day)
    plans = [p for p in facts.plans_started(session, day) if mine(p.customer_id)]
    follow_ups = facts.follow_ups_due(session, day, day - timedelta(days=FOLLOW_UP_WINDOW_DAYS))
    restricted = facts.customers_with_status(
        session, [s.value for s in CustomerStatus if is_restricted(s)]
    )
    by_customer: dict[int, list[LadderInvoice]] = {}
    invoices: list[LadderInvoice] = []
    customer = None
    for r in rows:  # by customer and due date: one list per run of a customer's rows
        if r.customer_id != customer:
            customer = r.customer_id
            invoices = by_customer.setdefault(customer, [])
        due = extended.get(r.id, r.due_date) if extended else r.due_date
        invoices.append(
            LadderInvoice(r.id, invoice_number(r.series, r.folio), due, from_cents(r.balance_cents))
        )
    agenda_facts = AgendaFacts(
        open_invoices=by_customer,
        plans=plan_states(session, plans, day),
        promises=[
            PromiseState(
                p.id, p.customer_id, from_cents(p.amount_cents), p.promised_date, statuses[p.id]
            )
            for p in promises
        ],
        follow_ups=[f for f in follow_ups if mine(f[1])],
        restricted={cid for cid in restricted if mine(cid)},
    )
    by_value = {s.value: s for s in CustomerStatus}  # one lookup a customer, not two
    customers: dict[int, tuple[str, CustomerStatus]] = {}
    for cid, (name, value) in facts.customer_names(
        session, candidates(agenda_facts, day, ladder)
    ).items():
        status = by_value.get(value) or CustomerStatus(value)  # an unknown one raises
        if on_ladder(status):
            customers[cid] = (name, status)
    ids = sorted(customers)
    step()
    history = settled_histories(session, ids, day)
    step()
    transitions = facts.latest_transitions(session, ids)
    contacts = facts.contact_days(session, ids, day - timedelta(days=6), day)
    acted = facts.acted_on(session, ids, day)
    agenda_facts = AgendaFacts(
        agenda_facts.open_invoices,
        agenda_facts.plans,
        agenda_facts.promises,
        agenda_facts.follow_ups,
        agenda_facts.restricted,
        {
            cid: CustomerFacts(
                customers[cid][0],
                customers[cid][1],
                history[cid],
                transitions.get(cid),
                tuple(contacts.get(cid, [])),
                cid in acted,
            )
            for cid in ids
        },
        receipts.checks if with_receipts else {},
        receipts.paused if with_receipts else {},
    )
    logged = {ActionKey(c, s, subj) for c, s, subj in facts.logged_keys(session, ids)}
    return DayRead(cases_from_facts(agenda_facts, day), logged, receipts)
