"""An office's day: the owner and a collector work one book at the same time.

Two workspaces, two logins, one book. The collector records the payments and the
calls of the day; the owner issues invoices and edits customers. The collector may
not change a setting; an edit made on a customer someone else saved meanwhile is
refused. At the end nothing is lost or doubled: every payment is there once, the
balances add up to the cent, ``cobranza check`` is green, the audit trail names who
did each thing, and each person's window learnt of the other's work.

Runs on SQLite (the second workspace opens the file without its single-writer lock,
as a second computer opens a server book). On PostgreSQL each person is a database
user: the same steps run once pg-core's ``book_location`` fixture and a second
database role are available (see the report of issue 18).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from cobranza_desktop.domain.access import Role
from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.errors import ConcurrentEditError, PermissionDeniedError
from cobranza_desktop.services.base.freshness import ChangeWatch
from cobranza_desktop.services.book.check import BookCheckService
from cobranza_desktop.services.book.customer_file import CustomerFileService
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.collections.contacts import ContactInput
from cobranza_desktop.services.receivables.payments import PaymentInput
from cobranza_desktop.storage.database import open_book
from tests import factories

DAY = date(2026, 11, 23)  # a Monday


@pytest.fixture
def people(tmp_path: Path) -> Iterator[tuple[Workspace, Workspace]]:
    clock = FixedClock.on(DAY, hour=9)
    path = tmp_path / "oficina.sqlite"
    owner_book = open_book(path, create=True)
    owner_book.act_as("dueno")
    owner = Workspace(owner_book, clock)
    owner.users.add("carla", Role.COLLECTOR, "Carla Cobradora")
    collector_book = open_book(path, lock=False)
    collector_book.act_as("carla")
    collector = Workspace(collector_book, clock)
    yield owner, collector
    collector.close()
    owner.close()


def test_owner_and_collector_work_the_same_day(people: tuple[Workspace, Workspace]) -> None:
    owner, collector = people
    owner_watch, collector_watch = ChangeWatch(owner.book), ChangeWatch(collector.book)
    owner_watch.poll()
    collector_watch.poll()

    customers = [factories.customer(owner, f"Cliente {n}") for n in range(1, 6)]
    invoices = {
        c.id: factories.invoice(owner, c.id, "1000.00", issued=date(2026, 10, 1)) for c in customers
    }
    assert collector_watch.poll() >= {"customers", "invoices"}  # the collector's list refreshes

    # The collector's morning: a payment and a call for each customer.
    paid = Decimal(0)
    for n, customer in enumerate(customers, start=1):
        amount = Decimal(100 * n)
        collector.payments.record(PaymentInput(customer.id, amount, DAY, "transfer", f"T{n}"))
        collector.contacts.log(ContactInput(customer.id, "phone", "contacted", notes=f"n{n}"))
        paid += amount
    assert owner_watch.poll() >= {"payments", "contacts"}  # the owner's window refreshes

    # The collector may not change the book's settings; nothing is written.
    with pytest.raises(PermissionDeniedError):
        collector.settings.set("aging.edges", [0, 15, 30])
    assert owner.settings.get("aging.edges") is None

    # The customer is open in two of the owner's windows (the desk and the laptop):
    # the first save wins, the second, made on what the window had loaded...
    first = customers[0]
    owner_view = owner.customers.get(first.id)
    stale = owner.customers.get(first.id)
    owner.customers.update(
        first.id, replace(owner_view.data(), phone="5587654321"), owner_view.version
    )
    with pytest.raises(ConcurrentEditError):  # ...is refused, not written over the owner's
        owner.customers.update(first.id, replace(stale.data(), notes="pisado"), stale.version)
    assert owner.customers.get(first.id).phone == "+525587654321"
    assert owner.customers.get(first.id).notes == ""

    # Nothing lost, nothing doubled.
    for n, customer in enumerate(customers, start=1):
        balance = owner.customers.balance(customer.id, DAY)
        assert balance.open_amount == invoices[customer.id].total - Decimal(100 * n)
        assert len(owner.payments.for_customer(customer.id)) == 1
    report = BookCheckService(owner.book).run()
    assert report.ok, report
    trail = owner.audit.entries()
    payments_by = [e.login for e in trail if e.action == "payment.recorded"]
    assert payments_by == ["carla"] * 5
    assert sorted(e.entity_id for e in trail if e.action == "payment.recorded") == sorted(
        {e.entity_id for e in trail if e.action == "payment.recorded"}
    )
    assert [e.login for e in trail if e.action == "invoice.issued"] == ["dueno"] * 5
    assert (
        sum(
            (
                Decimal(e.details["amount_cents"]) / 100
                for e in trail
                if e.action == "payment.recorded"
            ),
            Decimal(0),
        )
        == paid
    )
    # The owner's view of the customer's file names who made each call.
    timeline = CustomerFileService(owner.book, owner.clock).customer_file(first.id).timeline
    assert [(c.notes, c.author) for c in timeline] == [("n1", "Carla Cobradora")]
