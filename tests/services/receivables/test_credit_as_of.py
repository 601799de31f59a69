"""A customer's credit as it was on a past day: payments dated after it, and what was
applied later to invoices issued after it, do not count. Aging and penalties net it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.engine import URL

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.customers import CustomerData
from cobranza_desktop.domain.errors import CobranzaError
from cobranza_desktop.domain.invoices import make_line
from cobranza_desktop.domain.money import from_cents
from cobranza_desktop.domain.penalty_policy import PenaltyPolicy, PenaltyPreset
from cobranza_desktop.services.billing.invoices import InvoiceDraft
from cobranza_desktop.services.book.workspace import Workspace, open_workspace
from cobranza_desktop.services.receivables.corrections import CorrectionService
from cobranza_desktop.services.receivables.payments import PaymentInput
from cobranza_desktop.storage.queries.balances import credit_by_customer
from tests.factories import customer, invoice

START = date(2026, 1, 1)
DAYS = 40
TODAY = START + timedelta(days=DAYS + 5)
amounts = st.decimals(min_value=Decimal("1"), max_value=Decimal("3000"), places=2)
event = st.one_of(
    st.tuples(st.just("invoice"), st.integers(0, DAYS), amounts),
    # An unapplied payment (credit), or one applied oldest due first.
    st.tuples(st.just("credit"), st.integers(0, DAYS), amounts),
    st.tuples(st.just("pay"), st.integers(0, DAYS), amounts),
    st.tuples(st.just("apply"), st.integers(0, DAYS), st.just(Decimal(0))),
)


def _credit(ws: Workspace, cid: int, day: date | None) -> Decimal:
    with ws.book.session() as session:
        return from_cents(credit_by_customer(session, [cid], day).get(cid, 0))


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(events=st.lists(event, min_size=1, max_size=12), probes=st.lists(st.integers(-2, DAYS + 2)))
def test_aging_nets_the_credit_of_its_own_day(
    new_book_location: Callable[[], Path | URL],
    events: list[tuple[str, int, Decimal]],
    probes: list[int],
) -> None:
    """Entered in any order (backdated), on every day: what aging shows less the credit of
    that day is what was billed by then less what was paid by then."""
    clock = FixedClock.on(TODAY)
    ws = open_workspace(new_book_location(), clock)
    try:
        cid = ws.customers.create(CustomerData(name="Papelería Luna")).id
        billed: list[tuple[date, Decimal]] = []
        paid: list[tuple[date, Decimal]] = []
        for kind, offset, amount in events:
            day = START + timedelta(days=offset)
            try:
                if kind == "invoice":
                    line = make_line("x", 1, amount, tax_rate_percent="0")
                    made = ws.invoices.issue(InvoiceDraft(cid, (line,), day))
                    billed.append((day, made.total))
                elif kind in ("credit", "pay"):
                    allocations = () if kind == "credit" else None
                    ws.payments.record(PaymentInput(cid, amount, day, allocations=allocations))
                    paid.append((day, amount))
                else:  # applied today, whatever the payment's and invoices' dates
                    CorrectionService(ws.book, clock).apply_credit(cid, "prueba")
            except CobranzaError:
                pass  # nothing to apply: refused, nothing changed
        for offset in sorted({*probes, -1, DAYS, DAYS + 5}):
            day = START + timedelta(days=offset)
            report = ws.aging.report(day)
            owed = sum((line.total for line in report.lines if line.customer_id == cid), Decimal(0))
            credit = _credit(ws, cid, day)
            assert credit >= 0 and owed >= 0, day
            expected = sum((a for d, a in billed if d <= day), Decimal(0)) - sum(
                (a for d, a in paid if d <= day), Decimal(0)
            )
            assert owed - credit == expected, day
            if owed:
                assert report.credit_of(cid) == credit, day
        assert _credit(ws, cid, TODAY) == _credit(ws, cid, None)
    finally:
        ws.close()


POLICY = PenaltyPolicy(
    preset=PenaltyPreset.CUSTOM, annual_rate_percent=Decimal("36"), day_basis=360
)


def test_penalties_as_of_a_past_day_ignore_credit_received_after_it(ws: Workspace) -> None:
    """Credit that arrived on 10/03 did not cover the debt on 01/03: interest was due then."""
    ws.penalties.set_business_policy(POLICY)
    cid = customer(ws, "Taller Mena").id
    invoice(ws, cid, "1000.00", issued=date(2026, 1, 2), due=date(2026, 1, 31), tax="0")
    other = customer(ws, "Taller Soto").id
    invoice(ws, other, "1000.00", issued=date(2026, 1, 2), due=date(2026, 1, 31), tax="0")
    # The later payment comes as credit (the invoice is left for a by-hand decision).
    ws.payments.record(PaymentInput(cid, "1000.00", date(2026, 3, 10), allocations=()))
    # Before it arrived, both customers owed the same, and were charged the same.
    past = ws.penalties.propose(date(2026, 3, 1))
    assert past.total_for(cid) == past.total_for(other) > 0
    # Once it arrived, the credit covers the debt: nothing more is charged for it.
    assert ws.penalties.propose(date(2026, 3, 12)).total_for(cid) == Decimal("0.00")
    assert ws.penalties.propose(date(2026, 3, 12)).total_for(other) > 0
