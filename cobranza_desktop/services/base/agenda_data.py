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
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy.orm import Session

from cobranza_desktop.domain.agenda import ActionKey, CustomerCase
from cobranza_desktop.domain.agenda_cases import (
    RECENT_BREAK_DAYS,
    AgendaFacts,
    CustomerFacts,
    CustomerHistory,
    OpenInvoice,
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
from cobranza_desktop.domain.risk import InvoiceRecord
from cobranza_desktop.services.base.ladder_subjects import ladder_rows
from cobranza_desktop.services.base.settings import read_setting, write_setting
from cobranza_desktop.storage.models.collections import PaymentPlan, Promise
from cobranza_desktop.storage.queries import agenda as facts
from cobranza_desktop.storage.queries.agenda import OpenInvoiceRow, effective_due_dates
from cobranza_desktop.storage.queries.balances import credit_by_customer, net_of_credit

__all__ = ["effective_due_dates"]  # read from here by the collection tools

LADDER_KEY = "collections.ladder"
POLICY_KEY = "collections.contact_policy"

# The risk rating reads the whole history: a year-old debt still says who the customer is.
RISK_SINCE = date(1900, 1, 1)
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


def histories(
    session: Session, customer_ids: Sequence[int], today: date
) -> dict[int, CustomerHistory]:
    """Payment behaviour over the whole history (imported invoices too, whatever their
    age), for the risk rating of many customers at once."""
    since = RISK_SINCE
    invoices = facts.history_invoices(session, customer_ids, since, today)
    paid_dates = facts.last_paid_dates(session, [r.invoice_id for r in invoices])
    broken: dict[int, list[date]] = defaultdict(list)
    promises = facts.customer_promises(session, customer_ids, since, today)
    for promise_id, status in promise_statuses(session, promises, today).items():
        if status is PromiseStatus.BROKEN:
            promise = next(p for p in promises if p.id == promise_id)
            broken[promise.customer_id].append(promise.promised_date)
    for state in plan_states(session, facts.plans_started(session, today, customer_ids), today):
        if state.progress.status is PlanStatus.BROKEN:
            broken[state.customer_id].append(plan_break(state.progress, today))
    disputes = facts.dispute_counts(session, customer_ids, since, today)
    records: dict[int, list[InvoiceRecord]] = defaultdict(list)
    for row in invoices:
        paid_on = paid_dates.get(row.invoice_id) if row.paid_cents >= row.total_cents else None
        if paid_on is not None and paid_on > today:
            paid_on = None
        records[row.customer_id].append(
            InvoiceRecord(row.due_date, paid_on, from_cents(row.total_cents))
        )
    return {
        cid: CustomerHistory(
            tuple(records.get(cid, [])),
            len(broken.get(cid, [])),
            disputes.get(cid, 0),
            max(broken[cid]) if broken.get(cid) else None,
        )
        for cid in customer_ids
    }


def _net_of_credit(session: Session, rows: list[OpenInvoiceRow]) -> list[OpenInvoiceRow]:
    """Unapplied credit pays the oldest invoices first: what it covers is not chased."""
    credits = credit_by_customer(session, {r.customer_id for r in rows})
    if not credits:
        return rows
    by_customer: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for r in rows:  # oldest due first within each customer
        if r.customer_id in credits:
            by_customer[r.customer_id].append((r.id, r.balance_cents))
    left: dict[int, int] = {}
    for cid, credit in credits.items():
        left.update(net_of_credit(by_customer[cid], credit))
    netted = (replace(r, balance_cents=left.get(r.id, r.balance_cents)) for r in rows)
    return [r for r in netted if r.balance_cents > 0]


def build_cases(
    session: Session, day: date, ladder: Ladder, policy: ContactPolicy
) -> tuple[list[CustomerCase], set[ActionKey]]:
    """Everything the agenda needs for ``day``: one case per customer with something to do,
    and the actions already logged for them."""
    rows = ladder_rows(session, _net_of_credit(session, facts.open_invoices_on(session, day)))
    extended = effective_due_dates(session, [r.id for r in rows])
    promises = facts.promises_due_around(session, day, day - timedelta(days=RECENT_BREAK_DAYS))
    statuses = promise_statuses(session, promises, day)
    agenda_facts = AgendaFacts(
        open_invoices=[
            OpenInvoice(
                r.id,
                r.customer_id,
                invoice_number(r.series, r.folio),
                extended.get(r.id, r.due_date),
                r.balance_cents,
            )
            for r in rows
        ],
        plans=plan_states(session, facts.plans_started(session, day), day),
        promises=[
            PromiseState(
                p.id, p.customer_id, from_cents(p.amount_cents), p.promised_date, statuses[p.id]
            )
            for p in promises
        ],
        follow_ups=facts.follow_ups_due(session, day, day - timedelta(days=FOLLOW_UP_WINDOW_DAYS)),
        restricted=facts.customers_with_status(
            session, [s.value for s in CustomerStatus if is_restricted(s)]
        ),
    )
    customers = {
        c.id: c
        for c in facts.customers_by_id(session, candidates(agenda_facts, day, ladder))
        if on_ladder(CustomerStatus(c.status))
    }
    ids = sorted(customers)
    history = histories(session, ids, day)
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
                customers[cid].name,
                CustomerStatus(customers[cid].status),
                history[cid],
                transitions.get(cid),
                tuple(contacts.get(cid, [])),
                cid in acted,
            )
            for cid in ids
        },
    )
    logged = {ActionKey(c, s, subj) for c, s, subj in facts.logged_keys(session, ids)}
    return cases_from_facts(agenda_facts, day), logged
