"""The Antigüedad page shows unapplied credit beside the buckets, and the net."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.receivables.aging import AgingService
from cobranza_desktop.services.receivables.payments import PaymentInput
from cobranza_desktop.ui.pages.aging_page import AgingPage
from cobranza_desktop.ui.tasks import TaskRunner
from tests.factories import customer
from tests.scenarios.test_aging_credit_column import _book


def test_the_page_shows_credit_and_net(qtbot: QtBot, ws: Workspace, runner: TaskRunner) -> None:
    _book(ws)
    page = AgingPage(AgingService(ws.book, ws.clock), runner, ws.clock, compose=lambda *_: None)
    qtbot.addWidget(page)
    page.activate()
    qtbot.waitUntil(lambda: runner.wait_idle(0.05) and page.report is not None, timeout=30_000)
    model = page.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    # Right after the total; the notes on disputed or extended invoices come last.
    net = headers.index("Neto")
    assert headers[net - 2 : net + 1] == ["Total", "Crédito a favor", "Neto"]
    rows = {model.index(r, 0).data(): r for r in range(model.rowCount())}
    last = net
    # Plain amounts: the currency is said once, in the status line (the table fits 1366 px).
    assert model.index(rows["Con Crédito"], last - 1).data() == "-1,000.00"
    assert model.index(rows["Con Crédito"], last).data() == "0.00"
    assert model.index(rows["Total"], last).data() == "1,000.00"
    assert "Importes en MXN" in page.status_line.text()
    shots = os.environ.get("COBRANZA_SCREENSHOTS")
    if shots:
        page.resize(1366, 768)
        assert page.grab().save(str(Path(shots) / "aging-credit-column-es.png"))


def test_credit_of_customers_who_owe_nothing_has_a_line_and_the_column_adds_up(
    qtbot: QtBot, ws: Workspace, runner: TaskRunner
) -> None:
    _book(ws)
    only_credit = customer(ws, "Solo Anticipo", phone="55 5555 6666").id
    ws.payments.record(PaymentInput(only_credit, "300.00", date(2026, 9, 2), allocations=()))
    page = AgingPage(AgingService(ws.book, ws.clock), runner, ws.clock, compose=lambda *_: None)
    qtbot.addWidget(page)
    page.activate()
    qtbot.waitUntil(lambda: runner.wait_idle(0.05) and page.report is not None, timeout=30_000)
    model = page.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    credit, net = headers.index("Crédito a favor"), headers.index("Neto")
    rows = {model.index(r, 0).data(): r for r in range(model.rowCount())}
    line = rows["Saldo a favor de clientes sin adeudo"]
    assert line == rows["Total"] - 1  # just above the totals
    assert model.index(line, credit).data() == "-300.00"
    assert model.index(line, net).data() == "-300.00"
    assert model.index(rows["Total"], credit).data() == "-1,300.00"
    assert model.index(rows["Total"], net).data() == "700.00"
    # Not a customer: no file opens from it.
    assert page.menu_for(model.index(line, 0)) is None
