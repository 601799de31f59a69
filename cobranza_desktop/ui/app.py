"""The application bootstrap: QApplication, language, translations, icons and settings.

Spanish (es-MX) is the source language of every string in the interface; English
comes from ``resources/translations/cobranza_en.qm`` (made with pyside6-lupdate and
pyside6-lrelease, see ``resources/translations/README.md``).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

from cobranza_desktop.domain.i18n import DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES, set_language
from cobranza_desktop.ui.style import STYLESHEET, icon, resources_dir

if TYPE_CHECKING:
    from cobranza_desktop.ui.composition import Composition
    from cobranza_desktop.ui.context import UiContext
    from cobranza_desktop.ui.main_window import MainWindow
    from cobranza_desktop.ui.tasks import TaskRunner

ORGANIZATION = "Cobranza Desktop"
APPLICATION = "cobranza"
DISPLAY_NAME = "Cobranza Desktop"

LANGUAGE_KEY = "ui/language"

_translators: list[QTranslator] = []


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
        self.composition: Composition | None = None
        self.window: MainWindow | None = None
        self._close_book: Callable[[], None] | None = None

    def set_context(self, context: UiContext, close: Callable[[], None]) -> None:
        """The book is open: compose the window's parts and let the window show its pages."""
        from cobranza_desktop.ui.composition import add_collection_menu, compose

        self._close_book = close
        self.composition = compose(context)
        self.composition.start()
        if self.window is not None:
            add_collection_menu(self.window, self.composition)
            self.window.set_ready(self.composition.commands)

    def _composed(self) -> Composition:
        assert self.composition is not None, "pages are built once the book is open"
        return self.composition

    def build_window(self) -> MainWindow:
        from cobranza_desktop.ui.composition import add_collection_menu, build_pages
        from cobranza_desktop.ui.main_window import MainWindow

        composition = self.composition
        self.window = MainWindow(
            build_pages(self._composed, self.language, self.change_language),
            self.runner,
            self.settings,
            composition.commands if composition is not None else None,
            self.book_name,
            ready=composition is not None,
        )
        if composition is not None:
            add_collection_menu(self.window, composition)
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
    from cobranza_desktop.ui.composition import open_context

    runner.query(lambda ctx: open_context(book_path, None, runner=runner)).success(opened).error(
        failed
    ).describe("open book").run()
    try:
        return app.exec()
    finally:
        controller.close()


def _book_label(book_path: Path | None) -> str:
    if book_path is not None:
        return Path(book_path).name
    from cobranza_desktop.storage.paths import BOOK_FILENAME

    return BOOK_FILENAME
