"""The Antigüedad table fits a 1366×768 window, in Spanish and in English: every column,
the notes last, is inside the view and wide enough for its title; a long note is shown
short in its cell and whole in the tooltip.

Set COBRANZA_SCREENSHOTS=/some/dir to keep the PNGs and look at them.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from cobranza_desktop.domain.customers import CustomerData
from cobranza_desktop.services.receivables.payments import PaymentInput
from cobranza_desktop.ui.app import create_application, install_translations
from cobranza_desktop.ui.pages.aging_page import AgingPage
from tests.ui.conftest import start_app, stop_app
from tests.ui.test_reach_screenshots import aged_invoices
from tests.ui.ui_support import TODAY, OpenApp, OpenedDialogs

SIZE = (1366, 768)


def _book(app: OpenApp) -> None:
    s = app.services
    names = ("Distribuidora de Materiales para Construcción del Bajío", "Taller Ruiz")
    for n, name in enumerate(names):
        cid = s.customers.create(CustomerData(name=name, phone=f"55 1234 56{n}0")).id
        ages = ((120, "98500"), (75, "4500"), (45, "2800"), (20, "1200"))
        made = aged_invoices(app, cid, ages, tax="0")
        s.collection_tools.extend_due_date(
            made[1], TODAY + timedelta(days=20), "Espera el pago de su cliente"
        )
        s.disputes.mark(made[2], "Dice que no recibió la mercancía")
        s.payments.record(PaymentInput(cid, "1500.00", TODAY, "cash", allocations=()))


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_aging_table_fits_1366(
    qtbot: QtBot, tmp_path: Path, dialogs: OpenedDialogs, language: str
) -> None:
    app = create_application()
    install_translations(app, language)
    opened = start_app(qtbot, tmp_path, tmp_path / "prueba.sqlite", dialogs)
    try:
        opened.window.resize(*SIZE)
        _book(opened)
        page = opened.window.show_page("aging")
        assert isinstance(page, AgingPage)
        opened.settle()
        qtbot.waitUntil(lambda: page.report is not None, timeout=30_000)
        opened.settle()
        table, model = page.table, page.model
        last = model.columnCount() - 1
        view = table.viewport().width()
        header = table.horizontalHeader()
        metrics = header.fontMetrics()
        for column in range(model.columnCount()):
            title = str(model.headerData(column, Qt.Orientation.Horizontal))
            left = table.columnViewportPosition(column)
            assert left >= 0 and left + table.columnWidth(column) <= view, (column, title)
            assert table.columnWidth(column) >= metrics.horizontalAdvance(title), title
        assert table.columnWidth(0) >= 180  # the name keeps room to be read
        # The notes: short in the cell, whole in the tooltip.
        assert str(model.headerData(last, Qt.Orientation.Horizontal)) == (
            "Notas" if language == "es" else "Notes"
        )
        cell = model.index(0, last)
        brief, whole = str(cell.data()), str(cell.data(Qt.ItemDataRole.ToolTipRole))
        assert brief and len(brief) < len(whole)
        assert ("prorrogada" if language == "es" else "extended") in whole
        fits = metrics.horizontalAdvance(brief) <= table.columnWidth(last)
        assert fits, (brief, table.columnWidth(last))
        for column in range(1, last):  # amounts are never cut
            for row in range(model.rowCount()):
                text = str(model.index(row, column).data() or "")
                assert metrics.horizontalAdvance(text) < table.columnWidth(column), text
        shots = os.environ.get("COBRANZA_SCREENSHOTS")
        if shots:
            opened.settle()
            assert opened.window.grab().save(str(Path(shots) / f"aging-1366-{language}.png"))
    finally:
        install_translations(app, "es")
        stop_app(opened)
