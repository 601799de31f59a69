"""The REP radar's head (what Today shows): the first rows and the counts, from SQL.

On a big book the radar's lists run to near a million rows; the Today panel asks for
the first rows and the counts only. They must be exactly the full lists' first rows,
and the counts the full lists' lengths (and the late ones among them).
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cobranza_desktop.domain.invoices import make_line
from cobranza_desktop.services.billing.invoices import InvoiceDraft
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.receivables.payments import PaymentInput
from cobranza_desktop.services.receivables.rep_radar import RepRadarService
from tests.factories import customer

TODAY = date(2026, 11, 22)


@pytest.fixture
def radar_book(ws: Workspace) -> Workspace:
    """PPD invoices paid over several months (some REPs late, some not yet due), PUE
    invoices left owing after their month, and one PUE paid in its month."""
    cid = customer(ws, "Abarrotes Ávila").id
    start = date(2026, 7, 3)
    for n in range(9):
        issued = start + timedelta(days=13 * n)
        method = "PUE" if n % 3 == 0 else "PPD"
        line = make_line("Servicio", 1, f"{300 + 25 * n}", tax_rate_percent="0")
        ws.invoices.issue(
            InvoiceDraft(
                cid, (line,), issued, issued + timedelta(days=20), sat_payment_method=method
            )
        )
    for n in range(7):  # each pays the oldest invoice first, part of it
        ws.payments.record(PaymentInput(cid, f"{120 + 10 * n}.00", start + timedelta(days=9 * n)))
    return ws


@settings(
    max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(limit=st.integers(min_value=1, max_value=12), back=st.integers(min_value=0, max_value=60))
def test_the_head_is_the_first_rows_of_the_whole_radar(
    radar_book: Workspace, limit: int, back: int
) -> None:
    ws = radar_book
    radar = RepRadarService(ws.book, ws.clock)
    day = TODAY - timedelta(days=back)
    whole = radar.radar(day)
    head = radar.radar(day, limit=limit)
    assert whole.pending, "the book has payments waiting for their REP"
    assert head.pending == whole.pending[:limit]
    assert head.pue_unpaid == whole.pue_unpaid[:limit]
    assert head.pending_total == len(whole.pending)
    assert head.overdue_total == sum(1 for p in whole.pending if p.overdue)
    assert head.pue_total == len(whole.pue_unpaid)
