"""The REP radar's head on the big book (issue 16), against a floor measured in the same run.

Run: ``pytest tests/benchmarks/test_rep_bench.py --benchmark-enable --benchmark-only -s
-p no:randomly``. The Today panel asks ``RepRadarService.radar(day, limit=200)`` on every
start and after every write to payments, invoices or settings: the first pending REPs and
PUE invoices, how many REPs are pending and how many of them late. The big book has no REP
at all, so nearly every one of its million allocations is pending.

The floor is the least work that counts the same rows: the pending allocations, late and
not, counted by hand in sqlite3 over the same partial index (without telling two
allocations of one payment to one invoice apart, as the radar must). For the record, the
join the radar used before (every allocation with its payment and invoice) is timed once.
"""

from __future__ import annotations

import time

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from cobranza_desktop.services.receivables.rep_radar import RepRadarService
from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.queries.rep import late_before
from tests.benchmarks.book_cache import BENCH_TODAY
from tests.benchmarks.test_day_bench import LAST_CPU, clock, interleaved, raw_reader, report

pytestmark = pytest.mark.benchmark_book

HEAD_TARGET = 0.5  # seconds of CPU for the whole head, both lists
RATIO_TARGET = 6.0
LIMIT = 200

PENDING = """FROM allocations a
WHERE a.active = TRUE AND a.is_money = TRUE AND a.rep_open = TRUE AND a.on_ppd = TRUE"""
FLOOR_SQL = f"""
SELECT (SELECT COUNT(*) {PENDING} AND a.payment_day < ?1),
       (SELECT COUNT(*) {PENDING} AND a.payment_day >= ?1 AND a.payment_day <= ?2)
"""
# What rep_head ran before the copied facts: each allocation joined to its payment and
# invoice, grouped, counted with window functions.
JOINED_SQL = """
SELECT COUNT(*) OVER () AS n,
       SUM(CASE WHEN r.deadline < ?1 THEN 1 ELSE 0 END) OVER () AS late
FROM (SELECT p.id AS pid, i.id AS iid, p.payment_date AS paid_on,
             date(p.payment_date, 'start of month', '+1 month', '+4 days') AS deadline
      FROM allocations a JOIN payments p ON p.id = a.payment_id
      JOIN invoices i ON i.id = a.invoice_id
      WHERE a.active = TRUE AND p.reversed_at IS NULL AND p.rep_uuid = ''
        AND p.method != 'discount' AND i.lifecycle = 'issued' AND i.sat_payment_method = 'PPD'
        AND p.payment_date <= ?1
      GROUP BY p.id, i.id) AS r
ORDER BY r.deadline, r.paid_on, r.pid, r.iid
LIMIT 1
"""


def test_rep_radar_head_near_its_floor(benchmark: BenchmarkFixture, large_book: Book) -> None:
    service = RepRadarService(large_book, clock())
    raw = raw_reader(large_book.path)
    days = (late_before(BENCH_TODAY).toordinal(), BENCH_TODAY.toordinal())
    floor = lambda: raw.execute(FLOOR_SQL, days).fetchone()  # noqa: E731
    head = service.radar(BENCH_TODAY, limit=LIMIT)
    late, due = floor()
    # The big book has no two allocations of a payment to one invoice: the same counts.
    assert (head.pending_total, head.overdue_total) == (late + due, late)
    assert head.pending_total > 900_000 and len(head.pending) == LIMIT
    ours, base = benchmark.pedantic(
        lambda: interleaved(lambda: service.radar(BENCH_TODAY, limit=LIMIT), floor),
        rounds=1,
        iterations=1,
    )
    cpu = LAST_CPU["ours"]
    ratio = report(
        f"REP radar head ({head.pending_total} pending, {head.overdue_total} late, "
        f"{head.pue_total} PUE)",
        ours,
        base,
    )
    start = time.perf_counter()
    before = raw.execute(JOINED_SQL, [BENCH_TODAY.isoformat()]).fetchone()
    print(f"the join it replaces, once: {time.perf_counter() - start:.3f} s")
    assert tuple(before) == (head.pending_total, head.overdue_total)
    assert cpu < HEAD_TARGET
    assert ratio < RATIO_TARGET
