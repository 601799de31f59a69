"""The owner's day, driven through the real widgets: customer, invoice, partial payment.

Then the balance and the aging buckets show the change. Bad input shows a message
where it is wrong and writes nothing.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from cobranza_desktop.domain.customers import CustomerListFilter
from cobranza_desktop.ui.dialogs.customer_dialog import CustomerDialog
from cobranza_desktop.ui.dialogs.invoice_editor import InvoiceEditor
from cobranza_desktop.ui.dialogs.payment_dialog import PaymentDialog
from cobranza_desktop.ui.pages.aging_page import AgingPage
from cobranza_desktop.ui.pages.customers_page import CustomersPage
from cobranza_desktop.ui.widgets.forms import to_qdate
from tests.ui.ui_support import TODAY, OpenApp


def new_customer(app: OpenApp, qtbot: QtBot, name: str, phone: str = "55 1234 5678") -> int:
    app.window.action_new_customer.trigger()
    dialog = app.last_dialog
    assert isinstance(dialog, CustomerDialog)
    dialog.form.name.insert(name)  # QTest types ASCII only; names have accents
    qtbot.keyClicks(dialog.form.phone, phone)
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    app.settle()
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.form.errors.current
    assert dialog.created is not None
    return dialog.created.id


def test_customer_invoice_partial_payment_balance_and_aging(
    qtbot: QtBot, open_app: OpenApp
) -> None:
    app = open_app
    window = app.window
    customers_page = window.show_page("customers")
    assert isinstance(customers_page, CustomersPage)
    app.settle()
    assert customers_page.list.body.currentWidget() is customers_page.list.empty

    customer_id = new_customer(app, qtbot, "Ferretería El Clavo")
    app.settle()
    assert customers_page.list.model.rowCount() == 1
    assert "1 cliente" in customers_page.list.status_line.text()

    # An invoice issued 45 days ago, due 15 days ago: it lands in the 1-30 bucket.
    customers_page.open_customer(customer_id)
    app.settle()
    qtbot.mouseClick(customers_page.file.new_invoice_button, Qt.MouseButton.LeftButton)
    editor = app.last_dialog
    assert isinstance(editor, InvoiceEditor)
    app.settle()
    assert editor.customer.customer_id == customer_id
    editor.issue_date.setDate(to_qdate(TODAY - timedelta(days=45)))
    editor.due_auto.setChecked(False)
    editor.due_date.setDate(to_qdate(TODAY - timedelta(days=15)))
    editor.set_cell(0, 0, "Herramienta")
    editor.set_cell(0, 1, "2")
    editor.set_cell(0, 2, "500")
    assert editor.total.text() == "$1,160.00"  # live: 2 × 500 + 16 % IVA
    qtbot.mouseClick(editor.issue_button, Qt.MouseButton.LeftButton)
    app.settle()
    assert editor.result() == QDialog.DialogCode.Accepted, editor.errors.current
    assert customers_page.file.balance_card.value.text() == "$1,160.00"
    assert customers_page.file.overdue_card.value.text() == "$1,160.00"
    assert customers_page.file.invoice_model.rowCount() == 1

    aging = window.show_page("aging")
    assert isinstance(aging, AgingPage)
    app.settle()
    assert aging.report is not None
    assert [line.buckets for line in aging.report.lines] == [
        (Decimal("0.00"), Decimal("1160.00"), Decimal("0.00"), Decimal("0.00"), Decimal("0.00"))
    ]

    # A partial payment from the customer's file, with the oldest-first suggestion.
    window.open_customer(customer_id)
    app.settle()
    qtbot.mouseClick(customers_page.file.payment_button, Qt.MouseButton.LeftButton)
    dialog = app.last_dialog
    assert isinstance(dialog, PaymentDialog)
    app.settle()
    qtbot.keyClicks(dialog.amount, "400")
    assert dialog.table.item(0, 3).text() == "400.00"  # type: ignore[union-attr]
    assert "$0.00" in dialog.credit_label.text()
    dialog.reference.setText("SPEI 123")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    app.settle()
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.errors.current

    assert customers_page.file.balance_card.value.text() == "$760.00"
    assert customers_page.file.payment_model.rowCount() == 1
    row = customers_page.list.model.row_at(0)
    assert row.balance == Decimal("760.00") and row.overdue == Decimal("760.00")
    assert row.days_past_due == 15
    # The aging view recomputed after the write (data_changed).
    assert aging.report is not None
    assert aging.report.lines[0].buckets[1] == Decimal("760.00")
    assert aging.report.total == Decimal("760.00")
    totals_row = aging.model.rowCount() - 1
    assert aging.model.data(aging.model.index(totals_row, 6)) == "$760.00"


def test_invalid_customer_shows_the_field_and_writes_nothing(
    qtbot: QtBot, open_app: OpenApp
) -> None:
    app = open_app
    app.window.action_new_customer.trigger()
    dialog = app.last_dialog
    assert isinstance(dialog, CustomerDialog)
    dialog.form.name.insert("Cliente con teléfono malo")
    qtbot.keyClicks(dialog.form.phone, "12")
    dialog.save()
    app.settle()
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.form.error_label.isVisibleTo(dialog)
    assert "teléfono" in dialog.form.error_label.text()
    assert dialog.form.phone.property("invalid") is True
    services = app.services
    assert services.customers.list_summary(CustomerListFilter()).count == 0
    # Empty name: also refused, nothing written.
    dialog.form.name.clear()
    dialog.form.phone.clear()
    dialog.save()
    app.settle()
    assert dialog.form.name.property("invalid") is True
    assert services.customers.list_summary(CustomerListFilter()).count == 0
    dialog.reject()


def test_invalid_invoice_and_over_allocation_write_nothing(qtbot: QtBot, open_app: OpenApp) -> None:
    app = open_app
    customer_id = new_customer(app, qtbot, "Papelería Luna")
    services = app.services

    app.commands.new_invoice(app.window, customer_id)
    editor = app.last_dialog
    assert isinstance(editor, InvoiceEditor)
    app.settle()
    editor.set_cell(0, 0, "Cuadernos")
    editor.set_cell(0, 2, "doce pesos")
    assert "Renglón 1" in editor.error_label.text()
    editor.issue()
    app.settle()
    assert editor.isVisible() and editor.result() != QDialog.DialogCode.Accepted
    assert services.invoices.for_customer(customer_id) == []
    # A due date before the issue date is refused too.
    editor.set_cell(0, 2, "12")
    editor.due_auto.setChecked(False)
    editor.due_date.setDate(to_qdate(TODAY - timedelta(days=3)))
    editor.issue()
    app.settle()
    assert "vencimiento" in editor.error_label.text().lower()
    assert editor.due_date.property("invalid") is True
    assert services.invoices.for_customer(customer_id) == []
    editor.due_auto.setChecked(True)
    editor.issue()
    app.settle()
    assert len(services.invoices.for_customer(customer_id)) == 1

    app.commands.record_payment(app.window, customer_id)
    dialog = app.last_dialog
    assert isinstance(dialog, PaymentDialog)
    app.settle()
    qtbot.keyClicks(dialog.amount, "5")
    dialog.set_applied(0, "10")
    assert not dialog.save_button.isEnabled()
    assert "Reduzca lo aplicado" in dialog.error_label.text()
    dialog.save()
    app.settle()
    dialog.set_applied(0, "50")  # more than the invoice owes ($13.92)
    assert "solo debe" in dialog.error_label.text()
    dialog.save()
    app.settle()
    assert services.payments.for_customer(customer_id) == []
    dialog.amount.setText("abc")
    dialog.save()
    app.settle()
    assert dialog.amount.property("invalid") is True
    assert services.payments.for_customer(customer_id) == []
    dialog.reject()


def test_void_an_issued_invoice_with_a_reason(qtbot: QtBot, open_app: OpenApp) -> None:
    app = open_app
    customer_id = new_customer(app, qtbot, "Taller Núñez")
    services = app.services
    commands = app.commands
    commands.new_invoice(app.window, customer_id)
    editor = app.last_dialog
    assert isinstance(editor, InvoiceEditor)
    app.settle()
    editor.set_cell(0, 0, "Afinación")
    editor.set_cell(0, 2, "1500")
    editor.issue()
    app.settle()
    issued = services.invoices.for_customer(customer_id)[0]

    commands.open_invoice(app.window, issued.id)
    app.settle()
    viewer = app.last_dialog
    assert isinstance(viewer, InvoiceEditor) and viewer is not editor
    assert not viewer.issue_button.isVisible() and viewer.void_row.isVisibleTo(viewer)
    viewer.void()  # no reason: refused, nothing changes
    app.settle()
    assert viewer.void_reason.property("invalid") is True
    assert services.invoices.get(issued.id).status.value != "voided"
    viewer.void_reason.setText("Se facturó dos veces")
    viewer.void()
    app.settle()
    assert viewer.result() == QDialog.DialogCode.Accepted
    voided = services.invoices.get(issued.id)
    assert voided.status.value == "voided" and voided.void_reason == "Se facturó dos veces"
    assert services.customers.balance(customer_id).balance == Decimal("0.00")


def test_the_payment_dialog_finds_the_customer_as_you_type(qtbot: QtBot, open_app: OpenApp) -> None:
    app = open_app
    customer_id = new_customer(app, qtbot, "Abarrotes Ávila")
    new_customer(app, qtbot, "Botica Zapata", phone="55 8765 4321")
    # Saving a customer opens its file; back to the list, where nobody is chosen.
    page = app.window.show_page("customers")
    assert isinstance(page, CustomersPage)
    page.show_list()
    app.window.action_record_payment.trigger()  # from the list: no customer chosen yet
    dialog = app.last_dialog
    assert isinstance(dialog, PaymentDialog)
    assert dialog.customer.customer_id is None
    qtbot.keyClicks(dialog.customer, "avila")
    qtbot.waitUntil(
        lambda: dialog.customer._model.stringList() == ["Abarrotes Ávila"], timeout=30_000
    )
    dialog.customer._chosen("Abarrotes Ávila")
    assert dialog.customer.customer_id == customer_id
    dialog.reject()
