"""Email exactly once, and one bad message never blocks the rest (issue 11 §2).

Every test talks to a real SMTP server on 127.0.0.1 (aiosmtpd) that misbehaves the way
real servers do: it stores the message and then loses or delays its answer, refuses
for good (5xx) or for now (4xx), or never says a word.
"""

from __future__ import annotations

import smtplib
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import update

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.i18n import set_language
from cobranza_desktop.messaging.email import (
    DeliveryError,
    DeliveryFailure,
    SmtpSender,
    SmtpSettings,
    build_message,
)
from cobranza_desktop.services.book.settings import write_setting
from cobranza_desktop.services.messaging.outbox import (
    FAILED,
    PENDING,
    REJECTED,
    SENT,
    SMTP_SETTINGS_KEY,
    UNCERTAIN,
    EmailDraft,
    OutboxService,
    smtp_settings_to,
)
from cobranza_desktop.storage.database import Book, open_book
from cobranza_desktop.storage.models.messaging import OutboxMessage

RETRIES = 5


@pytest.fixture
def book(tmp_path: Path) -> Iterator[Book]:
    opened = open_book(tmp_path / "libro.sqlite", now=datetime(2026, 11, 22, 9, 0))
    yield opened
    opened.close()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 11, 23, 10, 30))


def _settings(port: int, timeout: int = 1) -> SmtpSettings:
    return SmtpSettings(
        host="127.0.0.1",
        port=port,
        security="none",
        from_address="cobranza@taller.mx",
        from_name="Taller Ramírez",
        timeout=timeout,
    )


def _service(book: Book, clock: FixedClock, port: int, timeout: int = 1) -> OutboxService:
    service = OutboxService(book, clock, password_getter=lambda: None)
    service.save_smtp_settings(_settings(port, timeout))
    return service


def _draft(key: str, to: str = "lupita@example.com", **changes: object) -> EmailDraft:
    base: dict[str, object] = dict(
        natural_key=key,
        to=to,
        to_name="Guadalupe Pérez",
        subject="Recordatorio de pago",
        body="Estimado(a) cliente:\n\nSu saldo es de $1,200.50.\n",
    )
    base.update(changes)
    return EmailDraft(**base)  # type: ignore[arg-type]


# ------------------------------------------------------------ lost or late replies


@pytest.mark.parametrize("misbehaviour", ["drop", "delay"])
def test_a_lost_or_late_final_reply_is_uncertain_and_never_sent_again(
    book: Book, clock: FixedClock, make_smtp_server: Callable[..., Any], misbehaviour: str
) -> None:
    server = make_smtp_server()
    server.inbox.after_store = misbehaviour
    server.inbox.delay = 2.5  # the client waits 1 s
    server.start()
    service = _service(book, clock, server.port)

    view = service.queue_and_send(_draft("k1"))
    assert len(server.inbox.messages) == 1  # the server did store it
    assert view.status == UNCERTAIN
    assert view.needs_person
    assert "puede haber llegado" in view.last_error
    if misbehaviour == "delay":
        assert "tardó demasiado" in view.last_error
    assert "timed out" not in view.last_error and "unexpectedly" not in view.last_error

    server.inbox.after_store = ""  # the server behaves again: still nothing automatic
    for _ in range(RETRIES):
        report = service.retry_pending()
        assert report.sent == () and report.failed == ()
        assert service.send(view.id).status == UNCERTAIN
    assert len(server.inbox.messages) == 1
    assert service.get(view.id).attempts == 1

    # A person who checked that it did not arrive may send it again, by hand.
    assert service.retry(view.id).status == SENT
    assert len(server.inbox.messages) == 2
    assert service.retry_pending().sent == ()


def test_every_uncertain_message_of_a_batch_arrives_exactly_once(
    book: Book, clock: FixedClock, make_smtp_server: Callable[..., Any]
) -> None:
    """The report said 8 of 8 such messages arrived twice: here, each arrives once."""
    server = make_smtp_server()
    server.inbox.after_store = "drop"
    server.start()
    service = _service(book, clock, server.port)
    ids = [service.queue_email(_draft(f"k{i}", f"c{i}@example.com"))[0].id for i in range(8)]

    first = service.retry_pending()
    assert first.uncertain == tuple(ids) and first.sent == () and first.failed == ()
    for _ in range(RETRIES):
        service.retry_pending()
    received = sorted(m.rcpt_tos[0] for m in server.inbox.messages)
    assert received == sorted(f"c{i}@example.com" for i in range(8))
    assert service.counts() == {UNCERTAIN: 8}


