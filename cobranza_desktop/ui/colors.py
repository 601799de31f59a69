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


def settled() -> QColor:
    """A promise kept, a plan paid, a message sent (a word says so too, never colour alone)."""
    return QColor("#81c995") if is_dark() else QColor("#1e6b2a")


def muted() -> QColor:
    """Paid, reversed, cancelled or waiting rows: the text colour 40 % of the way to the
    background. (Qt's placeholder colour is the text at half opacity: 4.0:1 on white, too
    faint to read as body text.)"""
    palette = QGuiApplication.palette()
    return mix(palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base), 0.4)


def mix(colour: QColor, other: QColor, share: float) -> QColor:
    """``colour`` moved ``share`` (0 to 1) of the way to ``other``."""
    return QColor.fromRgbF(
        *(a + (b - a) * share for a, b in zip(opaque(colour), opaque(other), strict=True))
    )


def opaque(colour: QColor, background: QColor | None = None) -> tuple[float, float, float]:
    """The colour as seen: a translucent one over ``background`` (white if none)."""
    under = background or QColor("white")
    alpha = colour.alphaF()
    return (
        colour.redF() * alpha + under.redF() * (1 - alpha),
        colour.greenF() * alpha + under.greenF() * (1 - alpha),
        colour.blueF() * alpha + under.blueF() * (1 - alpha),
    )


def alert_background() -> QBrush:
    """A row that needs attention first (a broken promise)."""
    return QBrush(QColor("#5c2b29") if is_dark() else QColor("#fbe3e1"))


def contrast(foreground: QColor, background: QColor) -> float:
    """The WCAG contrast ratio of two colours (1 to 21; 4.5 reads as body text)."""

    def luminance(colour: tuple[float, float, float]) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        r, g, b = (channel(c) for c in colour)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    # A translucent colour is read as it is drawn, over the background.
    seen = (opaque(foreground, background), opaque(background))
    light, dark = sorted((luminance(c) for c in seen), reverse=True)
    return (light + 0.05) / (dark + 0.05)
