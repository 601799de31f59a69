"""The risk rating meets an old history: a debt paid a year and a half ago, 120 days late,
still says who the customer is, and a high-risk customer gets no suggested credit."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.risk import Rating
from cobranza_desktop.services.book.customer_file import CustomerFileService
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.receivables.payments import PaymentInput
from tests.factories import customer
from tests.scenarios.conftest import invoice, move_to


def test_an_old_severe_delay_rates_d_with_no_suggested_credit(
    book_ws: Workspace, moving_clock: FixedClock
) -> None:
    ws = book_ws
    move_to(moving_clock, date(2026, 4, 20))
    cid = customer(ws, "Constructora Vega", phone="55 9090 8080").id
    fresh = customer(ws, "Recién Llegado", phone="55 7070 6060").id
    old = invoice(ws, cid, "5000.00", issued=date(2024, 6, 1), due=date(2024, 7, 1), tax="0")
    ws.payments.record(PaymentInput(cid, "5000.00", date(2024, 10, 29)))  # 120 days late
    for month in (1, 2, 3):  # punctual lately
        inv = invoice(ws, cid, "1100.00", issued=date(2026, month, 1), tax="0")
        ws.payments.record(PaymentInput(cid, "1100.00", inv.due_date))
    files = CustomerFileService(ws.book, moving_clock)
    risk = files.customer_file(cid).risk
    assert old.id and risk.invoices_considered == 4  # the whole history, not the last year
    assert risk.rating is Rating.D
    assert risk.average_monthly_purchases > 0
    assert risk.suggested_credit_limit == Decimal("0.00")
    newcomer = files.customer_file(fresh).risk
    assert not newcomer.has_history and newcomer.rating_label == "Sin historial"
    assert newcomer.suggested_credit_limit == Decimal("0.00")
