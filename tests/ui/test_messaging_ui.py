from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.customers import Channel, CustomerData
from cobranza_desktop.domain.invoices import make_line
from cobranza_desktop.services.billing.invoices import InvoiceDraft, InvoiceService
from cobranza_desktop.services.collections.agenda import AgendaService
from cobranza_desktop.services.collections.contacts import ContactService
from cobranza_desktop.services.customers.records import CustomerService
from cobranza_desktop.services.documents.printing import DocumentService
from cobranza_desktop.services.messaging.outbox import EmailDraft, OutboxService
from cobranza_desktop.services.messaging.reminders import ComposerBackend, ReminderService
from cobranza_desktop.services.receivables.payments import PaymentInput, PaymentService
from cobranza_desktop.storage.database import Book, open_book
from cobranza_desktop.ui.dialogs.reminder_composer import ReminderComposer
from cobranza_desktop.ui.messaging_ui import MessagingUi
from cobranza_desktop.ui.tasks import TaskRunner
from tests.ui.ui_support import OpenedDialogs

DUE = date(2026, 3, 2)
TODAY = DUE + timedelta(days=2)  # the "ask the reason" call


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock.on(TODAY)


@pytest.fixture
def book(tmp_path: Path, clock: FixedClock) -> Iterator[Book]:
    opened = open_book(tmp_path / "libro.sqlite", create=True, now=clock.now())
    yield opened
    opened.close()


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    made = TaskRunner()
    yield made
    made.shutdown()


def _customer(book: Book, clock: FixedClock) -> int:
    customer = CustomerService(book, clock).create(
        CustomerData("Abarrotes Doña Lupe", phone="5512345678", preferred_channel=Channel.PHONE)
    )
    line = make_line("Servicio mensual", 1, "1500.00", tax_rate_percent=0)
    invoices = InvoiceService(book, clock)
    for months in (3, 2, 1):
        due = DUE - timedelta(days=30 * months)
        invoices.issue(InvoiceDraft(customer.id, (line,), due - timedelta(days=30), due))
        PaymentService(book, clock).record(PaymentInput(customer.id, "1500.00", due))
    invoices.issue(InvoiceDraft(customer.id, (line,), DUE - timedelta(days=30), DUE))
    return customer.id


def _messaging(book: Book, clock: FixedClock, runner: TaskRunner) -> MessagingUi:
    """As the composition root builds it: the services first, then the messaging actions."""
    outbox = OutboxService(book, clock)
    backend = ComposerBackend(book, clock, outbox, DocumentService(book, clock))
    return MessagingUi(outbox, ReminderService(book, clock), backend, runner)


def test_from_today_a_call_outcome_completes_the_agenda_action(
    qtbot: Any, book: Book, clock: FixedClock, runner: TaskRunner
) -> None:
    cid = _customer(book, clock)
    ui = _messaging(book, clock, runner)
    [item] = AgendaService(book, clock).agenda().items
    assert item.stage == "ask_reason_call"
    parent = QWidget()
    qtbot.addWidget(parent)
    ui.open_composer(parent, cid, agenda_item=item)
    assert runner.wait_idle(30)  # the composer opens once its data has arrived
    dialog = parent.findChild(ReminderComposer)
    assert isinstance(dialog, ReminderComposer)
    assert dialog.current_stage() == "ask_reason" and dialog.current_channel() == "phone"
    dialog.reason_combo.setCurrentIndex(dialog.reason_combo.findData("no_funds"))
    with qtbot.waitSignal(dialog.contactLogged, timeout=30_000):
        dialog.outcome_buttons["no_answer"].click()
    assert runner.wait_idle(30)
    assert AgendaService(book, clock).agenda().items == ()
    [contact] = ContactService(book, clock).timeline(cid)
    assert (str(contact.channel), str(contact.outcome)) == ("phone", "no_answer")


def test_thank_you_pages_and_start_up_retry(
    qtbot: Any, book: Book, clock: FixedClock, runner: TaskRunner, dialogs: OpenedDialogs
) -> None:
    cid = _customer(book, clock)
    PaymentService(book, clock).record(PaymentInput(cid, "1500.00", TODAY))
    ui = _messaging(book, clock, runner)
    ui.open_thank_you(None, cid, Decimal("1500.00"))
    assert runner.wait_idle(30)
    dialog = dialogs.last
    assert isinstance(dialog, ReminderComposer)
    qtbot.addWidget(dialog)
    assert dialog.current_stage() == "thank_you"
    assert "$1,500.00" in dialog.preview.toPlainText()
    assert "al corriente" in dialog.preview.toPlainText()

    for widget in (ui.messages_page(), ui.smtp_settings(), ui.template_editor()):
        qtbot.addWidget(widget)

    ui.outbox.queue_email(EmailDraft("k", "a@example.com", "Asunto", "Texto"))
    ui.retry_outbox()  # no SMTP settings yet: it fails and stays, with the reason
    assert runner.wait_idle(30)
    [view] = ui.outbox.list()
    assert view.status == "failed" and "servidor de correo" in view.last_error
