"""Sending the invoices of a billing run to the customers, by email with their PDF.

After the run has committed (never inside it: a run that rolls back sends nothing),
each invoice goes through the normal invoice delivery (the outbox, one message per
invoice under its natural key, so that sending again sends nothing twice). The contact
policy holds: in its quiet hours, or on a Sunday when the business rests on Sundays,
nothing is sent; the invoices stay to be sent from the invoice list. A customer without
an email address is counted, not an error.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.services.base.agenda_data import load_policy
from cobranza_desktop.services.messaging.invoice_delivery import InvoiceDeliveryService
from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.models import Customer, Invoice

_CHUNK = 900  # bound parameters per IN list


@dataclass(frozen=True)
class RunDelivery:
    sent: tuple[int, ...]  # invoice ids whose email went out
    pending: tuple[int, ...]  # queued in the outbox, not sent yet (it retries them)
    without_email: tuple[int, ...]
    held: tuple[int, ...]  # not sent: the contact policy's quiet hours or Sunday

    def to_json(self) -> dict[str, Any]:
        return {
            "sent": len(self.sent),
            "pending": len(self.pending),
            "without_email": len(self.without_email),
            "held": len(self.held),
        }


class RunDeliveryService:
    def __init__(self, book: Book, clock: Clock, delivery: InvoiceDeliveryService) -> None:
        self._book = book
        self._clock = clock
        self._delivery = delivery

    def _addresses(self, invoice_ids: Sequence[int]) -> dict[int, str]:
        found: dict[int, str] = {}
        with self._book.session() as session:
            for start in range(0, len(invoice_ids), _CHUNK):
                chunk = list(invoice_ids[start : start + _CHUNK])
                for iid, email in session.execute(
                    select(Invoice.id, Customer.email)
                    .join(Customer, Customer.id == Invoice.customer_id)
                    .where(Invoice.id.in_(chunk))
                ):
                    found[iid] = (email or "").strip()
        return found

    def held_now(self) -> bool:
        """The contact policy forbids sending at this moment (quiet hours, Sunday)."""
        now = self._clock.now()
        with self._book.session() as session:
            policy = load_policy(session)
        return policy.in_quiet_hours(now.time()) or (policy.no_sundays and now.weekday() == 6)

    def deliver(
        self,
        invoice_ids: Sequence[int],
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> RunDelivery:
        """Email each invoice with its PDF; a cancel stops after the current one (the rest
        are left to send from the invoice list)."""
        if self.held_now():
            return RunDelivery((), (), (), tuple(invoice_ids))
        addresses = self._addresses(invoice_ids)
        sent: list[int] = []
        pending: list[int] = []
        without: list[int] = []
        for done, invoice_id in enumerate(invoice_ids, start=1):
            if cancelled is not None and cancelled():
                break
            if not addresses.get(invoice_id):
                without.append(invoice_id)
            elif self._delivery.send_email(invoice_id).delivered:
                sent.append(invoice_id)
            else:
                pending.append(invoice_id)
            if progress is not None:
                progress(done, len(invoice_ids))
        return RunDelivery(tuple(sent), tuple(pending), tuple(without), ())
