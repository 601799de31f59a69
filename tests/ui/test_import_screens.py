"""Screenshots of the import wizard's steps, the batches dialog and the REP panel on
Today, es and en, from the real window (Archivo → Importar…).

Set COBRANZA_SCREENSHOTS=/some/dir to keep the PNGs and look at them.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from cobranza_desktop.domain.allocation import Allocation
from cobranza_desktop.services.receivables.payments import PaymentInput
from cobranza_desktop.ui.app import create_application, install_translations
from cobranza_desktop.ui.dialogs.import_batches import ImportBatchesDialog
from cobranza_desktop.ui.dialogs.import_wizard import DONE, MAPPING, PREVIEW, ImportWizard
from cobranza_desktop.ui.pages.today_page import TodayPage
from tests.imports.cfdi_factory import OURS, invoice
from tests.ui.conftest import start_app, stop_app
from tests.ui.test_file_menu_screens import SIZE, grab, save
from tests.ui.ui_support import OpenedDialogs

SHEET = (
    "Cliente;RFC;Folio;Fecha;Vencimiento;Importe;Saldo\n"
    "Ferretería Núñez;FENU800101AB1;F-100;15/09/2026;15/10/2026;$1.500,00;$1.000,00\n"
    "Papelería Sol;;F-102;2026-10-01;;350;350\n"
    "Abarrotes Ruiz;;F-103;31/02/2026;;120;120\n"
)


@pytest.mark.parametrize("language", ["es", "en"])
def test_import_screens(
    qtbot: QtBot, tmp_path: Path, dialogs: OpenedDialogs, directory: Path, language: str
) -> None:
    install_translations(create_application(), language)
    opened = start_app(qtbot, tmp_path, tmp_path / "libro.sqlite", dialogs)
    try:
        window = opened.window
        window.resize(*SIZE)
        business = opened.services.business
        opened.runner.query(
            lambda _c: business.update_profile(
                replace(business.profile(), rfc=OURS, name="Kemper Urgate")
            )
        ).run()
        opened.settle()
        action = window.findChild(QAction, "importWizard")
        assert action is not None and action in window.file_menu.actions()
        action.trigger()
        wizard = dialogs.last
        assert isinstance(wizard, ImportWizard)
        wizard.resize(*SIZE)
        sheet = tmp_path / "saldos.csv"
        sheet.write_bytes(SHEET.encode("cp1252"))
        wizard.set_kind("invoices")
        wizard.set_paths([sheet])
        save(grab(wizard), directory, f"import-1-source-{language}")
        wizard.next()
        qtbot.waitUntil(lambda: opened.runner.wait_idle(0.05) and wizard.step == MAPPING)
        save(grab(wizard), directory, f"import-2-mapping-{language}")
        wizard.next()
        qtbot.waitUntil(lambda: opened.runner.wait_idle(0.05) and wizard.step == PREVIEW)
        assert wizard.review.problems.rowCount() >= 1  # 31/02 is no date
        save(grab(wizard), directory, f"import-3-preview-problems-{language}")
        if language == "en":
            assert "New customers" in wizard.review.summary.text()
        sheet.write_bytes(SHEET.rsplit("Abarrotes", 1)[0].encode("cp1252"))
        wizard.back()
        wizard.set_kind("cfdi")
        xml = tmp_path / "xml"
        xml.mkdir()
        (xml / "a.xml").write_bytes(
            invoice("00000000-0000-4000-8000-000000000001", total="1000.00")
        )
        (xml / "b.xml").write_bytes(
            invoice(
                "00000000-0000-4000-8000-000000000002",
                total="2500.00",
                folio="2",
                fecha="2026-08-01T00:00:00",
            )
        )
        wizard.set_paths([xml])
        wizard.next()
        qtbot.waitUntil(lambda: opened.runner.wait_idle(0.05) and wizard.step == PREVIEW)
        save(grab(wizard), directory, f"import-3-preview-cfdi-{language}")
        wizard.commit()
        qtbot.waitUntil(lambda: opened.runner.wait_idle(0.05) and wizard.step == DONE)
        save(grab(wizard), directory, f"import-4-done-{language}")
        wizard.reject()

        window.findChild(QAction, "importBatches").trigger()
        batches = dialogs.last
        assert isinstance(batches, ImportBatchesDialog)
        opened.settle()
        batches.table.selectRow(0)
        save(grab(batches), directory, f"import-batches-{language}")
        batches.reject()

        payments = opened.services.payments

        def pay(_c: object) -> None:
            item = next(i for i in payments.open_items(1) if i.number == "F-1")
            payments.record(
                PaymentInput(
                    1,
                    "400.00",
                    date(2026, 10, 20),
                    allocations=(Allocation(item.invoice_id, Decimal("400.00")),),
                )
            )

        opened.runner.query(pay).run()
        opened.settle()
        today = window.show_page("today")
        assert isinstance(today, TodayPage)
        today.rep_panel.refresh()
        opened.settle()
        assert today.rep_panel.isVisible() and today.rep_panel.table.rowCount() >= 1
        save(grab(window), directory, f"today-rep-panel-{language}")
        page = window.show_page("payments")
        page.rep_pending.setChecked(True)  # type: ignore[attr-defined]
        opened.settle()
        save(grab(window), directory, f"payments-sin-rep-{language}")
    finally:
        install_translations(opened.controller.app, "es")
        stop_app(opened)
