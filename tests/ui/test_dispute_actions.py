"""Disputes from the window: the customer file's invoice menu and the invoices page put an
invoice in dispute (asking the reason), the file marks it, and settling it is as easy.
Screenshots in Spanish and English (COBRANZA_SCREENSHOTS=/dir keeps them)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from cobranza_desktop.domain.customers import CustomerData
from cobranza_desktop.domain.invoices import make_line
from cobranza_desktop.services.billing.invoices import InvoiceDraft
from cobranza_desktop.ui.app import create_application, install_translations
from cobranza_desktop.ui.dialogs.dispute_dialog import DisputeDialog
from cobranza_desktop.ui.pages.customers_page import CustomersPage
from cobranza_desktop.ui.pages.invoices_page import InvoicesPage
from tests.ui.conftest import start_app, stop_app
from tests.ui.test_file_menu_screens import SIZE, grab, save
from tests.ui.ui_support import OpenApp, OpenedDialogs


def _book(app: OpenApp) -> tuple[int, int]:
    s = app.services
    cid = s.customers.create(CustomerData("Abarrotes Lupita", phone="55 6666 7777")).id
    line = make_line("Mercancía", 1, "3000.00", tax_rate_percent="0")
    invoice = s.invoices.issue(InvoiceDraft(cid, (line,), date(2026, 9, 1), date(2026, 10, 1)))
    return cid, invoice.id


@pytest.mark.parametrize("language", ["es", "en"])
def test_dispute_an_invoice_from_the_customer_file_and_settle_it_from_the_invoices_page(
    qtbot: QtBot, tmp_path: Path, dialogs: OpenedDialogs, language: str
) -> None:
    folder = Path(os.environ.get("COBRANZA_SCREENSHOTS", tmp_path / "shots"))
    folder.mkdir(parents=True, exist_ok=True)
    install_translations(create_application(), language)
    app = start_app(qtbot, tmp_path, tmp_path / "prueba.sqlite", dialogs)
    try:
        app.window.resize(*SIZE)
        cid, invoice_id = _book(app)
        page = app.window.show_page("customers")
        assert isinstance(page, CustomersPage)
        app.settle()
        page.open_customer(cid)
        app.settle()
        file = page.file
        row = file.invoice_model.row_at(0)
        (entry,) = file.invoice_menu_actions(row)
        entry.trigger()
        app.settle()
        dialog = app.last_dialog
        assert isinstance(dialog, DisputeDialog) and not dialog.settling
        save(grab(dialog), folder, f"dispute-mark-{language}")
        dialog.save()  # no reason: refused inline, nothing changes
        app.settle()
        assert dialog.result() != QDialog.DialogCode.Accepted
        assert not app.services.invoices.get(invoice_id).disputed
        dialog.reason.setText("No recibió la mercancía")
        dialog.save()
        app.settle()
        assert dialog.result() == QDialog.DialogCode.Accepted
        assert app.services.invoices.get(invoice_id).disputed
        app.settle()
        state = file.invoice_model.row_at(0)
        assert state.disputed
        shown = file._invoice_state(state)
        assert ("en disputa" if language == "es" else "disputed") in shown
        save(grab(app.window), folder, f"dispute-customer-file-{language}")
        aging = app.window.show_page("aging")
        app.settle()
        save(grab(aging), folder, f"aging-notes-{language}")
        cell = aging.model.index(0, aging.model.columnCount() - 1)
        assert cell.data() == ("En disputa" if language == "es" else "Disputed")  # in short
        notes = cell.data(Qt.ItemDataRole.ToolTipRole)  # and whole
        assert "A-00001" in notes and ("en disputa" if language == "es" else "disputed") in notes

        invoices = app.window.show_page("invoices")
        assert isinstance(invoices, InvoicesPage)
        app.settle()
        invoices.table.selectRow(0)
        app.settle()
        assert invoices.dispute_button.isEnabled()
        invoices.dispute_button.click()
        app.settle()
        settle = app.last_dialog
        assert isinstance(settle, DisputeDialog) and settle.settling
        assert "No recibió la mercancía" in settle.history.text()  # why it is disputed
        save(grab(settle), folder, f"dispute-settle-{language}")
        settle.reason.setText("Se entregó; firma de recibido")
        settle.save()
        app.settle()
        assert not app.services.invoices.get(invoice_id).disputed
    finally:
        install_translations(app.controller.app, "es")
        stop_app(app)
