from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text, update

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.errors import ConflictError, ValidationError
from cobranza_desktop.messaging.email import Attachment, SmtpSettings
from cobranza_desktop.services.messaging.outbox import (
    CANCELLED,
    FAILED,
    INTERRUPTED,
    PENDING,
    SENT,
    EmailDraft,
    OutboxService,
    natural_key_of,
)
from cobranza_desktop.storage.database import Book, open_book
from cobranza_desktop.storage.models import Setting
from cobranza_desktop.storage.models.messaging import OutboxMessage

PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture
def book(tmp_path: Path) -> Iterator[Book]:
    opened = open_book(tmp_path / "libro.sqlite", now=datetime(2026, 11, 22, 9, 0))
    yield opened
    opened.close()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 11, 23, 10, 30))


@pytest.fixture
def server(make_smtp_server: Callable[..., Any]) -> Any:
    """A server on a free port, not started: tests start it when it should be up."""
    return make_smtp_server()


def _service(
    book: Book, clock: FixedClock, port: int, stored: dict[str, str] | None = None
) -> OutboxService:
    passwords = stored if stored is not None else {}

    def store(settings: SmtpSettings, password: str) -> None:
        passwords[settings.keyring_username()] = password

    service = OutboxService(book, clock, password_getter=lambda: None, password_store=store)
    service.save_smtp_settings(
        SmtpSettings(
            host="127.0.0.1",
            port=port,
            security="none",
            from_address="cobranza@taller.mx",
            from_name="Taller Ramírez",
            timeout=3,
        )
    )
    return service


def _draft(
    key: str = "agenda|7|firm_reminder|invoice:3@2026-11-01", **changes: object
) -> EmailDraft:
    base: dict[str, object] = dict(
        natural_key=key,
        to="lupita@example.com",
        to_name="Guadalupe Pérez",
        subject="Recordatorio de pago",
        body="Estimado(a) Guadalupe:\n\nSu saldo es de $1,200.50.\n",
        attachments=[Attachment("estado-de-cuenta.pdf", PDF)],
        stage="firm_reminder",
        invoice_ids=[],  # invoices must exist now: see test_outbox_invoices.py
    )
    base.update(changes)
    return EmailDraft(**base)  # type: ignore[arg-type]


def test_message_is_stored_then_sent_with_the_sent_time(
    book: Book, clock: FixedClock, server: Any
) -> None:
    server.start()
    service = _service(book, clock, server.port)
    queued, created = service.queue_email(_draft())
    assert created and queued.status == PENDING
    assert queued.attachment_names == ("estado-de-cuenta.pdf",)

    clock.advance(minutes=1)
    sent = service.send(queued.id)
    assert sent.status == SENT
    assert sent.sent_at == datetime(2026, 11, 23, 10, 31)
    assert sent.attempts == 1 and sent.last_error == ""

    [received] = server.inbox.messages
    assert received.rcpt_tos == ["lupita@example.com"]
    assert received.message["Subject"] == "Recordatorio de pago"
    [pdf] = list(received.message.iter_attachments())
    assert pdf.get_content() == PDF
    # kept in the outbox after sending
    assert [v.id for v in service.list([SENT])] == [queued.id]


def test_server_down_keeps_the_error_then_delivers_once_it_is_back(
    book: Book, clock: FixedClock, server: Any
) -> None:
    service = _service(book, clock, server.port)  # server not started: nobody listens
    view = service.queue_and_send(_draft())
    assert view.status == FAILED
    assert "no responde" in view.last_error
    assert service.get(view.id).status == FAILED
    assert service.count([FAILED]) == 1

    # Still down at the next start: still failed, error kept, attempt counted.
    report = service.retry_pending()
    assert report.failed == (view.id,) and report.sent == ()
    assert service.get(view.id).attempts == 2

    server.start()
    clock.advance(hours=1)
    report = service.retry_pending()
    assert report.sent == (view.id,)
    after = service.get(view.id)
    assert after.status == SENT and after.sent_at == clock.now() and after.last_error == ""
    assert len(server.inbox.messages) == 1

    # Nothing is ever sent twice: more retries, sends and queueing change nothing.
    assert service.retry_pending().sent == ()
    assert service.send(view.id).status == SENT
    again, created = service.queue_email(_draft())
    assert not created and again.id == view.id
    service.send(again.id)
    assert len(server.inbox.messages) == 1
    with pytest.raises(ConflictError):
        service.retry(view.id)


def test_same_natural_key_is_queued_once(book: Book, clock: FixedClock, server: Any) -> None:
    server.start()
    service = _service(book, clock, server.port)
    first, created_first = service.queue_email(_draft())
    second, created_second = service.queue_email(_draft(subject="Otro asunto"))
    assert created_first and not created_second
    assert first.id == second.id and second.subject == "Recordatorio de pago"
    assert service.count() == 1
    other, created_other = service.queue_email(_draft(key="agenda|8|firm_reminder|invoice:4"))
    assert created_other and other.id != first.id
    assert service.retry_pending().sent == (first.id, other.id)
    assert len(server.inbox.messages) == 2


