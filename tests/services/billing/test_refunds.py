"""Refunds of credit: a payment out with a reason; the credit goes down by exactly it."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from cobranza_desktop.cli import main
from cobranza_desktop.commands import refund as refund_command
from cobranza_desktop.domain.allocation import Allocation
from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.formatting import format_date, format_money
from cobranza_desktop.services.billing.refunds import RefundService
from cobranza_desktop.services.book.check import BookCheckService
from cobranza_desktop.services.book.workspace import Workspace, open_workspace
from cobranza_desktop.services.receivables.aging import aging_report
from cobranza_desktop.services.receivables.payments import PaymentInput
from cobranza_desktop.storage.database import open_book
from cobranza_desktop.storage.models import FolioSequence, Invoice, Payment
from cobranza_desktop.storage.queries.balances import credit_by_customer
from tests.conftest import TODAY
from tests.factories import customer, invoice


def _credit(ws: Workspace, cid: int) -> int:
    with ws.book.session() as s:
        return credit_by_customer(s, [cid]).get(cid, 0)


def test_a_refund_takes_credit_oldest_first_and_keeps_the_invoice_folios(
    ws: Workspace,
) -> None:
    ana = customer(ws, "Ana").id
    invoice(ws, ana, "100.00", tax="0")  # A-1: the invoices' series is not touched
    for amount, day in (("300.00", date(2026, 9, 1)), ("200.00", date(2026, 10, 1))):
        ws.payments.record(PaymentInput(ana, amount, day, allocations=()))
    assert _credit(ws, ana) == 50000
    refunds = RefundService(ws.book, ws.clock)
    done = refunds.refund(ana, "350.00", "Baja del servicio: se devuelve el anticipo")
    assert done.number == "DEV-00001" or done.number.startswith("DEV")
    assert done.amount == Decimal("350.00") and done.reason.startswith("Baja")
    assert _credit(ws, ana) == 15000
    assert [r.id for r in refunds.list(ana)] == [done.id]
    with ws.book.session() as s:
        invoices = s.get(FolioSequence, "A")
        assert invoices is None or invoices.next_folio == 2
    assert BookCheckService(ws.book).run().ok


def test_refusals_write_nothing(ws: Workspace) -> None:
    ana = customer(ws, "Ana").id
    ws.payments.record(PaymentInput(ana, "100.00", date(2026, 9, 1), allocations=()))
    refunds = RefundService(ws.book, ws.clock)
    with pytest.raises(ValidationError) as more:
        refunds.refund(ana, "100.01", "Devolución")
    assert more.value.field == "amount"
    with pytest.raises(ValidationError) as reason:
        refunds.refund(ana, "10.00", "   ")
    assert reason.value.field == "reason"
    with pytest.raises(ValidationError):
        refunds.refund(ana, "10.00", "x", on=date(2027, 1, 1))
    assert _credit(ws, ana) == 10000 and refunds.list() == []


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    payments=st.lists(st.integers(min_value=1, max_value=100_000), min_size=1, max_size=5),
    share=st.fractions(min_value=0, max_value=1),
)
def test_every_cent_is_conserved(ws: Workspace, payments: list[int], share: object) -> None:
    cid = customer(ws, f"Socio {len(payments)}-{sum(payments)}-{share}").id
    for cents in payments:
        ws.payments.record(
            PaymentInput(cid, str(Decimal(cents) / 100), date(2026, 9, 1), allocations=())
        )
    before = _credit(ws, cid)
    refund = int(before * share)  # type: ignore[operator]
    if refund == 0:
        return
    RefundService(ws.book, ws.clock).refund(cid, str(Decimal(refund) / 100), "Devolución")
    assert _credit(ws, cid) == before - refund


def _available_on(ws: Workspace, cid: int, day: date) -> int:
    """What a refund dated ``day`` may spend: money received by then and still unapplied."""
    with ws.book.session() as s:
        return sum(
            p.amount_cents - p.allocated_cents
            for p in s.scalars(select(Payment).where(Payment.customer_id == cid))
            if p.reversed_at is None and p.payment_date <= day
        )


def test_a_refund_cannot_be_dated_before_the_money_it_returns(ws: Workspace) -> None:
    """Overpaid on 10 June, refunded on 12 June with the date of 5 June: refused, with
    the credit of that day and the first day the whole amount could go back."""
    ana = customer(ws, "Ana").id
    ws.payments.record(PaymentInput(ana, "500.00", date(2026, 6, 10), allocations=()))
    refunds = RefundService(ws.book, ws.clock)
    with pytest.raises(ValidationError) as early:
        refunds.refund(ana, "500.00", "Pago duplicado", on=date(2026, 6, 5))
    assert early.value.field == "date"
    message = early.value.message
    assert format_money(Decimal(0)) in message and format_money(Decimal("500")) in message
    assert format_date(date(2026, 6, 10)) in message
    assert refunds.list() == [] and _credit(ws, ana) == 50000
    done = refunds.refund(ana, "500.00", "Pago duplicado", on=date(2026, 6, 10))
    assert done.refund_date == date(2026, 6, 10) and _credit(ws, ana) == 0


def test_money_spent_on_a_later_invoice_is_not_there_to_refund_earlier(ws: Workspace) -> None:
    """500 in favour on 1 June paid 300 of an invoice of 3 June; 300 more came on 8 June.
    A refund of 500 dated 2 June would be paid in part by money not yet received."""
    ana = customer(ws, "Ana").id
    later = invoice(ws, ana, "300.00", issued=date(2026, 6, 3), due=date(2026, 6, 3), tax="0")
    spent = (Allocation(later.id, Decimal("300.00")),)
    ws.payments.record(PaymentInput(ana, "500.00", date(2026, 6, 1), allocations=spent))
    ws.payments.record(PaymentInput(ana, "300.00", date(2026, 6, 8), allocations=()))
    assert _credit(ws, ana) == 50000
    refunds = RefundService(ws.book, ws.clock)
    with pytest.raises(ValidationError) as early:
        refunds.refund(ana, "500.00", "Devolución", on=date(2026, 6, 2))
    assert early.value.field == "date"
    assert format_money(Decimal("200")) in early.value.message
    assert format_date(date(2026, 6, 8)) in early.value.message
    refunds.refund(ana, "200.00", "Devolución", on=date(2026, 6, 2))
    assert _credit(ws, ana) == 30000
    assert BookCheckService(ws.book).run().ok


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    payments=st.lists(
        st.tuples(st.integers(1, 30), st.integers(1, 50_000)), min_size=1, max_size=4
    ),
    day=st.integers(1, 30),
    share=st.fractions(min_value=0, max_value=1),
)
def test_a_refund_never_leaves_a_day_owing_it(
    ws: Workspace, payments: list[tuple[int, int]], day: int, share: object
) -> None:
    """Accepted exactly when the money received by its date covers it; then the credit of
    every day from its date on is the credit before less the refund, never below zero."""
    cid = customer(ws, f"Socio {payments}-{day}-{share}").id
    for paid_day, cents in payments:
        ws.payments.record(
            PaymentInput(cid, str(Decimal(cents) / 100), date(2026, 6, paid_day), allocations=())
        )
    on = date(2026, 6, day)
    total = sum(cents for _d, cents in payments)
    cents = max(1, int(total * share))  # type: ignore[operator]
    covered = _available_on(ws, cid, on)
    days = [date(2026, 6, d) for d in range(day, 31)]
    with ws.book.session() as s:
        before = {d: credit_by_customer(s, [cid], as_of=d).get(cid, 0) for d in days}
    refunds = RefundService(ws.book, ws.clock)
    if cents > covered:
        with pytest.raises(ValidationError):
            refunds.refund(cid, str(Decimal(cents) / 100), "Devolución", on=on)
        assert refunds.list(cid) == []
        return
    refunds.refund(cid, str(Decimal(cents) / 100), "Devolución", on=on)
    with ws.book.session() as s:
        after = {d: credit_by_customer(s, [cid], as_of=d).get(cid, 0) for d in days}
        report = aging_report(s, on, customer_id=cid)
    assert after == {d: before[d] - cents for d in days}
    assert report.total == Decimal(0)  # the refund is never owed, not even on its day


@pytest.fixture
def beto_book(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, int]:
    """A book file whose customer Beto has 500.00 in favour since 1 November; the verb's
    today is the tests' fixed one."""
    monkeypatch.setattr(refund_command, "clock_for", lambda _day: FixedClock.on(TODAY))
    book = tmp_path / "libro.sqlite"
    ws = open_workspace(book, FixedClock.on(TODAY))
    try:
        cid = customer(ws, "Beto").id
        ws.payments.record(PaymentInput(cid, "500.00", date(2026, 11, 1), allocations=()))
    finally:
        ws.close()
    return book, cid


