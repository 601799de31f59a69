from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QGuiApplication, QTextCursor

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.customers import Channel, CustomerData
from cobranza_desktop.domain.i18n import set_language
from cobranza_desktop.domain.invoices import LineInput
from cobranza_desktop.messaging.email import Attachment
from cobranza_desktop.services.base.business import BusinessService
from cobranza_desktop.services.billing.invoices import InvoiceDraft, InvoiceService
from cobranza_desktop.services.customers.records import CustomerService
from cobranza_desktop.services.messaging.outbox import EmailDraft, OutboxView
from cobranza_desktop.services.messaging.reminders import ContactRecord, ReminderService
from cobranza_desktop.storage.database import Book, open_book
from cobranza_desktop.ui.dialogs.reminder_composer import (
    ComposerData,
    ComposerHooks,
    ReminderComposer,
    load_composer_data,
)
from cobranza_desktop.ui.tasks import TaskRunner

PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture(autouse=True)
def _spanish() -> Iterator[None]:
    set_language("es")
    yield
    set_language("es")


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 11, 23, 11, 0))


@pytest.fixture
def book(tmp_path: Path, clock: FixedClock) -> Iterator[Book]:
    opened = open_book(tmp_path / "libro.sqlite", create=True, now=clock.now())
    yield opened
    opened.close()


@pytest.fixture
def customer(book: Book, clock: FixedClock) -> dict[str, Any]:
    business = BusinessService(book)
    business.update_profile(replace(business.profile(), name="Taller Ramírez", bank_name="BBVA"))
    customers = CustomerService(book, clock)
    invoices = InvoiceService(book, clock)
    lupita = customers.create(
        CustomerData(
            "Abarrotes Lupita",
            contact_name="Guadalupe Pérez",
            email="lupita@example.com",
            whatsapp="55 1234 5678",
            phone="55 1234 5678",
            preferred_channel=Channel.EMAIL,
        )
    )
    line = (LineInput("Mantenimiento", Decimal("1"), Decimal("1000.00")),)
    old = invoices.issue(
        InvoiceDraft(lupita.id, line, date(2026, 9, 20), due_date=date(2026, 10, 20))
    )
    older = invoices.issue(
        InvoiceDraft(lupita.id, line, date(2026, 9, 1), due_date=date(2026, 11, 5))
    )
    future = invoices.issue(
        InvoiceDraft(lupita.id, line, date(2026, 11, 20), due_date=date(2026, 12, 20))
    )
    return {"id": lupita.id, "old": old, "older": older, "future": future}


class Recorder:
    def __init__(self) -> None:
        self.logged: list[ContactRecord] = []
        self.drafts: list[EmailDraft] = []
        self.urls: list[str] = []
        self.letters: list[tuple[str, str]] = []

    def log(self, record: ContactRecord) -> None:
        self.logged.append(record)

    def send(self, draft: EmailDraft) -> OutboxView:
        self.drafts.append(draft)
        now = datetime(2026, 11, 23, 11, 0)
        return OutboxView(
            id=41, natural_key=draft.natural_key, channel="email",
            customer_id=draft.customer_id, stage=draft.stage,
            invoice_ids=tuple(draft.invoice_ids), recipient=draft.to,
            recipient_name=draft.to_name, subject=draft.subject, body=draft.body,
            status="sent", attempts=1, last_error="", created_at=now,
            last_attempt_at=now, sent_at=now,
            attachment_names=tuple(a.filename for a in draft.attachments),
        )  # fmt: skip

    def open_url(self, url: QUrl) -> bool:
        self.urls.append(bytes(url.toEncoded().data()).decode("ascii"))
        return True

    def hooks(self, warnings: Sequence[str] = ()) -> ComposerHooks:
        return ComposerHooks(
            log_contact=self.log,
            send_email=self.send,
            attachments={"Estado de cuenta": lambda ids: Attachment(f"estado-{len(ids)}.pdf", PDF)},
            last_contacts=lambda _cid: ["20/11/2026 · Llamada · No contestó"],
            contact_warnings=lambda _cid: list(warnings),
            print_letter=lambda title, text: self.letters.append((title, text)),
            open_url=self.open_url,
        )


def _open(
    qtbot: Any,
    book: Book,
    clock: FixedClock,
    customer: dict[str, Any],
    hooks: ComposerHooks,
    runner: TaskRunner,
    *,
    invoice_ids: Sequence[int] | None = None,
    extra: dict[str, Any] | None = None,
    **kw: Any,
) -> ReminderComposer:
    """As the window does: the data is read on the database worker, then the dialog opens."""
    reminders = ReminderService(book, clock)
    loaded: list[ComposerData] = []
    runner.query(
        lambda _ctx: load_composer_data(reminders, hooks, customer["id"], invoice_ids, extra)
    ).success(loaded.append).run()
    assert runner.wait_idle(30)
    dialog = ReminderComposer(reminders, loaded[0], hooks, extra=extra, runner=runner, **kw)
    qtbot.addWidget(dialog)
    dialog.show()
    assert runner.wait_idle(30)
    return dialog


