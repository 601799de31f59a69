"""Index choices of the big reads, pinned: the risk tallies' not-yet-due invoices read the
small settled index, the penalty candidates the open index and their allocations by invoice
(and their charges by invoice and period end), the credit of a past day the invoices issued
after it (never a walk of every row)."""

from __future__ import annotations

from datetime import date

import pytest

from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.storage.queries.balances import credit_by_customer
from cobranza_desktop.storage.queries.penalties import candidate_invoices
from cobranza_desktop.storage.queries.rep import rep_head
from cobranza_desktop.storage.risk_tallies import tallies_on
from tests.storage.query_plans import traced_plans

# SQLite's planner and its EXPLAIN QUERY PLAN: PostgreSQL plans by statistics.
pytestmark = pytest.mark.sqlite_only

DAY = date(2026, 11, 22)


def test_the_settled_invoices_not_yet_due_read_the_settled_index(ws: Workspace) -> None:
    plans = traced_plans(ws, lambda s: tallies_on(s, DAY))
    (plan,) = [p for sql, p in plans.items() if "FROM invoices" in sql]
    assert "USING INDEX ix_invoices_settled_due (due_date>?)" in plan, plan
    assert "ix_invoices_customer_due" not in plan


def test_the_open_penalty_candidates_read_the_open_index(ws: Workspace) -> None:
    plans = traced_plans(ws, lambda s: candidate_invoices(s, DAY))
    opened = [p for sql, p in plans.items() if "paid_cents < invoices.total_cents" in sql]
    assert len(opened) == 1 and "ix_invoices_open" in opened[0], plans
    assert "ix_invoices_issue_date" not in opened[0]


def test_the_credit_of_a_past_day_reads_only_the_invoices_issued_after_it(ws: Workspace) -> None:
    """What was later applied to invoices issued after the day: from the issue-date index,
    never a walk of every allocation (2.5 s on the million-invoice book)."""
    plans = traced_plans(ws, lambda s: credit_by_customer(s, None, DAY))
    (plan,) = [p for sql, p in plans.items() if "issue_date >" in sql]
    assert "ix_invoices_issue_date (issue_date>?)" in plan, plan
    assert "SCAN allocations" not in plan, plan


def test_the_penalty_candidates_probe_their_allocations_by_invoice(ws: Workspace) -> None:
    plans = traced_plans(ws, lambda s: candidate_invoices(s, DAY))
    opened = [p for sql, p in plans.items() if "paid_cents < invoices.total_cents" in sql]
    assert len(opened) == 1, plans
    assert "SEARCH allocations USING INDEX ix_allocations_invoice" in opened[0], opened[0]
    assert "SCAN allocations" not in opened[0]


def test_the_interest_still_owed_reads_the_charges_from_their_index_alone(ws: Workspace) -> None:
    """The paid invoices with a last period of interest to charge: each invoice's latest
    charged day from the (invoice, period end) index, never a visit of each charge's row
    (wide with its breakdown: 0.2 s at 39k charges, growing with every run's history)."""
    plans = traced_plans(ws, lambda s: candidate_invoices(s, DAY))
    (charged,) = [p for sql, p in plans.items() if "FROM penalty_charges" in sql]
    assert "SCAN penalty_charges USING COVERING INDEX ix_penalty_charges_invoice_end" in charged
    assert "SCAN penalty_charges USING INDEX" not in charged, charged  # a visit per row
    assert "USE TEMP B-TREE FOR GROUP BY" not in charged, charged


def test_the_rep_radar_head_reads_its_partial_indexes(ws: Workspace) -> None:
    """The pending REPs' counts and first rows from the pending allocations' covering
    index alone (no payment or invoice per allocation: 5 s on the million-invoice book),
    and the PUE list from the open PUE invoices only."""
    plans = traced_plans(ws, lambda s: rep_head(s, DAY, 200))
    pending = [p for sql, p in plans.items() if "a.rep_open = TRUE" in sql]
    assert len(pending) == 2, plans
    for plan in pending:
        assert "COVERING INDEX ix_allocations_rep_pending" in plan, plan
        assert "SCAN a" not in plan and "USE TEMP B-TREE FOR DISTINCT" not in plan, plan
        assert "USE TEMP B-TREE FOR GROUP BY" not in plan, plan
    (pue,) = [p for sql, p in plans.items() if "'PUE'" in sql]
    assert "SCAN i USING INDEX ix_invoices_pue_open" in pue, pue
