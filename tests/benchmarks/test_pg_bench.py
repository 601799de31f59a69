"""The large book on PostgreSQL, side by side with SQLite (issue 18).

The cached 20,000-customer / 1,000,000-invoice book (``large_book.py``; shrink it with
``COBRANZA_BENCH_CUSTOMERS``/``COBRANZA_BENCH_INVOICES``) is moved into a fresh database
by ``book copy`` (COPY FROM STDIN). Then, on each engine:

- aging through the service against the hand-written query on the same server, timed
  alternately in the same run (target on PostgreSQL: within 1.5x);
- a customer-list search keystroke (the list service's page and totals; < 50 ms median).

Run: ``COBRANZA_TEST_PG_URL=… pytest tests/benchmarks/test_pg_bench.py --benchmark-only -s``.
"""

from __future__ import annotations

import gc
import sqlite3
import statistics
import time
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy.engine import URL

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.customers import CustomerListFilter
from cobranza_desktop.services.book.check import BookCheckService
from cobranza_desktop.services.customers.listing import CustomerListService
from cobranza_desktop.services.receivables.aging import AgingService
from cobranza_desktop.storage.book_copy import copy_book
from cobranza_desktop.storage.database import Book, open_book
from tests.benchmarks.book_cache import BENCH_TODAY, BenchParameters
from tests.benchmarks.test_aging_bench import raw_aging, report_as_rows
from tests.benchmarks.test_window_bench import KEYSTROKE_TARGET, TYPED
from tests.pg_support import PgDatabases

pytestmark = [pytest.mark.benchmark_book, pytest.mark.postgresql]

RATIO_TARGET = 1.5
ROUNDS = 7
TARGET_INVOICES = 1_000_000
CLOCK = FixedClock(datetime.combine(BENCH_TODAY, datetime.min.time()))
AS_OF_DATES = {"today": BENCH_TODAY, "six_months_ago": BENCH_TODAY - timedelta(days=182)}

# The same report by hand for PostgreSQL (its planner needs no hints).
RAW_PG_AGING_SQL = """
WITH later AS (
    SELECT a.invoice_id AS invoice_id, SUM(a.amount_cents) AS cents
    FROM payments AS p JOIN allocations AS a ON a.payment_id = p.id AND a.active
    WHERE p.payment_date > %(as_of)s
    GROUP BY a.invoice_id
), balances AS (
    SELECT customer_id, due_date, total_cents - paid_cents AS cents
    FROM invoices
    WHERE lifecycle = 'issued' AND paid_cents < total_cents AND issue_date <= %(as_of)s
    UNION ALL
    SELECT i.customer_id, i.due_date, l.cents
    FROM later AS l JOIN invoices AS i ON i.id = l.invoice_id
    WHERE i.lifecycle = 'issued' AND i.issue_date <= %(as_of)s
), per_customer AS (
    SELECT customer_id,
           SUM(CASE WHEN due_date >= %(b0)s THEN cents ELSE 0 END) AS current_cents,
           SUM(CASE WHEN due_date < %(b0)s AND due_date >= %(b1)s THEN cents ELSE 0 END) AS d30,
           SUM(CASE WHEN due_date < %(b1)s AND due_date >= %(b2)s THEN cents ELSE 0 END) AS d60,
           SUM(CASE WHEN due_date < %(b2)s AND due_date >= %(b3)s THEN cents ELSE 0 END) AS d90,
           SUM(CASE WHEN due_date < %(b3)s THEN cents ELSE 0 END) AS over90,
           SUM(cents) AS total
    FROM balances GROUP BY customer_id HAVING SUM(cents) > 0
)
SELECT c.id, c.name, current_cents, d30, d60, d90, over90, total
FROM per_customer JOIN customers AS c ON c.id = per_customer.customer_id
ORDER BY c.name_key, c.id
"""


def raw_pg_aging(connection: psycopg.Connection[Any], as_of: date) -> list[tuple[Any, ...]]:
    bounds = [as_of - timedelta(days=days) for days in (0, 30, 60, 90)]
    params: dict[str, object] = {"as_of": as_of, **{f"b{i}": b for i, b in enumerate(bounds)}}
    with connection.cursor() as cursor:
        cursor.execute(RAW_PG_AGING_SQL, params)
        return [tuple(int(v) if i >= 2 else v for i, v in enumerate(r)) for r in cursor]


