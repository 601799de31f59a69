"""An extended invoice seen from every place on the same days: the customer file's
"Vencido" card, the customer list, aging, the agenda and interest. Before the agreed date
none of them treats it as overdue (aging keeps it in its original bucket, marked); after
it, all of them count from the agreed date."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.penalty_policy import PenaltyPolicy, PenaltyPreset
from cobranza_desktop.services.book.customer_file import CustomerFileService
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.collections.dossier import DossierService
from cobranza_desktop.services.collections.tools import CollectionToolsService
from cobranza_desktop.services.customers.listing import CustomerListService
from cobranza_desktop.services.documents.parts import overdue_invoices
from cobranza_desktop.services.receivables.listings import ListingService
from cobranza_desktop.storage.queries.listings import InvoiceFilter
from tests.factories import customer
from tests.scenarios.conftest import invoice, items_for, move_to

DUE = date(2026, 1, 30)  # a Friday
NEW_DUE = date(2026, 2, 27)  # a Friday
OTHER_DUE = date(2026, 2, 6)  # a Friday: an ordinary invoice, not extended
POLICY = PenaltyPolicy(
    preset=PenaltyPreset.CUSTOM, annual_rate_percent=Decimal("36"), day_basis=360
)


def _listed_overdue(ws: Workspace, clock: FixedClock, cid: int) -> tuple[Decimal, int]:
    listing = CustomerListService(ws.book, clock)
    try:
        (row,) = [r for r in listing.list_page(limit=50) if r.id == cid]
        return row.overdue, row.days_past_due
    finally:
        listing.close()


def test_the_file_card_aging_agenda_and_interest_agree_on_an_extension(
    book_ws: Workspace, moving_clock: FixedClock
) -> None:
    ws = book_ws
    ws.penalties.set_business_policy(POLICY)
    cid = customer(ws, "Tlapalería Ruiz", phone="55 3232 4242").id
    extended = invoice(ws, cid, "10000.00", issued=date(2026, 1, 1), due=DUE, tax="0")
    other = invoice(ws, cid, "1000.00", issued=date(2026, 1, 7), due=OTHER_DUE, tax="0")
    move_to(moving_clock, DUE + timedelta(days=3))  # a Monday: a month more is agreed
    CollectionToolsService(ws.book, moving_clock).extend_due_date(
        extended.id, NEW_DUE, "Espera el pago de su cliente"
    )
    files = CustomerFileService(ws.book, moving_clock)

    # 16/02: only the ordinary invoice is overdue, ten days.
    move_to(moving_clock, date(2026, 2, 16))
    card = files.customer_file(cid).balance
    assert card.overdue == Decimal("1000.00") and card.days_past_due == 10
    assert card.open_amount == Decimal("11000.00")
    assert _listed_overdue(ws, moving_clock, cid) == (Decimal("1000.00"), 10)
    assert ws.customers.balance(cid).overdue == card.overdue
    report = ws.aging.report()
    (line,) = [line for line in report.lines if line.customer_id == cid]
    assert line.buckets[0] == Decimal("0.00")  # both past their original dates
    assert sum(line.buckets[1:], Decimal(0)) == Decimal("11000.00")
    assert "prorrogada al 27/02/2026" in report.mark_text(cid)
    for item in items_for(ws, cid):
        assert extended.id not in item.invoice_ids, item
    proposed = ws.penalties.propose()
    assert {c.invoice_id for c in proposed.charges if c.customer_id == cid} == {other.id}

    # 02/03 (a Monday), three days past the agreed date: both overdue, counted from the
    # oldest agreed date among them (06/02 for the ordinary one).
    move_to(moving_clock, NEW_DUE + timedelta(days=3))
    card = files.customer_file(cid).balance
    assert card.overdue == Decimal("11000.00") and card.days_past_due == 24
    assert _listed_overdue(ws, moving_clock, cid) == (Decimal("11000.00"), 24)
    interest = {
        c.invoice_id: c.amount
        for c in ws.penalties.propose().charges
        if c.customer_id == cid and c.breakdown.kind == "interest"
    }
    assert interest[extended.id] == Decimal("30.00")  # 3 days × 10.00, not 31 days
    assert any(extended.id in item.invoice_ids for item in items_for(ws, cid))
    # As of a day before the extension was granted, the book had the original date:
    # penalties as of then count from it (the extension is not applied backwards).
    before = ws.penalties.propose(DUE + timedelta(days=2)).charges
    assert {c.invoice_id: c.amount for c in before if c.customer_id == cid} == {
        extended.id: Decimal("20.00")
    }


def _invoices_page_overdue(ws: Workspace, clock: FixedClock, cid: int) -> dict[int, int]:
    """The Invoices page with «Vencidas»: invoice -> days late, as the page shows them."""
    listing = ListingService(ws.book, clock)
    rows = listing.invoices(InvoiceFilter(status="overdue", customer_id=cid))
    summary = listing.invoice_summary(InvoiceFilter(status="overdue", customer_id=cid))
    assert summary.count == len(rows)
    return {r.id: r.days_past_due for r in rows}


def _lettered_overdue(ws: Workspace, clock: FixedClock, cid: int) -> dict[str, int]:
    """The overdue invoices a letter or a penalty notice lists: number -> days late."""
    with ws.book.session() as session:
        return {o.number: o.days_late for o in overdue_invoices(session, cid, clock.today())}


def test_the_invoices_page_letters_and_dossier_agree_on_an_extension(
    book_ws: Workspace, moving_clock: FixedClock
) -> None:
    ws = book_ws
    cid = customer(ws, "Tlapalería Ruiz", phone="55 3232 4242").id
    extended = invoice(ws, cid, "10000.00", issued=date(2026, 1, 1), due=DUE, tax="0")
    other = invoice(ws, cid, "1000.00", issued=date(2026, 1, 7), due=OTHER_DUE, tax="0")
    move_to(moving_clock, DUE + timedelta(days=3))
    CollectionToolsService(ws.book, moving_clock).extend_due_date(
        extended.id, NEW_DUE, "Espera el pago de su cliente"
    )
    dossiers = DossierService(ws.book, moving_clock)

    # 16/02: only the ordinary invoice is late, ten days, everywhere the file says so.
    move_to(moving_clock, date(2026, 2, 16))
    assert _invoices_page_overdue(ws, moving_clock, cid) == {other.id: 10}
    assert list(_lettered_overdue(ws, moving_clock, cid).values()) == [10]
    rows = {r.id: r for r in ListingService(ws.book, moving_clock).invoices()}
    assert rows[extended.id].due_date == NEW_DUE and rows[extended.id].days_past_due == 0
    assert rows[extended.id].status.value != "overdue"
    dossier = {d.balance: d for d in dossiers.build(cid).invoices}
    assert dossier[Decimal("10000.00")].due_date == NEW_DUE
    assert dossier[Decimal("10000.00")].days_past_due == 0

    # 02/03: both late, the extended one three days from its agreed date.
    move_to(moving_clock, NEW_DUE + timedelta(days=3))
    assert _invoices_page_overdue(ws, moving_clock, cid) == {extended.id: 3, other.id: 24}
    assert sorted(_lettered_overdue(ws, moving_clock, cid).values()) == [3, 24]
    assert {d.days_past_due for d in dossiers.build(cid).invoices} == {3, 24}
