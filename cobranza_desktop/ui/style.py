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


_STYLESHEET = """
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
QLabel#pageTitle { font-size: {title}pt; font-weight: 600; }
QLabel#emptyTitle { font-size: {heading}pt; font-weight: 600; color: palette(text); }
QLabel#emptyText { color: palette(placeholder-text); font-size: {text}pt; }
QLabel#statusLine { color: palette(placeholder-text); }
QLabel#fieldError { color: #b3261e; }
QLineEdit[invalid="true"], QDateEdit[invalid="true"], QComboBox[invalid="true"] {
    border: 1.5px solid #b3261e; border-radius: 3px; background: #fdf1f0;
}
QFrame#card {
    border: 1px solid palette(mid); border-radius: 8px; background: palette(base);
}
QLabel#cardCaption { color: palette(placeholder-text); }
QLabel#cardValue { font-size: {figure}pt; font-weight: 600; }
"""

# The sizes at the 10 pt base the look was drawn at; they scale with the system's font.
_SIZES = {"title": 17, "heading": 14, "text": 11, "figure": 15}


def stylesheet(base_points: float = 10.0) -> str:
    """The calm style sheet, its few larger fonts in proportion to ``base_points`` (the
    system's font size): at 150 % the titles grow with the rest."""
    scale = max(base_points, 1.0) / 10.0
    text = _STYLESHEET
    for name, points in _SIZES.items():
        text = text.replace("{" + name + "}", f"{points * scale:.1f}")
    return text


STYLESHEET = stylesheet()


def bold(font: QFont) -> QFont:
    result = QFont(font)
    result.setBold(True)
    return result
