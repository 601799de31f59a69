from __future__ import annotations

import socket
from collections.abc import Iterator
from datetime import datetime
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.i18n import set_language
from cobranza_desktop.messaging.email import DeliveryError, SmtpSettings
from cobranza_desktop.services.messaging.outbox import (
    CANCELLED,
    FAILED,
    SENT,
    EmailDraft,
    OutboxService,
)
from cobranza_desktop.storage.database import Book, open_book
from cobranza_desktop.ui.pages.messages_page import MessagesPage
from cobranza_desktop.ui.tasks import Kind, TaskRunner
from cobranza_desktop.ui.widgets.smtp_settings import SmtpSettingsWidget


@pytest.fixture(autouse=True)
def _spanish() -> Iterator[None]:
    set_language("es")
    yield
    set_language("es")


@pytest.fixture
def book(tmp_path: Path) -> Iterator[Book]:
    opened = open_book(tmp_path / "libro.sqlite", create=True, now=datetime(2026, 11, 23, 9, 0))
    yield opened
    opened.close()


class FlakySender:
    """Fails while ``down`` is True; records what it delivers."""

    def __init__(self) -> None:
        self.down = True
        self.delivered: list[EmailMessage] = []

    def send(self, message: EmailMessage) -> None:
        if self.down:
            raise DeliveryError("No se pudo conectar con smtp.example.com:587")
        self.delivered.append(message)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _outbox(book: Book, sender: FlakySender) -> OutboxService:
    service = OutboxService(
        book, FixedClock(datetime(2026, 11, 23, 10, 0)), sender_factory=lambda _s: sender
    )
    service.save_smtp_settings(SmtpSettings("smtp.example.com", 587, "starttls", "", "c@t.mx"))
    return service


def test_messages_page_search_retry_and_cancel(
    qtbot: Any, book: Book, tmp_path: Path, runner: TaskRunner
) -> None:
    sender = FlakySender()
    outbox = _outbox(book, sender)
    for i, name in enumerate(["Ana Ruiz", "Beto López", "Carla Díaz"]):
        view, _ = outbox.queue_email(
            EmailDraft(f"k{i}", f"c{i}@example.com", f"Recordatorio {name}", "Texto", to_name=name)
        )
        outbox.send(view.id)  # the server is down: all fail
    page = MessagesPage(outbox, runner)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    assert runner.wait_idle(30)

    assert page.model.rowCount() == 0  # the outbox tab: nothing waiting for a first try
    page.tabs.setCurrentIndex(2)  # with error
    assert runner.wait_idle(30)
    assert page.model.rowCount() == 3
    assert "smtp.example.com" in page.model.index(0, 5).data()

    page.search.setText("ruiz")
    qtbot.waitUntil(lambda: runner.wait_idle(0.05) and page.model.rowCount() == 1, timeout=30_000)
    page.table.selectRow(0)
    assert "Ana Ruiz" in page.detail.toPlainText()
    assert page.retry_button.isEnabled()

    sender.down = False
    page.retry_button.click()
    assert runner.wait_idle(30)
    assert outbox.counts().get(SENT) == 1
    assert page.model.rowCount() == 0  # no longer failed
    assert len(sender.delivered) == 1
    assert sender.delivered[0]["To"] == "Ana Ruiz <c0@example.com>"

    page.search.clear()
    qtbot.waitUntil(lambda: runner.wait_idle(0.05) and page.model.rowCount() == 2, timeout=30_000)
    page.table.selectRow(0)
    page.cancel_selected("Ya pagó")
    assert runner.wait_idle(30)
    assert page.model.rowCount() == 1
    page.retry_all_button.click()
    assert runner.wait_idle(30)
    assert outbox.counts().get(SENT) == 2
    assert len(sender.delivered) == 2
    statuses = sorted(v.status for v in outbox.list())
    assert statuses == sorted([SENT, SENT, CANCELLED])
    page.tabs.setCurrentIndex(1)
    assert runner.wait_idle(30)
    assert page.model.rowCount() == 2
    assert page.grab().save(str(tmp_path / "messages.png"))
    assert FAILED not in outbox.counts()


def test_smtp_settings_widget_saves_and_tests(qtbot: Any, book: Book, runner: TaskRunner) -> None:
    stored: dict[str, str] = {}
    outbox = OutboxService(
        book,
        FixedClock(),
        password_store=lambda s, p: stored.__setitem__(s.keyring_username(), p),
    )
    widget = SmtpSettingsWidget(outbox, runner)
    qtbot.addWidget(widget)
    widget.show()
    assert runner.wait_idle(30)

    widget.save()
    assert runner.wait_idle(30)
    assert "servidor SMTP" in widget.message.text()  # nothing filled in: a clear error

    port = _free_port()
    widget.host.setText("127.0.0.1")
    widget.security.setCurrentIndex(widget.security.findData("none"))
    assert widget.port.value() == 25
    widget.port.setValue(port)
    widget.username.setText("")
    widget.from_address.setText("cobranza@taller.mx")
    widget.password.setText("s3creto")
    with qtbot.waitSignal(widget.saved, timeout=30_000):
        widget.save()
    assert stored == {"cobranza@taller.mx@127.0.0.1": "s3creto"}
    assert widget.password.text() == ""
    saved = outbox.smtp_settings()
    assert saved is not None and (saved.host, saved.port) == ("127.0.0.1", port)

    # Nobody listens on the port yet: the test says so, off the GUI thread.
    widget.test_button.click()
    assert runner.wait_idle(30)
    assert "no responde" in widget.message.text()

    class Handler:
        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            return "250 OK"

    controller = Controller(Handler(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        widget.test_button.click()
        assert runner.wait_idle(30)
        assert "Conexión correcta" in widget.message.text()
    finally:
        controller.stop()

    again = SmtpSettingsWidget(outbox, runner)
    qtbot.addWidget(again)
    assert runner.wait_idle(30)
    assert again.host.text() == "127.0.0.1" and again.port.value() == port
    assert again.security.currentData() == "none"


def test_retry_all_goes_through_the_window_task_runner(
    qtbot: Any, book: Book, runner: TaskRunner
) -> None:
    sender = FlakySender()
    outbox = _outbox(book, sender)
    view, _ = outbox.queue_email(EmailDraft("k", "a@example.com", "Asunto", "Texto"))
    outbox.send(view.id)
    page = MessagesPage(outbox, runner)
    qtbot.addWidget(page)
    assert runner.wait_idle(30)
    sender.down = False
    with qtbot.waitSignal(runner.data_changed, timeout=30_000) as changed:
        page.retry_all_button.click()
    assert changed.args[0].touches(Kind.MESSAGES)
    assert runner.wait_idle(30)
    assert "Enviados: 1" in page.status_label.text()
    assert outbox.counts() == {SENT: 1}
