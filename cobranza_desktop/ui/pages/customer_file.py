"""A customer's file: contact data, balance, invoices, payments, timeline and actions."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal, SignalInstance
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cobranza_desktop.domain.customers import CustomerStatus
from cobranza_desktop.domain.formatting import format_date, format_datetime, format_money
from cobranza_desktop.domain.invoices import InvoiceKind, InvoiceStatus, Lifecycle
from cobranza_desktop.services.base.corrections_log import CorrectionView
from cobranza_desktop.services.billing.invoices import InvoiceView
from cobranza_desktop.services.billing.refunds import RefundService
from cobranza_desktop.services.billing.subscriptions import SubscriptionService
from cobranza_desktop.services.book.customer_file import CustomerFileService, CustomerFileView
from cobranza_desktop.services.collections.contacts import ContactView
from cobranza_desktop.services.customers.records import CustomerService, CustomerView
from cobranza_desktop.services.customers.restrictions import RestrictionService
from cobranza_desktop.services.penalties.engine import PenaltyService
from cobranza_desktop.services.receivables.payments import PaymentView
from cobranza_desktop.ui.accessibility import named
from cobranza_desktop.ui.colors import muted, overdue
from cobranza_desktop.ui.dialogs.status_dialog import StatusDialog
from cobranza_desktop.ui.models.growing_list import PAGE_SIZE, GrowingListModel
from cobranza_desktop.ui.models.list_model import ListTableModel
from cobranza_desktop.ui.models.paged import RIGHT, Column
from cobranza_desktop.ui.pages.customer_penalties import CustomerPenaltiesPanel
from cobranza_desktop.ui.pages.customer_subscriptions import CustomerSubscriptionsTab
from cobranza_desktop.ui.pages.customer_terms import CustomerTermsPanel
from cobranza_desktop.ui.style import icon
from cobranza_desktop.ui.tasks import Kind, OpChanges, TaskFailure, TaskRunner
from cobranza_desktop.ui.text_cache import own_balance, own_total, status_label
from cobranza_desktop.ui.widgets.customer_form import CustomerForm
from cobranza_desktop.ui.widgets.elided_label import ElidedLabel
from cobranza_desktop.ui.widgets.empty_state import EmptyState
from cobranza_desktop.ui.widgets.flow_layout import FlowLayout, scrolled
from cobranza_desktop.ui.widgets.forms import Card
from cobranza_desktop.ui.widgets.status_changes import StatusChanges
from cobranza_desktop.ui.widgets.table import make_table, set_widths, width_for

# What the file shows (the penalties panel included): a write of these kinds for this
# customer reloads it.
FILE_KINDS = (
    Kind.CUSTOMERS,
    Kind.INVOICES,
    Kind.PAYMENTS,
    Kind.CONTACTS,
    Kind.PENALTIES,
    Kind.SUBSCRIPTIONS,
)


def invoice_color(invoice: InvoiceView) -> QColor | None:
    if invoice.status is InvoiceStatus.OVERDUE:
        return overdue()
    if invoice.status in (InvoiceStatus.PAID, InvoiceStatus.VOIDED):
        return muted()
    return None


class CustomerFile(QWidget):
    """Everything about one customer, with the actions a person takes from here."""

    back_requested = Signal()
    new_invoice_requested = Signal(int)
    record_payment_requested = Signal(int)
    reminder_requested = Signal(int)
    statement_requested = Signal(int)
    notice_requested = Signal(int)
    invoice_activated = Signal(int)
    dispute_requested = Signal(int)  # an invoice id: mark it disputed or settle it
    #: The read model arrived and is on screen.
    file_shown = Signal(object)

    def __init__(
        self,
        files: CustomerFileService,
        customers: CustomerService,
        penalties: PenaltyService,
        restrictions: RestrictionService,
        runner: TaskRunner,
        subscriptions: SubscriptionService,
        refunds: RefundService,
        terms_panel: CustomerTermsPanel,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.terms_panel = terms_panel
        self._files = files
        self._customers = customers
        self._penalties = penalties
        self._restrictions = restrictions
        self._runner = runner
        self.penalties_panel: CustomerPenaltiesPanel | None = None
        self.status_dialog: QDialog | None = None
        self.customer_id: int | None = None
        self.data: CustomerFileView | None = None
        self.form_version: int | None = None  # the customer's version the form was filled at

        back = QPushButton(self.tr("← Clientes"))
        back.setFlat(True)
        back.clicked.connect(self.back_requested.emit)
        self.title = ElidedLabel(keep=28)  # a long name is cut, whole in its tooltip
        self.title.setObjectName("pageTitle")
        self.status = QLabel()
        self.status.setObjectName("customerStatus")
        self.risk_label = ElidedLabel()
        self.risk_label.setObjectName("statusLine")
        self.status_button = QPushButton(self.tr("Cambiar es&tado…"))
        self.status_button.clicked.connect(self.change_status)
        header = QHBoxLayout()
        header.addWidget(back)
        header.addSpacing(8)
        header.addWidget(self.title, 3)
        header.addSpacing(8)
        header.addWidget(self.status)
        header.addSpacing(12)
        header.addWidget(self.risk_label)
        header.addStretch(1)
        header.addWidget(self.status_button)

        self.balance_card = Card(self.tr("Saldo"))
        self.overdue_card = Card(self.tr("Vencido"))
        self.days_card = Card(self.tr("Días de atraso"))
        self.credit_card = Card(self.tr("Saldo a favor"))
        cards = QHBoxLayout()
        for card in (self.balance_card, self.overdue_card, self.days_card, self.credit_card):
            cards.addWidget(card)

        self.new_invoice_button = QPushButton(icon("invoices"), self.tr("Nueva &factura"))
        self.payment_button = QPushButton(icon("payments"), self.tr("Registrar &pago"))
        self.reminder_button = QPushButton(icon("messages"), self.tr("&Redactar recordatorio"))
        self.statement_button = QPushButton(self.tr("Ver &estado de cuenta"))
        self.notice_button = QPushButton(self.tr("Ver aviso de pe&nalización"))
        self.notice_button.clicked.connect(lambda: self._emit(self.notice_requested))
        self.new_invoice_button.clicked.connect(lambda: self._emit(self.new_invoice_requested))
        self.payment_button.clicked.connect(lambda: self._emit(self.record_payment_requested))
        self.reminder_button.clicked.connect(lambda: self._emit(self.reminder_requested))
        self.statement_button.clicked.connect(lambda: self._emit(self.statement_requested))
        # Wraps onto a second line rather than widen the window (a large system font).
        actions = self.actions_row = FlowLayout()
        for button in (
            self.payment_button,
            self.new_invoice_button,
            self.reminder_button,
            self.statement_button,
            self.notice_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)

        self.tabs = QTabWidget()
        self.invoice_model: GrowingListModel[InvoiceView] = GrowingListModel(
            [
                Column("number", self.tr("Número"), lambda i: i.number or self.tr("Borrador")),
                Column("issue", self.tr("Emisión"), lambda i: format_date(i.issue_date)),
                Column("due", self.tr("Vence"), self._due_text),
                Column("total", self.tr("Total"), own_total, RIGHT),
                Column("balance", self.tr("Saldo"), own_balance, RIGHT),
                Column("status", self.tr("Estado"), self._invoice_state),
            ],
            runner,
            f"customer-file-invoices-{id(self)}",
        )
        self.invoice_model.row_color = invoice_color
        self.invoice_table = make_table(sortable=False)
        named(self.invoice_table, self.tr("Facturas"))
        self.invoice_table.setModel(self.invoice_model)
        set_widths(self.invoice_table, [110, 100, 200, 120, 120])  # room for an extension
        self.invoice_table.doubleClicked.connect(self._invoice_double_clicked)
        self.invoice_table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.invoice_table.customContextMenuRequested.connect(self._invoice_menu)
        self.payment_model: GrowingListModel[PaymentView] = GrowingListModel(
            [
                Column("date", self.tr("Fecha"), lambda p: format_date(p.payment_date)),
                Column("amount", self.tr("Monto"), lambda p: format_money(p.amount), RIGHT),
                Column("method", self.tr("Forma"), lambda p: p.method.label()),
                Column("reference", self.tr("Referencia"), lambda p: p.reference),
                Column(
                    "applied",
                    self.tr("Aplicado a"),
                    lambda p: (
                        ", ".join(a.invoice_number for a in p.allocations)
                        + (self.tr(" (revertido)") if p.reversed_at else "")
                    ),
                ),
            ],
            runner,
            f"customer-file-payments-{id(self)}",
        )
        self.payment_model.row_color = lambda p: muted() if p.reversed_at else None
        self.payment_table = make_table(sortable=False)
        named(self.payment_table, self.tr("Pagos"))
        self.payment_table.setModel(self.payment_model)
        set_widths(self.payment_table, [100, 120, 120, 160])

        self.form = CustomerForm()
        self.save_button = QPushButton(self.tr("Guardar cambios"))
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save)
        self.saved_label = QLabel()
        self.saved_label.setObjectName("statusLine")
        self.form.edited.connect(self._edited)
        data_tab = QWidget()
        data_layout = QVBoxLayout(data_tab)
        data_layout.addWidget(self.form)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addWidget(self.saved_label)
        save_row.addStretch(1)
        data_layout.addLayout(save_row)
        data_layout.addStretch(1)

        self.timeline_empty = EmptyState(
            self.tr("Sin contactos registrados"),
            self.tr(
                "Aquí aparecerán las llamadas, mensajes y promesas de pago de este cliente "
                "en cuanto registres el primero."
            ),
            icon("messages"),
        )
        self.contact_model: GrowingListModel[ContactView] = GrowingListModel(
            [
                Column("when", self.tr("Fecha y hora"), lambda c: format_datetime(c.contacted_at)),
                Column("channel", self.tr("Canal"), lambda c: c.channel.label()),
                Column("outcome", self.tr("Resultado"), lambda c: c.outcome.label()),
                Column("reason", self.tr("Motivo"), lambda c: c.reason_label),
                Column("notes", self.tr("Notas"), lambda c: c.notes),
                Column(
                    "next",
                    self.tr("Próxima acción"),
                    lambda c: format_date(c.next_action_date) if c.next_action_date else "",
                ),
                Column("author", self.tr("Registró"), lambda c: c.author),
            ],
            runner,
            f"customer-file-contacts-{id(self)}",
        )
        self.contact_table = make_table(sortable=False)
        named(self.contact_table, self.tr("Historial de contactos"))
        self.contact_table.setModel(self.contact_model)
        # The date and time whole in either language ("12/31/2026 12:59 PM").
        when = width_for(self.contact_table, format_datetime(datetime(2026, 12, 31, 12, 59)))
        set_widths(self.contact_table, [max(130, when), 90, 150, 170, 230, 110])
        # Corrections (reversals, re-allocations, drafts, extensions): who, when and why.
        self.correction_model: ListTableModel[CorrectionView] = ListTableModel(
            [
                Column("when", self.tr("Fecha y hora"), lambda c: format_datetime(c.created_at)),
                Column("kind", self.tr("Corrección"), lambda c: c.kind.label()),
                Column("subject", self.tr("Sobre"), lambda c: c.subject),
                Column("reason", self.tr("Motivo"), lambda c: c.reason),
                Column("author", self.tr("Quién"), lambda c: c.author),
                Column("details", self.tr("Cambios"), lambda c: c.details),
            ]
        )
        self.correction_table = make_table(sortable=False)
        named(self.correction_table, self.tr("Correcciones"))
        self.correction_table.setObjectName("correctionTable")
        self.correction_table.setModel(self.correction_model)
        set_widths(self.correction_table, [max(150, when), 170, 170, 220, 80])
        self.corrections_title = QLabel(self.tr("Correcciones"))
        self.corrections_title.setObjectName("cardCaption")
        self.timeline = QStackedWidget()
        self.timeline.addWidget(self.timeline_empty)
        self.timeline.addWidget(self.contact_table)
        timeline_tab = QWidget()
        timeline_layout = QVBoxLayout(timeline_tab)
        timeline_layout.setContentsMargins(0, 0, 0, 0)
        timeline_layout.addWidget(self.timeline, 3)
        self.status_changes = StatusChanges()
        timeline_layout.addWidget(self.status_changes)
        timeline_layout.addWidget(self.corrections_title)
        timeline_layout.addWidget(self.correction_table, 2)
        self.penalties_tab = QWidget()
        self.penalties_layout = QVBoxLayout(self.penalties_tab)
        self.penalties_layout.setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self.invoice_table, self.tr("Facturas"))
        self.tabs.addTab(self.payment_table, self.tr("Pagos"))
        self.tabs.addTab(timeline_tab, self.tr("Historial de contacto"))
        for tab, title in ((data_tab, "Datos de contacto"), (self.penalties_tab, "Penalizaciones")):
            self.tabs.addTab(scrolled(tab, self.tr(title)), self.tr(title))
        self.subscriptions_tab = CustomerSubscriptionsTab(subscriptions, refunds, runner)
        self.tabs.addTab(self.subscriptions_tab, self.tr("Suscripciones"))
        self.tabs.addTab(
            scrolled(self.terms_panel, terms := self.tr("Condiciones de crédito")), terms
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 10, 18, 10)
        layout.addLayout(header)
        layout.addLayout(cards)
        layout.addLayout(actions)
        layout.addWidget(self.tabs, 1)

    def _emit(self, signal: SignalInstance) -> None:
        if self.customer_id is not None:
            signal.emit(self.customer_id)

    # -- loading -------------------------------------------------------------------------

    def load(self, customer_id: int) -> None:
        if customer_id != self.customer_id:
            self.data = None
            self.title.setText(self.tr("Cargando…"))
            self.status.clear()
            self.risk_label.clear()
            self.invoice_model.set_rows([])
            self.payment_model.set_rows([])
            self.contact_model.set_rows([])
            self.correction_model.set_rows([])
            self._set_penalties_panel(customer_id)
            self.tabs.setCurrentIndex(0)
        self.customer_id = customer_id
        self.subscriptions_tab.load(customer_id)
        self.terms_panel.load(customer_id)
        files = self._files
        # One query op, one session: the file as one read model, its lists' first page
        # (the rest is read as the tables scroll).
        self._runner.query(
            lambda _ctx: files.customer_file(customer_id, page_size=PAGE_SIZE)
        ).success(self._show).key(f"customer-file-{id(self)}").run()

    def refresh(self) -> None:
        if self.customer_id is not None:
            self.load(self.customer_id)

    def concerned_by(self, changes: OpChanges) -> bool:
        """Whether a write changed what this file shows."""
        cid = self.customer_id
        return cid is not None and changes.touches(*FILE_KINDS) and changes.concerns(cid)

    def _show(self, data: CustomerFileView) -> None:
        if data.customer.id != self.customer_id:
            return
        first = self.data is None or self.data.customer.id != data.customer.id
        self.data = data
        files = self._files
        customer, balance = data.customer, data.balance
        self.title.setText(customer.name)
        self.status.setText(status_label(customer.status))
        self.status.setToolTip(self.status_changes.latest(data.status_history))
        self.status_changes.show_changes(data.status_history)
        active = customer.status == CustomerStatus.ACTIVE.value
        self.status.setStyleSheet(
            "font-weight: 600;" if active else f"font-weight: 600; color: {overdue().name()};"
        )
        self.risk_label.setText(
            self.tr("Riesgo %1 (%2) · límite sugerido %3")
            .replace("%1", data.risk.rating.value)
            .replace("%2", data.risk.rating_label)
            .replace("%3", format_money(data.risk.suggested_credit_limit))
            if data.risk.has_history
            else data.risk.rating_label  # «Sin historial»: nothing to rate or suggest yet
        )
        self.risk_label.setToolTip(
            self.tr("Límite de crédito actual: %1").replace(
                "%1",
                format_money(data.risk.credit_limit)
                if data.risk.credit_limit is not None
                else self.tr("sin límite"),
            )
        )
        cid = customer.id
        self.contact_model.set_first_page(
            data.timeline, data.contact_count, lambda at, n: files.timeline_page(cid, at, n)
        )
        self.timeline.setCurrentWidget(self.contact_table if data.timeline else self.timeline_empty)
        self.correction_model.set_rows(list(data.corrections))
        self.corrections_title.setVisible(bool(data.corrections))
        self.correction_table.setVisible(bool(data.corrections))
        self.balance_card.set_money(balance.balance)
        self.overdue_card.set_money(balance.overdue)
        self.days_card.set_text(str(balance.days_past_due) if balance.days_past_due else "—")
        self.credit_card.set_money(balance.credit)
        self.invoice_model.set_first_page(
            data.invoices, data.invoice_count, lambda at, n: files.invoice_page(cid, at, n)
        )
        self.payment_model.set_first_page(
            data.payments, data.payment_count, lambda at, n: files.payment_page(cid, at, n)
        )
        if isinstance(self.penalties_panel, CustomerPenaltiesPanel):
            self.penalties_panel.show_penalties(data.penalties, data.penalty_charges)
        if first or not self.save_button.isEnabled():
            self.form.set_data(customer.data())
            # The version the form shows: the save sends it back (another person's save
            # since then makes ours a conflict, not an overwrite).
            self.form_version = customer.version
            self.save_button.setEnabled(False)
        self.file_shown.emit(data)

    # -- editing -------------------------------------------------------------------------

    def _edited(self) -> None:
        self.save_button.setEnabled(True)
        self.saved_label.clear()

    def save(self) -> None:
        if self.customer_id is None:
            return
        data = self.form.validated()
        if data is None:
            return
        customer_id, customers = self.customer_id, self._customers
        version = self.form_version
        self.save_button.setEnabled(False)
        self._runner.write(
            lambda ctx: customers.update(customer_id, data, version),
            OpChanges.of(Kind.CUSTOMERS, customers=[customer_id]),
        ).success(self._saved).failure(self._save_failed).run()

    def _saved(self, view: CustomerView) -> None:
        self.form_version = view.version
        self.saved_label.setText(self.tr("Cambios guardados."))

    def _save_failed(self, failure: TaskFailure) -> None:
        self.save_button.setEnabled(True)
        self.form.errors.show(failure.message, failure.field)

    def _due_text(self, invoice: InvoiceView) -> str:
        due = format_date(invoice.due_date)
        if invoice.extended_to is None:
            return due
        return (
            self.tr("%1 → prorrogada al %2")
            .replace("%1", due)
            .replace("%2", format_date(invoice.extended_to))
        )

    def _invoice_state(self, invoice: InvoiceView) -> str:
        label = invoice.status.label()
        return label + self.tr(" · en disputa") if invoice.disputed else label

    def invoice_menu_actions(self, invoice: InvoiceView) -> list[QAction]:
        """The entries of an invoice's context menu (the dispute one, for issued invoices)."""
        if invoice.kind is not InvoiceKind.INVOICE or invoice.lifecycle is not Lifecycle.ISSUED:
            return []
        text = self.tr("Resolver la disputa…") if invoice.disputed else self.tr("Poner en disputa…")
        action = QAction(text, self)
        action.triggered.connect(lambda: self.dispute_requested.emit(invoice.id))
        return [action]

    def _invoice_menu(self, point: QPoint) -> None:
        index = self.invoice_table.indexAt(point)
        if not index.isValid():
            return
        actions = self.invoice_menu_actions(self.invoice_model.row_at(index.row()))
        if actions:
            menu = QMenu(self)
            menu.addActions(actions)
            menu.popup(self.invoice_table.viewport().mapToGlobal(point))

    def _invoice_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.invoice_activated.emit(self.invoice_model.row_at(index.row()).id)

    def _set_penalties_panel(self, customer_id: int) -> None:
        """The penalties panel is built for one customer: a new one for each customer."""
        if self.penalties_panel is not None:
            self.penalties_layout.removeWidget(self.penalties_panel)
            self.penalties_panel.deleteLater()
        # The panel shows the read model's penalties: no query of its own.
        panel = CustomerPenaltiesPanel(
            self._penalties, customer_id, runner=self._runner, load=False
        )
        panel.changed.connect(self.refresh)
        self.penalties_layout.addWidget(panel)
        self.penalties_panel = panel

    def change_status(self) -> None:
        """Ask the new status and the reason; the restriction service records both."""
        if self.data is None:
            return
        dialog = StatusDialog(
            self._restrictions,
            self._runner,
            self.data.customer.id,
            CustomerStatus(self.data.customer.status),
            list(self.data.status_history),
            parent=self,
        )
        self.status_dialog = dialog
        dialog.open()

    def focus_contact_data(self) -> None:
        self.tabs.setCurrentIndex(3)
        self.form.name.setFocus(Qt.FocusReason.OtherFocusReason)
