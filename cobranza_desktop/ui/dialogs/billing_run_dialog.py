""" "Facturar periodos…": preview the billing run for a date, then issue it.

The preview (count, total, per customer) is a keyed query, so changing the date
supersedes the older computation. "Emitir" runs :meth:`BillingRunService.run` as one
write op with a progress bar and Cancel; the run is one transaction, so a cancelled run
writes nothing, and a second run on the same date issues nothing (natural keys).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.services.billing.billing_run import (
    BillingPlan,
    BillingResult,
    BillingRunService,
)
from cobranza_desktop.services.messaging.run_delivery import RunDelivery, RunDeliveryService
from cobranza_desktop.ui.accessibility import caption, named
from cobranza_desktop.ui.tasks import Kind, OpChanges, TaskContext, TaskHandle, TaskRunner
from cobranza_desktop.ui.text_cache import money
from cobranza_desktop.ui.widgets.forms import date_edit, from_qdate

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class BillingRunDialog(QDialog):
    def __init__(
        self,
        billing: BillingRunService,
        runner: TaskRunner,
        clock: Clock,
        parent: QWidget | None = None,
        *,
        delivery: RunDeliveryService | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Facturar periodos"))
        self._billing = billing
        self._delivery = delivery
        self.delivered: RunDelivery | None = None
        self._runner = runner
        self._handle: TaskHandle | None = None
        self.plan: BillingPlan | None = None
        self.outcome: BillingResult | None = None

        self.date = date_edit(clock.today())
        self.date.setMaximumDate(self.date.date())  # the service refuses a future date
        self.summary = QLabel(" ")
        self.summary.setObjectName("planTotals")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Cliente"), self.tr("Facturas"), self.tr("Total")]
        )
        named(self.table, self.tr("Facturas por emitir"))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setColumnWidth(0, 320)
        self.table.setColumnWidth(1, 90)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        self.message = QLabel(" ")
        self.message.setWordWrap(True)
        self.email = QCheckBox(self.tr("Enviar cada factura por correo, con su PDF"))
        self.email.setToolTip(
            self.tr(
                "Después de emitir, por la bandeja de salida. En el horario de descanso no se "
                "envía nada: se envían después desde Facturas."
            )
        )
        self.email.setVisible(delivery is not None)

        self.buttons = QDialogButtonBox()
        self.issue_button: QPushButton = self.buttons.addButton(
            self.tr("Emitir"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button: QPushButton = self.buttons.addButton(
            self.tr("Cancelar"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.issue_button.setEnabled(False)
        self.issue_button.clicked.connect(self.issue)
        self.cancel_button.clicked.connect(self._cancel)

        top = QHBoxLayout()
        top.addWidget(caption(self.tr("&Facturar los periodos que vencen hasta el"), self.date))
        top.addWidget(self.date)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.email)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.date.dateChanged.connect(lambda _d: self.refresh_preview())
        self.resize(640, 480)
        self.refresh_preview()

    def refresh_preview(self) -> None:
        billing, day = self._billing, from_qdate(self.date.date())
        self.issue_button.setEnabled(False)
        self.summary.setText(self.tr("Calculando…"))
        self._runner.query(lambda _ctx: billing.preview(day)).success(self._show_plan).error(
            self.summary.setText
        ).key(f"billing-preview-{id(self)}").run()

    def _show_plan(self, plan: BillingPlan) -> None:
        self.plan = plan
        if plan.count == 0:
            self.summary.setText(self.tr("No hay periodos por facturar hasta esta fecha."))
        else:
            self.summary.setText(
                self.tr("Se emitirán %Ln facturas por %1.", None, plan.count).replace(
                    "%1", money(plan.total)
                )
            )
        self.table.setRowCount(len(plan.per_customer))
        for row, c in enumerate(plan.per_customer):
            for column, (text, align) in enumerate(
                [(c.customer_name, None), (str(c.count), RIGHT), (money(c.total), RIGHT)]
            ):
                item = QTableWidgetItem(text)
                if align is not None:
                    item.setTextAlignment(align)
                self.table.setItem(row, column, item)
        self.issue_button.setEnabled(plan.count > 0 and self._handle is None)

    def issue(self) -> None:
        if self.plan is None or self.plan.count == 0 or self._handle is not None:
            return
        billing, day = self._billing, self.plan.date

        def work(ctx: TaskContext) -> BillingResult:
            return billing.run(
                day, lambda done, total: ctx.progress(done / max(total, 1)), ctx.cancelled
            )

        self.issue_button.setEnabled(False)
        self.date.setEnabled(False)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.message.setText(self.tr("Emitiendo facturas…"))
        self._handle = (
            self._runner.write(work, OpChanges.of(Kind.INVOICES, Kind.SUBSCRIPTIONS))
            .progress(lambda f: self.progress.setValue(round(f * 100)))
            .success(self._done)
            .error(self._failed)
            .run()
        )

    def _done(self, result: BillingResult) -> None:
        self._handle = None
        self.outcome = result
        self.progress.setValue(100)
        self.date.setEnabled(True)
        self.cancel_button.setText(self.tr("Cerrar"))
        self.message.setText(
            self.tr("Listo: %Ln facturas emitidas por %1", None, len(result.invoices)).replace(
                "%1", money(result.total)
            )
            + " ("
            + self.tr("%Ln en pausa", None, result.paused)
            + ", "
            + self.tr("%Ln omitidas", None, result.skipped)
            + ")."
        )
        self.refresh_preview()
        if self._delivery is not None and self.email.isChecked() and result.invoices:
            self._send(result)

    def _send(self, result: BillingResult) -> None:
        """After the run committed: each invoice by email, as a write op of its own."""
        delivery = self._delivery
        assert delivery is not None
        ids = [i.invoice_id for i in result.invoices]
        customers = sorted({i.customer_id for i in result.invoices})
        summary = self.message.text()

        def work(ctx: TaskContext) -> RunDelivery:
            return delivery.deliver(
                ids, lambda done, total: ctx.progress(done / max(total, 1)), ctx.cancelled
            )

        def done(sent: RunDelivery) -> None:
            self._handle = None
            self.delivered = sent
            self.progress.setValue(100)
            self.message.setText(
                summary
                + "\n"
                + self.tr(
                    "Por correo: %1 enviadas, %2 en la bandeja de salida, %3 sin correo, "
                    "%4 retenidas por el horario de contacto."
                )
                .replace("%1", str(len(sent.sent)))
                .replace("%2", str(len(sent.pending)))
                .replace("%3", str(len(sent.without_email)))
                .replace("%4", str(len(sent.held)))
            )

        self.progress.setValue(0)
        self.message.setText(summary + "\n" + self.tr("Enviando facturas por correo…"))
        self._handle = (
            self._runner.write(
                work, OpChanges.of(Kind.INVOICES, Kind.MESSAGES, customers=customers)
            )
            .progress(lambda f: self.progress.setValue(round(f * 100)))
            .success(done)
            .error(self._failed)
            .run()
        )

    def _failed(self, message: str) -> None:
        self._handle = None
        self.progress.setVisible(False)
        self.date.setEnabled(True)
        self.message.setText(message)
        self.refresh_preview()

    def _cancel(self) -> None:
        if self._handle is not None and self.outcome is not None and self.delivered is None:
            # The invoices are issued; only the emails not sent yet stay to send later.
            self._handle.cancel()
            self._handle = None
            self.progress.setVisible(False)
            self.message.setText(
                self.tr("Envío detenido: las facturas restantes se envían desde Facturas.")
            )
            return
        if self._handle is not None:
            # One transaction: a cancelled run writes nothing; the failure says so.
            self._handle.cancel()
            self._handle = None
            self.progress.setVisible(False)
            self.date.setEnabled(True)
            self.message.setText(self.tr("Cancelado: no se emitió ninguna factura."))
            self.refresh_preview()
            return
        self.reject()
