"""Correcting payments: each correction previews exactly what it does, and is logged."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cobranza_desktop.domain.allocation import Allocation
from cobranza_desktop.domain.errors import ConflictError, ValidationError
from cobranza_desktop.services.base.corrections_log import (
    CorrectionKind,
    current_author,
    customer_corrections,
)
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.receivables.corrections import CorrectionService
from cobranza_desktop.services.receivables.payments import PaymentInput
from tests.factories import customer, invoice


def _log(ws: Workspace, cid: int) -> list[tuple[CorrectionKind, str]]:
    with ws.book.session() as session:
        return [(c.kind, c.reason) for c in customer_corrections(session, cid)]


def _balances(ws: Workspace, *ids: int) -> list[Decimal]:
    return [ws.invoices.get(i).balance for i in ids]


def test_reversal_preview_matches_the_reversal_and_writes_nothing(ws: Workspace) -> None:
    fixes = CorrectionService(ws.book, ws.clock)
    c = customer(ws)
    a = invoice(ws, c.id, "100.00", issued=date(2026, 9, 1))  # 116.00
    b = invoice(ws, c.id, "100.00", issued=date(2026, 10, 1))
    paid = ws.payments.record(PaymentInput(c.id, "150.00", date(2026, 11, 20)))
    preview = fixes.preview_reversal(paid.id)
    assert [(x.invoice_id, x.before, x.after) for x in preview.lines] == [
        (a.id, Decimal("0.00"), Decimal("116.00")),
        (b.id, Decimal("82.00"), Decimal("116.00")),
    ]
    assert (preview.balance_before, preview.balance_after) == (Decimal("82.00"), Decimal("232.00"))
    # The preview changed nothing, logged nothing.
    assert _balances(ws, a.id, b.id) == [Decimal("0.00"), Decimal("82.00")]
    assert _log(ws, c.id) == []
    ws.payments.reverse(paid.id, "Cheque sin fondos")
    assert _balances(ws, a.id, b.id) == [Decimal("116.00"), Decimal("116.00")]
    assert _log(ws, c.id) == [(CorrectionKind.PAYMENT_REVERSED, "Cheque sin fondos")]
    with ws.book.session() as session:
        (entry,) = customer_corrections(session, c.id)
    with ws.book.session() as session:
        assert entry.author == current_author(session) and entry.created_at == ws.clock.now()
    assert entry.author  # the local user: never left blank
    assert "→" in entry.details


def test_reversal_needs_a_reason_and_changes_nothing_without_one(ws: Workspace) -> None:
    c = customer(ws)
    a = invoice(ws, c.id, "100.00")
    paid = ws.payments.record(PaymentInput(c.id, "50.00", date(2026, 11, 20)))
    with pytest.raises(ValidationError) as error:
        ws.payments.reverse(paid.id, "  ")
    assert error.value.field == "reason"
    assert _balances(ws, a.id) == [Decimal("66.00")] and _log(ws, c.id) == []


def test_apply_credit_oldest_first_with_preview(ws: Workspace) -> None:
    fixes = CorrectionService(ws.book, ws.clock)
    c = customer(ws)
    first = invoice(ws, c.id, "100.00", issued=date(2026, 9, 1))
    ws.payments.record(
        PaymentInput(
            c.id,
            "200.00",
            date(2026, 11, 1),
            allocations=(Allocation(first.id, Decimal("116.00")),),
        )
    )  # 84.00 left as credit
    second = invoice(ws, c.id, "50.00", issued=date(2026, 10, 1))  # 58.00
    third = invoice(ws, c.id, "50.00", issued=date(2026, 10, 15))  # 58.00
    preview = fixes.preview_credit(c.id)
    assert [(x.invoice_id, x.after) for x in preview.lines] == [
        (second.id, Decimal("0.00")),
        (third.id, Decimal("32.00")),
    ]
    assert (preview.credit_before, preview.credit_after) == (Decimal("84.00"), Decimal("0.00"))
    assert ws.customers.balance(c.id).credit == Decimal("84.00")  # nothing written yet
    done = fixes.apply_credit(c.id, "Pidió aplicarlo")
    assert done == preview
    assert _balances(ws, second.id, third.id) == [Decimal("0.00"), Decimal("32.00")]
    assert _log(ws, c.id) == [(CorrectionKind.CREDIT_APPLIED, "Pidió aplicarlo")]
    with pytest.raises(ConflictError):
        fixes.apply_credit(c.id)  # no credit left


def test_reallocate_moves_a_payment_between_invoices(ws: Workspace) -> None:
    fixes = CorrectionService(ws.book, ws.clock)
    c = customer(ws)
    a = invoice(ws, c.id, "100.00", issued=date(2026, 9, 1))
    b = invoice(ws, c.id, "100.00", issued=date(2026, 10, 1))
    paid = ws.payments.record(PaymentInput(c.id, "116.00", date(2026, 11, 20)))  # all on a
    amount, choices = fixes.reallocation_choices(paid.id)
    assert amount == Decimal("116.00")
    assert [(i, bal) for i, _n, bal in choices] == [
        (a.id, Decimal("116.00")),
        (b.id, Decimal("116.00")),
    ]
    plan = (Allocation(b.id, Decimal("100.00")),)
    preview = fixes.preview_reallocation(paid.id, plan)
    assert [(x.invoice_id, x.before, x.after) for x in preview.lines] == [
        (a.id, Decimal("0.00"), Decimal("116.00")),
        (b.id, Decimal("116.00"), Decimal("16.00")),
    ]
    assert preview.credit_after == Decimal("16.00")
    with pytest.raises(ValidationError):
        fixes.reallocate(paid.id, plan, "")
    fixes.reallocate(paid.id, plan, "Era para la factura de octubre")
    assert _balances(ws, a.id, b.id) == [Decimal("116.00"), Decimal("16.00")]
    assert fixes.current_allocations(paid.id) == {b.id: Decimal("100.00")}
    # More than the invoice owes is refused, and changes nothing.
    with pytest.raises(ConflictError):
        fixes.reallocate(paid.id, (Allocation(b.id, Decimal("117.00")),), "x")
    assert _balances(ws, a.id, b.id) == [Decimal("116.00"), Decimal("16.00")]
    assert ws.checks.run().ok


def test_undo_last_allocation(ws: Workspace) -> None:
    fixes = CorrectionService(ws.book, ws.clock)
    c = customer(ws)
    a = invoice(ws, c.id, "100.00", issued=date(2026, 9, 1))
    assert fixes.last_allocation(c.id) is None
    with pytest.raises(ConflictError):
        fixes.undo_last(c.id, "nada")
    ws.payments.record(PaymentInput(c.id, "16.00", date(2026, 11, 19)))
    ws.payments.record(PaymentInput(c.id, "50.00", date(2026, 11, 20)))
    last = fixes.last_allocation(c.id)
    assert last is not None and last.amount == Decimal("50.00") and last.invoice_id == a.id
    preview = fixes.preview_undo_last(c.id)
    assert [(x.before, x.after) for x in preview.lines] == [(Decimal("50.00"), Decimal("100.00"))]
    fixes.undo_last(c.id, "Se aplicó a la factura equivocada")
    assert _balances(ws, a.id) == [Decimal("100.00")]
    assert ws.customers.balance(c.id).credit == Decimal("50.00")
    assert _log(ws, c.id) == [
        (CorrectionKind.ALLOCATION_UNDONE, "Se aplicó a la factura equivocada")
    ]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    cents=st.lists(st.integers(min_value=1, max_value=50_000), min_size=1, max_size=4),
    share=st.integers(min_value=1, max_value=100),
)
def test_corrections_conserve_every_cent(ws: Workspace, cents: list[int], share: int) -> None:
    """Whatever is reversed, re-allocated or undone, invoices + credit = payments kept."""
    fixes = CorrectionService(ws.book, ws.clock)
    c = customer(ws, f"Cliente {len(cents)} {share} {sum(cents)}")
    ids = [invoice(ws, c.id, Decimal(x) / 100, tax="0").id for x in cents]
    total = Decimal(sum(cents)) / 100
    pay = (total * share / 100).quantize(Decimal("0.01")) or Decimal("0.01")
    p = ws.payments.record(PaymentInput(c.id, pay, date(2026, 11, 20)))
    last = ids[-1]
    fixes.reallocate(p.id, (Allocation(last, min(pay, Decimal(cents[-1]) / 100)),), "mover")
    fixes.undo_last(c.id, "deshacer")
    if ws.customers.balance(c.id).credit:
        fixes.apply_credit(c.id)
    owed = sum((ws.invoices.get(i).balance for i in ids), Decimal(0))
    credit = ws.customers.balance(c.id).credit
    assert owed + pay - credit == total
    ws.payments.reverse(p.id, "revertir")
    assert sum((ws.invoices.get(i).balance for i in ids), Decimal(0)) == total
    assert ws.customers.balance(c.id).credit == 0
    assert ws.checks.run().ok
