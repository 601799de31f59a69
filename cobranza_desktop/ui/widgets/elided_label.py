"""A one-line label that gives way: a long customer name is cut with "…" and shown whole
in its tooltip, instead of widening the window past the screen."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QHelpEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QToolTip, QWidget


class ElidedLabel(QLabel):
    """``keep`` characters (or the whole text, if shorter) are never cut: a name that
    fits stays whole, and only what is longer gives way to the rest of the row."""

    def __init__(self, keep: int = 12, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._keep = keep
        self.setTextFormat(Qt.TextFormat.PlainText)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        kept = self.fontMetrics().averageCharWidth() * self._keep
        return QSize(min(hint.width(), kept), hint.height())

    def is_elided(self) -> bool:
        return self.fontMetrics().horizontalAdvance(self.text()) > self.contentsRect().width()

    def full_tooltip(self) -> str:
        """The tooltip shown: the whole text first when it is cut, then any tooltip set."""
        tip = self.toolTip()
        if not self.is_elided():
            return tip
        return f"{self.text()}\n{tip}" if tip else self.text()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self.full_tooltip()
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.is_elided():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        rect = self.contentsRect()
        shown = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, rect.width()
        )
        painter.drawText(rect, int(self.alignment()), shown)
