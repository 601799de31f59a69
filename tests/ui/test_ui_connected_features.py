"""Features that existed as services and widgets, reached through the real window.

The customer file's contact timeline, penalties tab, status and risk; the invoice and
receipt PDFs; payments through the receiving service with a thank-you proposal; and
invoices through the issuing service with the credit warnings and the override reason.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from cobranza_desktop.domain.customers import CustomerData, CustomerStatus
from cobranza_desktop.domain.invoices import make_line
from cobranza_desktop.services.billing.invoices import InvoiceDraft
from cobranza_desktop.services.collections.contacts import ContactInput
from cobranza_desktop.ui.context import Services
from cobranza_desktop.ui.dialogs.invoice_editor import InvoiceEditor
from cobranza_desktop.ui.dialogs.payment_dialog import PaymentDialog
from cobranza_desktop.ui.dialogs.pdf_preview import PdfPreviewDialog
from cobranza_desktop.ui.dialogs.status_dialog import StatusDialog
from cobranza_desktop.ui.pages.customer_penalties import CustomerPenaltiesPanel
from cobranza_desktop.ui.pages.customers_page import CustomersPage
from cobranza_desktop.ui.pages.invoices_page import InvoicesPage
from cobranza_desktop.ui.pages.payments_page import PaymentsPage
from cobranza_desktop.ui.tasks import OpChanges
from tests.ui.ui_support import TODAY, OpenApp


@pytest.fixture(autouse=True)
def no_blocking_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A failed render shows a modal warning; record it instead of waiting for a click."""
    seen: list[str] = []

    def warning(_parent: object, title: str, text: str, *args: object) -> int:
        seen.append(f"{title}: {text}")
        return int(QMessageBox.StandardButton.Ok)

    monkeypatch.setattr(QMessageBox, "warning", warning)
    return seen


def services(app: OpenApp) -> Services:
    return app.services


def customer(app: OpenApp, name: str, credit_limit: Decimal | None = None) -> int:
    data = CustomerData(name=name, phone="55 1234 5678", credit_limit=credit_limit)
    return services(app).customers.create(data).id


def overdue_invoice(app: OpenApp, customer_id: int, price: str = "1000") -> int:
    draft = InvoiceDraft(
        customer_id,
        (make_line("Servicio", "1", price, "0", "16"),),
        issue_date=TODAY - timedelta(days=60),
        due_date=TODAY - timedelta(days=30),
    )
    return services(app).invoices.issue(draft).id


def open_file(app: OpenApp, customer_id: int) -> CustomersPage:
    page = app.window.show_page("customers")
    assert isinstance(page, CustomersPage)
    page.open_customer(customer_id)
    app.settle()
    return page


def previews(app: OpenApp) -> list[PdfPreviewDialog]:
    return app.window.findChildren(PdfPreviewDialog)


