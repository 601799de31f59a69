"""The REP radar: payments against PPD invoices that still lack their payment receipt
(REP), and PUE invoices that were not paid by the end of their month.

An imported CFDI of type P closes the matching items (it sets the payment's REP)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.invoices import invoice_number
from cobranza_desktop.domain.money import from_cents
from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.models import Customer
from cobranza_desktop.storage.queries.rep import pending_rep, pue_unpaid, rep_head


def _number(series: str, folio: int | None, external: str) -> str:
    return invoice_number(series, folio, external)


@dataclass(frozen=True)
class PendingRep:
    payment_id: int
    customer_id: int
    invoice_id: int
    invoice: str
    uuid: str
    amount: Decimal
    paid_on: date
    deadline: date  # the 5th of the month after the payment
    overdue: bool
    customer_name: str = ""

    def to_json(self) -> dict[str, object]:
        return {
            "payment_id": self.payment_id,
            "customer_id": self.customer_id,
            "invoice": self.invoice,
            "uuid": self.uuid,
            "amount": str(self.amount),
            "paid_on": self.paid_on.isoformat(),
            "deadline": self.deadline.isoformat(),
        }


@dataclass(frozen=True)
class PueUnpaid:
    invoice_id: int
    customer_id: int
    invoice: str
    uuid: str
    balance: Decimal  # what was still owed at the end of the invoice's month
    month_end: date
    customer_name: str = ""

    def to_json(self) -> dict[str, object]:
        return {
            "invoice": self.invoice,
            "uuid": self.uuid,
            "customer_id": self.customer_id,
            "balance": str(self.balance),
            "month_end": self.month_end.isoformat(),
        }


@dataclass(frozen=True)
class RepRadar:
    """What the Today panel, the Payments filter and `cobranza rep` show."""

    as_of: date
    pending: tuple[PendingRep, ...]  # sorted by deadline: the overdue ones come first
    pue_unpaid: tuple[PueUnpaid, ...]
    # With a limit (the Today panel), the lists hold the first rows and these the counts.
    pending_count: int | None = None
    overdue_count: int | None = None
    pue_count: int | None = None

    @property
    def pending_total(self) -> int:
        return len(self.pending) if self.pending_count is None else self.pending_count

    @property
    def overdue_total(self) -> int:
        if self.overdue_count is None:
            return sum(1 for p in self.pending if p.overdue)
        return self.overdue_count

    @property
    def pue_total(self) -> int:
        return len(self.pue_unpaid) if self.pue_count is None else self.pue_count

    def to_json(self) -> dict[str, object]:
        return {
            "date": self.as_of.isoformat(),
            "pending": [p.to_json() for p in self.pending],
            "pue_unpaid": [p.to_json() for p in self.pue_unpaid],
        }


class RepRadarService:
    def __init__(self, book: Book, clock: Clock) -> None:
        self._book = book
        self._clock = clock

    def radar(self, as_of: date | None = None, limit: int | None = None) -> RepRadar:
        """Both lists as of ``as_of``; with ``limit``, their first rows and the counts."""
        day = as_of or self._clock.today()
        with self._book.session() as session:
            counts: tuple[int | None, int | None, int | None] = (None, None, None)
            if limit is None:
                pending = pending_rep(session, day)
                pue = pue_unpaid(session, day)
            else:
                head = rep_head(session, day, limit)
                pending, pue = head.pending, head.pue
                counts = (head.pending_count, head.overdue_count, head.pue_count)
            ids = {r.customer_id for r in pending} | {r.customer_id for r in pue}
            names: dict[int, str] = {
                cid: name
                for cid, name in session.execute(
                    select(Customer.id, Customer.name).where(Customer.id.in_(ids))
                )
            }
        return RepRadar(
            as_of=day,
            pending=tuple(
                PendingRep(
                    r.payment_id,
                    r.customer_id,
                    r.invoice_id,
                    _number(r.series, r.folio, r.external_number),
                    r.uuid,
                    from_cents(r.cents),
                    r.paid_on,
                    r.deadline,
                    r.deadline < day,
                    names.get(r.customer_id, ""),
                )
                for r in pending
            ),
            pue_unpaid=tuple(
                PueUnpaid(
                    r.invoice_id,
                    r.customer_id,
                    _number(r.series, r.folio, r.external_number),
                    r.uuid,
                    from_cents(r.balance_cents),
                    r.month_end,
                    names.get(r.customer_id, ""),
                )
                for r in pue
            ),
            pending_count=counts[0],
            overdue_count=counts[1],
            pue_count=counts[2],
        )
