"""Customer credit meets collections: credit that covers the debt is not chased or charged."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from cobranza_desktop.domain.penalty_policy import PenaltyPolicy
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.receivables.payments import PaymentInput
from tests.factories import customer, invoice


def _overdue(ws: Workspace, name: str, phone: str) -> int:
    cid = customer(ws, name, phone=phone).id
    invoice(ws, cid, "1000.00", issued=date(2026, 8, 1), due=date(2026, 8, 31), tax="0")
    return cid


def test_credit_that_covers_the_overdue_invoice_keeps_the_customer_off_agenda_and_penalties(
    ws: Workspace,
) -> None:
    with_credit = _overdue(ws, "Con Crédito", "55 1111 2222")
    without = _overdue(ws, "Sin Crédito", "55 3333 4444")
    partial = _overdue(ws, "Crédito Parcial", "55 5555 6666")
    for cid, amount in ((with_credit, "1000.00"), (partial, "400.00")):
        ws.payments.record(
            PaymentInput(cid, amount, date(2026, 9, 1), allocations=())  # kept as credit
        )
    day = ws.agenda.agenda()  # a Sunday: contacts wait in `deferred`, still listed
    agenda = {item.customer_id for item in (*day.items, *day.deferred)}
    assert without in agenda and partial in agenda
    assert with_credit not in agenda
    ws.penalties.set_business_policy(PenaltyPolicy.legal())  # interest at the legal rate
    charged = ws.penalties.propose().by_customer()
    assert without in charged and partial in charged
    assert with_credit not in charged
    # Applying the credit by hand then pays the invoice and conserves every cent.
    from cobranza_desktop.services.receivables.corrections import CorrectionService

    done = CorrectionService(ws.book, ws.clock).apply_credit(with_credit)
    assert done.credit_before - done.credit_after == Decimal("1000.00")
    assert ws.invoices.for_customer(with_credit, open_only=True) == []
    assert ws.checks.run().ok
