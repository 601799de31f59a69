"""Screenshots of the office parts at 1366x768, in Spanish and English: the Users tab,
the contact timeline with its authors, and the connect dialog. None may be blank.

Set COBRANZA_SCREENSHOTS=/some/dir to keep the PNGs and look at them."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from cobranza_desktop.domain.access import Role
from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.collections.contacts import ContactInput
from cobranza_desktop.storage.database import open_book
from cobranza_desktop.ui.dialogs.connect_dialog import ConnectDialog
from cobranza_desktop.ui.main_window import MainWindow
from cobranza_desktop.ui.pages.customers_page import CustomersPage
from cobranza_desktop.ui.pages.settings_page import SettingsPage
from cobranza_desktop.ui.pages.users_settings import UsersSettingsPage
from tests.ui.test_ui_screenshots import distinct_colours
from tests.ui.ui_support import OpenApp


def save(widget: QWidget, directory: Path, name: str) -> None:
    image = widget.grab().toImage()
    assert image.save(str(directory / f"{name}.png"))
    assert distinct_colours(image) > 12, name


def show_users(window: MainWindow) -> UsersSettingsPage:
    page = window.show_page("settings")
    assert isinstance(page, SettingsPage)
    for index in range(page.tabs.count()):
        if isinstance(page.tabs.widget(index), UsersSettingsPage):
            page.tabs.setCurrentIndex(index)
            tab = page.tabs.widget(index)
            assert isinstance(tab, UsersSettingsPage)
            return tab
    raise AssertionError("no Users tab")


def test_office_screens(qtbot: QtBot, demo_app: OpenApp, tmp_path: Path) -> None:
    directory = Path(os.environ.get("COBRANZA_SCREENSHOTS", tmp_path / "shots"))
    directory.mkdir(parents=True, exist_ok=True)
    app = demo_app
    users = app.services.users
    users.add("carla", Role.COLLECTOR, "Carla Cobradora")
    users.add("contador", Role.READ_ONLY, "Despacho contable")
    customer_id = 1
    assert app.services.customers.get(customer_id).name
    other_book = open_book(app.controller.book_path, lock=False)
    other_book.act_as("carla")
    other = Workspace(other_book, FixedClock.on(app.clock.today()))
    try:
        other.contacts.log(
            ContactInput(
                customer_id,
                "phone",
                "promise",
                notes="Promete pagar el viernes",
                contacted_at=datetime(2026, 11, 20, 11, 30),
                promise_amount="500.00",
                promise_date=app.clock.today(),
                override_reason="seguimiento acordado",
            )
        )
    finally:
        other.close()

    for language in ("es", "en"):
        if language == "en":
            app.controller.change_language("en")
            app.settle()
        window = app.controller.window
        assert window is not None
        window.resize(1366, 768)
        tab = show_users(window)
        app.settle()
        assert len(tab.user_model.rows()) == 3
        save(window, directory, f"users-tab-{language}")

        page = window.show_page("customers")
        assert isinstance(page, CustomersPage)
        page.open_customer(customer_id)
        app.settle()
        page.file.tabs.setCurrentIndex(2)
        app.settle()
        authors = {c.author for c in page.file.contact_model.rows()}
        assert "Carla Cobradora" in authors
        save(window, directory, f"timeline-authors-{language}")

        app.controller.connect_server()
        dialog = app.last_dialog
        assert isinstance(dialog, ConnectDialog)
        dialog.host.setText("servidor.local")
        dialog.database.setText("cobranza")
        dialog.user.setText("carla")
        dialog.password.setText("secreta")
        dialog.result_label.setText(
            dialog.tr("Conexión correcta: el servidor le reconoce como %1.").replace("%1", "carla")
        )
        app.settle()
        save(dialog, directory, f"connect-dialog-{language}")
        dialog.reject()
    app.controller.change_language("es")  # the next tests start in Spanish again
    app.settle()
