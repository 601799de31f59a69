"""Today's «Recibió» / «Datos mal» answer the oldest invoice the task asks about."""

from __future__ import annotations

from datetime import date

import pytest

from cobranza_desktop.domain.errors import ConflictError
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.collections.receipts import ReceiptAnswer, ReceiptService
from tests.factories import customer, invoice


def test_the_answer_goes_to_the_oldest_unanswered_invoice(ws: Workspace) -> None:
    receipts = ReceiptService(ws.book, ws.clock)
    cid = customer(ws, "Abarrotes Doña Lupe").id
    newer = invoice(ws, cid, "500.00", issued=date(2026, 11, 20), due=date(2026, 12, 20)).id
    older = invoice(ws, cid, "700.00", issued=date(2026, 11, 19), due=date(2026, 12, 19)).id
    ws.clock.advance(days=1)  # a Monday: no one is contacted on a Sunday
    first = receipts.answer_first([newer, older], ReceiptAnswer.RECEIVED)
    assert first.invoice_id == older and first.receipt_status == "received"
    # A second contact the same day is beyond the cap: it says why.
    second = receipts.answer_first(
        [newer, older], ReceiptAnswer.WRONG, "El RFC está mal", override_reason="Llamó él"
    )
    assert second.invoice_id == newer and second.needs_correction
    with pytest.raises(ConflictError):
        receipts.answer_first([newer, older], ReceiptAnswer.RECEIVED)
    assert receipts.get(older).receipt_status == "received"
