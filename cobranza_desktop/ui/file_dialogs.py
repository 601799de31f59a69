"""Where file dialogs open: the folder used last, else the user's Documents folder.

Qt's dialogs open in the current directory by default, which for a program started
from a launcher is its installation (or source) folder. Saving a PDF or an export,
or choosing a logo, starts where the person saved last, remembered across sessions.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths

LAST_FOLDER_KEY = "files/last_folder"


def _settings() -> QSettings:
    """The window's settings file (as ``ui.app.ui_settings``, which imports the dialogs)."""
    home = os.environ.get("COBRANZA_HOME")
    if home:
        return QSettings(str(Path(home) / "cobranza-ui.ini"), QSettings.Format.IniFormat)
    return QSettings(
        QSettings.Format.IniFormat,
        QSettings.Scope.UserScope,
        QCoreApplication.organizationName(),
        QCoreApplication.applicationName(),
    )


def documents_folder() -> Path:
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(location) if location else Path.home()
    return folder if folder.is_dir() else Path.home()


def start_folder() -> Path:
    """The folder a file dialog opens in."""
    value = _settings().value(LAST_FOLDER_KEY)
    if value:
        folder = Path(str(value))
        if folder.is_dir():
            return folder
    return documents_folder()


def suggested_path(file_name: str = "") -> str:
    """A dialog's starting selection: ``file_name`` in the start folder."""
    folder = start_folder()
    return str(folder / file_name) if file_name else str(folder)


def remember(chosen: str | Path) -> None:
    """Remember the folder of a file the person chose (or the folder itself)."""
    path = Path(chosen)
    folder = path if path.is_dir() else path.parent
    if folder.is_dir():
        settings = _settings()
        settings.setValue(LAST_FOLDER_KEY, str(folder))
        settings.sync()
