"""The application bootstrap: QApplication, language, translations, icons and settings.

Spanish (es-MX) is the source language of every string in the interface; English
comes from ``resources/translations/cobranza_en.qm`` (made with pyside6-lupdate and
pyside6-lrelease, see ``resources/translations/README.md``).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication

from cobranza_desktop.domain.i18n import DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES, set_language

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
        return existing
    QApplication.setOrganizationName(ORGANIZATION)
    QApplication.setApplicationName(APPLICATION)
    QApplication.setApplicationDisplayName(DISPLAY_NAME)
    app = QApplication(list(argv) if argv is not None else [sys.argv[0]])
    app.setWindowIcon(icon("app"))
    if sys.platform.startswith("linux") and app.style().name().lower() == "windows":
        app.setStyle("Fusion")
    font = app.font()
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
        app.setFont(font)
    app.setStyleSheet(STYLESHEET)
    return app


def bold(font: QFont) -> QFont:
    result = QFont(font)
    result.setBold(True)
    return result
