"""A table model over paged queries: the database sorts, filters and counts; Qt only shows.

:class:`PagedTableModel` asks a *page fetcher* for rows ``offset..offset+limit`` with
the current sort column, direction and filter parameters. The fetcher is a plain
callable, usually a service method that runs one SQL query with LIMIT/OFFSET, so
sorting and filtering happen in SQL over indexes, never in Python over every row.

Pages are fetched on the database worker (:class:`~cobranza_desktop.ui.tasks.TaskRunner`)
as the view scrolls (``canFetchMore``/``fetchMore``). A change of sort or filter
starts over, and cancels the query still running for the previous one.
An optional *summary fetcher* (count and totals for the status line) runs after it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from cobranza_desktop.ui.tasks import TaskContext, TaskRunner

R = TypeVar("R")

Index = QModelIndex | QPersistentModelIndex

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter


@dataclass(frozen=True)
class PageQuery:
    """One request for rows: what the page fetcher receives."""

    offset: int
    limit: int
    sort_key: str | None = None
    descending: bool = False
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Column(Generic[R]):
    """A column: its sort key (passed to SQL), title, how to show a row, and alignment."""

    key: str
    title: str
    text: Callable[[R], str]
    align: Qt.AlignmentFlag = LEFT
    sortable: bool = True
    tooltip: Callable[[R], str] | None = None
    color: Callable[[R], Any] | None = None
    # What «Exportar lista…» writes for the cell when not the text: an amount as a
    # number, a date as a date, so that a spreadsheet can sum and sort them.
    export: Callable[[R], Any] | None = None

    def cell(self, row: R) -> Any:
        return self.export(row) if self.export is not None else self.text(row)


@dataclass(frozen=True)
class ExportRows(Generic[R]):
    """The rows of a list to export, and the columns that turn each into cells."""

    rows: Sequence[R]
    columns: Sequence[Column[R]]


# Rows read per query when a whole filtered list is exported.
EXPORT_PAGE = 2000

PageFetcher = Callable[[PageQuery], Sequence[R]]
SummaryFetcher = Callable[[Mapping[str, Any]], Any]


class PagedTableModel(QAbstractTableModel, Generic[R]):
    """Rows arrive one page at a time from SQL, on the database worker thread."""

    #: Emitted with the summary fetcher's result (count and totals) after a (re)load.
    summary_ready = Signal(object)
    #: Emitted when the first page of a (re)load has arrived.
    loaded = Signal()
    #: Emitted with a message when a page cannot be read.
    failed = Signal(str)

    def __init__(
        self,
        columns: Sequence[Column[R]],
        fetch_page: PageFetcher[R],
        runner: TaskRunner,
        *,
        fetch_summary: SummaryFetcher | None = None,
        page_size: int = 200,
        sort_key: str | None = None,
        descending: bool = False,
        params: Mapping[str, Any] | None = None,
        key: str | None = None,
    ) -> None:
        super().__init__()
        self._columns = list(columns)
        self._fetch_page = fetch_page
        self._fetch_summary = fetch_summary
        self._runner = runner
        self._page_size = page_size
        self._sort_key = sort_key
        self._descending = descending
        self._params: dict[str, Any] = dict(params or {})
        self._key = key or f"paged-{id(self)}"
        self._rows: list[R] = []
        self._exhausted = False
        self._pending = False
        self._generation = 0
        self._summary_generation = 0
        self._started = False
        self.row_color: Callable[[R], Any] | None = None

    # -- what views and callers use ----------------------------------------------------

    @property
    def columns(self) -> list[Column[R]]:
        return self._columns

    @property
    def params(self) -> dict[str, Any]:
        return dict(self._params)

    @property
    def sort_key(self) -> str | None:
        return self._sort_key

    @property
    def descending(self) -> bool:
        return self._descending

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def loaded_rows(self) -> list[R]:
        return list(self._rows)

    def is_loading(self) -> bool:
        return self._pending

    def export_work(self) -> Callable[[TaskContext], ExportRows[R]]:
        """For «Exportar lista…», run on the worker: every row of the current filter and
        order (not only the pages loaded), read a page at a time, and their cells."""
        fetch, sort_key, descending = self._fetch_page, self._sort_key, self._descending
        params = dict(self._params)

        def work(ctx: TaskContext) -> ExportRows[R]:
            rows: list[R] = []
            while True:
                page = list(fetch(PageQuery(len(rows), EXPORT_PAGE, sort_key, descending, params)))
                rows.extend(page)
                ctx.check_cancelled()  # a cancelled export writes nothing, not a part
                if len(page) < EXPORT_PAGE:
                    break
            return ExportRows(rows, self.export_columns(rows))

        return work

    def export_columns(self, rows: Sequence[R]) -> list[Column[R]]:
        """The columns as exported (on the worker); a model whose cells need more than
        the row (facts fetched for the rows on screen) fetches it here for ``rows``."""
        return list(self._columns)

    def start(self) -> None:
        """Load the first page (done lazily so a page costs nothing until shown)."""
        if not self._started:
            self._started = True
            self.reload()

    def set_params(self, **params: Any) -> None:
        """Change the filter parameters (search text, status...) and reload."""
        changed = False
        for name, value in params.items():
            if self._params.get(name) != value:
                self._params[name] = value
                changed = True
        if changed or not self._started:
            self._started = True
            self.reload()

    def set_sort(self, sort_key: str | None, descending: bool = False) -> None:
        if (sort_key, descending) != (self._sort_key, self._descending) or not self._started:
            # The order changes, not which rows: the count and totals stay as they are.
            summary = not self._started
            self._sort_key, self._descending = sort_key, descending
            self._started = True
            self.reload(summary=summary)

    def reload(self, *, summary: bool = True) -> None:
        """Start over from the first page: the view is emptied and refilled."""
        self._generation += 1
        self.beginResetModel()
        self._rows = []
        self._exhausted = False
        self._pending = False
        self.endResetModel()
        self._request(0, self._page_size, replace=False)
        if summary:
            self._request_summary()

    def refresh(self) -> None:
        """Re-read what is loaded (after a write), keeping the rows' positions in the view."""
        if not self._started:
            return
        self._generation += 1
        self._pending = False
        self._request(0, max(len(self._rows), self._page_size), replace=True)
        self._request_summary()

    # -- Qt model API ---------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        column = self._columns[index.column()]
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column.color is not None:
                return column.color(row)
            if self.row_color is not None:
                return self.row_color(row)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.title
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align)
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or not self._started:
            return False
        return not self._exhausted and not self._pending

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._request(len(self._rows), self._page_size, replace=False)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns) or not self._columns[column].sortable:
            return
        self.set_sort(self._columns[column].key, order == Qt.SortOrder.DescendingOrder)

    def column_index(self, key: str) -> int:
        for i, column in enumerate(self._columns):
            if column.key == key:
                return i
        return -1

    # -- fetching ---------------------------------------------------------------------

    def _query(self, offset: int, limit: int) -> PageQuery:
        return PageQuery(offset, limit, self._sort_key, self._descending, dict(self._params))

    def _request(self, offset: int, limit: int, *, replace: bool) -> None:
        self._pending = True
        generation = self._generation
        query = self._query(offset, limit)
        fetch = self._fetch_page

        def work(ctx: TaskContext) -> list[R]:
            return list(fetch(query))

        self._runner.query(work).success(
            lambda rows: self._receive(generation, query, rows, replace)
        ).error(lambda message: self._fail(generation, message)).key(self._key).describe(
            "page", show_progress=False
        ).run()

    def _request_summary(self) -> None:
        if self._fetch_summary is None:
            return
        self._summary_generation += 1
        generation = self._summary_generation
        params = dict(self._params)
        fetch = self._fetch_summary

        def work(ctx: TaskContext) -> Any:
            return fetch(params)

        self._runner.query(work).success(
            lambda summary: self._receive_summary(generation, summary)
        ).error(self.failed.emit).key(self._key + "-summary").describe(
            "summary", show_progress=False
        ).run()

    def _receive(self, generation: int, query: PageQuery, rows: list[R], replace: bool) -> None:
        if generation != self._generation:
            return
        self._pending = False
        self._exhausted = len(rows) < query.limit
        if replace:
            self._replace(rows)
        elif rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        if query.offset == 0:
            self.loaded.emit()

    def _replace(self, rows: list[R]) -> None:
        old, new = len(self._rows), len(rows)
        if new < old:
            self.beginRemoveRows(QModelIndex(), new, old - 1)
            self._rows = self._rows[:new]
            self.endRemoveRows()
        if new > old:
            self.beginInsertRows(QModelIndex(), old, new - 1)
            self._rows.extend(rows[old:])
            self.endInsertRows()
        self._rows[: min(old, new)] = rows[: min(old, new)]
        if min(old, new) > 0:
            self.dataChanged.emit(
                self.index(0, 0), self.index(min(old, new) - 1, len(self._columns) - 1)
            )

    def _receive_summary(self, generation: int, summary: Any) -> None:
        if generation == self._summary_generation:
            self.summary_ready.emit(summary)

    def _fail(self, generation: int, message: str) -> None:
        if generation != self._generation:
            return
        self._pending = False
        self._exhausted = True
        self.failed.emit(message)
