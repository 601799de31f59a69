"""`cobranza penalties`: the penalties due on a date; with --apply, charge them.

Idempotent like the window's "Aplicar penalizaciones": running it twice, or after days
closed, never charges a period twice. Suitable for a daily scheduled task.

Customers who never signed the credit terms are listed with a warning; --apply leaves
them out unless --unsigned-reason says why they are charged anyway. --legal-rate-unsigned
proposes them only the legal 6 % (Código de Comercio art. 362): no other rate was agreed.
"""

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
from cobranza_desktop.domain.clock import SystemClock
from cobranza_desktop.domain.formatting import format_date, format_money
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.services.penalties.engine import PenaltyProposal, PenaltyService


def register(subparsers: Any) -> None:
    parser = add_verb(
        subparsers,
        "penalties",
        json=True,
        help="list the late fees and interest due; --apply charges them",
    )
    parser.add_argument("--as-of", type=parse_date_arg, default=None, metavar="YYYY-MM-DD")
    parser.add_argument("--apply", action="store_true", help="charge them (late-charge documents)")
    parser.add_argument(
        "--unsigned-reason",
        default="",
        metavar="TEXT",
        help="charge customers without signed credit terms too, for this reason",
    )
    parser.add_argument(
        "--legal-rate-unsigned",
        action="store_true",
        help="customers without signed terms: only the legal 6 %% a year, no fees",
    )


def to_json(proposal: PenaltyProposal, applied: bool) -> dict[str, object]:
    return {
        "as_of": proposal.as_of.isoformat(),
        "applied": applied,
        "charges": [
            {
                "customer_id": c.customer_id,
                "customer": c.customer_name,
                "invoice": c.invoice_number,
                "kind": c.breakdown.kind.value,
                "key": c.key,
                "period_start": c.breakdown.period_start.isoformat(),
                "period_end": c.breakdown.period_end.isoformat(),
                "days": c.breakdown.days,
                "base": str(c.breakdown.base),
                "amount": str(c.amount),
                "terms_signed": c.terms_signed,
            }
            for c in proposal.charges
        ],
        "unsigned_customers": [
            {"customer_id": cid, "customer": name} for cid, name in proposal.unsigned_customers()
        ],
        "total": str(proposal.total),
    }


def render(proposal: PenaltyProposal, applied: bool) -> str:
    title = _("Penalizaciones aplicadas al") if applied else _("Penalizaciones por aplicar al")
    lines = [f"{title} {format_date(proposal.as_of)}"]
    for c in proposal.charges:
        mark = "" if c.terms_signed else " *"
        lines.append(
            f"{c.customer_name[:30]:30}  {c.invoice_number:10}  "
            f"{c.breakdown.describe()}  {format_money(c.amount):>14}{mark}"
        )
    unsigned = proposal.unsigned_customers()
    if unsigned:
        lines.append(
            _("* Sin condiciones de crédito firmadas: {names}").format(
                names=", ".join(name for _id, name in unsigned)
            )
        )
    lines.append(
        _("{charges_count} cargos, total {total}").format(
            charges_count=len(proposal.charges), total=format_money(proposal.total)
        )
    )
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    def action() -> int:
        with opened_book(args.book) as book:
            service = PenaltyService(book, SystemClock())
            legal = args.legal_rate_unsigned
            # --apply computes the proposal once, inside its transaction.
            if args.apply:
                proposal = service.apply_due(
                    args.as_of, legal_for_unsigned=legal, unsigned_reason=args.unsigned_reason
                )
            else:
                proposal = service.propose(args.as_of, legal_for_unsigned=legal)
        if args.json:
            print(json.dumps(to_json(proposal, args.apply), ensure_ascii=False, indent=2))
        else:
            print(render(proposal, args.apply))
        return EXIT_OK

    return run_reporting_errors(action)
