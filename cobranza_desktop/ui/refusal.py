"""Why the window will not open, said in a dialog: started from a desktop menu there is no
terminal to read a line on. In the interface's language (the one the window would use)."""

from __future__ import annotations

import os
import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from cobranza_desktop.domain.i18n import normalize_language
from cobranza_desktop.ui.app import (
    DISPLAY_NAME,
    create_application,
    install_translations,
    saved_language,
    ui_settings,
)


def interface_language(requested: str | None = None) -> str:
    """``--lang`` if given, else the language the window was last set to."""
    return normalize_language(requested) if requested else saved_language(ui_settings())


def can_show_dialogs() -> bool:
    """A screen to show a dialog on (not the offscreen platform of scripts and tests)."""
    if os.environ.get("QT_QPA_PLATFORM", "").startswith("offscreen"):
        return False
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def show_refusal(message: str, language: str | None = None) -> QMessageBox:
    """A modal box with ``message`` under "the book could not be opened"; returns when it
    is closed (the box, for tests that answer it)."""
    app = create_application()
    install_translations(app, interface_language(language))
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        DISPLAY_NAME,
        QApplication.translate("Application", "No se pudo abrir el libro.") + "\n\n" + message,
    )
    box.exec()
    return box
