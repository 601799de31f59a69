"""`cobranza penalties`: the penalties due on a date; with --apply, charge them.

Idempotent like the window's "Aplicar penalizaciones": running it twice, or after days
closed, never charges a period twice. Suitable for a daily scheduled task.

Customers who never signed the credit terms are listed with a warning. They agreed no
rate, so they are proposed and charged only the legal 6 % a year (Código de Comercio
art. 362, no fees); --unsigned-reason TEXT charges them the contract's terms instead, the
reason written on each late-charge document.
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
from cobranza_desktop.domain.i18n import _, ngettext
from cobranza_desktop.services.penalties.engine import (
    PenaltyProposal,
    PenaltyService,
    checked_unsigned_reason,
)


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
        default=None,
        metavar="TEXT",
        help="charge customers without signed credit terms the contract's terms, for this "
        "reason (default: the legal 6 %% a year only)",
    )
    # The legal rate for unsigned customers is the default now; kept for old scripts.
    parser.add_argument("--legal-rate-unsigned", action="store_true", help=argparse.SUPPRESS)


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
                "legal_rate": c.legal_rate,
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
        if any(c.legal_rate for c in proposal.charges):
            lines.append(
                _(
                    "  Sin tasa pactada: solo el interés legal de 6 % anual (art. 362 del "
                    "Código de Comercio). Con --unsigned-reason se cobran las condiciones "
                    "del contrato."
                )
            )
    lines.append(
        ngettext(
            "{charges_count} cargo, total {total}",
            "{charges_count} cargos, total {total}",
            len(proposal.charges),
        ).format(charges_count=len(proposal.charges), total=format_money(proposal.total))
    )
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    def action() -> int:
        with opened_book(args.book) as book:
            service = PenaltyService(book, SystemClock())
            reason = args.unsigned_reason
            # --apply computes the proposal once, inside its transaction.
            if args.apply:
                proposal = service.apply_due(args.as_of, unsigned_reason=reason)
            else:
                checked_unsigned_reason(reason)  # a blank reason is refused before --apply too
                proposal = service.propose(args.as_of, contract_for_unsigned=reason is not None)
        if args.json:
            print(json.dumps(to_json(proposal, args.apply), ensure_ascii=False, indent=2))
        else:
            print(render(proposal, args.apply))
        return EXIT_OK

    return run_reporting_errors(action)
