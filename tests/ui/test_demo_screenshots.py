"""The default demo book as a newcomer first sees it, at 1366x768, es and en: Today on
a Monday, the customer list, and the file of the customer whose case went to the agency
(calls, promises, the status changes with their reasons).

Set COBRANZA_SCREENSHOTS=/some/dir to keep the PNGs and look at them.
"""

from __future__ import annotations

import os
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.customers import CustomerStatus
from cobranza_desktop.ui.app import create_application, install_translations
from cobranza_desktop.ui.pages.customers_page import CustomersPage
from cobranza_desktop.ui.pages.today_page import TodayPage
from tests.ui.conftest import start_app, stop_app
from tests.ui.test_file_menu_screens import grab, save
from tests.ui.ui_support import TODAY, OpenedDialogs

SIZE = (1366, 768)
MONDAY = TODAY + timedelta(days=(7 - TODAY.weekday()) % 7)


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_demo_at_first_sight(
    qtbot: QtBot, tmp_path: Path, dialogs: OpenedDialogs, language: str
) -> None:
    from cobranza_desktop.services.book.demo import build_demo_book
    from cobranza_desktop.storage.database import open_book

    directory = Path(os.environ.get("COBRANZA_SCREENSHOTS", tmp_path / "shots"))
    directory.mkdir(parents=True, exist_ok=True)
    path = tmp_path / "demo.sqlite"
    with open_book(path, create=True) as book:
        build_demo_book(book, FixedClock.on(MONDAY))  # the default: 40 customers, seed 7
    app = create_application()
    install_translations(app, language)
    opened = start_app(qtbot, tmp_path, path, dialogs, today=MONDAY)
    try:
        opened.window.resize(*SIZE)
        today = opened.window.show_page("today")
        assert isinstance(today, TodayPage)
        opened.settle()
        rows = [today.model.index(r, 0).data() for r in range(today.model.rowCount())]
        assert len(rows) >= 10
        save(grab(opened.window), directory, f"demo-today-{language}")
        items = opened.services.agenda.agenda(MONDAY).items
        stages = Counter(i.stage for i in items)
        assert stages["confirm_receipt"] <= len(items) // 3

        page = opened.window.show_page("customers")
        assert isinstance(page, CustomersPage)
        opened.settle()
        assert page.list.model.rowCount() > 10
        save(grab(opened.window), directory, f"demo-customers-{language}")

        people = opened.services.customers.list_page(limit=100)
        agency = next(c.id for c in people if c.status == CustomerStatus.AGENCY)
        page.open_customer(agency)
        opened.settle()
        save(grab(opened.window), directory, f"demo-customer-file-{language}")
        page.file.tabs.setCurrentIndex(2)  # the contact history
        opened.settle()
        save(grab(opened.window), directory, f"demo-customer-contacts-{language}")
    finally:
        stop_app(opened)
