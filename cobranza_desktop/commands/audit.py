"""`cobranza audit [--customer ID] [--since D] [--json]`: who did what, and when."""

from __future__ import annotations

import argparse
import json
from typing import Any

from cobranza_desktop.commands._common import (
    EXIT_OK,
    add_verb,
    opened_book,
    parse_date_arg,
    run_reporting_errors,
)
from cobranza_desktop.domain.formatting import format_datetime
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.services.base.audit import AuditService, AuditView


def register(subparsers: Any) -> None:
    parser = add_verb(subparsers, "audit", json=True, help="print the audit trail")
    parser.add_argument("--customer", type=int, default=None, metavar="ID")
    parser.add_argument("--since", type=parse_date_arg, default=None, metavar="YYYY-MM-DD")
    parser.add_argument("--limit", type=int, default=None, metavar="N")


def entry_json(entry: AuditView) -> dict[str, Any]:
    return {
        "at": entry.at.isoformat(),
        "user": entry.login,
        "action": entry.action,
        "entity": entry.entity,
        "entity_id": entry.entity_id,
        "customer_id": entry.customer_id,
        "summary": entry.summary,
        "details": entry.details,
    }


def run(args: argparse.Namespace) -> int:
    def action() -> int:
        with opened_book(args.book) as book:
            entries = AuditService(book).entries(
                customer_id=args.customer, since=args.since, limit=args.limit
            )
        if args.json:
            print(
                json.dumps(
                    {"entries": [entry_json(e) for e in entries]}, ensure_ascii=False, indent=2
                )
            )
            return EXIT_OK
        if not entries:
            print(_("No hay movimientos registrados."))
        for e in entries:
            print(f"{format_datetime(e.at)}  {e.author}  {e.action_label}  {e.summary}".rstrip())
        return EXIT_OK

    return run_reporting_errors(action)
