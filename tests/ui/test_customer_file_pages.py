"""The customer file of a big customer: the first page at once, the rest as the table scrolls."""

from __future__ import annotations

from datetime import timedelta
from functools import partial
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from cobranza_desktop.domain.customers import CustomerData
from cobranza_desktop.domain.invoices import make_line
from cobranza_desktop.services.billing.invoices import InvoiceDraft
from cobranza_desktop.services.book.customer_file import CustomerFileView
from cobranza_desktop.ui.models import growing_list
from cobranza_desktop.ui.models.growing_list import GrowingListModel
from cobranza_desktop.ui.pages import customer_file
from cobranza_desktop.ui.pages.customers_page import CustomersPage
from tests.ui.ui_support import TODAY, OpenApp

PAGE = 4
INVOICES = 11


def _grown(model: GrowingListModel[Any], before: int) -> bool:
    return model.rowCount() > before


def test_invoices_arrive_page_by_page_on_scroll(
    qtbot: QtBot, open_app: OpenApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A small page, so that a few invoices make several pages (the real page is 60 rows).
    monkeypatch.setattr(growing_list, "PAGE_SIZE", PAGE)
    monkeypatch.setattr(customer_file, "PAGE_SIZE", PAGE)
    s = open_app.services
    cid = s.customers.create(CustomerData(name="Taller Ruiz", phone="55 1234 5678")).id
    for n in range(INVOICES):
        issued = TODAY - timedelta(days=90 - 5 * n)
        line = make_line("Servicio", "1", f"{100 + n}", "0", "0")
        s.invoices.issue(InvoiceDraft(cid, (line,), issued, issued + timedelta(days=30)))
    page = open_app.window.show_page("customers")
    assert isinstance(page, CustomersPage)
    views: list[CustomerFileView] = []
    loaded: list[int] = []
    page.file.file_shown.connect(views.append)
    page.file.invoice_model.page_loaded.connect(loaded.append)
    page.open_customer(cid)
    open_app.settle()
    model, table = page.file.invoice_model, page.file.invoice_table
    # The file arrived with the first page and the count of all ...
    assert len(views[-1].invoices) == PAGE and views[-1].invoice_count == INVOICES
    assert model.total == INVOICES
    # ... and the table asked for the rest as it showed the end of the list.
    while model.rowCount() < INVOICES:
        before = model.rowCount()
        table.scrollToBottom()
        model.fetchMore()  # what the view asks when the last row comes into sight
        # The view may have asked first (then this one waits): wait for the page to land.
        qtbot.waitUntil(partial(_grown, model, before), timeout=30_000)
    open_app.settle()
    assert loaded and all(b - a <= PAGE for a, b in zip([PAGE, *loaded], loaded, strict=False))
    assert loaded[-1] == INVOICES and not model.canFetchMore()
    shown = [row.id for row in model.rows()]
    whole = [i.id for i in s.customer_file.customer_file(cid).invoices]
    assert shown == whole and len(shown) == INVOICES
    # A new load (after a write, say) starts again from the first page.
    page.file.refresh()
    open_app.settle()
    assert len(views[-1].invoices) == PAGE and model.total == INVOICES
    assert [r.id for r in model.rows()] == whole[: model.rowCount()]