@pytest.fixture(scope="module")
def pg_large_book(
    large_book: Book, pg_databases: PgDatabases, bench_params: BenchParameters
) -> Iterator[Book]:
    """The large book copied into a fresh database, as ``cobranza book copy`` does it
    (the SQLite book is already open here, so the storage copy is called directly)."""
    url: URL = pg_databases.create(migrated=False)
    book = open_book(url, create=True)
    try:
        started = time.perf_counter()
        copied = copy_book(large_book, book)
        loaded = time.perf_counter() - started
        assert BookCheckService(book).run().ok
        print(
            f"\nbook copy into PostgreSQL: {copied.total} rows "
            f"({bench_params.customers} customers, {bench_params.invoices} invoices) "
            f"in {loaded:.1f} s"
        )
        yield book
    finally:
        book.close()
        pg_databases.drop(url)


@pytest.fixture(scope="module")
def pg_raw(pg_large_book: Book) -> Iterator[psycopg.Connection[Any]]:
    url = pg_large_book.url
    connection = psycopg.connect(
        host=url.host, port=url.port, user=url.username, dbname=url.database, autocommit=True
    )
    try:
        yield connection
    finally:
        connection.close()


@pytest.fixture(scope="module")
def sqlite_raw(large_book_path: Path) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(f"file:{large_book_path}?mode=ro", uri=True)
    try:
        yield connection
    finally:
        connection.close()


def _median_of(action: Callable[[], object], rounds: int = ROUNDS) -> float:
    times = []
    for _ in range(rounds + 1):  # the first is a warm-up
        gc.collect()
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times[1:])


@pytest.mark.parametrize("when", list(AS_OF_DATES))
def test_aging_on_postgresql_against_the_hand_written_query(
    benchmark: Any,
    pg_large_book: Book,
    pg_raw: psycopg.Connection[Any],
    sqlite_raw: sqlite3.Connection,
    large_book: Book,
    bench_params: BenchParameters,
    when: str,
) -> None:
    as_of = AS_OF_DATES[when]
    service = AgingService(pg_large_book, CLOCK)
    baseline: list[float] = []

    def time_baseline() -> None:  # between the service's rounds: the same machine load
        gc.collect()
        started = time.perf_counter()
        raw_pg_aging(pg_raw, as_of)
        baseline.append(time.perf_counter() - started)
        gc.collect()

    report = benchmark.pedantic(
        lambda: service.report(as_of), setup=time_baseline, rounds=ROUNDS, warmup_rounds=1
    )
    pg_service = benchmark.stats.stats.median
    pg_baseline = statistics.median(baseline[1:])
    ratio = pg_service / pg_baseline
    # Same answer as the hand-written query, every cent.
    assert report_as_rows(report) == raw_pg_aging(pg_raw, as_of)

    sqlite_service_obj = AgingService(large_book, CLOCK)
    sqlite_service = _median_of(lambda: sqlite_service_obj.report(as_of))
    sqlite_baseline = _median_of(lambda: raw_aging(sqlite_raw, as_of))
    assert report_as_rows(sqlite_service_obj.report(as_of)) == report_as_rows(report)
    benchmark.extra_info.update(
        {
            "postgresql_service_s": round(pg_service, 4),
            "postgresql_hand_written_s": round(pg_baseline, 4),
            "postgresql_ratio": round(ratio, 3),
            "sqlite_service_s": round(sqlite_service, 4),
            "sqlite_hand_written_s": round(sqlite_baseline, 4),
            "sqlite_ratio": round(sqlite_service / sqlite_baseline, 3),
            "customers": len(report.lines),
        }
    )
    print(
        f"\naging as of {as_of} ({len(report.lines)} debtors): "
        f"PostgreSQL service {pg_service * 1000:.0f} ms, hand-written {pg_baseline * 1000:.0f} ms,"
        f" ratio {ratio:.2f} | SQLite service {sqlite_service * 1000:.0f} ms, hand-written "
        f"{sqlite_baseline * 1000:.0f} ms, ratio {sqlite_service / sqlite_baseline:.2f}"
    )
    if bench_params.invoices >= TARGET_INVOICES:
        assert ratio <= RATIO_TARGET


