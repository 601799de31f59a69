"""An optional date for filters: the earliest date means "any" and reads as a dash."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QWidget

from cobranza_desktop.ui.widgets.forms import date_display_format

NO_DATE = QDate(2000, 1, 1)


class OptionalDateEdit(QDateEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat(date_display_format())
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText(self.tr("cualquiera"))
        self.setDate(NO_DATE)

    def value(self) -> date | None:
        current = self.date()
        if current == NO_DATE:
            return None
        return date(current.year(), current.month(), current.day())

    def set_value(self, value: date | None) -> None:
        self.setDate(NO_DATE if value is None else QDate(value.year, value.month, value.day))
