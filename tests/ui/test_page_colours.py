"""The plans, subscriptions and messages pages draw their coloured rows (broken, kept,
paid, cancelled, failed, sent) in colours of ``ui/colors.py``, chosen for the palette in
use: each reads at 4.5:1 or better on the light palette and on a dark one."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from cobranza_desktop.services.billing.subscriptions import SubscriptionInput
from cobranza_desktop.services.messaging.outbox import EmailDraft
from cobranza_desktop.storage.database import open_book
from cobranza_desktop.ui.colors import contrast
from cobranza_desktop.ui.pages.messages_page import MessagesPage
from cobranza_desktop.ui.pages.plans_page import PlansPage
from cobranza_desktop.ui.pages.subscriptions_page import SubscriptionsPage
from cobranza_desktop.ui.tasks import TaskRunner
from tests.ui.test_messages_page import FlakySender, _outbox
from tests.ui.test_palette_and_font_size import dark_palette
from tests.ui.ui_support import OpenApp

PAGES_DIR = Path(__file__).resolve().parents[2] / "cobranza_desktop" / "ui" / "pages"


@pytest.fixture(params=["light", "dark"])
def theme(request: pytest.FixtureRequest) -> Iterator[str]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.palette()
    if request.param == "dark":
        app.setPalette(dark_palette())
    yield request.param
    app.setPalette(before)


def colours(model: QAbstractItemModel) -> set[str]:
    """The foreground colours the model gives its cells (as #rrggbbaa)."""
    found = set()
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            value = model.index(row, column).data(Qt.ItemDataRole.ForegroundRole)
            if isinstance(value, QBrush):
                value = value.color()
            if isinstance(value, QColor):
                found.add(value.name(QColor.NameFormat.HexArgb))
    return found


def unreadable(found: set[str]) -> list[str]:
    palette = QApplication.palette()
    base = palette.color(QPalette.ColorRole.Base)
    return [c for c in sorted(found) if contrast(QColor(c), base) < 4.5]


def test_plans_and_subscriptions_rows_read_on_either_palette(
    qtbot: QtBot, demo_app: OpenApp, theme: str
) -> None:
    app = demo_app
    s = app.services
    plans = app.window.show_page("plans")
    assert isinstance(plans, PlansPage)
    app.settle()
    promise = plans.promise_model
    qtbot.waitUntil(lambda: promise.rowCount() > 0)
    if not plans.schedule_model.rowCount():
        plans.table.selectRow(0)
        app.settle()
    found = {
        "promises": colours(promise),
        "schedule": colours(plans.schedule_model),
    }
    # A subscription cancelled, to be shown muted beside an active one.
    customer_id = s.customers.list_page(limit=1)[0].id
    made = [
        s.subscriptions.create(
            SubscriptionInput(customer_id, what, "350.00", "monthly", 5, date(2026, 1, 5))
        )
        for what in ("Internet 20 Mb", "Internet 50 Mb")
    ]
    s.subscriptions.cancel(made[0].id, date(2026, 6, 30), "Se mudó")
    subscriptions = app.window.show_page("subscriptions")
    assert isinstance(subscriptions, SubscriptionsPage)
    subscriptions.refresh()
    app.settle()
    qtbot.waitUntil(lambda: subscriptions.model.rowCount() >= 2)
    found["subscriptions"] = colours(subscriptions.model)
    # Broken and kept promises, a paid instalment, a cancelled subscription: each coloured.
    assert len(found["promises"]) >= 2 and found["schedule"] and found["subscriptions"], found
    assert {k: unreadable(v) for k, v in found.items() if unreadable(v)} == {}, theme


def test_failed_and_sent_messages_read_on_either_palette(
    qtbot: QtBot, tmp_path: Path, runner: TaskRunner, theme: str
) -> None:
    book = open_book(tmp_path / "libro.sqlite", create=True, now=datetime(2026, 11, 23, 9, 0))
    try:
        sender = FlakySender()
        outbox = _outbox(book, sender)
        for i, down in enumerate((True, False)):
            sender.down = down
            view, _ = outbox.queue_email(EmailDraft(f"k{i}", f"c{i}@example.com", "Aviso", "Hola"))
            outbox.send(view.id)
        page = MessagesPage(outbox, runner)
        qtbot.addWidget(page)
        page.show()
        page.tabs.setCurrentIndex(3)  # all of them
        qtbot.waitUntil(lambda: runner.wait_idle(0.05) and page.model.rowCount() == 2)
        found = colours(page.model)
        assert len(found) == 2, found  # failed and sent, apart
        assert unreadable(found) == [], theme
    finally:
        book.close()


def test_these_pages_write_no_colour_of_their_own() -> None:
    """A colour written in a page is the same on a dark theme: they come from colors.py."""
    literal = re.compile(r"QColor\(\s*[\"']|#[0-9a-fA-F]{6}\b|setStyleSheet\(")
    found = {
        name: literal.findall((PAGES_DIR / name).read_text(encoding="utf-8"))
        for name in ("plans_page.py", "subscriptions_page.py", "messages_page.py")
    }
    assert {k: v for k, v in found.items() if v} == {}
