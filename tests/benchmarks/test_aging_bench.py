"""Aging on the large book, against a hand-written SQL baseline; the generator; the check.

Run: ``pytest tests/benchmarks --benchmark-only``. Targets (issue 2): aging over a million
invoices under 1 s and within 1.5x of the raw query; the generator under 60 s.
"""

from __future__ import annotations

import gc
import os
import sqlite3
import statistics
import time
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from cobranza_desktop.domain.aging import AgingBuckets
from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.money import to_cents
from cobranza_desktop.services.base.settings import SettingsService
from cobranza_desktop.services.book.check import BookCheckService
from cobranza_desktop.services.receivables.aging import AgingReport, AgingService
from cobranza_desktop.storage.database import Book
from tests.benchmarks.book_cache import BENCH_TODAY, BenchParameters
from tests.benchmarks.large_book import build_large_book

pytestmark = pytest.mark.benchmark_book

AGING_TARGET_SECONDS = 1.0
BASELINE_RATIO_TARGET = 1.5
GENERATOR_TARGET_SECONDS = 60.0
ROUNDS = 9
TARGET_INVOICES = 1_000_000

# The same report, written by hand for sqlite3: every open invoice's balance now, plus one
# row per invoice for money applied by payments dated after the as-of date (?1).
# ?2..?5 are the due-date bounds of the buckets (current, 1-30, 31-60, 61-90, over 90).
RAW_AGING_SQL = """
WITH later AS (
    SELECT a.invoice_id AS invoice_id, SUM(a.amount_cents) AS cents
    FROM payments AS p CROSS JOIN allocations AS a
    WHERE p.payment_date > ?1 AND a.payment_id = p.id AND a.active = 1
    GROUP BY a.invoice_id
), balances AS (
    SELECT customer_id, due_date, total_cents - paid_cents AS cents
    FROM invoices
    WHERE lifecycle = 'issued' AND paid_cents < total_cents AND +issue_date <= ?1
    UNION ALL
    SELECT i.customer_id, i.due_date, l.cents
    FROM later AS l JOIN invoices AS i ON i.id = l.invoice_id
    WHERE i.lifecycle = 'issued' AND i.issue_date <= ?1
), per_customer AS (
    SELECT customer_id,
           SUM(CASE WHEN due_date >= ?2 THEN cents ELSE 0 END) AS current_cents,
           SUM(CASE WHEN due_date < ?2 AND due_date >= ?3 THEN cents ELSE 0 END) AS d30,
           SUM(CASE WHEN due_date < ?3 AND due_date >= ?4 THEN cents ELSE 0 END) AS d60,
           SUM(CASE WHEN due_date < ?4 AND due_date >= ?5 THEN cents ELSE 0 END) AS d90,
           SUM(CASE WHEN due_date < ?5 THEN cents ELSE 0 END) AS over90,
           SUM(cents) AS total
    FROM balances GROUP BY customer_id HAVING SUM(cents) > 0
)
SELECT c.id, c.name, current_cents, d30, d60, d90, over90, total
FROM per_customer JOIN customers AS c ON c.id = per_customer.customer_id
ORDER BY c.name_key, c.id
"""

Rows = list[tuple[Any, ...]]


def raw_aging(connection: sqlite3.Connection, as_of: date) -> Rows:
    bounds = [as_of - timedelta(days=days) for days in (0, 30, 60, 90)]
    return connection.execute(
        RAW_AGING_SQL, [as_of.isoformat(), *(b.isoformat() for b in bounds)]
    ).fetchall()


@pytest.fixture(scope="module")
def raw_connection(large_book_path: Path) -> Iterator[sqlite3.Connection]:
    """One read-only connection, kept open like the book's pooled one (warm page cache)."""
    connection = sqlite3.connect(f"file:{large_book_path}?mode=ro", uri=True)
    try:
        yield connection
    finally:
        connection.close()


def report_as_rows(report: AgingReport) -> Rows:
    return [
        (
            line.customer_id,
            line.name,
            *(to_cents(b) for b in line.buckets),
            to_cents(line.total),
        )
        for line in report.lines
    ]


