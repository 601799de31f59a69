"""The invoice editor reads amounts for the locale (12,34 is questioned, never 1234), and
date fields offer only the dates the services accept."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from cobranza_desktop.domain.validation import FIRST_DATE, LAST_DATE
from cobranza_desktop.ui.dialogs.invoice_editor import InvoiceEditor
from cobranza_desktop.ui.widgets.forms import date_edit, from_qdate, to_qdate
from tests.ui.test_ui_workflow import new_customer
from tests.ui.ui_support import OpenApp


def test_a_comma_decimal_is_questioned_and_nothing_is_written(
    qtbot: QtBot, open_app: OpenApp
) -> None:
    app = open_app
    customer_id = new_customer(app, qtbot, "Tlapalería Sol")
    services = app.controller.context.services  # type: ignore[union-attr]
    app.controller.commands.new_invoice(app.window, customer_id)  # type: ignore[union-attr]
    editor = app.controller.commands.last_dialog  # type: ignore[union-attr]
    assert isinstance(editor, InvoiceEditor)
    app.settle()
    editor.set_cell(0, 0, "Tornillos")
    editor.set_cell(0, 1, "12,34")  # used to be read as 1,234 of them
    editor.set_cell(0, 2, "1.234,56")  # used to be read as 1.23456
    assert "¿Quiso decir 12.34?" in editor.error_label.text()
    editor.issue()
    app.settle()
    assert editor.result() != QDialog.DialogCode.Accepted
    assert services.invoices.for_customer(customer_id) == []
    editor.set_cell(0, 1, "12.5")
    assert "¿Quiso decir 1,234.56?" in editor.error_label.text()
    editor.set_cell(0, 2, "1,234.56")
    assert editor.total.text() == "$17,901.12"  # 12.5 × 1,234.56 = 15,432.00 + 16 % IVA
    editor.issue()
    app.settle()
    assert editor.result() == QDialog.DialogCode.Accepted, editor.errors.current
    assert [i.total for i in services.invoices.for_customer(customer_id)] == [Decimal("17901.12")]


def test_date_fields_offer_only_the_dates_the_services_accept(qtbot: QtBot) -> None:
    edit = date_edit(date(2026, 11, 22))
    qtbot.addWidget(edit)
    assert from_qdate(edit.minimumDate()) == FIRST_DATE
    assert from_qdate(edit.maximumDate()) == LAST_DATE
    edit.setDate(to_qdate(date(9999, 12, 31)))
    assert from_qdate(edit.date()) == LAST_DATE
