"""`cobranza prepay SUBSCRIPTION_ID [--months 6|12] [--accept --date D] [--json]`: the
prepayment offers of a monthly service: the quote (nothing written), the prepayments made,
or, with ``--accept``, the prepayment recorded as one payment kept for its periods."""

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
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.services.billing.prepayments import PrepaymentService


def register(subparsers: Any) -> None:
    parser = add_verb(subparsers, "prepay", json=True, help="prepayment offers of a service")
    parser.add_argument("subscription_id", type=int)
    parser.add_argument("--months", type=int, choices=[6, 12], default=None)
    parser.add_argument("--accept", action="store_true", help="record the prepayment")
    parser.add_argument("--date", type=parse_date_arg, default=None, metavar="YYYY-MM-DD")
    parser.add_argument("--reference", default="")


def run(args: argparse.Namespace) -> int:
    if args.accept and args.months is None:
        print(_("Indique --months 6 o 12 para aceptar una oferta."), file=sys.stderr)
        return EXIT_ERROR

    def action() -> int:
        with opened_book(args.book) as book:
            clock = clock_for(None)
            service = PrepaymentService(book, clock)
            if args.months is None:
                data: Any = plain(service.for_subscription(args.subscription_id))
            else:
                offer = next((o for o in service.offers() if o.months == args.months), None)
                if offer is None:
                    print(
                        _("No hay oferta de {months} meses.").format(months=args.months),
                        file=sys.stderr,
                    )
                    return EXIT_ERROR
                data = plain(
                    service.accept(
                        args.subscription_id,
                        offer,
                        args.date or clock.today(),
                        reference=args.reference,
                    )
                    if args.accept
                    else service.quote(args.subscription_id, offer)
                )
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return EXIT_OK

    return run_reporting_errors(action)
