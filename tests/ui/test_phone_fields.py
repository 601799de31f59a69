"""Phones in editable fields are shown for people ("55 1234 5678"), taken in any common
format, stored in E.164; a wrong one is said on its field and changes nothing (issue 15)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from cobranza_desktop.domain.customers import CustomerData
from cobranza_desktop.ui.dialogs.customer_dialog import CustomerDialog
from cobranza_desktop.ui.pages.customers_page import CustomersPage
from cobranza_desktop.ui.pages.settings_page import SettingsPage
from cobranza_desktop.ui.widgets.phone_edit import PhoneEdit
from tests.ui.dialog_catalogue import opened_by
from tests.ui.ui_support import OpenApp


def _type(qtbot: QtBot, field: PhoneEdit, text: str) -> None:
    field.setFocus()
    field.selectAll()
    QTest.keyClick(field, Qt.Key.Key_Delete)
    QTest.keyClicks(field, text)
    QTest.keyClick(field, Qt.Key.Key_Tab)  # leaving the field tidies it
    QApplication.processEvents()


def test_the_customer_editor_shows_takes_and_stores_phones(qtbot: QtBot, open_app: OpenApp) -> None:
    app = open_app
    customers = app.services.customers
    cid = customers.create(CustomerData(name="Abarrotes Luna", phone="+523312345678")).id
    page = app.window.show_page("customers")
    assert isinstance(page, CustomersPage)
    page.open_customer(cid)
    app.settle()
    form, file = page.file.form, page.file
    qtbot.waitUntil(lambda: form.name.text() == "Abarrotes Luna")
    assert form.phone.text() == "33 1234 5678"  # not «+52…»
    app.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is app.window)

    # Typed the old way (the mobile 1 of WhatsApp lists), shown the national way, stored E.164.
    _type(qtbot, form.whatsapp, "+52 1 (55) 1234-5678")
    assert form.whatsapp.text() == "55 1234 5678"
    _type(qtbot, form.phone, "81.4589.3561")
    assert form.phone.text() == "81 4589 3561"
    assert form.errors.current is None
    file.save_button.click()
    app.settle()
    qtbot.waitUntil(lambda: file.saved_label.text() != "")
    saved = customers.get(cid)
    assert (saved.phone, saved.whatsapp) == ("+528145893561", "+525512345678")

    # A wrong phone: the message is on the field, and nothing is written.
    version = saved.version
    _type(qtbot, form.phone, "55 12")
    assert form.phone.text() == "55 12"  # left as typed, to be corrected
    assert form.errors.current is not None and "55 12" in form.errors.current
    assert form.phone.property("invalid") is True
    file.save()
    app.settle()
    assert form.phone.hasFocus()  # Save puts the cursor on what is wrong
    after = customers.get(cid)
    assert (after.phone, after.whatsapp, after.version) == (
        "+528145893561",
        "+525512345678",
        version,
    )


def test_the_new_customer_dialog_and_the_business_phone_take_any_format(
    qtbot: QtBot, open_app: OpenApp
) -> None:
    app = open_app
    dialog = opened_by(app, lambda: app.commands.new_customer(app.window))
    assert isinstance(dialog, CustomerDialog)
    dialog.form.name.setText("Papelería Sol")
    dialog.form.phone.setText("044 33 3615 1234")
    dialog.form.phone.tidy()
    assert dialog.form.phone.text() == "33 3615 1234"
    dialog.save()
    app.settle()
    assert dialog.created is not None and dialog.created.phone == "+523336151234"
    app.dialogs.forget_questions()

    page = app.window.show_page("settings")
    assert isinstance(page, SettingsPage)
    app.settle()
    phone = page.phone
    assert isinstance(phone, PhoneEdit)
    page.name.setText("Mi Tienda")
    phone.setText("(55) 5555-0000")
    phone.tidy()
    assert phone.text() == "55 5555 0000"
    page.save_profile()
    app.settle()
    assert page.errors.current is None
    assert app.services.business.profile().phone == "+525555550000"
    page.show_profile(app.services.business.profile())
    assert phone.text() == "55 5555 0000"
