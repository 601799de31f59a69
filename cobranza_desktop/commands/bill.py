"""`cobranza bill [--date D] [--dry-run] [--json]`: the subscriptions' billing run.

Bills every period due up to D (default today), each exactly once; running it again
bills nothing new. ``--dry-run`` shows what would be billed and writes nothing.
"""

from __future__ import annotations

import argparse
import json
from decimal import Decimal
from typing import Any

from cobranza_desktop.commands._common import (
    EXIT_OK,
    add_verb,
    clock_for,
    opened_book,
    parse_date_arg,
    run_reporting_errors,
)
from cobranza_desktop.domain.formatting import format_date, format_money
from cobranza_desktop.domain.i18n import _, ngettext
from cobranza_desktop.services.billing.billing_run import BillingPlan, BillingRunService


def register(subparsers: Any) -> None:
    parser = add_verb(subparsers, "bill", json=True, help="bill the subscriptions' periods due")
    parser.add_argument("--date", type=parse_date_arg, default=None, metavar="YYYY-MM-DD")
    parser.add_argument("--dry-run", action="store_true", help="show, write nothing")
    parser.add_argument(
        "--email",
        action="store_true",
        help="then email each new invoice with its PDF (through the outbox)",
    )


def _deliver(book: Any, clock: Any, invoice_ids: list[int]) -> dict[str, Any]:
    """After the run committed: each invoice by email, as the window's option does."""
    from cobranza_desktop.services.documents.printing import DocumentService
    from cobranza_desktop.services.messaging.invoice_delivery import InvoiceDeliveryService
    from cobranza_desktop.services.messaging.outbox import OutboxService
    from cobranza_desktop.services.messaging.run_delivery import RunDeliveryService

    outbox = OutboxService(book, clock)
    delivery = InvoiceDeliveryService(book, clock, outbox, DocumentService(book, clock))
    return RunDeliveryService(book, clock, delivery).deliver(invoice_ids).to_json()


def plan_json(plan: BillingPlan) -> dict[str, Any]:
    """The dry run in the shape of the run's JSON; numbers are empty until issued."""
    return {
        "date": plan.date.isoformat(),
        "dry_run": True,
        "invoices": [
            {
                "number": "",
                "customer_id": line.customer_id,
                "subscription_id": line.subscription_id,
                "period_start": line.period_start.isoformat(),
                "period_end": line.period_end.isoformat(),
                "issue_date": line.issue_date.isoformat(),
                "due_date": line.due_date.isoformat(),
                "total": str(line.total),
            }
            for line in plan.lines
            if line.outcome == "billed"
        ],
        "total": str(plan.total),
    }


def run(args: argparse.Namespace) -> int:
    def action() -> int:
        with opened_book(args.book) as book:
            clock = clock_for(args.date)
            service = BillingRunService(book, clock)
            if args.dry_run:
                plan = service.preview(args.date)
                data = plan_json(plan)
            else:
                result = service.run(args.date)
                data = result.to_json()
                if args.email:
                    data["email"] = _deliver(book, clock, [i.invoice_id for i in result.invoices])
        if args.json:
            print(json.dumps(data, ensure_ascii=False, indent=2))
            return EXIT_OK
        for row in data["invoices"]:
            number = row["number"] or _("(por emitir)")
            print(
                f"{number:<12} {row['period_start']} – {row['period_end']}  "
                f"{_('cliente')} {row['customer_id']:<6} "
                f"{format_money(Decimal(row['total'])):>14}"
            )
        day = format_date(parse_date_arg(data["date"]))
        count = len(data["invoices"])
        total = format_money(Decimal(data["total"]))
        if args.dry_run:
            print(
                ngettext(
                    "Se facturaría {count} periodo al {day}: {total}.",
                    "Se facturarían {count} periodos al {day}: {total}.",
                    count,
                ).format(count=count, day=day, total=total)
            )
        else:
            print(
                ngettext(
                    "Facturado {count} periodo al {day}: {total}.",
                    "Facturados {count} periodos al {day}: {total}.",
                    count,
                ).format(count=count, day=day, total=total)
            )
        if "email" in data:
            print(
                _(
                    "Por correo: {sent} enviadas, {pending} en la bandeja de salida, "
                    "{without_email} sin correo, {held} retenidas por el horario de contacto."
                ).format(**data["email"])
            )
        return EXIT_OK

    return run_reporting_errors(action)