def test_composer_from_opening_to_a_logged_promise(
    qtbot: Any,
    book: Book,
    clock: FixedClock,
    customer: dict[str, Any],
    tmp_path: Path,
    runner: TaskRunner,
) -> None:
    recorder = Recorder()
    dialog = _open(qtbot, book, clock, customer, recorder.hooks(), runner)

    # By default: every overdue invoice, grouped; the stage follows the oldest (34 days).
    assert set(dialog.selected_invoice_ids()) == {customer["old"].id, customer["older"].id}
    assert dialog.current_stage() == "penalty_notice"
    assert dialog.current_channel() == "email"  # the customer's preferred channel
    preview = dialog.preview.toPlainText()
    assert "Guadalupe Pérez" in preview
    assert customer["old"].number in preview and customer["future"].number not in preview
    assert "$2,320.00" in dialog.total_label.text()
    assert dialog.contacts_list.item(0).text().startswith("20/11/2026")
    assert not dialog.warning_box.isVisible()

    # A misspelled field: an inline error, nothing to send, no crash.
    dialog.body_edit.setPlainText("Hola {{ contact_nme }}, su saldo es {{ total_due }}.")
    assert dialog.error_label.isVisible()
    assert "contact_nme" in dialog.error_label.text()
    assert "contact_name" in dialog.error_label.text()  # the suggestion
    assert not dialog.send_button.isEnabled()
    dialog.body_edit.setPlainText("Hola {{ contact_name }}, su saldo es {{ total_due }}.")
    assert not dialog.error_label.isVisible()
    assert dialog.preview.toPlainText().endswith("Hola Guadalupe Pérez, su saldo es $2,320.00.\n")

    assert dialog.grab().save(str(tmp_path / "composer.png"))

    # Change the stage and the channel: the call script, with outcome buttons.
    dialog.stage_combo.setCurrentIndex(dialog.stage_combo.findData("ask_reason"))
    assert runner.wait_idle(30)
    dialog.channel_combo.setCurrentIndex(dialog.channel_combo.findData("phone"))
    assert "GUION DE LLAMADA" in dialog.preview.toPlainText()
    assert "34 días de atraso" in dialog.preview.toPlainText()

    # A promise needs a valid amount: refused inline first.
    dialog.promise_amount.setText("mil")
    dialog.outcome_buttons["promise"].click()
    assert runner.wait_idle(30)
    assert recorder.logged == [] and "no es un monto válido" in dialog.status_label.text()
    dialog.promise_amount.setText("1,500.00")
    dialog.call_notes.setText("Paga el viernes")
    with qtbot.waitSignal(dialog.contactLogged, timeout=30_000):
        dialog.outcome_buttons["promise"].click()

    [record] = recorder.logged
    assert record.channel == "phone" and record.outcome == "promise"
    assert record.stage == "ask_reason"
    assert record.promise_amount == Decimal("1500.00")
    assert record.promise_date == date(2026, 11, 30)  # a week from today by default
    assert record.notes == "Paga el viernes"
    assert set(record.invoice_ids) == {customer["old"].id, customer["older"].id}
    assert dialog.result() == ReminderComposer.DialogCode.Accepted


def test_email_is_sent_off_the_gui_thread_with_the_pdf_and_logged(
    qtbot: Any, book: Book, clock: FixedClock, customer: dict[str, Any], runner: TaskRunner
) -> None:
    recorder = Recorder()
    dialog = _open(qtbot, book, clock, customer, recorder.hooks(), runner)
    dialog.attachment_checks["Estado de cuenta"].setChecked(True)
    with qtbot.waitSignal(dialog.contactLogged, timeout=30_000):
        dialog.send_button.click()
    [draft] = recorder.drafts
    assert draft.to == "lupita@example.com"
    assert draft.subject.startswith("Aviso de cargo")
    assert [a.filename for a in draft.attachments] == ["estado-2.pdf"]
    [record] = recorder.logged
    assert (record.channel, record.outcome, record.outbox_id) == ("email", "sent", 41)


def test_whatsapp_link_and_copy_text(
    qtbot: Any, book: Book, clock: FixedClock, customer: dict[str, Any], runner: TaskRunner
) -> None:
    recorder = Recorder()
    dialog = _open(
        qtbot, book, clock, customer, recorder.hooks(), runner,
        channel="whatsapp", stage="friendly_reminder", invoice_ids=[customer["future"].id],
    )  # fmt: skip
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == dialog.preview.toPlainText()
    assert recorder.logged == []
    dialog.whatsapp_button.click()
    assert runner.wait_idle(30)
    [url] = recorder.urls
    assert url.startswith("https://wa.me/525512345678?text=Hola%2C%20Guadalupe%20P%C3%A9rez")
    assert "%F0%9F%91%8B" in url  # the emoji, intact
    [record] = recorder.logged
    assert (record.channel, record.outcome) == ("whatsapp", "prepared")
    assert record.invoice_ids == (customer["future"].id,)


