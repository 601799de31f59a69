"""0020: 0019 added an undone allocation's conversion to its payment even when that money
had been applied again, a phantom credit in MXN; 0020 takes it back, leaves a payment
whose undone money is still free as 0019 made it, and touches no book without foreign
payments."""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from types import ModuleType

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy.engine import URL

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.services.book.check import BookCheckService
from cobranza_desktop.services.book.workspace import open_workspace
from cobranza_desktop.services.receivables.payments import PaymentInput
from cobranza_desktop.storage.database import MIGRATIONS_DIR, open_book
from tests import factories


def _repair() -> ModuleType:
    path = MIGRATIONS_DIR / "versions" / "0020_fx_repair.py"
    spec = importlib.util.spec_from_file_location("fx_repair", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _engine(location: Path | URL) -> sa.Engine:
    return sa.create_engine(f"sqlite:///{location}" if isinstance(location, Path) else location)


def _migrate(location: Path | URL, target: str, *, down: bool = False) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    engine = _engine(location)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        (command.downgrade if down else command.upgrade)(config, target)
    engine.dispose()


def _payments(location: Path | URL) -> list[tuple[int, int]]:
    engine = _engine(location)
    with engine.connect() as raw:
        rows = raw.execute(
            sa.text("SELECT amount_cents, allocated_cents FROM payments ORDER BY id")
        ).all()
    engine.dispose()
    return [(a, b) for a, b in rows]


def test_an_undone_and_reapplied_usd_allocation_leaves_no_phantom_credit(
    book_location: Path | URL,
) -> None:
    clock = FixedClock.on(date(2026, 11, 22))
    ws = open_workspace(book_location, clock)
    try:
        c = factories.customer(ws)
        inv = factories.invoice(ws, c.id, price="100.00", tax="0")
        ws.payments.record(PaymentInput(c.id, "40.00", date(2026, 11, 5)))  # re-applied
        ws.payments.record(PaymentInput(c.id, "40.00", date(2026, 11, 6)))  # undone, free
        factories.customer(ws, name="Otro")
    finally:
        ws.close()
    _migrate(book_location, "0010_audit_users", down=True)
    engine = _engine(book_location)
    with engine.begin() as connection:
        # As the last session's import left a USD CFDI: USD cents, its rate beside.
        connection.execute(
            sa.text("UPDATE invoices SET currency = 'USD', exchange_rate = '17.5' WHERE id = :i"),
            {"i": inv.id},
        )
        columns = [
            c["name"]
            for c in sa.inspect(connection).get_columns("allocations")
            if c["name"] != "id"
        ]
        first, second = connection.execute(
            sa.text("SELECT id, payment_id FROM allocations ORDER BY id")
        ).all()
        listed = ", ".join(columns)
        # The first payment's 40.00 was undone once before it was applied again: an
        # inactive row older than the active one.
        connection.execute(
            sa.text(
                f"INSERT INTO allocations ({listed}) SELECT {listed} FROM allocations WHERE id = :i"
            ),
            {"i": first.id},
        )
        connection.execute(
            sa.text("UPDATE allocations SET active = :f WHERE id = :i"),
            {"f": False, "i": first.id},
        )
        # The second payment's 40.00 was undone and is still its free credit.
        connection.execute(
            sa.text("UPDATE allocations SET active = :f WHERE id = :i"),
            {"f": False, "i": second.id},
        )
        connection.execute(
            sa.text("UPDATE payments SET allocated_cents = 0 WHERE id = :i"),
            {"i": second.payment_id},
        )
        connection.execute(
            sa.text("UPDATE invoices SET paid_cents = 4000 WHERE id = :i"), {"i": inv.id}
        )
    engine.dispose()
    _migrate(book_location, "0019_intake2")
    # 0019 alone: the first payment holds 40.00 USD = 700.00 MXN applied and 660.00 more.
    assert _payments(book_location) == [(136_000, 70_000), (70_000, 0)]
    with open_book(book_location, now=datetime(2026, 11, 22, 8, 0)) as book:
        assert BookCheckService(book).run().ok
    # 0020 (the head): no credit the customer never paid; the free 700.00 MXN stays.
    assert _payments(book_location) == [(70_000, 70_000), (70_000, 0)]


def test_a_book_without_foreign_payments_is_not_touched(book_location: Path | URL) -> None:
    ws = open_workspace(book_location, FixedClock.on(date(2026, 11, 22)))
    try:
        c = factories.customer(ws)
        factories.invoice(ws, c.id, price="100.00", tax="0")
        ws.payments.record(PaymentInput(c.id, "140.00", date(2026, 11, 5)))
    finally:
        ws.close()
    before = _payments(book_location)
    _migrate(book_location, "0019_intake2", down=True)
    _migrate(book_location, "head")
    assert _payments(book_location) == before == [(14_000, 10_000)]


def _book(cents: int, rate: Decimal) -> int:
    return int((Decimal(cents) * rate).to_integral_value(rounding=ROUND_HALF_UP))


def _as_0019(
    amount: int, undone: Sequence[int], active: Sequence[int], rate: Decimal
) -> tuple[int, int, list[tuple[int, Decimal]]]:
    """A pre-0019 payment (USD cents) of one USD invoice as 0019 leaves it: its amount,
    allocated and its undone allocations in MXN (the undone ones older than the active)."""
    shift = 0
    converted = []
    for cents in undone:
        new = max(_book(cents, rate), 1)
        converted.append((new, rate))
        shift += new - cents
    paid = 0
    for cents in active:
        shift += _book(paid + cents, rate) - _book(paid, rate) - cents
        paid += cents
    allocated = _book(paid, rate)
    return amount + shift, allocated, converted


cents = st.integers(min_value=1, max_value=10**7)
rates = st.decimals(min_value=1, max_value=40, places=4)


@given(
    undone=st.lists(cents, min_size=1, max_size=3), rate=rates, extra=st.lists(cents, max_size=2)
)
def test_undone_money_applied_again_is_counted_once(
    undone: list[int], rate: Decimal, extra: list[int]
) -> None:
    """All the undone money went back into active allocations: the payment applied all it
    had, and after the repair it holds exactly what it applied."""
    active = undone + extra
    amount, allocated, converted = _as_0019(sum(active), undone, active, rate)
    repaired = _repair().repaired_amount(amount, allocated, converted)
    assert (amount if repaired is None else repaired) == allocated
    if rate >= 2:
        assert amount > allocated  # the phantom 0019 made


@given(
    undone=st.lists(cents, min_size=1, max_size=3), rate=rates, active=st.lists(cents, max_size=2)
)
def test_undone_money_still_free_is_left_as_0019_converted_it(
    undone: list[int], rate: Decimal, active: list[int]
) -> None:
    amount, allocated, converted = _as_0019(sum(undone) + sum(active), undone, active, rate)
    assert _repair().repaired_amount(amount, allocated, converted) is None
