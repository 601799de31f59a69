"""One of several programs writing the same server book at once (see
test_concurrent_writers.py): ``python -m tests.storage.concurrent_worker VERB URL ...``.

It opens the book, prints ``ready``, waits for a line on stdin (so that every worker
starts at the same moment), does its work and prints one JSON line with what it did.
"""

from __future__ import annotations

import json
import random
import sys
from datetime import date

from cobranza_desktop.domain.allocation import Allocation as AllocationInput
from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.errors import CobranzaError
from cobranza_desktop.domain.invoices import make_line
from cobranza_desktop.services.billing.invoices import InvoiceDraft
from cobranza_desktop.services.book.workspace import Workspace, open_workspace
from cobranza_desktop.services.receivables.payments import PaymentInput

TODAY = date(2026, 11, 22)


def issue(ws: Workspace, customer_id: int, count: int) -> dict[str, object]:
    numbers = []
    for n in range(count):
        line = make_line(f"Servicio {n}", 1, "100.00", tax_rate_percent="16")
        view = ws.invoices.issue(InvoiceDraft(customer_id, (line,), date(2026, 11, 1)))
        numbers.append(view.number)
    return {"numbers": numbers}


def pay(ws: Workspace, customer_id: int, count: int, seed: int) -> dict[str, object]:
    rng = random.Random(seed)
    recorded = refused = 0
    for _ in range(count):
        amount = f"{rng.randint(1, 1500)}.{rng.randint(0, 99):02d}"
        allocations = None
        if rng.random() < 0.5:  # by hand: all of it to one open invoice, as a clerk would
            items = ws.payments.open_items(customer_id)
            if items:
                target = rng.choice(items)
                amount = str(target.balance)  # exactly its balance, read before the lock
                allocations = (AllocationInput(target.invoice_id, amount),)
        try:
            ws.payments.record(PaymentInput(customer_id, amount, TODAY, allocations=allocations))
            recorded += 1
        except CobranzaError:
            refused += 1  # another clerk paid that invoice first: refused, nothing written
    return {"recorded": recorded, "refused": refused}


def main(argv: list[str]) -> int:
    verb, url, customer_id, count = argv[0], argv[1], int(argv[2]), int(argv[3])
    seed = int(argv[4]) if len(argv) > 4 else 0
    ws = open_workspace(url, FixedClock.on(TODAY), create=False)
    try:
        print("ready", flush=True)
        sys.stdin.readline()
        result = (
            issue(ws, customer_id, count) if verb == "issue" else pay(ws, customer_id, count, seed)
        )
    finally:
        ws.close()
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
