"""The main journeys with the keyboard alone (QTest key events on the real window): find a
customer, record a payment, compose a reminder, print a statement."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QTableView, QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from cobranza_desktop.ui.dialogs import pdf_preview
from cobranza_desktop.ui.dialogs.payment_dialog import PaymentDialog
from cobranza_desktop.ui.dialogs.pdf_preview import PdfPreviewDialog
from cobranza_desktop.ui.pages.customers_page import CustomersPage
from tests.ui.ui_support import OpenApp


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def activate(qtbot: QtBot, window: QWidget) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def key(
    widget: QWidget, code: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    QTest.keyClick(widget, code, modifier)
    QApplication.processEvents()


def opened_dialog(qtbot: QtBot, app: OpenApp, before: int, kind: type[QDialog]) -> Any:
    """The dialog a key opened (a mnemonic clicks its button after a short animation)."""

    def found() -> list[QDialog]:
        app.settle()
        return [d for d in app.dialogs.opened[before:] if isinstance(d, kind) and d.isVisible()]

    qtbot.waitUntil(lambda: bool(found()))
    dialog = found()[-1]
    dialog.activateWindow()
    return dialog


class Printed:
    """The print dialog, accepted at once: the pages go to a PDF file to read back."""

    path: Path

    def __init__(self, printer: QPrinter, _parent: QWidget) -> None:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(Printed.path))

    def setMinMax(self, _first: int, _last: int) -> None:
        pass

    def exec(self) -> QDialog.DialogCode:
        return QDialog.DialogCode.Accepted


def test_find_pay_remind_and_print_with_the_keyboard(
    qtbot: QtBot, demo_app: OpenApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app, window = demo_app, demo_app.window
    activate(qtbot, window)
    target = next(
        c for c in app.services.customers.list_page(limit=100) if c.balance > 0 and c.overdue > 0
    )
    word = target.name.split()[0].lower()

    # Find: Ctrl+F puts the cursor in the search box, typing filters, Tab reaches the table.
    key(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    page = window.current_page()
    assert isinstance(page, CustomersPage)
    assert focused() is page.list.search
    QTest.keyClicks(page.list.search, word)
    qtbot.waitUntil(lambda: 0 < page.list.model.rowCount() < 15)
    app.settle()
    for _ in range(6):
        if isinstance(focused(), QTableView):
            break
        key(focused() or window, Qt.Key.Key_Tab)
    assert focused() is page.list.table
    rows = [page.list.model.row_at(r).id for r in range(page.list.model.rowCount())]
    key(page.list.table, Qt.Key.Key_Home)
    for _ in range(rows.index(target.id)):
        key(page.list.table, Qt.Key.Key_Down)
    key(page.list.table, Qt.Key.Key_Return)
    app.settle()
    assert page.stack.currentWidget() is page.file and page.file.customer_id == target.id

    # Record a payment: Alt+P (Registrar &pago), type the amount, Enter saves.
    payments_before = len(app.services.payments.for_customer(target.id))
    before = len(app.dialogs.opened)
    key(window, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    dialog = opened_dialog(qtbot, app, before, PaymentDialog)
    qtbot.waitUntil(lambda: dialog.customer.customer_id == target.id)
    dialog.amount.setFocus()
    QTest.keyClicks(dialog.amount, "100.00")
    key(dialog.amount, Qt.Key.Key_Return)
    app.settle()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    app.settle()
    assert len(app.services.payments.for_customer(target.id)) == payments_before + 1
    thanks = app.dialogs.last_question
    assert thanks is not None and thanks.isVisible()
    thanks.activateWindow()
    key(thanks, Qt.Key.Key_Escape)  # the thank-you offer: Escape declines it
    qtbot.waitUntil(lambda: not thanks.isVisible())
    app.settle()

    # Compose a reminder: Alt+R opens the composer, Escape closes it.
    activate(qtbot, window)
    before = len(app.dialogs.opened)
    key(window, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    composer = opened_dialog(qtbot, app, before, QDialog)
    assert composer.isVisible()
    key(composer, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not isValid(composer) or not composer.isVisible())

    # Print the statement: Alt+E opens the preview, Ctrl+P prints, Escape closes.
    Printed.path = tmp_path / "printed.pdf"
    monkeypatch.setattr(pdf_preview, "QPrintDialog", Printed)
    activate(qtbot, window)
    before = len(app.dialogs.opened)
    key(window, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    preview = opened_dialog(qtbot, app, before, PdfPreviewDialog)
    qtbot.waitUntil(lambda: preview.document.pageCount() > 0)
    key(preview, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: Printed.path.exists() and Printed.path.stat().st_size > 0)
    # The statement shown is this customer's; the printer got each of its pages.
    shown = PdfReader(io.BytesIO(preview._pdf))
    text = "".join(p.extract_text() for p in shown.pages)
    assert "Estado de cuenta" in text and target.name in text
    assert len(PdfReader(Printed.path).pages) == len(shown.pages) == preview.document.pageCount()
    key(preview, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not isValid(preview) or not preview.isVisible())