def test_customer_file_timeline_penalties_status_and_risk(
    qtbot: QtBot, open_app: OpenApp, tmp_path: Path, no_blocking_boxes: list[str]
) -> None:
    app = open_app
    quiet = customer(app, "Papelería Sin Llamadas")
    cid = customer(app, "Ferretería El Clavo")
    overdue_invoice(app, cid)
    contacts = services(app).contacts
    older = datetime(2026, 11, 10, 10, 30)
    contacts.log(ContactInput(cid, "phone", "no_answer", notes="No contestó", contacted_at=older))
    contacts.log(
        ContactInput(
            cid,
            "whatsapp",
            "contacted",
            reason="no_funds",
            notes="Paga la próxima semana",
            next_action_date=TODAY + timedelta(days=5),
            contacted_at=older + timedelta(days=2),
        )
    )

    # A customer without contacts: a clear empty state, not an empty table.
    page = open_file(app, quiet)
    file = page.file
    assert file.timeline.currentWidget() is file.timeline_empty

    page = open_file(app, cid)
    assert file.title.text() == "Ferretería El Clavo"
    assert file.timeline.currentWidget() is file.contact_table
    rows = file.contact_model.rows()
    assert [r.channel.value for r in rows] == ["whatsapp", "phone"]  # newest first
    model = file.contact_model
    assert model.index(0, 0).data() == "12/11/2026 10:30"
    assert model.index(0, 1).data() == "WhatsApp"
    assert model.index(0, 3).data() == rows[0].reason_label != ""
    assert model.index(0, 4).data() == "Paga la próxima semana"
    assert model.index(0, 5).data() == "27/11/2026"
    assert model.index(1, 5).data() == ""

    # Header: status and the risk rating with its suggested limit.
    assert file.status.text() == "Activo"
    risk = services(app).risk.profile(cid)
    assert f"Riesgo {risk.rating.value}" in file.risk_label.text()
    assert "límite sugerido" in file.risk_label.text()

    # The penalties tab holds this customer's panel.
    titles = [file.tabs.tabText(i) for i in range(file.tabs.count())]
    assert "Penalizaciones" in titles and "Historial de contacto" in titles
    assert isinstance(file.penalties_panel, CustomerPenaltiesPanel)
    assert file.penalties_panel._customer_id == cid
    file.tabs.setCurrentIndex(titles.index("Historial de contacto"))
    file.resize(1100, 700)
    file.grab().save(str(tmp_path / "customer_file.png"))

    # Changing the status asks a reason; without it nothing is written.
    assert file.status_button.isVisible()
    qtbot.mouseClick(file.status_button, Qt.MouseButton.LeftButton)
    dialog = file.status_dialog
    assert isinstance(dialog, StatusDialog)
    dialog.select(CustomerStatus.RESTRICTED)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    app.settle()
    assert dialog.errors.current is not None and dialog.error_label.isVisible()
    assert dialog.reason.property("invalid") is True
    assert services(app).restrictions.history(cid) == []
    dialog.reason.insert("Tres meses sin pagar")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    app.settle()
    # Restricting needs to say which services are limited: the service refuses, inline.
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "servicios" in (dialog.errors.current or "")
    assert dialog.services.property("invalid") is True
    assert services(app).restrictions.history(cid) == []
    dialog.services.insert("Sin entregas a crédito")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    app.settle()
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.errors.current
    history = services(app).restrictions.history(cid)
    assert [(h.to_status, h.reason) for h in history] == [
        (CustomerStatus.RESTRICTED, "Tres meses sin pagar")
    ]
    assert history[0].effective_date == TODAY
    assert file.status.text() == "Restringido"  # the file reloaded after the write

    # The penalty notice opens in the PDF preview, beside the statement.
    assert file.notice_button.isVisible() and file.notice_button.isEnabled()
    before = len(previews(app))
    qtbot.mouseClick(file.notice_button, Qt.MouseButton.LeftButton)
    app.settle()
    qtbot.waitUntil(lambda: len(previews(app)) > before or bool(no_blocking_boxes), timeout=30_000)
    assert not no_blocking_boxes, no_blocking_boxes
    assert previews(app)[-1].windowTitle().startswith("Aviso de penalización")


