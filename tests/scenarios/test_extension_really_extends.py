"""An extension meets interest, the ladder and aging: penalties start after the new date
(unless the business charges from the original one), the ladder starts again from it, and
aging keeps the original due date with an "extended to" mark."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.extensions import ExtensionCharges
from cobranza_desktop.domain.penalty_policy import PenaltyPolicy, PenaltyPreset
from cobranza_desktop.services.base.extension_rule import save_extension_rule
from cobranza_desktop.services.book.customer_file import CustomerFileService
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.collections.tools import CollectionToolsService
from tests.factories import customer
from tests.scenarios.conftest import invoice, items_for, move_to

DUE = date(2026, 1, 30)  # a Friday
NEW_DUE = date(2026, 2, 27)  # a Friday
POLICY = PenaltyPolicy(
    preset=PenaltyPreset.CUSTOM, annual_rate_percent=Decimal("36"), day_basis=360
)


def _extended(ws: Workspace, clock: FixedClock) -> tuple[int, int]:
    ws.penalties.set_business_policy(POLICY)
    cid = customer(ws, "Ferretería Díaz", phone="55 3131 4141").id
    inv = invoice(ws, cid, "10000.00", issued=date(2026, 1, 1), due=DUE, tax="0")
    move_to(clock, DUE + timedelta(days=1))
    (call,) = items_for(ws, cid)
    assert call.stage == "phone_reminder"
    ws.agenda.complete(call, override_reason="sábado: escenario")
    move_to(clock, DUE + timedelta(days=3))  # a Monday: the customer asks for a month
    CollectionToolsService(ws.book, clock).extend_due_date(
        inv.id, NEW_DUE, "Espera el pago de su cliente"
    )
    return cid, inv.id


def test_an_extension_moves_interest_the_ladder_and_is_marked_in_aging(
    book_ws: Workspace, moving_clock: FixedClock
) -> None:
    ws = book_ws
    cid, invoice_id = _extended(ws, moving_clock)
    for day in (DUE + timedelta(days=7), DUE + timedelta(days=20), NEW_DUE):
        move_to(moving_clock, day)
        assert ws.penalties.propose().total_for(cid) == Decimal("0.00"), day
        assert [i.stage for i in items_for(ws, cid)] in ([], ["friendly_reminder"]), day
    # Aging: still in the bucket of 30/01 (overdue), marked with the agreed date.
    report = ws.aging.report(NEW_DUE)
    (line,) = [line for line in report.lines if line.customer_id == cid]
    assert line.buckets[0] == Decimal("0.00")  # not "current": aged by the original date
    assert "prorrogada al 27/02/2026" in report.mark_text(cid)
    assert "vence el 30/01/2026" in report.mark_text(cid)
    # The customer file: not overdue before the agreed date, the original date kept.
    (shown,) = CustomerFileService(ws.book, moving_clock).customer_file(cid).invoices
    assert shown.due_date == DUE and shown.extended_to == NEW_DUE
    assert shown.status.value != "overdue" and shown.days_past_due == 0
    # The day after the new date the ladder starts again, and interest runs from there.
    move_to(moving_clock, NEW_DUE + timedelta(days=3))  # a Monday
    (call,) = items_for(ws, cid)
    assert call.stage == "ask_reason_call" and call.invoice_ids == (invoice_id,)
    assert ws.penalties.propose().total_for(cid) == Decimal("30.00")  # 3 days × 10.00


def test_the_business_may_charge_from_the_original_due_date(
    book_ws: Workspace, moving_clock: FixedClock
) -> None:
    ws = book_ws
    cid, _invoice_id = _extended(ws, moving_clock)
    with ws.book.transaction() as session:
        save_extension_rule(session, ExtensionCharges.FROM_ORIGINAL_DATE)
    move_to(moving_clock, DUE + timedelta(days=20))
    assert ws.penalties.propose().total_for(cid) == Decimal("200.00")  # 20 days × 10.00
