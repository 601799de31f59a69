"""What the scenarios share: a small real book on a clock that moves, and the few looks
at it a user has (the agenda of a customer, what penalties would charge)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from cobranza_desktop.domain.agenda import AgendaItem
from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.services.billing.invoices import InvoiceView
from cobranza_desktop.services.book.workspace import Workspace, open_workspace
from tests.factories import invoice as factory_invoice

START = date(2026, 1, 5)  # a Monday


@pytest.fixture
def moving_clock() -> FixedClock:
    return FixedClock.on(START)


@pytest.fixture
def book_ws(tmp_path: Path, moving_clock: FixedClock) -> Iterator[Workspace]:
    workspace = open_workspace(tmp_path / "escenario.sqlite", moving_clock)
    yield workspace
    workspace.close()


def move_to(clock: FixedClock, day: date) -> None:
    """Move the clock forward to ``day`` at 10:00 (never back: time goes one way)."""
    assert day >= clock.today(), "a scenario's clock only moves forward"
    clock.current = clock.current.replace(year=day.year, month=day.month, day=day.day, hour=10)


def items_for(ws: Workspace, customer_id: int, day: date | None = None) -> list[AgendaItem]:
    """The customer's actions on the agenda (deferred ones included: Sundays, caps)."""
    agenda = ws.agenda.agenda(day)
    return [i for i in (*agenda.items, *agenda.deferred) if i.customer_id == customer_id]


def charged_total(ws: Workspace, customer_id: int) -> Decimal:
    """What the customer was charged in late fees and interest, waived charges left out."""
    return sum(
        (c.amount for c in ws.penalties.charges(customer_id=customer_id) if not c.waived),
        Decimal("0.00"),
    )


def invoice(ws: Workspace, customer_id: int, *args: Any, **kwargs: Any) -> InvoiceView:
    """An issued invoice whose receipt the customer already confirmed (at the counter), so
    that these scenarios follow the ladder; confirming receipts is a scenario of its own."""
    from sqlalchemy import update

    from cobranza_desktop.storage.models import Invoice

    made = factory_invoice(ws, customer_id, *args, **kwargs)
    with ws.book.transaction() as session:
        session.execute(
            update(Invoice).where(Invoice.id == made.id).values(receipt_status="received")
        )
    return made
