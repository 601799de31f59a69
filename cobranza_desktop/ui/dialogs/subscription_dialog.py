"""New subscription: customer, service, price, period, billing day, and a live preview.

Every change asks :meth:`SubscriptionService.preview_input` (one keyed query on the
database worker) for the next 12 periods, so what the person sees is what the billing
run will bill. A bad value is refused on its field with the service's own message;
nothing is written until "Crear suscripción" succeeds.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
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
from cobranza_desktop.domain.subscriptions import BillingPeriod
from cobranza_desktop.services.billing.subscriptions import (
    PeriodPreview,
    SubscriptionInput,
    SubscriptionService,
    SubscriptionView,
)
from cobranza_desktop.ui.accessibility import named
from cobranza_desktop.ui.tasks import Kind, OpChanges, TaskFailure, TaskRunner
from cobranza_desktop.ui.text_cache import money
from cobranza_desktop.ui.widgets.customer_picker import CustomerPicker, CustomerSearch
from cobranza_desktop.ui.widgets.forms import FieldErrors, date_edit, from_qdate, grid_row

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
PREVIEW_COUNT = 12


def period_label(widget: QWidget, period: BillingPeriod) -> str:
    """The period's name for the person (one place for the page and the dialog)."""
    return {
        BillingPeriod.MONTHLY: widget.tr("Mensual"),
        BillingPeriod.BIMONTHLY: widget.tr("Bimestral"),
        BillingPeriod.QUARTERLY: widget.tr("Trimestral"),
        BillingPeriod.SEMIANNUAL: widget.tr("Semestral"),
        BillingPeriod.ANNUAL: widget.tr("Anual"),
    }[period]


