"""The application bootstrap: QApplication, language, translations, icons and settings.

Spanish (es-MX) is the source language of every string in the interface; English
comes from ``resources/translations/cobranza_en.qm`` (made with pyside6-lupdate and
pyside6-lrelease, see ``resources/translations/README.md``).
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication, QWidget

from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.i18n import DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES, set_language

if TYPE_CHECKING:
    from cobranza_desktop.services.book.workspace import Workspace
    from cobranza_desktop.ui.commands import AppCommands
    from cobranza_desktop.ui.context import UiContext
    from cobranza_desktop.ui.main_window import MainWindow
    from cobranza_desktop.ui.tasks import TaskRunner

ORGANIZATION = "Cobranza Desktop"
APPLICATION = "cobranza"
DISPLAY_NAME = "Cobranza Desktop"

LANGUAGE_KEY = "ui/language"

_translators: list[QTranslator] = []


def resources_dir() -> Path:
    """``resources/`` next to the package (source tree) or bundled by PyInstaller."""
    bundled = getattr(sys, "_MEIPASS", None)
    if bundled:
        return Path(bundled) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


@cache
def icon(name: str) -> QIcon:
    """An icon from ``resources/icons`` (SVG), or an empty icon if it is missing."""
    path = resources_dir() / "icons" / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()


def ui_settings() -> QSettings:
    """Window geometry, last page and language. Under ``$COBRANZA_HOME`` when it is set."""
    home = os.environ.get("COBRANZA_HOME")
    if home:
        return QSettings(str(Path(home) / "cobranza-ui.ini"), QSettings.Format.IniFormat)
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )


def normalize_language(language: str | None) -> str:
    code = (language or "").split("_")[0].split("-")[0].lower()
    return code if code in SUPPORTED_LANGUAGES else DEFAULT_LANGUAGE


def saved_language(settings: QSettings) -> str:
    value = settings.value(LANGUAGE_KEY, DEFAULT_LANGUAGE)
    return normalize_language(str(value) if value else None)


def install_translations(app: QApplication, language: str) -> str:
    """Load the interface language (replacing any loaded before) and return its code.

    Spanish needs no translation of our strings, only Qt's own (buttons of standard
    dialogs); English loads ``cobranza_en.qm``.
    """
    language = normalize_language(language)
    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_translator = QTranslator(app)
    if qt_translator.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_translator)
        _translators.append(qt_translator)
    if language != "es":
        ours = QTranslator(app)
        if ours.load(f"cobranza_{language}", str(resources_dir() / "translations")):
            app.installTranslator(ours)
            _translators.append(ours)
    set_language(language)
    QLocale.setDefault(QLocale("es_MX" if language == "es" else "en_US"))
    return language


STYLESHEET = """
QListWidget#navigation {
    background: palette(window);
    border: none;
    border-right: 1px solid palette(mid);
    padding-top: 8px;
    outline: 0;
}
QListWidget#navigation::item {
    padding: 8px 10px;
    margin: 1px 8px;
    border-radius: 6px;
}
QListWidget#navigation::item:selected {
    background: palette(highlight);
    color: palette(highlighted-text);
}
QLabel#pageTitle { font-size: 17pt; font-weight: 600; }
QLabel#emptyTitle { font-size: 14pt; font-weight: 600; color: palette(text); }
QLabel#emptyText { color: palette(placeholder-text); font-size: 11pt; }
QLabel#statusLine { color: palette(placeholder-text); }
QLabel#fieldError { color: #b3261e; }
QLineEdit[invalid="true"], QDateEdit[invalid="true"], QComboBox[invalid="true"] {
    border: 1.5px solid #b3261e; border-radius: 3px; background: #fdf1f0;
}
QFrame#card {
    border: 1px solid palette(mid); border-radius: 8px; background: palette(base);
}
QLabel#cardCaption { color: palette(placeholder-text); }
QLabel#cardValue { font-size: 15pt; font-weight: 600; }
"""


def create_application(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication (created once), with names, icon, font and a calm style sheet."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        apply_look(existing)
        return existing
    QApplication.setOrganizationName(ORGANIZATION)
    QApplication.setApplicationName(APPLICATION)
    QApplication.setApplicationDisplayName(DISPLAY_NAME)
    app = QApplication(list(argv) if argv is not None else [sys.argv[0]])
    apply_look(app)
    return app


def apply_look(app: QApplication) -> None:
    """Icon, a readable font size and the calm style sheet (idempotent)."""
    if app.property("cobranza_look"):
        return
    app.setProperty("cobranza_look", True)
    app.setWindowIcon(icon("cobranza"))
    if sys.platform.startswith("linux") and app.style().name().lower() == "windows":
        app.setStyle("Fusion")
    font = app.font()
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
        app.setFont(font)
    app.setStyleSheet(STYLESHEET)


def bold(font: QFont) -> QFont:
    result = QFont(font)
    result.setBold(True)
    return result


class Application:
    """Holds what lives as long as the program: the services, the worker, the window.

    The window is shown first; the book opens on the database worker meanwhile (a big
    book takes a moment to check), and the pages appear when it is ready.
    Changing the language rebuilds the window (same page, same size) with the new
    translations, instead of asking for a restart.
    """

    def __init__(
        self,
        app: QApplication,
        runner: TaskRunner,
        settings: QSettings,
        language: str,
        book_name: str = "",
    ) -> None:
        self.app = app
        self.runner = runner
        self.settings = settings
        self.language = language
        self.book_name = book_name
        self.context: UiContext | None = None
        self.commands: AppCommands | None = None
        self.window: MainWindow | None = None
        self._close_book: Callable[[], None] | None = None
        # Plug-ins from other features (set before the window is built).
        self.settings_tabs: list[tuple[str, Callable[[], QWidget]]] = []
        self.reminder_composer: Callable[[QWidget, int], None] | None = None
        self.statement_viewer: Callable[[QWidget, int], None] | None = None

    def set_context(self, context: UiContext, close: Callable[[], None] | None = None) -> None:
        """The book is open: build the commands and let the window show its pages."""
        from cobranza_desktop.ui.commands import AppCommands
        from cobranza_desktop.ui.features import (
            add_collection_menu,
            document_actions,
            install_features,
        )

        self.context = context
        self._close_book = close
        install_features(self, context)
        services = context.services
        self.commands = AppCommands(
            services.customers,
            services.invoices,
            services.payments,
            services.business,
            context.runner,
            context.clock,
            customer_search=services.customer_list,
            reminder_composer=self.reminder_composer,
            statement_viewer=self.statement_viewer,
            receiving=services.receiving,
            issuing=services.issuing,
        )
        documents = document_actions(context)
        self.commands.notice_viewer = documents.view_notice
        self.commands.invoice_viewer = documents.view_invoice
        self.commands.receipt_viewer = documents.view_receipt
        if context.messaging is not None:
            self.commands.thank_you = context.messaging.open_thank_you
        if self.window is not None:
            add_collection_menu(self.window, context)
            self.window.set_ready(self.commands)

    def build_window(self) -> MainWindow:
        from cobranza_desktop.ui.main_window import MainWindow
        from cobranza_desktop.ui.wiring import build_pages

        self.window = MainWindow(
            build_pages(self),
            self.runner,
            self.settings,
            self.commands,
            self.book_name,
            ready=self.context is not None,
        )
        if self.context is not None:
            from cobranza_desktop.ui.features import add_collection_menu

            add_collection_menu(self.window, self.context)
        return self.window

    def change_language(self, language: str) -> None:
        language = normalize_language(language)
        self.settings.setValue(LANGUAGE_KEY, language)
        if language == self.language:
            return
        self.language = install_translations(self.app, language)
        old = self.window
        if old is not None:
            old.close()  # saves geometry and page
        window = self.build_window()
        window.show()
        if old is not None:
            old.deleteLater()

    def close(self) -> None:
        self.runner.shutdown()
        if self._close_book is not None:
            self._close_book()
            self._close_book = None


def run_app(book_path: Path | None, language: str | None = None) -> int:
    """Show the main window, open the book behind it, and run until the window closes."""
    import time

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from cobranza_desktop.ui.tasks import TaskRunner

    started = time.perf_counter()
    probe = os.environ.get("COBRANZA_STARTUP_PROBE")
    app = create_application()
    settings = ui_settings()
    chosen = install_translations(app, language or saved_language(settings))
    runner = TaskRunner()
    controller = Application(app, runner, settings, chosen, book_name=_book_label(book_path))
    window = controller.build_window()
    window.show()

    def shown() -> None:
        if probe:
            print(f"window shown after {time.perf_counter() - started:.3f}s", flush=True)

    def opened(result: tuple[UiContext, Callable[[], None]]) -> None:
        context, close = result
        controller.set_context(context, close)
        if probe:
            print(f"book ready after {time.perf_counter() - started:.3f}s", flush=True)
            app.quit()

    def failed(message: str) -> None:
        QMessageBox.critical(
            window,
            DISPLAY_NAME,
            QApplication.translate("Application", "No se pudo abrir el libro.") + "\n\n" + message,
        )
        app.exit(2)

    QTimer.singleShot(0, shown)
    runner.submit(
        lambda ctx: open_context(book_path, runner=runner),
        on_result=opened,
        on_error=failed,
        description="open book",
    )
    try:
        return app.exec()
    finally:
        controller.close()


def _book_label(book_path: Path | None) -> str:
    if book_path is not None:
        return Path(book_path).name
    from cobranza_desktop.storage.paths import BOOK_FILENAME

    return BOOK_FILENAME


def open_context(
    book_path: Path | None, clock: Clock | None = None, *, runner: TaskRunner | None = None
) -> tuple[UiContext, Callable[[], None]]:
    """Open the book and build the services and the UI context (any thread)."""
    from cobranza_desktop.services.book.workspace import open_workspace
    from cobranza_desktop.services.customers.listing import CustomerListService
    from cobranza_desktop.services.receivables.listings import ListingService
    from cobranza_desktop.ui.context import Services, UiContext
    from cobranza_desktop.ui.messaging_ui import MessagingUi
    from cobranza_desktop.ui.tasks import TaskRunner

    workspace = open_workspace(book_path, clock)
    services = Services(
        customers=workspace.customers,
        invoices=workspace.invoices,
        payments=workspace.payments,
        aging=workspace.aging,
        business=workspace.business,
        settings=workspace.settings,
        listings=ListingService(workspace.book, workspace.clock),
        customer_list=CustomerListService(workspace.book, workspace.clock),
        penalties=workspace.penalties,
        agenda=workspace.agenda,
        contacts=workspace.contacts,
        documents=workspace.documents,
        receiving=workspace.receiving,
        issuing=workspace.issuing,
        restrictions=workspace.restrictions,
        risk=workspace.risk,
        plans=workspace.plans,
        promises=workspace.promises,
    )
    task_runner = runner or TaskRunner()
    messaging = MessagingUi(
        workspace.book, workspace.clock, task_runner, documents=workspace.documents
    )
    context = UiContext(
        services, task_runner, workspace.clock, workspace.book_path, messaging=messaging
    )
    # Once a day, a backup, in its own thread so that the window never waits for the copy.
    backup = threading.Thread(target=_daily_backup, args=(workspace,), name="daily-backup")
    backup.start()

    def close() -> None:
        backup.join()
        services.customer_list.close()
        workspace.close()

    return context, close


def _daily_backup(workspace: Workspace) -> None:
    try:
        workspace.backups.daily()
    except Exception:  # a failed backup must not take the window down; it is retried tomorrow
        logging.getLogger(__name__).exception("daily backup failed")
