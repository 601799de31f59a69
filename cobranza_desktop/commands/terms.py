"""`cobranza terms`: who signed the credit terms, and recording a signature.

cobranza terms --book B outdated [--json]      customers who signed an older version
cobranza terms --book B sign CUSTOMER_ID [--date YYYY-MM-DD]

The document itself: `cobranza pdf terms CUSTOMER_ID --out condiciones.pdf`.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import Any

from cobranza_desktop.commands._common import (
    EXIT_OK,
    add_global_options,
    add_verb,
    opened_book,
    parse_date_arg,
    run_reporting_errors,
)
from cobranza_desktop.domain.clock import SystemClock
from cobranza_desktop.domain.formatting import format_date
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.services.documents.credit_terms import CreditTermsService


def register(subparsers: Any) -> None:
    parser = add_verb(subparsers, "terms", help="credit terms: who is on an old version; sign")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    outdated = actions.add_parser("outdated", help="customers who signed an older version")
    add_global_options(outdated, json=True)
    sign = actions.add_parser("sign", help="record that a customer signed the current terms")
    add_global_options(sign)
    sign.add_argument("customer_id", type=int, metavar="CUSTOMER_ID")
    sign.add_argument("--date", type=parse_date_arg, default=None, metavar="YYYY-MM-DD")


def run(args: argparse.Namespace) -> int:
    def action() -> int:
        with opened_book(args.book) as book:
            service = CreditTermsService(book, SystemClock())
            if args.action == "sign":
                status = service.mark_signed(args.customer_id, args.date or date.today())
                print(
                    _("{name}: firmó la versión {version} el {day}").format(
                        name=status.customer_name,
                        version=status.signed_version,
                        day=format_date(status.signed_on or date.today()),
                    )
                )
                return EXIT_OK
            stale = service.outdated()
        if getattr(args, "json", False):
            rows = [
                {
                    "customer_id": s.customer_id,
                    "customer": s.customer_name,
                    "signed_on": s.signed_on.isoformat() if s.signed_on else None,
                    "signed_version": s.signed_version,
                    "current_version": s.current_version,
                    "changed": list(s.changed),
                }
                for s in stale
            ]
            print(json.dumps(rows, ensure_ascii=False, indent=2))
            return EXIT_OK
        for s in stale:
            print(
                _("{name}: firmó {old}, vigente {new}; cambió: {changed}").format(
                    name=s.customer_name,
                    old=s.signed_version,
                    new=s.current_version,
                    changed="; ".join(s.changed),
                )
            )
        return EXIT_OK

    return run_reporting_errors(action)
