"""A phone field for people: it shows "55 1234 5678", takes what is typed in any common
format ("(55) 1234-5678", "+52 55 1234 5678", "55.1234.5678"), and the form that owns
it validates and stores E.164 through the domain (``contact_data.normalize_phone``)."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from cobranza_desktop.domain.contact_data import display_phone, normalize_phone
from cobranza_desktop.domain.errors import ValidationError


class PhoneEdit(QLineEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Connected first: the number is tidied before the form checks it when left.
        self.editingFinished.connect(self.tidy)

    def set_phone(self, stored: str) -> None:
        """A stored number (E.164), as a person reads it."""
        self.setText(display_phone(stored))

    def tidy(self) -> None:
        """A valid number typed in any format is shown in the national one; a wrong one is
        left as typed, for the form to say what is wrong with it."""
        try:
            stored = normalize_phone(self.text())
        except ValidationError:
            return
        shown = display_phone(stored)
        if shown != self.text():
            self.setText(shown)
