"""The demo book tells a collection story (issue 15 §4) with every kind of payer (issue 12),
all of it written by the services: read back here through the services too."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.customers import CustomerStatus
from cobranza_desktop.domain.invoices import invoice_totals
from cobranza_desktop.domain.plans import PromiseStatus
from cobranza_desktop.services.book.demo import build_demo_book, plan_demo
from cobranza_desktop.services.book.workspace import Workspace, open_workspace
from cobranza_desktop.storage.models import Invoice
from cobranza_desktop.storage.models.collections import ContactLog

TODAY = date(2026, 11, 23)  # a Monday: Today shows its actions, not a Sunday's deferrals


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    """The default demo (40 customers, seed 7), as `cobranza demo` writes it."""
    ws = open_workspace(tmp_path_factory.mktemp("demo") / "demo.sqlite", FixedClock.on(TODAY))
    build_demo_book(ws.book, ws.clock)
    try:
        yield ws
    finally:
        ws.close()


def _ids(ws: Workspace) -> list[int]:
    return [c.id for c in ws.customers.list_page(limit=10_000)]


def test_all_four_ratings_appear_in_a_believable_mix(demo: Workspace) -> None:
    ratings = Counter(p.rating.value for p in demo.risk.profiles(_ids(demo)).values())
    assert set(ratings) == {"A", "B", "C", "D"}
    assert ratings["A"] + ratings["B"] > ratings["D"]  # most customers pay, more or less


def test_contacts_have_outcomes_and_reasons_and_promises_are_kept_and_broken(
    demo: Workspace,
) -> None:
    with demo.book.session() as session:
        outcomes = {
            outcome: count
            for outcome, count in session.execute(
                select(ContactLog.outcome, func.count()).group_by(ContactLog.outcome)
            )
        }
        reasons = set(session.scalars(select(ContactLog.reason).where(ContactLog.reason != "")))
    assert {"promise", "no_answer", "refused", "dispute", "contacted"} <= set(outcomes)
    assert {"no_funds", "product_dispute"} <= reasons
    statuses = Counter(p.status for cid in _ids(demo) for p in demo.promises.for_customer(cid))
    assert statuses[PromiseStatus.KEPT] > 0 and statuses[PromiseStatus.BROKEN] > 0


def test_a_plan_a_restricted_customer_the_agency_and_status_reasons(demo: Workspace) -> None:
    plans = demo.plans.list_plans()
    assert len(plans) == 1
    plan = plans[0]
    assert plan.paid > 0 and plan.paid < plan.total  # instalments paid so far, on time
    assert plan.broken_instalment is None
    people = demo.customers.list_page(limit=10_000)
    statuses = Counter(c.status for c in people)
    assert statuses[CustomerStatus.RESTRICTED] >= 1 and statuses[CustomerStatus.AGENCY] == 1
    agency = next(c.id for c in people if c.status == CustomerStatus.AGENCY)
    history = demo.restrictions.history(agency)
    assert [h.to_status for h in history] == [CustomerStatus.SUSPENDED, CustomerStatus.AGENCY]
    assert all(h.reason for h in history)
    # One customer was suspended and, once they paid, became active again.
    back = [
        c.id
        for c in people
        if c.status == CustomerStatus.ACTIVE and demo.restrictions.history(c.id)
    ]
    assert back
    assert demo.restrictions.history(back[0])[-1].reason == "Liquidó el adeudo vencido."


def test_disputes_open_and_settled(demo: Workspace) -> None:
    disputes = [d for cid in _ids(demo) for d in demo.disputes.for_customer(cid)]
    assert any(d.is_open for d in disputes) and any(not d.is_open for d in disputes)


def test_most_receipts_are_confirmed_so_today_is_a_believable_day(demo: Workspace) -> None:
    with demo.book.session() as session:
        recent = (
            session.execute(
                select(Invoice.receipt_status).where(Invoice.issue_date >= TODAY - timedelta(30))
            )
            .scalars()
            .all()
        )
    assert recent and sum(1 for s in recent if s == "received") >= 0.7 * len(recent)
    agenda = demo.agenda.agenda(TODAY)
    stages = Counter(i.stage for i in agenda.items)
    # Before: 18 of the day's actions asked to confirm a receipt. Now a few do (mostly
    # the invoices of the last days), among calls, promises to follow and notices.
    assert len(agenda.items) >= 10
    assert 0 < stages["confirm_receipt"] <= len(agenda.items) // 3
    assert {"broken_promise", "friendly_reminder", "instalment_reminder"} <= set(stages)
    assert demo.checks.run().ok


@settings(max_examples=25, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    customers=st.integers(1, 12),
    today=st.dates(date(2024, 1, 1), date(2030, 12, 31)),
)
def test_the_plan_never_pays_before_issue_after_today_or_more_than_owed(
    seed: int, customers: int, today: date
) -> None:
    plans, _roles = plan_demo(customers, seed, today)
    folios = []
    for plan in plans:
        for invoice in plan.invoices:
            folios.append((invoice.issue, invoice.folio))
            assert invoice.issue <= today and invoice.due >= invoice.issue
            paid = sum((p.amount for p in invoice.payments), start=Decimal(0))
            assert paid <= invoice_totals(invoice.lines).total
            assert all(invoice.issue <= p.day <= today for p in invoice.payments)
    # Folios 1..N, in issue-date order across customers.
    assert sorted(f for _d, f in folios) == list(range(1, len(folios) + 1))
    assert [f for _d, f in sorted(folios)] == sorted(f for _d, f in folios)