def test_invoice_pdf_and_payment_receipt_from_the_lists(
    qtbot: QtBot, open_app: OpenApp, no_blocking_boxes: list[str]
) -> None:
    app = open_app
    cid = customer(app, "Abarrotes Lupita")
    overdue_invoice(app, cid)
    from cobranza_desktop.services.receivables.payments import PaymentInput

    services(app).payments.record(PaymentInput(cid, Decimal("100"), TODAY))
    app.runner.data_changed.emit(OpChanges.everything())

    invoices = app.window.show_page("invoices")
    assert isinstance(invoices, InvoicesPage)
    app.settle()
    assert invoices.pdf_button.isVisible() and not invoices.pdf_button.isEnabled()
    invoices.table.setCurrentIndex(invoices.model.index(0, 0))
    assert invoices.pdf_button.isEnabled()
    qtbot.mouseClick(invoices.pdf_button, Qt.MouseButton.LeftButton)
    app.settle()
    qtbot.waitUntil(lambda: bool(previews(app)) or bool(no_blocking_boxes), timeout=30_000)
    assert not no_blocking_boxes, no_blocking_boxes
    assert previews(app)[-1].windowTitle().startswith("Factura")

    payments = app.window.show_page("payments")
    assert isinstance(payments, PaymentsPage)
    app.settle()
    assert not payments.receipt_button.isEnabled()
    payments.table.setCurrentIndex(payments.model.index(0, 0))
    assert payments.receipt_button.isEnabled()
    count = len(previews(app))
    qtbot.mouseClick(payments.receipt_button, Qt.MouseButton.LeftButton)
    app.settle()
    qtbot.waitUntil(lambda: len(previews(app)) > count or bool(no_blocking_boxes), timeout=30_000)
    assert not no_blocking_boxes, no_blocking_boxes
    assert previews(app)[-1].windowTitle().startswith("Recibo de pago")


