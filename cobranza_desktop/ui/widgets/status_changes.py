"""A customer's status changes, each with its date and reason, for the customer's file."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QLabel, QWidget

from cobranza_desktop.domain.formatting import format_date
from cobranza_desktop.services.customers.restrictions import StatusChangeView


def change_line(change: StatusChangeView) -> str:
    line = (
        f"{format_date(change.effective_date)}: {change.from_status.label()} → "
        f"{change.to_status.label()} — {change.reason}"
    )
    if change.restricted_services:
        line += f" ({change.restricted_services})"
    return line


class StatusChanges(QLabel):
    """Newest first; hidden while the customer never changed status."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusChanges")
        self.setWordWrap(True)
        self.setVisible(False)

    def show_changes(self, history: Sequence[StatusChangeView]) -> None:
        lines = [change_line(c) for c in reversed(history)]
        self.setText(self.tr("Cambios de estado:") + "\n" + "\n".join(lines) if lines else "")
        self.setVisible(bool(lines))

    def latest(self, history: Sequence[StatusChangeView]) -> str:
        """The tooltip of the status in the file's header: why it is what it is."""
        return change_line(history[-1]) if history else ""