def test_the_command_refuses_a_future_date(
    beto_book: tuple[Path, int], capsys: pytest.CaptureFixture[str]
) -> None:
    """`--date` is the refund's date, weighed against the real (here: fixed) today."""
    book, cid = beto_book
    args = ["refund", str(cid), "500.00", "--reason", "x", "--book", str(book)]
    assert main([*args, "--date", "2030-01-01"]) == 2
    err = capsys.readouterr().err
    assert "futura" in err and len(err.strip().splitlines()) == 1
    ws = open_workspace(book, FixedClock.on(TODAY))
    try:
        assert RefundService(ws.book, ws.clock).list() == [] and _credit(ws, cid) == 50000
    finally:
        ws.close()
    assert main([*args, "--date", "2026-11-10", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["date"] == "2026-11-10"
    with open_book(book) as opened, opened.session() as s:
        made = s.scalars(select(Invoice).where(Invoice.kind == "refund")).one()
        assert made.created_at.date() == TODAY  # stamped when it was written, not its date


def test_the_command(beto_book: tuple[Path, int], capsys: pytest.CaptureFixture[str]) -> None:
    book, cid = beto_book
    args = ["refund", str(cid), "120.50", "--reason", "Cobro duplicado", "--book", str(book)]
    assert main([*args, "--json", "--date", "2026-11-22"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["amount"], out["reason"], out["method"]) == (
        "120.50",
        "Cobro duplicado",
        "transfer",
    )
    assert main([*args[:2], "999.00", *args[3:]]) == 2
    assert "a favor" in capsys.readouterr().err
    assert main(["check", "--book", str(book)]) == 0
