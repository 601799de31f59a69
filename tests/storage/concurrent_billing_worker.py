"""One of several programs billing or issuing on the same server book at once (see
test_concurrent_billing.py): ``python -m tests.storage.concurrent_billing_worker VERB URL N``.

``bill``: one billing run up to TODAY. ``issue``: 60 invoices typed by hand for customer
N. It prints ``ready``, waits for a line on stdin (all start together), works, and prints
one JSON line.
"""

from __future__ import annotations

import json
import sys
from datetime import date

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.errors import ConflictError
from cobranza_desktop.domain.invoices import make_line
from cobranza_desktop.services.billing.billing_run import BillingRunService
from cobranza_desktop.services.billing.invoices import InvoiceDraft
from cobranza_desktop.services.book.workspace import open_workspace

TODAY = date(2026, 11, 22)


def main(argv: list[str]) -> int:
    verb, url, customer_id = argv[0], argv[1], int(argv[2])
    count = 60  # invoices a clerk types
    ws = open_workspace(url, FixedClock.on(TODAY), create=False)
    try:
        print("ready", flush=True)
        sys.stdin.readline()
        result: dict[str, object]
        if verb == "bill":
            try:
                billed = BillingRunService(ws.book, ws.clock).run()
                result = {"numbers": [i.number for i in billed.invoices], "conflict": False}
            except ConflictError:
                result = {"numbers": [], "conflict": True}  # refused whole: nothing written
        else:
            numbers = []
            for n in range(count):
                line = make_line(f"Servicio {n}", 1, "100.00")
                numbers.append(ws.invoices.issue(InvoiceDraft(customer_id, (line,), TODAY)).number)
            result = {"numbers": numbers}
    finally:
        ws.close()
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
