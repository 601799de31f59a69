"""The agenda reads the book set-based: its number of queries does not grow with the
number of customers, promises or plans; and its whole-book scan uses the open index."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta

import pytest
from sqlalchemy import event

from cobranza_desktop.domain.invoices import make_line
from cobranza_desktop.services.billing.invoices import InvoiceDraft
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.collections.promises import PromiseService
from cobranza_desktop.services.receivables.payments import PaymentInput
from tests.factories import customer
from tests.storage.query_plans import traced_plans


@contextmanager
def _counting(ws: Workspace) -> Iterator[list[str]]:
    seen: list[str] = []

    def count(*args: object) -> None:
        seen.append(str(args[2]))

    event.listen(ws.book.engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(ws.book.engine, "before_cursor_execute", count)


def _add_debtors(ws: Workspace, how_many: int, start: int) -> None:
    promises = PromiseService(ws.book, ws.clock)
    today = ws.clock.today()
    for n in range(start, start + how_many):
        c = customer(ws, name=f"Cliente {n}")
        line = make_line("Servicio", 1, "100.00")
        ws.invoices.issue(
            InvoiceDraft(c.id, (line,), today - timedelta(days=40), today - timedelta(days=10))
        )
        ws.payments.record(PaymentInput(c.id, "10.00", today - timedelta(days=5)))
        # A promise made a week ago for three days ago, not kept: broken, followed up.
        now = ws.clock.current  # type: ignore[attr-defined]
        ws.clock.current = now - timedelta(days=7)  # type: ignore[attr-defined]
        promises.add(c.id, "50.00", today - timedelta(days=3))
        ws.clock.current = now  # type: ignore[attr-defined]


def test_the_agenda_costs_the_same_queries_for_two_or_eight_debtors(ws: Workspace) -> None:
    _add_debtors(ws, 2, 0)
    with _counting(ws) as few:
        small = ws.agenda.agenda()
    _add_debtors(ws, 6, 2)
    with _counting(ws) as many:
        large = ws.agenda.agenda()
    assert len(small.items) + len(small.deferred) < len(large.items) + len(large.deferred)
    assert len(many) == len(few), "\n".join(many)


@pytest.mark.sqlite_only  # SQLite's query plan
def test_the_open_invoices_of_the_day_read_the_partial_index(ws: Workspace) -> None:
    from cobranza_desktop.storage.queries import agenda

    # The read goes straight to the DBAPI cursor (plain tuples): sqlite3's trace sees it.
    plans = traced_plans(ws, lambda session: agenda.open_invoices_on(session, date(2026, 11, 22)))
    (plan,) = [p for sql, p in plans.items() if "FROM invoices" in sql]
    assert "ix_invoices_open" in plan, plan