class SubscriptionDialog(QDialog):
    def __init__(
        self,
        subscriptions: SubscriptionService,
        search: CustomerSearch,
        runner: TaskRunner,
        clock: Clock,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Nueva suscripción"))
        self._subscriptions = subscriptions
        self._runner = runner
        self.created: SubscriptionView | None = None
        self.preview: tuple[PeriodPreview, ...] = ()

        self.customer = CustomerPicker(search, runner)
        self.description = QLineEdit()
        self.description.setPlaceholderText(self.tr("Ej. Mensualidad del gimnasio"))
        self.price = QLineEdit()
        self.price.setPlaceholderText("0.00")
        self.period = QComboBox()
        for period in BillingPeriod:
            self.period.addItem(period_label(self, period), period.value)
        self.billing_day = QSpinBox()
        self.billing_day.setRange(1, 31)
        self.billing_day.setValue(1)
        self.start = date_edit(clock.today())
        self.tax = QLineEdit("16")
        self.discount = QLineEdit("0")
        self.prorate = QCheckBox(self.tr("Prorratear el primer periodo"))

        form = QGridLayout()
        grid_row(form, 0, self.tr("Cliente"), self.customer)
        grid_row(form, 1, self.tr("Descripción"), self.description)
        grid_row(form, 2, self.tr("Precio (sin IVA)"), self.price)
        grid_row(form, 3, self.tr("Periodo"), self.period)
        grid_row(form, 4, self.tr("Día de facturación"), self.billing_day)
        grid_row(form, 5, self.tr("Inicio"), self.start)
        grid_row(form, 6, self.tr("IVA %"), self.tax)
        grid_row(form, 7, self.tr("Descuento %"), self.discount)
        form.addWidget(self.prorate, 8, 1)
        form.setRowStretch(9, 1)
        terms = QGroupBox(self.tr("Servicio"))
        terms.setLayout(form)

        self.table = QTableWidget(0, 4)
        named(self.table, self.tr("Servicios"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Periodo"), self.tr("Se factura"), self.tr("Total"), self.tr("Nota")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        for column in range(3):  # 12 short rows: fitting them costs nothing
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        preview_box = QGroupBox(self.tr("Próximos 12 periodos"))
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.addWidget(self.table)

        self.error = QLabel()
        self.errors = FieldErrors(
            self.error,
            {
                "customer": self.customer,
                "description": self.description,
                "price": self.price,
                "period": self.period,
                "billing_day": self.billing_day,
                "start_date": self.start,
                "tax_rate": self.tax,
                "discount": self.discount,
            },
        )
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = self.buttons.addButton(
            self.tr("Crear suscripción"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancelar"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        columns = QHBoxLayout()
        columns.addWidget(terms, 1)
        columns.addWidget(preview_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        # A short delay so that typing "1500" asks for one preview, not four.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.refresh_preview)
        for edit in (self.description, self.price, self.tax, self.discount):
            edit.textChanged.connect(lambda _t: self._timer.start())
        self.period.currentIndexChanged.connect(lambda _i: self._timer.start())
        self.billing_day.valueChanged.connect(lambda _v: self._timer.start())
        self.start.dateChanged.connect(lambda _d: self._timer.start())
        self.prorate.toggled.connect(lambda _b: self._timer.start())
        self.customer.customer_changed.connect(lambda _c: self._timer.start())
        self.resize(1000, 520)

    def data(self, customer_id: int) -> SubscriptionInput:
        return SubscriptionInput(
            customer_id=customer_id,
            description=self.description.text(),
            price=self.price.text().strip(),
            period=str(self.period.currentData()),
            billing_day=self.billing_day.value(),
            start_date=from_qdate(self.start.date()),
            tax_rate_percent=self.tax.text().strip() or "0",
            discount_percent=self.discount.text().strip() or "0",
            prorate=self.prorate.isChecked(),
        )

    def refresh_preview(self) -> None:
        """Ask the service for the next periods of what the form says now."""
        self._timer.stop()
        if not self.price.text().strip():
            self._show_preview(())
            return
        # The customer is not needed to preview; 0 stands in until one is chosen.
        data = self.data(self.customer.customer_id or 0)
        subscriptions = self._subscriptions
        self._runner.query(lambda _ctx: subscriptions.preview_input(data, PREVIEW_COUNT)).success(
            self._show_preview
        ).failure(self._failed).key(f"subscription-preview-{id(self)}").run()

    def _show_preview(self, rows: tuple[PeriodPreview, ...]) -> None:
        self.errors.clear()
        self.preview = tuple(rows)
        self.table.setRowCount(len(rows))
        for row, p in enumerate(rows):
            note = []
            if p.paused:
                note.append(self.tr("En pausa"))
            if p.prorated:
                note.append(self.tr("Prorrateado"))
            cells = [
                (f"{format_date(p.start)} – {format_date(p.end)}", None),
                (format_date(p.billing_date), None),
                (money(p.total), RIGHT),
                (", ".join(note), None),
            ]
            for column, (text, align) in enumerate(cells):
                item = QTableWidgetItem(text)
                if align is not None:
                    item.setTextAlignment(align)
                self.table.setItem(row, column, item)

    def _failed(self, failure: TaskFailure) -> None:
        # No stale periods beside a refused value: the preview shows only what is valid.
        self.preview = ()
        self.table.setRowCount(0)
        self.errors.show(failure.message, failure.field)

    def save(self) -> None:
        customer_id = self.customer.customer_id
        if customer_id is None:
            self.errors.show(self.tr("Elija un cliente."), "customer")
            return
        data = self.data(customer_id)
        subscriptions = self._subscriptions
        self.create_button.setEnabled(False)

        def done(view: SubscriptionView) -> None:
            self.created = view
            self.accept()

        def failed(failure: TaskFailure) -> None:
            self.create_button.setEnabled(True)
            self._failed(failure)

        self._runner.write(
            lambda _ctx: subscriptions.create(data),
            OpChanges.of(Kind.SUBSCRIPTIONS, customers=[customer_id]),
        ).success(done).failure(failed).run()
