"""The REP radar's head on random small books: the same rows and counts as the whole lists.

``rep_head`` reads the pending REPs from the facts each allocation copies from its payment
and invoice (``rep_open``, ``on_ppd``, through a partial index); ``pending_rep`` still
joins every allocation to both. Books with PPD, PUE and plain invoices, cash and discount
payments, credit applied twice to one invoice (two allocations, one pair), REPs received
and withdrawn, reversals and voids must give both the same answer on every day.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from decimal import ROUND_DOWN, Decimal
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import URL, select

from cobranza_desktop.domain.allocation import Allocation as AllocationInput
from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.invoices import Lifecycle, make_line
from cobranza_desktop.services.billing.invoices import InvoiceDraft
from cobranza_desktop.services.book.workspace import Workspace, open_workspace
from cobranza_desktop.services.receivables.payments import PaymentInput
from cobranza_desktop.storage.models import Payment
from cobranza_desktop.storage.queries.book_check import invariant_violations
from cobranza_desktop.storage.queries.rep import pending_rep, pue_unpaid, rep_head
from tests.factories import customer

START = date(2026, 6, 1)
CENT = Decimal("0.01")
TODAY = date(2026, 12, 20)

invoices_st = st.lists(
    st.tuples(
        st.sampled_from(["PPD", "PPD", "PUE", ""]),
        st.integers(0, 150),  # issued this many days after START
        st.integers(100, 900),  # pesos
    ),
    min_size=1,
    max_size=5,
)
payments_st = st.lists(
    st.tuples(
        st.integers(0, 190),  # paid this many days after START
        st.integers(50, 1200),
        st.sampled_from(["cash", "transfer", "discount"]),
        st.booleans(),  # left as credit (applied by a later event), not oldest first
    ),
    min_size=1,
    max_size=6,
)
# After the payments: (what, which payment or invoice, by position)
events_st = st.lists(
    st.tuples(st.sampled_from(["rep", "unrep", "reverse", "void", "credit"]), st.integers(0, 9)),
    max_size=5,
)
# The days asked about, the 5th and 6th of months (the REP's deadline) among them.
days_st = st.lists(
    st.one_of(
        st.integers(0, 200).map(lambda n: START + timedelta(days=n)),
        st.sampled_from([date(2026, m, d) for m in (7, 9, 11) for d in (4, 5, 6)]),
    ),
    min_size=1,
    max_size=4,
)


def _build(
    ws: Workspace,
    invoices: list[tuple[str, int, int]],
    payments: list[tuple[int, int, str, bool]],
    events: list[tuple[str, int]],
) -> None:
    cid = customer(ws, "Refaccionaria Ortiz").id
    issued = [
        ws.invoices.issue(
            InvoiceDraft(
                cid,
                (make_line("Servicio", 1, str(price), tax_rate_percent="0"),),
                START + timedelta(days=day),
                START + timedelta(days=day + 30),
                sat_payment_method=method,
            )
        ).id
        for method, day, price in invoices
    ]
    paid: list[int] = []
    for day, amount, method, as_credit in payments:
        when = START + timedelta(days=day)  # oldest first; what is left stays as credit
        data = PaymentInput(
            cid, f"{amount}.00", when, method, allocations=() if as_credit else None
        )
        paid.append(ws.payments.record(data).id)
    for what, n in events:
        pid, iid = paid[n % len(paid)], issued[n % len(issued)]
        if what == "rep":  # as a CFDI of type P does (cfdi_booking): through the ORM
            _set_rep(ws, pid, f"UUID-P-{pid}")
        elif what == "unrep":  # as undoing the import batch does
            _set_rep(ws, pid, "")
        elif what == "reverse" and ws.payments.get(pid).reversed_at is None:
            ws.payments.reverse(pid, "Cheque devuelto")
        elif what == "void" and ws.invoices.get(iid).lifecycle == Lifecycle.ISSUED:
            ws.invoices.void(iid, "Error de captura")
        elif what == "credit":
            _credit_twice(ws, pid, iid)


def _set_rep(ws: Workspace, payment_id: int, uuid: str) -> None:
    with ws.book.transaction() as session:
        payment = session.scalars(select(Payment).where(Payment.id == payment_id)).one()
        payment.rep_uuid = uuid


def _credit_twice(ws: Workspace, payment_id: int, invoice_id: int) -> None:
    """Apply a payment's credit to one invoice in two steps: two allocations, one pair."""
    payment, invoice = ws.payments.get(payment_id), ws.invoices.get(invoice_id)
    if payment.reversed_at is not None or invoice.lifecycle != Lifecycle.ISSUED:
        return
    for _ in range(2):
        left = min(ws.payments.get(payment_id).unallocated, ws.invoices.get(invoice_id).balance)
        part = max((left / 2).quantize(CENT, rounding=ROUND_DOWN), min(left, CENT))
        if part <= 0:
            return
        ws.payments.allocate_credit(payment_id, (AllocationInput(invoice_id, part),))


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(invoices=invoices_st, payments=payments_st, events=events_st, days=days_st)
# Each of these makes a wrong fact or a wrong count visible, whatever hypothesis draws:
# a REP received then withdrawn on paid PPD invoices, and credit applied in two steps.
@example(
    invoices=[("PPD", 0, 500), ("PPD", 10, 400), ("PUE", 20, 300)],
    payments=[(15, 450, "cash", False), (40, 600, "transfer", False)],
    events=[("rep", 0)],
    days=[date(2026, 8, 5), date(2026, 8, 6)],
)
@example(
    invoices=[("PPD", 0, 500), ("PPD", 10, 400)],
    payments=[(15, 450, "cash", False), (40, 600, "transfer", False)],
    events=[("rep", 1), ("unrep", 1), ("reverse", 0)],
    days=[date(2026, 9, 4), TODAY],
)
@example(
    invoices=[("PPD", 0, 500)],
    payments=[(15, 300, "transfer", True)],
    events=[("credit", 0)],
    days=[date(2026, 7, 5), TODAY],
)
def test_the_head_counts_and_rows_are_the_whole_lists(
    new_book_location: Callable[[], Path | URL],
    invoices: list[tuple[str, int, int]],
    payments: list[tuple[int, int, str, bool]],
    events: list[tuple[str, int]],
    days: list[date],
) -> None:
    ws = open_workspace(new_book_location(), FixedClock.on(TODAY))
    try:
        _build(ws, invoices, payments, events)
        with ws.book.session() as session:
            # The copied facts agree with the payments and invoices they come from.
            assert invariant_violations(session)["allocation_facts_match"] == []
            for day in days:
                pending, pue = pending_rep(session, day), pue_unpaid(session, day)
                for limit in (1, 3, 200):
                    head = rep_head(session, day, limit)
                    assert head.pending == pending[:limit], day
                    assert head.pending_count == len(pending), day
                    assert head.overdue_count == sum(1 for r in pending if r.deadline < day)
                    assert head.pue == pue[:limit], day
                    assert head.pue_count == len(pue), day
    finally:
        ws.close()
