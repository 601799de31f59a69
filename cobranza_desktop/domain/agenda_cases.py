"""From the book's facts of a day to the agenda's cases: pure, no I/O.

The storage layer gathers the facts set-based (:class:`AgendaFacts`); this module says
which customers have something to do and what the ladder is about for each.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from cobranza_desktop.domain.agenda import (
    INSTALMENT_STAGES,
    NO_INVOICE_IDS,
    BrokenPromise,
    CustomerCase,
    DueInstalment,
    FollowUp,
    LadderInvoice,
    ReceiptCheck,
)
from cobranza_desktop.domain.customer_status import on_ladder
from cobranza_desktop.domain.customers import CustomerStatus
from cobranza_desktop.domain.ladder import Ladder, Track
from cobranza_desktop.domain.plans import PlanProgress, PlanStatus, PromiseStatus
from cobranza_desktop.domain.risk import InvoiceRecord, LateTally, RiskProfile, assess

# A broken promise or plan this recent puts the customer on the insistent track.
RECENT_BREAK_DAYS = 90


@dataclass(frozen=True)
class PlanState:
    plan_id: int
    customer_id: int
    progress: PlanProgress
    invoice_ids: tuple[int, ...]  # its interest invoice included


@dataclass(frozen=True)
class PromiseState:
    promise_id: int
    customer_id: int
    amount: Decimal
    promised_date: date
    status: PromiseStatus


@dataclass(frozen=True)
class CustomerHistory:
    """What the risk rating reads about one customer."""

    records: tuple[InvoiceRecord, ...]
    broken_promises: int
    disputes: int
    last_break: date | None
    # The settled invoices already summed (the book's tally), when ``records`` are not read.
    settled: LateTally | None = None


@dataclass(frozen=True)
class CustomerFacts:
    """One candidate customer, as the case needs it."""

    name: str
    status: CustomerStatus
    history: CustomerHistory
    transition_id: int | None = None
    contact_days: tuple[date, ...] = ()
    acted_today: bool = False


@dataclass(frozen=True)
class AgendaFacts:
    # The open invoices (late charges folded in, extensions applied), by customer.
    open_invoices: Mapping[int, Sequence[LadderInvoice]]
    plans: Sequence[PlanState]
    promises: Sequence[PromiseState]
    follow_ups: Sequence[tuple[int, int, date]]  # (contact id, customer id, day)
    restricted: Collection[int]
    customers: Mapping[int, CustomerFacts] = field(default_factory=dict)
    # The invoices whose receipt is to be confirmed, and those paused, by customer.
    receipts: Mapping[int, Sequence[ReceiptCheck]] = field(default_factory=dict)
    paused: Mapping[int, Collection[int]] = field(default_factory=dict)


def horizon_days(ladder: Ladder) -> int:
    """How many days before the due date the earliest stage may fire."""
    earliest = min(
        [s.offset_days for s in ladder.track_stages(Track.INSISTENT)]
        + [s.offset_days for s in INSTALMENT_STAGES]
    )
    return max(0, -earliest)


def plan_break(progress: PlanProgress, fallback: date) -> date:
    """The due date of the instalment that broke a plan."""
    return next(
        (
            s.instalment.due_date
            for s in progress.instalments
            if s.instalment.number == progress.broken_instalment
        ),
        fallback,
    )


def track_for(profile: RiskProfile, history: CustomerHistory, today: date) -> Track:
    recent_break = (
        history.last_break is not None and (today - history.last_break).days <= RECENT_BREAK_DAYS
    )
    return Track.INSISTENT if profile.rating.is_chronic or recent_break else Track.STANDARD


def held_by_current_plans(plans: Sequence[PlanState]) -> set[int]:
    return {i for p in plans if p.progress.status is PlanStatus.CURRENT for i in p.invoice_ids}


def candidates(facts: AgendaFacts, day: date, ladder: Ladder) -> list[int]:
    """Customers who may have something to do on ``day``, before their status is read."""
    horizon = day + timedelta(days=horizon_days(ladder))
    in_plan = held_by_current_plans(facts.plans)
    found = {
        cid
        for cid, invoices in facts.open_invoices.items()
        if any(i.due_date <= horizon and i.invoice_id not in in_plan for i in invoices)
    }
    found.update(p.customer_id for p in facts.plans if p.progress.status is PlanStatus.CURRENT)
    found.update(p.customer_id for p in facts.plans if p.progress.status is PlanStatus.BROKEN)
    found.update(p.customer_id for p in facts.promises if p.status is PromiseStatus.BROKEN)
    found.update(customer for _, customer, _ in facts.follow_ups)
    found.update(facts.restricted)
    return sorted(found)


def _paused(held: Collection[int] | None) -> frozenset[int]:
    return frozenset(held) if held else NO_INVOICE_IDS


def build_cases(facts: AgendaFacts, day: date) -> list[CustomerCase]:
    """One case per candidate customer still on the ladder, by customer id."""
    in_plan = held_by_current_plans(facts.plans)
    instalments: dict[int, list[DueInstalment]] = defaultdict(list)
    breaks: dict[int, list[BrokenPromise]] = defaultdict(list)
    for plan in facts.plans:
        progress = plan.progress
        if progress.status is PlanStatus.CURRENT:
            instalments[plan.customer_id].extend(
                DueInstalment(plan.plan_id, s.instalment.number, s.instalment.due_date, s.remaining)
                for s in progress.instalments
                if s.remaining > 0
            )
        elif progress.status is PlanStatus.BROKEN:
            state = next(
                s for s in progress.instalments if s.instalment.number == progress.broken_instalment
            )
            breaks[plan.customer_id].append(
                BrokenPromise(
                    plan.plan_id, state.remaining, state.instalment.due_date, is_plan=True
                )
            )
    pending: dict[int, date] = {}
    for promise in facts.promises:
        if promise.status is PromiseStatus.PENDING:
            current = pending.get(promise.customer_id)
            if current is None or promise.promised_date > current:
                pending[promise.customer_id] = promise.promised_date
        elif promise.status is PromiseStatus.BROKEN:
            breaks[promise.customer_id].append(
                BrokenPromise(promise.promise_id, promise.amount, promise.promised_date)
            )
    follow_ups: dict[int, list[FollowUp]] = defaultdict(list)
    for contact_id, customer_id, next_day in facts.follow_ups:
        follow_ups[customer_id].append(FollowUp(contact_id, next_day))

    def ladder_invoices(cid: int) -> tuple[LadderInvoice, ...]:
        invoices = facts.open_invoices.get(cid, ())
        return (
            tuple(i for i in invoices if i.invoice_id not in in_plan)
            if in_plan
            else tuple(invoices)
        )

    cases: list[CustomerCase] = []
    for cid in sorted(facts.customers):
        customer = facts.customers[cid]
        if not on_ladder(customer.status):
            continue
        history = customer.history
        # The track is decided by past behaviour: the invoices now open are what the
        # ladder is about, so they do not make the customer "chronic" by themselves.
        settled: LateTally | list[InvoiceRecord] = (
            history.settled
            if history.settled is not None
            else [r for r in history.records if r.paid_date is not None]
        )
        profile = assess(settled, history.broken_promises, history.disputes, day)
        cases.append(
            CustomerCase(
                customer_id=cid,
                name=customer.name,
                status=customer.status,
                track=track_for(profile, history, day),
                invoices=ladder_invoices(cid),
                instalments=tuple(instalments.get(cid, [])),
                broken_promises=tuple(breaks.get(cid, [])),
                pending_promise_date=pending.get(cid),
                status_transition_id=customer.transition_id,
                contact_days=tuple(sorted(customer.contact_days)),
                follow_ups=tuple(follow_ups.get(cid, [])),
                acted_today=customer.acted_today,
                receipts=tuple(facts.receipts.get(cid, ())),
                paused_invoice_ids=_paused(facts.paused.get(cid)),
            )
        )
    return cases
