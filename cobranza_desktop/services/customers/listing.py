"""The customer list for the window: fast search, filters and sorting on a big book.

Same views as :class:`~cobranza_desktop.services.customers.records.CustomerService`'s
``list_page``/``list_summary``, served from a
:class:`~cobranza_desktop.storage.queries.customer_index.CustomerListIndex` that keeps
per-customer figures ready between writes.
"""

from __future__ import annotations

from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.customers import CustomerListFilter
from cobranza_desktop.services.customers.records import (
    CustomerListItem,
    CustomerListSummary,
    list_item,
    list_summary,
)
from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.queries.customer_index import CustomerListIndex


class CustomerListService:
    def __init__(self, book: Book, clock: Clock) -> None:
        self._clock = clock
        self._index = CustomerListIndex(book.engine, lambda: book.local_commits)

    def list_page(
        self,
        filters: CustomerListFilter | None = None,
        *,
        sort: str = "name",
        descending: bool = False,
        offset: int = 0,
        limit: int = 100,
    ) -> list[CustomerListItem]:
        rows = self._index.page(
            self._clock.today(),
            filters or CustomerListFilter(),
            sort,
            descending,
            offset,
            limit,
        )
        return [list_item(r) for r in rows]

    def list_summary(self, filters: CustomerListFilter | None = None) -> CustomerListSummary:
        totals = self._index.totals(self._clock.today(), filters or CustomerListFilter())
        return list_summary(totals)

    def close(self) -> None:
        self._index.close()
