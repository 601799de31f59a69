from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from cobranza_desktop import cli
from cobranza_desktop.commands import send as send_command
from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.contact_data import clabe_check_digit
from cobranza_desktop.domain.customers import Channel, CustomerData
from cobranza_desktop.domain.invoices import LineInput
from cobranza_desktop.messaging.email import SmtpSettings
from cobranza_desktop.messaging.templates import override_key
from cobranza_desktop.services.billing.invoices import InvoiceDraft, InvoiceService
from cobranza_desktop.services.book.business import BusinessService
from cobranza_desktop.services.book.settings import write_setting
from cobranza_desktop.services.customers.records import CustomerService
from cobranza_desktop.services.messaging.outbox import SENT, OutboxService, OutboxView
from cobranza_desktop.services.messaging.reminders import (
    TEMPLATE_OVERRIDES_KEY,
    DueReminder,
    NoAgenda,
    ReminderService,
)
from cobranza_desktop.storage.database import Book, open_book

CLABE17 = "01218000123456789"
CLABE = CLABE17 + str(clabe_check_digit(CLABE17))


class FakeAgenda:
    """Stands in for the collections agenda: fixed reminders, a log of what was recorded."""

    connected = True

    def __init__(self, reminders: Sequence[DueReminder], blocked: dict[int, str] | None = None):
        self.reminders = list(reminders)
        self.blocked = blocked or {}
        self.recorded: list[tuple[str, int]] = []

    def due_reminders(self, day: date) -> Sequence[DueReminder]:
        return self.reminders

    def contact_violations(self, customer_id: int, moment: datetime) -> Sequence[str]:
        return [self.blocked[customer_id]] if customer_id in self.blocked else []

    def record_sent(self, reminder: DueReminder, message: OutboxView) -> None:
        self.recorded.append((reminder.stage, message.id))


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 11, 23, 10, 0))


@pytest.fixture
def book_path(tmp_path: Path) -> Path:
    return tmp_path / "libro.sqlite"


@pytest.fixture
def book(book_path: Path, clock: FixedClock) -> Iterator[Book]:
    opened = open_book(book_path, now=clock.now())
    yield opened
    opened.close()


@pytest.fixture
def people(book: Book, clock: FixedClock) -> dict[str, Any]:
    """A business, three customers and their invoices (one is overdue 22 days)."""
    business = BusinessService(book)
    business.update_profile(
        replace(
            business.profile(),
            name="Taller Ramírez",
            phone="5512345678",
            bank_name="BBVA",
            clabe=CLABE,
        )
    )
    customers = CustomerService(book, clock)
    invoices = InvoiceService(book, clock)
    lupita = customers.create(
        CustomerData(
            "Abarrotes Lupita",
            contact_name="Guadalupe Pérez",
            email="lupita@example.com",
            preferred_channel=Channel.EMAIL,
        )
    )
    beto = customers.create(CustomerData("Ferretería Beto", email="beto@example.com"))
    sin_correo = customers.create(CustomerData("Sin Correo", phone="5587654321"))
    line = (LineInput("Servicio", Decimal("1"), Decimal("1000.00")),)
    old = invoices.issue(
        InvoiceDraft(lupita.id, line, date(2026, 10, 1), due_date=date(2026, 11, 1))
    )
    new = invoices.issue(
        InvoiceDraft(lupita.id, line, date(2026, 11, 10), due_date=date(2026, 12, 10))
    )
    b_inv = invoices.issue(
        InvoiceDraft(beto.id, line, date(2026, 10, 1), due_date=date(2026, 11, 16))
    )
    s_inv = invoices.issue(
        InvoiceDraft(sin_correo.id, line, date(2026, 10, 1), due_date=date(2026, 11, 1))
    )
    return {
        "lupita": lupita,
        "beto": beto,
        "sin_correo": sin_correo,
        "old": old,
        "new": new,
        "b_inv": b_inv,
        "s_inv": s_inv,
    }


def _outbox(book: Book, clock: FixedClock, port: int) -> OutboxService:
    service = OutboxService(book, clock, password_getter=lambda: None)
    service.save_smtp_settings(
        SmtpSettings("127.0.0.1", port, "none", "", "cobranza@taller.mx", "Taller Ramírez", 3.0)
    )
    return service


def _reminders(people: dict[str, Any]) -> list[DueReminder]:
    return [
        DueReminder(
            people["lupita"].id,
            "penalty_warning",
            "penalty_warning",
            "email",
            (people["old"].id,),
            (f"{people['lupita'].id}|penalty_warning|invoice:{people['old'].id}@2026-11-01",),
            penalty_amount=Decimal("150.00"),
        ),
        DueReminder(
            people["beto"].id,
            "firm_reminder",
            "firm_reminder",
            "email",
            (people["b_inv"].id,),
            (f"{people['beto'].id}|firm_reminder|invoice:{people['b_inv'].id}@2026-11-16",),
        ),
        DueReminder(  # no email address
            people["sin_correo"].id,
            "firm_reminder",
            "firm_reminder",
            "email",
            (people["s_inv"].id,),
            (f"{people['sin_correo'].id}|firm_reminder|invoice:{people['s_inv'].id}",),
        ),
        DueReminder(  # a call is not for this verb
            people["beto"].id, "ask_reason_call", "ask_reason", "phone", (), ("x",)
        ),
    ]


