"""The customer file read model: one session, and the same figures as each service."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import event
from sqlalchemy.orm import Session

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.contact_policy import Channel, Outcome
from cobranza_desktop.domain.customers import CustomerStatus
from cobranza_desktop.domain.errors import NotFoundError
from cobranza_desktop.domain.penalties import PenaltyPolicy
from cobranza_desktop.services.book.workspace import Workspace, open_workspace
from cobranza_desktop.services.collections.contacts import ContactInput
from cobranza_desktop.services.customers.customer_file import CustomerFileService
from cobranza_desktop.services.receivables.payments import PaymentInput
from tests.factories import customer, invoice


@pytest.fixture
def files(ws: Workspace) -> CustomerFileService:
    return CustomerFileService(ws.book, ws.clock)


@pytest.fixture
def sessions() -> Iterator[list[Session]]:
    """Every session that begins a transaction while the test runs."""
    begun: list[Session] = []

    def began(session: Session, _transaction: object, _connection: object) -> None:
        begun.append(session)

    event.listen(Session, "after_begin", began)
    yield begun
    event.remove(Session, "after_begin", began)


def _busy_customer(ws: Workspace) -> int:
    cid = customer(ws, "Abarrotes Ávila", credit_limit=Decimal("9000")).id
    invoice(ws, cid, "1000.00", date(2026, 9, 1), date(2026, 10, 1))
    invoice(ws, cid, "250.50", date(2026, 11, 1), date(2026, 12, 1))
    ws.payments.record(PaymentInput(cid, "300.00", date(2026, 10, 15)))
    # 22 Nov 2026 is a Sunday: the contact policy asks why.
    ws.contacts.log(
        ContactInput(cid, Channel.PHONE, Outcome.NO_ANSWER, override_reason="Pidió domingo")
    )
    ws.restrictions.change(cid, CustomerStatus.RESTRICTED, "Sin respuesta", "Crédito nuevo")
    ws.penalties.set_business_policy(PenaltyPolicy.legal())
    ws.penalties.apply()  # a late charge on the overdue invoice
    return cid


def test_the_file_reads_everything_in_one_session(
    ws: Workspace, files: CustomerFileService, sessions: list[Session]
) -> None:
    cid = _busy_customer(ws)
    sessions.clear()
    view = files.customer_file(cid)
    assert len(sessions) == 1
    assert view.customer.name == "Abarrotes Ávila"
    kinds = sorted(str(i.kind) for i in view.invoices)
    assert kinds == ["invoice", "invoice", "late_charge"] and len(view.payments) == 1
    assert len(view.timeline) == 1 and view.timeline[0].outcome is Outcome.NO_ANSWER
    assert [c.to_status for c in view.status_history] == [CustomerStatus.RESTRICTED]
    assert view.status is CustomerStatus.RESTRICTED
    assert view.as_of == ws.clock.today()


def test_the_file_agrees_with_each_service(ws: Workspace, files: CustomerFileService) -> None:
    cid = _busy_customer(ws)
    view = files.customer_file(cid)
    assert view.customer == ws.customers.get(cid)
    assert view.balance == ws.customers.balance(cid)
    assert list(view.invoices) == ws.invoices.for_customer(cid)
    assert list(view.payments) == ws.payments.for_customer(cid)
    assert list(view.timeline) == ws.contacts.timeline(cid)
    assert list(view.status_history) == ws.restrictions.history(cid)
    assert view.risk == ws.risk.profile(cid)
    assert view.penalties == ws.penalties.customer_summary(cid)
    assert list(view.penalty_charges) == ws.penalties.charges(customer_id=cid)
    assert view.penalty_charges and view.penalties.charged > 0
    # 1,000 + 16% VAT + 250.50 + 16% VAT, less 300 paid, plus the late charges booked.
    owed = Decimal("1160.00") + Decimal("290.58") - Decimal("300.00")
    assert view.balance.balance == owed + view.penalties.charged_open


def test_an_unknown_customer_is_not_found(files: CustomerFileService) -> None:
    with pytest.raises(NotFoundError):
        files.customer_file(404)


def test_a_new_customer_has_an_empty_file(ws: Workspace, files: CustomerFileService) -> None:
    cid = customer(ws, "Sin movimientos").id
    view = files.customer_file(cid)
    assert view.invoices == () and view.payments == () and view.timeline == ()
    assert view.balance.balance == Decimal("0.00") and view.balance.days_past_due == 0


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    prices=st.lists(
        st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999.99"), places=2),
        min_size=1,
        max_size=4,
    ),
    paid_share=st.integers(min_value=0, max_value=100),
    days_late=st.integers(min_value=0, max_value=120),
)
def test_the_balance_cards_are_exact_to_the_cent(
    tmp_path_factory: pytest.TempPathFactory,
    prices: list[Decimal],
    paid_share: int,
    days_late: int,
) -> None:
    path: Path = tmp_path_factory.mktemp("file") / "libro.sqlite"
    due = date(2026, 10, 1)
    ws = open_workspace(path, FixedClock.on(due + timedelta(days=days_late)))
    try:
        cid = customer(ws, "Cliente").id
        totals = [invoice(ws, cid, str(p), date(2026, 9, 1), due, tax="0").total for p in prices]
        owed = sum(totals, Decimal("0.00"))
        paid = (owed * paid_share / 100).quantize(Decimal("0.01"))
        if paid > 0:
            ws.payments.record(PaymentInput(cid, paid, date(2026, 9, 15)))
        view = CustomerFileService(ws.book, ws.clock).customer_file(cid)
        assert view.balance.balance == owed - paid
        assert view.balance == ws.customers.balance(cid)
        assert sum((i.balance for i in view.invoices), Decimal("0.00")) == owed - paid
        late = days_late if days_late > 0 and owed > paid else 0
        assert view.balance.days_past_due == late
    finally:
        ws.close()
