"""The flows that confused a first user (issue 15, §3), as the window does them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from cobranza_desktop.domain.customers import CustomerData, CustomerStatus
from cobranza_desktop.ui.dialogs.customer_dialog import CustomerDialog
from cobranza_desktop.ui.pages.customers_page import CustomersPage
from cobranza_desktop.ui.tasks import OpChanges
from tests.ui.ui_support import OpenApp


def _customers_page(app: OpenApp) -> CustomersPage:
    page = app.window.show_page("customers")
    assert isinstance(page, CustomersPage)
    app.settle()
    return page


def test_saving_a_new_customer_opens_its_file_with_a_confirmation(
    qtbot: QtBot, demo_app: OpenApp
) -> None:
    app = demo_app
    page = _customers_page(app)
    other = app.services.customers.list_page(limit=1)[0]
    page.open_customer(other.id)  # the file of someone else is open
    app.settle()
    app.commands.new_customer(app.window)
    dialog = app.last_dialog
    assert isinstance(dialog, CustomerDialog)
    dialog.form.name.setText("Ferretería La Nueva")
    dialog.form.phone.setText("55 2222 3333")
    dialog.save()
    app.settle()
    created = dialog.created
    assert created is not None
    assert page.stack.currentWidget() is page.file and page.file.customer_id == created.id
    qtbot.waitUntil(lambda: page.file.title.text() == "Ferretería La Nueva")
    question = app.dialogs.last_question
    assert isinstance(question, QMessageBox)
    assert question.text() == "Se creó el cliente Ferretería La Nueva."
    assert "condiciones" in question.informativeText()
    question.done(int(QMessageBox.StandardButton.No))
    # No history yet: nothing to rate.
    assert page.file.risk_label.text() == "Sin historial"


def test_the_clientes_item_shows_the_list_and_a_second_click_goes_back_to_it(
    qtbot: QtBot, demo_app: OpenApp
) -> None:
    app, window = demo_app, demo_app.window
    page = _customers_page(app)
    page.open_customer(app.services.customers.list_page(limit=1)[0].id)
    app.settle()
    assert page.stack.currentWidget() is page.file
    navigation = window.navigation
    row = window.page_keys().index("customers")
    rect = navigation.visualItemRect(navigation.item(row))
    # Already on Clientes, in a file: a click goes back to the list.
    QTest.mouseClick(navigation.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.stack.currentWidget() is page.list
    # From another page, a click on Clientes shows the list, not the last file.
    page.open_customer(app.services.customers.list_page(limit=1)[0].id)
    window.show_page("today")
    app.settle()
    QTest.mouseClick(navigation.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_page() is page and page.stack.currentWidget() is page.list
    # Opening a file from elsewhere (Today's double-click) still opens the file.
    window.open_customer(app.services.customers.list_page(limit=1)[0].id)
    assert page.stack.currentWidget() is page.file


def test_an_invalid_email_is_said_without_taking_the_cursor_back(
    qtbot: QtBot, open_app: OpenApp
) -> None:
    app = open_app
    app.commands.new_customer(app.window)
    dialog = app.last_dialog
    assert isinstance(dialog, CustomerDialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    form = dialog.form
    form.name.setText("Ana Pérez")
    height = dialog.height()
    for wrong in ("ana@", "ana.perez", "@ejemplo"):
        form.email.setFocus()
        form.email.clear()
        QTest.keyClicks(form.email, wrong)
        QTest.keyClick(form.email, Qt.Key.Key_Tab)  # on to the next field
        QApplication.processEvents()
        assert form.errors.current, wrong  # the message is there...
        assert QApplication.focusWidget() is not form.email  # ...the cursor moved on
        dialog.adjustSize()
        assert dialog.height() <= height + 2, wrong  # and the dialog did not grow
        form.email.setFocus()
    dialog.reject()


def test_the_file_shows_the_reason_of_each_status_change(qtbot: QtBot, open_app: OpenApp) -> None:
    app = open_app
    s = app.services
    cid = s.customers.create(CustomerData(name="Taller Ruiz")).id
    s.restrictions.change(cid, CustomerStatus.RESTRICTED, "Tres meses sin pagar", "Internet")
    s.restrictions.change(cid, CustomerStatus.ACTIVE, "Pagó todo el 20 de noviembre")
    app.runner.data_changed.emit(OpChanges.everything())
    page = _customers_page(app)
    page.open_customer(cid)
    app.settle()
    changes = page.file.status_changes
    qtbot.waitUntil(lambda: changes.text() != "")
    text = changes.text()
    assert "Tres meses sin pagar (Internet)" in text and "Pagó todo el 20 de noviembre" in text
    assert text.index("Pagó todo") < text.index("Tres meses")  # newest first
    assert "Pagó todo el 20 de noviembre" in page.file.status.toolTip()