# ------------------------------------------------------------ permanent and transient


def test_a_permanent_refusal_waits_for_a_person_with_the_servers_text(
    book: Book, clock: FixedClock, make_smtp_server: Callable[..., Any]
) -> None:
    server = make_smtp_server()
    server.inbox.reply = "554 5.7.1 Mensaje rechazado por la politica del dominio"
    server.start()
    service = _service(book, clock, server.port)
    view = service.queue_and_send(_draft("k1"))
    assert view.status == REJECTED and view.needs_person
    assert "554" in view.last_error
    assert "politica del dominio" in view.last_error

    server.inbox.reply = "250 OK"  # even if it would pass now: not at every start
    for _ in range(RETRIES):
        assert service.retry_pending().sent == ()
    assert service.get(view.id).attempts == 1
    assert server.inbox.messages == []
    assert service.retry(view.id).status == SENT  # a person decided
    assert len(server.inbox.messages) == 1


def test_a_refused_recipient_is_permanent_too(
    book: Book, clock: FixedClock, make_smtp_server: Callable[..., Any]
) -> None:
    server = make_smtp_server()
    server.inbox.rcpt_reply = "550 5.1.1 Buzon inexistente"
    server.start()
    view = _service(book, clock, server.port).queue_and_send(_draft("k1"))
    assert view.status == REJECTED
    assert "Buzon inexistente" in view.last_error and "lupita@example.com" in view.last_error


def test_a_transient_refusal_is_retried_until_it_passes_once(
    book: Book, clock: FixedClock, make_smtp_server: Callable[..., Any]
) -> None:
    server = make_smtp_server()
    server.inbox.reply = "451 4.3.0 Intente mas tarde"
    server.start()
    service = _service(book, clock, server.port)
    view = service.queue_and_send(_draft("k1"))
    assert view.status == FAILED and not view.needs_person
    assert "451" in view.last_error

    assert service.retry_pending().failed == (view.id,)
    server.inbox.reply = "250 OK"
    assert service.retry_pending().sent == (view.id,)
    for _ in range(RETRIES):
        service.retry_pending()
    assert len(server.inbox.messages) == 1
    assert service.get(view.id).attempts == 3


def test_connection_refused_is_retried_and_stops_the_batch(
    book: Book, clock: FixedClock, make_smtp_server: Callable[..., Any]
) -> None:
    """The server is down: the first message says so, the others are not even tried
    (they would fail the same way), and all go once it is back."""
    server = make_smtp_server()  # not started
    service = _service(book, clock, server.port)
    ids = [service.queue_email(_draft(f"k{i}", f"c{i}@example.com"))[0].id for i in range(3)]
    report = service.retry_pending()
    assert report.failed == (ids[0],) and report.postponed == tuple(ids[1:])
    assert "no responde" in report.errors[ids[0]]
    assert [service.get(i).status for i in ids] == [FAILED, PENDING, PENDING]
    assert service.get(ids[1]).attempts == 0

    server.start()
    assert service.retry_pending().sent == tuple(ids)
    assert service.retry_pending().sent == ()
    assert len(server.inbox.messages) == 3


# --------------------------------------------------------------------- timeouts


def test_a_server_that_never_answers_is_too_slow_in_our_own_words(silent_server: Any) -> None:
    sender = SmtpSender(_settings(silent_server.port), lambda: None)
    message = build_message(_settings(silent_server.port), "a@example.com", "Hola", "Texto")
    with pytest.raises(DeliveryError) as caught:
        sender.send(message)
    assert "El servidor tardó demasiado" in caught.value.message
    assert "timed out" not in caught.value.message
    assert caught.value.kind == DeliveryFailure.TEMPORARY and caught.value.account
    set_language("en")
    with pytest.raises(DeliveryError) as english:
        sender.test_connection()
    assert "The server took too long" in english.value.message


def test_a_timeout_before_the_message_is_sent_is_a_plain_failure(
    book: Book, clock: FixedClock, silent_server: Any
) -> None:
    service = _service(book, clock, silent_server.port)
    view = service.queue_and_send(_draft("k1"))
    assert view.status == FAILED  # nothing was handed over: retrying is safe
    assert "tardó demasiado" in view.last_error


