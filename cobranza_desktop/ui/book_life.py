"""The Archivo menu's use of the application: new, open, demo, backup, restore, folder.

A mixin of :class:`cobranza_desktop.ui.app.Application`, kept apart so each module stays
short. Every book still opens through the application's one start-up path
(``_run_opening``); what happens here is the choosing and, off the GUI thread, the work.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from cobranza_desktop.domain.clock import Clock
    from cobranza_desktop.domain.penalties import PenaltyPolicy
    from cobranza_desktop.services.base.business import BusinessProfileView
    from cobranza_desktop.ui.composition import Composition
    from cobranza_desktop.ui.context import UiContext
    from cobranza_desktop.ui.first_start import FirstStart
    from cobranza_desktop.ui.main_window import MainWindow
    from cobranza_desktop.ui.tasks import TaskContext, TaskRunner


class FileMenuActions:
    """What the window's Archivo and Ayuda menus ask for (``WindowActions``)."""

    runner: TaskRunner
    clock: Clock | None
    log_path: Path
    composition: Composition | None
    window: MainWindow | None
    book_path: Path | None
    book_name: str
    first_start: FirstStart | None
    dialog: QWidget | None
    settings: QSettings

    # Provided by the application.
    def switch_book(self, path: Path) -> None:
        raise NotImplementedError

    def close_book(self) -> None:
        raise NotImplementedError

    def _replace_window(self) -> MainWindow:
        raise NotImplementedError

    def _run_opening(
        self, fn: Callable[[TaskContext], tuple[UiContext, Callable[[], None]]]
    ) -> None:
        raise NotImplementedError

    def _not_opened(self, message: str) -> None:
        raise NotImplementedError

    def _clock(self) -> Clock:
        raise NotImplementedError

    def explore_demo(self) -> None:
        from cobranza_desktop.services.book.demo import book_has_customers, build_demo_book
        from cobranza_desktop.storage.database import open_book
        from cobranza_desktop.storage.paths import data_home

        path = data_home() / "demo.sqlite"
        clock = self._clock()
        doors = self.first_start

        def build(ctx: TaskContext) -> Path:
            with open_book(path, create=True) as book:
                if not book_has_customers(book):
                    build_demo_book(book, clock, progress=ctx.progress)
            return path

        op = self.runner.query(build).success(self.switch_book).error(self._not_opened)
        if doors is not None:
            doors.show_progress(0.0)
            op = op.progress(doors.show_progress)
        op.describe(
            QApplication.translate("Application", "Preparando el libro de ejemplo"),
            show_progress=True,
        ).run()

    # -- Archivo: new, open, backup, restore, folder ------------------------------------

    def new_book(self) -> None:
        from cobranza_desktop.ui.dialogs.new_book_wizard import NewBookWizard

        wizard = NewBookWizard(self.runner, self._suggested_path(), self.window)
        wizard.book_chosen.connect(self.create_book)
        self.dialog = wizard
        wizard.open()

    def _suggested_path(self) -> Path:
        from cobranza_desktop.storage.paths import data_home, default_book_path

        if self.book_path is None and not default_book_path().exists():
            return default_book_path()
        folder = self.book_path.parent if self.book_path is not None else data_home()
        number = 1
        while (candidate := folder / f"negocio-{number}.sqlite").exists():
            number += 1
        return candidate

    def create_book(self, path: Path, profile: BusinessProfileView, policy: PenaltyPolicy) -> None:
        """Create the book, open it, and save the whole profile and terms through the
        services (which check them once more)."""
        from cobranza_desktop.services.book.new_book import create_book
        from cobranza_desktop.ui.composition import open_context

        runner, clock = self.runner, self._clock()

        def work(_ctx: TaskContext) -> tuple[UiContext, Callable[[], None]]:
            create_book(path, clock, name=profile.name, rfc=profile.rfc)
            context, close = open_context(path, self.clock, runner=runner)
            try:
                context.services.business.update_profile(profile)
                context.services.penalties.set_business_policy(policy)
            except Exception:
                close()
                raise
            return context, close

        self.close_book()
        self.book_name = path.name
        self._replace_window()
        self._run_opening(work)

    def connect_server(self) -> None:
        """Archivo → Conectar a un servidor…: the address, the password to the keyring."""
        from cobranza_desktop.ui.dialogs.connect_dialog import ConnectDialog

        dialog = ConnectDialog(self.runner, self.open_server, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()

    def open_server(self, url: str) -> None:
        """Open the book at a server URL (no password in it: the keyring or .pgpass has it).

        Only an existing book is opened (``create=False``): a mistyped address is refused
        with the server's reason, never turned into a new, empty book."""
        from cobranza_desktop.ui.composition import open_context

        runner, clock = self.runner, self.clock
        self.close_book()
        self.book_name = server_title(url)
        self.dialog = None  # the connect dialog closed with the window it belonged to
        self._replace_window()
        self._run_opening(lambda _ctx: open_context(url, clock, runner=runner, create=False))

    def choose_book(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        folder = str(self.book_path.parent) if self.book_path is not None else ""
        dialog = QFileDialog(
            self.window,
            QApplication.translate("Application", "Abrir libro"),
            folder,
            QApplication.translate("Application", "Libros (*.sqlite);;Todos los archivos (*)"),
        )
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(lambda name: self.switch_book(Path(name)))
        self.dialog = dialog
        dialog.open()

    def backup_now(self) -> None:
        """A copy now: of the file, or of a server book with pg_dump (a clear refusal
        where pg_dump is missing)."""
        composition = self.composition
        if composition is None:
            return
        backups = composition.context.services.backups
        self.runner.query(lambda _ctx: backups.to_folder(backups.default_folder())).success(
            self._backed_up
        ).error(self._backup_failed).describe(
            QApplication.translate("Application", "Copia de seguridad")
        ).run()

    def _backup_failed(self, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QApplication.translate("Application", "Copia de seguridad"),
            message,
            parent=self.window,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.dialog = box

    def _backed_up(self, target: Path) -> None:
        if self.window is not None:
            self.window.statusBar().showMessage(
                QApplication.translate("Application", "Copia guardada en {0}").format(target),
                10_000,
            )

    def restore_backup(self) -> None:
        from cobranza_desktop.services.book.backups import list_backups
        from cobranza_desktop.ui.dialogs.restore_dialog import RestoreDialog

        if self.book_path is None:
            return
        dialog = RestoreDialog(self.runner, self.book_path, list_backups, self.window)
        dialog.restore_chosen.connect(self.restore_from)
        self.dialog = dialog
        dialog.open()

    def restore_from(self, backup: Path) -> None:
        """Close the book, restore (the service keeps the current one first), reopen."""
        from cobranza_desktop.services.book.backups import restore_backup
        from cobranza_desktop.ui.composition import open_context

        path = self.book_path
        if path is None:
            return
        runner, clock = self.runner, self._clock()

        def work(_ctx: TaskContext) -> tuple[UiContext, Callable[[], None]]:
            restore_backup(backup, path, clock)
            return open_context(path, self.clock, runner=runner)

        self.close_book()
        self.book_name = path.name
        self._replace_window()
        self._run_opening(work)

    def show_book_folder(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        if self.book_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.book_path.parent)))

    def show_about(self) -> None:
        from cobranza_desktop.ui.dialogs.about_dialog import AboutDialog

        book = self.book_path if self.book_path is not None else (self.book_name or None)
        dialog = AboutDialog(book, self.log_path, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()


def server_title(url: str) -> str:
    """«servidor · base» of a book URL, for the title bar while it opens."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return f"{parts.hostname or 'localhost'} · {parts.path.lstrip('/')}"
