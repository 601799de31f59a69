"""The billing-run dialog's email option: issue, then each invoice by email with its PDF
(a real SMTP server on 127.0.0.1), in Spanish and English."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.customers import CustomerData
from cobranza_desktop.messaging.email import SmtpSettings
from cobranza_desktop.services.billing.billing_run import BillingRunService
from cobranza_desktop.services.billing.subscriptions import SubscriptionInput, SubscriptionService
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.messaging.invoice_delivery import InvoiceDeliveryService
from cobranza_desktop.services.messaging.outbox import OutboxService
from cobranza_desktop.services.messaging.run_delivery import RunDeliveryService
from cobranza_desktop.ui.app import install_translations
from cobranza_desktop.ui.dialogs.billing_run_dialog import BillingRunDialog
from cobranza_desktop.ui.tasks import TaskRunner
from tests.messaging.conftest import SmtpServer

SHOTS = Path("/work/shots/billing")


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 5, 4, 10, 0))  # a Monday morning


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    server = SmtpServer()
    server.start()
    yield server
    server.stop()


def _settle(qtbot: QtBot, runner: TaskRunner, done: Callable[[], bool]) -> None:
    qtbot.waitUntil(lambda: runner.wait_idle(0.05) and done(), timeout=60_000)


def _delivery(ws: Workspace, port: int) -> RunDeliveryService:
    outbox = OutboxService(ws.book, ws.clock, password_getter=lambda: None)
    outbox.save_smtp_settings(
        SmtpSettings("127.0.0.1", port, "none", "", "cobros@gimnasio.mx", timeout=3)
    )
    return RunDeliveryService(
        ws.book, ws.clock, InvoiceDeliveryService(ws.book, ws.clock, outbox, ws.documents)
    )


@pytest.fixture(params=["es", "en"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    yield install_translations(qapp, str(request.param))
    install_translations(qapp, "es")


WORDS = {"es": ("2 enviadas", "2 sin correo"), "en": ("2 sent", "2 without an email")}


def test_issue_then_email_each_invoice(
    qtbot: QtBot, ws: Workspace, runner: TaskRunner, smtp_server: SmtpServer, language: str
) -> None:
    subs = SubscriptionService(ws.book, ws.clock)
    for name, email in (("Ana Gómez", "ana@example.com"), ("Beto Ruiz", "")):
        who = ws.customers.create(CustomerData(name=name, phone="55 1234 5678", email=email)).id
        subs.create(SubscriptionInput(who, "Membresía", "500.00", "mensual", 1, date(2026, 4, 1)))
    dialog = BillingRunDialog(
        BillingRunService(ws.book, ws.clock),
        runner,
        ws.clock,
        delivery=_delivery(ws, smtp_server.port),
    )
    qtbot.addWidget(dialog)
    dialog.show()
    _settle(qtbot, runner, lambda: dialog.plan is not None)
    assert dialog.plan is not None and dialog.plan.count == 4  # April and May, two members
    assert dialog.email.isVisible() and not dialog.email.isChecked()
    dialog.email.setChecked(True)
    SHOTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SHOTS / f"billing-run-preview-{language}.png"))
    dialog.issue()
    _settle(qtbot, runner, lambda: dialog.delivered is not None)
    assert dialog.delivered is not None
    assert len(dialog.delivered.sent) == 2 and len(dialog.delivered.without_email) == 2
    assert len(smtp_server.inbox.messages) == 2
    sent, without = WORDS[language]
    assert sent in dialog.message.text() and without in dialog.message.text()
    dialog.grab().save(str(SHOTS / f"billing-run-email-{language}.png"))


def test_without_a_delivery_service_there_is_no_email_option(
    qtbot: QtBot, ws: Workspace, runner: TaskRunner
) -> None:
    dialog = BillingRunDialog(BillingRunService(ws.book, ws.clock), runner, ws.clock)
    qtbot.addWidget(dialog)
    dialog.show()
    _settle(qtbot, runner, lambda: dialog.plan is not None)
    assert not dialog.email.isVisible()
