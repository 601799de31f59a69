"""Application bootstrap: open the book, build the services, show the main window."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from cobranza_desktop.domain.errors import CobranzaError
from cobranza_desktop.domain.i18n import set_language
from cobranza_desktop.services.workspace import open_workspace


def run_app(book_path: Path | None, language: str | None = None) -> int:
    set_language(language or "es")
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Cobranza Desktop")
    app.setOrganizationName("Cobranza")
    try:
        workspace = open_workspace(book_path)
    except CobranzaError as exc:
        QMessageBox.critical(None, "Cobranza", exc.message)
        return 2
    from cobranza_desktop.ui.main_window import MainWindow

    window = MainWindow(workspace.customers, book_name=workspace.book_path.name)
    window.show()
    # Once a day, a backup; in the background so that the window never waits for the copy.
    backup = threading.Thread(target=workspace.backups.daily, name="daily-backup")
    backup.start()
    try:
        return app.exec()
    finally:
        backup.join()
        workspace.close()
