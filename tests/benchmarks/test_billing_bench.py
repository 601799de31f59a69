"""The billing run for 20,000 subscriptions (one month), against a bulk insert of the rows.

Run: ``pytest tests/benchmarks/test_billing_bench.py --benchmark-only -s``. Targets (issue
14): preview under 3 s, commit under 20 s, per-invoice cost within 3x of a bulk insert of
the same rows, measured in the same run. Three rounds on fresh books; it prints the medians
of wall and CPU time and the ratios to the floor.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.services.billing.billing_run import BillingRunService
from cobranza_desktop.storage.database import Book, open_book
from cobranza_desktop.storage.models import Customer, Invoice, InvoiceLine
from cobranza_desktop.storage.models.subscriptions import Subscription, SubscriptionPeriod

SUBSCRIPTIONS = 20_000
DAY = date(2026, 11, 1)
PREVIEW_TARGET = 3.0
COMMIT_TARGET = 20.0
RATIO_TARGET = 3.0


def _fill(book: Book) -> None:
    now = datetime(2026, 10, 1, 9, 0)
    with book.transaction() as session:
        session.execute(
            insert(Customer),
            [
                {"name": f"Socio {n}", "name_key": f"socio {n}", "created_at": now}
                for n in range(SUBSCRIPTIONS)
            ],
        )
        ids = list(session.scalars(select(Customer.id)))
        session.execute(
            insert(Subscription),
            [
                {
                    "customer_id": cid,
                    "description": "Internet 50 Mb",
                    "price": Decimal("399.00"),
                    "tax_rate_percent": Decimal(16),
                    "discount_percent": Decimal(0),
                    "period": "monthly",
                    "billing_day": 1,
                    "start_date": DAY,
                    "created_at": now,
                }
                for cid in ids
            ],
        )


def _bulk_insert(book: Book, rows: list[dict[str, Any]]) -> float:
    """The same invoices, lines and period records, written in bulk: the baseline."""
    now = datetime(2026, 11, 1, 9, 0)
    started = time.perf_counter()
    with book.transaction() as session:
        session.execute(
            insert(Invoice),
            [
                {
                    "customer_id": r["customer_id"],
                    "series": "B",
                    "folio": i + 1,
                    "lifecycle": "issued",
                    "issue_date": DAY,
                    "due_date": date.fromisoformat(r["due_date"]),
                    "subtotal_cents": 39900,
                    "tax_cents": 6384,
                    "total_cents": 46284,
                    "created_at": now,
                }
                for i, r in enumerate(rows)
            ],
        )
        ids = list(session.scalars(select(Invoice.id).where(Invoice.series == "B")))
        session.execute(
            insert(InvoiceLine),
            [
                {
                    "invoice_id": iid,
                    "position": 1,
                    "description": "Internet 50 Mb",
                    "quantity": Decimal(1),
                    "unit_price": Decimal("399.00"),
                    "discount_percent": Decimal(0),
                    "tax_rate_percent": Decimal(16),
                }
                for iid in ids
            ],
        )
        session.execute(
            insert(SubscriptionPeriod),
            [
                {
                    "subscription_id": r["subscription_id"],
                    "period_start": date(2026, 12, 1),  # another key: no clash with the run
                    "period_end": date(2026, 12, 31),
                    "billing_date": date(2026, 12, 1),
                    "outcome": "billed",
                    "invoice_id": iid,
                    "run_date": DAY,
                    "created_at": now,
                }
                for r, iid in zip(rows, ids, strict=True)
            ],
        )
    return time.perf_counter() - started


@dataclass(frozen=True)
class _Timing:
    wall: float
    cpu: float  # this process's CPU seconds: what the load of other programs does not inflate


def _timed(action: Callable[..., Any], *args: Any) -> tuple[Any, _Timing]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = action(*args)
    return result, _Timing(time.perf_counter() - wall, time.process_time() - cpu)


def _median(values: list[float]) -> float:
    return statistics.median(values)


ROUNDS = 3


def test_billing_run_for_twenty_thousand_subscriptions(tmp_path: Path, benchmark: Any) -> None:
    """Each round: a fresh book, its preview, its run, and the floor (a bulk insert of the
    same rows) in that same book; medians over the rounds, ratios of the medians."""
    previews: list[_Timing] = []
    commits: list[_Timing] = []
    floors: list[_Timing] = []
    for round_no in range(ROUNDS):
        book = open_book(tmp_path / f"isp-{round_no}.sqlite", create=True)
        try:
            _fill(book)
            runs = BillingRunService(book, FixedClock.on(DAY))
            plan, timing = _timed(runs.preview)
            previews.append(timing)
            assert plan.count == SUBSCRIPTIONS
            if round_no == 0:
                result = benchmark.pedantic(_timed, (runs.run,), rounds=1, iterations=1)
            else:
                result = _timed(runs.run)
            result, timing = result
            commits.append(timing)
            assert len(result.invoices) == SUBSCRIPTIONS
            assert runs.run().invoices == ()  # a second run bills nothing
            rows = result.to_json()["invoices"]
            floors.append(_timed(_bulk_insert, book, rows)[1])
        finally:
            book.close()
    preview = _median([t.wall for t in previews])
    preview_cpu = _median([t.cpu for t in previews])
    commit = _median([t.wall for t in commits])
    commit_cpu = _median([t.cpu for t in commits])
    floor_wall = _median([t.wall for t in floors])
    floor_cpu = _median([t.cpu for t in floors])
    ratio, ratio_cpu = commit / floor_wall, commit_cpu / floor_cpu
    print(
        f"\nmedians of {ROUNDS} rounds, {SUBSCRIPTIONS} subscriptions: "
        f"preview {preview:.2f} s (cpu {preview_cpu:.2f} s), "
        f"commit {commit:.2f} s (cpu {commit_cpu:.2f} s), "
        f"bulk-insert floor {floor_wall:.2f} s (cpu {floor_cpu:.2f} s), "
        f"ratio {ratio:.2f}x (cpu {ratio_cpu:.2f}x)"
    )
    # The targets are for a person's computer, not for one shared by many busy programs:
    # CPU seconds (what the load does not inflate) for the preview, wall and CPU for the
    # commit and its ratio to the floor.
    assert preview_cpu < PREVIEW_TARGET
    assert commit < COMMIT_TARGET and commit_cpu < COMMIT_TARGET
    assert ratio < RATIO_TARGET and ratio_cpu < RATIO_TARGET
