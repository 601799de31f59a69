"""The audit trail: every write records who and when, in the same transaction."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.collections.contacts import ContactInput
from cobranza_desktop.services.receivables.payments import PaymentInput
from cobranza_desktop.storage.models.office import AuditEntry
from tests import factories
from tests.services.office.conftest import COLLECTOR, OWNER


def test_each_write_names_its_author_and_time(
    office: dict[str, Workspace], clock: FixedClock
) -> None:
    owner, collector = office["owner"], office["collector"]
    customer = factories.customer(owner, "Abarrotes Ruiz")
    invoice = factories.invoice(owner, customer.id, "1000.00")
    clock.advance(hours=2)
    payment = collector.payments.record(
        PaymentInput(customer.id, Decimal("300.00"), date(2026, 11, 23), "transfer", "REF-9")
    )
    contact = collector.contacts.log(ContactInput(customer.id, "phone", "contacted"))
    owner.payments.reverse(payment.id, "Cheque sin fondos")
    owner.invoices.void(invoice.id, "Error de captura")
    owner.settings.set("aging.edges", [0, 30, 60, 90])

    trail = owner.audit.entries()
    by_action = {(e.action, e.login) for e in trail}
    assert ("customer.created", OWNER) in by_action
    assert ("invoice.issued", OWNER) in by_action
    assert ("payment.recorded", COLLECTOR) in by_action
    assert ("contact.logged", COLLECTOR) in by_action
    assert ("payment.reversed", OWNER) in by_action
    assert ("invoice.voided", OWNER) in by_action
    assert ("setting.changed", OWNER) in by_action

    recorded = next(e for e in trail if e.action == "payment.recorded")
    assert recorded.entity_id == payment.id
    assert recorded.customer_id == customer.id
    assert recorded.at == clock.now()
    assert recorded.author == "Carla Cobradora"
    assert "$300.00" in recorded.summary and "REF-9" in recorded.summary
    voided = next(e for e in trail if e.action == "invoice.voided")
    assert "Error de captura" in voided.summary and invoice.number in voided.summary
    logged = next(e for e in trail if e.action == "contact.logged")
    assert logged.entity_id == contact.id

    mine = owner.audit.entries(customer_id=customer.id)
    assert all(e.customer_id == customer.id for e in mine)
    assert "setting.changed" not in {e.action for e in mine}
    assert owner.audit.entries(since=date(2026, 11, 24)) == ()


def test_a_refused_write_leaves_no_trail(owner: Workspace) -> None:
    customer = factories.customer(owner)
    with owner.book.session() as session:
        before = session.scalar(select(func.count()).select_from(AuditEntry))
    with pytest.raises(ValidationError):
        owner.payments.record(PaymentInput(customer.id, "-5", date(2026, 11, 23), "cash"))
    with owner.book.session() as session:
        assert session.scalar(select(func.count()).select_from(AuditEntry)) == before


def test_penalties_applied_in_bulk_are_audited(owner: Workspace) -> None:
    from cobranza_desktop.domain.penalty_policy import PenaltyPolicy

    customer = factories.customer(owner)
    factories.invoice(owner, customer.id, "1000.00", issued=date(2026, 6, 1), due=date(2026, 7, 1))
    owner.penalties.set_business_policy(PenaltyPolicy.legal())
    applied = owner.penalties.apply(date(2026, 11, 23))
    assert applied.charges
    entries = [e for e in owner.audit.entries() if e.action == "penalty.applied"]
    assert {e.entity_id for e in entries} == {c.charge_invoice_id for c in applied.charges}
    assert all(e.login == OWNER and e.customer_id == customer.id for e in entries)


def test_the_timeline_shows_who_logged_each_contact(office: dict[str, Workspace]) -> None:
    owner, collector = office["owner"], office["collector"]
    customer = factories.customer(owner)
    collector.contacts.log(ContactInput(customer.id, "phone", "contacted", notes="por Carla"))
    from cobranza_desktop.services.book.customer_file import CustomerFileService

    file = CustomerFileService(owner.book, owner.clock).customer_file(customer.id)
    assert [(c.notes, c.author) for c in file.timeline] == [("por Carla", "Carla Cobradora")]
