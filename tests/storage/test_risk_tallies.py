"""The per-customer risk tallies: kept by every write, and as exact as the invoice-by-
invoice reading for any day (days before a payment, invoices not yet due)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import event, select

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.risk import LateTally
from cobranza_desktop.services.base.agenda_data import histories, settled_histories
from cobranza_desktop.services.book.workspace import Workspace, open_workspace
from cobranza_desktop.services.receivables.payments import PaymentInput
from cobranza_desktop.storage.models.summaries import RiskTally
from cobranza_desktop.storage.risk_tallies import refresh_tallies, settled_invoices, tally_rows
from tests.factories import customer, invoice

START = date(2026, 1, 5)

# One step: (customer 0-2, what, day offset, amount in pesos)
steps = st.lists(
    st.tuples(
        st.integers(0, 2),
        st.sampled_from(["invoice", "pay", "reverse"]),
        st.integers(0, 120),
        st.integers(50, 1500),
    ),
    min_size=1,
    max_size=14,
)


def _stored(ws: Workspace) -> dict[int, tuple[int, int, int, date | None]]:
    with ws.book.session() as session:
        return {
            t.customer_id: (t.settled_count, t.late_count, t.days_late, t.last_paid_on)
            for t in session.scalars(select(RiskTally))
        }


def _recomputed(ws: Workspace) -> dict[int, tuple[int, int, int, date | None]]:
    with ws.book.engine.connect() as connection:
        sums = tally_rows(settled_invoices(connection, None))
    return {cid: (s.count, s.late, s.days, s.last_paid) for cid, s in sums.items()}


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Path]:
    yield tmp_path


def _play(ws: Workspace, ids: list[int], plan: list[tuple[int, str, int, int]]) -> None:
    payments: list[int] = []
    for who, what, offset, pesos in plan:
        day = START + timedelta(days=offset)
        ws.clock.current = ws.clock.current.replace(  # type: ignore[attr-defined]
            year=day.year, month=day.month, day=day.day
        )
        if what == "invoice":
            invoice(ws, ids[who], f"{pesos}.00", issued=day, due=day + timedelta(days=pesos % 45))
        elif what == "pay":
            payments.append(ws.payments.record(PaymentInput(ids[who], f"{pesos}.00", day)).id)
        elif payments:
            ws.payments.reverse(payments.pop(pesos % len(payments)), "cheque devuelto")


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(plan=steps, probe=st.integers(-10, 150))
def test_the_tallies_follow_every_write_and_match_the_invoices_on_any_day(
    fresh: Path, plan: list[tuple[int, str, int, int]], probe: int
) -> None:
    path = fresh / f"t{abs(hash((tuple(plan), probe)))}.sqlite"
    ws = open_workspace(path, FixedClock.on(START))
    try:
        ids = [customer(ws, name=f"Cliente {n}").id for n in range(3)]
        _play(ws, ids, plan)
        assert _stored(ws) == _recomputed(ws)
        day = START + timedelta(days=probe)
        with ws.book.session() as session:
            fast = settled_histories(session, ids, day)
            full = histories(session, ids, day)
        for cid in ids:
            settled = [r for r in full[cid].records if r.paid_date is not None]
            assert fast[cid].settled == LateTally.of(settled, day), (cid, day)
            assert fast[cid].records == ()
            assert fast[cid].broken_promises == full[cid].broken_promises
    finally:
        ws.close()


def test_a_write_refreshes_only_its_customer_with_one_set_of_queries(ws: Workspace) -> None:
    a, b = customer(ws, name="Ana").id, customer(ws, name="Beto").id
    invoice(ws, a, "100.00", issued=date(2026, 9, 1), due=date(2026, 9, 30))
    invoice(ws, b, "100.00", issued=date(2026, 9, 1), due=date(2026, 9, 30))
    ws.payments.record(PaymentInput(b, "116.00", date(2026, 9, 20)))
    before = _stored(ws)
    seen: list[str] = []
    listener = lambda *args: seen.append(str(args[2]))  # noqa: E731
    event.listen(ws.book.engine, "before_cursor_execute", listener)
    try:
        ws.payments.record(PaymentInput(a, "116.00", date(2026, 10, 10)))
    finally:
        event.remove(ws.book.engine, "before_cursor_execute", listener)
    after = _stored(ws)
    assert after[b] == before[b]
    assert after[a] == (1, 1, 10, date(2026, 10, 10))  # due 30 Sep, paid 10 Oct
    touching = [s for s in seen if "risk_tallies" in s]
    assert len(touching) == 2, touching  # one delete, one insert


def test_a_rolled_back_write_leaves_no_pending_refresh(ws: Workspace) -> None:
    a = customer(ws, name="Ana").id
    invoice(ws, a, "100.00", issued=date(2026, 9, 1), due=date(2026, 9, 30))
    with pytest.raises(RuntimeError), ws.book.transaction() as session:
        refresh_tallies(session.connection(), [a])
        raise RuntimeError("undo")
    assert _stored(ws) == _recomputed(ws)


def _settled_on(ws: Workspace, cid: int, day: date) -> LateTally | None:
    with ws.book.session() as session:
        fast = settled_histories(session, [cid], day)[cid].settled
        full = histories(session, [cid], day)[cid]
    assert fast == LateTally.of([r for r in full.records if r.paid_date is not None], day)
    return fast


def test_an_invoice_paid_early_counts_only_once_it_is_due(ws: Workspace) -> None:
    a = customer(ws, name="Ana").id
    invoice(ws, a, "100.00", issued=date(2026, 9, 1), due=date(2026, 10, 30))
    ws.payments.record(PaymentInput(a, "116.00", date(2026, 9, 20)))
    assert _stored(ws)[a] == (1, 0, 0, date(2026, 9, 20))
    assert _settled_on(ws, a, date(2026, 10, 1)) == LateTally(0, 0, 0)  # not due yet
    assert _settled_on(ws, a, date(2026, 11, 1)) == LateTally(1, 0, 0)


def test_a_day_before_the_payment_reads_the_invoice_as_unpaid(ws: Workspace) -> None:
    a = customer(ws, name="Ana").id
    invoice(ws, a, "100.00", issued=date(2026, 9, 1), due=date(2026, 9, 30))
    ws.payments.record(PaymentInput(a, "116.00", date(2026, 10, 10)))
    assert _settled_on(ws, a, date(2026, 10, 5)) == LateTally(0, 0, 0)
    assert _settled_on(ws, a, date(2026, 10, 11)) == LateTally(1, 1, 10, 10)


def test_a_reversed_payment_takes_the_invoice_out_of_the_tally(ws: Workspace) -> None:
    a = customer(ws, name="Ana").id
    invoice(ws, a, "100.00", issued=date(2026, 9, 1), due=date(2026, 9, 30))
    paid = ws.payments.record(PaymentInput(a, "116.00", date(2026, 10, 10)))
    assert _stored(ws)[a][0] == 1
    ws.payments.reverse(paid.id, "cheque devuelto")
    assert a not in _stored(ws)
    assert _settled_on(ws, a, date(2026, 11, 1)) == LateTally(0, 0, 0)


def test_cobranza_check_finds_a_tally_out_of_step(ws: Workspace) -> None:
    a = customer(ws, name="Ana").id
    invoice(ws, a, "100.00", issued=date(2026, 9, 1), due=date(2026, 9, 30))
    ws.payments.record(PaymentInput(a, "116.00", date(2026, 10, 10)))
    assert ws.checks.run().ok
    with ws.book.engine.begin() as connection:  # around the sessions, as a bad loader would
        connection.exec_driver_sql("UPDATE risk_tallies SET days_late = 0")
    report = ws.checks.run()
    (failed,) = [r for r in report.results if not r.ok]
    assert failed.name == "risk_tallies_match" and failed.offending[0][0] == a


def test_the_plain_tuple_reads_take_no_customers_and_some(ws: Workspace) -> None:
    """The hand-written reads, on either engine: none asked (PostgreSQL refuses an empty
    ``IN ()``), a few asked (their ids bound), and the whole book."""
    from cobranza_desktop.storage.queries.agenda import customer_names, open_invoices_on
    from cobranza_desktop.storage.risk_tallies import tallies_on

    a, b = customer(ws, name="Ana").id, customer(ws, name="Beto").id
    invoice(ws, a, "100.00", issued=date(2026, 9, 1), due=date(2026, 9, 30))
    day = date(2026, 10, 15)
    with ws.book.session() as session:
        assert customer_names(session, []) == {}
        assert tallies_on(session, day, []).tallies == {}
        assert open_invoices_on(session, day, []) == []
        assert customer_names(session, [b]) == {b: ("Beto", "active")}
        assert set(tallies_on(session, day, [a]).tallies) <= {a}
        (row,) = open_invoices_on(session, day, [a, b])
        assert (row.customer_id, row.due_date, row.balance_cents) == (a, date(2026, 9, 30), 11600)
        assert row.issue_date == date(2026, 9, 1) and row.disputed is False
        assert open_invoices_on(session, day) == [row]
