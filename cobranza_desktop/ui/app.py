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

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from cobranza_desktop.domain.i18n import DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES, set_language
from cobranza_desktop.ui.accessibility import install_spoken_names
from cobranza_desktop.ui.book_life import FileMenuActions
from cobranza_desktop.ui.screen_fit import install_screen_fit
from cobranza_desktop.ui.style import icon, resources_dir, stylesheet

if TYPE_CHECKING:
    from cobranza_desktop.domain.clock import Clock
    from cobranza_desktop.ui.composition import Composition
    from cobranza_desktop.ui.context import UiContext
    from cobranza_desktop.ui.first_start import FirstStart
    from cobranza_desktop.ui.main_window import MainWindow
    from cobranza_desktop.ui.tasks import TaskContext, TaskRunner

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

    Spanish is the source language: ``cobranza_es.qm`` holds only the plural forms of
    counts (``tr("%Ln facturas", None, n)``: «1 factura», «2 facturas»), plus Qt's own
    strings (buttons of standard dialogs); English loads ``cobranza_en.qm``.
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
    app.setStyleSheet(stylesheet(font.pointSizeF()))
    # The system's font size changed (or a test set it): the titles follow.
    app.fontChanged.connect(lambda changed: app.setStyleSheet(stylesheet(changed.pointSizeF())))
    install_screen_fit(app)  # no window or dialog larger than its screen
    install_spoken_names(app)  # a screen reader can name every field of every dialog


class Application(FileMenuActions):
    """Holds what lives as long as the program: the worker, the window, the open book.

    The window is shown first; the book opens on the database worker meanwhile (a big
    book takes a moment to check), and the pages appear when it is ready. Every book
    opens through :meth:`open_book`, at start and from the Archivo menu alike; switching
    books drains the worker, closes the book (releasing its lock) and opens the other.
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
        *,
        clock: Clock | None = None,
        log_path: Path | None = None,
    ) -> None:
        from cobranza_desktop.services.book.logs import log_file

        self.app = app
        self.runner = runner
        self.settings = settings
        self.language = language
        self.book_name = book_name
        self.clock = clock
        self.log_path = log_path if log_path is not None else log_file()
        self.composition: Composition | None = None
        self.window: MainWindow | None = None
        self.book_path: Path | None = None
        self.on_server = False  # the open book is on a database server
        self.first_start: FirstStart | None = None
        # The dialog opened last from the menu (tests and screenshots reach it here).
        self.dialog: QWidget | None = None
        self.ready_callbacks: list[Callable[[], None]] = []
        self.open_failed: Callable[[str], None] | None = None
        self._close_book: Callable[[], None] | None = None

    def set_context(self, context: UiContext, close: Callable[[], None]) -> None:
        """The book is open: compose the window's parts and let the window show its pages."""
        from cobranza_desktop.ui.book_menu import remember_book, remember_server
        from cobranza_desktop.ui.composition import add_collection_menu, compose

        self._close_book = close
        self.book_path = context.book_path
        self.book_name = context.book_label
        self.on_server = context.on_server
        if context.book_path is not None:
            remember_book(self.settings, context.book_path)
        else:  # opened: worth remembering (a mistyped address never got here)
            remember_server(self.settings, context.server_url)
        self.composition = compose(context)
        self.composition.start()
        if self.window is not None:
            add_collection_menu(self.window, self.composition)
            self.window.set_ready(self.composition.commands)
            self.window.set_book_name(self.book_name)
            self._mark_book_kind(self.window)

    def _mark_book_kind(self, window: MainWindow) -> None:
        # A server book has no file: no restore of a file copy, no folder to show.
        if window.book_menu is not None and self.composition is not None:
            window.book_menu.set_book_open(True, on_server=self.on_server)

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
            book_actions=self,
        )
        if composition is not None:
            add_collection_menu(self.window, composition)
            self._mark_book_kind(self.window)
        return self.window

    def _replace_window(self) -> MainWindow:
        """A fresh window; the new one is shown before the old closes (never zero windows)."""
        old = self.window
        window = self.build_window()
        if old is not None:
            window.setGeometry(old.geometry())
        window.show()
        if old is not None:
            old.close()  # saves geometry and page
            old.deleteLater()
        return window

    def change_language(self, language: str) -> None:
        language = normalize_language(language)
        self.settings.setValue(LANGUAGE_KEY, language)
        if language == self.language:
            return
        self.language = install_translations(self.app, language)
        self._replace_window()
        if self.composition is None and self.first_start is not None:
            self.show_first_start()

    # -- the one start-up path ----------------------------------------------------------

    def open_book(self, book_path: Path | None) -> None:
        """Open ``book_path`` (None: the default book) on the worker, then show its pages."""
        from cobranza_desktop.ui.composition import open_context

        runner, clock = self.runner, self.clock
        self._run_opening(lambda _ctx: open_context(book_path, clock, runner=runner))

    def _run_opening(
        self, fn: Callable[[TaskContext], tuple[UiContext, Callable[[], None]]]
    ) -> None:
        self.runner.query(fn).success(self._opened).error(self._not_opened).describe(
            QApplication.translate("Application", "Abriendo el libro")
        ).run()

    def _opened(self, result: tuple[UiContext, Callable[[], None]]) -> None:
        context, close = result
        self.first_start = None
        self.set_context(context, close)
        for callback in list(self.ready_callbacks):
            callback()

    def _not_opened(self, message: str) -> None:
        if self.open_failed is not None:
            self.open_failed(message)
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            DISPLAY_NAME,
            QApplication.translate("Application", "No se pudo abrir el libro.") + "\n\n" + message,
            parent=self.window,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.dialog = box
        self.show_first_start()

    def close_book(self) -> None:
        """Drain the worker, then close the book and release its lock."""
        if self.composition is not None:
            self.composition.freshness.stop()  # no more polls of the book being closed
            self.composition.freshness.deleteLater()
        self.runner.wait_idle()
        if self._close_book is not None:
            close, self._close_book = self._close_book, None
            # Closing waits for the daily backup thread and disposes the engine: on the
            # worker, where the book lives.
            self.runner.query(lambda _ctx: close()).run()
            self.runner.wait_idle()
        self.composition = None
        self.book_path = None
        self.on_server = False

    def switch_book(self, path: Path) -> None:
        if self.book_path is not None and self.book_path.resolve() == path.resolve():
            return
        self.close_book()
        self.book_name = path.name
        self._replace_window()
        self.open_book(path)

    # -- first start: three doors -------------------------------------------------------

    def show_first_start(self) -> None:
        from cobranza_desktop.ui.first_start import FirstStart

        window = self.window if self.window is not None else self.build_window()
        if window.is_ready() or window.doors is not None:
            window = self._replace_window()
        doors = FirstStart()
        doors.new_requested.connect(self.new_book)
        doors.open_requested.connect(self.choose_book)
        doors.demo_requested.connect(self.explore_demo)
        window.show_doors(doors)
        self.first_start = doors

    def _clock(self) -> Clock:
        from cobranza_desktop.domain.clock import SystemClock

        return self.clock if self.clock is not None else SystemClock()

    def close(self) -> None:
        """On exit: the running task finishes, then the book closes (its lock released)."""
        self.runner.wait_idle(10)
        self.runner.shutdown()
        if self._close_book is not None:
            self._close_book()
            self._close_book = None


