"""Record a payment: amount, date, method, reference, and how it is applied.

The allocation table starts with the oldest-first suggestion; the person may change
any amount. What is not applied stays as the customer's credit, and is shown.
Applying more than the payment, or more than an invoice owes, is refused clearly.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cobranza_desktop.domain.allocation import (
    Allocation,
    OpenItem,
    check_allocations,
    suggest_oldest_first,
)
from cobranza_desktop.domain.errors import ConflictError, FieldPath, ValidationError
from cobranza_desktop.domain.formatting import format_date, format_money
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.domain.money import ZERO, parse_amount
from cobranza_desktop.domain.payments import PaymentMethod
from cobranza_desktop.services.collections.receiving import ReceivedPayment, ReceivingService
from cobranza_desktop.services.customers.records import CustomerService
from cobranza_desktop.services.receivables.payments import PaymentInput, PaymentService, PaymentView
from cobranza_desktop.ui.accessibility import named
from cobranza_desktop.ui.tasks import Kind, OpChanges, TaskFailure, TaskRunner
from cobranza_desktop.ui.widgets.customer_picker import CustomerPicker, CustomerSearch
from cobranza_desktop.ui.widgets.forms import (
    FieldErrors,
    action_buttons,
    date_edit,
    from_qdate,
    to_qdate,
)

NUMBER, DUE, BALANCE, APPLY = range(4)
ERROR_BRUSH = QBrush(QColor("#fbe3e1"))


# A payment changes balances, and a discount or its loss may touch penalties.
PAYMENT_KINDS = (Kind.PAYMENTS, Kind.INVOICES, Kind.PENALTIES)


class PaymentDialog(QDialog):
    def __init__(
        self,
        payments: PaymentService,
        customers: CustomerService,
        search: CustomerSearch,
        receiving: ReceivingService,
        runner: TaskRunner,
        today: date,
        *,
        customer_id: int | None = None,
        customer_name: str = "",
        on_done: Callable[[PaymentView], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Registrar pago"))
        self._payments = payments
        self._runner = runner
        self._on_done = on_done
        # Through the receiving service: pending and early-payment discounts apply.
        self._receiving = receiving
        self.received: ReceivedPayment | None = None
        self._items: list[OpenItem] = []
        self.result_view: PaymentView | None = None
        self.problem: str | None = None

        self.customer = CustomerPicker(search, runner)
        self.customer.customer_changed.connect(self._customer_changed)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText("0.00")
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.payment_date = date_edit(today)
        self.payment_date.setMaximumDate(to_qdate(today))
        self.method = QComboBox()
        for method in PaymentMethod:
            self.method.addItem(method.label(), method.value)
        self.reference = QLineEdit()
        self.reference.setPlaceholderText(self.tr("Folio de transferencia, número de cheque…"))
        self.notes = QLineEdit()

        form = QFormLayout()
        form.addRow(self.tr("Cliente"), self.customer)
        form.addRow(self.tr("Monto recibido"), self.amount)
        form.addRow(self.tr("Fecha"), self.payment_date)
        form.addRow(self.tr("Forma de pago"), self.method)
        form.addRow(self.tr("Referencia"), self.reference)
        form.addRow(self.tr("Notas"), self.notes)

        self.table = QTableWidget(0, 4)
        named(self.table, self.tr("Aplicación a facturas"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Factura"), self.tr("Vence"), self.tr("Saldo"), self.tr("Aplicar")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(lambda _item: self.update_summary())
        self.suggest_button = QPushButton(self.tr("Aplicar a las más antiguas primero"))
        self.suggest_button.clicked.connect(self.suggest)
        self.applied_label = QLabel()
        self.credit_label = QLabel()
        summary = QHBoxLayout()
        summary.addWidget(self.suggest_button)
        summary.addStretch(1)
        summary.addWidget(self.applied_label)
        summary.addSpacing(16)
        summary.addWidget(self.credit_label)

        self.error_label = QLabel()
        self.errors = FieldErrors(
            self.error_label,
            {
                "customer": self.customer,
                "amount": self.amount,
                "payment_date": self.payment_date,
                "method": self.method,
                "notes": self.notes,
                "allocations": self.table,
            },
        )
        self.buttons, self.save_button = action_buttons(
            self.tr("Registrar pago"), self.save, self.reject
        )

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Aplicación a facturas abiertas")))
        layout.addWidget(self.table, 1)
        layout.addLayout(summary)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.amount.textEdited.connect(self._amount_edited)
        self.resize(640, 560)

        if customer_id is not None:
            self.customer.preset(customer_id, customer_name, customers)
        self.update_summary()

    # -- open invoices and the suggestion --------------------------------------------

    def _customer_changed(self, customer_id: int | None) -> None:
        self._items = []
        self.table.setRowCount(0)
        if customer_id is None:
            self.update_summary()
            return
        payments = self._payments
        self._runner.query(lambda ctx: payments.open_items(customer_id)).success(
            self._items_loaded
        ).key(f"payment-items-{id(self)}").run()

    def _items_loaded(self, items: list[OpenItem]) -> None:
        self._items = list(items)
        self.table.blockSignals(True)
        self.table.setRowCount(len(items))
        for row, item in enumerate(items):
            cells = [item.number, format_date(item.due_date), format_money(item.balance), ""]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column != APPLY:
                    cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if column in (BALANCE, APPLY):
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, cell)
        self.table.blockSignals(False)
        self.suggest()

    def _amount_edited(self, _text: str) -> None:
        self.suggest()

    def amount_value(self) -> Decimal | None:
        text = self.amount.text().strip()
        if not text:
            return None
        try:
            return parse_amount(text, "amount")
        except ValidationError:
            return None

    def suggest(self) -> None:
        """Fill "Aplicar" with the oldest-first suggestion for the amount typed."""
        amount = self.amount_value() or ZERO
        plan = {a.invoice_id: a.amount for a in suggest_oldest_first(amount, self._items)}
        self.table.blockSignals(True)
        for row, item in enumerate(self._items):
            cell = self.table.item(row, APPLY)
            if cell is not None:
                value = plan.get(item.invoice_id)
                cell.setText(f"{value:.2f}" if value else "")
        self.table.blockSignals(False)
        self.update_summary()

    def set_applied(self, row: int, text: str) -> None:
        cell = self.table.item(row, APPLY)
        assert cell is not None
        cell.setText(text)

    # -- checking what is applied -----------------------------------------------------

    def allocations(self) -> list[Allocation]:
        """What the table says to apply; raises ValidationError on a malformed amount."""
        result = []
        for row, item in enumerate(self._items):
            cell = self.table.item(row, APPLY)
            text = cell.text().strip() if cell is not None else ""
            if not text:
                continue
            value = parse_amount(text, str(FieldPath("allocations", row)), allow_zero=True)
            if value > 0:
                result.append(Allocation(item.invoice_id, value))
        return result

    def check(self) -> tuple[Decimal, list[Allocation]]:
        """Validate the whole payment; raises ValidationError with a clear sentence."""
        self.customer.require_customer()
        amount = parse_amount(self.amount.text(), "amount")
        plan = self.allocations()
        # The domain's rule, the same the payment service applies: first each row on its
        # own (to say which row is wrong), then the whole against the payment.
        balances = {i.invoice_id: i.balance for i in self._items}
        rows = {item.invoice_id: row for row, item in enumerate(self._items)}
        for allocation in plan:
            try:
                check_allocations(allocation.amount, [allocation], balances)
            except ConflictError as exc:
                where = FieldPath("allocations", rows[allocation.invoice_id])
                raise ValidationError(where, exc.message) from exc
        try:
            check_allocations(amount, plan, balances)
        except ConflictError as exc:
            hint = _("Reduzca lo aplicado.")
            raise ValidationError(FieldPath("allocations"), f"{exc.message} {hint}") from exc
        return amount, plan

    def update_summary(self) -> None:
        # Colouring cells must not re-enter through itemChanged.
        self.table.blockSignals(True)
        try:
            self._update_summary()
        finally:
            self.table.blockSignals(False)

    def _update_summary(self) -> None:
        for row in range(self.table.rowCount()):
            cell = self.table.item(row, APPLY)
            if cell is not None:
                cell.setBackground(QBrush())
        amount = self.amount_value() or ZERO
        try:
            plan = self.allocations()
            applied = sum((a.amount for a in plan), ZERO)
        except ValidationError as exc:
            self._mark(exc.path)
            self.problem = exc.message
            self.errors.show(exc.message, None)
            self.save_button.setEnabled(False)
            return
        self.applied_label.setText(self.tr("Aplicado: %1").replace("%1", format_money(applied)))
        credit = amount - applied
        self.credit_label.setText(
            self.tr("Queda a favor del cliente: %1").replace("%1", format_money(max(credit, ZERO)))
        )
        try:
            if self.amount.text().strip():
                self.check()
            self.problem = None
            self.errors.clear()
            self.save_button.setEnabled(True)
        except ValidationError as exc:
            if exc.path.name == "allocations":
                self._mark(exc.path)
                self.problem = exc.message
                self.errors.show(exc.message, None)
                self.save_button.setEnabled(False)
            else:
                self.problem = None
                self.errors.clear()
                self.save_button.setEnabled(True)

    def _mark(self, path: FieldPath) -> None:
        if path.name == "allocations" and path.index is not None:
            row = path.index
            cell = self.table.item(row, APPLY)
            if cell is not None:
                cell.setBackground(ERROR_BRUSH)

    # -- saving ------------------------------------------------------------------------

    def save(self) -> None:
        try:
            amount, plan = self.check()
        except ValidationError as exc:
            self.table.blockSignals(True)
            self._mark(exc.path)
            self.table.blockSignals(False)
            self.errors.show(exc.message, exc.field)
            return
        data = PaymentInput(
            customer_id=self.customer.customer_id or 0,
            amount=amount,
            payment_date=from_qdate(self.payment_date.date()),
            method=PaymentMethod(self.method.currentData()),
            reference=self.reference.text(),
            notes=self.notes.text(),
            allocations=tuple(plan),
        )
        receiving = self._receiving
        self.save_button.setEnabled(False)

        def work(ctx: object) -> ReceivedPayment:
            return receiving.receive(data)

        self._runner.write(
            work, OpChanges.of(*PAYMENT_KINDS, customers=[data.customer_id])
        ).success(self._received).failure(self._failed).describe(self.tr("Registrando pago")).run()

    def _received(self, received: ReceivedPayment) -> None:
        self.received = received
        self._done(received.payment)

    def _done(self, view: PaymentView) -> None:
        self.result_view = view
        if self._on_done is not None:
            self._on_done(view)
        self.accept()

    def _failed(self, failure: TaskFailure) -> None:
        self.save_button.setEnabled(True)
        self.errors.show(failure.message, failure.field)
