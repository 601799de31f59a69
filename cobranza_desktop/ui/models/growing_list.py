"""A list model that shows a first page at once and fetches the rest as the table scrolls.

The customer file's invoices, payments and contacts arrive with the file's read model as
a first page (and a count of them all); the view asks ``fetchMore`` when the user scrolls
near the end, and the next page is read off the GUI thread through the runner.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import QModelIndex, Signal

from cobranza_desktop.ui.models.list_model import Index, ListTableModel
from cobranza_desktop.ui.models.paged import Column
from cobranza_desktop.ui.tasks import TaskContext, TaskRunner

R = TypeVar("R")

#: Rows per page: the first page comes with the file, the next ones on scroll.
PAGE_SIZE = 60

#: Reads rows ``offset`` to ``offset + limit`` (run on the database worker).
PageLoader = Callable[[int, int], Sequence[R]]


class GrowingListModel(ListTableModel[R], Generic[R]):
    #: A page after the first one arrived (the number of rows now loaded).
    page_loaded = Signal(int)

    def __init__(self, columns: Sequence[Column[R]], runner: TaskRunner, key: str) -> None:
        super().__init__(columns)
        self._runner = runner
        self._key = key
        self._total = 0
        self._loader: PageLoader[R] | None = None
        self._pending = False
        self._generation = 0

    @property
    def total(self) -> int:
        """How many rows there are in all (loaded or not)."""
        return self._total

    def set_rows(self, rows: Sequence[R]) -> None:
        """All the rows at once (nothing more to fetch)."""
        self.set_first_page(rows, len(rows), None)

    def set_first_page(self, rows: Sequence[R], total: int, loader: PageLoader[R] | None) -> None:
        self._generation += 1  # a page asked for an older list is dropped on arrival
        self._pending = False
        self._total = max(total, len(rows))
        self._loader = loader
        super().set_rows(rows)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or self._loader is None or self._pending:
            return False
        return len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent) or self._loader is None:
            return
        self._pending = True
        generation, offset, load = self._generation, len(self._rows), self._loader

        def work(_ctx: TaskContext) -> list[R]:
            return list(load(offset, PAGE_SIZE))

        self._runner.query(work).success(
            lambda rows: self._append(generation, offset, rows)
        ).failure(lambda _failure: self._failed(generation)).key(self._key).describe(
            "page", show_progress=False
        ).run()

    def _append(self, generation: int, offset: int, rows: list[R]) -> None:
        if generation != self._generation or offset != len(self._rows):
            return
        self._pending = False
        if not rows:  # fewer than counted (a concurrent change): stop asking
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), offset, offset + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()
        self.page_loaded.emit(len(self._rows))

    def _failed(self, generation: int) -> None:
        if generation == self._generation:
            self._pending = False
            self._loader = None  # the failure is reported by the runner; do not loop on it
