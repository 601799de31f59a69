"""A worker for the kill -9 trials: writes invoices, payments, penalties and outbox sends
through the services, and logs each committed operation to a side file (fsync'd after
the commit), until it is killed.

python -m tests.storage.kill9_worker BOOK LOG RUN
"""

from __future__ import annotations

import os
import sys
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.invoices import make_line
from cobranza_desktop.services.billing.invoices import InvoiceDraft, InvoiceService
from cobranza_desktop.services.messaging.outbox import EmailDraft, OutboxService
from cobranza_desktop.services.penalties.engine import PenaltyService
from cobranza_desktop.services.receivables.payments import PaymentInput, PaymentService
from cobranza_desktop.storage.database import open_book

BASE = date(2026, 1, 1)
OPS_PER_RUN = 400  # far more than a run lives: each run's days never overlap the next's


def main(book_path: Path, log_path: Path, run: int, customer_id: int) -> None:
    log = os.open(log_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    with open_book(book_path) as book:
        for k in range(OPS_PER_RUN):
            day = BASE + timedelta(days=run * OPS_PER_RUN + k)
            clock = FixedClock.on(day)
            # Each run starts with a different kind of write, so that every kind is
            # committed (and then killed around) however slowly a loaded machine runs.
            kind = (k + run) % 4
            if kind == 0:
                line = make_line("Servicio", 1, "1000.00", tax_rate_percent="16")
                draft = InvoiceDraft(
                    customer_id, (line,), day - timedelta(days=45), day - timedelta(days=15)
                )
                ids = [f"invoices:{InvoiceService(book, clock).issue(draft).id}"]
            elif kind == 1:
                payment = PaymentService(book, clock).record(
                    PaymentInput(customer_id, Decimal("10.00"), day)
                )
                ids = [f"payments:{payment.id}"]
            elif kind == 2:
                applied = PenaltyService(book, clock).apply(day)
                ids = [f"penalty_charges:{c.id}" for c in applied.charges]
            else:
                outbox = OutboxService(book, clock, password_getter=lambda: None)
                queued, _ = outbox.queue_email(
                    EmailDraft(
                        f"kill9-{run}-{k}",
                        "ana@example.com",
                        "Aviso",
                        "Hola",
                        customer_id=customer_id,
                    )
                )
                sent = outbox.send(queued.id)  # no mail server: stays in the outbox, failed
                ids = [f"outbox_messages:{sent.id}"]
            if ids:
                os.write(log, ("\n".join(ids) + "\n").encode())
                os.fsync(log)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))
