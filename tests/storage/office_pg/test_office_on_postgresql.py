"""Users, roles, the audit trail, versions and the change watch on a real PostgreSQL server,
with two real database users: the login is the server's ``current_user``."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url

from cobranza_desktop.domain.access import Role
from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.errors import (
    BookError,
    ConcurrentEditError,
    PermissionDeniedError,
)
from cobranza_desktop.services.base.freshness import ChangeWatch
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.collections.contacts import ContactInput
from cobranza_desktop.services.receivables.payments import PaymentInput
from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.models import Base, Customer
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
    owner_engine = create_engine(owner_url)
    Base.metadata.create_all(owner_engine)
    with owner_engine.begin() as connection:
        connection.execute(
            text(
                f'GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO "{collector_role}"'
            )
        )
        connection.execute(
            text(f'GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO "{collector_role}"')
        )
    clock = FixedClock.on(MONDAY)
    owner = Workspace(Book(Path(name), owner_engine, None), clock)
    collector_engine = create_engine(owner_url.set(username=collector_role, password=None))
    collector = Workspace(Book(Path(name), collector_engine, None), clock)
    owner.users.add(collector_role, Role.COLLECTOR, "Carla Cobradora")
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