def test_message_data_from_the_book(book: Book, clock: FixedClock, people: dict[str, Any]) -> None:
    service = ReminderService(book, clock)
    choices = service.open_invoices(people["lupita"].id)
    assert [c.id for c in choices] == [people["old"].id, people["new"].id]
    assert [c.overdue for c in choices] == [True, False]
    data = service.message_data(people["lupita"].id, [people["old"].id])
    message = service.render("firm_reminder", "email", data, "es")
    assert "Guadalupe Pérez" in message.body
    assert people["old"].number in message.body
    assert people["new"].number not in message.body
    assert "$1,160.00" in message.body  # 1000 + 16 % VAT
    assert "22 días" in message.subject
    assert CLABE in message.body and "BBVA" in message.body
    recipient = service.recipient(people["lupita"].id)
    assert recipient.email == "lupita@example.com" and recipient.preferred_channel == "email"


def test_edited_template_is_kept_in_the_book(
    book: Book, clock: FixedClock, people: dict[str, Any]
) -> None:
    service = ReminderService(book, clock)
    service.save_template("es", "thank_you", "whatsapp", "¡Gracias, {{ contact_name }}!")
    again = ReminderService(book, clock)
    assert again.is_customized("es", "thank_you", "whatsapp")
    data = again.message_data(people["lupita"].id, [])
    assert again.render("thank_you", "whatsapp", data, "es").body == "¡Gracias, Guadalupe Pérez!\n"
    with pytest.raises(Exception, match="nombre"):
        again.save_template("es", "thank_you", "whatsapp", "{{ nombre }}")
    again.save_template("es", "thank_you", "whatsapp", None)
    assert not ReminderService(book, clock).is_customized("es", "thank_you", "whatsapp")


def test_send_day_sends_each_reminder_once(
    book: Book,
    clock: FixedClock,
    people: dict[str, Any],
    make_smtp_server: Callable[..., Any],
) -> None:
    server = make_smtp_server()
    server.start()
    outbox = _outbox(book, clock, server.port)
    agenda = FakeAgenda(_reminders(people))
    service = ReminderService(book, clock)

    dry = service.send_day(outbox, agenda, dry_run=True)
    assert dry.counts == {"would_send": 2, "skipped": 1}
    assert server.inbox.messages == [] and outbox.count() == 0

    report = service.send_day(outbox, agenda)
    assert report.counts == {"sent": 2, "skipped": 1}
    assert sorted(m.rcpt_tos[0] for m in server.inbox.messages) == [
        "beto@example.com",
        "lupita@example.com",
    ]
    lupita_mail = next(m for m in server.inbox.messages if m.rcpt_tos == ["lupita@example.com"])
    text = lupita_mail.message.get_body(preferencelist=("plain",)).get_content()
    assert "$150.00" in text and "$1,310.00" in text  # the penalty and the new balance
    assert [stage for stage, _ in agenda.recorded] == ["penalty_warning", "firm_reminder"]

    again = service.send_day(outbox, agenda)
    assert again.counts == {"already_sent": 2, "skipped": 1}
    assert len(server.inbox.messages) == 2
    assert outbox.count([SENT]) == 2


def test_send_day_respects_the_contact_policy_and_a_down_server(
    book: Book,
    clock: FixedClock,
    people: dict[str, Any],
    make_smtp_server: Callable[..., Any],
) -> None:
    server = make_smtp_server()  # down for now
    outbox = _outbox(book, clock, server.port)
    agenda = FakeAgenda(
        _reminders(people), blocked={people["beto"].id: "Ya se contactó hoy al cliente"}
    )
    service = ReminderService(book, clock)
    report = service.send_day(outbox, agenda)
    assert report.counts == {"failed": 1, "skipped": 2}
    assert any("Ya se contactó" in line.detail for line in report.lines)
    assert agenda.recorded == []

    server.start()
    report = service.send_day(outbox, agenda)
    assert len(report.retried) == 1  # delivered by the retry, then found already sent
    assert report.counts == {"already_sent": 1, "skipped": 2}
    assert len(server.inbox.messages) == 1
    assert len(agenda.recorded) == 1


