"""The customer list: search as you type, filters, SQL sorting, count and totals."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cobranza_desktop.domain.agenda import AgendaItem
from cobranza_desktop.domain.aging import DEFAULT_EDGES
from cobranza_desktop.domain.customers import CustomerListFilter, CustomerStatus
from cobranza_desktop.domain.formatting import format_date, format_money
from cobranza_desktop.services.collections.agenda import AgendaService
from cobranza_desktop.services.collections.contacts import ContactService
from cobranza_desktop.services.customers.listing import CustomerListService
from cobranza_desktop.services.customers.records import CustomerListItem, CustomerListSummary
from cobranza_desktop.services.customers.restrictions import RiskService, RiskView
from cobranza_desktop.ui.accessibility import named
from cobranza_desktop.ui.colors import overdue
from cobranza_desktop.ui.list_export import export_button, export_view
from cobranza_desktop.ui.models.paged import RIGHT, Column, PagedTableModel, PageQuery
from cobranza_desktop.ui.style import icon
from cobranza_desktop.ui.tasks import Kind, OpChanges, TaskRunner
from cobranza_desktop.ui.text_cache import money, phone, status_label
from cobranza_desktop.ui.widgets.empty_state import EmptyState
from cobranza_desktop.ui.widgets.table import attach, fit_columns, make_table, set_widths

SEARCH_DELAY_MS = 120
OVERDUE_MARK = "⚠"

# A rating and the next action come from invoices, payments, contacts, promises and the
# ladder (a setting).
FACT_KINDS = (
    Kind.INVOICES,
    Kind.PAYMENTS,
    Kind.CONTACTS,
    Kind.CUSTOMERS,
    Kind.PENALTIES,
    Kind.PLANS,
    Kind.SETTINGS,
)


def overdue_color(row: CustomerListItem) -> QColor | None:
    return overdue() if row.overdue > 0 else None


def customer_filter(params: Mapping[str, Any]) -> CustomerListFilter:
    return CustomerListFilter(
        search=str(params.get("search", "")),
        overdue_only=bool(params.get("overdue_only", False)),
        status=params.get("status") or None,
        days_range=params.get("days_range"),
    )


@dataclass(frozen=True)
class CollectionFacts:
    """What the list shows beside each row once it is on screen: the rating, today's
    action on the agenda, and the next follow-up date of the last contact."""

    ratings: dict[int, RiskView]
    next_actions: dict[int, date]
    actions: dict[int, AgendaItem]


class CustomerListModel(PagedTableModel[CustomerListItem]):
    """The list, plus each customer's risk rating and next follow-up date, fetched for the
    rows on screen after they arrive, so that a keystroke never waits for them."""

    def __init__(
        self,
        customers: CustomerListService,
        runner: TaskRunner,
        risk: RiskService,
        contacts: ContactService,
        agenda: AgendaService,
    ) -> None:
        def fetch(query: PageQuery) -> list[CustomerListItem]:
            return customers.list_page(
                customer_filter(query.params),
                sort=query.sort_key or "name",
                descending=query.descending,
                offset=query.offset,
                limit=query.limit,
            )

        def summary(params: Mapping[str, Any]) -> CustomerListSummary:
            return customers.list_summary(customer_filter(params))

        super().__init__([], fetch, runner, fetch_summary=summary, page_size=200, sort_key="name")
        self.columns[:] = [
            Column("name", self.tr("Nombre"), lambda r: r.name),
            Column("phone", self.tr("Teléfono"), lambda r: phone(r.phone)),
            Column(
                "balance",
                self.tr("Saldo"),
                lambda r: money(r.balance),
                RIGHT,
                export=lambda r: r.balance,
            ),
            Column(
                "overdue",
                self.tr("Vencido"),
                # A marker besides the red: colour alone says nothing to some eyes.
                lambda r: f"{OVERDUE_MARK} {money(r.overdue)}" if r.overdue else "",
                RIGHT,
                color=overdue_color,
                export=lambda r: r.overdue,
            ),
            Column(
                "days_past_due",
                self.tr("Días de atraso"),
                lambda r: str(r.days_past_due) if r.days_past_due else "",
                RIGHT,
                color=overdue_color,
                export=lambda r: r.days_past_due,
            ),
            Column("status", self.tr("Estado"), lambda r: status_label(r.status)),
        ]
        self._risk = risk
        self._contacts = contacts
        self._agenda = agenda
        self._facts = CollectionFacts({}, {}, {})
        self.columns.append(
            Column(
                "risk",
                self.tr("Riesgo"),
                self._rating_text,
                sortable=False,
                tooltip=self._rating_tooltip,
            )
        )
        self.columns.append(
            Column(
                "next_action",
                self.tr("Próxima acción"),
                self._next_action_text,
                sortable=False,
                tooltip=self._next_action_tooltip,
            )
        )
        self.loaded.connect(self._fetch_facts)
        self.rowsInserted.connect(lambda *_args: self._fetch_facts())
        # A payment, an invoice or a contact can change them: forget them after such a write.
        runner.data_changed.connect(self._forget_facts)

    def _rating_text(self, row: CustomerListItem) -> str:
        return self._rating_in(self._facts, row)

    def _rating_in(self, facts: CollectionFacts, row: CustomerListItem) -> str:
        view = facts.ratings.get(row.id)
        if view is None:
            return ""
        return (
            f"{view.rating.value} · {view.rating_label}" if view.has_history else view.rating_label
        )

    def _rating_tooltip(self, row: CustomerListItem) -> str:
        view = self._facts.ratings.get(row.id)
        if view is None:
            return ""
        return self.tr("Límite de crédito sugerido: {0}").format(
            format_money(view.suggested_credit_limit)
        )

    def _next_action_text(self, row: CustomerListItem) -> str:
        return self._next_action_in(self._facts, row)

    def _next_action_in(self, facts: CollectionFacts, row: CustomerListItem) -> str:
        item = facts.actions.get(row.id)
        if item is not None:
            # Due today, or waiting on the contact policy (cap, quiet hours, Sunday).
            if item.deferred_by:
                return self.tr("{0} (en espera)").format(item.stage_label)
            return self.tr("Hoy: {0}").format(item.stage_label)
        day = facts.next_actions.get(row.id)
        return "" if day is None else self.tr("Seguimiento {0}").format(format_date(day))

    def export_columns(self, rows: Sequence[CustomerListItem]) -> list[Column[CustomerListItem]]:
        """On the worker: the rating and next action of every exported row, not only of
        the rows on screen, fetched for them here."""
        facts = self._facts_of([row.id for row in rows])
        columns = list(self.columns)
        rating, action = len(columns) - 2, len(columns) - 1
        columns[rating] = replace(columns[rating], text=lambda r: self._rating_in(facts, r))
        columns[action] = replace(columns[action], text=lambda r: self._next_action_in(facts, r))
        return columns

    def _facts_of(self, ids: list[int]) -> CollectionFacts:
        # The agenda of these rows alone: its cost follows the rows, not the book.
        return CollectionFacts(
            self._risk.profiles(ids),
            self._contacts.next_actions(ids),
            self._agenda.next_actions(ids),
        )

    def _next_action_tooltip(self, row: CustomerListItem) -> str:
        item = self._facts.actions.get(row.id)
        if item is None:
            return self._next_action_text(row)
        lines = [item.stage_label, item.reason]
        lines += [v.label() for v in item.deferred_by]
        return "\n".join(line for line in lines if line)

    def _forget_facts(self, changes: OpChanges) -> None:
        if changes.touches(*FACT_KINDS):
            self._facts = CollectionFacts({}, {}, {})

    def _fetch_facts(self) -> None:
        known = self._facts.ratings.keys() | self._facts.next_actions.keys()
        missing = [row.id for row in self.loaded_rows() if row.id not in known]
        if not missing:
            return
        facts_of = self._facts_of
        self._runner.query(lambda _ctx: facts_of(missing)).success(self._received_facts).run()

    def _received_facts(self, facts: CollectionFacts) -> None:
        self._facts.ratings.update(facts.ratings)
        self._facts.next_actions.update(facts.next_actions)
        self._facts.actions.update(facts.actions)
        if self.rowCount():
            first = len(self.columns) - 2  # the rating and next follow-up columns
            self.dataChanged.emit(
                self.index(0, first), self.index(self.rowCount() - 1, len(self.columns) - 1)
            )


class CustomerList(QWidget):
    """The list part of the Customers page."""

    customer_activated = Signal(int)
    new_customer_requested = Signal()

    def __init__(
        self,
        customers: CustomerListService,
        runner: TaskRunner,
        aging_edges: tuple[int, ...] = DEFAULT_EDGES,
        parent: QWidget | None = None,
        *,
        risk: RiskService,
        contacts: ContactService,
        agenda: AgendaService,
    ) -> None:
        super().__init__(parent)
        self.model = CustomerListModel(customers, runner, risk, contacts, agenda)

        title = QLabel(self.tr("Clientes"))
        title.setObjectName("pageTitle")
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Buscar por nombre, RFC, teléfono o correo"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(320)
        self.overdue_only = QCheckBox(self.tr("Solo vencidos"))
        self.status = QComboBox()
        self.status.addItem(self.tr("Todos los estados"), None)
        for status in CustomerStatus:
            self.status.addItem(status.label(), status.value)
        self.bucket = QComboBox()
        self.set_aging_edges(aging_edges)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.overdue_only)
        filters.addWidget(self.status)
        filters.addWidget(self.bucket)
        self._runner = runner
        self.export_button = export_button(self, self.export_list)
        filters.addWidget(self.export_button)

        self.table = make_table()
        named(self.table, self.tr("Clientes"))
        attach(self.table, self.model)
        set_widths(self.table, [205, 105, 100, 100, 95, 80, 150])
        # Amounts and days fit their figures (longer in English: "MX$44,098.85"); the
        # rating and next action fit their words once they arrive.
        self.model.loaded.connect(lambda: fit_columns(self.table, [1, 2, 3, 4, 5]))
        self.model.dataChanged.connect(lambda *_a: self._fit_facts())
        self.table.doubleClicked.connect(self._activated)
        self.table.activated.connect(self._activated)

        self.status_line = QLabel(" ")
        self.status_line.setObjectName("statusLine")

        self.empty = EmptyState(
            self.tr("No hay clientes todavía"),
            self.tr("Crea uno o carga el ejemplo con «cobranza demo»."),
            icon("customers"),
            self.tr("Nuevo cliente"),
            self.new_customer_requested.emit,
        )
        self.no_match = QLabel(self.tr("Ningún cliente coincide con la búsqueda o los filtros."))
        self.no_match.setObjectName("emptyText")
        self.no_match.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body = QStackedWidget()
        self.body.addWidget(self.table)
        self.body.addWidget(self.empty)
        self.body.addWidget(self.no_match)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 8)
        layout.addWidget(title)
        layout.addLayout(filters)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.status_line)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.overdue_only.toggled.connect(lambda _on: self.apply_filters())
        self.status.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.bucket.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.model.summary_ready.connect(self._show_summary)
        self.model.failed.connect(self.status_line.setText)

    def _fit_facts(self) -> None:
        last = self.model.columnCount() - 1
        fit_columns(self.table, [last - 1], widest=260)

    def set_aging_edges(self, edges: tuple[int, ...]) -> None:
        current = self.bucket.currentData()
        self.bucket.blockSignals(True)
        self.bucket.clear()
        self.bucket.addItem(self.tr("Cualquier antigüedad"), None)
        lower = 1
        for edge in edges:
            self.bucket.addItem(
                self.tr("%1 a %2 días").replace("%1", str(lower)).replace("%2", str(edge)),
                (lower, edge),
            )
            lower = edge + 1
        self.bucket.addItem(self.tr("Más de %1 días").replace("%1", str(edges[-1])), (lower, None))
        index = self.bucket.findData(current)
        self.bucket.setCurrentIndex(max(index, 0))
        self.bucket.blockSignals(False)

    def params(self) -> dict[str, Any]:
        return {
            "search": self.search.text().strip(),
            "overdue_only": self.overdue_only.isChecked(),
            "status": self.status.currentData(),
            "days_range": self.bucket.currentData(),
        }

    def has_filters(self) -> bool:
        p = self.params()
        return bool(p["search"] or p["overdue_only"] or p["status"] or p["days_range"])

    def apply_filters(self) -> None:
        self._timer.stop()
        self.model.set_params(**self.params())

    def export_list(self, path: Path | None = None) -> None:
        """The customers as filtered, in the visible columns, to CSV or Excel."""
        export_view(
            self, self._runner, self.table, self.model, "clientes", self.tr("Clientes"), path
        )

    def start(self) -> None:
        self.model.start()

    def refresh(self) -> None:
        self.model.refresh()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def selected_customer_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(index.row()).id

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.customer_activated.emit(self.model.row_at(index.row()).id)

    def _show_summary(self, summary: CustomerListSummary) -> None:
        if summary.count == 0:
            self.body.setCurrentWidget(self.no_match if self.has_filters() else self.empty)
        else:
            self.body.setCurrentWidget(self.table)
        count = self.tr("%Ln clientes", None, summary.count)
        self.status_line.setText(
            "   ·   ".join(
                [
                    count,
                    self.tr("Saldo: %1").replace("%1", format_money(summary.balance)),
                    self.tr("Vencido: %1").replace("%1", format_money(summary.overdue)),
                ]
            )
        )
