"""The main window: navigation on the left, one page at a time on the right.

The window knows nothing about customers or invoices. It receives a list of
:class:`PageSpec` (key, title, icon, widget factory) and builds each page the first
time it is shown, so start-up costs only the page that opens.

Pages may offer, by duck typing:

* ``activate()``: called each time the page is shown;
* ``show_home()``: called when the user clicks the page's item in the navigation (the
  customer list rather than the last file);
* ``focus_search()``: Ctrl+F puts the cursor in the page's search box;
* a ``customer_requested(int)`` signal: the window opens that customer's file
  in the page whose key is ``"customers"`` (its ``open_customer(id)``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QWidget,
)

from cobranza_desktop.ui.accessibility import name_widgets, named
from cobranza_desktop.ui.book_menu import BookActions, BookMenu
from cobranza_desktop.ui.screen_fit import resize_to_fit
from cobranza_desktop.ui.style import icon
from cobranza_desktop.ui.tasks import TaskRunner
from cobranza_desktop.ui.widgets.empty_state import EmptyState

GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"
PAGE_KEY = "window/page"


@dataclass(frozen=True)
class PageSpec:
    """One entry of the navigation: the page is built by ``factory`` when first shown."""

    key: str
    title: str
    icon: str
    factory: Callable[[], QWidget]


class WindowCommands(Protocol):
    """The frequent actions behind the toolbar and the shortcuts."""

    def new_customer(self, parent: QWidget) -> None: ...

    def new_invoice(self, parent: QWidget, customer_id: int | None = None) -> None: ...

    def record_payment(self, parent: QWidget, customer_id: int | None = None) -> None: ...


class WindowActions(BookActions, Protocol):
    """The book's life (Archivo) and Ayuda → Acerca de, done by the application."""

    def show_about(self) -> None: ...