def test_cli_send_twice_sends_nothing_twice(
    book_path: Path,
    book: Book,
    clock: FixedClock,
    people: dict[str, Any],
    make_smtp_server: Callable[..., Any],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    server = make_smtp_server()
    server.start()
    _outbox(book, clock, server.port)
    reminders = _reminders(people)
    book.close()  # the command opens the book itself
    agenda = FakeAgenda(reminders)
    monkeypatch.setattr(send_command, "agenda_hooks", lambda _book, _clock: agenda)

    assert cli.main(["send", "--book", str(book_path), "--date", "2026-11-23", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "simulación" in out and "se enviaría" in out and server.inbox.messages == []

    assert cli.main(["send", "--book", str(book_path), "--date", "2026-11-23"]) == 0
    out = capsys.readouterr().out
    assert "Recordatorios por correo del 23/11/2026" in out
    assert "[enviado] Abarrotes Lupita <lupita@example.com>" in out
    assert "[omitido] Sin Correo" in out
    assert len(server.inbox.messages) == 2

    assert cli.main(["send", "--book", str(book_path), "--date", "2026-11-23"]) == 0
    out = capsys.readouterr().out
    assert "[ya enviado]" in out and "[enviado]" not in out
    assert len(server.inbox.messages) == 2


def test_cli_with_nothing_due_says_so(
    book_path: Path, book: Book, capsys: pytest.CaptureFixture[str]
) -> None:
    book.close()
    assert cli.main(["send", "--book", str(book_path), "--date", "2026-11-23"]) == 0
    assert "nada que hacer" in capsys.readouterr().out


def test_report_says_when_no_agenda_is_connected(book: Book, clock: FixedClock) -> None:
    report = ReminderService(book, clock).send_day(
        OutboxService(book, clock, password_getter=lambda: None), NoAgenda(), dry_run=True
    )
    assert "no está conectada" in send_command.render_report(report)


def test_one_customer_name_with_a_line_break_fails_alone(
    book_path: Path,
    book: Book,
    clock: FixedClock,
    people: dict[str, Any],
    make_smtp_server: Callable[..., Any],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """It used to crash `cobranza send` before anything was sent, at every run."""
    server = make_smtp_server()
    server.start()
    _outbox(book, clock, server.port)
    with book.transaction() as session:  # stored before names were checked
        session.execute(
            text("UPDATE customers SET contact_name = :name WHERE id = :id"),
            {"name": "Guadalupe\nPérez", "id": people["lupita"].id},
        )
    book.close()
    agenda = FakeAgenda(_reminders(people))
    monkeypatch.setattr(send_command, "agenda_hooks", lambda _book, _clock: agenda)

    assert cli.main(["send", "--book", str(book_path), "--date", "2026-11-23"]) == 1
    out = capsys.readouterr().out
    assert "[enviado] Ferretería Beto" in out
    assert "[falló] Abarrotes Lupita" in out and "salto de línea" in out
    assert [m.rcpt_tos for m in server.inbox.messages] == [["beto@example.com"]]
    # Nothing of the bad one was queued, and the next run still sends nothing twice.
    assert cli.main(["send", "--book", str(book_path), "--date", "2026-11-23"]) == 1
    assert len(server.inbox.messages) == 1


def test_a_runaway_template_fails_alone_even_in_a_dry_run(
    book: Book,
    clock: FixedClock,
    people: dict[str, Any],
    make_smtp_server: Callable[..., Any],
) -> None:
    server = make_smtp_server()
    server.start()
    outbox = _outbox(book, clock, server.port)
    recursive = "{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}"
    with book.transaction() as session:  # saved before templates had limits
        write_setting(
            session,
            TEMPLATE_OVERRIDES_KEY,
            {override_key("es", "firm_reminder", "email_body"): recursive},
        )
    service = ReminderService(book, clock)
    agenda = FakeAgenda(_reminders(people))

    dry = service.send_day(outbox, agenda, dry_run=True, language="es")
    assert dry.counts == {"would_send": 1, "skipped": 2}
    report = service.send_day(outbox, agenda, language="es")
    assert report.counts == {"sent": 1, "skipped": 2}
    beto = next(line for line in report.lines if line.customer == "Ferretería Beto")
    assert "se llama a sí misma" in beto.detail
    assert [m.rcpt_tos for m in server.inbox.messages] == [["lupita@example.com"]]


def test_a_down_server_is_tried_once_and_the_rest_wait_in_the_outbox(
    book: Book,
    clock: FixedClock,
    people: dict[str, Any],
    silent_server: Any,
    make_smtp_server: Callable[..., Any],
) -> None:
    """A server that never answers costs one timeout, not one per reminder."""
    outbox = OutboxService(book, clock, password_getter=lambda: None)
    outbox.save_smtp_settings(
        SmtpSettings("127.0.0.1", silent_server.port, "none", "", "cobranza@taller.mx", "", 1)
    )
    agenda = FakeAgenda(_reminders(people))
    report = ReminderService(book, clock).send_day(outbox, agenda, language="es")
    assert report.counts == {"failed": 2, "skipped": 1}
    first, second = (line for line in report.lines if line.outcome == "failed")
    assert "tardó demasiado" in first.detail
    assert "sin intentarlo" in second.detail and "tardó demasiado" in second.detail
    views = outbox.list()
    assert sorted(v.attempts for v in views) == [0, 1]  # the second was never tried

    server = make_smtp_server()
    server.start()
    outbox.save_smtp_settings(
        SmtpSettings("127.0.0.1", server.port, "none", "", "cobranza@taller.mx", "", 3)
    )
    again = ReminderService(book, clock).send_day(outbox, agenda, language="es")
    assert len(again.retried) == 2 and again.counts == {"already_sent": 2, "skipped": 1}
    assert len(server.inbox.messages) == 2
