"""Two of the reviewed dialogs with the keyboard alone (QTest key events on the real
window): a customer's status changed, and a due date extended from the file's tools."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QDateEdit, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from cobranza_desktop.domain.customers import CustomerData, CustomerStatus
from cobranza_desktop.domain.invoices import make_line
from cobranza_desktop.services.billing.invoices import InvoiceDraft
from cobranza_desktop.ui.dialogs.collection_tools import ExtendDueDateDialog
from cobranza_desktop.ui.dialogs.status_dialog import StatusDialog
from cobranza_desktop.ui.pages.customers_page import CustomersPage
from cobranza_desktop.ui.tasks import OpChanges
from cobranza_desktop.ui.widgets.forms import from_qdate
from tests.ui.accessibility_support import mnemonic_clashes
from tests.ui.test_keyboard_journeys import activate, key, opened_dialog
from tests.ui.ui_support import OpenApp

ALT = Qt.KeyboardModifier.AltModifier


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def _file_of_a_debtor(qtbot: QtBot, app: OpenApp) -> tuple[CustomersPage, int]:
    """A new customer with one invoice 20 days overdue, its file open and the window active."""
    s, today = app.services, app.clock.today()
    cid = s.customers.create(CustomerData(name="Refaccionaria Ortega", phone="5512345678")).id
    line = make_line("Balatas", 2, "850.00", tax_rate_percent="16")
    s.invoices.issue(
        InvoiceDraft(cid, (line,), today - timedelta(days=50), today - timedelta(days=20))
    )
    app.runner.data_changed.emit(OpChanges.everything())
    page = app.window.show_page("customers")
    assert isinstance(page, CustomersPage)
    page.open_customer(cid)
    app.settle()
    qtbot.waitUntil(lambda: page.file.data is not None and page.file.data.customer.id == cid)
    activate(qtbot, app.window)
    assert mnemonic_clashes(page.file) == {}
    return page, cid


def test_a_status_change_with_the_keyboard(qtbot: QtBot, demo_app: OpenApp) -> None:
    app = demo_app
    _page, cid = _file_of_a_debtor(qtbot, app)
    before = len(app.dialogs.opened)
    key(app.window, Qt.Key.Key_T, ALT)  # Cambiar es&tado…
    dialog = opened_dialog(qtbot, app, before, StatusDialog)
    qtbot.waitUntil(lambda: focused() is dialog.status)  # it opens in its first field
    status = focused()
    assert isinstance(status, QComboBox)
    while status.currentData() != CustomerStatus.RESTRICTED.value:
        key(status, Qt.Key.Key_Down)
    key(dialog, Qt.Key.Key_M, ALT)  # &Motivo
    assert focused() is dialog.reason
    QTest.keyClicks(dialog.reason, "Tres meses sin pagar")
    key(dialog, Qt.Key.Key_R, ALT)  # &Restricción
    assert focused() is dialog.services
    QTest.keyClicks(dialog.services, "Internet")
    key(dialog.services, Qt.Key.Key_Return)  # Enter: Cambiar estado
    qtbot.waitUntil(lambda: not dialog.isVisible())
    app.settle()
    history = app.services.restrictions.history(cid)
    assert [(h.to_status, h.reason) for h in history] == [
        (CustomerStatus.RESTRICTED, "Tres meses sin pagar")
    ]
    assert app.services.customers.get(cid).status == CustomerStatus.RESTRICTED.value


def test_a_due_date_extended_with_the_keyboard(qtbot: QtBot, demo_app: OpenApp) -> None:
    app = demo_app
    page, _cid = _file_of_a_debtor(qtbot, app)
    tools_button = page.file.findChild(QWidget, "moreActions")
    assert tools_button is not None

    # Alt+M opens «Más acciones»; its menu runs its own loop, where P picks «Prorrogar».
    def pick_extend() -> None:
        menu = QApplication.activePopupWidget()
        if menu is None:
            QTimer.singleShot(20, pick_extend)
            return
        QTest.keyClick(menu, Qt.Key.Key_P)

    before = len(app.dialogs.opened)
    QTimer.singleShot(0, pick_extend)
    key(app.window, Qt.Key.Key_M, ALT)
    dialog = opened_dialog(qtbot, app, before, ExtendDueDateDialog)
    qtbot.waitUntil(lambda: focused() is dialog.invoice)  # the first field, not a button
    key(dialog, Qt.Key.Key_N, ALT)  # &Nueva fecha acordada
    date_field = focused()
    assert isinstance(date_field, QDateEdit) and date_field is dialog.new_date
    proposed = from_qdate(date_field.date())
    for _ in range(3):
        key(date_field, Qt.Key.Key_Up)  # the day section: three days later
    agreed = from_qdate(date_field.date())
    assert agreed == proposed + timedelta(days=3)
    key(dialog, Qt.Key.Key_M, ALT)  # &Motivo
    reason = focused()
    assert isinstance(reason, QLineEdit) and reason is dialog.reason
    QTest.keyClicks(reason, "Paga con la quincena")
    key(reason, Qt.Key.Key_Return)  # Enter: Prorrogar
    qtbot.waitUntil(lambda: not dialog.isVisible())
    app.settle()
    # The file shows the agreed date, read again after the write.
    qtbot.waitUntil(
        lambda: (
            page.file.data is not None
            and [i.extended_to for i in page.file.data.invoices] == [agreed]
        )
    )