def test_message_interrupted_mid_delivery_is_left_for_a_person(
    book: Book, clock: FixedClock, server: Any
) -> None:
    server.start()
    service = _service(book, clock, server.port)
    view, _ = service.queue_email(_draft())
    with book.transaction() as session:  # a crash after claiming it
        session.execute(
            update(OutboxMessage).where(OutboxMessage.id == view.id).values(status="sending")
        )
    report = service.retry_pending()
    assert report.interrupted == (view.id,) and report.sent == ()
    assert service.get(view.id).status == INTERRUPTED
    assert server.inbox.messages == []
    assert service.retry_pending().sent == ()  # never automatically
    assert service.retry(view.id).status == SENT  # by hand
    assert len(server.inbox.messages) == 1


def test_no_smtp_settings_is_a_clear_failure(book: Book, clock: FixedClock) -> None:
    service = OutboxService(book, clock, password_getter=lambda: None)
    view = service.queue_and_send(_draft())
    assert view.status == FAILED
    assert "servidor de correo" in view.last_error
    with pytest.raises(ValidationError):
        service.test_connection()


def test_cancel_keeps_the_message_with_its_reason(
    book: Book, clock: FixedClock, server: Any
) -> None:
    service = _service(book, clock, server.port)
    view = service.queue_and_send(_draft())
    with pytest.raises(ValidationError):
        service.cancel(view.id, " ")
    cancelled = service.cancel(view.id, "El cliente ya pagó")
    assert cancelled.status == CANCELLED
    server.start()
    assert service.retry_pending().sent == ()
    with pytest.raises(ConflictError):
        service.retry(view.id)
    assert server.inbox.messages == []


def test_settings_in_the_book_and_password_only_in_the_keyring(
    book: Book, clock: FixedClock
) -> None:
    stored: dict[str, str] = {}
    service = _service(book, clock, 2525, stored)
    settings = service.smtp_settings()
    assert settings is not None
    assert (settings.host, settings.port, settings.security) == ("127.0.0.1", 2525, "none")
    assert settings.from_address == "cobranza@taller.mx"
    service.save_smtp_settings(
        SmtpSettings("smtp.example.com", 465, "ssl", "yo", "cobranza@taller.mx"),
        password="s3creto-muy-largo",
    )
    assert stored == {"yo@smtp.example.com": "s3creto-muy-largo"}
    with book.session() as session:
        values = " ".join(s.value for s in session.scalars(select(Setting)))
        dump = " ".join(str(r) for r in session.execute(text("SELECT * FROM outbox_messages")))
    assert "s3creto" not in values and "s3creto" not in dump
    assert book.path.read_bytes().find(b"s3creto") == -1
    with pytest.raises(ValidationError):
        service.save_smtp_settings(SmtpSettings("", 25, "none", "", "x@y.mx"))


def test_list_search_and_counts(book: Book, clock: FixedClock, server: Any) -> None:
    service = _service(book, clock, server.port)
    a, _ = service.queue_email(_draft(key="k1", to="ana@example.com", to_name="Ana Ruiz"))
    clock.advance(minutes=5)
    b, _ = service.queue_email(_draft(key="k2", to="beto@example.com", to_name="Beto 100%"))
    assert [v.id for v in service.list()] == [b.id, a.id]  # newest first
    assert [v.id for v in service.list(search="ruiz")] == [a.id]
    assert [v.id for v in service.list(search="100%")] == [b.id]
    assert service.list(search="_") == []  # wildcards are literal
    service.send(a.id)  # server down
    assert service.counts() == {FAILED: 1, PENDING: 1}
    assert [v.id for v in service.list([FAILED], search="no responde")] == [a.id]


def test_bad_drafts_are_refused(book: Book, clock: FixedClock) -> None:
    service = OutboxService(book, clock, password_getter=lambda: None)
    with pytest.raises(ValidationError):
        service.queue_email(_draft(to="no-es-correo"))
    with pytest.raises(ValidationError):
        service.queue_email(_draft(body="  "))
    assert service.count() == 0


def test_natural_key_of_is_bounded() -> None:
    assert natural_key_of("agenda", 3, "firm_reminder") == "agenda|3|firm_reminder"
    long_key = natural_key_of(*range(200))
    assert len(long_key) <= 250
    assert long_key != natural_key_of(*range(201))


def test_progress_and_cancel(book: Book, clock: FixedClock, server: Any) -> None:
    server.start()
    service = _service(book, clock, server.port)
    for i in range(3):
        service.queue_email(_draft(key=f"k{i}"))
    seen: list[float] = []
    report = service.retry_pending(progress=seen.append, cancelled=lambda: len(seen) >= 2)
    assert len(report.sent) == 2 and seen == pytest.approx([1 / 3, 2 / 3])
