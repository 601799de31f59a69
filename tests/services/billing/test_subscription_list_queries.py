"""The Suscripciones page's list reads in a fixed number of queries, however many rows."""

from __future__ import annotations

from datetime import date

from sqlalchemy import event

from cobranza_desktop.services.billing.billing_run import BillingRunService
from cobranza_desktop.services.billing.subscriptions import SubscriptionInput, SubscriptionService
from cobranza_desktop.services.book.workspace import Workspace
from tests.factories import customer


def _statements(ws: Workspace, action: object) -> int:
    seen: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append(statement)

    engine = ws.book.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        action()  # type: ignore[operator]
    finally:
        event.remove(engine, "before_cursor_execute", count)
    return len(seen)


def test_list_is_set_based_and_keeps_each_cursor(ws: Workspace) -> None:
    subs = SubscriptionService(ws.book, ws.clock)
    ana = customer(ws, "Ana")
    first = subs.create(
        SubscriptionInput(ana.id, "Gimnasio", "500.00", "monthly", 1, date(2026, 9, 1))
    )
    few = _statements(ws, subs.list)
    for n in range(12):
        member = customer(ws, f"Socio {n}")
        subs.create(
            SubscriptionInput(member.id, "Gimnasio", "450.00", "monthly", 15, date(2026, 10, 1))
        )
    many = _statements(ws, subs.list)
    assert many == few  # not one more query per subscription
    BillingRunService(ws.book, ws.clock).run(ws.clock.today())
    views = {v.id: v for v in subs.list()}
    assert views[first.id].last_period_start == subs.get(first.id).last_period_start
    assert views[first.id].last_period_start is not None
    assert [v.id for v in subs.list(ana.id)] == [first.id]
