"""Users, roles, the audit trail, versions and the change watch on a real PostgreSQL server,
with two real database users: the login is the server's ``current_user``."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ProgrammingError

from cobranza_desktop.domain.access import Role
from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.errors import (
    BookError,
    ConcurrentEditError,
    PermissionDeniedError,
    ValidationError,
)
from cobranza_desktop.services.base.freshness import ChangeWatch
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.collections.contacts import ContactInput
from cobranza_desktop.services.receivables.payments import PaymentInput
from cobranza_desktop.storage.database import open_book
from cobranza_desktop.storage.models import Customer
from tests import factories
from tests.storage.office_pg.conftest import PG_URL_ENV

MONDAY = date(2026, 11, 23)


def _admin() -> URL:
    return make_url(os.environ[PG_URL_ENV]).set(drivername="postgresql+psycopg")


@pytest.fixture
def office() -> Iterator[tuple[Workspace, Workspace]]:
    """A fresh database; the admin login is the owner, a new role ``carla_…`` collects."""
    admin = _admin()
    name = f"office_{uuid.uuid4().hex[:10]}"
    collector_role = f"carla_{uuid.uuid4().hex[:6]}"
    root = create_engine(admin, isolation_level="AUTOCOMMIT")
    with root.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
        connection.execute(text(f'CREATE ROLE "{collector_role}" LOGIN'))
    owner_url = admin.set(database=name)
    clock = FixedClock.on(MONDAY)
    owner = Workspace(open_book(owner_url, create=True), clock)
    # Adding the user gives the server login its rights on the tables (no GRANT here).
    owner.users.add(collector_role, Role.COLLECTOR, "Carla Cobradora")
    collector = Workspace(open_book(owner_url.set(username=collector_role, password=None)), clock)
    yield owner, collector
    collector.close()
    owner.close()
    with root.connect() as connection:
        connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        connection.execute(text(f'DROP ROLE "{collector_role}"'))
    root.dispose()


def test_the_server_says_who_works_and_the_role_is_checked(
    office: tuple[Workspace, Workspace],
) -> None:
    owner, collector = office
    assert owner.book.login == _admin().username
    assert collector.book.login.startswith("carla_")
    with pytest.raises(BookError):
        collector.book.act_as(owner.book.login)  # on a server, nobody picks their login
    customer = factories.customer(owner)
    factories.invoice(owner, customer.id, "1000.00")
    watch = ChangeWatch(owner.book)
    watch.poll()
    collector.payments.record(PaymentInput(customer.id, Decimal("250.00"), MONDAY, "cash"))
    collector.contacts.log(ContactInput(customer.id, "phone", "contacted", notes="ok"))
    with pytest.raises(PermissionDeniedError):
        collector.settings.set("aging.edges", [0, 15])
    assert watch.poll() >= {"payments", "contacts"}
    trail = owner.audit.entries(customer_id=customer.id)
    assert {(e.action, e.login) for e in trail} >= {
        ("payment.recorded", collector.book.login),
        ("contact.logged", collector.book.login),
        ("invoice.issued", owner.book.login),
    }
    assert owner.customers.balance(customer.id, MONDAY).open_amount == Decimal("910.00")


def test_a_concurrent_edit_is_refused_on_the_server(office: tuple[Workspace, Workspace]) -> None:
    owner, _collector = office
    customer = factories.customer(owner, "Taller Vega")
    view = owner.customers.get(customer.id)
    owner.customers.update(customer.id, replace(view.data(), notes="primero"), view.version)
    with pytest.raises(ConcurrentEditError):
        owner.customers.update(customer.id, replace(view.data(), notes="segundo"), view.version)
    # Between the read and the write of one transaction, the database's own check.
    with pytest.raises(ConcurrentEditError), owner.book.transaction() as session:
        row = session.get(Customer, customer.id)
        assert row is not None
        row.notes = "mío"
        with owner.book.engine.begin() as other:
            other.execute(
                text("UPDATE customers SET notes = 'otro', version = version + 1 WHERE id = :id"),
                {"id": customer.id},
            )
    assert owner.customers.get(customer.id).notes == "otro"


def test_the_role_decides_the_logins_rights_on_the_server(
    office: tuple[Workspace, Workspace],
) -> None:
    owner, collector = office
    customer = factories.customer(owner, "Abarrotes Luna")
    with pytest.raises(ValidationError, match="createuser"):
        owner.users.add("nadie_en_el_servidor", Role.COLLECTOR)
    assert "nadie_en_el_servidor" not in {u.login for u in owner.users.list()}
    owner.users.set_role(collector.book.login, Role.READ_ONLY)
    # Past the services too: the server itself refuses the read-only login's writes.
    with (
        pytest.raises(ProgrammingError, match="permission denied"),
        collector.book.engine.begin() as c,
    ):
        c.execute(text("UPDATE customers SET notes = 'x' WHERE id = :id"), {"id": customer.id})
    assert collector.customers.get(customer.id).name == "Abarrotes Luna"  # reading still works
    owner.users.set_role(collector.book.login, Role.COLLECTOR)
    collector.contacts.log(ContactInput(customer.id, "phone", "contacted", notes="de nuevo"))
    logged = [
        e for e in owner.audit.entries(customer_id=customer.id) if e.action == "contact.logged"
    ]
    assert [e.login for e in logged] == [collector.book.login]
