"""Letters meet the agenda: the letters of the day are the agenda's letter actions, and
printing them logs each contact and completes its action (with its effects)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from cobranza_desktop.cli import main
from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.contact_policy import Channel
from cobranza_desktop.domain.customers import CustomerStatus
from cobranza_desktop.domain.errors import NotFoundError
from cobranza_desktop.domain.penalty_policy import PenaltyPolicy
from cobranza_desktop.services.book.workspace import Workspace
from tests.documents.pdftext import pdf_pages
from tests.factories import customer
from tests.scenarios.conftest import invoice, items_for, move_to

TODAY = date(2026, 3, 16)  # a Monday


def _book(ws: Workspace, clock: FixedClock) -> dict[str, int]:
    ws.penalties.set_business_policy(PenaltyPolicy.legal())
    ids = {}
    for name, days_late in (("Notificado", 30), ("Por correo", 7), ("Por suspender", 60)):
        cid = customer(ws, name, phone=f"55 10{days_late:02d} 2020").id
        due = TODAY - timedelta(days=days_late)
        invoice(ws, cid, "1000.00", issued=due - timedelta(days=30), due=due, tax="0")
        ids[name] = cid
    move_to(clock, TODAY)
    return ids


def test_printing_the_letters_of_the_day_completes_their_actions(
    book_ws: Workspace, moving_clock: FixedClock
) -> None:
    ws = book_ws
    ids = _book(ws, moving_clock)
    agenda = ws.agenda.agenda()
    letter_actions = {i.customer_id for i in agenda.items if i.channel is Channel.LETTER}
    assert letter_actions == {ids["Notificado"], ids["Por suspender"]}
    printed = ws.documents.print_letters()
    pages = pdf_pages(printed.pdf)
    assert len(pages) == 2 and set(printed.customer_ids) == letter_actions
    assert "Notificado" in pages[0] and "Por suspender" in pages[1]
    # Each letter is a contact in the timeline, and its action is done.
    for cid in letter_actions:
        (contact,) = ws.contacts.timeline(cid)
        assert contact.channel is Channel.LETTER and "Carta impresa" in contact.notes
        assert items_for(ws, cid) == []
    # The actions' effects came with them: the suspension. (The penalty the notice stage
    # applies needs signed terms, or a reason: see the terms feature.)
    assert ws.customers.get(ids["Por suspender"]).status == CustomerStatus.SUSPENDED.value
    # The email reminder is not a letter: still on Today, not logged.
    assert [i.stage for i in items_for(ws, ids["Por correo"])] == ["firm_reminder"]
    assert ws.contacts.timeline(ids["Por correo"]) == []
    with pytest.raises(NotFoundError):
        ws.documents.print_letters()  # printed once: nothing left to print today


def test_the_letters_verb_logs_them_and_preview_logs_nothing(
    book_ws: Workspace, moving_clock: FixedClock, tmp_path: Path
) -> None:
    ws = book_ws
    ids = _book(ws, moving_clock)
    book = str(ws.book_path)
    ws.close()
    out = tmp_path / "cartas.pdf"
    day = TODAY.isoformat()
    args = ["pdf", "--book", book, "letters", "--date", day, "--out", str(out)]
    assert main([*args, "--preview"]) == 0
    assert len(pdf_pages(out.read_bytes())) == 2
    assert main(args) == 0  # printed: logged
    assert len(pdf_pages(out.read_bytes())) == 2
    assert main(args) == 2  # nothing left to print that day
    from cobranza_desktop.services.book.workspace import open_workspace

    again = open_workspace(Path(book), FixedClock.on(TODAY))
    try:
        assert len(again.contacts.timeline(ids["Notificado"])) == 1
        assert not [
            i
            for i in again.agenda.agenda(TODAY).items
            if i.customer_id in ids.values() and i.channel is Channel.LETTER
        ]
    finally:
        again.close()
