"""The import wizard (Archivo → Importar…) and the batches dialog, driven offscreen."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from cobranza_desktop.domain.invoices import Lifecycle
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.imports.batches import ImportBatchService
from cobranza_desktop.services.imports.cfdi_import import CfdiImportService
from cobranza_desktop.services.imports.sheet_import import SheetImportService
from cobranza_desktop.storage.models import Customer, Invoice, Payment
from cobranza_desktop.ui.dialogs.import_batches import ImportBatchesDialog
from cobranza_desktop.ui.dialogs.import_review import split_source
from cobranza_desktop.ui.dialogs.import_wizard import (
    DONE,
    MAPPING,
    PREVIEW,
    ImportServices,
    ImportWizard,
)
from cobranza_desktop.ui.tasks import TaskRunner
from tests.imports.cfdi_factory import OURS, invoice, payment, uuid_n

INVOICES_CSV = (
    "Nombre del cliente;RFC;Documento;Fecha;Importe;Saldo\n"
    "Ferretería Núñez;FENU800101AB1;F-100;15/09/2026;$1.500,00;$1.000,00\n"
    "Papelería Sol;;F-102;2026-10-01;350;350\n"
)


def _settle(qtbot: QtBot, runner: TaskRunner, done: Callable[[], bool]) -> None:
    qtbot.waitUntil(lambda: runner.wait_idle(0.05) and done(), timeout=30_000)


def _counts(ws: Workspace) -> tuple[int, int, int]:
    with ws.book.session() as s:
        return tuple(  # type: ignore[return-value]
            s.scalar(select(func.count()).select_from(m)) or 0 for m in (Customer, Invoice, Payment)
        )


@pytest.fixture
def wizard(qtbot: QtBot, ws: Workspace, runner: TaskRunner) -> ImportWizard:
    services = ImportServices(
        CfdiImportService(ws.book, ws.clock),
        SheetImportService(ws.book, ws.clock),
        ImportBatchService(ws.book, ws.clock),
    )
    dialog = ImportWizard(services, runner)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 768)
    dialog.show()
    return dialog


def test_a_spreadsheet_is_mapped_corrected_previewed_committed_and_undone(
    qtbot: QtBot, ws: Workspace, runner: TaskRunner, wizard: ImportWizard, tmp_path: Path
) -> None:
    path = tmp_path / "saldos.csv"
    path.write_bytes(INVOICES_CSV.encode("cp1252"))
    wizard.set_kind("invoices")
    wizard.set_paths([path])
    assert wizard.next_button.isEnabled()
    wizard.next_button.click()
    _settle(qtbot, runner, lambda: wizard.step == MAPPING)
    # "Documento" is guessed as the folio; "Nombre del cliente" only starts like "nombre".
    assert wizard.mapping.combo("folio").currentText() == "Documento"
    assert wizard.mapping.combo("name").currentText() == "Nombre del cliente"
    # The user takes the balance column away: the control total no longer matches.
    balance = wizard.mapping.combo("balance")
    balance.setCurrentIndex(balance.findData(""))
    wizard.next_button.click()
    _settle(qtbot, runner, lambda: wizard.step == PREVIEW)
    assert wizard.sheet_preview is not None
    summary = wizard.review.summary.text()
    assert "Clientes nuevos: 2" in summary and "Facturas: 2" in summary
    assert wizard.review.new_customers.count() == 2
    # Correct it back: balances booked, the control total matches to the cent.
    wizard.back_button.click()
    assert wizard.step == MAPPING
    balance.setCurrentIndex(balance.findData("Saldo"))
    wizard.next_button.click()
    _settle(qtbot, runner, lambda: wizard.step == PREVIEW)
    assert wizard.sheet_preview is not None and wizard.sheet_preview.can_commit
    assert "✓" in wizard.review.summary.text()
    assert wizard.import_button.isEnabled()
    assert _counts(ws) == (0, 0, 0)  # the preview wrote nothing
    wizard.import_button.click()
    _settle(qtbot, runner, lambda: wizard.step == DONE)
    assert wizard.outcome is not None and wizard.outcome.committed
    assert _counts(ws) == (2, 2, 1)
    assert "lote" in wizard.result_label.text()
    # The corrected mapping was saved: the next file with the same headings starts from it.
    assert SheetImportService(ws.book, ws.clock).load(path, "invoices").mapping["balance"] == (
        "Saldo"
    )
    wizard.undo_button.click()
    _settle(qtbot, runner, lambda: not wizard.undo_button.isEnabled())
    with ws.book.session() as s:
        states = set(s.scalars(select(Invoice.lifecycle)))
        assert states == {Lifecycle.VOIDED.value}


def test_a_bad_row_is_shown_with_file_row_and_column_and_import_is_refused(
    qtbot: QtBot, ws: Workspace, runner: TaskRunner, wizard: ImportWizard, tmp_path: Path
) -> None:
    path = tmp_path / "malo.csv"
    path.write_text("Cliente,Fecha,Importe\nAna,2026-10-01,doce pesos\n", encoding="utf-8")
    wizard.set_kind("invoices")
    wizard.set_paths([path])
    wizard.next_button.click()
    _settle(qtbot, runner, lambda: wizard.step == MAPPING)
    wizard.next_button.click()
    _settle(qtbot, runner, lambda: wizard.step == PREVIEW)
    table = wizard.review.problems
    assert table.rowCount() >= 1
    cells = [table.item(0, c).text() for c in range(5)]
    assert cells[:4] == ["Problema", "malo.csv", "2", "Importe"]
    assert not wizard.import_button.isEnabled()
    wizard.commit()  # refused without a click as well
    assert runner.wait_idle(30)
    assert _counts(ws) == (0, 0, 0)


def test_cfdi_folder_preview_then_commit_and_the_batch_is_listed(
    qtbot: QtBot, ws: Workspace, runner: TaskRunner, wizard: ImportWizard, tmp_path: Path
) -> None:
    profile = ws.business.profile()
    ws.business.update_profile(replace(profile, rfc=OURS, name=profile.name or "Kemper"))
    folder = tmp_path / "xml"
    folder.mkdir()
    (folder / "f1.xml").write_bytes(invoice(uuid_n(1), total="1000.00", folio="10"))
    (folder / "p1.xml").write_bytes(
        payment(
            uuid_n(3),
            [("2026-10-15T00:00:00", "400.00", [(uuid_n(1), "1000.00", "400.00", "600.00", 1)])],
        )
    )
    (folder / "roto.xml").write_bytes(b"<cfdi:Comprobante")
    wizard.set_kind("cfdi")
    wizard.set_paths([folder])
    wizard.next_button.click()
    _settle(qtbot, runner, lambda: wizard.step == PREVIEW)
    assert wizard.report is not None
    assert [p.source for p in wizard.report.problems] == ["roto.xml"]
    assert not wizard.import_button.isEnabled()
    (folder / "roto.xml").unlink()
    wizard.back_button.click()
    wizard.next_button.click()
    _settle(qtbot, runner, lambda: wizard.step == PREVIEW and wizard.report is not None)
    assert wizard.report is not None and not wizard.report.problems
    assert "Facturas: 1" in wizard.review.summary.text()
    wizard.import_button.click()
    _settle(qtbot, runner, lambda: wizard.step == DONE)
    assert _counts(ws) == (1, 1, 1)

    batches = ImportBatchesDialog(ImportBatchService(ws.book, ws.clock), runner)
    qtbot.addWidget(batches)
    _settle(qtbot, runner, lambda: batches.table.rowCount() == 1)
    assert batches.table.item(0, 2).text() == "CFDI"
    batches.table.selectRow(0)
    assert batches.undo_button.isEnabled()
    batches.undo_button.click()
    _settle(qtbot, runner, lambda: "Deshecho" in (batches.table.item(0, 4) or object()).text())  # type: ignore[attr-defined]
    with ws.book.session() as s:
        assert s.scalar(select(Invoice.lifecycle)) == Lifecycle.VOIDED.value


def test_cancel_during_the_import_writes_nothing(
    qtbot: QtBot, ws: Workspace, runner: TaskRunner, wizard: ImportWizard, tmp_path: Path
) -> None:
    rows = "".join(f"Cliente {i % 300},F-{i},2026-10-01,100.00\n" for i in range(6000))
    path = tmp_path / "muchas.csv"
    path.write_text("Cliente,Folio,Fecha,Importe\n" + rows, encoding="utf-8")
    wizard.set_kind("invoices")
    wizard.set_paths([path])
    wizard.next_button.click()
    _settle(qtbot, runner, lambda: wizard.step == MAPPING)
    wizard.next_button.click()
    _settle(qtbot, runner, lambda: wizard.step == PREVIEW)
    assert wizard.import_button.isEnabled()
    # Cancel right away: the worker stops at its next progress report, inside the
    # transaction, long before the last of the 6,000 rows.
    wizard.import_button.click()
    wizard.cancel_button.click()
    assert runner.wait_idle(60)
    assert "Cancelado" in wizard.message.text()
    assert _counts(ws) == (0, 0, 0)


def test_split_source() -> None:
    assert split_source("f.csv:12, Importe") == ("f.csv", "12", "Importe")
    assert split_source("f.csv:12") == ("f.csv", "12", "")
    assert split_source("bulk.zip:a.xml") == ("bulk.zip:a.xml", "", "")
