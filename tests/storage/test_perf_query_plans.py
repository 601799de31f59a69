"""Index choices of the big reads, pinned: the risk tallies' not-yet-due invoices read the
small settled index, the penalty candidates the open index (never a walk of every invoice)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy import event
from sqlalchemy.orm import Session

from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.storage.queries.penalties import candidate_invoices
from cobranza_desktop.storage.risk_tallies import tallies_on

# SQLite's planner and its EXPLAIN QUERY PLAN: PostgreSQL plans by statistics.
pytestmark = pytest.mark.sqlite_only

DAY = date(2026, 11, 22)


def _plans(ws: Workspace, read: Callable[[Session], object]) -> dict[str, str]:
    """Each statement ``read`` runs, with its query plan."""
    statements: list[tuple[str, object]] = []

    def keep(*args: object) -> None:
        statements.append((str(args[2]), args[3]))

    event.listen(ws.book.engine, "before_cursor_execute", keep)
    try:
        with ws.book.session() as session:
            read(session)
            raw = session.connection().connection.cursor()
            return {
                sql: " | ".join(
                    str(r[-1])
                    for r in raw.execute(f"EXPLAIN QUERY PLAN {sql}", params).fetchall()  # type: ignore[arg-type]
                )
                for sql, params in statements
            }
    finally:
        event.remove(ws.book.engine, "before_cursor_execute", keep)


def test_the_settled_invoices_not_yet_due_read_the_settled_index(ws: Workspace) -> None:
    plans = _plans(ws, lambda s: tallies_on(s, DAY))
    (plan,) = [p for sql, p in plans.items() if "FROM invoices" in sql]
    assert "USING INDEX ix_invoices_settled_due (due_date>?)" in plan, plan
    assert "ix_invoices_customer_due" not in plan


def test_the_open_penalty_candidates_read_the_open_index(ws: Workspace) -> None:
    plans = _plans(ws, lambda s: candidate_invoices(s, DAY))
    opened = [p for sql, p in plans.items() if "paid_cents < invoices.total_cents" in sql]
    assert len(opened) == 1 and "ix_invoices_open" in opened[0], plans
    assert "ix_invoices_issue_date" not in opened[0]
