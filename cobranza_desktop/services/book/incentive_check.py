"""`cobranza check`: every discount the incentive rules say was earned was granted.

The storage queries bring the facts (set-based); the domain's own rules
(:func:`early_payment_discount`, :func:`punctuality_discount`) say what was earned, so the
check can never disagree with the code that grants. A rule is only held against what
happened after it was set (its ``since`` stamp): the past was never offered it.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from sqlalchemy.orm import Session

from cobranza_desktop.domain.incentives import (
    SettledInvoice,
    early_payment_discount,
    punctuality_discount,
)
from cobranza_desktop.domain.money import from_cents
from cobranza_desktop.services.billing.incentives import (
    EARLY_PAYMENT_SINCE_KEY,
    PUNCTUALITY_SINCE_KEY,
    load_early_payment_terms,
    load_punctuality_rule,
    rule_since,
)
from cobranza_desktop.storage.queries.book_check import (
    AllocationEvent,
    InvoiceEvent,
    PunctualityHistory,
    RewardEvent,
    early_payment_candidates,
    punctuality_history,
)


def missing_early_payment_discounts(session: Session) -> list[tuple[object, ...]]:
    """(payment id, invoice id) of each payment that earned a discount it did not get."""
    terms = load_early_payment_terms(session)
    since = rule_since(session, EARLY_PAYMENT_SINCE_KEY)
    if terms is None or since is None:
        return []
    missing: list[tuple[object, ...]] = []
    for row in early_payment_candidates(session, since):
        discount = early_payment_discount(
            terms,
            from_cents(row.invoice_total_cents),
            from_cents(row.invoice_total_cents - row.paid_before_cents),
            row.issue_date,
            row.payment_date,
            from_cents(row.cents),
        )
        if discount > 0:
            missing.append((row.payment_id, row.invoice_id))
    return missing


def _alive(
    created: datetime, ended: datetime | None, moment: datetime, *, ties_before: bool
) -> bool:
    """Whether a record existed at ``moment``. Records stamped at the very same moment
    (a fixed clock, one second) are taken as before or after it, as ``ties_before`` says."""
    began = created <= moment if ties_before else created < moment
    return began and (ended is None or ended > moment)


def _settled_at(
    invoice: InvoiceEvent,
    allocations: tuple[AllocationEvent, ...],
    moment: datetime,
    ties_before: bool,
) -> SettledInvoice | None:
    """The invoice as settled at ``moment`` (fully paid by allocations alive then)."""
    live = [
        a
        for a in allocations
        if _alive(a.created_at, a.undone_at, moment, ties_before=ties_before)
        and (a.payment_reversed_at is None or a.payment_reversed_at > moment)
    ]
    if not live or sum(a.amount_cents for a in live) < invoice.total_cents:
        return None
    return SettledInvoice(invoice.due_date, max(a.payment_date for a in live))


def _history_at(
    history: PunctualityHistory,
    mine: list[InvoiceEvent],
    target: InvoiceEvent,
    rewards: tuple[RewardEvent, ...],
    ties_before: bool,
) -> list[SettledInvoice]:
    """What the punctuality rule saw when ``target`` was issued.

    A reward stamped at the same moment counts as before: the lenient reading."""
    moment = target.created_at
    last = max(
        (
            r.granted_on
            for r in rewards
            if _alive(r.created_at, r.voided_at, moment, ties_before=True)
        ),
        default=None,
    )
    settled = []
    for other in mine:
        if other.id == target.id or not _alive(
            other.created_at, other.voided_at, moment, ties_before=ties_before
        ):
            continue
        found = _settled_at(other, history.allocations.get(other.id, ()), moment, ties_before)
        if found is None or found.paid_on > target.issue_date:
            continue  # the reward looks only at payments made by the invoice's issue date
        if last is None or found.paid_on > last:
            settled.append(found)
    return settled


def missing_punctuality_rewards(session: Session) -> list[tuple[object, ...]]:
    """(invoice id,) of each invoice issued while its customer had earned the reward,
    without it. The customer's history is rebuilt as it stood at the moment of issue."""
    rule = load_punctuality_rule(session)
    since = rule_since(session, PUNCTUALITY_SINCE_KEY)
    if rule is None or since is None:
        return []
    history = punctuality_history(session, since)
    by_customer: dict[int, list[InvoiceEvent]] = defaultdict(list)
    for invoice in history.invoices:
        by_customer[invoice.customer_id].append(invoice)
    missing: list[tuple[object, ...]] = []
    for customer_id, mine in by_customer.items():
        rewards = history.rewards.get(customer_id, ())
        for target in mine:
            if target.has_reward or target.lifecycle != "issued" or target.created_at < since:
                continue
            total = from_cents(target.total_cents)
            # Only when both readings of same-moment records agree it was earned: the
            # check must never cry wolf over a tie it cannot order.
            if all(
                punctuality_discount(rule, _history_at(history, mine, target, rewards, ties), total)
                > 0
                for ties in (False, True)
            ):
                missing.append((target.id,))
    return missing