class MainWindow(QMainWindow):
    def __init__(
        self,
        pages: Sequence[PageSpec],
        runner: TaskRunner,
        settings: QSettings,
        commands: WindowCommands | None = None,
        book_name: str = "",
        parent: QWidget | None = None,
        *,
        ready: bool = True,
        book_actions: WindowActions | None = None,
    ) -> None:
        super().__init__(parent)
        self._book_actions = book_actions
        self.book_menu: BookMenu | None = None
        self.doors: QWidget | None = None
        # Not ready: the book is still opening on the worker; pages wait for set_ready().
        self._ready = ready
        self._specs = list(pages)
        self._runner = runner
        self._settings = settings
        self._commands = commands
        self._widgets: dict[str, QWidget] = {}
        self._placeholders: dict[str, QWidget] = {}
        self.last_error: str | None = None
        self._progress_task: int | None = None

        self.set_book_name(book_name)
        self.setWindowIcon(icon("cobranza"))

        self.navigation = QListWidget()
        named(self.navigation, self.tr("Navegación"))
        self.navigation.setObjectName("navigation")
        self.navigation.setIconSize(QSize(22, 22))
        self.navigation.setFixedWidth(196)
        self.navigation.setFrameShape(QListWidget.Shape.NoFrame)
        self.navigation.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack = QStackedWidget()
        self._loading = EmptyState(self.tr("Abriendo el libro…"), book_name, icon("cobranza"))
        self._loading.setVisible(not ready)
        self.stack.addWidget(self._loading)
        for spec in self._specs:
            item = QListWidgetItem(icon(spec.icon), spec.title)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setSizeHint(QSize(180, 40))
            self.navigation.addItem(item)
            placeholder = QWidget()
            self._placeholders[spec.key] = placeholder
            self.stack.addWidget(placeholder)
        self.navigation.currentRowChanged.connect(self._show_row)
        # A click (or Enter) on a page's item shows that page's start: the customer list,
        # not the last file opened; a second click on Clientes goes back to the list.
        self.navigation.itemClicked.connect(self._go_home)
        self.navigation.itemActivated.connect(self._go_home)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._build_actions()
        self._build_status_bar()
        runner.error.connect(self.show_error)
        runner.progress_started.connect(self._progress_started)
        runner.progress_changed.connect(self._progress_changed)
        runner.progress_finished.connect(self._progress_finished)

        self._restore()

    # -- actions, toolbar and shortcuts ----------------------------------------------

    def _build_actions(self) -> None:
        self.action_new_customer = QAction(icon("customers"), self.tr("Nuevo c&liente"), self)
        self.action_new_customer.setShortcut(QKeySequence("Ctrl+N"))
        self.action_new_customer.triggered.connect(self._new_customer)
        self.action_new_invoice = QAction(icon("invoices"), self.tr("Nueva &factura"), self)
        self.action_new_invoice.setShortcut(QKeySequence("Ctrl+I"))
        self.action_new_invoice.triggered.connect(self._new_invoice)
        self.action_record_payment = QAction(icon("payments"), self.tr("Registrar &pago"), self)
        self.action_record_payment.setShortcut(QKeySequence("Ctrl+P"))
        self.action_record_payment.triggered.connect(self._record_payment)
        self.action_search = QAction(self.tr("B&uscar"), self)
        self.action_search.setShortcut(QKeySequence("Ctrl+F"))
        self.action_search.triggered.connect(self.focus_search)
        self.action_quit = QAction(self.tr("&Salir"), self)
        self.action_quit.setShortcut(QKeySequence("Ctrl+Q"))
        self.action_quit.triggered.connect(self.close)
        for action in (
            self.action_new_customer,
            self.action_new_invoice,
            self.action_record_payment,
        ):
            plain = action.text().replace("&", "")
            action.setToolTip(f"{plain} ({action.shortcut().toString()})")
            action.setEnabled(self._commands is not None and self._ready)

        # Shortcuts work wherever the focus is in the window, menus open or not.
        self.addActions(
            [
                self.action_new_customer,
                self.action_new_invoice,
                self.action_record_payment,
                self.action_search,
                self.action_quit,
            ]
        )
        menu = self.menuBar().addMenu(self.tr("&Archivo"))
        self.file_menu = menu
        if self._book_actions is not None:
            self.book_menu = BookMenu(
                menu, self._book_actions, self._settings, self, book_open=self._ready
            )
        menu.addAction(self.action_new_customer)
        menu.addAction(self.action_new_invoice)
        menu.addAction(self.action_record_payment)
        menu.addSeparator()
        menu.addAction(self.action_search)
        menu.addSeparator()
        menu.addAction(self.action_quit)
        go = self.menuBar().addMenu(self.tr("&Ir a"))
        for number, spec in enumerate(self._specs, start=1):
            # Ten pages: the tenth is "0", the last digit key.
            digit = number % 10
            text = f"&{digit} {spec.title}" if number <= 10 else spec.title
            action = QAction(icon(spec.icon), text, self)
            if number <= 10:
                action.setShortcut(QKeySequence(f"Ctrl+{digit}"))
            action.triggered.connect(lambda _=False, key=spec.key: self.show_page(key))
            go.addAction(action)
        self.go_menu = go
        if self._book_actions is not None:
            actions = self._book_actions
            help_menu = self.menuBar().addMenu(self.tr("A&yuda"))
            self.action_about = QAction(self.tr("&Acerca de Cobranza Desktop"), self)
            self.action_about.triggered.connect(lambda: actions.show_about())
            help_menu.addAction(self.action_about)
            self.help_menu = help_menu

        toolbar = QToolBar(self.tr("Acciones"))
        toolbar.setObjectName("actions")
        toolbar.setMovable(False)
        toolbar.setFloatable(False)
        toolbar.setIconSize(QSize(20, 20))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addAction(self.action_new_customer)
        toolbar.addAction(self.action_new_invoice)
        toolbar.addAction(self.action_record_payment)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        self.toolbar = toolbar

    def set_ready(self, commands: WindowCommands | None = None) -> None:
        """The book is open: enable the actions and build the page on screen."""
        if commands is not None:
            self._commands = commands
        self._ready = True
        for action in (
            self.action_new_customer,
            self.action_new_invoice,
            self.action_record_payment,
        ):
            action.setEnabled(self._commands is not None)
        self._loading.setVisible(False)
        if self.book_menu is not None:
            self.book_menu.set_book_open(True)
        row = self.navigation.currentRow()
        if row >= 0:
            self._show_row(row)

    def set_book_name(self, book_name: str) -> None:
        # Qt appends the application's display name itself («demo.sqlite — Cobranza
        # Desktop»); adding it here too printed it twice.
        title = self.tr("Cobranza Desktop")
        if book_name and QApplication.applicationDisplayName() == title:
            self.setWindowTitle(book_name)
        else:
            self.setWindowTitle(f"{title} — {book_name}" if book_name else title)

    def is_ready(self) -> bool:
        return self._ready

    def show_doors(self, doors: QWidget) -> None:
        """No book yet: the first-start doors take the place of the pages."""
        self.doors = doors
        self.stack.addWidget(doors)
        self.stack.setCurrentWidget(doors)
        self.navigation.setVisible(False)
        self.toolbar.setVisible(False)
        self.go_menu.menuAction().setVisible(False)

    def _new_customer(self) -> None:
        if self._commands is not None:
            self._commands.new_customer(self)

    def _new_invoice(self) -> None:
        if self._commands is not None:
            self._commands.new_invoice(self, self._current_customer_id())

    def _record_payment(self) -> None:
        if self._commands is not None:
            self._commands.record_payment(self, self._current_customer_id())

    def _current_customer_id(self) -> int | None:
        page = self.current_page()
        getter = getattr(page, "current_customer_id", None)
        if callable(getter):
            value = getter()
            return value if isinstance(value, int) else None
        return None

    def focus_search(self) -> None:
        """Ctrl+F: the current page's search box, or the customer list's."""
        page = self.current_page()
        if not callable(getattr(page, "focus_search", None)):
            if not any(spec.key == "customers" for spec in self._specs):
                return
            self.show_page("customers")
            page = self.current_page()
        focus = getattr(page, "focus_search", None)
        if callable(focus):
            focus()

    # -- status bar: progress of long work and its cancel button ---------------------

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self._progress_label = QLabel()
        self._progress_bar = QProgressBar()
        self._progress_bar.setMaximumWidth(220)
        self._progress_bar.setRange(0, 1000)
        self._progress_bar.setTextVisible(False)
        self._cancel_button = QToolButton()
        self._cancel_button.setText(self.tr("Cancelar"))
        self._cancel_button.clicked.connect(self._cancel_progress)
        for widget in (self._progress_label, self._progress_bar, self._cancel_button):
            widget.setVisible(False)
            bar.addPermanentWidget(widget)

    def _progress_started(self, task_id: int, description: str) -> None:
        self._progress_task = task_id
        self._progress_label.setText(description)
        self._progress_bar.setValue(0)
        for widget in (self._progress_label, self._progress_bar, self._cancel_button):
            widget.setVisible(True)

    def _progress_changed(self, task_id: int, fraction: float) -> None:
        if task_id == self._progress_task:
            self._progress_bar.setValue(int(fraction * 1000))

    def _progress_finished(self, task_id: int) -> None:
        if task_id == self._progress_task:
            self._progress_task = None
            for widget in (self._progress_label, self._progress_bar, self._cancel_button):
                widget.setVisible(False)

    def _cancel_progress(self) -> None:
        if self._progress_task is not None:
            self._runner.cancel(self._progress_task)

    def show_error(self, message: str) -> None:
        """A clear, non-blocking message box; never a traceback."""
        self.last_error = message
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("No se pudo completar"), message, parent=self
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # -- pages -------------------------------------------------------------------------

    def page_keys(self) -> list[str]:
        return [spec.key for spec in self._specs]

    def current_key(self) -> str | None:
        row = self.navigation.currentRow()
        return self._specs[row].key if 0 <= row < len(self._specs) else None

    def current_page(self) -> QWidget | None:
        key = self.current_key()
        return self._widgets.get(key) if key else None

    def page(self, key: str) -> QWidget:
        """The page widget for ``key``, built now if it was not yet (only once ready)."""
        widget = self._widgets.get(key)
        if widget is None:
            widget = self._build_page(key)
        return widget

    def show_page(self, key: str) -> QWidget:
        keys = self.page_keys()
        if key not in keys:
            raise KeyError(key)
        self.navigation.setCurrentRow(keys.index(key))
        return self.page(key) if self._ready else self._loading

    def open_customer(self, customer_id: int) -> None:
        page = self.show_page("customers")
        opener = getattr(page, "open_customer", None)
        if callable(opener):
            opener(customer_id)

    def _build_page(self, key: str) -> QWidget:
        spec = next(s for s in self._specs if s.key == key)
        widget = spec.factory()
        name_widgets(widget)  # fields in boxes, search boxes: named for a screen reader
        signal = getattr(widget, "customer_requested", None)
        if signal is not None and hasattr(signal, "connect"):
            signal.connect(self.open_customer)
        placeholder = self._placeholders.pop(key)
        index = self.stack.indexOf(placeholder)
        self.stack.insertWidget(index, widget)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        self._widgets[key] = widget
        return widget

    def _show_row(self, row: int) -> None:
        if not 0 <= row < len(self._specs):
            return
        key = self._specs[row].key
        self._settings.setValue(PAGE_KEY, key)
        if not self._ready:
            self.stack.setCurrentWidget(self._loading)
            return
        widget = self.page(key)
        self.stack.setCurrentWidget(widget)
        activate = getattr(widget, "activate", None)
        if callable(activate):
            activate()

    def _go_home(self, item: QListWidgetItem) -> None:
        key = item.data(Qt.ItemDataRole.UserRole)
        if not self._ready or key not in self._widgets:
            return
        home = getattr(self._widgets[key], "show_home", None)
        if callable(home):
            home()

    # -- remembering size and page ---------------------------------------------------

    def _restore(self) -> None:
        geometry = self._settings.value(GEOMETRY_KEY)
        if isinstance(geometry, QByteArray | bytes) and self.restoreGeometry(geometry):
            pass  # a saved size larger than this screen is cut down when shown (screen_fit)
        else:
            resize_to_fit(self, 1180, 760)
        key = self._settings.value(PAGE_KEY)
        keys = self.page_keys()
        start = str(key) if key in keys else (keys[0] if keys else None)
        if start is not None:
            # Only this page is built now: its data arrives from the worker thread.
            self.show_page(start)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        key = self.current_key()
        if key is not None:
            self._settings.setValue(PAGE_KEY, key)
        self._settings.sync()
        super().closeEvent(event)
