from datetime import date
from pathlib import Path

from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from cobranza_desktop.services.workspace import Workspace
from cobranza_desktop.ui.main_window import MainWindow
from tests.factories import customer, invoice


def test_customer_list_with_balances_and_search(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    window = MainWindow(ws.customers, "libro.sqlite")
    qtbot.addWidget(window)
    assert window.stack.currentWidget() is window.empty  # empty state first
    a = customer(ws, "Abarrotes Zapata")
    customer(ws, "Botica Ávila")
    invoice(ws, a.id, "1000.00", issued=date(2026, 10, 1))
    window.refresh()
    assert window.model.rowCount() == 2
    assert window.model.index(0, 2).data() == "$1,160.00"
    qtbot.keyClicks(window.search, "botica")
    assert window.model.rowCount() == 1
    assert window.model.index(0, 0).data() == "Botica Ávila"
    assert "1 clientes" in window.status.text()
    window.show()
    shot = tmp_path / "first_window.png"
    window.grab().save(str(shot))
    image = window.grab().toImage()
    colours = {
        QColor(image.pixel(x, y)).name()
        for x in range(0, image.width(), 25)
        for y in range(0, image.height(), 25)
    }
    assert len(colours) > 2  # not a blank window
