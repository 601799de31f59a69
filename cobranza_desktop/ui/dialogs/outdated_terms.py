"""Customers who signed an older version of the credit terms, and what changed since."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from cobranza_desktop.domain.formatting import format_date
from cobranza_desktop.services.documents.credit_terms import CreditTermsService, TermsStatus
from cobranza_desktop.ui.accessibility import named
from cobranza_desktop.ui.tasks import TaskRunner


class OutdatedTermsDialog(QDialog):
    def __init__(
        self, terms: CreditTermsService, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Condiciones por actualizar"))
        self.rows: list[TermsStatus] | None = None
        self.intro = QLabel(self.tr("Cargando…"))
        self.intro.setWordWrap(True)
        self.text = QPlainTextEdit()
        named(self.text, self.tr("Clientes por actualizar"))
        self.text.setReadOnly(True)
        close = QPushButton(self.tr("Cerrar"))
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.text, 1)
        layout.addWidget(close)
        self.resize(620, 380)
        runner.query(lambda ctx: terms.outdated()).success(self._show).run()

    def _show(self, rows: list[TermsStatus]) -> None:
        self.rows = rows
        self.intro.setText(
            self.tr(
                "Estos clientes firmaron una versión anterior de las condiciones. Imprima las "
                "nuevas desde su expediente: indican qué cambió."
            )
            if rows
            else self.tr("Todos los clientes que firmaron tienen la versión vigente.")
        )
        self.text.setPlainText(
            "\n".join(
                f"{r.customer_name} — {format_date(r.signed_on) if r.signed_on else ''} "
                f"({r.signed_version}): {'; '.join(r.changed)}"
                for r in rows
            )
        )
