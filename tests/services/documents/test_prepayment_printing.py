"""The prepayment receipt and the statement show the months covered and what is left."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from pypdf import PdfReader

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.incentives import PrepaymentKind, PrepaymentOffer
from cobranza_desktop.services.billing.billing_run import BillingRunService
from cobranza_desktop.services.billing.prepayments import PrepaymentService
from cobranza_desktop.services.billing.subscriptions import SubscriptionInput, SubscriptionService
from cobranza_desktop.services.book.workspace import Workspace
from tests.factories import customer

YEAR = PrepaymentOffer(12, PrepaymentKind.FREE_MONTHS, free_months=1)
SHOTS = Path("/work/shots/billing")


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_the_receipt_and_the_statement_list_the_covered_months(
    ws: Workspace, clock: FixedClock
) -> None:
    clock.current = clock.current.replace(year=2026, month=1, day=1)
    member = customer(ws, "Luis Prieto")
    subs = SubscriptionService(ws.book, ws.clock)
    sub = subs.create(
        SubscriptionInput(member.id, "Membresía", "500.00", "mensual", 1, date(2026, 1, 1))
    )
    subs.pause(sub.id, date(2026, 6, 1), date(2026, 6, 30), "vacaciones")
    prepay = PrepaymentService(ws.book, ws.clock)
    view = prepay.accept(sub.id, YEAR, date(2026, 1, 1))
    clock.current = clock.current.replace(month=3, day=5)
    billed = BillingRunService(ws.book, ws.clock).run()
    assert len(billed.invoices) == 3  # January to March, paid from the prepayment
    receipt = ws.documents.receipt_pdf(view.payment_id)
    text = _text(receipt)
    assert "Pago adelantado: Membresía" in text and "Periodo cubierto" in text
    assert text.count("Facturado y pagado") == 3 and text.count("Por facturar") == 9
    assert "01/06/2026" not in text  # June is paused: not covered, the year runs to January
    assert "01/01/2027" in text
    remaining = prepay.for_subscription(sub.id)[0].remaining
    assert f"Queda del pago adelantado: ${remaining:,}" in text
    statement_pdf = ws.documents.statement_pdf(member.id)
    statement = _text(statement_pdf)
    assert "Pago adelantado: Membresía" in statement and statement.count("Por facturar") == 9
    SHOTS.mkdir(parents=True, exist_ok=True)
    (SHOTS / "prepayment-receipt.pdf").write_bytes(receipt)
    (SHOTS / "prepayment-statement.pdf").write_bytes(statement_pdf)
