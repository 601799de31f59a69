"""The few colours the tables use, chosen for the palette in use: the system's light or
dark theme (a dark red on a dark background cannot be read). Asked for each time a cell is
drawn, so that a theme changed while the program runs is followed."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor, QGuiApplication, QPalette


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def overdue() -> QColor:
    """Overdue amounts and invoices (always with a marker or a word too, never colour alone)."""
    return QColor("#ff8a80") if is_dark() else QColor("#a4262c")


def muted() -> QColor:
    """Paid, reversed, cancelled or waiting rows."""
    return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)


def alert_background() -> QBrush:
    """A row that needs attention first (a broken promise)."""
    return QBrush(QColor("#5c2b29") if is_dark() else QColor("#fbe3e1"))


def contrast(foreground: QColor, background: QColor) -> float:
    """The WCAG contrast ratio of two colours (1 to 21; 4.5 reads as body text)."""

    def luminance(colour: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        r, g, b = (channel(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
