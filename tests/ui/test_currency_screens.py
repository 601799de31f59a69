"""A book with MXN and USD invoices in the window, es and en: the invoice list and the
customer file show a USD invoice in its own currency, and the balances in MXN.

Set COBRANZA_SCREENSHOTS=/some/dir to keep the PNGs and look at them.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from cobranza_desktop.ui.app import create_application, install_translations
from cobranza_desktop.ui.pages.customers_page import CustomersPage
from cobranza_desktop.ui.pages.invoices_page import InvoicesPage
from cobranza_desktop.ui.tasks import Kind, OpChanges
from tests.imports.cfdi_factory import OURS, invoice, payment, uuid_n
from tests.ui.conftest import start_app, stop_app
from tests.ui.test_file_menu_screens import SIZE, grab, save
from tests.ui.ui_support import OpenedDialogs


def _files(folder: Path) -> Path:
    folder.mkdir()
    (folder / "mxn.xml").write_bytes(invoice(uuid_n(1), total="1000.00", folio="1"))
    (folder / "usd.xml").write_bytes(
        invoice(uuid_n(2), total="100.00", folio="2", currency="USD", rate="17.5")
    )
    (folder / "p.xml").write_bytes(
        payment(
            uuid_n(3),
            [("2026-11-05T00:00:00", "40.00", [(uuid_n(2), "100.00", "40.00", "60.00", 1)])],
            currency="USD",
            rate="18.00",
        )
    )
    return folder


def _cells(model: object, row: int) -> list[str]:
    return [
        str(model.index(row, c).data(Qt.ItemDataRole.DisplayRole))  # type: ignore[attr-defined]
        for c in range(model.columnCount())  # type: ignore[attr-defined]
    ]


@pytest.mark.parametrize("language", ["es", "en"])
def test_usd_invoice_rows_and_mxn_totals(
    qtbot: QtBot, tmp_path: Path, dialogs: OpenedDialogs, directory: Path, language: str
) -> None:
    install_translations(create_application(), language)
    opened = start_app(qtbot, tmp_path, tmp_path / "libro.sqlite", dialogs)
    try:
        window = opened.window
        window.resize(*SIZE)
        services = opened.services
        folder = _files(tmp_path / "xml")

        def load(_c: object) -> None:
            profile = services.business.profile()
            services.business.update_profile(replace(profile, rfc=OURS, name="Kemper Urgate"))
            assert services.cfdi_import.commit([folder]).committed

        opened.runner.write(
            load, OpChanges.of(Kind.CUSTOMERS, Kind.INVOICES, Kind.PAYMENTS, Kind.SETTINGS)
        ).run()
        opened.settle()
        page = window.show_page("invoices")
        assert isinstance(page, InvoicesPage)
        opened.settle()
        qtbot.waitUntil(lambda: page.model.rowCount() == 2)
        rows = [_cells(page.model, r) for r in range(2)]
        usd = next(r for r in rows if "F-2" in r)
        # Its own currency and amount: 100.00 USD, 60.00 still owed.
        # es-MX writes dollars «USD 100.00» beside «$1,000.00» pesos; en-US writes them
        # «$100.00» beside «MX$1,000.00».
        dollars = "USD" if language == "es" else "$100.00"
        assert any("100.00" in c and dollars in c and "MX" not in c for c in usd), usd
        assert any("60.00" in c for c in usd), usd
        mxn = next(r for r in rows if "F-1" in r)
        assert not any("USD" in c for c in mxn), mxn
        save(grab(window), directory, f"invoices-usd-{language}")
        customers = window.show_page("customers")
        assert isinstance(customers, CustomersPage)
        opened.settle()
        customers.open_customer(customers.list.model.row_at(0).id)
        opened.settle()
        file_rows = [_cells(customers.file.invoice_model, r) for r in range(2)]
        assert any("60.00" in c and "MX" not in c for r in file_rows for c in r), file_rows
        # The file's balance: 1,000.00 + 1,750.00 - 700.00 MXN.
        save(grab(window), directory, f"customer-file-usd-{language}")
    finally:
        install_translations(opened.controller.app, "es")
        stop_app(opened)
