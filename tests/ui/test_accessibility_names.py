"""Every widget that Tab reaches, in each page and in the main dialogs, has a name a
screen reader can say (its text, its label's buddy, or an accessible name)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QDialog, QTabWidget
from pytestqt.qtbot import QtBot

from cobranza_desktop.ui.pages.customers_page import CustomersPage
from tests.ui.accessibility_support import unnamed
from tests.ui.test_ui_screenshots import PAGES
from tests.ui.ui_support import OpenApp


def test_every_page_names_what_tab_reaches(qtbot: QtBot, demo_app: OpenApp) -> None:
    window = demo_app.window
    missing: dict[str, list[str]] = {}
    for key in PAGES:
        page = window.show_page(key)
        demo_app.settle()
        tabs = page.findChildren(QTabWidget)
        screens = [(key, None)]
        for tab_widget in tabs:
            for index in range(tab_widget.count()):
                screens.append((f"{key}/{tab_widget.tabText(index)}", (tab_widget, index)))
        for name, where in screens:
            if where is not None:
                where[0].setCurrentIndex(where[1])
                demo_app.settle()
            found = unnamed(window)
            if found:
                missing[name] = found
    page = window.show_page("customers")
    assert isinstance(page, CustomersPage)
    page.open_customer(demo_app.services.customers.list_page(limit=1)[0].id)
    demo_app.settle()
    for index in range(page.file.tabs.count()):
        page.file.tabs.setCurrentIndex(index)
        demo_app.settle()
        found = unnamed(window)
        if found:
            missing[f"file/{page.file.tabs.tabText(index)}"] = found
    assert missing == {}


def test_every_dialog_names_what_tab_reaches(qtbot: QtBot, demo_app: OpenApp) -> None:
    window, commands = demo_app.window, demo_app.commands
    customer_id = demo_app.services.customers.list_page(limit=1)[0].id
    actions = {
        "new customer": lambda: commands.new_customer(window),
        "new invoice": lambda: commands.new_invoice(window, customer_id),
        "payment": lambda: commands.record_payment(window, customer_id),
        "composer": lambda: commands.compose_reminder(window, customer_id),
        "statement": lambda: commands.view_statement(window, customer_id),
    }
    missing: dict[str, list[str]] = {}
    for name, action in actions.items():
        before = len(demo_app.dialogs.opened)
        action()
        demo_app.settle()
        QApplication.processEvents()
        demo_app.settle()
        dialogs = [d for d in demo_app.dialogs.opened[before:] if isinstance(d, QDialog)]
        assert dialogs, name
        dialog = dialogs[-1]
        found = unnamed(dialog)
        if found:
            missing[name] = found
        dialog.reject()
        demo_app.settle()
    assert missing == {}
