"""Credit meets aging: unapplied credit shows beside the buckets and the net is right,
in the service and in `cobranza aging --json` (the page: tests/ui/test_aging_credit_ui.py)."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest

from cobranza_desktop.cli import main
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.customers.listing import CustomerListService
from cobranza_desktop.services.receivables.aging import AgingService
from cobranza_desktop.services.receivables.payments import PaymentInput
from tests.factories import customer, invoice


def _book(ws: Workspace) -> tuple[int, int]:
    covered = customer(ws, "Con Crédito", phone="55 1111 2222").id
    owing = customer(ws, "Sin Crédito", phone="55 3333 4444").id
    for cid in (covered, owing):
        invoice(ws, cid, "1000.00", issued=date(2026, 8, 1), due=date(2026, 8, 31), tax="0")
    ws.payments.record(PaymentInput(covered, "1000.00", date(2026, 9, 1), allocations=()))
    return covered, owing


def test_credit_column_and_net(ws: Workspace) -> None:
    covered, owing = _book(ws)
    report = AgingService(ws.book, ws.clock).report()
    lines = {line.customer_id: line for line in report.lines}
    assert lines[covered].total == Decimal("1000.00")  # the buckets stay gross
    assert report.credit_of(covered) == Decimal("1000.00")
    assert report.net_of(lines[covered]) == Decimal("0.00")
    assert report.net_of(lines[owing]) == Decimal("1000.00")
    assert (report.total, report.credit_total, report.net_total) == (
        Decimal("2000.00"),
        Decimal("1000.00"),
        Decimal("1000.00"),
    )
    data = report.to_json()
    assert data["totals"]["net"] == "1000.00"  # type: ignore[index]


@pytest.mark.sqlite_only  # the verb is given the book's file
def test_the_command_prints_credit_and_net(
    ws: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    covered, _owing = _book(ws)
    path = ws.book_path
    ws.close()
    assert main(["aging", "--book", str(path), "--json", "--as-of", "2026-11-22"]) == 0
    data = json.loads(capsys.readouterr().out)
    row = next(c for c in data["customers"] if c["customer_id"] == covered)
    assert (row["credit"], row["net"]) == ("1000.00", "0.00")


def test_the_net_total_is_what_the_customer_list_totals(ws: Workspace) -> None:
    """A customer holding credit and owing nothing has no aging line, but their credit is
    in the credit and net totals: aging's net equals the customer list's balance total."""
    covered, owing = _book(ws)
    only_credit = customer(ws, "Solo Anticipo", phone="55 5555 6666").id
    ws.payments.record(PaymentInput(only_credit, "300.00", date(2026, 9, 2), allocations=()))
    report = AgingService(ws.book, ws.clock).report()
    assert only_credit not in {line.customer_id for line in report.lines}
    assert report.other_credit == Decimal("300.00")
    assert report.credit_total == Decimal("1300.00")
    listing = CustomerListService(ws.book, ws.clock)
    try:
        summary = listing.list_summary()
    finally:
        listing.close()
    assert report.net_total == Decimal("700.00") == summary.balance
    totals = report.to_json()["totals"]
    assert totals["credit_without_balance"] == "300.00"  # type: ignore[index]
    # One customer's report holds only that customer's credit.
    alone = AgingService(ws.book, ws.clock).report(customer_id=covered)
    assert alone.other_credit == Decimal("0.00") and alone.net_total == Decimal("0.00")
    assert owing != covered
