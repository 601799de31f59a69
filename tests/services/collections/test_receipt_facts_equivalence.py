"""The agenda takes the invoices to confirm, and those paused for correction, from its one
read of the open invoices; after a write it reads them with their own query. On random
books, both give the same facts, and so the same agenda, on any day."""

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
from cobranza_desktop.services.base.receipt_facts import ReceiptFacts, receipt_facts_of
from cobranza_desktop.services.billing.invoices import InvoiceDraft
from cobranza_desktop.services.book.workspace import Workspace, open_workspace
from cobranza_desktop.services.collections.agenda import AgendaService
from cobranza_desktop.services.collections.receipts import (
    ReceiptAnswer,
    ReceiptService,
    read_receipt_facts,
)
from cobranza_desktop.services.receivables.payments import PaymentInput
from cobranza_desktop.storage.queries.agenda import open_invoices_on

START = date(2026, 1, 5)  # a Monday
DAYS = 50
TODAY = START + timedelta(days=DAYS)
amounts = st.decimals(min_value=Decimal("1"), max_value=Decimal("900"), places=2)
event = st.one_of(
    # (kind, customer, day, amount or invoice number, days to the due date)
    st.tuples(
        st.just("invoice"), st.integers(0, 2), st.integers(0, DAYS), amounts, st.integers(0, 30)
    ),
    st.tuples(st.just("pay"), st.integers(0, 2), st.integers(0, DAYS), amounts, st.just(0)),
    st.tuples(
        st.sampled_from(["received", "wrong"]),
        st.just(0),
        st.just(0),
        st.integers(0, 9),
        st.just(0),
    ),
)


def _plain(facts: ReceiptFacts) -> tuple[object, object]:
    """The facts, in an order that does not depend on how they were read."""
    checks = {cid: sorted(found) for cid, found in facts.checks.items()}
    return checks, {cid: ids for cid, ids in facts.paused.items() if ids}


def _build(ws: Workspace, events: list[tuple[str, int, int, Decimal, int]]) -> None:
    people = [ws.customers.create(CustomerData(name=f"Cliente {n}")).id for n in range(3)]
    issued: list[int] = []
    receipts = ReceiptService(ws.book, ws.clock)
    for kind, who, offset, amount, due_in in events:
        day = START + timedelta(days=offset)
        try:
            if kind == "invoice":
                line = make_line("Servicio", 1, amount, tax_rate_percent="0")
                draft = InvoiceDraft(people[who], (line,), day, day + timedelta(days=due_in))
                issued.append(ws.invoices.issue(draft).id)
            elif kind == "pay":
                ws.payments.record(PaymentInput(people[who], amount, day))
            elif issued:
                answer = ReceiptAnswer(kind)
                receipts.answer(issued[int(amount) % len(issued)], answer, "datos del RFC")
        except CobranzaError:
            pass  # refused (nothing owed, already answered…): nothing changed


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    events=st.lists(event, min_size=1, max_size=14),
    probes=st.lists(st.integers(0, DAYS + 10), min_size=1, max_size=4),
)
def test_receipts_read_with_the_open_invoices_equal_their_own_query(
    new_book_location: Callable[[], Path | URL],
    events: list[tuple[str, int, int, Decimal, int]],
    probes: list[int],
) -> None:
    ws = open_workspace(new_book_location(), FixedClock.on(TODAY))
    try:
        _build(ws, events)
        for offset in sorted({*probes, DAYS, DAYS + 10}):
            day = START + timedelta(days=offset)
            with ws.book.session() as session:
                from_rows = receipt_facts_of(open_invoices_on(session, day), day)
                queried = read_receipt_facts(session, day)
            assert _plain(from_rows) == _plain(queried), day
            # From scratch (facts from the rows), then again after an empty write (the
            # cases kept, the receipts queried): the same agenda.
            service = AgendaService(ws.book, ws.clock)
            scratch = service.agenda(day)
            again = service.agenda(day, changed=frozenset())
            assert again == scratch, day
    finally:
        ws.close()
