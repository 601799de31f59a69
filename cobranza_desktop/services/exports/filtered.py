"""Which rows a filtered export takes: the same search and filters as the list pages.

``cobranza export invoices --search Núñez --overdue`` exports what the Invoices page
shows with that search and the status "Vencidas"; the rows are chosen by the pages' own
queries (``storage/queries/listings.py``, the customer list index), read a page at a
time, so the meaning of a search is defined once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from cobranza_desktop.domain.customers import CustomerListFilter
from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.queries.customer_index import CustomerListIndex
from cobranza_desktop.storage.queries.listings import (
    InvoiceFilter,
    PaymentFilter,
    invoice_page,
    payment_page,
)

_PAGE = 5000


@dataclass(frozen=True)
class ListFilter:
    """A list page's search box and its "only overdue" filter."""

    search: str = ""
    overdue: bool = False

    @property
    def active(self) -> bool:
        return bool(self.search.strip()) or self.overdue


def _all_ids(page: Callable[[int, int], Sequence[int]]) -> list[int]:
    ids: list[int] = []
    while True:
        chunk = page(len(ids), _PAGE)
        ids.extend(chunk)
        if len(chunk) < _PAGE:
            return ids


def chosen_ids(book: Book, session: Session, kind: str, f: ListFilter, today: date) -> set[int]:
    """The ids of the rows of ``kind`` that the list page would show with ``f``."""
    search = f.search.strip()
    if kind == "customers":
        index = CustomerListIndex(book.engine, lambda: book.local_commits)
        filters = CustomerListFilter(search=search, overdue_only=f.overdue)
        try:
            return set(
                _all_ids(
                    lambda offset, limit: [
                        r.customer_id
                        for r in index.page(today, filters, offset=offset, limit=limit)
                    ]
                )
            )
        finally:
            index.close()
    if kind == "invoices":
        invoices = InvoiceFilter(status="overdue" if f.overdue else None, customer_text=search)
        return set(
            _all_ids(
                lambda offset, limit: [
                    r.invoice_id
                    for r in invoice_page(session, today, invoices, offset=offset, limit=limit)
                ]
            )
        )
    if kind == "payments" and not f.overdue:
        payments = PaymentFilter(text=search)
        return set(
            _all_ids(
                lambda offset, limit: [
                    r.payment_id
                    for r in payment_page(session, payments, offset=offset, limit=limit)
                ]
            )
        )
    raise ValidationError(
        "filter",
        _("La lista {kind} no se filtra con --search ni --overdue.").format(kind=kind)
        if kind != "payments"
        else _("Los pagos no se filtran con --overdue."),
    )
