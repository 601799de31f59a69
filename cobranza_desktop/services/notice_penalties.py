"""The penalty engine as the source of the figures printed on a penalty notice.

The notice shows what the engine would charge today and has not charged yet: late fees
and late interest, each with its base, rate, days and day basis. Charges already booked
are late-charge invoices, so they already appear among the overdue invoices.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from cobranza_desktop.documents.data import OverdueInvoiceData, PenaltyLineData, RatePeriod
from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.i18n import tr
from cobranza_desktop.domain.money import ZERO
from cobranza_desktop.domain.penalties import ChargeKind
from cobranza_desktop.services.penalties import PenaltyService, ProposedCharge
from cobranza_desktop.storage.database import Book


def penalty_line(charge: ProposedCharge) -> PenaltyLineData:
    """One proposed charge as a row of the notice's penalty detail."""
    b = charge.breakdown
    if b.kind is ChargeKind.FEE:
        return PenaltyLineData(
            concept=tr(
                f"Cargo por atraso · {charge.invoice_number}",
                f"Late fee · {charge.invoice_number}",
            ),
            base=b.base,
            fee=b.amount,
            rate_percent=b.percent_fee,
            rate_period=RatePeriod.ONCE,
            days=0,
            day_basis=0,
            interest=ZERO,
            amount=b.amount,
        )
    return PenaltyLineData(
        concept=tr(
            f"Interés moratorio · {charge.invoice_number}",
            f"Late interest · {charge.invoice_number}",
        ),
        base=b.base,
        fee=ZERO,
        rate_percent=b.annual_rate_percent,
        rate_period=RatePeriod.ANNUAL,
        days=b.days,
        day_basis=b.day_basis,
        interest=b.amount,
        amount=b.amount,
    )


class EnginePenalties:
    """:class:`~cobranza_desktop.services.documents.PenaltySource` backed by the engine."""

    def __init__(self, book: Book, clock: Clock) -> None:
        self._service = PenaltyService(book, clock)

    def penalties(
        self, customer_id: int, overdue: Sequence[OverdueInvoiceData], today: date
    ) -> tuple[PenaltyLineData, ...]:
        proposal = self._service.propose(today, customer_id=customer_id)
        return tuple(penalty_line(charge) for charge in proposal.charges)
