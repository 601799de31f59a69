"""The billing run for 20,000 subscriptions (one month), against a bulk insert of the rows.

Run: ``pytest tests/benchmarks/test_billing_bench.py --benchmark-only``. Targets (issue 14):
preview under 3 s, commit under 20 s, per-invoice cost within 3x of a bulk insert of the
same rows, measured in the same run.
"""

from __future__ import annotations

import time
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


def test_billing_run_for_twenty_thousand_subscriptions(tmp_path: Path, benchmark: Any) -> None:
    book = open_book(tmp_path / "isp.sqlite", create=True)
    try:
        _fill(book)
        runs = BillingRunService(book, FixedClock.on(DAY))
        started = time.perf_counter()
        plan = runs.preview()
        preview_seconds = time.perf_counter() - started
        assert plan.count == SUBSCRIPTIONS

        def run() -> Any:
            return runs.run()

        started = time.perf_counter()
        result = benchmark.pedantic(run, rounds=1, iterations=1)
        commit_seconds = time.perf_counter() - started
        assert len(result.invoices) == SUBSCRIPTIONS
        bulk_seconds = _bulk_insert(book, result.to_json()["invoices"])
        ratio = commit_seconds / bulk_seconds
        print(
            f"\npreview {preview_seconds:.2f} s, commit {commit_seconds:.2f} s, "
            f"bulk {bulk_seconds:.2f} s, ratio {ratio:.1f}x"
        )
        assert preview_seconds < PREVIEW_TARGET
        assert commit_seconds < COMMIT_TARGET
        assert ratio < RATIO_TARGET
    finally:
        book.close()
