"""`cobranza bill --email`: after the run, each new invoice by email with its PDF (a real
SMTP server on 127.0.0.1); the JSON says how many went, and a second run sends nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from cobranza_desktop.cli import main
from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.customers import CustomerData
from cobranza_desktop.messaging.email import SmtpSettings
from cobranza_desktop.services.billing.subscriptions import SubscriptionInput, SubscriptionService
from cobranza_desktop.services.book.workspace import open_workspace
from cobranza_desktop.services.messaging.outbox import OutboxService
from tests.messaging.conftest import SmtpServer


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    server = SmtpServer()
    server.start()
    yield server
    server.stop()


def test_bill_with_email_sends_each_new_invoice_once(
    tmp_path: Path, smtp_server: SmtpServer, capsys: pytest.CaptureFixture[str]
) -> None:
    book = tmp_path / "gym.sqlite"
    ws = open_workspace(book, FixedClock.on(date(2026, 1, 1)))
    try:
        subs = SubscriptionService(ws.book, ws.clock)
        for name, email in (("Ana", "ana@example.com"), ("Beto", "")):
            data = CustomerData(name=name, phone="55 1234 5678", email=email)
            who = ws.customers.create(data).id
            subs.create(SubscriptionInput(who, "Plan", "300.00", "mensual", 1, date(2026, 1, 1)))
        OutboxService(ws.book, ws.clock, password_getter=lambda: None).save_smtp_settings(
            SmtpSettings("127.0.0.1", smtp_server.port, "none", "", "cobros@gym.mx", timeout=3)
        )
    finally:
        ws.close()
    command = ["bill", "--book", str(book), "--date", "2026-03-31", "--email", "--json"]
    assert main(command) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["invoices"]) == 6  # January to March, two members
    assert data["email"] == {"sent": 3, "pending": 0, "without_email": 3, "held": 0}
    assert len(smtp_server.inbox.messages) == 3
    assert main(command) == 0
    again = json.loads(capsys.readouterr().out)
    assert again["invoices"] == [] and again["email"]["sent"] == 0
    assert len(smtp_server.inbox.messages) == 3
