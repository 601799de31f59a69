"""The customer file in pages: the first page and the counts, then the rest by offset.

The window shows the first page of a big customer's invoices, payments and contacts at
once and reads the rest as the tables scroll; the pages put together must be exactly the
whole lists, in the same order, with the same figures.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cobranza_desktop.domain.contact_policy import Channel, Outcome
from cobranza_desktop.services.book.customer_file import CustomerFileService, CustomerFileView
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.collections.contacts import ContactInput
from cobranza_desktop.services.receivables.payments import PaymentInput
from tests.factories import customer, invoice

INVOICES, PAYMENTS, CONTACTS = 13, 9, 7


@pytest.fixture
def busy(ws: Workspace) -> int:
    """A customer with more invoices, payments and contacts than a small page holds."""
    cid = customer(ws, "Abarrotes Ávila").id
    start = date(2026, 6, 1)
    for n in range(INVOICES):
        # Two invoices share each issue date: the order must break ties the same way.
        issued = start + timedelta(days=7 * (n // 2))
        invoice(ws, cid, f"{100 + 10 * n}.00", issued, issued + timedelta(days=30))
    for n in range(PAYMENTS):
        ws.payments.record(PaymentInput(cid, f"{50 + n}.25", start + timedelta(days=20 + 3 * n)))
    for n in range(CONTACTS):
        ws.contacts.log(
            ContactInput(
                cid,
                Channel.PHONE,
                Outcome.NO_ANSWER,
                notes=f"llamada {n}",
                override_reason="Seguimiento",
            )
        )
    return cid


def _pages(files: CustomerFileService, cid: int, size: int, what: str) -> list[object]:
    read = {
        "invoices": files.invoice_page,
        "payments": files.payment_page,
        "timeline": files.timeline_page,
    }[what]
    rows: list[object] = []
    while page := read(cid, len(rows), size):
        assert len(page) <= size
        rows.extend(page)
    return rows


def test_the_first_page_comes_with_the_counts_of_all(ws: Workspace, busy: int) -> None:
    files = CustomerFileService(ws.book, ws.clock)
    whole = files.customer_file(busy)
    first = files.customer_file(busy, page_size=5)
    assert (len(whole.invoices), len(whole.payments), len(whole.timeline)) == (
        INVOICES,
        PAYMENTS,
        CONTACTS,
    )
    assert first.invoices == whole.invoices[:5]
    assert first.payments == whole.payments[:5]
    assert first.timeline == whole.timeline[:5]
    assert (first.invoice_count, first.payment_count, first.contact_count) == (
        INVOICES,
        PAYMENTS,
        CONTACTS,
    )
    # The rest of the file is the same whether paged or not.
    assert (first.balance, first.risk, first.penalties) == (
        whole.balance,
        whole.risk,
        whole.penalties,
    )


def test_a_page_larger_than_the_lists_needs_no_count(ws: Workspace, busy: int) -> None:
    files = CustomerFileService(ws.book, ws.clock)
    view: CustomerFileView = files.customer_file(busy, page_size=100)
    assert len(view.invoices) == view.invoice_count == INVOICES
    assert len(view.timeline) == view.contact_count == CONTACTS


@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(size=st.integers(min_value=1, max_value=15))
def test_pages_put_together_are_the_whole_lists(ws: Workspace, busy: int, size: int) -> None:
    files = CustomerFileService(ws.book, ws.clock)
    whole = files.customer_file(busy)
    assert _pages(files, busy, size, "invoices") == list(whole.invoices)
    assert _pages(files, busy, size, "payments") == list(whole.payments)
    assert _pages(files, busy, size, "timeline") == list(whole.timeline)
