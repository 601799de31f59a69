from datetime import date

from sqlalchemy import text

from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.receivables.payments import PaymentInput
from tests.factories import customer, invoice


def test_check_catches_a_paid_amount_that_drifted(ws: Workspace) -> None:
    c = customer(ws)
    inv = invoice(ws, c.id)
    ws.payments.record(PaymentInput(c.id, "100.00", date(2026, 11, 1)))
    assert ws.checks.run().ok
    with ws.book.engine.begin() as raw:  # damage the book behind the services' back
        raw.execute(
            text("UPDATE invoices SET paid_cents = paid_cents + 1 WHERE id = :id"), {"id": inv.id}
        )
    report = ws.checks.run()
    assert not report.ok
    failed = {r.name for r in report.results if not r.ok}
    assert failed == {"invoice_paid_matches_allocations", "customer_balance_consistent"}
