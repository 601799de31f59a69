"""Risk rating A–D from a customer's payment history, and a suggested credit limit.

The seed texts: "determinar el perfil del cliente y otorgarle un crédito que se ajuste
a él". Four signals add points: the average days late, the share of invoices paid late,
broken promises and disputes. Few points is A (pays on time), many is D.

Payment history alone can make a customer D: an invoice paid (or still open) 90 days or
more after its due date, or an average of more than 60 days late over the whole history.
A D customer gets no suggested credit. A customer with no history is «Sin historial».
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_DOWN, Decimal
from enum import StrEnum

from cobranza_desktop.domain.i18n import N_, _
from cobranza_desktop.domain.money import ZERO, round_money


class Rating(StrEnum):
    A = "A"
    B = "B"
    C = "C"
    D = "D"

    def label(self) -> str:
        return _(_LABELS[self])

    @property
    def is_chronic(self) -> bool:
        """Chronic late payers follow the insistent track."""
        return self in (Rating.C, Rating.D)


_LABELS = {
    Rating.A: N_("Paga puntual"),
    Rating.B: N_("Retrasos menores"),
    Rating.C: N_("Moroso frecuente"),
    Rating.D: N_("Alto riesgo"),
}

# Multiple of the average monthly purchases granted as credit, by rating.
CREDIT_FACTOR = {
    Rating.A: Decimal("2"),
    Rating.B: Decimal("1"),
    Rating.C: Decimal("0.5"),
    Rating.D: Decimal("0"),
}


@dataclass(frozen=True)
class InvoiceRecord:
    """One invoice of the history: when it was due and when it was paid in full (None: open)."""

    due_date: date
    paid_date: date | None
    total: Decimal


@dataclass(frozen=True)
class RiskProfile:
    rating: Rating
    points: int
    average_days_late: Decimal
    late_share: Decimal
    broken_promises: int
    disputes: int
    invoices_considered: int

    @property
    def has_history(self) -> bool:
        """False for a new customer: nothing paid or due yet, no promise, no dispute."""
        return bool(self.invoices_considered or self.broken_promises or self.disputes)

    def label(self) -> str:
        """The rating in words, or «Sin historial» when there is nothing to rate yet."""
        return self.rating.label() if self.has_history else _(NO_HISTORY)


NO_HISTORY = N_("Sin historial")

# Days late that make a customer high risk by themselves: the seeds' 90-day agency stage.
SEVERE_DAYS_LATE = 90
# An average this late over the whole history is high risk too.
SEVERE_AVERAGE_DAYS = Decimal(60)


def _days_late(record: InvoiceRecord, today: date) -> int | None:
    """Days late of a paid invoice, or of an open one already past due; None if not yet due."""
    end = record.paid_date
    if end is None:
        if record.due_date >= today:
            return None
        end = today
    return max(0, (end - record.due_date).days)


@dataclass(frozen=True)
class LateTally:
    """What the rating reads of many invoices: how many count, how many were late and the
    days late in all. Sums of counts, so a book keeps one per customer (a summary)
    instead of every invoice; :meth:`of` tallies records in hand."""

    count: int = 0
    late: int = 0
    days_late: int = 0
    # The worst invoice: one invoice 90 days late says as much as a poor average.
    max_late: int = 0

    @classmethod
    def of(cls, history: Iterable[InvoiceRecord], today: date) -> LateTally:
        lates = [d for d in (_days_late(r, today) for r in history) if d is not None]
        return cls(len(lates), sum(1 for d in lates if d > 0), sum(lates), max(lates, default=0))

    def __add__(self, other: LateTally) -> LateTally:
        return LateTally(
            self.count + other.count,
            self.late + other.late,
            self.days_late + other.days_late,
            max(self.max_late, other.max_late),
        )


# The rating's steps, made once (the agenda rates thousands of customers a day).
_TENTH, _HUNDREDTH = Decimal("0.1"), Decimal("0.01")
_SHARE_1, _SHARE_2, _SHARE_3 = Decimal("0.10"), Decimal("0.30"), Decimal("0.60")


def assess(
    history: Iterable[InvoiceRecord] | LateTally,
    broken_promises: int,
    disputes: int,
    today: date,
) -> RiskProfile:
    tally = history if isinstance(history, LateTally) else LateTally.of(history, today)
    count = tally.count
    average = (Decimal(tally.days_late) / count).quantize(_TENTH) if count else Decimal(0)
    share = (Decimal(tally.late) / count).quantize(_HUNDREDTH) if count else Decimal(0)
    points = 0
    points += 0 if average <= 3 else 1 if average <= 10 else 2 if average <= 30 else 3
    points += 0 if share <= _SHARE_1 else 1 if share <= _SHARE_2 else 2 if share <= _SHARE_3 else 3
    points += min(broken_promises, 3)
    points += min(disputes, 2)
    severe = bool(count) and (tally.max_late >= SEVERE_DAYS_LATE or average > SEVERE_AVERAGE_DAYS)
    if severe or points >= 7:
        rating = Rating.D
    elif points <= 1:
        # No history yet: a prudent B, shown as «Sin historial» (see RiskProfile.label).
        rating = Rating.A if count else Rating.B
    elif points <= 3:
        rating = Rating.B
    else:
        rating = Rating.C
    return RiskProfile(rating, points, average, share, broken_promises, disputes, count)


def suggested_credit_limit(rating: Rating, average_monthly_purchases: Decimal) -> Decimal:
    """A limit that fits the customer: a multiple of monthly purchases, rounded down to $100."""
    if average_monthly_purchases <= 0:
        return ZERO
    raw = average_monthly_purchases * CREDIT_FACTOR[rating]
    hundreds = (raw / 100).to_integral_value(rounding=ROUND_DOWN)
    return round_money(hundreds * 100)


def exceeds_credit_limit(balance: Decimal, new_amount: Decimal, limit: Decimal | None) -> bool:
    """True when issuing ``new_amount`` on credit would take the balance beyond the limit."""
    if limit is None:
        return False
    return balance + new_amount > limit
