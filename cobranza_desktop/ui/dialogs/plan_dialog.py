"""New payment plan: customer, invoices, instalments, and a live preview of the schedule.

Every change asks :meth:`PlanService.preview` (on the database worker) for the
schedule, so what the person sees is exactly what :meth:`PlanService.create` will
write, to the cent. Bad input shows in red under the form, never as a traceback, and
nothing is written until "Crear plan" succeeds.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.formatting import format_date
from cobranza_desktop.domain.plans import MAX_INSTALMENTS, Frequency
from cobranza_desktop.services.collections.plans import (
    OpenInvoiceView,
    PlanPreview,
    PlanRequest,
    PlanService,
    PlanView,
)
from cobranza_desktop.ui.accessibility import caption
from cobranza_desktop.ui.tasks import Kind, OpChanges, TaskFailure, TaskRunner
from cobranza_desktop.ui.text_cache import money
from cobranza_desktop.ui.widgets.customer_picker import CustomerPicker, CustomerSearch
from cobranza_desktop.ui.widgets.forms import FieldErrors, date_edit, from_qdate

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

# The window's style sheet draws line edits, dates and combos in red; spin boxes and
# the invoice list need the same here.
_LOCAL_STYLE = """
QSpinBox[invalid="true"], QTableWidget[invalid="true"] {
    border: 1.5px solid #b3261e; border-radius: 3px; background: #fdf1f0;
}
QLabel#planTotals { color: palette(text); }
"""


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setShowGrid(False)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setStretchLastSection(True)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    return table


def _item(text: str, align: Qt.AlignmentFlag | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if align is not None:
        item.setTextAlignment(align)
    return item


class PlanDialog(QDialog):
    """Create a payment plan. After ``accept()``, :attr:`created` holds the new plan."""

    def __init__(
        self,
        plans: PlanService,
        search: CustomerSearch,
        runner: TaskRunner,
        clock: Clock,
        parent: QWidget | None = None,
        customer: tuple[int, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self._plans = plans
        self._runner = runner
        self._today = clock.today()
        self._invoices: list[OpenInvoiceView] = []
        self._filling = False
        self.created: PlanView | None = None
        self.preview: PlanPreview | None = None
        self.setWindowTitle(self.tr("Nuevo plan de pagos"))
        self.setStyleSheet(_LOCAL_STYLE)
        self.setMinimumWidth(760)

        self.customer = CustomerPicker(search, runner)
        self.invoice_table = _table(
            [self.tr("Incluir"), self.tr("Factura"), self.tr("Vence"), self.tr("Saldo")]
        )
        self.invoice_table.setMinimumHeight(130)
        self.invoice_hint = QLabel(self.tr("Elija un cliente para ver sus facturas abiertas."))
        self.invoice_hint.setObjectName("statusLine")

        self.instalments = QSpinBox()
        self.instalments.setRange(0, MAX_INSTALMENTS)
        self.instalments.setValue(3)
        self.frequency = QComboBox()
        self.frequency.addItem(self.tr("Semanal"), Frequency.WEEKLY.value)
        self.frequency.addItem(self.tr("Quincenal"), Frequency.FORTNIGHTLY.value)
        self.frequency.addItem(self.tr("Mensual"), Frequency.MONTHLY.value)
        self.frequency.setCurrentIndex(2)
        self.first_due = date_edit(self._today + timedelta(days=7))
        self.down_payment = QLineEdit()
        self.down_payment.setPlaceholderText("0.00")
        self.interest = QLineEdit()
        self.interest.setPlaceholderText("0")
        self.grace_days = QSpinBox()
        self.grace_days.setRange(0, 60)
        self.grace_days.setValue(5)
        self.grace_days.setSuffix(self.tr(" días"))
        self.waive = QCheckBox(
            self.tr("Condonar los rec&argos no pagados de las facturas elegidas")
        )
        self.notes = QLineEdit()
        self.notes.setPlaceholderText(self.tr("Opcional"))

        terms = QGridLayout()
        terms.setHorizontalSpacing(10)
        terms.addWidget(caption(self.tr("&Número de pagos"), self.instalments), 0, 0)
        terms.addWidget(self.instalments, 0, 1)
        terms.addWidget(caption(self.tr("Pe&riodicidad"), self.frequency), 0, 2)
        terms.addWidget(self.frequency, 0, 3)
        terms.addWidget(caption(self.tr("Primer pa&go"), self.first_due), 1, 0)
        terms.addWidget(self.first_due, 1, 1)
        terms.addWidget(caption(self.tr("&Enganche"), self.down_payment), 1, 2)
        terms.addWidget(self.down_payment, 1, 3)
        terms.addWidget(caption(self.tr("&Interés (%)"), self.interest), 2, 0)
        terms.addWidget(self.interest, 2, 1)
        terms.addWidget(caption(self.tr("&Días de gracia"), self.grace_days), 2, 2)
        terms.addWidget(self.grace_days, 2, 3)
        terms.addWidget(caption(self.tr("N&otas"), self.notes), 3, 0)
        terms.addWidget(self.notes, 3, 1, 1, 3)
        terms.addWidget(self.waive, 4, 0, 1, 4)
        terms.setColumnStretch(1, 1)
        terms.setColumnStretch(3, 1)

        self.schedule_table = _table([self.tr("Pago"), self.tr("Fecha"), self.tr("Monto")])
        self.schedule_table.setMinimumHeight(150)
        self.totals = QLabel(" ")
        self.totals.setObjectName("planTotals")
        self.totals.setWordWrap(True)
        self.error = QLabel()
        self.errors = FieldErrors(
            self.error,
            {
                "customer": self.customer,
                "invoices": self.invoice_table,
                "instalments": self.instalments,
                "frequency": self.frequency,
                "first_due": self.first_due,
                "down_payment": self.down_payment,
                "interest_percent": self.interest,
                "grace_days": self.grace_days,
                "waived_penalties": self.waive,
            },
        )

        left = QVBoxLayout()
        customer_row = QHBoxLayout()
        customer_row.addWidget(caption(self.tr("&Cliente"), self.customer))
        customer_row.addWidget(self.customer, 1)
        left.addLayout(customer_row)
        invoices_box = QGroupBox(self.tr("Facturas del plan"))
        invoices_layout = QVBoxLayout(invoices_box)
        invoices_layout.addWidget(self.invoice_table, 1)
        invoices_layout.addWidget(self.invoice_hint)
        left.addWidget(invoices_box, 1)
        terms_box = QGroupBox(self.tr("Condiciones"))
        terms_box.setLayout(terms)
        left.addWidget(terms_box)

        right = QVBoxLayout()
        schedule_box = QGroupBox(self.tr("Calendario de pagos"))
        schedule_layout = QVBoxLayout(schedule_box)
        schedule_layout.addWidget(self.schedule_table, 1)
        schedule_layout.addWidget(self.totals)
        right.addWidget(schedule_box, 1)

        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = self.buttons.addButton(
            self.tr("Crear p&lan"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancelar"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.refresh_preview)
        self.customer.customer_changed.connect(self._customer_changed)
        self.invoice_table.itemChanged.connect(lambda _i: self._changed())
        self.instalments.valueChanged.connect(lambda _v: self._changed())
        self.frequency.currentIndexChanged.connect(lambda _i: self._changed())
        self.first_due.dateChanged.connect(lambda _d: self._changed())
        self.down_payment.textChanged.connect(lambda _t: self._changed())
        self.interest.textChanged.connect(lambda _t: self._changed())
        self.grace_days.valueChanged.connect(lambda _v: self._changed())
        self.waive.toggled.connect(lambda _b: self._changed())
        self.resize(900, 560)
        if customer is not None:
            self.customer.set_customer(*customer)

    # -- reading the form ---------------------------------------------------------

    def selected_invoice_ids(self) -> tuple[int, ...]:
        return tuple(
            self._invoices[row].invoice_id
            for row in range(self.invoice_table.rowCount())
            if (item := self.invoice_table.item(row, 0)) is not None
            and item.checkState() == Qt.CheckState.Checked
        )

    def request(self) -> PlanRequest | None:
        if self.customer.customer_id is None:
            return None
        return PlanRequest(
            customer_id=self.customer.customer_id,
            invoice_ids=self.selected_invoice_ids(),
            instalments=self.instalments.value(),
            frequency=str(self.frequency.currentData()),
            first_due=from_qdate(self.first_due.date()),
            down_payment=self.down_payment.text().strip() or "0",
            interest_percent=self.interest.text().strip() or "0",
            waive_penalties=self.waive.isChecked(),
            grace_days=self.grace_days.value(),
            notes=self.notes.text(),
        )

    # -- customer and invoices -----------------------------------------------------

    def _customer_changed(self, customer_id: int | None) -> None:
        self._set_invoices([])
        if customer_id is None:
            self.invoice_hint.setText(self.tr("Elija un cliente para ver sus facturas abiertas."))
            return
        self.invoice_hint.setText(self.tr("Cargando facturas…"))
        plans = self._plans
        self._runner.query(lambda _ctx: plans.open_invoices(customer_id)).success(
            self._set_invoices
        ).failure(self._failed).key(f"plan-invoices-{id(self)}").run()

    def _set_invoices(self, invoices: list[OpenInvoiceView]) -> None:
        self._filling = True
        self._invoices = list(invoices)
        table = self.invoice_table
        table.setRowCount(len(invoices))
        for row, inv in enumerate(invoices):
            check = QTableWidgetItem()
            check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            check.setCheckState(Qt.CheckState.Checked if inv.overdue else Qt.CheckState.Unchecked)
            table.setItem(row, 0, check)
            number = inv.number
            if inv.late_charge:
                number = self.tr("%1 (recargo)").replace("%1", number)
            table.setItem(row, 1, _item(number))
            due = format_date(inv.due_date)
            if inv.overdue:
                due = self.tr("%1 (vencida)").replace("%1", due)
            table.setItem(row, 2, _item(due))
            table.setItem(row, 3, _item(money(inv.balance), RIGHT))
        table.resizeColumnToContents(0)
        table.setColumnWidth(1, max(table.columnWidth(1), 110))
        table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self._filling = False
        if self.customer.customer_id is None:
            self.invoice_hint.setText(self.tr("Elija un cliente para ver sus facturas abiertas."))
        elif not invoices:
            self.invoice_hint.setText(self.tr("Este cliente no tiene facturas abiertas."))
        else:
            self.invoice_hint.setText(
                self.tr("Las vencidas están marcadas; marque o desmarque las que quiera.")
            )
        self._changed()

    # -- preview ---------------------------------------------------------------------

    def _changed(self) -> None:
        if not self._filling:
            self._timer.start()

    def refresh_preview(self) -> None:
        """Ask the service for the schedule of what the form says now."""
        self._timer.stop()
        request = self.request()
        if request is None or not self._invoices:
            self._show_schedule(None)
            return
        plans = self._plans
        self._runner.query(lambda _ctx: plans.preview(request)).success(
            self._show_schedule
        ).failure(self._preview_failed).key(f"plan-preview-{id(self)}").run()

    def _show_schedule(self, preview: PlanPreview | None) -> None:
        self.preview = preview
        self.errors.clear()
        table = self.schedule_table
        if preview is None:
            table.setRowCount(0)
            self.totals.setText(" ")
            return
        schedule = preview.schedule
        table.setRowCount(len(schedule.instalments))
        for row, inst in enumerate(schedule.instalments):
            label = self.tr("Enganche") if inst.number == 0 else str(inst.number)
            table.setItem(row, 0, _item(label))
            table.setItem(row, 1, _item(format_date(inst.due_date)))
            table.setItem(row, 2, _item(money(inst.amount), RIGHT))
        table.resizeColumnToContents(0)
        table.resizeColumnToContents(1)
        parts = [self.tr("Deuda: %1").replace("%1", money(schedule.principal))]
        if schedule.waived > 0:
            parts.append(self.tr("Condonado: %1").replace("%1", money(schedule.waived)))
        if schedule.down_payment > 0:
            parts.append(self.tr("Enganche: %1").replace("%1", money(schedule.down_payment)))
        if schedule.interest > 0:
            parts.append(self.tr("Interés: %1").replace("%1", money(schedule.interest)))
        parts.append(self.tr("Total a pagar: %1").replace("%1", money(schedule.total)))
        self.totals.setText("\n".join(parts))

    def _preview_failed(self, failure: TaskFailure) -> None:
        self.preview = None
        self.schedule_table.setRowCount(0)
        self.totals.setText(" ")
        # While typing, the live preview marks the field but leaves the cursor alone.
        focused = QApplication.focusWidget()
        self._failed(failure)
        if focused is not None:
            focused.setFocus()

    def _failed(self, failure: TaskFailure) -> None:
        self.errors.show(failure.message, failure.field)

    def hideEvent(self, event: QHideEvent) -> None:
        self._timer.stop()  # no preview for a dialog that is gone
        super().hideEvent(event)

    # -- saving ------------------------------------------------------------------------

    def save(self) -> None:
        request = self.request()
        if request is None:
            self.errors.show(self.tr("Elija un cliente."), "customer")
            return
        if not request.invoice_ids:
            self.errors.show(self.tr("Seleccione al menos una factura."), "invoices")
            return
        self.errors.clear()
        self.create_button.setEnabled(False)
        plans = self._plans
        self._runner.write(
            lambda _ctx: plans.create(request),
            lambda plan: OpChanges.of(Kind.PLANS, customers=[plan.customer_id]),
        ).success(self._created).failure(self._create_failed).describe(
            self.tr("Crear plan de pagos"), show_progress=False
        ).run()

    def _created(self, plan: PlanView) -> None:
        self.create_button.setEnabled(True)
        self.created = plan
        self.accept()

    def _create_failed(self, failure: TaskFailure) -> None:
        self.create_button.setEnabled(True)
        self._failed(failure)
