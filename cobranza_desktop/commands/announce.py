"""`cobranza announce`: one message to a filtered set of customers.

cobranza announce --book B --title "Cierre navideño" --body-file aviso.txt
    [--channel email|whatsapp] [--subject "Aviso de {{ business_name }}"]
    [--to all|with_balance|with_subscription|status|risk] [--status S] [--rating A]
    [--send] [--date YYYY-MM-DD] [--json]

Without --send it only previews: how many customers get it, three samples, and who is
left out (contact cap, quiet hours, no address) and why. With --send, emails go through
the outbox; WhatsApp prints one link per customer, to open one by one.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from cobranza_desktop.commands._common import (
    EXIT_OK,
    add_verb,
    clock_for,
    opened_book,
    parse_date_arg,
    run_reporting_errors,
)
from cobranza_desktop.domain.contact_policy import Channel
from cobranza_desktop.domain.customer_status import CustomerStatus
from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.domain.risk import Rating
from cobranza_desktop.services.messaging.announcements import (
    Announcement,
    AnnouncementService,
    Audience,
    LeftOut,
    RenderedAnnouncement,
)
from cobranza_desktop.services.messaging.outbox import OutboxService


def register(subparsers: Any) -> None:
    parser = add_verb(
        subparsers, "announce", json=True, help="send one announcement to many customers"
    )
    parser.add_argument("--title", required=True)
    parser.add_argument("--body-file", type=Path, required=True, metavar="FILE.txt")
    parser.add_argument("--subject", default="")
    parser.add_argument("--channel", choices=["email", "whatsapp"], default="email")
    parser.add_argument("--to", choices=[a.value for a in Audience], default="all")
    parser.add_argument("--status", choices=[s.value for s in CustomerStatus], default=None)
    parser.add_argument("--rating", choices=[r.value for r in Rating], default=None)
    parser.add_argument("--send", action="store_true", help="send it (default: preview only)")
    parser.add_argument(
        "--date",
        type=parse_date_arg,
        default=None,
        metavar="YYYY-MM-DD",
        help="as on that day at 10:00 (like `send --date`); default: now",
    )


def _announcement(args: argparse.Namespace) -> Announcement:
    try:
        body = args.body_file.read_text(encoding="utf-8")
    except OSError as exc:
        raise ValidationError("body_file", str(exc)) from None
    return Announcement(
        title=args.title,
        channel=Channel(args.channel),
        subject=args.subject,
        body=body,
        audience=Audience(args.to),
        status=CustomerStatus(args.status) if args.status else None,
        rating=Rating(args.rating) if args.rating else None,
    )


def _rec(r: RenderedAnnouncement) -> dict[str, object]:
    return {"customer_id": r.customer_id, "customer": r.customer_name, "to": r.address,
            "subject": r.subject, "body": r.body, "link": r.link}  # fmt: skip


def _left(lo: LeftOut) -> dict[str, object]:
    return {
        "customer_id": lo.customer_id,
        "customer": lo.customer_name,
        "reasons": list(lo.reasons),
    }


def run(args: argparse.Namespace) -> int:
    def action() -> int:
        message = _announcement(args)
        with opened_book(args.book) as book:
            clock = clock_for(args.date)
            service = AnnouncementService(book, clock, OutboxService(book, clock))
            preview = service.preview(message)
            result = service.send(message) if args.send else None
        data: dict[str, object] = {
            "sent": bool(args.send),
            "recipients": preview.count,
            "samples": [_rec(r) for r in preview.samples],
            "left_out": [_left(lo) for lo in preview.left_out],
        }
        if result is not None:
            data["delivered"] = [_rec(r) for r in result.sent]
            data["links"] = [_rec(r) for r in result.links]
            data["failed"] = [{**_rec(r), "error": e} for r, e in result.failed]
        if args.json:
            print(json.dumps(data, ensure_ascii=False, indent=2))
            return EXIT_OK
        print(_("Destinatarios: {count}").format(count=preview.count))
        for lo in preview.left_out:
            print(
                _("Fuera: {name} ({reasons})").format(
                    name=lo.customer_name, reasons="; ".join(lo.reasons)
                )
            )
        if result is None:
            for r in preview.samples:
                print(f"--- {r.customer_name} <{r.address}>\n{r.body}")
            return EXIT_OK
        for r in result.sent:
            print(_("[enviado] {name} <{to}>").format(name=r.customer_name, to=r.address))
        for r, error in result.failed:
            print(
                _("[en bandeja] {name} <{to}>: {error}").format(
                    name=r.customer_name, to=r.address, error=error
                )
            )
        for r in result.links:
            print(f"{r.customer_name}: {r.link}")
        return EXIT_OK

    return run_reporting_errors(action)
