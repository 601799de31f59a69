"""The window's fast customer list agrees with the customer service and sees every write."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.customers import CustomerListFilter
from cobranza_desktop.domain.payments import PaymentMethod
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.customers.listing import CustomerListService
from cobranza_desktop.services.receivables.payments import PaymentInput
from tests.factories import customer, invoice


@pytest.fixture
def fast(ws: Workspace) -> Iterator[CustomerListService]:
    service = CustomerListService(ws.book, ws.clock)
    yield service
    service.close()


def book_with_customers(ws: Workspace) -> None:
    a = customer(ws, "Ángel Ávila", rfc="AAAA800101AB1", email="angel@ejemplo.mx")
    b = customer(ws, "Botica Núñez", phone="33 3615 1234")
    c = customer(ws, "Carnicería Zapata", email="zapata@correo.mx")
    customer(ws, "Dulcería sin deudas")
    invoice(ws, a.id, "1000.00", issued=date(2026, 8, 1), due=date(2026, 8, 31))  # 83 days
    invoice(ws, a.id, "500.00", issued=date(2026, 11, 1), due=date(2026, 12, 1))  # current
    invoice(ws, b.id, "250.00", issued=date(2026, 10, 1), due=date(2026, 11, 1))  # 21 days
    invoice(ws, c.id, "99.99", issued=date(2026, 11, 20), due=date(2026, 12, 20))


FILTERS = [
    CustomerListFilter(),
    CustomerListFilter(search="avila"),
    CustomerListFilter(search="ÁVILA"),
    CustomerListFilter(search="3615"),
    CustomerListFilter(search="correo.mx"),
    CustomerListFilter(search="aaaa8"),
    CustomerListFilter(overdue_only=True),
    CustomerListFilter(days_range=(1, 30)),
    CustomerListFilter(days_range=(61, 90)),
    CustomerListFilter(status="active", search="a"),
    CustomerListFilter(search="nadie se llama así"),
]


@pytest.mark.parametrize("filters", FILTERS)
@pytest.mark.parametrize("sort", ["name", "phone", "balance", "overdue", "days_past_due"])
def test_same_rows_and_totals_as_the_customer_service(
    ws: Workspace, fast: CustomerListService, filters: CustomerListFilter, sort: str
) -> None:
    book_with_customers(ws)
    for descending in (False, True):
        expected = ws.customers.list_page(filters, sort=sort, descending=descending, limit=50)
        got = fast.list_page(filters, sort=sort, descending=descending, limit=50)
        assert {r.id: r for r in got} == {r.id: r for r in expected}
        key = {
            "name": None,
            "phone": lambda r: r.phone,
            "balance": lambda r: r.balance,
            "overdue": lambda r: r.overdue,
            "days_past_due": lambda r: r.days_past_due,
        }[sort]
        if key is not None:
            assert [key(r) for r in got] == [key(r) for r in expected]
        else:
            assert [r.id for r in got] == [r.id for r in expected]
    assert fast.list_summary(filters) == ws.customers.list_summary(filters)


def test_paging_walks_every_row_once(ws: Workspace, fast: CustomerListService) -> None:
    for i in range(23):
        customer(ws, f"Cliente {i:02d}")
    seen = []
    for offset in range(0, 30, 5):
        seen += [r.id for r in fast.list_page(sort="name", offset=offset, limit=5)]
    assert len(seen) == len(set(seen)) == 23


def test_a_write_by_the_other_services_is_seen_at_once(
    ws: Workspace, fast: CustomerListService
) -> None:
    book_with_customers(ws)
    before = {r.name: r for r in fast.list_page()}
    assert before["Botica Núñez"].balance == Decimal("290.00")
    botica = before["Botica Núñez"].id
    ws.payments.record(
        PaymentInput(botica, Decimal("90.00"), date(2026, 11, 22), PaymentMethod.CASH)
    )
    after = {r.name: r for r in fast.list_page()}
    assert after["Botica Núñez"].balance == Decimal("200.00")
    customer(ws, "Nuevo cliente")
    assert fast.list_summary().count == 5


def test_the_figures_follow_the_day(ws: Workspace) -> None:
    book_with_customers(ws)
    clock = FixedClock.on(date(2026, 11, 22))
    service = CustomerListService(ws.book, clock)
    try:
        days = {r.name: r.days_past_due for r in service.list_page()}
        assert days["Ángel Ávila"] == 83
        clock.advance(days=10)
        days = {r.name: r.days_past_due for r in service.list_page()}
        assert days["Ángel Ávila"] == 93
        assert days["Ángel Ávila"] == 93 and days["Carnicería Zapata"] == 0
    finally:
        service.close()
