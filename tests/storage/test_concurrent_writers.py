"""Several programs writing one PostgreSQL book at the same moment (real processes).

Folios stay gapless and unique with four issuers; four clerks paying the same fifty
invoices never over-allocate one; ``cobranza check`` is green after each.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy.engine import URL

from cobranza_desktop.cli import main
from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.services.book.workspace import Workspace, open_workspace
from cobranza_desktop.storage.models import Invoice, Payment
from tests.factories import customer, invoice
from tests.pg_support import PgDatabases, database, url_text
from tests.storage.worker_processes import run_together

pytestmark = pytest.mark.postgresql
WORKERS = 4


@pytest.fixture
def server_book(pg_databases: PgDatabases) -> Iterator[URL]:
    with database(pg_databases) as url:
        yield url


def _run_together(url: URL, verb: str, customer_id: int, count: int) -> list[dict[str, object]]:
    """Start the workers, let each open the book, then release them all at once."""
    return run_together(
        "tests.storage.concurrent_worker",
        [[verb, url_text(url), str(customer_id), str(count), str(seed)] for seed in range(WORKERS)],
    )


def _check_is_green(url: URL, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--book", url_text(url)]) == 0, capsys.readouterr().out


def test_four_issuers_take_2000_folios_without_gap_or_duplicate(
    server_book: URL, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = open_workspace(server_book, FixedClock.on(date(2026, 11, 22)))
    try:
        who = customer(ws).id
    finally:
        ws.close()
    results = _run_together(server_book, "issue", who, 500)
    numbers = [n for r in results for n in r["numbers"]]  # type: ignore[attr-defined]
    assert len(numbers) == 2000 and len(set(numbers)) == 2000
    ws = open_workspace(server_book, FixedClock.on(date(2026, 11, 22)))
    try:
        with ws.book.session() as session:
            folios = sorted(
                f for (f,) in session.query(Invoice.folio).filter(Invoice.series == "A")
            )
    finally:
        ws.close()
    assert folios == list(range(1, 2001))
    _check_is_green(server_book, capsys)


def _paid_and_totals(ws: Workspace) -> list[tuple[int, int]]:
    with ws.book.session() as session:
        return [(i.paid_cents, i.total_cents) for i in session.query(Invoice).order_by(Invoice.id)]


def test_four_clerks_paying_the_same_50_invoices_never_over_allocate(
    server_book: URL, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = open_workspace(server_book, FixedClock.on(date(2026, 11, 22)))
    try:
        who = customer(ws).id
        for n in range(50):
            invoice(ws, who, "1000.00", issued=date(2026, 9, 1 + n % 28))
    finally:
        ws.close()
    results = _run_together(server_book, "pay", who, 40)
    assert sum(int(r["recorded"]) for r in results) > 0  # type: ignore[call-overload]
    ws = open_workspace(server_book, FixedClock.on(date(2026, 11, 22)))
    try:
        pairs = _paid_and_totals(ws)
        with ws.book.session() as session:
            payments = session.query(Payment).all()
            received = sum(p.amount_cents for p in payments)
            applied = sum(p.allocated_cents for p in payments)
            assert all(0 <= p.allocated_cents <= p.amount_cents for p in payments)
    finally:
        ws.close()
    assert all(paid <= total for paid, total in pairs), "an invoice was over-allocated"
    assert sum(paid for paid, _ in pairs) == applied <= received
    _check_is_green(server_book, capsys)
