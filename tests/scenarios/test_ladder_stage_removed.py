"""A ladder stage removed while invoices sit on it: the agenda keeps working. The action
proposed before the removal can still be done and is logged; the customer who already had
it keeps it in the timeline; nobody is proposed the removed stage again; the ladder goes on
to the next stage; and a stage added in its place is proposed on its day."""

from __future__ import annotations

from datetime import date, timedelta

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.contact_policy import Channel
from cobranza_desktop.domain.ladder_edits import add_stage, remove_stage
from cobranza_desktop.services.book.customer_file import CustomerFileService
from cobranza_desktop.services.book.workspace import Workspace
from tests.factories import customer
from tests.scenarios.conftest import invoice, items_for, move_to

DUE = date(2026, 1, 9)  # a Friday


def _through_the_first_calls(ws: Workspace, clock: FixedClock, ids: list[int]) -> None:
    for day in (DUE + timedelta(days=1), DUE + timedelta(days=3)):  # Sat 10, Mon 12
        move_to(clock, day)
        for cid in ids:
            for item in items_for(ws, cid):
                ws.agenda.complete(item, override_reason="escenario")


def test_removing_the_stage_invoices_sit_on_keeps_the_agenda_working(
    book_ws: Workspace, moving_clock: FixedClock
) -> None:
    ws = book_ws
    done_it = customer(ws, "Abarrotes Peña", phone="55 4141 5151").id
    waiting = customer(ws, "Abarrotes Gil", phone="55 4242 5252").id
    for cid in (done_it, waiting):
        invoice(ws, cid, "2000.00", issued=date(2026, 1, 2), due=DUE, tax="0")
    _through_the_first_calls(ws, moving_clock, [done_it, waiting])
    # Day 7 (Friday 16/01): both sit on the firm reminder; one of them gets it done.
    move_to(moving_clock, DUE + timedelta(days=7))
    (first,) = items_for(ws, done_it)
    (pending,) = items_for(ws, waiting)
    assert first.stage == pending.stage == "firm_reminder"
    ws.agenda.complete(first, channel="phone", notes="Le recordé")
    # The business removes the firm reminder and adds a visit at +10 instead.
    ladder = remove_stage(ws.agenda.ladder(), "firm_reminder")
    ws.agenda.set_ladder(add_stage(ladder, 10, Channel.VISIT, "Visita al cliente"))
    # Same day: nobody is proposed the removed stage, and the agenda still computes.
    assert [i.stage for i in items_for(ws, waiting)] == []
    assert [i.stage for i in items_for(ws, done_it)] == []
    # The action shown before the removal can still be done, and is logged.
    ws.agenda.complete(pending, channel="phone", notes="Ya estaba en pantalla")
    timeline = CustomerFileService(ws.book, moving_clock).customer_file(waiting).timeline
    assert any("Ya estaba en pantalla" in c.notes for c in timeline)
    done_timeline = CustomerFileService(ws.book, moving_clock).customer_file(done_it).timeline
    assert any("Le recordé" in c.notes for c in done_timeline)
    # Monday 19/01 (+10): the new stage, for both; then the ladder goes on as before.
    move_to(moving_clock, DUE + timedelta(days=10))
    for cid in (done_it, waiting):
        (visit,) = items_for(ws, cid)
        assert visit.stage == "custom_1" and visit.stage_label == "Visita al cliente"
        ws.agenda.complete(visit, channel="visit", notes="Visita")
    move_to(moving_clock, DUE + timedelta(days=17))  # Monday 26/01: past +15
    for cid in (done_it, waiting):
        assert [i.stage for i in items_for(ws, cid)] == ["penalty_warning"]
