"""Screenshots of the first-impression screens at 1366x768 and 1920x1080, es and en.

The customer list, a customer's file, the composer, the PDF preview, Today and Settings.
Set COBRANZA_SCREENSHOTS=/some/dir to keep the PNGs and look at them. Each image must
draw something, and in English the Spanish page titles must not show.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.ui.app import create_application, install_translations
from cobranza_desktop.ui.pages.customers_page import CustomersPage
from tests.ui.conftest import start_app, stop_app
from tests.ui.test_file_menu_screens import grab, save
from tests.ui.test_ui_screenshots import distinct_colours
from tests.ui.ui_support import TODAY, OpenApp, OpenedDialogs

SIZES = {"1366x768": (1366, 768), "1920x1080": (1920, 1080)}


@pytest.fixture(params=["es", "en"])
def demo_in(
    request: pytest.FixtureRequest, qtbot: QtBot, tmp_path: Path, dialogs: OpenedDialogs
) -> Iterator[tuple[OpenApp, str]]:
    from cobranza_desktop.services.book.demo import build_demo_book
    from cobranza_desktop.storage.database import open_book

    language: str = request.param
    app = create_application()
    install_translations(app, language)
    path = tmp_path / "demo.sqlite"
    with open_book(path, create=True) as book:
        build_demo_book(book, FixedClock.on(TODAY), customers=15, seed=3)
    opened = start_app(qtbot, tmp_path, path, dialogs)
    try:
        yield opened, language
    finally:
        install_translations(app, "es")
        stop_app(opened)


def _dialog_opened(app: OpenApp, before: int) -> QDialog:
    app.settle()
    QApplication.processEvents()
    app.settle()
    found = [d for d in app.dialogs.opened[before:] if isinstance(d, QDialog)]
    assert found, "no dialog opened"
    return found[-1]


def _fit(widget: QWidget, size: tuple[int, int]) -> None:
    widget.resize(min(widget.width(), size[0]), min(widget.height(), size[1]))


def test_first_look_screens(qtbot: QtBot, demo_in: tuple[OpenApp, str], directory: Path) -> None:
    app, language = demo_in
    window = app.window
    customer_id = app.services.customers.list_page(limit=1)[0].id
    for label, size in SIZES.items():
        window.resize(*size)
        for key in ("customers", "today", "settings", "indicators"):
            shown = window.show_page(key)
            app.settle()
            waiting = getattr(shown, "show_waiting", None)
            if waiting is not None and not waiting.isChecked():
                waiting.setChecked(True)  # TODAY is a Sunday: show what waits
                app.settle()
            save(grab(window), directory, f"{key}-{label}-{language}")
        page = window.show_page("customers")
        assert isinstance(page, CustomersPage)
        page.open_customer(customer_id)
        app.settle()
        save(grab(window), directory, f"customer-file-{label}-{language}")
        page.show_list()
        for name, action in (
            ("composer", lambda: app.commands.compose_reminder(window, customer_id)),
            ("pdf-preview", lambda: app.commands.view_statement(window, customer_id)),
        ):
            before = len(app.dialogs.opened)
            action()
            dialog = _dialog_opened(app, before)
            _fit(dialog, size)
            app.settle()
            # The PDF view draws its pages on a thread of its own: wait for the ink.
            qtbot.waitUntil(lambda d=dialog: distinct_colours(grab(d), step=5) > 20, timeout=15000)
            save(grab(dialog), directory, f"{name}-{label}-{language}")
            dialog.reject()
            app.settle()
