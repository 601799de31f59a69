"""Archivo → Exportar: each list and the whole book from the window, written off the GUI
thread to the file the user chose, the same rows as ``cobranza export``."""

from __future__ import annotations

import csv
import os
import zipfile
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from cobranza_desktop.domain.agenda import Agenda
from cobranza_desktop.services.exports.lists import ExportTable
from cobranza_desktop.ui.app import create_application, install_translations
from tests.ui.conftest import start_app, stop_app
from tests.ui.test_file_menu_screens import grab, save
from tests.ui.ui_support import OpenApp, OpenedDialogs


def _choose(monkeypatch: pytest.MonkeyPatch, target: Path, chosen_filter: str) -> None:
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), chosen_filter)
    )


def _trigger(app: OpenApp, name: str) -> None:
    menu = app.window.findChild(QMenu, "exportMenu")
    assert menu is not None and menu.menuAction() in app.window.file_menu.actions()
    action = menu.findChild(QAction, name) or next(
        a for a in menu.actions() if a.objectName() == name
    )
    action.trigger()
    app.settle()


def test_lists_and_the_book_export_from_the_file_menu(
    demo_app: OpenApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tables: dict[str, ExportTable] = {}
    exports = demo_app.services.exports

    def read(_ctx: object) -> None:  # what `cobranza export` writes, read off the GUI thread
        tables.update({kind: exports.table(kind) for kind in ("invoices", "customers")})

    demo_app.runner.query(read).run()
    demo_app.settle()
    invoices = tables["invoices"]
    assert invoices.rows, "the demo book has invoices"

    # Invoices to CSV: the file dialog's CSV filter gives the extension.
    _choose(monkeypatch, tmp_path / "facturas", "CSV (*.csv)")
    _trigger(demo_app, "export-invoices")
    with (tmp_path / "facturas.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == invoices.headers
    assert len(rows) - 1 == len(invoices.rows)
    box = demo_app.dialogs.last_question
    assert isinstance(box, QMessageBox) and str(len(invoices.rows)) in box.text()

    # Customers to Excel.
    _choose(monkeypatch, tmp_path / "clientes.xlsx", "Excel (*.xlsx)")
    _trigger(demo_app, "export-customers")
    sheet = openpyxl.load_workbook(tmp_path / "clientes.xlsx", read_only=True).active
    assert sheet is not None
    written = [row for row in sheet.iter_rows(values_only=True) if any(row)]
    assert tuple(written[0]) == tables["customers"].headers
    assert len(written) - 1 == len(tables["customers"].rows)

    # Today's agenda: its actions, in the columns of `cobranza agenda --json`.
    agendas: list[Agenda] = []
    demo_app.clock.advance(days=1)  # the 22nd is a Sunday: the day's actions wait for Monday
    agenda_service, day = demo_app.services.agenda, demo_app.clock.today()
    demo_app.runner.query(lambda _ctx: agendas.append(agenda_service.agenda(day))).run()
    demo_app.settle()
    assert agendas[0].items, "the demo book has work for today"
    _choose(monkeypatch, tmp_path / "agenda.csv", "CSV (*.csv)")
    _trigger(demo_app, "export-agenda")
    with (tmp_path / "agenda.csv").open(encoding="utf-8-sig", newline="") as handle:
        agenda_rows = list(csv.DictReader(handle))
    assert [int(r["customer_id"]) for r in agenda_rows] == [i.customer_id for i in agendas[0].items]
    assert [r["amount_due"] for r in agenda_rows] == [str(i.amount_due) for i in agendas[0].items]

    # The whole book for the accountant.
    _choose(monkeypatch, tmp_path / "libro", "Zip (*.zip)")
    _trigger(demo_app, "export-book")
    with zipfile.ZipFile(tmp_path / "libro.zip") as archive:
        names = set(archive.namelist())
    assert {"README.txt", "invoices.csv", "payments.csv", "customers.csv"} <= names


@pytest.mark.parametrize("language", ["es", "en"])
def test_export_menu_screens(
    qtbot: QtBot, tmp_path: Path, dialogs: OpenedDialogs, language: str
) -> None:
    folder = Path(os.environ.get("COBRANZA_SCREENSHOTS", tmp_path / "shots"))
    folder.mkdir(parents=True, exist_ok=True)
    install_translations(create_application(), language)
    opened = start_app(qtbot, tmp_path, tmp_path / "libro.sqlite", dialogs)
    try:
        menu = opened.window.findChild(QMenu, "exportMenu")
        assert menu is not None
        expected = "E&xportar" if language == "es" else "E&xport"
        assert menu.title() == expected
        menu.popup(opened.window.mapToGlobal(opened.window.rect().center()))
        qtbot.waitUntil(menu.isVisible)
        save(grab(menu), folder, f"export-menu-{language}")
        menu.hide()
    finally:
        install_translations(opened.controller.app, "es")
        stop_app(opened)