def test_payment_goes_through_receiving_and_proposes_a_thank_you(
    qtbot: QtBot, open_app: OpenApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = open_app
    cid = customer(app, "Taller Gómez")
    overdue_invoice(app, cid)
    received: list[object] = []
    receiving = services(app).receiving
    original = receiving.receive
    monkeypatch.setattr(receiving, "receive", lambda data: received.append(data) or original(data))
    thanked: list[tuple[int, Decimal]] = []
    assert app.controller.composition is not None
    messaging = app.controller.composition.messaging
    real_thank_you = messaging.open_thank_you
    monkeypatch.setattr(
        messaging,
        "open_thank_you",
        lambda parent, customer_id, amount: thanked.append((customer_id, amount)),
    )
    commands = app.commands

    for answer, expected in (
        (QMessageBox.StandardButton.No, []),
        (QMessageBox.StandardButton.Yes, [(cid, Decimal("300.00"))]),
    ):
        page = open_file(app, cid)
        qtbot.mouseClick(page.file.payment_button, Qt.MouseButton.LeftButton)
        dialog = app.last_dialog
        assert isinstance(dialog, PaymentDialog)
        app.settle()
        qtbot.keyClicks(dialog.amount, "300")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        app.settle()
        assert dialog.result() == QDialog.DialogCode.Accepted, dialog.errors.current
        assert dialog.received is not None and dialog.received.payment.amount == Decimal("300")
        box = app.dialogs.last_question
        assert box is not None and box.isVisible()
        assert "Taller Gómez" in box.text() and "$300.00" in box.text()
        qtbot.mouseClick(box.button(answer), Qt.MouseButton.LeftButton)
        assert thanked == expected
        app.dialogs.forget_questions()
    assert len(received) == 2
    assert services(app).customers.balance(cid).balance == Decimal("560.00")

    # The real proposal opens the messaging feature's thank-you composer.
    from cobranza_desktop.ui.dialogs.reminder_composer import ReminderComposer

    monkeypatch.setattr(messaging, "open_thank_you", real_thank_you)
    page = open_file(app, cid)
    commands.propose_thank_you(page, page.file.data.payments[0])  # type: ignore[union-attr]
    box = app.dialogs.last_question
    assert box is not None
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    app.settle()
    composers = page.findChildren(ReminderComposer)
    assert len(composers) == 1 and composers[0].isVisible()
    assert "Taller Gómez" in composers[0].windowTitle()
    composers[0].reject()


def test_issuing_warns_over_the_limit_and_asks_a_reason_for_a_blocked_customer(
    qtbot: QtBot, open_app: OpenApp
) -> None:
    app = open_app
    cid = customer(app, "Constructora Norte", credit_limit=Decimal("1000"))
    page = open_file(app, cid)

    # Over the credit limit: a warning in the editor before issuing.
    qtbot.mouseClick(page.file.new_invoice_button, Qt.MouseButton.LeftButton)
    editor = app.last_dialog
    assert isinstance(editor, InvoiceEditor)
    app.settle()
    editor.set_cell(0, 0, "Cemento")
    editor.set_cell(0, 2, "2000")
    qtbot.waitUntil(lambda: editor.credit_label.isVisible(), timeout=30_000)
    assert "límite" in editor.credit_label.text()
    editor.set_cell(0, 2, "100")
    qtbot.waitUntil(lambda: not editor.credit_label.isVisible(), timeout=30_000)
    editor.set_cell(0, 2, "2000")
    qtbot.waitUntil(lambda: editor.credit_label.isVisible(), timeout=30_000)
    qtbot.mouseClick(editor.issue_button, Qt.MouseButton.LeftButton)
    app.settle()
    assert editor.result() == QDialog.DialogCode.Accepted, editor.errors.current
    assert editor.issued is not None and editor.issued.warnings

    # Blocked: the editor asks for the reason, inline, and issues with it.
    services(app).restrictions.change(cid, CustomerStatus.BLOCKED, "No paga")
    app.runner.data_changed.emit(OpChanges.everything())
    app.settle()
    qtbot.mouseClick(page.file.new_invoice_button, Qt.MouseButton.LeftButton)
    editor = app.last_dialog
    assert isinstance(editor, InvoiceEditor)
    app.settle()
    editor.set_cell(0, 0, "Varilla")
    editor.set_cell(0, 2, "50")
    assert not editor.override_row.isVisible()
    qtbot.mouseClick(editor.issue_button, Qt.MouseButton.LeftButton)
    app.settle()
    assert editor.result() != QDialog.DialogCode.Accepted
    assert editor.override_row.isVisible()
    assert editor.error_label.isVisible() and "motivo" in editor.error_label.text()
    assert len(services(app).invoices.for_customer(cid)) == 1  # nothing written
    editor.override_reason.insert("Pagó en efectivo la semana pasada")
    qtbot.mouseClick(editor.issue_button, Qt.MouseButton.LeftButton)
    app.settle()
    assert editor.result() == QDialog.DialogCode.Accepted, editor.errors.current
    assert editor.issued is not None
    assert "Pagó en efectivo la semana pasada" in editor.issued.invoice.notes
    assert len(services(app).invoices.for_customer(cid)) == 2


def test_aging_row_menu_drafts_a_reminder(qtbot: QtBot, open_app: OpenApp) -> None:
    from cobranza_desktop.ui.dialogs.reminder_composer import ReminderComposer
    from cobranza_desktop.ui.pages.aging_page import TOTALS_ID, AgingPage

    app = open_app
    cid = customer(app, "Refaccionaria Díaz")
    overdue_invoice(app, cid)
    aging = app.window.show_page("aging")
    assert isinstance(aging, AgingPage)
    app.settle()
    rows = aging.model.rows()
    row = next(i for i, line in enumerate(rows) if line.customer_id == cid)
    totals = next(i for i, line in enumerate(rows) if line.customer_id == TOTALS_ID)
    assert aging.menu_for(aging.model.index(totals, 0)) is None  # not on the totals row

    menu = aging.menu_for(aging.model.index(row, 0))
    assert menu is not None
    actions = {a.text(): a for a in menu.actions()}
    remind = actions["Redactar recordatorio…"]
    assert remind.isEnabled()
    assert not aging.findChildren(ReminderComposer)
    remind.trigger()
    app.settle()
    composers = aging.findChildren(ReminderComposer)
    assert len(composers) == 1 and composers[0].isVisible()
    assert composers[0].windowTitle() == "Recordatorio para Refaccionaria Díaz"
    composers[0].reject()

    with qtbot.waitSignal(aging.customer_requested, timeout=30_000) as opened:
        actions["Abrir cliente"].trigger()
    assert opened.args == [cid]
