"""What a correction changes, and its log entry: balances before → after, in a session.

A correction is run between two snapshots of the customer's invoices and credit; the
difference is its preview (when the session is rolled back) or its log entry's details.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.formatting import format_money
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.domain.invoices import Lifecycle, invoice_number
from cobranza_desktop.domain.money import from_cents
from cobranza_desktop.services.base.corrections_log import CorrectionKind, log_correction
from cobranza_desktop.storage.models import Invoice, Payment
from cobranza_desktop.storage.queries.balances import customer_balance


@dataclass(frozen=True)
class BalanceChange:
    invoice_id: int
    number: str
    before: Decimal
    after: Decimal


@dataclass(frozen=True)
class CorrectionPreview:
    """What a correction changes: each invoice whose balance moves, and the credit."""

    customer_id: int
    lines: tuple[BalanceChange, ...]
    credit_before: Decimal
    credit_after: Decimal
    balance_before: Decimal
    balance_after: Decimal

    @property
    def changes_anything(self) -> bool:
        return bool(self.lines) or self.credit_before != self.credit_after

    def summary(self) -> str:
        """One line for the log: «A-00042: $1,000.00 → $0.00; saldo a favor …»."""
        parts = [
            f"{line.number}: {format_money(line.before)} → {format_money(line.after)}"
            for line in self.lines
        ]
        if self.credit_before != self.credit_after:
            parts.append(
                _("saldo a favor: {before} → {after}").format(
                    before=format_money(self.credit_before), after=format_money(self.credit_after)
                )
            )
        return "; ".join(parts)


@dataclass(frozen=True)
class Snapshot:
    invoices: dict[int, tuple[str, int]]  # id -> (number, balance in cents)
    credit_cents: int
    balance_cents: int


def snapshot(session: Session, customer_id: int) -> Snapshot:
    session.flush()
    rows = session.execute(
        select(
            Invoice.id,
            Invoice.series,
            Invoice.folio,
            Invoice.external_number,
            Invoice.total_cents - Invoice.paid_cents,
        ).where(Invoice.customer_id == customer_id, Invoice.lifecycle == Lifecycle.ISSUED.value)
    ).all()
    balance = customer_balance(session, customer_id)
    return Snapshot(
        {r[0]: (invoice_number(r[1], r[2], r[3]), int(r[4])) for r in rows},
        balance.credit_cents,
        balance.balance_cents,
    )


def compare(customer_id: int, before: Snapshot, after: Snapshot) -> CorrectionPreview:
    lines = []
    for invoice_id, (number, cents) in sorted(before.invoices.items()):
        later = after.invoices.get(invoice_id, (number, 0))[1]
        if later != cents:
            lines.append(BalanceChange(invoice_id, number, from_cents(cents), from_cents(later)))
    return CorrectionPreview(
        customer_id,
        tuple(lines),
        from_cents(before.credit_cents),
        from_cents(after.credit_cents),
        from_cents(before.balance_cents),
        from_cents(after.balance_cents),
    )


def require_reason(reason: str, message: str) -> str:
    if not reason.strip():
        raise ValidationError("reason", message)
    return reason.strip()


def payment_subject(payment: Payment) -> str:
    return _("Pago {payment_id} del {day}").format(
        payment_id=payment.id, day=payment.payment_date.isoformat()
    )


def logged(
    session: Session,
    customer_id: int,
    kind: CorrectionKind,
    subject: str,
    reason: str,
    now: datetime,
    change: Callable[[], None],
) -> CorrectionPreview:
    """Run ``change`` and log it with what it changed; returns that change."""
    before = snapshot(session, customer_id)
    change()
    preview = compare(customer_id, before, snapshot(session, customer_id))
    log_correction(
        session,
        customer_id,
        kind,
        subject=subject,
        reason=reason,
        details=preview.summary(),
        now=now,
    )
    return preview
