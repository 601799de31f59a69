"""On a 1366x768 laptop screen, every page fits the main window and no window or dialog
is larger than the screen or leaves it (ui/screen_fit.py).

The offscreen platform gets two virtual screens (tests/screens.json): a 1920x1080
desktop and, to its right, the 1366x768 laptop the windows are moved to here.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from cobranza_desktop.ui.screen_fit import fit_window
from tests.ui.test_ui_screenshots import PAGES
from tests.ui.ui_support import OpenApp


def laptop() -> QScreen:
    screens = {s.name(): s for s in QGuiApplication.screens()}
    assert "laptop" in screens, "tests/screens.json is not in use"
    screen = screens["laptop"]
    assert (screen.geometry().width(), screen.geometry().height()) == (1366, 768)
    return screen


def inside(window: QWidget, area: QRect) -> bool:
    return area.contains(window.frameGeometry())


def move_to_laptop(qtbot: QtBot, window: QWidget, width: int, height: int) -> QRect:
    screen = laptop()
    area = screen.availableGeometry()
    window.hide()
    window.setScreen(screen)
    window.setGeometry(area.x() + 200, area.y() + 150, width, height)
    window.show()
    qtbot.waitUntil(lambda: window.isVisible() and window.screen() is screen)
    fit_window(window)  # as the screenChanged signal does when a window is dragged over
    return area


def test_a_saved_size_larger_than_the_screen_is_cut_down(qtbot: QtBot, demo_app: OpenApp) -> None:
    window = demo_app.window
    # The size that long names once pushed the window to (1442 px), saved and restored.
    area = move_to_laptop(qtbot, window, 1442, 900)
    assert window.width() <= area.width() and window.height() <= area.height()
    assert inside(window, area)
    assert window.maximumWidth() <= area.width()


def test_every_page_fits_the_laptop_screen(qtbot: QtBot, demo_app: OpenApp) -> None:
    window = demo_app.window
    area = move_to_laptop(qtbot, window, 1180, 760)
    too_big = {}
    for key in PAGES:
        window.show_page(key)
        demo_app.settle()
        hint = window.minimumSizeHint()
        if hint.width() > area.width() or hint.height() > area.height():
            too_big[key] = (hint.width(), hint.height())
        assert inside(window, area), key
    assert too_big == {}


def _open_dialogs(demo_app: OpenApp) -> list[QDialog]:
    window = demo_app.window
    commands = demo_app.commands
    customer_id = demo_app.services.customers.list_page(limit=1)[0].id
    actions = [
        lambda: commands.new_customer(window),
        lambda: commands.new_invoice(window, customer_id),
        lambda: commands.record_payment(window, customer_id),
        lambda: commands.compose_reminder(window, customer_id),
        lambda: commands.view_statement(window, customer_id),
    ]
    opened = []
    for action in actions:
        before = len(demo_app.dialogs.opened)
        action()
        demo_app.settle()
        QApplication.processEvents()
        opened += [d for d in demo_app.dialogs.opened[before:] if isinstance(d, QDialog)]
    return opened


def test_no_dialog_is_larger_than_the_laptop_screen(qtbot: QtBot, demo_app: OpenApp) -> None:
    area = move_to_laptop(qtbot, demo_app.window, 1180, 760)
    dialogs = _open_dialogs(demo_app)
    names = {type(d).__name__ for d in dialogs}
    # The customer form, the invoice editor, the payment dialog, the composer and the
    # PDF preview (820x960 asked for) at least.
    assert len(names) >= 5, names
    misfits = {}
    for dialog in dialogs:
        dialog.hide()
        dialog.setScreen(laptop())
        dialog.move(area.x() + 100, area.y() + 50)
        dialog.show()
        qtbot.waitUntil(dialog.isVisible)
        if not inside(dialog, area) or dialog.minimumSizeHint().height() > area.height():
            misfits[type(dialog).__name__] = (dialog.frameGeometry(), dialog.minimumSizeHint())
        dialog.reject()
    assert misfits == {}
