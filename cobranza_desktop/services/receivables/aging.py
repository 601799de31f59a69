"""The aging report: per customer and in total, as of any date, computed in SQL."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import overload

from sqlalchemy.orm import Session

from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.formatting import format_date
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.domain.invoices import invoice_number
from cobranza_desktop.domain.money import ZERO, from_cents
from cobranza_desktop.domain.validation import check_date
from cobranza_desktop.services import CancelCheck, ProgressCallback, never_cancel, no_progress
from cobranza_desktop.services.base.business import load_profile
from cobranza_desktop.services.base.settings import load_aging_buckets
from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.queries.aging import AgingRecord, aging_records
from cobranza_desktop.storage.queries.aging_marks import marked_invoices
from cobranza_desktop.storage.queries.balances import credit_by_customer


@dataclass(frozen=True)
class AgingLine:
    customer_id: int
    name: str
    buckets: tuple[Decimal, ...]
    total: Decimal


class AgingLines(Sequence[AgingLine]):
    """The report's lines, each made (with its Decimals) when it is read from the query's
    plain records, in cents.

    A report of thousands of debtors then costs about what its query costs (building
    every line and its Decimals up front took longer than the SQL), and a paged view
    makes only the lines it shows. It behaves as a read-only sequence: ``len``, indexing,
    slicing, iteration.
    """

    __slots__ = ("_lines", "_records")

    def __init__(self, records: Sequence[AgingRecord]) -> None:
        self._records = tuple(records)
        self._lines: list[AgingLine | None] = [None] * len(self._records)

    def _line(self, index: int) -> AgingLine:
        line = self._lines[index]
        if line is None:
            record = self._records[index]
            line = AgingLine(
                record[0],
                record[1],
                tuple(from_cents(c) for c in record[2:-1]),
                from_cents(record[-1]),
            )
            self._lines[index] = line
        return line

    def materialize(self) -> None:
        """Make every line now (say, in a worker thread, before a view shows them all)."""
        for index in range(len(self._records)):
            self._line(index)

    def __len__(self) -> int:
        return len(self._records)

    @overload
    def __getitem__(self, index: int) -> AgingLine: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[AgingLine, ...]: ...

    def __getitem__(self, index: int | slice) -> AgingLine | tuple[AgingLine, ...]:
        if isinstance(index, slice):
            return tuple(self._line(i) for i in range(*index.indices(len(self._records))))
        if not -len(self._records) <= index < len(self._records):
            raise IndexError("aging line index out of range")
        return self._line(index % len(self._records))

    def __iter__(self) -> Iterator[AgingLine]:
        return (self._line(i) for i in range(len(self._records)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, AgingLines):
            return self._records == other._records
        if isinstance(other, tuple | list):
            return tuple(self) == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._records)

    def __repr__(self) -> str:
        return f"AgingLines({len(self)} lines)"

    def column_totals(self, bucket_count: int) -> list[int]:
        """Each bucket's total in cents."""
        if not self._records:
            return [0] * bucket_count
        columns = list(zip(*self._records, strict=True))
        return [sum(column) for column in columns[2:-1]]


@dataclass(frozen=True)
class AgingMark:
    """An invoice aged by its original due date that is disputed or was extended."""

    invoice_id: int
    number: str
    due_date: date
    disputed: bool
    extended_to: date | None

    def text(self) -> str:
        parts = []
        if self.extended_to is not None:
            parts.append(
                _("vence el {due}, prorrogada al {extended}").format(
                    due=format_date(self.due_date), extended=format_date(self.extended_to)
                )
            )
        if self.disputed:
            parts.append(_("en disputa"))
        return f"{self.number}: " + ", ".join(parts)


@dataclass(frozen=True)
class AgingReport:
    as_of: date
    currency: str
    labels: tuple[str, ...]
    lines: AgingLines
    bucket_totals: tuple[Decimal, ...]
    total: Decimal
    # Unapplied credit (payments not yet applied) of the customers listed, beside the
    # buckets: the net a customer owes is their total less it. Only those who have some.
    credits: Mapping[int, Decimal] = field(default_factory=dict)
    # The credit of customers who owe nothing (no line of their own), in the whole book's
    # report: counted in the credit and net totals, so that the net is what the customer
    # list totals (open less credit, every customer).
    other_credit: Decimal = ZERO

    def credit_of(self, customer_id: int) -> Decimal:
        return self.credits.get(customer_id, ZERO)

    def net_of(self, line: AgingLine) -> Decimal:
        return line.total - self.credit_of(line.customer_id)

    @property
    def credit_total(self) -> Decimal:
        return sum(self.credits.values(), self.other_credit)

    @property
    def net_total(self) -> Decimal:
        return self.total - self.credit_total

    # Per customer: their disputed or extended invoices (still in their original bucket).
    marks: Mapping[int, tuple[AgingMark, ...]] = field(default_factory=dict)

    def mark_text(self, customer_id: int) -> str:
        return "; ".join(m.text() for m in self.marks.get(customer_id, ()))

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
                    "credit": str(self.credit_of(line.customer_id)),
                    "net": str(self.net_of(line)),
                    "marks": [
                        {
                            "invoice": m.number,
                            "due_date": m.due_date.isoformat(),
                            "disputed": m.disputed,
                            "extended_to": m.extended_to.isoformat() if m.extended_to else None,
                        }
                        for m in self.marks.get(line.customer_id, ())
                    ],
                }
                for line in self.lines
            ],
            "totals": {
                "buckets": [str(b) for b in self.bucket_totals],
                "total": str(self.total),
                "credit": str(self.credit_total),
                "credit_without_balance": str(self.other_credit),
                "net": str(self.net_total),
            },
        }


def aging_report(session: Session, day: date, *, customer_id: int | None = None) -> AgingReport:
    """The aging report as of ``day``, in the caller's session (buckets and currency from
    the book's settings)."""
    buckets = load_aging_buckets(session)
    currency = load_profile(session).currency
    records = aging_records(session, day, buckets.due_date_bounds(day), customer_id)
    lines = AgingLines(records)
    totals = lines.column_totals(buckets.count)
    # The credit as it was on the day, as the buckets are: the net is then what was
    # billed less what was paid by that day.
    listed = {int(r[0]) for r in records}
    credits = credit_by_customer(session, None if customer_id is None else [customer_id], day)
    other = sum(cents for cid, cents in credits.items() if cid not in listed)
    marks: dict[int, list[AgingMark]] = {}
    for row in marked_invoices(session, day, customer_id):
        marks.setdefault(row.customer_id, []).append(
            AgingMark(
                row.invoice_id,
                invoice_number(row.series, row.folio, row.external_number),
                row.due_date,
                row.disputed,
                row.extended_to,
            )
        )
    return AgingReport(
        as_of=day,
        currency=currency,
        labels=tuple(buckets.labels()),
        lines=lines,
        bucket_totals=tuple(from_cents(c) for c in totals),
        total=from_cents(sum(totals)),
        credits={cid: from_cents(cents) for cid, cents in credits.items() if cid in listed},
        other_credit=from_cents(other),
        marks={cid: tuple(found) for cid, found in marks.items()},
    )


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
        day = check_date(as_of or self._clock.today(), "as_of")
        progress(0.0)
        with self._book.session() as session:
            report = aging_report(session, day, customer_id=customer_id)
        progress(1.0)
        return report
