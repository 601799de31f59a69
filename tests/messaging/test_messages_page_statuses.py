"""The Messages page shows the messages that wait for a person, with their labels."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.messaging.email import DeliveryError, DeliveryFailure, SmtpSettings
from cobranza_desktop.services.messaging.outbox import (
    FAILED,
    REJECTED,
    SENT,
    UNCERTAIN,
    EmailDraft,
    OutboxService,
)
from cobranza_desktop.storage.database import Book, open_book
from cobranza_desktop.ui.pages.messages_page import MessagesPage


class ScriptedSender:
    """Fails each message the way its subject says; delivers the others."""

    def __init__(self) -> None:
        self.delivered: list[EmailMessage] = []

    def send(self, message: EmailMessage) -> None:
        subject = str(message["Subject"])
        for kind in DeliveryFailure:
            if kind.value in subject:
                raise DeliveryError(f"Respuesta del servidor: {kind.value}", kind=kind)
        self.delivered.append(message)


@pytest.fixture
def book(tmp_path: Path) -> Iterator[Book]:
    opened = open_book(tmp_path / "libro.sqlite", now=datetime(2026, 11, 23, 9, 0))
    yield opened
    opened.close()


def test_waiting_for_a_person_is_under_with_error_and_can_be_retried_by_hand(
    qtbot: Any, book: Book
) -> None:
    sender = ScriptedSender()
    outbox = OutboxService(
        book, FixedClock(datetime(2026, 11, 23, 10, 0)), sender_factory=lambda _s: sender
    )
    outbox.save_smtp_settings(SmtpSettings("smtp.example.com", 587, "starttls", "", "c@t.mx"))
    for kind in DeliveryFailure:
        view, _ = outbox.queue_email(
            EmailDraft(f"k-{kind}", f"{kind}@example.com", f"Aviso {kind}", "Texto")
        )
        outbox.send(view.id)
    assert outbox.counts() == {FAILED: 1, REJECTED: 1, UNCERTAIN: 1}

    page = MessagesPage(outbox)
    qtbot.addWidget(page)
    page.show()
    page.tabs.setCurrentIndex(2)  # with error
    assert page.model.rowCount() == 3
    labels = {page.model.index(row, 1).data() for row in range(3)}
    assert labels == {"Falló (se reintentará)", "Rechazado por el servidor", "Entrega incierta"}
    assert "3 por enviar o con error" in page.status_label.text()

    uncertain_row = next(
        row for row in range(3) if page.model.index(row, 1).data() == "Entrega incierta"
    )
    page.table.selectRow(uncertain_row)
    assert page.retry_button.isEnabled()
    assert "Entrega incierta" in page.detail.toPlainText()
    assert SENT not in outbox.counts()
