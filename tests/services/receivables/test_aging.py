from datetime import date
from decimal import Decimal

from cobranza_desktop.domain.aging import AgingBuckets
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.receivables.payments import PaymentInput
from tests.factories import customer, invoice


def test_buckets_by_days_past_due_as_of_any_date(ws: Workspace) -> None:
    a = customer(ws, "Ana")
    b = customer(ws, "Beto")
    customer(ws, "Sin saldo")
    invoice(ws, a.id, "100.00", issued=date(2026, 11, 1), due=date(2026, 12, 1))  # current
    invoice(ws, a.id, "100.00", issued=date(2026, 10, 1), due=date(2026, 10, 23))  # 30 days
    invoice(ws, b.id, "100.00", issued=date(2026, 7, 1), due=date(2026, 8, 23))  # 91 days
    invoice(ws, b.id, "100.00", issued=date(2026, 9, 1), due=date(2026, 9, 23))  # 60 days
    ws.payments.record(PaymentInput(b.id, "16.00", date(2026, 11, 20)))  # to the oldest
    report = ws.aging.report(date(2026, 11, 22))
    assert report.labels == ("Al corriente", "1-30", "31-60", "61-90", "Más de 90")
    assert [line.name for line in report.lines] == ["Ana", "Beto"]  # no zero balances
    assert report.lines[0].buckets == (Decimal("116.00"), Decimal("116.00"), 0, 0, 0)
    assert report.lines[1].buckets == (0, 0, Decimal("116.00"), 0, Decimal("100.00"))
    assert report.total == Decimal("448.00")
    # As of before the payment, Beto's oldest invoice was whole, and aging was younger.
    earlier = ws.aging.report(date(2026, 11, 19))
    assert earlier.lines[1].buckets == (0, 0, Decimal("116.00"), Decimal("116.00"), 0)
    # As of before an invoice existed, it is not there.
    assert ws.aging.report(date(2026, 8, 1)).total == Decimal("116.00")


def test_edges_are_configurable(ws: Workspace) -> None:
    a = customer(ws, "Ana")
    invoice(ws, a.id, "100.00", issued=date(2026, 10, 1), due=date(2026, 11, 2))  # 20 days
    ws.settings.set_aging_edges((15, 45))
    report = ws.aging.report(date(2026, 11, 22))
    assert report.labels == ("Al corriente", "1-15", "16-45", "Más de 45")
    assert report.lines[0].buckets == (0, 0, Decimal("116.00"), 0)
    assert ws.settings.aging_buckets() == AgingBuckets((15, 45))
