"""The program follows the system's palette and font size: overdue amounts stay readable
on a dark theme and carry a marker besides their colour; at 150 % font size the buttons and
labels of every page are shown whole on a 1366x768 screen."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from cobranza_desktop.ui.colors import contrast
from cobranza_desktop.ui.pages.customer_list import OVERDUE_MARK
from cobranza_desktop.ui.pages.customers_page import CustomersPage
from cobranza_desktop.ui.widgets.elided_label import ElidedLabel
from tests.ui.test_ui_screenshots import PAGES
from tests.ui.ui_support import OpenApp


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.AlternateBase, "#262626"),
        (QPalette.ColorRole.Text, "#e6e6e6"),
        (QPalette.ColorRole.WindowText, "#e6e6e6"),
        (QPalette.ColorRole.Button, "#333333"),
        (QPalette.ColorRole.ButtonText, "#e6e6e6"),
        (QPalette.ColorRole.PlaceholderText, "#9a9a9a"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


@pytest.fixture
def restore_look() -> Iterator[QApplication]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    palette, font = app.palette(), app.font()
    yield app
    app.setPalette(palette)
    app.setFont(font)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_overdue_amounts_are_readable_and_marked(
    qtbot: QtBot, demo_app: OpenApp, restore_look: QApplication, theme: str
) -> None:
    if theme == "dark":
        restore_look.setPalette(dark_palette())
    page = demo_app.window.show_page("customers")
    assert isinstance(page, CustomersPage)
    demo_app.settle()
    model = page.list.model
    column = model.column_index("overdue")
    base = restore_look.palette().color(QPalette.ColorRole.Base)
    overdue = [r for r in range(model.rowCount()) if model.row_at(r).overdue > 0]
    assert overdue
    for row in overdue:
        cell = model.index(row, column)
        assert str(cell.data()).startswith(OVERDUE_MARK)
        colour = cell.data(Qt.ItemDataRole.ForegroundRole)
        assert isinstance(colour, QColor) and colour != restore_look.palette().color(
            QPalette.ColorRole.Text
        )
        assert contrast(colour, base) >= 4.5, (theme, colour.name(), base.name())


def _cut(widget: QWidget) -> list[str]:
    """Buttons and one-line labels narrower than their text needs."""
    cut = []
    for child in widget.findChildren(QWidget):
        if not child.isVisible() or child.width() <= 1:
            continue
        if isinstance(child, QAbstractButton) and child.text():
            if child.width() + 1 < child.sizeHint().width():
                cut.append(f"button {child.text()!r}: {child.width()} < {child.sizeHint().width()}")
        elif isinstance(child, ElidedLabel):
            if child.is_elided() and not child.full_tooltip().startswith(child.text()):
                cut.append(f"elided label {child.text()[:40]!r} without its tooltip")
        elif (
            isinstance(child, QLabel)
            and child.text()
            and not child.wordWrap()
            and child.pixmap().isNull()
            and child.width() + 1 < child.sizeHint().width()
        ):
            cut.append(f"label {child.text()[:40]!r}: {child.width()} < {child.sizeHint().width()}")
    return cut


def test_at_150_percent_font_size_nothing_is_cut(
    qtbot: QtBot, demo_app: OpenApp, restore_look: QApplication
) -> None:
    font = restore_look.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    restore_look.setFont(font)
    window = demo_app.window
    window.resize(1366, 768)
    found = {}
    for key in PAGES:
        window.show_page(key)
        demo_app.settle()
        cut = _cut(window)
        if cut:
            found[key] = cut
        hint = window.minimumSizeHint()
        assert hint.width() <= 1366 and hint.height() <= 768, (key, hint)
    page = window.show_page("customers")
    assert isinstance(page, CustomersPage)
    page.open_customer(demo_app.services.customers.list_page(limit=1)[0].id)
    demo_app.settle()
    for index in range(page.file.tabs.count()):
        page.file.tabs.setCurrentIndex(index)
        demo_app.settle()
        cut = _cut(window)
        if cut:
            found[f"file/{page.file.tabs.tabText(index)}"] = cut
    assert found == {}