def _keystrokes(
    listing: CustomerListService, floor: Callable[[str], object] | None = None
) -> tuple[list[float], list[float]]:
    """Each keystroke's page and totals through the service, and (alternately, under the
    same load) the bare query that answers it."""
    listing.list_page(CustomerListFilter())  # the figures are built once, before typing
    times: list[float] = []
    floors: list[float] = []
    for typed in TYPED * 2:
        started = time.perf_counter()
        filters = CustomerListFilter(search=typed)
        listing.list_page(filters)
        listing.list_summary(filters)
        times.append(time.perf_counter() - started)
        if floor is not None:
            started = time.perf_counter()
            floor(typed)
            floors.append(time.perf_counter() - started)
    return times, floors


# The least the server must do for a keystroke, by hand: one statement over the same
# figures (a copy on the floor's own connection) giving the page and its totals.
BARE_SEARCH_SQL = """
SELECT c.id, c.name, c.phone, c.rfc, c.email, c.status, f.balance_cents, f.overdue_cents,
       f.days_past_due, f.n, f.tb, f.tov
FROM (SELECT f.*, COUNT(*) OVER () AS n, SUM(f.balance_cents) OVER () AS tb,
             SUM(f.overdue_cents) OVER () AS tov
      FROM customer_figures f
      WHERE strpos(f.name_key, %(key)s) > 0 OR strpos(f.rfc_email, %(lower)s) > 0
            OR (%(digits)s <> '' AND strpos(f.phones, %(digits)s) > 0)
      ORDER BY f.name_key, f.customer_id LIMIT 100) f
JOIN customers c ON c.id = f.customer_id
ORDER BY f.name_key, f.customer_id
"""


def _bare_search(connection: psycopg.Connection[Any]) -> Callable[[str], object]:
    from cobranza_desktop.domain.text import search_key
    from cobranza_desktop.storage.queries.customer_index import _pyformat, _rebuild

    with connection.cursor() as cursor:  # built once, not timed (as the service's is)
        for statement in _rebuild("postgresql"):
            cursor.execute(_pyformat(statement), {"today": BENCH_TODAY.isoformat()})
        cursor.execute("VACUUM customer_figures")

    def search(typed: str) -> object:
        query = typed.strip()
        digits = "".join(ch for ch in query if ch.isdigit())
        params = {
            "key": search_key(query),
            "lower": query.lower(),
            "digits": digits if len(digits) >= 3 else "",
        }
        with connection.cursor() as cursor:
            cursor.execute(BARE_SEARCH_SQL, params)
            return cursor.fetchall()

    return search


def test_search_keystroke_on_postgresql(
    benchmark: Any, pg_large_book: Book, large_book: Book, pg_raw: psycopg.Connection[Any]
) -> None:
    pg_listing = CustomerListService(pg_large_book, CLOCK)
    sqlite_listing = CustomerListService(large_book, CLOCK)
    floor = _bare_search(pg_raw)
    try:
        pg_times, pg_floors = benchmark.pedantic(
            lambda: _keystrokes(pg_listing, floor), rounds=1, iterations=1
        )
        sqlite_times, _none = _keystrokes(sqlite_listing)
        # The same rows on both engines for a typical search.
        garcia = CustomerListFilter(search="garcía")
        assert [r.id for r in pg_listing.list_page(garcia)] == [
            r.id for r in sqlite_listing.list_page(garcia)
        ]
    finally:
        pg_listing.close()
        sqlite_listing.close()
    pg_median, sqlite_median = statistics.median(pg_times), statistics.median(sqlite_times)
    floor_median = statistics.median(pg_floors)
    benchmark.extra_info.update(
        {
            "postgresql_keystroke_median_s": round(pg_median, 4),
            "postgresql_bare_query_median_s": round(floor_median, 4),
            "postgresql_ratio_to_bare": round(pg_median / floor_median, 3),
            "postgresql_keystroke_max_s": round(max(pg_times), 4),
            "sqlite_keystroke_median_s": round(sqlite_median, 4),
            "sqlite_keystroke_max_s": round(max(sqlite_times), 4),
        }
    )
    print(
        f"\nsearch keystroke (page + totals): PostgreSQL median {pg_median * 1000:.1f} ms "
        f"(max {max(pg_times) * 1000:.1f}; bare query {floor_median * 1000:.1f} ms, ratio "
        f"{pg_median / floor_median:.2f}), SQLite median {sqlite_median * 1000:.1f} ms "
        f"(max {max(sqlite_times) * 1000:.1f})"
    )
    assert pg_median < KEYSTROKE_TARGET
