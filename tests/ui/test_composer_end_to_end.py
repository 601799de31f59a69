"""The composer wired as the window will wire it: real outbox, SMTP, contact log, agenda."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from datetime import date, timedelta
from email import message_from_bytes, policy
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.customers import Channel, CustomerData
from cobranza_desktop.domain.invoices import make_line
from cobranza_desktop.messaging.email import SmtpSettings
from cobranza_desktop.services.billing.invoices import InvoiceDraft, InvoiceService
from cobranza_desktop.services.collections.agenda import AgendaService
from cobranza_desktop.services.collections.contacts import ContactService
from cobranza_desktop.services.customers.records import CustomerService
from cobranza_desktop.services.documents.printing import DocumentService
from cobranza_desktop.services.messaging.outbox import SENT, OutboxService
from cobranza_desktop.services.messaging.reminders import ComposerBackend, ReminderService
from cobranza_desktop.services.receivables.payments import PaymentInput, PaymentService
from cobranza_desktop.storage.database import Book, open_book
from cobranza_desktop.ui.dialogs.reminder_composer import (
    ComposerData,
    ComposerHooks,
    ReminderComposer,
    load_composer_data,
)
from cobranza_desktop.ui.tasks import TaskRunner

DUE = date(2026, 3, 2)
TODAY = DUE + timedelta(days=7)


class Inbox:
    def __init__(self) -> None:
        self.messages: list[Any] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(message_from_bytes(envelope.original_content, policy=policy.default))
        return "250 OK"


@pytest.fixture
def smtp() -> Iterator[tuple[int, Inbox]]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield port, inbox
    controller.stop()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock.on(TODAY)


@pytest.fixture
def book(tmp_path: Path, clock: FixedClock) -> Iterator[Book]:
    opened = open_book(tmp_path / "libro.sqlite", create=True, now=clock.now())
    yield opened
    opened.close()


def test_composer_sends_through_the_outbox_and_completes_the_agenda_action(
    qtbot: Any, book: Book, clock: FixedClock, smtp: tuple[int, Inbox], runner: TaskRunner
) -> None:
    port, inbox = smtp
    customer = CustomerService(book, clock).create(
        CustomerData(
            "Abarrotes Doña Lupe", email="lupe@example.com", preferred_channel=Channel.EMAIL
        )
    )
    line = make_line("Servicio mensual", 1, "1500.00", tax_rate_percent=0)
    invoices = InvoiceService(book, clock)
    for months in (3, 2, 1):  # a good payer so far
        due = DUE - timedelta(days=30 * months)
        invoices.issue(InvoiceDraft(customer.id, (line,), due - timedelta(days=30), due))
        PaymentService(book, clock).record(PaymentInput(customer.id, "1500.00", due))
    invoices.issue(InvoiceDraft(customer.id, (line,), DUE - timedelta(days=30), DUE))

    outbox = OutboxService(book, clock)
    outbox.save_smtp_settings(SmtpSettings("127.0.0.1", port, "none", "", "cobranza@taller.mx"))
    backend = ComposerBackend(book, clock, outbox, DocumentService(book, clock))
    [item] = AgendaService(book, clock).agenda().items
    hooks = ComposerHooks(
        log_contact=partial(backend.log_contact, item=item),
        send_email=backend.send_email,
        print_letter=lambda _title, _text: None,
        attachments=backend.attachments(customer.id),
        last_contacts=backend.last_contacts,
        contact_warnings=backend.contact_warnings,
    )
    reminders = ReminderService(book, clock)
    loaded: list[ComposerData] = []
    runner.query(lambda _ctx: load_composer_data(reminders, hooks, customer.id)).success(
        loaded.append
    ).run()
    assert runner.wait_idle(30)
    dialog = ReminderComposer(reminders, loaded[0], hooks, stage=item.template, runner=runner)
    qtbot.addWidget(dialog)
    dialog.show()
    assert runner.wait_idle(30)
    assert dialog.current_stage() == "firm_reminder" and dialog.current_channel() == "email"
    dialog.attachment_checks["Estado de cuenta"].setChecked(True)
    with qtbot.waitSignal(dialog.contactLogged, timeout=30_000):
        dialog.send_button.click()
    assert runner.wait_idle(30)

    [mail] = inbox.messages
    assert mail["To"] == "Abarrotes Doña Lupe <lupe@example.com>"
    assert "7 días" in mail["Subject"]
    [pdf] = list(mail.iter_attachments())
    assert pdf.get_content().startswith(b"%PDF")
    assert outbox.count([SENT]) == 1
    [contact] = ContactService(book, clock).timeline(customer.id)
    assert str(contact.channel) == "email" and "Correo enviado" in contact.notes
    assert AgendaService(book, clock).agenda().items == ()  # the action is done
