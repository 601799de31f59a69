"""The look: icons from ``resources/icons`` and the calm style sheet.

A leaf module (it imports nothing of ours), so that any window, page or widget may
take an icon without importing the application bootstrap.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from PySide6.QtGui import QFont, QIcon


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


def bold(font: QFont) -> QFont:
    result = QFont(font)
    result.setBold(True)
    return result
