"""Messages: the outbox, sent and failed messages, with search, retry and cancel."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cobranza_desktop.domain.formatting import format_datetime
from cobranza_desktop.services.messaging.outbox import (
    CANCELLED,
    FAILED,
    MANUAL_RETRY,
    NEEDS_PERSON,
    PENDING,
    SENDING,
    SENT,
    OutboxService,
    OutboxStatus,
    OutboxView,
)
from cobranza_desktop.ui.accessibility import named
from cobranza_desktop.ui.colors import overdue, settled
from cobranza_desktop.ui.tasks import Kind, OpChanges, TaskContext, TaskRunner

PAGE_SIZE = 200

# Tab -> statuses shown (None: all).
FILTERS: tuple[tuple[str, tuple[str, ...] | None], ...] = (
    ("outbox", (PENDING, SENDING)),
    ("sent", (SENT,)),
    # Failed now (retried by itself) and those that wait for a person.
    ("failed", (FAILED, *NEEDS_PERSON)),
    ("all", None),
)


@dataclass(frozen=True)
class _Page:
    total: int
    rows: list[OutboxView]
    counts: Mapping[OutboxStatus, int]


class OutboxTableModel(QAbstractTableModel):
    """A paged view of the outbox: rows are fetched from SQL as the list scrolls."""

    COLUMNS = ("created", "status", "recipient", "subject", "sent", "error")

    #: A page of rows arrived (after :meth:`set_filter`): the outbox counts by status.
    loaded = Signal(object)

    def __init__(
        self, outbox: OutboxService, runner: TaskRunner, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._outbox = outbox
        self._runner = runner
        self._rows: list[OutboxView] = []
        self._total = 0
        self._statuses: tuple[str, ...] | None = None
        self._search = ""
        self._fetching = False

    def set_filter(self, statuses: Sequence[str] | None, search: str) -> None:
        """Load the first page for this filter on the database worker."""
        self._statuses = tuple(statuses) if statuses else None
        self._search = search
        outbox, chosen = self._outbox, self._statuses

        def work(_ctx: TaskContext) -> _Page:
            return _Page(
                outbox.count(chosen, search),
                outbox.list(chosen, search, limit=PAGE_SIZE),
                outbox.counts(),
            )

        self._runner.query(work).success(self._received).key(f"outbox-{id(self)}").run()

    def _received(self, page: _Page) -> None:
        self.beginResetModel()
        self._total, self._rows = page.total, list(page.rows)
        self._fetching = False
        self.endResetModel()
        self.loaded.emit(page.counts)

    def refresh(self) -> None:
        self.set_filter(self._statuses, self._search)

    def total(self) -> int:
        return self._total

    def message(self, row: int) -> OutboxView | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    # -- paging
    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if self._fetching:
            return
        self._fetching = True
        outbox, statuses, search = self._outbox, self._statuses, self._search
        offset = len(self._rows)
        self._runner.query(
            lambda _ctx: outbox.list(statuses, search, limit=PAGE_SIZE, offset=offset)
        ).success(lambda more: self._more(offset, more)).key(f"outbox-more-{id(self)}").run()

    def _more(self, offset: int, more: list[OutboxView]) -> None:
        self._fetching = False
        if offset != len(self._rows):
            return  # the filter changed meanwhile
        if not more:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    # -- table
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Creado"),
            self.tr("Estado"),
            self.tr("Para"),
            self.tr("Asunto"),
            self.tr("Enviado"),
            self.tr("Error"),
        )[section]

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        view = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "created":
                return format_datetime(view.created_at)
            if column == "status":
                return view.status_label
            if column == "recipient":
                name = view.recipient_name
                return f"{name} <{view.recipient}>" if name else view.recipient
            if column == "subject":
                return view.subject
            if column == "sent":
                return format_datetime(view.sent_at) if view.sent_at else ""
            if column == "error":
                return view.last_error.splitlines()[0] if view.last_error else ""
        if role == Qt.ItemDataRole.ForegroundRole and column == "status":
            if view.status == FAILED or view.needs_person:
                return overdue()
            if view.status == SENT:
                return settled()
        if role == Qt.ItemDataRole.ToolTipRole and column == "error" and view.last_error:
            return view.last_error
        return None


class MessagesPage(QWidget):
    """The Messages page. Needs only the :class:`OutboxService`."""

    busyChanged = Signal(bool)

    def __init__(
        self,
        outbox: OutboxService,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._outbox = outbox
        self._runner = runner
        self._notice: str | None = None  # the outcome of the last action, for the status line
        self.model = OutboxTableModel(outbox, runner, self)
        self.model.loaded.connect(self._loaded)
        # A message queued or sent elsewhere (the composer, the start-up retry) shows here.
        runner.data_changed.connect(self._data_changed)

        layout = QVBoxLayout(self)
        # Every page opens with its title, like the others in the navigation.
        self.title = QLabel(self.tr("Mensajes"))
        self.title.setObjectName("pageTitle")
        layout.addWidget(self.title)
        top = QHBoxLayout()
        self.tabs = QTabBar()
        for key, _statuses in FILTERS:
            self.tabs.addTab(
                {
                    "outbox": self.tr("Bandeja de salida"),
                    "sent": self.tr("Enviados"),
                    "failed": self.tr("Con error"),
                    "all": self.tr("Todos"),
                }[key]
            )
        self.tabs.currentChanged.connect(self.reload)
        top.addWidget(self.tabs)
        top.addStretch(1)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Buscar por destinatario, asunto o error…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(280)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        top.addWidget(self.search)
        layout.addLayout(top)

        splitter = QSplitter(Qt.Orientation.Vertical)
        self.table = QTableView()
        named(self.table, self.tr("Mensajes"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column, width in ((0, 130), (1, 100), (2, 240), (4, 130), (5, 220)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.table.setAlternatingRowColors(True)
        splitter.addWidget(self.table)
        self.detail = QPlainTextEdit()
        named(self.detail, self.tr("Detalle del mensaje"))
        self.detail.setReadOnly(True)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)

        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setObjectName("emptyText")  # the style sheet follows the palette
        layout.addWidget(self.empty_label)

        bottom = QHBoxLayout()
        self.status_label = QLabel()
        bottom.addWidget(self.status_label, 1)
        self.cancel_button = QPushButton(self.tr("Cancelar envío…"))
        self.cancel_button.clicked.connect(lambda: self.cancel_selected())
        bottom.addWidget(self.cancel_button)
        self.retry_button = QPushButton(self.tr("Reintentar"))
        self.retry_button.clicked.connect(self.retry_selected)
        bottom.addWidget(self.retry_button)
        self.retry_all_button = QPushButton(self.tr("Reintentar todos"))
        self.retry_all_button.clicked.connect(self.retry_all)
        bottom.addWidget(self.retry_all_button)
        layout.addLayout(bottom)

        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.reload()

    # ------------------------------------------------------------------ state

    def current_statuses(self) -> tuple[str, ...] | None:
        return FILTERS[max(0, self.tabs.currentIndex())][1]

    def _data_changed(self, changes: OpChanges) -> None:
        if changes.touches(Kind.MESSAGES):
            self.reload()

    def reload(self, *_args: object) -> None:
        self.model.set_filter(self.current_statuses(), self.search.text())

    def _loaded(self, counts: Mapping[OutboxStatus, int]) -> None:
        empty = self.model.total() == 0
        self.empty_label.setVisible(empty)
        self.empty_label.setText(
            self.tr("No hay mensajes que coincidan con la búsqueda.")
            if self.search.text().strip()
            else self.tr("No hay mensajes aquí.")
        )
        waiting = counts.get(PENDING, 0) + counts.get(FAILED, 0)
        self.retry_all_button.setEnabled(waiting > 0)
        self.status_label.setText(
            self.tr("%Ln mensajes", None, self.model.total())
            + " · "
            + self.tr(
                "%Ln por enviar o con error",
                None,
                waiting + sum(counts.get(s, 0) for s in NEEDS_PERSON),
            )
        )
        if self._notice is not None:
            self.status_label.setText(self._notice)
            self._notice = None
        self._on_selection()

    def selected(self) -> OutboxView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.message(rows[0].row()) if rows else None

    def _on_selection(self, *_args: object) -> None:
        view = self.selected()
        self.retry_button.setEnabled(view is not None and view.status in MANUAL_RETRY)
        self.cancel_button.setEnabled(
            view is not None and view.status not in (SENT, SENDING, CANCELLED)
        )
        if view is None:
            self.detail.setPlainText("")
            return
        lines = [
            self.tr("Para: %1").replace("%1", view.recipient),
            self.tr("Asunto: %1").replace("%1", view.subject),
            self.tr("Estado: %1 · intentos: %2")
            .replace("%1", view.status_label)
            .replace("%2", str(view.attempts)),
        ]
        if view.attachment_names:
            lines.append(self.tr("Adjuntos: %1").replace("%1", ", ".join(view.attachment_names)))
        if view.last_error:
            lines.append(self.tr("Error: %1").replace("%1", view.last_error))
        self.detail.setPlainText("\n".join(lines) + "\n\n" + view.body)

    # ---------------------------------------------------------------- actions

    def _run(
        self,
        work: Callable[[TaskContext], object],
        done_text: Callable[[object], str],
        description: str,
    ) -> None:
        self._set_busy(True)

        def finished(result: object) -> None:
            self._set_busy(False)
            self._notice = done_text(result)  # shown once the list has reloaded
            self.reload()

        def failed(message: str) -> None:
            self._set_busy(False)
            self._notice = message
            self.reload()

        self._runner.write(work, OpChanges.of(Kind.MESSAGES, Kind.CONTACTS)).success(
            finished
        ).error(failed).describe(description, show_progress=True).run()

    def _set_busy(self, busy: bool) -> None:
        for button in (self.retry_button, self.retry_all_button, self.cancel_button):
            button.setEnabled(not busy)
        self.busyChanged.emit(busy)

    def retry_selected(self) -> None:
        view = self.selected()
        if view is None:
            return
        outbox_id = view.id

        def text(result: object) -> str:
            assert isinstance(result, OutboxView)
            if result.status == SENT:
                return self.tr("Mensaje enviado.")
            return self.tr("No se pudo enviar: %1").replace("%1", result.last_error)

        self._run(lambda _ctx: self._outbox.retry(outbox_id), text, self.tr("Enviando mensaje"))

    def retry_all(self) -> None:
        def text(result: object) -> str:
            sent = len(getattr(result, "sent", ()))
            failed = len(getattr(result, "failed", ()))
            return (
                self.tr("Enviados: %1 · con error: %2")
                .replace("%1", str(sent))
                .replace("%2", str(failed))
            )

        outbox = self._outbox

        def work(ctx: TaskContext) -> object:
            return outbox.retry_pending(progress=ctx.progress, cancelled=ctx.cancelled)

        self._run(work, text, self.tr("Enviando la bandeja de salida"))

    def cancel_selected(self, reason: str | None = None) -> None:
        view = self.selected()
        if view is None:
            return
        if reason is None:
            reason, ok = QInputDialog.getText(
                self, self.tr("Cancelar envío"), self.tr("¿Por qué no se enviará este mensaje?")
            )
            if not ok:
                return
        outbox, outbox_id = self._outbox, view.id
        self._runner.write(
            lambda _ctx: outbox.cancel(outbox_id, reason), OpChanges.of(Kind.MESSAGES)
        ).success(lambda _view: self.reload()).error(self.status_label.setText).run()
