from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.services.messaging.reminders import ReminderService
from cobranza_desktop.storage.database import Book, open_book
from cobranza_desktop.ui.tasks import TaskRunner
from cobranza_desktop.ui.widgets.template_editor import TemplateEditorWidget


@pytest.fixture
def book(tmp_path: Path) -> Iterator[Book]:
    opened = open_book(tmp_path / "libro.sqlite", create=True)
    yield opened
    opened.close()


def test_edit_check_save_and_restore_a_template(qtbot: Any, book: Book, runner: TaskRunner) -> None:
    clock = FixedClock()
    widget = TemplateEditorWidget(ReminderService(book, clock), runner)
    qtbot.addWidget(widget)
    widget.stage.setCurrentIndex(widget.stage.findData("thank_you"))
    widget.part.setCurrentIndex(widget.part.findData("whatsapp"))
    assert "🙏" in widget.editor.toPlainText()
    assert widget.state.text() == "Original" and not widget.restore_button.isEnabled()

    widget.editor.setPlainText("¡Gracias, {{ nombre_cliente }}!")
    assert not widget.save_button.isEnabled()
    assert "nombre_cliente" in widget.message.text()

    widget.editor.setPlainText("¡Gracias, {{ contact_name }}! Saludos de {{ business_name }}.")
    assert widget.save_button.isEnabled()
    with qtbot.waitSignal(widget.saved, timeout=30_000):
        widget.save()
    assert widget.state.text() == "Modificada"

    fresh = ReminderService(book, clock)  # kept in the book
    assert fresh.library.source("es", "thank_you", "whatsapp").startswith("¡Gracias, {{ contact")
    widget.restore()
    assert runner.wait_idle(30)
    assert "🙏" in widget.editor.toPlainText()
    assert not ReminderService(book, clock).is_customized("es", "thank_you", "whatsapp")
