"""A disputed invoice: its ladder and its penalties pause, aging and the customer file
still show it (marked), and settling the dispute resumes its collection."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.errors import ConflictError, ValidationError
from cobranza_desktop.domain.penalty_policy import PenaltyPolicy
from cobranza_desktop.services.book.customer_file import CustomerFileService
from cobranza_desktop.services.book.workspace import Workspace
from tests.factories import customer
from tests.scenarios.conftest import invoice, items_for, move_to

DUE = date(2026, 1, 31)


def test_a_disputed_invoice_pauses_its_ladder_and_penalties_until_settled(
    book_ws: Workspace, moving_clock: FixedClock
) -> None:
    ws = book_ws
    ws.penalties.set_business_policy(PenaltyPolicy.legal())
    cid = customer(ws, "Abarrotes Lupita", phone="55 6666 7777").id
    questioned = invoice(ws, cid, "3000.00", issued=date(2026, 1, 1), due=DUE, tax="0")
    undisputed = invoice(ws, cid, "500.00", issued=date(2026, 1, 10), due=DUE, tax="0")
    move_to(moving_clock, DUE + timedelta(days=1))
    (first,) = items_for(ws, cid)
    assert set(first.invoice_ids) == {questioned.id, undisputed.id}
    ws.disputes.mark(questioned.id, "El cliente dice que no recibió la mercancía")

    # The agenda now chases only the undisputed invoice.
    (item,) = items_for(ws, cid)
    assert item.invoice_ids == (undisputed.id,)
    assert item.amount_due == Decimal("500.00")
    ws.agenda.complete(item, override_reason="domingo: escenario")
    ws.invoices.void(undisputed.id, "Factura duplicada")
    for days in (2, 7, 15, 30, 45):
        move_to(moving_clock, DUE + timedelta(days=days))
        assert items_for(ws, cid) == [], f"day {days}: a disputed invoice has no ladder"
    # No penalty accrues on it while it is disputed.
    assert ws.penalties.propose().total_for(cid) == Decimal("0.00")
    assert ws.penalties.apply().charges == ()
    # Aging still shows it in its bucket, marked; so does the customer file.
    report = ws.aging.report()
    (line,) = [line for line in report.lines if line.customer_id == cid]
    assert line.total == Decimal("3000.00")
    assert "en disputa" in report.mark_text(cid)
    assert questioned.number in report.mark_text(cid)
    view = CustomerFileService(ws.book, moving_clock).customer_file(cid)
    (shown,) = [i for i in view.invoices if i.id == questioned.id]
    assert shown.disputed
    # Marking twice, an empty reason, settling what is not disputed: refused, nothing changes.
    with pytest.raises(ConflictError):
        ws.disputes.mark(questioned.id, "otra vez")
    with pytest.raises(ValidationError):
        ws.disputes.settle(questioned.id, "  ")
    with pytest.raises(ConflictError):
        ws.disputes.settle(undisputed.id, "no estaba en disputa")

    # Settled: its ladder resumes at the stage of the day, and penalties accrue again.
    ws.disputes.settle(questioned.id, "Se entregó la mercancía; firma de recibido")
    (back,) = items_for(ws, cid)
    assert back.invoice_ids == (questioned.id,) and back.stage == "partial_restriction"
    assert ws.penalties.propose().total_for(cid) > 0
    assert "en disputa" not in ws.aging.report().mark_text(cid)
    (history,) = ws.disputes.for_customer(cid)
    assert history.reason.startswith("El cliente dice") and not history.is_open
