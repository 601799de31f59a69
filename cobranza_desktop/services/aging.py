"""The aging report: per customer and in total, as of any date, computed in SQL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from cobranza_desktop.domain.aging import AgingBuckets
from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.money import from_cents
from cobranza_desktop.services import CancelCheck, ProgressCallback, never_cancel, no_progress
from cobranza_desktop.services.business import BusinessService
from cobranza_desktop.services.settings import SettingsService
from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.queries.aging import aging_rows


@dataclass(frozen=True)
class AgingLine:
    customer_id: int
    name: str
    buckets: tuple[Decimal, ...]
    total: Decimal


@dataclass(frozen=True)
class AgingReport:
    as_of: date
    currency: str
    labels: tuple[str, ...]
    lines: tuple[AgingLine, ...]
    bucket_totals: tuple[Decimal, ...]
    total: Decimal

    def to_json(self) -> dict[str, object]:
        """The shape printed by ``cobranza aging --json``: amounts as decimal strings."""
        return {
            "as_of": self.as_of.isoformat(),
            "currency": self.currency,
            "buckets": list(self.labels),
            "customers": [
                {
                    "customer_id": line.customer_id,
                    "name": line.name,
                    "buckets": [str(b) for b in line.buckets],
                    "total": str(line.total),
                }
                for line in self.lines
            ],
            "totals": {"buckets": [str(b) for b in self.bucket_totals], "total": str(self.total)},
        }


class AgingService:
    def __init__(self, book: Book, clock: Clock) -> None:
        self._book = book
        self._clock = clock

    def report(
        self,
        as_of: date | None = None,
        *,
        customer_id: int | None = None,
        progress: ProgressCallback = no_progress,
        cancelled: CancelCheck = never_cancel,
    ) -> AgingReport:
        day = as_of or self._clock.today()
        buckets: AgingBuckets = SettingsService(self._book).aging_buckets()
        currency = BusinessService(self._book).profile().currency
        progress(0.0)
        with self._book.session() as session:
            rows = aging_rows(session, day, buckets.due_date_bounds(day), customer_id)
        progress(0.9)
        totals = [0] * buckets.count
        lines = []
        for row in rows:
            for i, cents in enumerate(row.bucket_cents):
                totals[i] += cents
            lines.append(
                AgingLine(
                    row.customer_id,
                    row.name,
                    tuple(from_cents(c) for c in row.bucket_cents),
                    from_cents(row.total_cents),
                )
            )
        progress(1.0)
        return AgingReport(
            as_of=day,
            currency=currency,
            labels=tuple(buckets.labels()),
            lines=tuple(lines),
            bucket_totals=tuple(from_cents(c) for c in totals),
            total=from_cents(sum(totals)),
        )
