"""Change a customer's status (active, restricted, ..., written off) with a reason.

Every transition is recorded with its date and reason by the restriction service;
the dialog shows the past ones, and any refusal inline, under the field it concerns.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from cobranza_desktop.domain.customers import CustomerStatus
from cobranza_desktop.domain.formatting import format_date
from cobranza_desktop.services.customers.restrictions import RestrictionService, StatusChangeView
from cobranza_desktop.ui.tasks import Kind, OpChanges, TaskFailure, TaskRunner
from cobranza_desktop.ui.widgets.forms import FieldErrors, action_buttons


class StatusDialog(QDialog):
    def __init__(
        self,
        restrictions: RestrictionService,
        runner: TaskRunner,
        customer_id: int,
        current: CustomerStatus,
        history: list[StatusChangeView] | None = None,
        *,
        on_done: Callable[[StatusChangeView], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cambiar estado del cliente"))
        self._restrictions = restrictions
        self._runner = runner
        self._customer_id = customer_id
        self._on_done = on_done
        self.result_view: StatusChangeView | None = None

        self.current_label = QLabel(self.tr("Estado actual: %1").replace("%1", current.label()))
        self.status = QComboBox()
        for status in CustomerStatus:
            if status is not current:
                self.status.addItem(status.label(), status.value)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Por qué cambia el estado (obligatorio)"))
        self.services = QLineEdit()
        self.services.setPlaceholderText(self.tr("Qué servicios se limitan (al restringir)"))
        form = QFormLayout()
        form.addRow(self.tr("&Nuevo estado"), self.status)
        form.addRow(self.tr("&Motivo"), self.reason)
        form.addRow(self.tr("&Restricción"), self.services)

        self.history = QLabel()
        self.history.setWordWrap(True)
        self.history.setObjectName("statusLine")
        lines = [
            f"{format_date(h.effective_date)}: {h.from_status.label()} → "
            f"{h.to_status.label()} — {h.reason}"
            for h in reversed(history or [])
        ]
        self.history.setText(
            self.tr("Cambios anteriores:") + "\n" + "\n".join(lines)
            if lines
            else self.tr("Sin cambios de estado anteriores.")
        )

        self.error_label = QLabel()
        self.errors = FieldErrors(
            self.error_label,
            {
                "status": self.status,
                "reason": self.reason,
                "restricted_services": self.services,
            },
        )
        self.buttons, self.save_button = action_buttons(
            self.tr("Cambiar &estado"), self.save, self.reject
        )

        layout = QVBoxLayout(self)
        layout.addWidget(self.current_label)
        layout.addLayout(form)
        layout.addWidget(self.history)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(480, 280)

    def select(self, status: CustomerStatus) -> None:
        index = self.status.findData(status.value)
        if index >= 0:
            self.status.setCurrentIndex(index)

    def save(self) -> None:
        reason = self.reason.text().strip()
        if not reason:
            self.errors.show(self.tr("Escriba el motivo del cambio de estado."), "reason")
            return
        self.errors.clear()
        restrictions, customer_id = self._restrictions, self._customer_id
        target, services = str(self.status.currentData()), self.services.text().strip()
        self.save_button.setEnabled(False)
        self._runner.write(
            lambda ctx: restrictions.change(customer_id, target, reason, services),
            OpChanges.of(Kind.CUSTOMERS, Kind.CONTACTS, customers=[customer_id]),
        ).success(self._done).failure(self._failed).describe(
            self.tr("Cambiando estado"), show_progress=False
        ).run()

    def _done(self, view: StatusChangeView) -> None:
        self.result_view = view
        if self._on_done is not None:
            self._on_done(view)
        self.accept()

    def _failed(self, failure: TaskFailure) -> None:
        self.save_button.setEnabled(True)
        self.errors.show(failure.message, failure.field)
