"""The Antigüedad page shows unapplied credit beside the buckets, and the net."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.receivables.aging import AgingService
from cobranza_desktop.ui.pages.aging_page import AgingPage
from cobranza_desktop.ui.tasks import TaskRunner
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
