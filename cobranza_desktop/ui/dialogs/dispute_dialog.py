"""Put an invoice in dispute, or settle its dispute, with a reason.

While an invoice is disputed its ladder and its penalties pause; the dialog says so
before it is done. Any refusal shows inline, under the reason.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QVBoxLayout, QWidget

from cobranza_desktop.domain.formatting import format_date, format_money
from cobranza_desktop.services.billing.disputes import DisputeService, DisputeView
from cobranza_desktop.services.billing.invoices import InvoiceView
from cobranza_desktop.ui.tasks import Kind, OpChanges, TaskFailure, TaskRunner
from cobranza_desktop.ui.widgets.forms import FieldErrors, action_buttons


class DisputeDialog(QDialog):
    def __init__(
        self,
        disputes: DisputeService,
        runner: TaskRunner,
        invoice: InvoiceView,
        parent: QWidget | None = None,
        *,
        history: Sequence[DisputeView] = (),
    ) -> None:
        super().__init__(parent)
        self._disputes = disputes
        self._runner = runner
        self._invoice = invoice
        self.settling = invoice.disputed
        self.result_view: DisputeView | None = None
        number = invoice.number
        if self.settling:
            self.setWindowTitle(self.tr("Resolver la disputa"))
            what = self.tr(
                "La factura %1 (%2, saldo %3) está en disputa. Al resolverla, su cobranza y "
                "sus recargos continúan."
            )
            placeholder = self.tr("Cómo se resolvió (obligatorio)")
            accept = self.tr("Resolver la disputa")
        else:
            self.setWindowTitle(self.tr("Poner en disputa"))
            what = self.tr(
                "Mientras la factura %1 (%2, saldo %3) esté en disputa, la agenda no propone "
                "acciones sobre ella y no genera recargos. La antigüedad la sigue mostrando."
            )
            placeholder = self.tr("Qué dice el cliente (obligatorio)")
            accept = self.tr("Poner en disputa")
        self.explanation = QLabel(
            what.replace("%1", number)
            .replace("%2", invoice.customer_name)
            .replace("%3", format_money(invoice.balance))
        )
        self.explanation.setWordWrap(True)
        # The invoice's earlier disputes (newest first): why it is disputed, how they ended.
        self.history = QLabel(
            "\n".join(
                self.tr("Desde el %1: %2")
                .replace("%1", format_date(d.opened_on))
                .replace("%2", d.reason)
                + (
                    ""
                    if d.settled_on is None
                    else self.tr(" — resuelta el %1: %2")
                    .replace("%1", format_date(d.settled_on))
                    .replace("%2", d.settle_reason)
                )
                for d in history
            )
        )
        self.history.setObjectName("statusLine")
        self.history.setWordWrap(True)
        self.history.setVisible(bool(history))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(placeholder)
        self.error_label = QLabel()
        self.errors = FieldErrors(self.error_label, {"reason": self.reason})
        self.buttons, self.save_button = action_buttons(accept, self.save, self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.history)
        layout.addWidget(QLabel(self.tr("Motivo")))
        layout.addWidget(self.reason)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.resize(520, 220)

    def save(self) -> None:
        reason = self.reason.text().strip()
        if not reason:
            self.errors.show(self.tr("Escriba el motivo."), "reason")
            return
        self.errors.clear()
        disputes, invoice_id = self._disputes, self._invoice.id
        settle = disputes.settle if self.settling else disputes.mark
        self.save_button.setEnabled(False)
        self._runner.write(
            lambda _ctx: settle(invoice_id, reason),
            OpChanges.of(
                Kind.INVOICES, Kind.PENALTIES, Kind.CONTACTS, customers=[self._invoice.customer_id]
            ),
        ).success(self._done).failure(self._failed).describe(
            self.windowTitle(), show_progress=False
        ).run()

    def _done(self, view: DisputeView) -> None:
        self.result_view = view
        self.accept()

    def _failed(self, failure: TaskFailure) -> None:
        self.save_button.setEnabled(True)
        self.errors.show(failure.message, failure.field)
