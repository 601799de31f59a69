"""Users and roles: the role is checked in the services, with a clear, typed refusal."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from cobranza_desktop.domain.access import Role
from cobranza_desktop.domain.customers import CustomerData
from cobranza_desktop.domain.errors import ConflictError, PermissionDeniedError, ValidationError
from cobranza_desktop.domain.i18n import set_language
from cobranza_desktop.services.base.business import BusinessProfileView
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.collections.contacts import ContactInput
from cobranza_desktop.services.receivables.payments import PaymentInput
from cobranza_desktop.storage.models import Customer, Payment, Setting
from tests import factories
from tests.services.office.conftest import COLLECTOR, OWNER, VIEWER


def _count(ws: Workspace, model: type) -> int:
    with ws.book.session() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_a_book_without_users_treats_the_local_user_as_owner(ws: Workspace) -> None:
    me = ws.users.me()
    assert me.role is Role.OWNER
    assert me.registered is False
    assert me.login == ws.book.login
    ws.settings.set("aging.edges", [0, 30, 60, 90])  # the owner may change settings
    assert ws.users.list() == ()


def test_the_first_user_added_registers_the_owner_too(owner: Workspace) -> None:
    owner.users.add(COLLECTOR, Role.COLLECTOR, "Carla")
    users = {u.login: u.role for u in owner.users.list()}
    assert users == {OWNER: Role.OWNER, COLLECTOR: Role.COLLECTOR}
    assert owner.users.me().registered is True


def test_a_collector_collects_but_may_not_change_settings_or_bookkeeping(
    office: dict[str, Workspace],
) -> None:
    owner, collector = office["owner"], office["collector"]
    customer = factories.customer(owner)
    factories.invoice(owner, customer.id, "500.00")
    paid = collector.payments.record(
        PaymentInput(customer.id, Decimal("200.00"), date(2026, 11, 20), "cash")
    )
    assert paid.amount == Decimal("200.00")
    collector.contacts.log(ContactInput(customer.id, "phone", "contacted", notes="Llamó"))
    settings_before = _count(owner, Setting)  # signing the terms keeps their version

    with pytest.raises(PermissionDeniedError) as refused:
        collector.settings.set("aging.edges", [0, 15, 30])
    assert "Solo el dueño puede cambiar la configuración" in refused.value.message
    assert "Carla Cobradora" in refused.value.message
    with pytest.raises(PermissionDeniedError):
        collector.business.update_profile(BusinessProfileView(name="Otro negocio"))
    with pytest.raises(PermissionDeniedError):
        collector.customers.create(CustomerData(name="Nuevo", phone="5512345678"))
    with pytest.raises(PermissionDeniedError):
        collector.users.add("intruso", Role.OWNER)
    assert _count(owner, Setting) == settings_before
    assert _count(owner, Customer) == 1
    assert {u.login for u in owner.users.list()} == {OWNER, COLLECTOR, VIEWER}


def test_read_only_writes_nothing_even_where_no_service_checks(
    office: dict[str, Workspace],
) -> None:
    owner, viewer = office["owner"], office["viewer"]
    customer = factories.customer(owner)
    factories.invoice(owner, customer.id, "500.00")
    with pytest.raises(PermissionDeniedError) as refused:
        viewer.payments.record(
            PaymentInput(customer.id, Decimal("100.00"), date(2026, 11, 20), "cash")
        )
    assert "solo lectura" in refused.value.message
    # The storage guard: a write no service vetted is refused all the same.
    with pytest.raises(PermissionDeniedError), viewer.book.transaction() as session:
        session.get(Customer, customer.id).notes = "cambiado a escondidas"  # type: ignore[union-attr]
    assert _count(owner, Payment) == 0
    assert owner.customers.get(customer.id).notes == ""
    # Reading is fine.
    assert viewer.customers.get(customer.id).name == customer.name


def test_an_unlisted_or_deactivated_login_is_read_only(office: dict[str, Workspace]) -> None:
    owner, collector = office["owner"], office["collector"]
    customer = factories.customer(owner)
    owner.users.deactivate(COLLECTOR)
    with pytest.raises(PermissionDeniedError) as refused:
        collector.contacts.log(ContactInput(customer.id, "phone", "contacted"))
    assert "dado de baja" in refused.value.message
    owner.users.set_active(COLLECTOR, True)
    collector.contacts.log(ContactInput(customer.id, "phone", "contacted"))


def test_a_role_change_counts_at_the_next_transaction(office: dict[str, Workspace]) -> None:
    owner, collector = office["owner"], office["collector"]
    with pytest.raises(PermissionDeniedError):
        collector.settings.set("aging.edges", [0, 15, 30])
    owner.users.set_role(COLLECTOR, Role.OWNER)
    collector.settings.set("aging.edges", [0, 15, 30])
    assert owner.settings.get("aging.edges") == [0, 15, 30]


def test_the_book_keeps_an_active_owner(office: dict[str, Workspace]) -> None:
    owner = office["owner"]
    with pytest.raises(ConflictError):
        owner.users.set_role(OWNER, Role.COLLECTOR)
    with pytest.raises(ConflictError):
        owner.users.deactivate(OWNER)
    assert owner.users.me().role is Role.OWNER


def test_bad_logins_and_duplicates_are_refused(owner: Workspace) -> None:
    with pytest.raises(ValidationError):
        owner.users.add("con espacio", Role.COLLECTOR)
    with pytest.raises(ValidationError):
        owner.users.add("", Role.COLLECTOR)
    owner.users.add("ana", Role.COLLECTOR)
    with pytest.raises(ConflictError):
        owner.users.add("ana", Role.READ_ONLY)


def test_the_refusal_speaks_english_too(office: dict[str, Workspace]) -> None:
    set_language("en")
    with pytest.raises(PermissionDeniedError) as refused:
        office["collector"].settings.set("aging.edges", [0, 15, 30])
    assert "Only the owner can change the settings" in refused.value.message
