"""Today's technician list: services to cut and to reconnect, and reconnecting one."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from cobranza_desktop.domain.customers import CustomerStatus
from cobranza_desktop.services.billing.subscriptions import SubscriptionInput, SubscriptionService
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.collections.service_cuts import ServiceCutService
from cobranza_desktop.ui.app import install_translations
from cobranza_desktop.ui.tasks import TaskRunner
from cobranza_desktop.ui.widgets.technician_panel import TechnicianPanel
from tests.factories import customer, invoice

SHOTS = Path("/work/shots/billing")


@pytest.fixture(params=["es", "en"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    yield install_translations(qapp, str(request.param))
    install_translations(qapp, "es")


def _settle(qtbot: QtBot, runner: TaskRunner, done: Callable[[], bool]) -> None:
    qtbot.waitUntil(lambda: runner.wait_idle(0.05) and done(), timeout=30_000)


def test_cut_the_late_reconnect_the_paid_up(
    qtbot: QtBot, ws: Workspace, runner: TaskRunner, language: str
) -> None:
    subs = SubscriptionService(ws.book, ws.clock)
    late = customer(ws, "Ana Gómez").id
    subs.create(SubscriptionInput(late, "Internet 50 Mb", "399.00", "mensual", 1, date(2026, 9, 1)))
    invoice(ws, late, "399.00", issued=date(2026, 9, 1), due=date(2026, 9, 10))
    paid_up = customer(ws, "Beto Ruiz").id
    subs.create(
        SubscriptionInput(
            paid_up, "Internet 20 Mb", "299.00", "mensual", 1, date(2026, 9, 1),
            reconnection_fee="150.00",
        )
    )  # fmt: skip
    for who in (late, paid_up):
        ws.restrictions.change(who, CustomerStatus.SUSPENDED, "Atraso en pagos")
    panel = TechnicianPanel(ServiceCutService(ws.book, ws.clock), ws.clock, runner)
    qtbot.addWidget(panel)
    panel.resize(1366, 330)
    panel.show()
    _settle(qtbot, runner, lambda: panel.current is not None)
    assert panel.isVisible() and panel.table.rowCount() == 2
    assert [panel.table.item(r, 1).text() for r in range(2)] == ["Ana Gómez", "Beto Ruiz"]
    assert panel.table.item(0, 3).text().endswith("462.84")  # 399.00 + IVA, overdue
    panel.table.selectRow(0)
    assert not panel.reconnect_button.isEnabled()  # a service to cut is not reconnected
    SHOTS.mkdir(parents=True, exist_ok=True)
    panel.grab().save(str(SHOTS / f"technician-list-{language}.png"))
    panel.table.selectRow(1)
    assert panel.reconnect_button.isEnabled()
    panel.reconnect_button.click()
    _settle(qtbot, runner, lambda: panel.reconnected is not None and panel.table.rowCount() == 1)
    assert panel.reconnected is not None and panel.reconnected.fee_invoice_number
    assert ws.customers.get(paid_up).status == CustomerStatus.ACTIVE.value
    assert panel.reconnected.fee_invoice_number in panel.message.text()
