"""Two billing runs and two clerks issuing invoices on one PostgreSQL book at once (real
processes): every period is billed exactly once, the run's block of folios and the
clerks' folios together are gapless and unique, and ``cobranza check`` is green."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import URL

from cobranza_desktop.cli import main
from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.services.billing.subscriptions import SubscriptionInput, SubscriptionService
from cobranza_desktop.services.book.workspace import open_workspace
from cobranza_desktop.storage.models import Invoice
from cobranza_desktop.storage.models.subscriptions import SubscriptionPeriod
from tests.factories import customer
from tests.pg_support import PgDatabases, database, url_text
from tests.storage.worker_processes import run_together

pytestmark = pytest.mark.postgresql
TODAY = date(2026, 11, 22)
MEMBERS = 150
BY_HAND = 60


@pytest.fixture
def server_book(pg_databases: PgDatabases) -> Iterator[URL]:
    with database(pg_databases) as url:
        yield url


def _together(url: URL, jobs: list[tuple[str, int]]) -> list[dict[str, object]]:
    return run_together(
        "tests.storage.concurrent_billing_worker",
        [[verb, url_text(url), str(arg)] for verb, arg in jobs],
    )


def test_two_runs_and_two_clerks_bill_each_period_once_with_gapless_folios(
    server_book: URL, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = open_workspace(server_book, FixedClock.on(TODAY))
    try:
        subs = SubscriptionService(ws.book, ws.clock)
        for n in range(MEMBERS):
            who = customer(ws, f"Socio {n}").id
            subs.create(
                SubscriptionInput(who, "Internet", "399.00", "mensual", 1, date(2026, 9, 1))
            )
        clerk = customer(ws, "Mostrador").id
    finally:
        ws.close()
    results = _together(server_book, [("bill", 0), ("issue", clerk), ("bill", 0), ("issue", clerk)])
    numbers = [n for r in results for n in r["numbers"]]  # type: ignore[attr-defined]
    runs = [r for r in (results[0], results[2])]
    billed = [len(r["numbers"]) for r in runs]  # type: ignore[arg-type]
    # One run bills the three months of every member; the other finds them done.
    assert sorted(billed) == [0, 3 * MEMBERS]
    assert len(numbers) == len(set(numbers)) == 3 * MEMBERS + 2 * BY_HAND
    ws = open_workspace(server_book, FixedClock.on(TODAY))
    try:
        with ws.book.session() as session:
            folios = sorted(session.scalars(select(Invoice.folio).where(Invoice.series == "A")))
            periods = session.scalar(select(func.count()).select_from(SubscriptionPeriod))
    finally:
        ws.close()
    assert folios == list(range(1, 3 * MEMBERS + 2 * BY_HAND + 1))
    assert periods == 3 * MEMBERS
    assert main(["check", "--book", url_text(server_book)]) == 0, capsys.readouterr().out