def timed(action: Callable[[], object]) -> tuple[float, float]:
    """Wall and CPU seconds of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - wall, time.process_time() - cpu


AS_OF_DATES = {"today": BENCH_TODAY, "six_months_ago": BENCH_TODAY - timedelta(days=182)}


@pytest.fixture(scope="module")
def aging_service(large_book: Book) -> AgingService:
    # The report below hard-codes the default buckets; make sure the book uses them.
    assert SettingsService(large_book).aging_buckets() == AgingBuckets()
    return AgingService(large_book, FixedClock(datetime.combine(BENCH_TODAY, datetime.min.time())))


@pytest.mark.parametrize("when", list(AS_OF_DATES))
def test_aging_raw_sql_baseline(
    benchmark: Any, raw_connection: sqlite3.Connection, when: str
) -> None:
    rows = benchmark.pedantic(
        raw_aging, args=(raw_connection, AS_OF_DATES[when]), rounds=ROUNDS, warmup_rounds=1
    )
    assert rows, "the large book has receivables"


@pytest.mark.parametrize("when", list(AS_OF_DATES))
def test_aging_service(
    benchmark: Any,
    aging_service: AgingService,
    raw_connection: sqlite3.Connection,
    bench_params: BenchParameters,
    when: str,
) -> None:
    as_of = AS_OF_DATES[when]
    baseline_rows = raw_aging(raw_connection, as_of)

    # The baseline is timed between the service's rounds (pedantic's untimed setup), so
    # both see the same machine; CPU time is kept too, as other processes' load moves it
    # far less than wall time.
    baseline_wall: list[float] = []
    baseline_cpu: list[float] = []
    service_cpu: list[float] = []

    def time_baseline() -> None:
        # Each timed call starts from a collected heap: otherwise a full collection of the
        # test process's objects lands in whichever call crosses the threshold.
        gc.collect()
        wall, cpu = timed(lambda: raw_aging(raw_connection, as_of))
        baseline_wall.append(wall)
        baseline_cpu.append(cpu)
        gc.collect()

    def service_report() -> AgingReport:
        started = time.process_time()
        result = aging_service.report(as_of)
        service_cpu.append(time.process_time() - started)
        return result

    report = benchmark.pedantic(service_report, setup=time_baseline, rounds=ROUNDS, warmup_rounds=1)
    # The first of each is the warm-up round's.
    service = benchmark.stats.stats.median
    baseline = statistics.median(baseline_wall[1:])
    ratio = service / baseline
    cpu_ratio = statistics.median(service_cpu[1:]) / statistics.median(baseline_cpu[1:])
    # For the record, not a target: the report with every amount made a Decimal.
    with_decimals = statistics.median(
        timed(lambda: aging_service.report(as_of).to_json())[0] for _ in range(3)
    )
    benchmark.extra_info.update(
        {
            "baseline_median_s": round(baseline, 4),
            "ratio_to_baseline": round(ratio, 3),
            "cpu_ratio_to_baseline": round(cpu_ratio, 3),
            "with_all_decimals_s": round(with_decimals, 4),
            "customers": len(report.lines),
        }
    )
    print(
        f"\naging as of {as_of}: service {service * 1000:.1f} ms, raw SQL "
        f"{baseline * 1000:.1f} ms, ratio {ratio:.2f} (CPU time {cpu_ratio:.2f}), "
        f"{len(report.lines)} customers "
        f"(report + to_json: {with_decimals * 1000:.1f} ms)"
    )

    # Same answer as the hand-written query: every customer, every bucket, every cent.
    assert report_as_rows(report) == baseline_rows
    totals = [sum(row[i] for row in baseline_rows) for i in range(2, 8)]
    assert [to_cents(b) for b in report.bucket_totals] + [to_cents(report.total)] == totals
    if when == "today":
        assert service < AGING_TARGET_SECONDS
    if bench_params.invoices >= TARGET_INVOICES:
        # The targets are set for the full book; on a shrunken one the service's fixed cost
        # (sessions, settings, profile: a few ms) dominates and the ratio says nothing.
        # Asserted on CPU time, which a busy shared machine does not skew (wall: reported).
        assert cpu_ratio <= BASELINE_RATIO_TARGET


def test_generator(benchmark: Any, tmp_path: Path, bench_params: BenchParameters) -> None:
    target = tmp_path / "generated.sqlite"
    phases: list[str] = []
    cpu_started = time.process_time()
    path = benchmark.pedantic(
        build_large_book,
        args=(target, bench_params.customers, bench_params.invoices, bench_params.seed),
        kwargs={"log": phases.append},
        rounds=1,
        iterations=1,
    )
    cpu_seconds = time.process_time() - cpu_started
    seconds = benchmark.stats.stats.median
    size_mb = os.path.getsize(path) / 1_000_000
    benchmark.extra_info.update({"db_size_mb": round(size_mb, 1), "cpu_s": round(cpu_seconds, 1)})
    print(
        f"\ngenerator: {bench_params.invoices} invoices in {seconds:.1f} s "
        f"({cpu_seconds:.1f} s of CPU), {size_mb:.0f} MB"
    )
    print("\n".join(phases))
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("SELECT COUNT(*) FROM invoices").fetchone() == (
            bench_params.invoices,
        )
    finally:
        connection.close()
    # The 60 s is for a million invoices (scaled up for a bigger book). It is
    # asserted on this process's CPU time: SQLite runs in-process, so that is the work the
    # generator does, while wall time on a shared machine also counts the other processes.
    assert cpu_seconds < GENERATOR_TARGET_SECONDS * max(
        1.0, bench_params.invoices / TARGET_INVOICES
    )


def test_book_check(benchmark: Any, large_book: Book) -> None:
    cpu_started = time.process_time()
    report = benchmark.pedantic(BookCheckService(large_book).run, rounds=1, iterations=1)
    cpu_seconds = time.process_time() - cpu_started
    benchmark.extra_info.update({"cpu_s": round(cpu_seconds, 1)})
    print(f"\ncobranza check: {benchmark.stats.stats.median:.1f} s ({cpu_seconds:.1f} s of CPU)")
    assert report.ok, [r for r in report.results if not r.ok]
