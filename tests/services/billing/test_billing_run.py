"""The billing run against a real book: exactly once, catch-up, dates, and all or nothing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.customers import CustomerStatus
from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.services.billing.billing_run import BillingCancelled, BillingRunService
from cobranza_desktop.services.billing.subscriptions import SubscriptionInput, SubscriptionService
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.storage.models import Invoice
from tests.factories import customer


def _services(ws: Workspace) -> tuple[SubscriptionService, BillingRunService]:
    return SubscriptionService(ws.book, ws.clock), BillingRunService(ws.book, ws.clock)


def _invoice_count(ws: Workspace) -> int:
    with ws.book.session() as session:
        return int(session.scalar(select(func.count()).select_from(Invoice)) or 0)


def _gym(ws: Workspace, day: int = 31, start: date = date(2026, 1, 31), **kw: object) -> int:
    subs, _ = _services(ws)
    member = customer(ws, "Ana Gómez")
    return subs.create(
        SubscriptionInput(member.id, "Membresía gimnasio", "500.00", "mensual", day, start, **kw)  # type: ignore[arg-type]
    ).id


def test_a_catch_up_run_bills_each_period_once_dated_on_its_billing_day(ws: Workspace) -> None:
    sub_id = _gym(ws)
    _, runs = _services(ws)
    plan = runs.preview(date(2026, 5, 1))
    assert plan.count == 4 and plan.total == Decimal("2320.00")  # 4 × 580.00
    assert _invoice_count(ws) == 0  # the preview writes nothing
    result = runs.run(date(2026, 5, 1))
    assert [i.issue_date for i in result.invoices] == [
        date(2026, 1, 31),
        date(2026, 2, 28),
        date(2026, 3, 31),
        date(2026, 4, 30),
    ]
    assert [i.number for i in result.invoices] == ["A-00001", "A-00002", "A-00003", "A-00004"]
    assert all(i.subscription_id == sub_id for i in result.invoices)
    assert result.invoices[0].due_date == date(2026, 3, 2)  # business terms: 30 days
    again = runs.run(date(2026, 5, 1))
    assert again.invoices == () and _invoice_count(ws) == 4
    # Daily runs afterwards add exactly one invoice a month.
    for day in (date(2026, 5, 30), date(2026, 5, 31), date(2026, 6, 1)):
        runs.run(day)
    assert _invoice_count(ws) == 5
    assert ws.checks.run().ok


def test_json_has_the_documented_keys_as_strings(ws: Workspace) -> None:
    _gym(ws, day=1, start=date(2026, 11, 1))
    _, runs = _services(ws)
    data = runs.run(date(2026, 11, 22)).to_json()
    assert set(data) == {"date", "invoices", "total"}
    assert data["total"] == "580.00" and data["date"] == "2026-11-22"
    (row,) = data["invoices"]
    assert set(row) == {
        "number",
        "customer_id",
        "subscription_id",
        "period_start",
        "period_end",
        "issue_date",
        "due_date",
        "total",
    }
    assert row["period_end"] == "2026-11-30" and row["total"] == "580.00"


def test_a_paused_period_is_shown_not_billed_and_a_price_change_applies_from_its_date(
    ws: Workspace,
) -> None:
    sub_id = _gym(ws, day=1, start=date(2026, 6, 1))
    subs, runs = _services(ws)
    subs.pause(sub_id, date(2026, 7, 1), date(2026, 8, 15), "vacaciones")
    subs.change_price(sub_id, date(2026, 9, 1), "600.00")
    plan = runs.preview(date(2026, 9, 30))
    assert [(line.period_start, line.outcome, line.total) for line in plan.lines] == [
        (date(2026, 6, 1), "billed", Decimal("580.00")),
        (date(2026, 7, 1), "paused", Decimal("0.00")),
        (date(2026, 8, 1), "paused", Decimal("0.00")),
        (date(2026, 9, 1), "billed", Decimal("696.00")),
    ]
    runs.run(date(2026, 9, 30))
    with pytest.raises(Exception, match="ya se facturó"):
        subs.change_price(sub_id, date(2026, 9, 1), "1.00")
    assert _invoice_count(ws) == 2


def test_stop_while_suspended_skips_periods_for_good(ws: Workspace) -> None:
    sub_id = _gym(ws, day=1, start=date(2026, 9, 1), while_suspended="stop")
    subs, runs = _services(ws)
    cid = subs.get(sub_id).customer_id
    ws.restrictions.change(cid, CustomerStatus.SUSPENDED, "adeudo", "acceso")
    result = runs.run(date(2026, 10, 15))
    assert result.invoices == () and result.skipped == 2
    ws.restrictions.change(cid, CustomerStatus.ACTIVE, "pagó")
    assert len(runs.run(date(2026, 11, 1)).invoices) == 1  # only November, not the skipped


def test_cancelling_keeps_issued_invoices_and_needs_a_reason(ws: Workspace) -> None:
    sub_id = _gym(ws, day=1, start=date(2026, 9, 1))
    subs, runs = _services(ws)
    runs.run(date(2026, 10, 1))
    with pytest.raises(ValidationError):
        subs.cancel(sub_id, date(2026, 10, 31), "  ")
    view = subs.cancel(sub_id, date(2026, 10, 31), "se mudó")
    assert view.status == "cancelled" and view.monthly_recurring == Decimal("0.00")
    assert runs.run(date(2026, 11, 22)).invoices == ()
    assert _invoice_count(ws) == 2


def test_a_cancelled_run_writes_nothing(ws: Workspace) -> None:
    _gym(ws, day=1, start=date(2026, 1, 1))
    _, runs = _services(ws)
    seen: list[tuple[int, int]] = []
    with pytest.raises(BillingCancelled):
        runs.run(
            date(2026, 11, 1),
            progress=lambda d, t: seen.append((d, t)),
            cancelled=lambda: len(seen) >= 5,
        )
    assert seen[-1] == (5, 11) and _invoice_count(ws) == 0
    assert len(runs.run(date(2026, 11, 1)).invoices) == 11


def test_a_future_date_is_refused(ws: Workspace, clock: FixedClock) -> None:
    _, runs = _services(ws)
    with pytest.raises(ValidationError):
        runs.preview(date(2026, 11, 23))
