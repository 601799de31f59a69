"""In English the figures are longer ("MX$44,098.85", "11/20/2026 11:00 AM"): the customer
list, Today and the contact history show them whole, not cut with an ellipsis."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.contact_policy import Outcome
from cobranza_desktop.domain.customers import Channel
from cobranza_desktop.services.collections.contacts import ContactInput
from cobranza_desktop.ui.app import create_application, install_translations
from cobranza_desktop.ui.pages.customers_page import CustomersPage
from cobranza_desktop.ui.pages.today_page import TodayPage
from cobranza_desktop.ui.tasks import OpChanges
from tests.ui.conftest import start_app, stop_app
from tests.ui.ui_support import TODAY, OpenApp, OpenedDialogs


@pytest.fixture
def english_demo(qtbot: QtBot, tmp_path: Path, dialogs: OpenedDialogs) -> Iterator[OpenApp]:
    from cobranza_desktop.services.book.demo import build_demo_book
    from cobranza_desktop.storage.database import open_book

    app = create_application()
    install_translations(app, "en")
    path = tmp_path / "demo.sqlite"
    with open_book(path, create=True) as book:
        build_demo_book(book, FixedClock.on(TODAY), customers=15, seed=3)
    opened = start_app(qtbot, tmp_path, path, dialogs)
    opened.window.resize(1366, 768)
    try:
        yield opened
    finally:
        install_translations(app, "es")
        stop_app(opened)


def cut_cells(view: QTableView, columns: list[int]) -> list[str]:
    """The cells of ``columns`` whose text is wider than the column shows."""
    model: QAbstractItemModel = view.model()
    metrics = view.fontMetrics()
    cut = []
    for row in range(model.rowCount()):
        for column in columns:
            text = str(model.index(row, column).data() or "")
            if metrics.horizontalAdvance(text) + 8 > view.columnWidth(column):
                cut.append(text)
    return cut


def test_amounts_actions_and_times_show_whole_in_english(
    qtbot: QtBot, english_demo: OpenApp
) -> None:
    app = english_demo
    page = app.window.show_page("customers")
    assert isinstance(page, CustomersPage)
    app.settle()
    assert page.list.model.headerData(2, Qt.Orientation.Horizontal) == "Balance"
    assert cut_cells(page.list.table, [1, 2, 3, 4]) == []
    assert any(
        str(page.list.model.index(r, 2).data()).startswith("MX$")
        for r in range(page.list.model.rowCount())
    )

    today = app.window.show_page("today")
    assert isinstance(today, TodayPage)
    today.show_waiting.setChecked(True)  # TODAY is a Sunday: everything waits
    app.settle()
    assert today.model.rowCount() > 0
    assert cut_cells(today.table, [1, 2]) == []

    customer = app.services.customers.list_page(limit=1)[0]
    app.services.contacts.log(
        ContactInput(
            customer.id,
            Channel.PHONE,
            Outcome.NO_ANSWER,
            next_action_date=date(2026, 11, 25),
            contacted_at=datetime(2026, 11, 20, 11, 0),
        )
    )
    app.runner.data_changed.emit(OpChanges.everything())
    page = app.window.show_page("customers")
    assert isinstance(page, CustomersPage)
    page.open_customer(customer.id)
    app.settle()
    table = page.file.contact_table
    qtbot.waitUntil(lambda: table.model().rowCount() > 0)
    assert "AM" in str(table.model().index(0, 0).data())
    assert cut_cells(table, [0]) == []
