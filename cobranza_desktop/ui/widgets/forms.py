"""Inline validation: a red field with its message under it, never a traceback."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cobranza_desktop.domain.errors import FieldPath
from cobranza_desktop.domain.formatting import format_money
from cobranza_desktop.domain.i18n import current_language
from cobranza_desktop.domain.validation import FIRST_DATE, LAST_DATE


def set_invalid(widget: QWidget, invalid: bool) -> None:
    """Draw (or clear) the red border of a field: the style sheet keys on ``invalid``."""
    if bool(widget.property("invalid")) == invalid:
        return
    widget.setProperty("invalid", invalid)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


class FieldErrors:
    """Maps error field names (as raised by the domain) to widgets and shows the message."""

    def __init__(self, label: QLabel, fields: dict[str, QWidget]) -> None:
        self._label = label
        self._fields = fields
        label.setObjectName("fieldError")
        label.setWordWrap(True)
        label.setVisible(False)
        self.current: str | None = None

    def show(self, message: str, field: str | None = None, *, focus: bool = True) -> None:
        """Mark the field and say why; ``focus``: put the cursor there (on Save, not when
        the field is merely left)."""
        self.clear()
        widget = self._find(field)
        if widget is not None:
            set_invalid(widget, True)
            if focus:
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
        self._label.setText(message)
        self._label.setVisible(True)
        self.current = message

    def clear(self) -> None:
        for widget in self._fields.values():
            set_invalid(widget, False)
        self._label.clear()
        self._label.setVisible(False)
        self.current = None

    def _find(self, field: str | None) -> QWidget | None:
        if not field:
            return None
        if field in self._fields:
            return self._fields[field]
        path = FieldPath.parse(field)
        return self._fields.get(path.name) if path is not None else None


def action_buttons(
    accept_text: str,
    on_accept: Callable[[], object],
    on_reject: Callable[[], object],
    reject: QDialogButtonBox.StandardButton = QDialogButtonBox.StandardButton.Cancel,
) -> tuple[QDialogButtonBox, QPushButton]:
    """A dialog's button row: one named accept button and a standard Cancel (or Close) button.

    The accept button only calls ``on_accept``: the dialog validates and closes itself.
    """
    buttons = QDialogButtonBox()
    accept = buttons.addButton(accept_text, QDialogButtonBox.ButtonRole.AcceptRole)
    accept.setDefault(True)  # Enter in any field accepts; Escape rejects (QDialog's own)
    accept.clicked.connect(on_accept)
    cancel = buttons.addButton(reject)
    cancel.clicked.connect(on_reject)
    return buttons, accept


def date_edit(value: date | None = None) -> QDateEdit:
    """A date field with a calendar and the full year (``22/11/2026`` in Spanish)."""
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(date_display_format())
    edit.setDateRange(to_qdate(FIRST_DATE), to_qdate(LAST_DATE))  # what the services accept
    if value is not None:
        edit.setDate(to_qdate(value))
    return edit


def date_display_format() -> str:
    return "dd/MM/yyyy" if current_language() == "es" else "MM/dd/yyyy"


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class Card(QFrame):
    """A small figure with its caption: "Saldo  $12,345.67"."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(2)
        self.caption = QLabel(caption)
        self.caption.setObjectName("cardCaption")
        self.value = QLabel("—")
        self.value.setObjectName("cardValue")
        layout.addWidget(self.caption)
        layout.addWidget(self.value)

    def set_money(self, amount: Decimal, currency: str = "MXN") -> None:
        self.value.setText(format_money(amount, currency))

    def set_text(self, text: str) -> None:
        self.value.setText(text)


def grid_row(grid: QGridLayout, row: int, label: str, widget: QWidget) -> None:
    caption = QLabel(label)
    caption.setBuddy(widget)
    grid.addWidget(caption, row, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    grid.addWidget(widget, row, 1)
