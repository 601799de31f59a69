"""Corrections meet aging, the agenda and the penalties: a payment typed against the wrong
invoice, moved to the right one, then taken back, over three weeks of a fixed clock."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from cobranza_desktop.domain.allocation import Allocation
from cobranza_desktop.domain.penalty_policy import PenaltyPolicy
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.receivables.corrections import CorrectionService
from cobranza_desktop.services.receivables.payments import PaymentInput
from tests.factories import customer, invoice


def _on_agenda(ws: Workspace, cid: int) -> bool:
    day = ws.agenda.agenda()
    return any(item.customer_id == cid for item in (*day.items, *day.deferred))


def _buckets(ws: Workspace, cid: int) -> tuple[Decimal, ...]:
    report = ws.aging.report(customer_id=cid)
    return report.bucket_totals


def test_a_misapplied_payment_moved_then_taken_back(ws: Workspace) -> None:
    fixes = CorrectionService(ws.book, ws.clock)
    cid = customer(ws, "Abarrotes Chayo").id
    old = invoice(ws, cid, "1000.00", issued=date(2026, 9, 1), due=date(2026, 10, 1), tax="0")
    new = invoice(ws, cid, "1000.00", issued=date(2026, 11, 1), due=date(2026, 12, 1), tax="0")
    # Week 1 (22/11): the payment for the old invoice is typed against the new one.
    paid = ws.payments.record(
        PaymentInput(
            cid, "1000.00", ws.clock.today(), allocations=(Allocation(new.id, Decimal(1000)),)
        )
    )
    assert _on_agenda(ws, cid)  # the old invoice is 52 days late: still chased
    before = _buckets(ws, cid)
    assert sum(before) == Decimal("1000.00") and before[0] == 0  # all of it overdue
    ws.penalties.set_business_policy(PenaltyPolicy.legal())
    assert cid in ws.penalties.propose().by_customer()

    # Week 2: the person sees the mistake and moves the payment (preview first).
    ws.clock.current += timedelta(days=7)  # type: ignore[attr-defined]
    preview = fixes.preview_reallocation(paid.id, (Allocation(old.id, Decimal(1000)),))
    assert {line.invoice_id: line.after for line in preview.lines} == {
        old.id: Decimal("0.00"),
        new.id: Decimal("1000.00"),
    }
    fixes.reallocate(paid.id, (Allocation(old.id, Decimal(1000)),), "Era para la de septiembre")
    after = _buckets(ws, cid)
    assert after[0] == Decimal("1000.00") and sum(after) == Decimal("1000.00")  # not yet due
    # Nothing is late any more: at most the friendly reminder before the new due date.
    mine = [i for i in ws.agenda.agenda().items if i.customer_id == cid]
    assert all(item.days_past_due <= 0 for item in mine)
    assert cid not in ws.penalties.propose().by_customer()  # nothing overdue, nothing owed

    # Week 3: it turns out the money was for neither: the allocation is undone.
    ws.clock.current += timedelta(days=7)  # type: ignore[attr-defined]
    fixes.undo_last(cid, "El cliente aclaró: es un anticipo")
    assert ws.customers.balance(cid).credit == Decimal("1000.00")
    # Both invoices are late now (the new one since 01/12); the credit covers one of them.
    balance = ws.customers.balance(cid)
    assert (balance.overdue, balance.credit, balance.balance) == (
        Decimal("2000.00"),
        Decimal("1000.00"),
        Decimal("1000.00"),
    )
    assert _on_agenda(ws, cid)
    assert ws.checks.run().ok
    with ws.book.session() as session:
        from cobranza_desktop.services.base.corrections_log import customer_corrections

        kinds = [c.kind.value for c in customer_corrections(session, cid)]
    assert kinds == ["allocation_undone", "payment_reallocated"]
