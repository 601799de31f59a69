"""Refunds of credit: a payment out with a reason; the credit goes down by exactly it."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cobranza_desktop.cli import main
from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.services.billing.refunds import RefundService
from cobranza_desktop.services.book.check import BookCheckService
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.receivables.payments import PaymentInput
from cobranza_desktop.storage.database import open_book
from cobranza_desktop.storage.models import FolioSequence
from cobranza_desktop.storage.queries.balances import credit_by_customer
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


def test_the_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = tmp_path / "libro.sqlite"
    open_book(book, create=True).close()
    from cobranza_desktop.domain.clock import FixedClock
    from cobranza_desktop.services.book.workspace import open_workspace

    ws = open_workspace(book, FixedClock.on(date(2026, 11, 22)))
    try:
        cid = customer(ws, "Beto").id
        ws.payments.record(PaymentInput(cid, "500.00", date(2026, 11, 1), allocations=()))
    finally:
        ws.close()
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
