"""The Today page ("Hoy"): the day's collection actions, with Done, Skip and Contact;
a confirm-receipt task has its two answers, «Recibió» and «Datos mal», as buttons.

The page receives the services it needs and the task runner: every read and write runs
on the database worker, and the agenda is computed again only after a write that
concerns it (see ``TODAY_KINDS``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cobranza_desktop.domain.agenda import Agenda, AgendaItem
from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.formatting import format_long_date, format_money
from cobranza_desktop.domain.ladder import CONFIRM_RECEIPT_STAGE
from cobranza_desktop.services.collections.agenda import AgendaService
from cobranza_desktop.services.collections.contacts import ContactInput, ContactService
from cobranza_desktop.services.collections.receipts import (
    ReceiptAnswer,
    ReceiptService,
    ReceiptView,
)
from cobranza_desktop.services.collections.service_cuts import ServiceCutService
from cobranza_desktop.services.receivables.rep_radar import RepRadarService
from cobranza_desktop.ui.accessibility import named
from cobranza_desktop.ui.colors import alert_background, muted
from cobranza_desktop.ui.dialogs.contact_log_dialog import ContactFormValues, ContactLogDialog
from cobranza_desktop.ui.tasks import Kind, OpChanges, TaskContext, TaskFailure, TaskRunner
from cobranza_desktop.ui.widgets.rep_panel import RepPanel
from cobranza_desktop.ui.widgets.table import fit_columns
from cobranza_desktop.ui.widgets.technician_panel import TechnicianPanel

AnyIndex = QModelIndex | QPersistentModelIndex


Compose = Callable[[QWidget, AgendaItem], object]


# What the agenda is made of: every kind of record but the outbox's messages.
TODAY_KINDS = (
    Kind.CUSTOMERS,
    Kind.INVOICES,
    Kind.PAYMENTS,
    Kind.CONTACTS,
    Kind.PENALTIES,
    Kind.PLANS,
    Kind.SETTINGS,
)


class AgendaTableModel(QAbstractTableModel):
    """The agenda's rows: a small list (one per customer with something to do)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[AgendaItem] = []
        self.headers = [
            "#",
            self.tr("Cliente"),
            self.tr("Acción"),
            self.tr("Canal"),
            self.tr("Adeudo"),
            self.tr("Días"),
            self.tr("Motivo"),
        ]

    def set_items(self, items: list[AgendaItem]) -> None:
        self.beginResetModel()
        self.items = items
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = [
                str(index.row() + 1),
                item.customer,
                item.stage_label,
                item.channel.label(),
                format_money(item.amount_due),
                str(item.days_past_due),
                item.reason
                if not item.deferred_by
                else self.tr("Espera: {0}").format("; ".join(v.label() for v in item.deferred_by)),
            ]
            return values[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (0, 4, 5):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and item.broken_promise:
            return alert_background()
        if role == Qt.ItemDataRole.ForegroundRole and item.deferred_by:
            return QBrush(muted())
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 1:  # a long name is cut with "…" by the view: here it is whole
                return item.customer
            # The whole action and its reason: the columns may cut either.
            return f"{item.stage_label}\n{item.reason}" if item.reason else item.stage_label
        return None


class TodayPage(QWidget):
    # Double-click: the main window opens the customer's file.
    customer_requested = Signal(int)

    def __init__(
        self,
        agenda: AgendaService,
        contacts: ContactService,
        clock: Clock,
        runner: TaskRunner,
        compose: Compose,
        rep_radar: RepRadarService,
        receipts: ReceiptService,
        parent: QWidget | None = None,
        *,
        service_cuts: ServiceCutService | None = None,
    ) -> None:
        super().__init__(parent)
        self._compose = compose
        self._agenda = agenda
        self._contacts = contacts
        self._receipts = receipts
        self._clock = clock
        self._runner = runner
        self._current: Agenda | None = None
        # Customers changed since the last agenda shown; None: compute all of it.
        self._changed: set[int] | None = None
        self._day = clock.today()

        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16px; font-weight: 600;")
        self.summary = QLabel()
        self.show_waiting = QCheckBox(
            self.tr("Mostrar las que &esperan (límite de contactos, horario o domingo)")
        )
        self.refresh_button = QPushButton(self.tr("Act&ualizar"))
        self.refresh_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.model = AgendaTableModel(self)
        self.table = QTableView()
        named(self.table, self.tr("Acciones de hoy"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(200)  # fitting measures the rows on screen
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((36, 220, 230, 90, 110, 50)):
            self.table.setColumnWidth(column, width)
        self.empty = QLabel(self.tr("No hay acciones de cobranza para hoy. Todo está al día."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)

        self.done_button = QPushButton(self.tr("&Hecho…"))
        self.done_button.setShortcut(QKeySequence("Ctrl+Return"))
        self.skip_button = QPushButton(self.tr("&Omitir…"))
        self.contact_button = QPushButton(self.tr("Registrar co&ntacto…"))
        # The reminder composer: writing the message completes
        # the action.
        self.compose_button = QPushButton(self.tr("Redactar &mensaje…"))
        # «¿Recibió su factura? ¿Sus datos son correctos?»: the answer in one click.
        self.received_button = QPushButton(self.tr("&Recibió"))
        self.received_button.setToolTip(
            self.tr("La recibió y sus datos son correctos: se registra la respuesta")
        )
        self.wrong_button = QPushButton(self.tr("&Datos mal…"))
        self.wrong_button.setToolTip(
            self.tr("Hay que corregir la factura: su cobranza queda en pausa")
        )
        self.message = QLabel()
        self.message.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.show_waiting)
        top.addWidget(self.refresh_button)
        actions = QHBoxLayout()
        actions.addWidget(self.done_button)
        actions.addWidget(self.skip_button)
        actions.addWidget(self.compose_button)
        actions.addWidget(self.contact_button)
        actions.addWidget(self.received_button)
        actions.addWidget(self.wrong_button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.stack, 1)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        # The owner's own tasks (REP to issue), apart from the customers to contact.
        self.rep_panel = RepPanel(rep_radar, clock, runner)
        self.rep_panel.customer_requested.connect(self.customer_requested)
        layout.addWidget(self.rep_panel)
        self.technician_panel: TechnicianPanel | None = None
        if service_cuts is not None:  # the monthly services' cuts and reconnections
            self.technician_panel = TechnicianPanel(service_cuts, clock, runner)
            self.technician_panel.customer_requested.connect(self.customer_requested)
            layout.addWidget(self.technician_panel)

        self.refresh_button.clicked.connect(self.refresh)
        self.show_waiting.toggled.connect(self._show)
        self.done_button.clicked.connect(self.done)
        self.skip_button.clicked.connect(self.skip)
        self.contact_button.clicked.connect(self.log_contact)
        self.compose_button.clicked.connect(self.compose)
        self.received_button.clicked.connect(self.mark_received)
        self.wrong_button.clicked.connect(self.mark_wrong)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self._open_selected_customer())
        self._update_buttons()
        runner.data_changed.connect(self._data_changed)
        self.refresh()

    # Reading -------------------------------------------------------------------------
    def refresh(self) -> None:
        """Compute the agenda again: all of it, or (after writes that named their
        customers) only those customers' cases."""
        day, agenda = self._clock.today(), self._agenda
        if day != self._day:
            self._day, self._changed = day, None  # a new day: everything again
        changed = None if self._changed is None else frozenset(self._changed)

        def work(ctx: TaskContext) -> Agenda:
            return agenda.agenda(day, cancelled=ctx.cancelled, changed=changed)

        # Beside the worker (other pages' reads do not wait for it); a newer refresh
        # supersedes it (with the changes of both), and a superseded one stops early.
        self._runner.query(work).success(self._loaded).error(self._failed).key(
            f"today-agenda-{id(self)}"
        ).aside().run()

    def _data_changed(self, changes: OpChanges) -> None:
        if changes.touches(*TODAY_KINDS):
            if changes.customer_ids is None:
                self._changed = None
            elif self._changed is not None:
                self._changed |= changes.customer_ids
            self.refresh()

    def _loaded(self, agenda: Agenda) -> None:
        self._current = agenda
        self._changed = set()  # what it reflects: later refreshes need only what changes
        self._show()

    def _show(self) -> None:
        agenda = self._current
        if agenda is None:
            return
        items = list(agenda.items)
        if self.show_waiting.isChecked():
            items += list(agenda.deferred)
        self.model.set_items(items)
        # The whole action in its column ("Pasar a agencia o abogado; sin respuesta…"),
        # and the customer's name, as far as the rows on screen need; a name longer than
        # a third of a laptop's table gives way (whole in its tooltip).
        fit_columns(self.table, [1], widest=320)
        fit_columns(self.table, [2, 4])
        self.title.setText(self.tr("Hoy, {0}").format(format_long_date(agenda.day)))
        self.summary.setText(
            self.tr("%Ln acciones para hoy", None, len(agenda.items))
            + " · "
            + self.tr(
                "%Ln esperan (límite de contactos, horario o domingo)", None, len(agenda.deferred)
            )
        )
        if agenda.deferred:
            # Nothing to do *now* is not the same as nothing owed: say why, and how to look.
            self.empty.setText(
                self.tr(
                    "Ahora no toca contactar a nadie. En espera por el límite de contactos, "
                    "el horario de descanso o el domingo: {0}. Marque «Mostrar las que "
                    "esperan» para verlas."
                ).format(len(agenda.deferred))
            )
        else:
            self.empty.setText(self.tr("No hay acciones de cobranza para hoy. Todo está al día."))
        self.stack.setCurrentWidget(self.table if items else self.empty)
        if items:
            self.table.selectRow(0)
        self._update_buttons()

    def _open_selected_customer(self) -> None:
        item = self.selected()
        if item is not None:
            self.customer_requested.emit(item.customer_id)

    def compose(self) -> None:
        item = self.selected()
        if item is None:
            self.message.setText(self.tr("Elija una acción de la lista."))
            return
        self._compose(self, item)

    def selected(self) -> AgendaItem | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.items[rows[0].row()]

    def _update_buttons(self) -> None:
        has = self.selected() is not None
        self.done_button.setEnabled(has)
        self.skip_button.setEnabled(has)
        self.contact_button.setEnabled(has)
        self.compose_button.setEnabled(has)
        receipt = self._receipt_item() is not None
        self.received_button.setVisible(receipt)
        self.wrong_button.setVisible(receipt)

    def _failed(self, message: str) -> None:
        self.message.setText(message)

    # Acting --------------------------------------------------------------------------
    def make_dialog(
        self, item: AgendaItem, submit: Callable[[ContactFormValues], object], action: bool
    ) -> ContactLogDialog:
        changes = OpChanges.of(Kind.CONTACTS, Kind.PLANS, customers=[item.customer_id])
        return ContactLogDialog(
            item.customer,
            self._clock.today(),
            submit,
            self._runner,
            changes,
            channel=item.channel,
            action_label=item.stage_label if action else "",
            violations=item.deferred_by,
            parent=self,
        )

    def done(self) -> None:
        """Mark the selected action done, logging the contact it was."""
        item = self.selected()
        if item is None:
            return

        def submit(values: ContactFormValues) -> object:
            return self._agenda.complete(
                item,
                values.outcome,
                reason=values.reason,
                notes=values.notes,
                next_action_date=values.next_action_date,
                channel=values.channel,
                override_reason=values.override_reason,
                promise_amount=values.promise_amount,
                promise_date=values.promise_date,
            )

        # The write's data_changed recomputes the agenda.
        if self.make_dialog(item, submit, action=True).exec():
            self.message.setText(self.tr("Acción registrada: {0}.").format(item.customer))

    def skip(self) -> None:
        """Skip the selected action; it asks for the reason and is not proposed again."""
        item = self.selected()
        if item is None:
            return
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Omitir acción"),
            self.tr("¿Por qué se omite «{0}» para {1}?").format(item.stage_label, item.customer),
        )
        if not ok:
            return
        agenda, changes = self._agenda, OpChanges.of(Kind.CONTACTS, customers=[item.customer_id])
        self._runner.write(lambda _ctx: agenda.skip(item, reason), changes).error(
            self._failed
        ).run()

    def log_contact(self) -> None:
        """Log a contact with the selected customer without closing the action."""
        item = self.selected()
        if item is None:
            return

        def submit(values: ContactFormValues) -> object:
            return self._contacts.log(
                ContactInput(
                    customer_id=item.customer_id,
                    channel=values.channel,
                    outcome=values.outcome,
                    reason=values.reason,
                    notes=values.notes,
                    next_action_date=values.next_action_date,
                    override_reason=values.override_reason,
                    promise_amount=values.promise_amount,
                    promise_date=values.promise_date,
                )
            )

        if self.make_dialog(item, submit, action=False).exec():
            self.message.setText(self.tr("Contacto registrado: {0}.").format(item.customer))

    # Answering a confirm-receipt task -------------------------------------------------
    def _receipt_item(self) -> AgendaItem | None:
        item = self.selected()
        if item is None or item.stage != CONFIRM_RECEIPT_STAGE.code or not item.invoice_ids:
            return None
        return item

    def mark_received(self) -> None:
        """«Recibió»: the customer got the invoice and its details are right."""
        item = self._receipt_item()
        if item is not None:
            self._answer(item, ReceiptAnswer.RECEIVED, "")

    def mark_wrong(self) -> None:
        """«Datos mal»: asks what is wrong; the invoice is flagged and its ladder pauses."""
        item = self._receipt_item()
        if item is None:
            return
        note, ok = QInputDialog.getText(
            self,
            self.tr("Datos mal"),
            self.tr("¿Qué datos de la factura están mal? (RFC, domicilio, conceptos…)"),
        )
        if not ok:
            return
        if not note.strip():
            self.message.setText(self.tr("Escriba qué datos están mal."))
            return
        self._answer(item, ReceiptAnswer.WRONG, note.strip())

    def _answer(
        self,
        item: AgendaItem,
        answer: ReceiptAnswer,
        note: str,
        override_reason: str | None = None,
    ) -> None:
        receipts, ids, channel = self._receipts, item.invoice_ids, item.channel
        changes = OpChanges.of(Kind.INVOICES, Kind.CONTACTS, customers=[item.customer_id])

        def work(_ctx: TaskContext) -> ReceiptView:
            return receipts.answer_first(
                ids, answer, note, channel=channel, override_reason=override_reason
            )

        def answered(view: ReceiptView) -> None:
            if answer is ReceiptAnswer.WRONG:
                text = self.tr("Factura {0}: marcada para corregir; su cobranza queda en pausa.")
            else:
                text = self.tr("Factura {0}: recibida y con datos correctos.")
            self.message.setText(text.format(view.number))

        def failed(failure: TaskFailure) -> None:
            if failure.field == "override_reason" and override_reason is None:
                # Beyond the contact cap, in quiet hours or on a Sunday: it takes a reason.
                reason, ok = QInputDialog.getText(
                    self, self.tr("Registrar de todos modos"), failure.message
                )
                if ok and reason.strip():
                    self._answer(item, answer, note, reason.strip())
                    return
            self.message.setText(failure.message)

        self._runner.write(work, changes).success(answered).failure(failed).run()
