"""Two people editing at once: stale edits are refused, and each sees the other's work."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from cobranza_desktop.domain.errors import ConcurrentEditError
from cobranza_desktop.services.base.freshness import ChangeWatch
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.collections.contacts import ContactInput
from cobranza_desktop.services.receivables.payments import PaymentInput
from cobranza_desktop.storage.models import Customer, Setting
from tests import factories


def test_an_edit_on_an_old_version_of_a_customer_is_refused(
    office: dict[str, Workspace],
) -> None:
    owner = office["owner"]
    customer = factories.customer(owner, "Taller Vega")
    mine = owner.customers.get(customer.id)  # the dialog opens at this version
    theirs = owner.customers.get(customer.id)
    saved = owner.customers.update(
        customer.id, replace(theirs.data(), phone="55 8765 4321"), theirs.version
    )
    assert saved.version == theirs.version + 1
    with pytest.raises(ConcurrentEditError) as refused:
        owner.customers.update(customer.id, replace(mine.data(), notes="mío"), mine.version)
    assert "Otra persona cambió este cliente mientras lo editaba" in refused.value.message
    now = owner.customers.get(customer.id)
    assert (now.phone, now.notes) == (saved.phone, "")
    # Reopened, the edit goes through.
    owner.customers.update(customer.id, replace(now.data(), notes="mío"), now.version)
    assert owner.customers.get(customer.id).notes == "mío"


def test_a_row_changed_between_read_and_write_is_caught_by_the_database(
    office: dict[str, Workspace],
) -> None:
    """version_id_col: the UPDATE names the version it read; a moved row is not overwritten."""
    owner, other = office["owner"], office["collector"]
    customer = factories.customer(owner)
    with pytest.raises(ConcurrentEditError), owner.book.transaction() as session:
        row = session.get(Customer, customer.id)
        assert row is not None
        row.notes = "primero"
        # Someone else's commit lands while this transaction still holds the old version
        # (an owner's edit from another computer; done here with Core to go around us).
        with other.book.engine.begin() as connection:
            connection.exec_driver_sql(
                "UPDATE customers SET notes = 'otro', version = version + 1 WHERE id = ?",
                (customer.id,),
            )
    assert owner.customers.get(customer.id).notes == "otro"


def test_settings_and_the_profile_carry_versions(owner: Workspace) -> None:
    def version() -> int:
        with owner.book.session() as session:
            row = session.get(Setting, "aging.edges")
            return 0 if row is None else row.version

    assert version() == 0  # never saved
    owner.settings.set("aging.edges", [0, 15, 30], expected_version=0)
    assert version() == 1
    with pytest.raises(ConcurrentEditError):
        owner.settings.set("aging.edges", [0, 45], expected_version=0)
    assert owner.settings.get("aging.edges") == [0, 15, 30]

    profile = owner.business.update_profile(
        replace(owner.business.profile(), name="Papelería Sol", rfc="")
    )
    stale = profile
    owner.business.update_profile(replace(profile, phone="5512345678"))
    with pytest.raises(ConcurrentEditError):
        owner.business.update_profile(replace(stale, name="Otro nombre"))
    assert owner.business.profile().name == "Papelería Sol"


def test_the_change_watch_sees_others_writes_not_its_own(office: dict[str, Workspace]) -> None:
    owner, collector = office["owner"], office["collector"]
    customer = factories.customer(owner)
    factories.invoice(owner, customer.id, "800.00")
    owners_watch = ChangeWatch(owner.book)
    assert owners_watch.poll() == frozenset()  # the first look sets the baseline
    owner.contacts.log(ContactInput(customer.id, "phone", "contacted"))
    assert owners_watch.poll() == frozenset()  # its own write: the window already knows
    collector.payments.record(
        PaymentInput(customer.id, Decimal("100.00"), date(2026, 11, 23), "cash")
    )
    assert owners_watch.poll() == {"payments", "invoices"}
    assert owners_watch.poll() == frozenset()
    collector.contacts.log(ContactInput(customer.id, "visit", "contacted", override_reason="x"))
    assert owners_watch.poll() == {"contacts"}


def test_a_subscription_changed_meanwhile_refuses_the_stale_edit(owner: Workspace) -> None:
    from cobranza_desktop.services.billing.subscriptions import (
        SubscriptionInput,
        SubscriptionService,
    )

    subscriptions = SubscriptionService(owner.book, owner.clock)
    member = factories.customer(owner, "Socio Gómez")
    created = subscriptions.create(
        SubscriptionInput(member.id, "Membresía", "500.00", "monthly", 1, date(2026, 12, 1))
    )
    paused = subscriptions.pause(
        created.id, date(2027, 1, 1), date(2027, 1, 31), "viaje", created.version
    )
    assert paused.version == created.version + 1  # a pause is a change of the subscription
    with pytest.raises(ConcurrentEditError) as refused:
        subscriptions.change_price(created.id, date(2027, 3, 1), "600.00", created.version)
    assert "suscripción" in refused.value.message
    assert [c.price for c in subscriptions.get(created.id).price_changes] == []
    subscriptions.change_price(created.id, date(2027, 3, 1), "600.00", paused.version)
    assert [c.price for c in subscriptions.get(created.id).price_changes] == [Decimal("600.00")]