# ------------------------------------------------------------- poisoned messages


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("recipient_name", "Guadalupe\nBcc: todos@example.com"),
        ("subject", "Recordatorio\r\nX-Spam: yes"),
        ("recipient", "lupita@example.com\x00"),
        ("recipient_name", "Guadalupe\x1b[31m"),
    ],
)
def test_a_poisoned_message_fails_alone_and_the_batch_goes_on(
    book: Book,
    clock: FixedClock,
    make_smtp_server: Callable[..., Any],
    column: str,
    value: str,
) -> None:
    server = make_smtp_server()
    server.start()
    service = _service(book, clock, server.port)
    first = service.queue_email(_draft("k1", "ana@example.com"))[0]
    poisoned = service.queue_email(_draft("k2", "beto@example.com"))[0]
    last = service.queue_email(_draft("k3", "carla@example.com"))[0]
    with book.transaction() as session:  # stored by an older version, or by hand
        session.execute(
            update(OutboxMessage).where(OutboxMessage.id == poisoned.id).values({column: value})
        )

    report = service.retry_pending()
    assert report.sent == (first.id, last.id)
    assert report.rejected == (poisoned.id,)
    assert sorted(m.rcpt_tos[0] for m in server.inbox.messages) == [
        "ana@example.com",
        "carla@example.com",
    ]
    after = service.get(poisoned.id)
    assert after.status == REJECTED
    assert "No se puede enviar este mensaje" in after.last_error
    assert "carácter de control" in after.last_error
    assert service.retry_pending().sent == ()  # and it does not come back at every start


@pytest.mark.parametrize(
    "changes",
    [
        {"to_name": "Guadalupe\nPérez"},
        {"to_name": "Guadalupe\x00"},
        {"subject": "Hola\x07"},
        {"to": "lupita@example.com\r\nBcc: x@example.com"},
    ],
)
def test_control_characters_are_refused_when_queued(
    book: Book, clock: FixedClock, changes: dict[str, str]
) -> None:
    service = OutboxService(book, clock, password_getter=lambda: None)
    with pytest.raises(ValidationError) as caught:
        service.queue_email(_draft("k1", **changes))
    assert "salto de línea" in caught.value.message or "no es un correo" in caught.value.message
    assert service.count() == 0


def test_build_message_never_raises_the_mail_librarys_error() -> None:
    with pytest.raises(ValidationError) as caught:
        build_message(_settings(25), "a@example.com", "Hola", "x", to_name="Ana\nLópez")
    assert caught.value.field == "to_name"
    assert not isinstance(caught.value, smtplib.SMTPException)


def test_a_refused_login_fails_the_first_message_only_and_all_go_once_it_is_fixed(
    book: Book, clock: FixedClock, make_smtp_server: Callable[..., Any]
) -> None:
    """A 535 is about the account, not the messages: they are not rejected one by one,
    and the batch stops instead of trying every message with a wrong password."""
    server = make_smtp_server(user="cobranza", password="correcta")
    server.start()
    password = ["equivocada"]
    service = OutboxService(book, clock, password_getter=lambda: password[0])
    service.save_smtp_settings(
        SmtpSettings("127.0.0.1", server.port, "none", "cobranza", "cobranza@taller.mx")
    )
    ids = [service.queue_email(_draft(f"k{i}", f"c{i}@example.com"))[0].id for i in range(3)]
    report = service.retry_pending()
    assert report.failed == (ids[0],) and report.postponed == tuple(ids[1:])
    assert report.rejected == ()
    assert "contraseña" in report.errors[ids[0]]

    password[0] = "correcta"
    assert service.retry_pending().sent == tuple(ids)
    assert len(server.inbox.messages) == 3


def test_a_sender_name_with_a_line_break_is_the_settings_fault_not_the_messages(
    book: Book, clock: FixedClock, make_smtp_server: Callable[..., Any]
) -> None:
    server = make_smtp_server()
    server.start()
    service = _service(book, clock, server.port)
    bad = SmtpSettings("127.0.0.1", server.port, "none", "", "c@taller.mx", "Taller\nRamírez")
    with pytest.raises(ValidationError) as caught:
        service.save_smtp_settings(bad)
    assert caught.value.field == "from_name"

    with book.transaction() as session:  # stored by an older version
        write_setting(session, SMTP_SETTINGS_KEY, smtp_settings_to(bad))
    ids = [service.queue_email(_draft(f"k{i}", f"c{i}@example.com"))[0].id for i in range(2)]
    report = service.retry_pending()
    assert report.failed == (ids[0],) and report.postponed == (ids[1],)
    assert report.rejected == ()  # the messages are fine: fixing the settings sends them
    assert "remitente" in report.errors[ids[0]]
    service.save_smtp_settings(_settings(server.port))
    assert service.retry_pending().sent == tuple(ids)
