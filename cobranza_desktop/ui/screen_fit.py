"""No window or dialog larger than the screen it opens on.

A dialog sized for a big monitor (the PDF preview asked for 820×960) put its buttons
below the edge of a 1366×768 laptop, and a page with long customer names widened the
main window past the screen, a size then saved and restored. ``ScreenFit`` watches every
top-level window as it is shown: it caps the window's size at the screen's available
geometry (again when the window moves to another screen), shrinks it if it is larger,
and moves it back inside the screen. Content that needs more room scrolls or elides in
its own widget; the window never grows past the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QWidget

QWIDGETSIZE_MAX = (1 << 24) - 1
_INSTALLED = "cobranza_screen_fit"


def available_area(widget: QWidget) -> QRect:
    """The available geometry (without task bars) of the screen the widget is on: the
    one under its centre, which is right even before the window's handle moves over."""
    screen: QScreen | None = (
        QGuiApplication.screenAt(widget.frameGeometry().center())
        or widget.screen()
        or QGuiApplication.primaryScreen()
    )
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 768)


def frame_extra(widget: QWidget) -> QSize:
    """What the window manager's frame adds around the client area (0 before shown)."""
    frame, inner = widget.frameGeometry(), widget.geometry()
    return QSize(max(0, frame.width() - inner.width()), max(0, frame.height() - inner.height()))


def fitted_size(widget: QWidget, width: int, height: int) -> QSize:
    """``width`` × ``height``, reduced to what fits the widget's screen with its frame."""
    area, extra = available_area(widget), frame_extra(widget)
    return QSize(
        min(width, area.width() - extra.width()), min(height, area.height() - extra.height())
    )


def resize_to_fit(widget: QWidget, width: int, height: int) -> None:
    """Resize to the preferred size, or to the screen's size when that is smaller."""
    widget.resize(fitted_size(widget, width, height))


def fit_window(widget: QWidget) -> None:
    """Cap a top-level window at its screen, shrink it and move it inside if needed."""
    area, extra = available_area(widget), frame_extra(widget)
    limit = QSize(area.width() - extra.width(), area.height() - extra.height())
    widget.setMaximumSize(limit)
    if widget.width() > limit.width() or widget.height() > limit.height():
        widget.resize(min(widget.width(), limit.width()), min(widget.height(), limit.height()))
    frame = widget.frameGeometry()
    x = min(max(frame.x(), area.x()), area.right() + 1 - frame.width())
    y = min(max(frame.y(), area.y()), area.bottom() + 1 - frame.height())
    if (x, y) != (frame.x(), frame.y()):
        widget.move(max(x, area.x()), max(y, area.y()))


class ScreenFit(QObject):
    """An application-wide event filter: each window is fitted as it is shown."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QDialog | QMainWindow)
            and watched.isWindow()
        ):
            fit_window(watched)
            handle = watched.windowHandle()
            if handle is not None and not watched.property(_INSTALLED):
                watched.setProperty(_INSTALLED, True)
                handle.screenChanged.connect(lambda _screen, w=watched: fit_window(w))
        return False


def install_screen_fit(app: QApplication) -> None:
    """Install the filter once per application."""
    if app.property(_INSTALLED):
        return
    fit = ScreenFit(app)
    app.installEventFilter(fit)
    app.setProperty(_INSTALLED, True)
