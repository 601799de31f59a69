"""The composer's call actions: the number, a promise to pay, the reason for not
paying, and one button per call outcome.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cobranza_desktop.domain.contact_data import display_phone
from cobranza_desktop.domain.contact_policy import NonPaymentReason
from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.money import parse_amount
from cobranza_desktop.ui.dialogs.composer.common import CALL_OUTCOMES, ComposerContext, qdate


class CallPanel(QWidget):
    """Log how the call went (following the script in the preview)."""

    def __init__(
        self, context: ComposerContext, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        recipient = context.recipient

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.phone_to = QLabel()
        phone = display_phone(recipient.whatsapp or recipient.phone)
        self.phone_to.setText(
            QCoreApplication.translate("ReminderComposer", "Teléfono: %1").replace(
                "%1", display_phone(recipient.phone) or phone or "—"
            )
        )
        layout.addWidget(self.phone_to)
        promise_row = QHBoxLayout()
        promise_row.addWidget(
            QLabel(QCoreApplication.translate("ReminderComposer", "Promesa: monto"))
        )
        self.promise_amount = QLineEdit()
        self.promise_amount.setPlaceholderText("1234.50")
        self.promise_amount.setMaximumWidth(120)
        promise_row.addWidget(self.promise_amount)
        promise_row.addWidget(QLabel(QCoreApplication.translate("ReminderComposer", "fecha")))
        self.promise_date = QDateEdit()
        self.promise_date.setCalendarPopup(True)
        self.promise_date.setDisplayFormat("dd/MM/yyyy")
        self.promise_date.setDate(qdate(today + timedelta(days=7)))
        self.promise_date.setMinimumDate(qdate(today))
        promise_row.addWidget(self.promise_date)
        promise_row.addWidget(QLabel(QCoreApplication.translate("ReminderComposer", "Notas:")))
        self.call_notes = QLineEdit()
        promise_row.addWidget(self.call_notes, 1)
        layout.addLayout(promise_row)
        reason_row = QHBoxLayout()
        reason_row.addWidget(
            QLabel(QCoreApplication.translate("ReminderComposer", "Motivo del impago:"))
        )
        self.reason_combo = QComboBox()
        self.reason_combo.addItem(
            QCoreApplication.translate("ReminderComposer", "(sin motivo)"), ""
        )
        for reason in NonPaymentReason:
            self.reason_combo.addItem(reason.label(), reason.value)
        reason_row.addWidget(self.reason_combo, 1)
        layout.addLayout(reason_row)
        buttons = QHBoxLayout()
        labels = {
            "contacted": QCoreApplication.translate("ReminderComposer", "Contactado"),
            "no_answer": QCoreApplication.translate("ReminderComposer", "No contestó"),
            "promise": QCoreApplication.translate("ReminderComposer", "Promesa de pago"),
            "dispute": QCoreApplication.translate("ReminderComposer", "Disputa"),
            "refused": QCoreApplication.translate("ReminderComposer", "Se negó"),
        }
        self.outcome_buttons: dict[str, QPushButton] = {}
        for outcome in CALL_OUTCOMES:
            button = QPushButton(labels[outcome])
            button.setObjectName(f"outcome_{outcome}")
            button.clicked.connect(lambda _=False, o=outcome: self._log_call(o))
            self.outcome_buttons[outcome] = button
            buttons.addWidget(button)
        layout.addLayout(buttons)

    def update_actions(self, ok: bool, has_text: bool) -> None:
        for button in self.outcome_buttons.values():
            button.setEnabled(has_text)

    def _log_call(self, outcome: str) -> None:
        context = self._context
        reason = context.override_reason()
        if reason is None or context.rendered is None:
            return
        more: dict[str, Any] = {
            "notes": self.call_notes.text().strip(),
            "override_reason": reason,
            "reason": str(self.reason_combo.currentData() or ""),
        }
        if outcome in ("dispute", "refused") and not more["reason"]:
            context.show_status(
                QCoreApplication.translate("ReminderComposer", "Indique el motivo del impago."),
                error=True,
            )
            self.reason_combo.setFocus()
            return
        if outcome == "promise":
            try:
                more["promise_amount"] = parse_amount(self.promise_amount.text(), "promise_amount")
            except ValidationError as exc:
                context.show_status(exc.message, error=True)
                self.promise_amount.setFocus()
                return
            more["promise_date"] = self.promise_date.date().toPython()
        context.log(context.record("phone", outcome, **more), context.accept)