def _quit_when_settled(app: QApplication, runner: TaskRunner, started: float) -> None:
    """Quit once the worker has stayed idle for a while; print the time and the peak RSS."""
    import time

    from PySide6.QtCore import QTimer

    quiet = [0]
    timer = QTimer(app)

    def check() -> None:
        quiet[0] = 0 if runner.is_busy() else quiet[0] + 1
        if quiet[0] >= 8:  # 2 s without work: Today and the first pages are on screen
            timer.stop()
            print(f"settled after {time.perf_counter() - started - 2:.3f}s", flush=True)
            if sys.platform != "win32":
                import resource

                peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
                print(f"peak rss {peak:.1f} MB", flush=True)
            app.quit()

    timer.timeout.connect(check)
    timer.start(250)


def _quit_when_today_shown(app: QApplication, controller: Application, started: float) -> None:
    """Quit once the Today page shows its first actions; print when, from process start."""
    import time

    window = controller.window
    assert window is not None
    page = window.page("today")

    def shown() -> None:
        print(f"today shown after {time.perf_counter() - started:.3f}s", flush=True)
        app.quit()

    # Its first agenda is still being read (beside the worker): the result comes back
    # through this event loop, after this connection.
    page.model.modelReset.connect(shown)  # type: ignore[attr-defined]


def run_app(book_path: Path | None, language: str | None = None) -> int:
    """Show the main window, open the book behind it, and run until the window closes.

    Without ``book_path`` and without a default book yet, the window offers the three
    doors of the first start instead.
    """
    import time

    from PySide6.QtCore import QTimer

    from cobranza_desktop.services.book.logs import setup_logging
    from cobranza_desktop.storage.paths import default_book_path
    from cobranza_desktop.ui.crash import CrashHandler
    from cobranza_desktop.ui.tasks import TaskRunner

    started = time.perf_counter()
    probe = os.environ.get("COBRANZA_STARTUP_PROBE")
    log_path = setup_logging()
    app = create_application()
    settings = ui_settings()
    chosen = install_translations(app, language or saved_language(settings))
    runner = TaskRunner()
    controller = Application(
        app, runner, settings, chosen, book_name=_book_label(book_path), log_path=log_path
    )
    crash = CrashHandler(log_path, lambda: controller.window)
    crash.install()
    window = controller.build_window()
    window.show()

    def shown() -> None:
        if probe:
            print(f"window shown after {time.perf_counter() - started:.3f}s", flush=True)

    def ready() -> None:
        controller.open_failed = None  # later failures (another book) keep the window
        if probe:
            print(f"book ready after {time.perf_counter() - started:.3f}s", flush=True)
            if probe == "settle":  # the benchmark of the window's memory: wait for the pages
                _quit_when_settled(app, runner, started)
            elif probe == "today":  # the benchmark of Today: wait for its actions
                _quit_when_today_shown(app, controller, started)
            else:
                app.quit()

    def failed(message: str) -> None:
        QMessageBox.critical(
            window,
            DISPLAY_NAME,
            QApplication.translate("Application", "No se pudo abrir el libro.") + "\n\n" + message,
        )
        app.exit(2)

    QTimer.singleShot(0, shown)
    controller.ready_callbacks.append(ready)
    if book_path is None and not default_book_path().exists() and not probe:
        controller.show_first_start()
    else:
        controller.open_failed = failed
        controller.open_book(book_path)
    try:
        return app.exec()
    finally:
        controller.close()
        crash.uninstall()


def _book_label(book_path: Path | None) -> str:
    if book_path is not None:
        return Path(book_path).name
    from cobranza_desktop.storage.paths import BOOK_FILENAME

    return BOOK_FILENAME
