"""Log a contact: channel, outcome, reason, notes, next action date, and a promise.

The dialog does not write anything itself: ``submit(values)`` (a service call) does,
as a write op on the database worker, declaring ``changes``. If it fails the message
is shown in the dialog, which stays open with everything typed, so nothing is lost.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from cobranza_desktop.domain.contact_policy import Channel, NonPaymentReason, Outcome, Violation
from cobranza_desktop.ui.tasks import OpChanges, TaskRunner


@dataclass(frozen=True)
class ContactFormValues:
    channel: Channel
    outcome: Outcome
    reason: NonPaymentReason | None
    notes: str
    next_action_date: date | None
    promise_amount: str | None
    promise_date: date | None
    override_reason: str | None


def _to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class ContactLogDialog(QDialog):
    def __init__(
        self,
        customer_name: str,
        today: date,
        submit: Callable[[ContactFormValues], object],
        runner: TaskRunner,
        changes: OpChanges,
        *,
        channel: Channel = Channel.PHONE,
        action_label: str = "",
        violations: Sequence[Violation] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._submit = submit
        self._runner = runner
        self._changes = changes
        self._today = today
        self.setWindowTitle(self.tr("Registrar contacto — {0}").format(customer_name))
        self.setMinimumWidth(460)

        self.channel = QComboBox()
        for item in Channel:
            self.channel.addItem(item.label(), item.value)
        self.channel.setCurrentIndex(self.channel.findData(channel.value))
        self.outcome = QComboBox()
        for outcome in Outcome:
            self.outcome.addItem(outcome.label(), outcome.value)
        self.reason = QComboBox()
        self.reason.addItem(self.tr("— sin motivo —"), "")
        for reason in NonPaymentReason:
            self.reason.addItem(reason.label(), reason.value)
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(self.tr("Qué se habló, con quién, acuerdos…"))
        self.notes.setFixedHeight(80)
        self.has_next = QCheckBox(self.tr("&Siguiente acción el"))
        self.next_date = QDateEdit(_to_qdate(today).addDays(3))
        self.next_date.setCalendarPopup(True)
        self.next_date.setDisplayFormat("dd/MM/yyyy")
        self.next_date.setEnabled(False)
        self.promise_amount = QLineEdit()
        self.promise_amount.setPlaceholderText("1234.50")
        self.promise_date = QDateEdit(_to_qdate(today).addDays(7))
        self.promise_date.setCalendarPopup(True)
        self.promise_date.setDisplayFormat("dd/MM/yyyy")
        self.override = QLineEdit()
        self.override.setPlaceholderText(self.tr("Por qué se contacta de todos modos"))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()

        form = QFormLayout()
        if action_label:
            form.addRow(self.tr("Acción:"), QLabel(action_label))
        form.addRow(self.tr("&Canal:"), self.channel)
        form.addRow(self.tr("&Resultado:"), self.outcome)
        form.addRow(self.tr("&Motivo de impago:"), self.reason)
        form.addRow(self.tr("N&otas:"), self.notes)
        form.addRow(self.has_next, self.next_date)
        self.promise_amount_label = QLabel(self.tr("Monto &prometido:"))
        self.promise_date_label = QLabel(self.tr("&Fecha prometida:"))
        form.addRow(self.promise_amount_label, self.promise_amount)
        form.addRow(self.promise_date_label, self.promise_date)
        self.warning = QLabel(
            self.tr("Atención: {0}.").format("; ".join(v.label() for v in violations))
        )
        self.warning.setWordWrap(True)
        self.override_label = QLabel(self.tr("Motivo para e&xcederlo:"))
        form.addRow(self.warning)
        form.addRow(self.override_label, self.override)
        if not violations:
            self.warning.hide()
            self.override.hide()
            self.override_label.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        self.has_next.toggled.connect(self.next_date.setEnabled)
        self.outcome.currentIndexChanged.connect(self._outcome_changed)
        self._outcome_changed()

    def _outcome_changed(self) -> None:
        is_promise = self.outcome.currentData() == Outcome.PROMISE.value
        for widget in (
            self.promise_amount,
            self.promise_date,
            self.promise_amount_label,
            self.promise_date_label,
        ):
            widget.setVisible(is_promise)

    def values(self) -> ContactFormValues:
        outcome = Outcome(self.outcome.currentData())
        reason_value = self.reason.currentData()
        is_promise = outcome is Outcome.PROMISE
        override = self.override.text().strip()
        return ContactFormValues(
            channel=Channel(self.channel.currentData()),
            outcome=outcome,
            reason=NonPaymentReason(reason_value) if reason_value else None,
            notes=self.notes.toPlainText().strip(),
            next_action_date=_from_qdate(self.next_date.date())
            if self.has_next.isChecked()
            else None,
            promise_amount=self.promise_amount.text().strip() or None if is_promise else None,
            promise_date=_from_qdate(self.promise_date.date()) if is_promise else None,
            override_reason=override or None,
        )

    def save(self) -> None:
        values, submit = self.values(), self._submit
        self._runner.write(lambda _ctx: submit(values), self._changes).success(
            lambda _result: self.accept()
        ).failure(lambda failure: self.show_error(failure.message, failure.field or "")).run()

    def show_error(self, message: str, field: str = "") -> None:
        self.error.setText(message)
        self.error.show()
        target = {
            "reason": self.reason,
            "promise_amount": self.promise_amount,
            "promised_date": self.promise_date,
            "next_action_date": self.next_date,
            "override_reason": self.override,
            "notes": self.notes,
        }.get(field)
        if target is self.override:
            self.warning.setText(message)
            self.warning.show()
            self.override.show()
            self.override_label.show()
        if target is not None:
            target.setFocus()
