"""The engine's proposal against a reference computation on random books, on both engines.

The reference reads each candidate's payments on its own and assesses it with the Decimal
arithmetic of ``domain.penalties.assess_invoice``, deciding each customer's terms per
invoice: the way the engine worked before it read the payments with the invoices and
assessed in integer cents. Books mix signed and unsigned customers, a customer's own
terms, partial payments, unapplied credit, extensions and charges already made.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.errors import CobranzaError
from cobranza_desktop.domain.extensions import penalty_due_date
from cobranza_desktop.domain.invoices import invoice_number
from cobranza_desktop.domain.money import from_cents
from cobranza_desktop.domain.penalties import (
    ChargeHistory,
    InvoiceFacts,
    PaymentEvent,
    PenaltyPolicy,
    PenaltyPreset,
    assess_invoice,
    resolve_policy,
)
from cobranza_desktop.domain.penalty_policy import FeeMode
from cobranza_desktop.services.base.extension_rule import load_extension_rule
from cobranza_desktop.services.book.workspace import open_workspace
from cobranza_desktop.services.collections.tools import CollectionToolsService
from cobranza_desktop.services.penalties.policies import (
    load_business_policy,
    load_customer_policies,
)
from cobranza_desktop.services.penalties.proposals import (
    _without_credit_covered,
    customers_without_signed_terms,
    history_until,
    imported_on,
    invoices_in_current_plans,
    propose_charges,
)
from cobranza_desktop.services.receivables.payments import PaymentInput
from cobranza_desktop.storage.models import Allocation, Payment
from cobranza_desktop.storage.queries.agenda import effective_due_dates
from cobranza_desktop.storage.queries.penalties import candidate_invoices, charge_history
from tests.factories import customer, invoice

START = date(2026, 1, 1)
TODAY = date(2026, 9, 30)
POLICIES = [
    PenaltyPolicy.legal(),
    PenaltyPolicy(PenaltyPreset.CUSTOM, grace_days=5, fixed_fee=Decimal("150.00")),
    PenaltyPolicy(
        PenaltyPreset.CUSTOM,
        grace_days=3,
        percent_fee=Decimal("2.5"),
        fee_mode=FeeMode.PER_STAGE,
        stage_days=(30, 60),
        annual_rate_percent=Decimal("36.5"),
        cap_percent=Decimal("4"),
    ),
    PenaltyPolicy(PenaltyPreset.CUSTOM, annual_rate_percent=Decimal("48.1234"), day_basis=360),
]
amounts = st.integers(min_value=1, max_value=400_000)
book_events = st.lists(
    st.one_of(
        st.tuples(st.just("invoice"), st.integers(0, 2), st.integers(0, 200), amounts),
        st.tuples(st.just("pay"), st.integers(0, 2), st.integers(30, 260), amounts),
        st.tuples(st.just("credit"), st.integers(0, 2), st.integers(30, 260), amounts),
        st.tuples(st.just("extend"), st.integers(0, 2), st.integers(0, 9), st.integers(1, 40)),
        st.tuples(st.just("apply"), st.integers(0, 2), st.integers(60, 200), st.just(0)),
    ),
    min_size=2,
    max_size=14,
)


def _payments(session: Session, invoice_id: int) -> tuple[PaymentEvent, ...]:
    rows = session.execute(
        select(Payment.payment_date, Allocation.amount_cents)
        .join(Payment, Payment.id == Allocation.payment_id)
        .where(
            Allocation.invoice_id == invoice_id,
            Allocation.active.is_(True),
            Payment.reversed_at.is_(None),
        )
    )
    return tuple(PaymentEvent(on, from_cents(cents)) for on, cents in rows)


def reference(
    session: Session, as_of: date, unsigned_reason: str | None
) -> list[tuple[int, str, str, bool, bool, object]]:
    business = load_business_policy(session)
    overrides = load_customer_policies(session)
    in_plans = invoices_in_current_plans(session, as_of)
    rows = [
        r
        for r in candidate_invoices(session, as_of)
        if r.invoice_id not in in_plans
        and resolve_policy(business, overrides.get(r.customer_id)).is_active
    ]
    rows = _without_credit_covered(session, rows, as_of)
    ids = [r.invoice_id for r in rows]
    unsigned = customers_without_signed_terms(session, {r.customer_id for r in rows})
    history = charge_history(session, ids, as_of)
    imported = imported_on(session, [r.invoice_id for r in rows if r.import_batch_id])
    rule = load_extension_rule(session)
    extended = effective_due_dates(session, ids, granted_by=as_of)
    found = []
    for row in rows:
        policy = resolve_policy(business, overrides.get(row.customer_id))
        signed = row.customer_id not in unsigned
        legal = not signed and unsigned_reason is None
        if legal:
            policy = PenaltyPolicy.legal()
        payments = _payments(session, row.invoice_id)
        assert sorted(payments, key=lambda p: (p.on, p.amount)) == sorted(
            (PaymentEvent(on, from_cents(c)) for on, c in row.payments),
            key=lambda p: (p.on, p.amount),
        )
        facts = InvoiceFacts(
            from_cents(row.total_cents),
            penalty_due_date(row.due_date, extended.get(row.invoice_id), rule),
            payments,
        )
        past = history.get(row.invoice_id)
        done = ChargeHistory(past.fee_keys, past.interest_through) if past else ChargeHistory()
        number = invoice_number(row.series, row.folio)
        if row.invoice_id in imported:
            day, number = imported[row.invoice_id]
            done = history_until(policy, row.due_date, done, day)
        for breakdown in assess_invoice(policy, facts, as_of, done):
            found.append((row.invoice_id, number, row.customer_name, signed, legal, breakdown))
    return found


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    events=book_events,
    business=st.sampled_from(POLICIES[1:]),
    own=st.none() | st.sampled_from(POLICIES),
    signed=st.lists(st.booleans(), min_size=3, max_size=3),
    probes=st.lists(st.integers(0, 272), min_size=1, max_size=3),
)
def test_the_proposal_is_the_reference_computation(
    new_book_location: Callable[[], Path | URL],
    events: list[tuple[str, int, int, int]],
    business: PenaltyPolicy,
    own: PenaltyPolicy | None,
    signed: list[bool],
    probes: list[int],
) -> None:
    clock = FixedClock.on(TODAY)
    ws = open_workspace(new_book_location(), clock)
    tools = CollectionToolsService(ws.book, clock)
    try:
        ws.penalties.set_business_policy(business)
        people = [customer(ws, f"Cliente {i}", signed=signed[i]).id for i in range(3)]
        if own is not None:
            ws.penalties.set_customer_policy(people[1], own)
        invoices: list[int] = []
        applied = START
        for kind, who, offset, cents in events:
            day = START + timedelta(days=offset)
            amount = from_cents(cents)
            try:
                if kind == "invoice":
                    due = day + timedelta(days=cents % 45)
                    made = invoice(ws, people[who], amount, issued=day, due=due, tax="0")
                    invoices.append(made.id)
                elif kind in ("pay", "credit"):
                    allocations = () if kind == "credit" else None
                    ws.payments.record(
                        PaymentInput(people[who], amount, day, allocations=allocations)
                    )
                elif kind == "extend" and invoices:
                    target = invoices[offset % len(invoices)]
                    tools.extend_due_date(target, TODAY + timedelta(days=cents), "prórroga")
                elif kind == "apply" and day >= applied:
                    ws.penalties.apply(day)
                    applied = day
            except CobranzaError:
                pass  # refused (nothing to extend, say): nothing changed
        for offset in sorted({*probes, 272}):
            as_of = START + timedelta(days=offset)
            for unsigned_reason in (None, ""):
                with ws.book.session() as session:
                    proposed = propose_charges(session, as_of, unsigned_reason=unsigned_reason)
                    got = [
                        (
                            c.invoice_id,
                            c.invoice_number,
                            c.customer_name,
                            c.terms_signed,
                            c.legal_rate,
                            c.breakdown,
                        )
                        for c in proposed
                    ]
                    assert got == reference(session, as_of, unsigned_reason)
    finally:
        ws.close()
