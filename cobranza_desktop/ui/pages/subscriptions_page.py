"""The "Suscripciones" page: monthly services, their next billing date and the MRR.

The list is one keyed query (the subscriptions, their customers' names and next
billing date); the filters (status, period, customer) apply to what it returned, as a
book keeps hundreds of subscriptions, not millions. Every action is a dialog that
writes through the runner; the page refreshes on ``Kind.SUBSCRIPTIONS`` (and on
invoices and customers, which its columns show).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.formatting import format_date
from cobranza_desktop.domain.subscriptions import BillingPeriod
from cobranza_desktop.services.billing.billing_run import BillingRunService
from cobranza_desktop.services.billing.subscriptions import SubscriptionService, SubscriptionView
from cobranza_desktop.services.messaging.run_delivery import RunDeliveryService
from cobranza_desktop.ui.accessibility import named
from cobranza_desktop.ui.colors import muted
from cobranza_desktop.ui.dialogs.billing_run_dialog import BillingRunDialog
from cobranza_desktop.ui.dialogs.subscription_actions import (
    CancelSubscriptionDialog,
    ChangePriceDialog,
    PauseDialog,
)
from cobranza_desktop.ui.dialogs.subscription_dialog import SubscriptionDialog, period_label
from cobranza_desktop.ui.models.list_model import ListTableModel
from cobranza_desktop.ui.models.paged import RIGHT, Column
from cobranza_desktop.ui.tasks import Kind, OpChanges, TaskRunner
from cobranza_desktop.ui.text_cache import money
from cobranza_desktop.ui.widgets.customer_picker import CustomerLookup, CustomerSearch
from cobranza_desktop.ui.widgets.empty_state import EmptyState
from cobranza_desktop.ui.widgets.table import make_table, set_widths

PAGE_KINDS = (Kind.SUBSCRIPTIONS, Kind.INVOICES, Kind.CUSTOMERS)


@dataclass(frozen=True)
class SubscriptionRow:
    sub: SubscriptionView
    customer_name: str
    next_billing: date | None  # None once cancelled or ended


@dataclass(frozen=True)
class SubscriptionList:
    rows: tuple[SubscriptionRow, ...]
    monthly_recurring: Decimal


def load_rows(subscriptions: SubscriptionService, customers: CustomerLookup) -> SubscriptionList:
    """The whole list, on the database worker (names and next dates included)."""
    views = subscriptions.list()
    names = {cid: customers.get(cid).name for cid in {v.customer_id for v in views}}
    rows = []
    for v in views:
        upcoming = None
        if v.status == "active":
            upcoming = next(
                (p.billing_date for p in subscriptions.preview(v.id, 12) if not p.paused), None
            )
        rows.append(SubscriptionRow(v, names[v.customer_id], upcoming))
    return SubscriptionList(tuple(rows), subscriptions.monthly_recurring_total())


class SubscriptionsPage(QWidget):
    def __init__(
        self,
        subscriptions: SubscriptionService,
        billing: BillingRunService,
        customers: CustomerLookup,
        search: CustomerSearch,
        runner: TaskRunner,
        clock: Clock,
        parent: QWidget | None = None,
        *,
        delivery: RunDeliveryService | None = None,
    ) -> None:
        super().__init__(parent)
        self._delivery = delivery
        self._subscriptions = subscriptions
        self._billing = billing
        self._customers = customers
        self._search = search
        self._runner = runner
        self._clock = clock
        self._all: SubscriptionList = SubscriptionList((), Decimal("0.00"))

        title = QLabel(self.tr("Suscripciones"))
        title.setObjectName("pageTitle")
        self.status = QComboBox()
        self.status.addItem(self.tr("Todas"), None)
        self.status.addItem(self.tr("Activas"), "active")
        self.status.addItem(self.tr("Canceladas"), "cancelled")
        self.period = QComboBox()
        self.period.addItem(self.tr("Todos"), None)
        for period in BillingPeriod:
            self.period.addItem(period_label(self, period), period.value)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Buscar cliente…"))
        self.search_edit.setClearButtonEnabled(True)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Estado")))
        filters.addWidget(self.status)
        filters.addWidget(QLabel(self.tr("Periodo")))
        filters.addWidget(self.period)
        filters.addWidget(self.search_edit, 1)

        self.new_button = QPushButton(self.tr("Nueva…"))
        self.price_button = QPushButton(self.tr("Cambiar precio…"))
        self.pause_button = QPushButton(self.tr("Pausar…"))
        self.cancel_button = QPushButton(self.tr("Cancelar…"))
        self.billing_button = QPushButton(self.tr("Facturar periodos…"))
        actions = QHBoxLayout()
        for button in (self.new_button, self.price_button, self.pause_button):
            actions.addWidget(button)
        actions.addWidget(self.cancel_button)
        actions.addStretch(1)
        actions.addWidget(self.billing_button)

        self.model: ListTableModel[SubscriptionRow] = ListTableModel(
            [
                Column("customer", self.tr("Cliente"), lambda r: r.customer_name),
                Column("description", self.tr("Servicio"), lambda r: r.sub.description),
                Column("period", self.tr("Periodo"), lambda r: period_label(self, r.sub.period)),
                Column("day", self.tr("Día"), lambda r: str(r.sub.billing_day), RIGHT),
                Column("price", self.tr("Precio"), lambda r: money(r.sub.price), RIGHT),
                Column("status", self.tr("Estado"), self._status_label),
                Column("next", self.tr("Próxima factura"), self._next_label),
            ]
        )
        self.model.row_color = lambda r: muted() if r.sub.status != "active" else None
        self.table = make_table(sortable=False)
        named(self.table, self.tr("Suscripciones"))
        self.table.setModel(self.model)
        set_widths(self.table, [260, 260, 100, 50, 120, 110])
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())

        self.empty = EmptyState(
            self.tr("Suscripciones"),
            self.tr(
                "Aún no hay suscripciones. Registre el servicio mensual de un cliente "
                "y facture sus periodos de una vez."
            ),
            action_text=self.tr("Nueva…"),
            on_action=self.new_subscription,
        )
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.table)
        self.totals = QLabel(" ")
        self.totals.setObjectName("statusLine")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 8)
        layout.addWidget(title)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.totals)

        self.status.currentIndexChanged.connect(lambda _i: self._apply_filters())
        self.period.currentIndexChanged.connect(lambda _i: self._apply_filters())
        self.search_edit.textChanged.connect(lambda _t: self._apply_filters())
        self.new_button.clicked.connect(self.new_subscription)
        self.price_button.clicked.connect(lambda: self._act(ChangePriceDialog))
        self.pause_button.clicked.connect(lambda: self._act(PauseDialog))
        self.cancel_button.clicked.connect(lambda: self._act(CancelSubscriptionDialog))
        self.billing_button.clicked.connect(self.open_billing_run)
        runner.data_changed.connect(self._data_changed)
        self._update_buttons()

    # -- page protocol ----------------------------------------------------------------

    def activate(self) -> None:
        self.refresh()

    def focus_search(self) -> None:
        self.search_edit.setFocus()

    # -- labels -------------------------------------------------------------------------

    def _status_label(self, row: SubscriptionRow) -> str:
        return self.tr("Activa") if row.sub.status == "active" else self.tr("Cancelada")

    def _next_label(self, row: SubscriptionRow) -> str:
        return format_date(row.next_billing) if row.next_billing is not None else "—"

    # -- loading ------------------------------------------------------------------------

    def _data_changed(self, changes: OpChanges) -> None:
        if changes.touches(*PAGE_KINDS):
            self.refresh()

    def refresh(self) -> None:
        subs, customers = self._subscriptions, self._customers
        self._runner.query(lambda _ctx: load_rows(subs, customers)).success(self._show).error(
            self.totals.setText
        ).key(f"subscriptions-page-{id(self)}").run()

    def _show(self, result: SubscriptionList) -> None:
        self._all = result
        self._apply_filters()

    def _apply_filters(self) -> None:
        status, period = self.status.currentData(), self.period.currentData()
        needle = self.search_edit.text().strip().casefold()
        rows = [
            r
            for r in self._all.rows
            if (status is None or r.sub.status == status)
            and (period is None or r.sub.period.value == period)
            and (not needle or needle in r.customer_name.casefold())
        ]
        selected = self.selected()
        self.model.set_rows(rows)
        self.stack.setCurrentWidget(self.table if self._all.rows else self.empty)
        ids = [r.sub.id for r in rows]
        if selected is not None and selected.id in ids:
            self.table.selectRow(ids.index(selected.id))
        active = sum(1 for r in self._all.rows if r.sub.status == "active")
        self.totals.setText(
            "   ·   ".join(
                [
                    self.tr("%1 de %Ln suscripciones", None, len(self._all.rows)).replace(
                        "%1", str(len(rows))
                    ),
                    self.tr("%Ln activas", None, active),
                    self.tr("Ingreso mensual recurrente: %1 (IVA incluido)").replace(
                        "%1", money(self._all.monthly_recurring)
                    ),
                ]
            )
        )
        self._update_buttons()

    # -- selection and actions ------------------------------------------------------------

    def selected(self) -> SubscriptionView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()).sub if rows else None

    def _update_buttons(self) -> None:
        sub = self.selected()
        active = sub is not None and sub.status == "active"
        for button in (self.price_button, self.pause_button, self.cancel_button):
            button.setEnabled(active)

    def new_subscription(self) -> None:
        dialog = SubscriptionDialog(
            self._subscriptions, self._search, self._runner, self._clock, self
        )
        dialog.open()

    def _act(
        self, dialog_type: type[ChangePriceDialog | PauseDialog | CancelSubscriptionDialog]
    ) -> None:
        sub = self.selected()
        if sub is None or sub.status != "active":
            return
        dialog_type(self._subscriptions, self._runner, self._clock, sub, self).open()

    def open_billing_run(self) -> None:
        BillingRunDialog(
            self._billing, self._runner, self._clock, self, delivery=self._delivery
        ).open()
