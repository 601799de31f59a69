"""The customer file's «Condiciones de crédito» tab: print the terms, mark them signed.

Shows whether the customer signed, when, under which version, and, when the business's
terms changed since, which clauses changed (the new print says so too).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.formatting import format_date
from cobranza_desktop.services.documents.credit_terms import CreditTermsService, TermsStatus
from cobranza_desktop.ui.accessibility import named
from cobranza_desktop.ui.tasks import Kind, OpChanges, TaskFailure, TaskRunner


class CustomerTermsPanel(QWidget):
    def __init__(
        self,
        terms: CreditTermsService,
        runner: TaskRunner,
        clock: Clock,
        view_terms: Callable[[QWidget, int], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._terms = terms
        self._runner = runner
        self._view_terms = view_terms
        self.customer_id: int | None = None
        self.status_view: TermsStatus | None = None

        intro = QLabel(
            self.tr(
                "Los recargos y premios deben estar por escrito y firmados por el cliente. "
                "Imprima las condiciones, déselas a leer y registre la fecha de firma."
            )
        )
        intro.setWordWrap(True)
        self.state = QLabel()
        self.state.setObjectName("sectionTitle")
        self.state.setWordWrap(True)
        self.changes = QLabel()
        self.changes.setWordWrap(True)
        self.changes.setObjectName("statusLine")
        self.print_button = QPushButton(self.tr("Imprimir condiciones"))
        self.print_button.clicked.connect(self.print_terms)
        self.signed_on = QDateEdit()
        named(self.signed_on, self.tr("Fecha de firma"))
        self.signed_on.setCalendarPopup(True)
        today = clock.today()
        self.signed_on.setDate(QDate(today.year, today.month, today.day))
        self.signed_on.setMaximumDate(QDate(today.year, today.month, today.day))
        self.sign_button = QPushButton(self.tr("Marcar como firmadas"))
        self.sign_button.clicked.connect(self.mark_signed)
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        row = QHBoxLayout()
        row.addWidget(self.print_button)
        row.addSpacing(18)
        row.addWidget(QLabel(self.tr("Firmadas el")))
        row.addWidget(self.signed_on)
        row.addWidget(self.sign_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.state)
        layout.addWidget(self.changes)
        layout.addLayout(row)
        layout.addWidget(self.error_label)
        layout.addStretch(1)

    def load(self, customer_id: int) -> None:
        self.customer_id = customer_id
        terms = self._terms
        self._runner.query(lambda ctx: terms.status(customer_id)).success(self._show).key(
            f"customer-terms-{id(self)}"
        ).run()

    def _show(self, status: TermsStatus) -> None:
        if status.customer_id != self.customer_id:
            return
        self.status_view = status
        self.error_label.clear()
        if not status.signed or status.signed_on is None:
            self.state.setText(
                self.tr("Sin condiciones firmadas: antes de cobrar recargos hay que justificarlo.")
            )
            self.state.setStyleSheet("color: #a4262c;")
        elif status.outdated:
            self.state.setText(
                self.tr("Firmó la versión %1 el %2; la versión vigente es %3.")
                .replace("%1", status.signed_version)
                .replace("%2", format_date(status.signed_on))
                .replace("%3", status.current_version)
            )
            self.state.setStyleSheet("color: #8a5a00;")
        else:
            self.state.setText(
                self.tr("Firmadas el %1 (versión %2).")
                .replace("%1", format_date(status.signed_on))
                .replace("%2", status.signed_version)
            )
            self.state.setStyleSheet("")
        self.changes.setText(
            self.tr("Cambió desde entonces: %1").replace("%1", "; ".join(status.changed))
            if status.changed
            else ""
        )

    def print_terms(self) -> None:
        if self.customer_id is not None:
            self._view_terms(self, self.customer_id)

    def mark_signed(self) -> None:
        if self.customer_id is None:
            return
        customer_id, terms = self.customer_id, self._terms
        picked = self.signed_on.date()
        day = date(picked.year(), picked.month(), picked.day())
        self.sign_button.setEnabled(False)
        self._runner.write(
            lambda ctx: terms.mark_signed(customer_id, day),
            OpChanges.of(Kind.CUSTOMERS, customers=[customer_id]),
        ).success(self._signed).failure(self._failed).run()

    def _signed(self, status: TermsStatus) -> None:
        self.sign_button.setEnabled(True)
        self._show(status)

    def _failed(self, failure: TaskFailure) -> None:
        self.sign_button.setEnabled(True)
        self.error_label.setText(failure.message)