def test_contact_cap_warning_asks_for_a_reason(
    qtbot: Any, book: Book, clock: FixedClock, customer: dict[str, Any], runner: TaskRunner
) -> None:
    recorder = Recorder()
    dialog = _open(
        qtbot, book, clock, customer,
        recorder.hooks(["Ya se contactó hoy al cliente el máximo de veces permitido"]), runner,
        channel="letter",
    )  # fmt: skip
    assert dialog.warning_box.isVisible()
    assert "máximo de veces" in dialog.warning_label.text()
    dialog.print_button.click()
    assert runner.wait_idle(30)
    assert recorder.letters == [] and recorder.logged == []
    assert "motivo" in dialog.status_label.text()
    dialog.override_edit.setText("El cliente pidió la carta")
    dialog.print_button.click()
    assert runner.wait_idle(30)
    [(title, text)] = recorder.letters
    assert title == "Recargo aplicado" and "Guadalupe Pérez" in text
    [record] = recorder.logged
    assert (record.channel, record.outcome) == ("letter", "printed")
    assert record.override_reason == "El cliente pidió la carta"


def test_dispute_needs_a_reason(
    qtbot: Any, book: Book, clock: FixedClock, customer: dict[str, Any], runner: TaskRunner
) -> None:
    recorder = Recorder()
    dialog = _open(qtbot, book, clock, customer, recorder.hooks(), runner, channel="phone")
    dialog.outcome_buttons["dispute"].click()
    assert runner.wait_idle(30)
    assert recorder.logged == [] and "motivo" in dialog.status_label.text()
    dialog.reason_combo.setCurrentIndex(dialog.reason_combo.findData("product_dispute"))
    dialog.outcome_buttons["dispute"].click()
    assert runner.wait_idle(30)
    [record] = recorder.logged
    assert (record.outcome, record.reason) == ("dispute", "product_dispute")


def test_thank_you_without_invoices(
    qtbot: Any, book: Book, clock: FixedClock, customer: dict[str, Any], runner: TaskRunner
) -> None:
    recorder = Recorder()
    dialog = _open(
        qtbot, book, clock, customer, recorder.hooks(), runner, stage="thank_you",
        channel="whatsapp",
        invoice_ids=[], extra={"amount_paid": Decimal("1160.00")},
    )  # fmt: skip
    text = dialog.preview.toPlainText()
    assert "$1,160.00" in text and "Gracias" in text
    assert dialog.whatsapp_button.isEnabled()
    assert dialog.windowTitle().startswith("Agradecimiento para ")  # not «Recordatorio»


def test_the_owner_edits_the_message_in_plain_words_by_default(
    qtbot: Any, book: Book, clock: FixedClock, customer: dict[str, Any], runner: TaskRunner
) -> None:
    """No template code in sight: the merged message is the editable text; the template
    shows only in the advanced mode, and a new stage starts a new message."""
    recorder = Recorder()
    dialog = _open(
        qtbot, book, clock, customer, recorder.hooks(), runner,
        channel="whatsapp", stage="friendly_reminder", invoice_ids=[customer["future"].id],
    )  # fmt: skip
    editor = dialog.editor
    assert not editor.is_advanced()
    assert not dialog.body_edit.isVisible() and not dialog.fields_button.isVisible()
    assert not dialog.preview.isReadOnly()
    merged = dialog.preview.toPlainText()
    assert "{{" not in merged and "{%" not in merged and "Guadalupe Pérez" in merged
    # The owner rewrites the message; what is copied and sent is their text.
    dialog.preview.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(dialog.preview, "Saludos, Ana.")
    assert dialog.rendered is not None and dialog.rendered.body.endswith("Saludos, Ana.")
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text().endswith("Saludos, Ana.")
    # Another stage: a new message, the edits do not carry over.
    dialog.stage_combo.setCurrentIndex(dialog.stage_combo.findData("ask_reason"))
    assert runner.wait_idle(30)
    assert "Saludos, Ana." not in dialog.preview.toPlainText()
    # The advanced mode shows the template, and the preview follows it, read-only.
    editor.advanced.setChecked(True)
    assert dialog.body_edit.isVisible() and dialog.preview.isReadOnly()
    template = dialog.body_edit.toPlainText()
    assert "{{" not in template and "«Nombre del contacto»" in template  # fields in words
    dialog.body_edit.setPlainText("Hola «Nombre del contacto», «sin campo».")
    assert dialog.preview.toPlainText() == "Hola Guadalupe Pérez, «sin campo».\n"
    dialog.body_edit.clear()
    dialog.editor.insert_field("total_due")
    assert dialog.body_edit.toPlainText() == "«Saldo adeudado»"
    assert dialog.preview.toPlainText() == "$1,160.00\n"  # the one invoice chosen
