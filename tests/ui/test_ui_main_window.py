"""The main window shell: navigation, empty states, shortcuts, remembered size and page."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from cobranza_desktop.ui.main_window import MainWindow, PageSpec
from cobranza_desktop.ui.tasks import TaskRunner
from cobranza_desktop.ui.widgets.empty_state import EmptyState
from tests.ui.ui_support import OpenApp


class FakeCustomers(QWidget):
    customer_requested = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.search = QLineEdit()
        self.opened: list[int] = []
        QVBoxLayout(self).addWidget(self.search)

    def focus_search(self) -> None:
        self.search.setFocus()

    def open_customer(self, customer_id: int) -> None:
        self.opened.append(customer_id)


class FakeAging(QWidget):
    customer_requested = Signal(int)


class Commands:
    def __init__(self) -> None:
        self.calls: list[str] = []

    def new_customer(self, parent: QWidget) -> None:
        self.calls.append("customer")

    def new_invoice(self, parent: QWidget, customer_id: int | None = None) -> None:
        self.calls.append("invoice")

    def record_payment(self, parent: QWidget, customer_id: int | None = None) -> None:
        self.calls.append("payment")


def pages(built: list[str]) -> list[PageSpec]:
    def factory(key: str, cls: type[QWidget]):  # type: ignore[no-untyped-def]
        def make() -> QWidget:
            built.append(key)
            return cls()

        return make

    return [
        # A page may show an empty state of its own (the window has no "coming soon" pages).
        PageSpec(
            "today",
            "Hoy",
            "today",
            lambda: EmptyState("Hoy", "Aquí verás las acciones de cobranza de hoy."),
        ),
        PageSpec("customers", "Clientes", "customers", factory("customers", FakeCustomers)),
        PageSpec("invoices", "Facturas", "invoices", factory("invoices", QLabel)),
        PageSpec("aging", "Antigüedad", "aging", factory("aging", FakeAging)),
    ]


def test_pages_are_built_when_first_shown_and_unbuilt_ones_say_so(
    qtbot: QtBot, runner: TaskRunner, ui_settings: QSettings
) -> None:
    built: list[str] = []
    window = MainWindow(pages(built), runner, ui_settings, Commands())
    qtbot.addWidget(window)
    assert window.current_key() == "today"
    assert built == []
    today = window.current_page()
    assert isinstance(today, EmptyState)
    assert "acciones de cobranza de hoy" in today.text_label.text()
    window.navigation.setCurrentRow(2)
    assert built == ["invoices"]
    assert window.stack.currentWidget() is window.page("invoices")


def test_shortcuts_reach_the_commands_and_search(
    qtbot: QtBot, runner: TaskRunner, ui_settings: QSettings
) -> None:
    commands = Commands()
    window = MainWindow(pages([]), runner, ui_settings, commands)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=30_000)
    for key in (Qt.Key.Key_N, Qt.Key.Key_I, Qt.Key.Key_P):
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
    assert commands.calls == ["customer", "invoice", "payment"]
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "customers"
    page = window.current_page()
    assert isinstance(page, FakeCustomers)
    qtbot.waitUntil(lambda: page.search.hasFocus(), timeout=30_000)


def test_a_page_can_ask_to_open_a_customer(
    qtbot: QtBot, runner: TaskRunner, ui_settings: QSettings
) -> None:
    window = MainWindow(pages([]), runner, ui_settings, Commands())
    qtbot.addWidget(window)
    aging = window.show_page("aging")
    assert isinstance(aging, FakeAging)
    aging.customer_requested.emit(42)
    assert window.current_key() == "customers"
    customers = window.current_page()
    assert isinstance(customers, FakeCustomers) and customers.opened == [42]


def test_the_window_remembers_its_size_and_last_page(
    qtbot: QtBot, runner: TaskRunner, ui_settings: QSettings
) -> None:
    window = MainWindow(pages([]), runner, ui_settings, Commands())
    qtbot.addWidget(window)
    window.show()
    window.resize(720, 520)
    window.show_page("invoices")
    window.close()
    again = MainWindow(pages([]), runner, ui_settings, Commands())
    qtbot.addWidget(again)
    assert again.current_key() == "invoices"
    assert (again.width(), again.height()) == (720, 520)


def test_errors_are_shown_as_a_message(
    qtbot: QtBot, runner: TaskRunner, ui_settings: QSettings
) -> None:
    window = MainWindow(pages([]), runner, ui_settings, Commands())
    qtbot.addWidget(window)

    def boom(ctx: object) -> None:
        raise RuntimeError("secret internals")

    runner.query(boom).run()
    assert runner.wait_idle(30)
    assert window.last_error is not None and "secret" not in window.last_error


def test_language_switch_rebuilds_the_window_in_english(open_app: OpenApp) -> None:
    controller = open_app.controller
    old = controller.window
    try:
        controller.change_language("en")
        window = controller.window
        assert window is not None and window is not old
        titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
        assert titles[:5] == ["Today", "Customers", "Invoices", "Payments", "Aging"]
        assert window.action_record_payment.text().replace("&", "") == "Record payment"
        assert controller.settings.value("ui/language") == "en"
    finally:
        controller.change_language("es")
    window = controller.window
    assert window is not None
    assert window.navigation.item(1).text() == "Clientes"


def test_the_book_name_and_program_name_appear_once_in_the_title(open_app: OpenApp) -> None:
    """Qt appends the display name itself: «demo.sqlite — Cobranza Desktop», once."""
    window = open_app.window
    before = QApplication.applicationDisplayName()
    QApplication.setApplicationDisplayName("Cobranza Desktop")
    try:
        window.set_book_name("demo.sqlite")
        assert window.windowTitle() == "demo.sqlite"
    finally:
        QApplication.setApplicationDisplayName(before)
    window.set_book_name("demo.sqlite")
    assert window.windowTitle().count("Cobranza Desktop") == 1


def test_the_messages_page_has_its_title(open_app: OpenApp) -> None:
    page = open_app.window.show_page("messages")
    open_app.settle()
    assert page.title.text() == "Mensajes"
    assert page.title.objectName() == "pageTitle"
