"""The "Planes de pago" page: payment plans with their schedules, and promises to pay.

Plans are listed newest first with what has been paid and what comes next; their
status (vigente, cumplido, incumplido, cancelado) is derived from payments, so the
list refreshes after every write (``runner.data_changed``). Promises are listed per
customer, as :class:`PromiseService` offers them.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.formatting import format_date
from cobranza_desktop.domain.plans import PlanStatus, PromiseStatus
from cobranza_desktop.services.collections.plans import InstalmentView, PlanService, PlanView
from cobranza_desktop.services.collections.promises import PromiseService, PromiseView
from cobranza_desktop.ui.accessibility import named
from cobranza_desktop.ui.colors import muted, overdue, settled
from cobranza_desktop.ui.dialogs.pdf_preview import preview_pdf
from cobranza_desktop.ui.dialogs.plan_dialog import PlanDialog
from cobranza_desktop.ui.models.list_model import ListTableModel
from cobranza_desktop.ui.models.paged import RIGHT, Column
from cobranza_desktop.ui.tasks import Kind, OpChanges, TaskRunner
from cobranza_desktop.ui.text_cache import money
from cobranza_desktop.ui.widgets.customer_picker import CustomerPicker, CustomerSearch
from cobranza_desktop.ui.widgets.empty_state import EmptyState
from cobranza_desktop.ui.widgets.table import make_table, set_widths


def next_instalment(plan: PlanView) -> InstalmentView | None:
    """The first instalment not fully paid (None once the plan is paid or cancelled)."""
    if plan.status is PlanStatus.CANCELLED:
        return None
    return next((i for i in plan.instalments if i.remaining > 0), None)


def _plan_color(plan: PlanView) -> QColor | None:
    # Asked for at each paint: the colours follow the palette (a dark theme too).
    colour = {
        PlanStatus.BROKEN: overdue,
        PlanStatus.COMPLETED: settled,
        PlanStatus.CANCELLED: muted,
    }.get(plan.status)
    return colour() if colour is not None else None


def _promise_color(promise: PromiseView) -> QColor | None:
    colour = {
        PromiseStatus.BROKEN: overdue,
        PromiseStatus.KEPT: settled,
        PromiseStatus.CANCELLED: muted,
    }.get(promise.status)
    return colour() if colour is not None else None


# A plan's status follows payments and voids; promises are logged with contacts.
PLAN_KINDS = (Kind.PLANS, Kind.CONTACTS, Kind.PAYMENTS, Kind.INVOICES, Kind.CUSTOMERS)


class PlansPage(QWidget):
    def __init__(
        self,
        plans: PlanService,
        promises: PromiseService,
        runner: TaskRunner,
        clock: Clock,
        search: CustomerSearch,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._plans = plans
        self._promises = promises
        self._runner = runner
        self._clock = clock
        self._search: CustomerSearch = search
        self._started = False
        self._selected_id: int | None = None

        title = QLabel(self.tr("Planes de pago"))
        title.setObjectName("pageTitle")
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_plans_tab(), self.tr("Planes"))
        self.tabs.addTab(self._build_promises_tab(), self.tr("Promesas de pago"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 8)
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)
        runner.data_changed.connect(self._data_changed)

    # -- building -------------------------------------------------------------------

    def _build_plans_tab(self) -> QWidget:
        self.status = QComboBox()
        self.status.addItem(self.tr("Todos"), None)
        self.status.addItem(self.tr("Vigentes"), PlanStatus.CURRENT.value)
        self.status.addItem(self.tr("Cumplidos"), PlanStatus.COMPLETED.value)
        self.status.addItem(self.tr("Incumplidos"), PlanStatus.BROKEN.value)
        self.status.addItem(self.tr("Cancelados"), PlanStatus.CANCELLED.value)
        self.new_button = QPushButton(self.tr("Nuevo plan…"))
        self.pdf_button = QPushButton(self.tr("Ver plan (PDF)"))
        self.cancel_button = QPushButton(self.tr("Cancelar plan…"))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Estado")))
        bar.addWidget(self.status)
        bar.addStretch(1)
        bar.addWidget(self.new_button)
        bar.addWidget(self.pdf_button)
        bar.addWidget(self.cancel_button)

        self.model: ListTableModel[PlanView] = ListTableModel(
            [
                Column("number", self.tr("Plan"), lambda p: p.number),
                Column("customer", self.tr("Cliente"), lambda p: p.customer_name),
                Column("created", self.tr("Creado"), lambda p: format_date(p.start_date)),
                Column(
                    "instalments",
                    self.tr("Pagos"),
                    lambda p: (
                        self.tr("%1 · %2")
                        .replace("%1", str(sum(1 for i in p.instalments if i.number > 0)))
                        .replace("%2", self._frequency_label(p))
                    ),
                ),
                Column("total", self.tr("Monto"), lambda p: money(p.total), RIGHT),
                Column("paid", self.tr("Pagado"), lambda p: money(p.paid), RIGHT),
                Column("next_date", self.tr("Próximo pago"), self._next_date),
                Column("next_amount", self.tr("Monto próximo"), self._next_amount, RIGHT),
                Column("status", self.tr("Estado"), self._status_label),
            ]
        )
        self.model.row_color = _plan_color
        self.table = make_table(sortable=False)
        named(self.table, self.tr("Planes de pago"))
        self.table.setModel(self.model)
        set_widths(self.table, [90, 220, 90, 130, 120, 120, 100, 120])
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _i: self.show_pdf())

        self.schedule_title = QLabel(self.tr("Calendario del plan"))
        self.schedule_title.setObjectName("statusLine")
        self.schedule_model: ListTableModel[InstalmentView] = ListTableModel(
            [
                Column(
                    "number",
                    self.tr("Pago"),
                    lambda i: self.tr("Enganche") if i.number == 0 else str(i.number),
                ),
                Column("due", self.tr("Fecha"), lambda i: format_date(i.due_date)),
                Column("amount", self.tr("Monto"), lambda i: money(i.amount), RIGHT),
                Column("paid", self.tr("Pagado"), lambda i: money(i.paid), RIGHT),
                Column("remaining", self.tr("Por pagar"), lambda i: money(i.remaining), RIGHT),
            ]
        )
        self.schedule_model.row_color = lambda i: muted() if i.remaining == 0 else None
        self.schedule = make_table(sortable=False)
        named(self.schedule, self.tr("Calendario de pagos"))
        self.schedule.setModel(self.schedule_model)
        self.schedule.horizontalHeader().setStretchLastSection(False)
        set_widths(self.schedule, [120, 110, 130, 130, 130])
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 6, 0, 0)
        lower_layout.addWidget(self.schedule_title)
        lower_layout.addWidget(self.schedule, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 3)

        self.empty = EmptyState(
            self.tr("Planes de pago"),
            self.tr(
                "Aún no hay planes de pago. "
                "Cree uno cuando un cliente no pueda pagar todo de una vez."
            ),
            action_text=self.tr("Nuevo plan…"),
            on_action=self.new_plan,
        )
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.splitter)
        self.status_line = QLabel(" ")
        self.status_line.setObjectName("statusLine")

        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(8, 10, 8, 4)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.status_line)

        self.status.currentIndexChanged.connect(lambda _i: self.refresh())
        self.new_button.clicked.connect(self.new_plan)
        self.pdf_button.clicked.connect(self.show_pdf)
        self.cancel_button.clicked.connect(self.cancel_plan)
        self._update_buttons()
        return tab

    def _build_promises_tab(self) -> QWidget:
        self.promise_customer = CustomerPicker(self._search, self._runner)
        named(self.promise_customer, self.tr("Cliente"))
        self.promise_customer.customer_changed.connect(lambda _c: self.refresh_promises())
        self.promise_model: ListTableModel[PromiseView] = ListTableModel(
            [
                Column("customer", self.tr("Cliente"), lambda _p: self._promise_customer_name()),
                Column("amount", self.tr("Monto"), lambda p: money(p.amount), RIGHT),
                Column("date", self.tr("Fecha prometida"), lambda p: format_date(p.promised_date)),
                Column("given", self.tr("Dada el"), lambda p: format_date(p.given_on)),
                Column(
                    "paid", self.tr("Pagado desde entonces"), lambda p: money(p.paid_since), RIGHT
                ),
                Column("status", self.tr("Estado"), self._promise_status_label),
            ]
        )
        self.promise_model.row_color = _promise_color
        self.promise_table = make_table(sortable=False)
        named(self.promise_table, self.tr("Promesas de pago"))
        self.promise_table.setModel(self.promise_model)
        set_widths(self.promise_table, [260, 110, 130, 100, 170])
        self.promise_hint = QLabel(self._choose_customer_hint())
        self.promise_hint.setObjectName("statusLine")
        self.promise_hint.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Cliente")))
        bar.addWidget(self.promise_customer, 2)
        bar.addStretch(3)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(8, 10, 8, 4)
        layout.addLayout(bar)
        layout.addWidget(self.promise_table, 1)
        layout.addWidget(self.promise_hint)
        return tab

    # -- page protocol ----------------------------------------------------------------

    def activate(self) -> None:
        self.refresh()

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(1)
        self.promise_customer.setFocus()

    # -- labels ------------------------------------------------------------------------

    def _frequency_label(self, plan: PlanView) -> str:
        return {
            "weekly": self.tr("Semanal"),
            "fortnightly": self.tr("Quincenal"),
            "monthly": self.tr("Mensual"),
        }[plan.frequency.value]

    def _status_label(self, plan: PlanView) -> str:
        return {
            PlanStatus.CURRENT: self.tr("Vigente"),
            PlanStatus.COMPLETED: self.tr("Cumplido"),
            PlanStatus.BROKEN: self.tr("Incumplido"),
            PlanStatus.CANCELLED: self.tr("Cancelado"),
        }[plan.status]

    def _promise_status_label(self, promise: PromiseView) -> str:
        return {
            PromiseStatus.PENDING: self.tr("Pendiente"),
            PromiseStatus.KEPT: self.tr("Cumplida"),
            PromiseStatus.BROKEN: self.tr("Incumplida"),
            PromiseStatus.CANCELLED: self.tr("Cancelada"),
        }[promise.status]

    def _next_date(self, plan: PlanView) -> str:
        upcoming = next_instalment(plan)
        return format_date(upcoming.due_date) if upcoming is not None else "—"

    def _next_amount(self, plan: PlanView) -> str:
        upcoming = next_instalment(plan)
        return money(upcoming.remaining) if upcoming is not None else "—"

    def _promise_customer_name(self) -> str:
        return self.promise_customer.text()

    # -- loading -----------------------------------------------------------------------

    def _data_changed(self, changes: OpChanges) -> None:
        if changes.touches(*PLAN_KINDS):
            self.refresh()

    def refresh(self) -> None:
        status = self.status.currentData()
        plans = self._plans
        self._runner.query(lambda _ctx: plans.list_plans(status)).success(
            lambda rows: self._show_plans(rows, status)
        ).error(self.status_line.setText).key(f"plans-page-{id(self)}").run()
        self.refresh_promises()

    def _show_plans(self, rows: list[PlanView], status: str | None) -> None:
        keep = self._selected_id
        self.model.set_rows(rows)
        if not rows and status is None:
            self.stack.setCurrentWidget(self.empty)
        else:
            self.stack.setCurrentWidget(self.splitter)
        ids = [p.id for p in rows]
        if keep in ids:
            self.table.selectRow(ids.index(keep))
        elif rows:
            self.table.selectRow(0)
        else:
            self._selection_changed()
        if rows:
            owed = sum(
                (p.total - p.paid for p in rows if p.status is PlanStatus.CURRENT), Decimal("0.00")
            )
            self.status_line.setText(
                "   ·   ".join(
                    [
                        self.tr("%Ln planes", None, len(rows)),
                        self.tr("Por cobrar en planes vigentes: %1").replace("%1", money(owed)),
                    ]
                )
            )
        elif status is not None:
            self.status_line.setText(self.tr("No hay planes con este estado."))
        else:
            self.status_line.setText(" ")

    def refresh_promises(self) -> None:
        customer_id = self.promise_customer.customer_id
        if customer_id is None:
            # No customer yet: say what to do, not that "this customer" has none.
            self.promise_model.set_rows([])
            self.promise_hint.setText(self._choose_customer_hint())
            return
        promises = self._promises
        self._runner.query(lambda _ctx: promises.for_customer(customer_id)).success(
            self._show_promises
        ).error(self.promise_hint.setText).key(f"plans-promises-{id(self)}").run()

    def _choose_customer_hint(self) -> str:
        return self.tr(
            "Elija un cliente para ver sus promesas de pago (cumplidas, incumplidas o pendientes)."
        )

    def _show_promises(self, rows: list[PromiseView]) -> None:
        self.promise_model.set_rows(rows)
        if rows:
            self.promise_hint.setText(self.tr("%Ln promesas", None, len(rows)))
        else:
            # Name the customer: a plan's selection may have chosen them, not the user.
            self.promise_hint.setText(
                self.tr("%1 no tiene promesas de pago.").replace("%1", self.promise_customer.text())
            )

    # -- selection and actions -----------------------------------------------------------

    def selected_plan(self) -> PlanView | None:
        index = self.table.currentIndex()
        rows = self.table.selectionModel().selectedRows()
        if rows:
            return self.model.row_at(rows[0].row())
        if index.isValid():
            return self.model.row_at(index.row())
        return None

    def _selection_changed(
        self,
        _selected: QItemSelection | None = None,
        _deselected: QItemSelection | None = None,
    ) -> None:
        plan = self.selected_plan()
        self._selected_id = plan.id if plan is not None else None
        self.schedule_model.set_rows(plan.instalments if plan is not None else [])
        if plan is not None:
            self.schedule_title.setText(
                self.tr("Calendario del plan %1 — %2")
                .replace("%1", plan.number)
                .replace("%2", plan.customer_name)
            )
            if plan.customer_id != self.promise_customer.customer_id:
                self.promise_customer.set_customer(plan.customer_id, plan.customer_name)
        else:
            self.schedule_title.setText(self.tr("Calendario del plan"))
        self._update_buttons()

    def _update_buttons(self) -> None:
        plan = self.selected_plan() if hasattr(self, "model") else None
        self.pdf_button.setEnabled(plan is not None)
        self.cancel_button.setEnabled(plan is not None and plan.status is not PlanStatus.CANCELLED)

    def new_plan(self) -> None:
        dialog = PlanDialog(self._plans, self._search, self._runner, self._clock, self)
        if dialog.exec() and dialog.created is not None:
            self._selected_id = dialog.created.id
            if self.status.currentData() not in (None, PlanStatus.CURRENT.value):
                self.status.setCurrentIndex(0)

    def _warn(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, message)

    def show_pdf(self) -> None:
        plan = self.selected_plan()
        if plan is None:
            return
        plans = self._plans
        plan_id = plan.id
        preview_pdf(
            self,
            self.tr("Plan de pagos %1").replace("%1", plan.number),
            lambda: plans.pdf(plan_id),
            self._runner,
            suggested_name=plan.number,
        )

    def cancel_plan(self) -> None:
        plan = self.selected_plan()
        if plan is None or plan.status is PlanStatus.CANCELLED:
            return
        title = self.tr("Cancelar plan %1").replace("%1", plan.number)
        reason, ok = QInputDialog.getText(
            self,
            title,
            self.tr(
                "Las facturas del plan vuelven a la cobranza normal.\n"
                "Escriba el motivo de la cancelación:"
            ),
            QLineEdit.EchoMode.Normal,
        )
        if not ok:
            return
        plans = self._plans
        plan_id = plan.id
        self._runner.write(
            lambda _ctx: plans.cancel(plan_id, reason), OpChanges.of(Kind.PLANS)
        ).error(lambda message: self._warn(title, message)).describe(
            title, show_progress=False
        ).run()
