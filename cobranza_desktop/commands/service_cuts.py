"""`cobranza service-cuts [--date D] [--json]`: the technician's list (services to cut,
to reconnect); `--reconnect SUBSCRIPTION_ID --reason R` lifts a suspension."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from cobranza_desktop.commands._common import (
    EXIT_ERROR,
    EXIT_OK,
    add_verb,
    clock_for,
    opened_book,
    parse_date_arg,
    run_reporting_errors,
)
from cobranza_desktop.commands.customer import plain
from cobranza_desktop.domain.formatting import format_money
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.services.collections.service_cuts import ServiceCutService


def register(subparsers: Any) -> None:
    parser = add_verb(subparsers, "service-cuts", json=True, help="services to cut or reconnect")
    parser.add_argument("--date", type=parse_date_arg, default=None, metavar="YYYY-MM-DD")
    parser.add_argument("--reconnect", type=int, default=None, metavar="SUBSCRIPTION_ID")
    parser.add_argument("--reason", default="")


def run(args: argparse.Namespace) -> int:
    if args.reconnect is not None and not args.reason.strip():
        print(_("Indique --reason para reconectar."), file=sys.stderr)
        return EXIT_ERROR

    def action() -> int:
        with opened_book(args.book) as book:
            service = ServiceCutService(book, clock_for(None))
            if args.reconnect is not None:
                done = service.reconnect(args.reconnect, args.reason)
                print(_("Reconectado; cargo: {fee}.").format(fee=format_money(done.fee)))
                return EXIT_OK
            listing = service.technician_list(args.date)
        if getattr(args, "json", False):
            print(json.dumps(plain(listing), ensure_ascii=False, indent=2))
            return EXIT_OK
        for title, tasks in (
            (_("Cortar"), listing.to_cut),
            (_("Reconectar"), listing.to_reconnect),
        ):
            print(f"{title}: {len(tasks)}")
            for task in tasks:
                print(f"  {task.subscription_id}  {task.customer_name}  {task.description}")
        return EXIT_OK

    return run_reporting_errors(action)
