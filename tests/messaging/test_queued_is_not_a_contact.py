"""A queued or failed email is not a contact: it does not complete its agenda action and
is not logged as «Contactado» until the outbox sends it (against a real aiosmtpd)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.messaging.email import SmtpSettings
from cobranza_desktop.services.collections.agenda import AgendaService
from cobranza_desktop.services.collections.contacts import ContactService
from cobranza_desktop.services.messaging.outbox import SENT, OutboxService
from cobranza_desktop.services.messaging.outbox_views import EmailDraft
from cobranza_desktop.services.messaging.reminders import ComposerBackend, ContactRecord
from cobranza_desktop.storage.database import Book, open_book
from tests.messaging.test_send_with_agenda import SEND_DAY, _customer


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock.on(SEND_DAY)


@pytest.fixture
def book(tmp_path: Path, clock: FixedClock) -> Iterator[Book]:
    opened = open_book(tmp_path / "libro.sqlite", create=True, now=clock.now())
    yield opened
    opened.close()


def test_an_email_that_could_not_go_waits_and_completes_its_action_when_sent(
    book: Book, clock: FixedClock, make_smtp_server: Callable[..., Any]
) -> None:
    lupe = _customer(book, clock, "Abarrotes Doña Lupe", "lupe@example.com")
    outbox = OutboxService(book, clock)
    backend = ComposerBackend(book, clock, outbox)
    agenda = AgendaService(book, clock)
    [item] = agenda.agenda().items
    # No mail server configured: the composer's message stays in the outbox.
    view = backend.send_email(
        EmailDraft(
            "composer|lupe|1", "lupe@example.com", "Recordatorio", "Hola", customer_id=lupe,
            stage=item.stage,
        )
    )  # fmt: skip
    assert view.status != SENT
    backend.log_contact(ContactRecord(lupe, "email", "queued", item.stage, outbox_id=view.id), item)
    assert ContactService(book, clock).timeline(lupe) == []  # not «Correo · Contactado»
    assert [i.customer_id for i in agenda.agenda().items] == [lupe]  # still on Today

    server = make_smtp_server()
    server.start()
    outbox.save_smtp_settings(
        SmtpSettings("127.0.0.1", server.port, "none", "", "cobranza@taller.mx", timeout=3)
    )
    clock.advance(hours=1)
    assert outbox.retry_pending().sent == (view.id,)
    assert len(server.inbox.messages) == 1
    [contact] = ContactService(book, clock).timeline(lupe)
    assert str(contact.channel) == "email" and "Correo enviado: Recordatorio" in contact.notes
    assert agenda.agenda().items == ()  # sent: the action is done
    outbox.retry_pending()  # nothing logged twice
    assert len(ContactService(book, clock).timeline(lupe)) == 1
