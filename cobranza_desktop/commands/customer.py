"""`cobranza customer ID WHAT [--json]`: one customer's records, for scripting and support.

WHAT is ``invoices`` (``--open`` for those with a balance), ``payments``, ``contacts``
(with what the contact policy forbids right now), ``incentives``, ``discounts`` (pending
next-payment discounts), ``risk``, ``indicators``, ``penalty-terms`` or ``negotiation``
(instalments over ``--months`` with and without penalties). ``--json`` prints the records
with their field names; amounts as decimal strings, dates ISO.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from cobranza_desktop.commands._common import (
    EXIT_OK,
    add_verb,
    clock_for,
    opened_book,
    run_reporting_errors,
)
from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.storage.database import Book

WHAT = (
    "invoices",
    "payments",
    "contacts",
    "incentives",
    "discounts",
    "risk",
    "indicators",
    "penalty-terms",
    "negotiation",
)


def register(subparsers: Any) -> None:
    parser = add_verb(subparsers, "customer", json=True, help="one customer's records")
    parser.add_argument("customer_id", type=int)
    parser.add_argument("what", choices=WHAT)
    parser.add_argument("--open", action="store_true", help="invoices: only those that owe")
    parser.add_argument("--months", type=int, default=6, help="negotiation: instalments")


def plain(value: Any) -> Any:
    """A view as JSON-ready data."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (Decimal, date, datetime)):
        return str(value) if isinstance(value, Decimal) else value.isoformat()
    return value


def _read(book: Book, clock: Clock, args: argparse.Namespace) -> Any:
    cid, what = args.customer_id, args.what
    if what == "invoices":
        from cobranza_desktop.services.billing.invoices import InvoiceService

        return InvoiceService(book, clock).for_customer(cid, open_only=args.open)
    if what == "payments":
        from cobranza_desktop.services.receivables.payments import PaymentService

        return PaymentService(book, clock).for_customer(cid)
    if what == "contacts":
        from cobranza_desktop.services.collections.contacts import ContactService

        contacts = ContactService(book, clock)
        return {
            "contacts": contacts.timeline(cid),
            "not_allowed_now": [v.label() for v in contacts.policy_violations(cid)],
        }
    if what == "incentives":
        from cobranza_desktop.services.billing.incentives import IncentiveService

        return IncentiveService(book, clock).grants(cid)
    if what == "discounts":
        from cobranza_desktop.services.collections.tools import CollectionToolsService

        return CollectionToolsService(book, clock).pending_discounts(cid)
    if what == "risk":
        from cobranza_desktop.services.customers.restrictions import RiskService

        return RiskService(book, clock).profile(cid)
    if what == "indicators":
        from cobranza_desktop.services.analytics.indicators import IndicatorsService

        return IndicatorsService(book, clock).for_customer(cid)
    from cobranza_desktop.services.penalties.engine import PenaltyService

    penalties = PenaltyService(book, clock)
    if what == "penalty-terms":
        return penalties.policy_for(cid)
    return penalties.negotiation_preview(cid, args.months)


def run(args: argparse.Namespace) -> int:
    def action() -> int:
        with opened_book(args.book) as book:
            data = plain(_read(book, clock_for(None), args))
        if getattr(args, "json", False):
            print(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            rows = data if isinstance(data, list) else [data]
            for row in rows:
                if isinstance(row, dict):
                    print("  ".join(f"{k}={v}" for k, v in row.items() if v not in ("", None)))
                else:
                    print(row)
        return EXIT_OK

    return run_reporting_errors(action)
