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
    services = app.services
    app.commands.new_invoice(app.window, customer_id)
    editor = app.last_dialog
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


def test_the_auto_due_date_shown_is_the_one_issued(qtbot: QtBot, open_app: OpenApp) -> None:
    """«Según el plazo del cliente» shows the customer's terms, not the issue date."""
    app = open_app
    customer_id = new_customer(app, qtbot, "Tlapalería Luna")
    services = app.services
    terms = services.invoices.terms_days(customer_id)
    assert terms > 0
    app.commands.new_invoice(app.window, customer_id)
    editor = app.last_dialog
    assert isinstance(editor, InvoiceEditor)
    app.settle()
    assert editor.due_auto.isChecked()
    shown = from_qdate(editor.due_date.date())
    assert (shown - from_qdate(editor.issue_date.date())).days == terms
    editor.set_cell(0, 0, "Clavos")
    editor.set_cell(0, 1, "1")
    editor.set_cell(0, 2, "10")
    editor.issue()
    app.settle()
    assert editor.result() == QDialog.DialogCode.Accepted, editor.errors.current
    assert [i.due_date for i in services.invoices.for_customer(customer_id)] == [shown]
