"""`cobranza send` and the composer backend against the real collections agenda."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from cobranza_desktop import cli
from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.customers import Channel, CustomerData
from cobranza_desktop.domain.invoices import make_line
from cobranza_desktop.messaging.email import SmtpSettings
from cobranza_desktop.services.billing.invoices import InvoiceDraft, InvoiceService
from cobranza_desktop.services.collections.agenda import AgendaService
from cobranza_desktop.services.collections.contacts import ContactInput, ContactService
from cobranza_desktop.services.customers.records import CustomerService
from cobranza_desktop.services.messaging.outbox import SENT, OutboxService
from cobranza_desktop.services.messaging.reminders import (
    ComposerBackend,
    ContactRecord,
    ReminderService,
)
from cobranza_desktop.services.receivables.payments import PaymentInput, PaymentService
from cobranza_desktop.storage.database import Book, open_book

DUE = date(2026, 3, 2)  # a Monday
SEND_DAY = DUE + timedelta(days=7)  # firm reminder, by email


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock.on(SEND_DAY)


@pytest.fixture
def book(tmp_path: Path, clock: FixedClock) -> Iterator[Book]:
    opened = open_book(tmp_path / "libro.sqlite", create=True, now=clock.now())
    yield opened
    opened.close()


def _customer(book: Book, clock: FixedClock, name: str, email: str) -> int:
    customer = CustomerService(book, clock).create(
        CustomerData(name, email=email, phone="5512345678", preferred_channel=Channel.EMAIL)
    )
    line = make_line("Servicio mensual", 1, "1500.00", tax_rate_percent=0)
    invoices = InvoiceService(book, clock)
    # A good payer until now (so the standard ladder applies, not the insistent track).
    for months in (4, 3, 2, 1):
        due = DUE - timedelta(days=30 * months)
        invoices.issue(InvoiceDraft(customer.id, (line,), due - timedelta(days=30), due))
        PaymentService(book, clock).record(PaymentInput(customer.id, "1500.00", due))
    invoices.issue(InvoiceDraft(customer.id, (line,), DUE - timedelta(days=30), DUE))
    return customer.id


def test_send_verb_uses_the_agenda_logs_the_contact_and_never_sends_twice(
    tmp_path: Path,
    book: Book,
    clock: FixedClock,
    make_smtp_server: Callable[..., Any],
    capsys: pytest.CaptureFixture[str],
) -> None:
    server = make_smtp_server()
    server.start()
    lupe = _customer(book, clock, "Abarrotes Doña Lupe", "lupe@example.com")
    capped = _customer(book, clock, "Tortillería Sol", "sol@example.com")
    # Sol was already called today: the daily cap defers its reminder.
    ContactService(book, clock).log(
        ContactInput(capped, "phone", "no_answer", contacted_at=datetime(2026, 3, 9, 9, 30))
    )
    OutboxService(book, clock).save_smtp_settings(
        SmtpSettings("127.0.0.1", server.port, "none", "", "cobranza@taller.mx", timeout=3)
    )
    agenda = AgendaService(book, clock)
    [item] = agenda.agenda().items
    assert (item.customer_id, item.stage, str(item.channel)) == (lupe, "firm_reminder", "email")
    path = book.path
    book.close()

    argv = ["send", "--book", str(path), "--date", SEND_DAY.isoformat()]
    assert cli.main(argv) == 0
    out = capsys.readouterr().out
    assert "[enviado] Abarrotes Doña Lupe <lupe@example.com> (firm_reminder)" in out
    assert "Sol" not in out
    [received] = server.inbox.messages
    assert received.rcpt_tos == ["lupe@example.com"]
    assert "7 días" in received.message["Subject"]

    assert cli.main(argv) == 0  # the same day again
    out = capsys.readouterr().out
    assert "[enviado]" not in out
    assert len(server.inbox.messages) == 1

    with open_book(path) as again:
        assert AgendaService(again, clock).agenda().items == ()  # the action is done
        [contact] = ContactService(again, clock).timeline(lupe)
        assert (str(contact.channel), str(contact.outcome)) == ("email", "contacted")
        assert "Correo enviado" in contact.notes
        assert OutboxService(again, clock).count([SENT]) == 1


def test_composer_backend_logs_contacts_and_warns_about_the_cap(
    book: Book, clock: FixedClock
) -> None:
    lupe = _customer(book, clock, "Abarrotes Doña Lupe", "lupe@example.com")
    backend = ComposerBackend(book, clock, OutboxService(book, clock))
    assert backend.contact_warnings(lupe) == []
    [item] = AgendaService(book, clock).agenda().items

    backend.log_contact(
        ContactRecord(
            lupe,
            "phone",
            "promise",
            "firm_reminder",
            promise_amount=Decimal("700.00"),
            promise_date=SEND_DAY + timedelta(days=3),
            notes="Paga el jueves",
        ),
        item,
    )
    assert AgendaService(book, clock).agenda().items == ()
    [line] = backend.last_contacts(lupe)
    assert "Promesa de pago" in line and "Paga el jueves" in line
    warnings = backend.contact_warnings(lupe)
    assert warnings and "hoy" in warnings[0]

    # Beyond the cap a contact needs a reason (the composer asks for it).
    with pytest.raises(Exception, match="motivo"):
        backend.log_contact(ContactRecord(lupe, "whatsapp", "prepared", "firm_reminder"))
    backend.log_contact(
        ContactRecord(
            lupe, "whatsapp", "prepared", "firm_reminder", override_reason="Lo pidió el cliente"
        )
    )
    timeline = ContactService(book, clock).timeline(lupe)
    assert [str(c.outcome) for c in timeline] == ["contacted", "promise"]
    assert "WhatsApp" in timeline[0].notes


def test_message_data_for_the_send_day(book: Book, clock: FixedClock) -> None:
    lupe = _customer(book, clock, "Abarrotes Doña Lupe", "lupe@example.com")
    service = ReminderService(book, clock)
    [choice] = service.open_invoices(lupe)
    assert choice.days_past_due == 7


def test_penalty_amount_comes_from_the_penalty_engine(book: Book, clock: FixedClock) -> None:
    from cobranza_desktop.domain.penalties import PenaltyPolicy, PenaltyPreset
    from cobranza_desktop.services.penalties.engine import PenaltyService

    lupe = _customer(book, clock, "Abarrotes Doña Lupe", "lupe@example.com")
    service = ReminderService(book, clock)
    [choice] = service.open_invoices(lupe)
    assert service.message_data(lupe, [choice.id]).penalty_amount is None  # no policy
    PenaltyService(book, clock).set_business_policy(
        PenaltyPolicy(preset=PenaltyPreset.CUSTOM, fixed_fee=Decimal("150.00"))
    )
    expected = PenaltyService(book, clock).propose(customer_id=lupe).total
    assert expected > 0
    data = service.message_data(lupe, [choice.id])
    assert data.penalty_amount == expected
    body = service.render("penalty_warning", "email", data, "es").body
    assert f"cargo por pago tardío de ${expected:,.2f}" in body
    assert service.message_data(lupe, []).penalty_amount is None  # not on these invoices


def test_thank_you_extra_after_a_payment(book: Book, clock: FixedClock) -> None:
    lupe = _customer(book, clock, "Abarrotes Doña Lupe", "lupe@example.com")
    PaymentService(book, clock).record(PaymentInput(lupe, "1000.00", SEND_DAY))
    service = ReminderService(book, clock)
    extra = service.thank_you_extra(lupe, Decimal("1000.00"))
    assert extra == {"amount_paid": Decimal("1000.00"), "remaining_balance": Decimal("500.00")}
    text = service.render("thank_you", "whatsapp", service.message_data(lupe, [], **extra), "es")
    assert "$1,000.00" in text.body and "$500.00" in text.body
    PaymentService(book, clock).record(PaymentInput(lupe, "500.00", SEND_DAY))
    assert "remaining_balance" not in service.thank_you_extra(lupe, Decimal("500.00"))


def test_composed_letter_pdf(book: Book, clock: FixedClock, tmp_path: Path) -> None:
    import io

    from pypdf import PdfReader

    lupe = _customer(book, clock, "Abarrotes Doña Lupe", "lupe@example.com")
    service = ReminderService(book, clock)
    [choice] = service.open_invoices(lupe)
    letter = service.render("firm_reminder", "letter", service.message_data(lupe, [choice.id]))
    pdf = service.letter_pdf("Recordatorio firme", letter.body)
    (tmp_path / "carta.pdf").write_bytes(pdf)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Recordatorio firme" in text
    assert "Abarrotes Doña Lupe" in text
    assert "Requerimiento de pago" in text
    assert choice.number in text and "$1,500.00" in text


def test_composer_backend_attaches_statement_and_notice(book: Book, clock: FixedClock) -> None:
    from cobranza_desktop.services.documents.printing import DocumentService

    lupe = _customer(book, clock, "Abarrotes Doña Lupe", "lupe@example.com")
    outbox = OutboxService(book, clock)
    assert ComposerBackend(book, clock, outbox).attachments(lupe) == {}
    backend = ComposerBackend(book, clock, outbox, DocumentService(book, clock))
    builders = backend.attachments(lupe)
    assert list(builders) == ["Estado de cuenta", "Aviso de recargos"]
    for build in builders.values():
        attachment = build([])
        assert attachment.data.startswith(b"%PDF") and attachment.filename.endswith(".pdf")
        assert attachment.mimetype == "application/pdf"
