"""Proposing late charges: what the engine would charge on a day, and nothing is written.

Every invoice past due under an active policy (the customer's own or the business's) is
assessed by ``domain.penalties.assess_invoice`` against what was already charged on it;
invoices restructured in a payment plan that is current accrue nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from operator import itemgetter
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from cobranza_desktop.domain.extensions import penalty_due_date
from cobranza_desktop.domain.invoices import invoice_number
from cobranza_desktop.domain.money import ZERO
from cobranza_desktop.domain.penalties import (
    ChargeHistory,
    PenaltyBreakdown,
    PenaltyPolicy,
    resolve_policy,
)
from cobranza_desktop.domain.penalty_assessment import fee_triggers
from cobranza_desktop.domain.penalty_cents import CentsAssessor
from cobranza_desktop.domain.plans import PlanStatus
from cobranza_desktop.services import CancelCheck, ProgressCallback, never_cancel, no_progress
from cobranza_desktop.services.base.agenda_data import effective_due_dates, invoices_in_plans
from cobranza_desktop.services.base.bulk import bulk_allocation
from cobranza_desktop.services.base.extension_rule import load_extension_rule
from cobranza_desktop.services.penalties.policies import (
    load_business_policy,
    load_customer_policies,
)
from cobranza_desktop.storage.models import Customer, ImportBatch, Invoice
from cobranza_desktop.storage.models.collections import PaymentPlan
from cobranza_desktop.storage.queries.balances import credit_by_customer, net_of_credit
from cobranza_desktop.storage.queries.penalties import (
    CandidateRow,
    candidate_invoices,
    charge_history,
)


class ProposedCharge(NamedTuple):
    """A charge the engine would make, with its breakdown; ``(invoice_id, key)`` is unique.

    A named tuple (immutable): made by the ten thousand, where a frozen dataclass's
    guarded ``object.__setattr__`` per field cost five times as much to build."""

    customer_id: int
    customer_name: str
    invoice_id: int
    invoice_number: str
    breakdown: PenaltyBreakdown
    # False: the customer never signed the credit terms. By default they are charged
    # the legal rate only (``legal_rate``); charging them the contract's terms takes a
    # reason, written on the late-charge document.
    terms_signed: bool = True
    unsigned_reason: str = ""
    legal_rate: bool = False

    @property
    def key(self) -> str:
        return self.breakdown.key

    @property
    def amount(self) -> Decimal:
        return self.breakdown.amount

    @property
    def selection_key(self) -> tuple[int, str]:
        return (self.invoice_id, self.breakdown.key)


@dataclass(frozen=True)
class PenaltyProposal:
    as_of: date
    charges: tuple[ProposedCharge, ...]

    @property
    def total(self) -> Decimal:
        return sum((c.amount for c in self.charges), ZERO)

    def by_customer(self) -> dict[int, tuple[ProposedCharge, ...]]:
        grouped: dict[int, list[ProposedCharge]] = {}
        for charge in self.charges:
            grouped.setdefault(charge.customer_id, []).append(charge)
        return {k: tuple(v) for k, v in grouped.items()}

    def total_for(self, customer_id: int) -> Decimal:
        return sum((c.amount for c in self.charges if c.customer_id == customer_id), ZERO)

    def unsigned_customers(self) -> list[tuple[int, str]]:
        """The customers charged here who never signed the credit terms, by name."""
        found = {c.customer_id: c.customer_name for c in self.charges if not c.terms_signed}
        return sorted(found.items(), key=lambda item: (item[1], item[0]))


def _number(series: str, folio: int | None) -> str:
    return invoice_number(series, folio)


def invoices_in_current_plans(
    session: Session, as_of: date, customer_id: int | None = None
) -> set[int]:
    """Invoices restructured in a payment plan that is current on ``as_of``.

    They accrue nothing while the plan is kept (the plan has its own terms). If the plan
    breaks, the engine resumes from the last charged day.
    """
    query = select(PaymentPlan).where(
        PaymentPlan.status == PlanStatus.CURRENT.value, PaymentPlan.start_date <= as_of
    )
    if customer_id is not None:
        query = query.where(PaymentPlan.customer_id == customer_id)
    return invoices_in_plans(session, list(session.scalars(query)), as_of)


# An invoice's place among its customer's, oldest due first (C-level, over the tuple).
_BY_DUE = itemgetter(
    CandidateRow._fields.index("due_date"), CandidateRow._fields.index("invoice_id")
)


def _without_credit_covered(
    session: Session, rows: list[CandidateRow], as_of: date
) -> list[CandidateRow]:
    """Invoices the customer's unapplied credit paid in full on ``as_of`` (oldest due
    first) are not charged: a customer whose credit covers the debt owes no late fee or
    interest. Both sides as the book was on that day: the credit then, and each invoice's
    balance then (payments dated after it not counted)."""
    credits = credit_by_customer(session, {r.customer_id for r in rows}, as_of)
    if not credits:
        return rows
    by_customer: dict[int, list[CandidateRow]] = {}
    for r in rows:
        if r.customer_id in credits:
            by_customer.setdefault(r.customer_id, []).append(r)
    covered: set[int] = set()
    for cid, mine in by_customer.items():
        mine.sort(key=_BY_DUE)  # already so, as the candidates come: a pass to check
        owed = [
            (
                r.invoice_id,
                max(
                    r.total_cents - sum(c for on, c in r.payments if on <= as_of)
                    if r.payments
                    else r.total_cents,
                    0,
                ),
            )
            for r in mine
        ]
        left = net_of_credit(owed, credits[cid])
        # An invoice that owed nothing then is here for its last period of interest.
        covered.update(i for i, cents in owed if cents > 0 and left[i] == 0)
    return [r for r in rows if r.invoice_id not in covered] if covered else rows


def imported_on(session: Session, invoice_ids: Sequence[int]) -> dict[int, tuple[date, str]]:
    """The day each imported invoice entered the book (history is not business), and its
    own number (it has no folio of ours)."""
    found: dict[int, tuple[date, str]] = {}
    for start in range(0, len(invoice_ids), 500):
        chunk = invoice_ids[start : start + 500]
        rows = session.execute(
            select(Invoice.id, ImportBatch.created_at, Invoice.external_number)
            .join(ImportBatch, ImportBatch.id == Invoice.import_batch_id)
            .where(Invoice.id.in_(chunk))
        )
        found.update({i: (created.date(), number) for i, created, number in rows})
    return found


def history_until(
    policy: PenaltyPolicy, due_date: date, history: ChargeHistory, day: date
) -> ChargeHistory:
    """An imported invoice is charged nothing for the time up to its import: its fees
    due by that day count as settled, its interest as charged through that day (an
    import brings the past as history, not as penalties to charge now)."""
    before = frozenset(key for key, trigger in fee_triggers(policy, due_date) if trigger <= day)
    through = day
    if history.interest_through is not None and history.interest_through > through:
        through = history.interest_through
    return ChargeHistory(history.fee_keys | before, through)


def customers_without_signed_terms(session: Session, customer_ids: set[int]) -> set[int]:
    """Of ``customer_ids``, those that never signed the credit terms."""
    ids = sorted(customer_ids)
    unsigned: set[int] = set()
    for start in range(0, len(ids), 900):
        unsigned.update(
            session.scalars(
                select(Customer.id).where(
                    Customer.id.in_(ids[start : start + 900]), Customer.terms_signed_on.is_(None)
                )
            )
        )
    return unsigned


def propose_charges(
    session: Session,
    as_of: date,
    *,
    customer_id: int | None = None,
    progress: ProgressCallback = no_progress,
    cancelled: CancelCheck = never_cancel,
    unsigned_reason: str | None = None,
) -> list[ProposedCharge]:
    """Every charge due on ``as_of`` and not yet made, in the caller's session.

    Charges to customers without signed credit terms are marked ``terms_signed=False``.
    Without ``unsigned_reason`` their rate is the legal one (6 % a year, Código de
    Comercio art. 362, no fees): without a signature no other rate was agreed. With a
    reason (``""`` only to preview) they get the contract's terms, the reason attached.
    """
    business = load_business_policy(session)
    overrides = load_customer_policies(session, customer_id)
    if not business.is_active and not any(p.is_active for p in overrides.values()):
        progress(1.0)  # no terms charge anything: nothing to read
        return []
    with bulk_allocation():  # the rows are gone by its end: only the charges remain
        proposed = _assess(
            session,
            _rows_to_assess(session, as_of, customer_id, business, overrides),
            as_of,
            business,
            overrides,
            unsigned_reason,
            progress,
            cancelled,
        )
    progress(1.0)
    return proposed


def _rows_to_assess(
    session: Session,
    as_of: date,
    customer_id: int | None,
    business: PenaltyPolicy,
    overrides: dict[int, PenaltyPolicy],
) -> list[CandidateRow]:
    """The candidates under active terms, not in a current plan, not paid by credit."""
    in_plans = invoices_in_current_plans(session, as_of, customer_id)
    # Who has active terms, decided once per customer with their own (few), not per row.
    own_active = {cid for cid, own in overrides.items() if own.is_active}
    by_default = business.is_active
    rows = [
        r
        for r in candidate_invoices(session, as_of, customer_id)
        if r.invoice_id not in in_plans
        and (r.customer_id in own_active if r.customer_id in overrides else by_default)
    ]
    return _without_credit_covered(session, rows, as_of)


def _assess(
    session: Session,
    rows: list[CandidateRow],
    as_of: date,
    business: PenaltyPolicy,
    overrides: dict[int, PenaltyPolicy],
    unsigned_reason: str | None,
    progress: ProgressCallback,
    cancelled: CancelCheck,
) -> list[ProposedCharge]:
    """The charges of ``rows``: each invoice assessed against what it was charged already."""
    ids = [r.invoice_id for r in rows]
    history = charge_history(session, ids, as_of)
    imported = imported_on(session, [r.invoice_id for r in rows if r.import_batch_id is not None])
    rule = load_extension_rule(session)
    extended = effective_due_dates(session, ids, granted_by=as_of)  # not later ones
    legal = CentsAssessor(PenaltyPolicy.legal(), as_of)
    assessors: dict[int, CentsAssessor] = {}  # by customer: a few policies, many invoices
    no_history = ChargeHistory()
    proposed: list[ProposedCharge] = []
    append, _new = proposed.append, tuple.__new__
    for index, row in enumerate(rows):
        if index % 200 == 0:  # not per row: a check costs more than most assessments
            if cancelled():
                break
            progress(index / max(len(rows), 1))
        signed = row.terms_signed
        at_legal_rate = not signed and unsigned_reason is None
        assessor = legal if at_legal_rate else assessors.get(row.customer_id)
        if assessor is None:
            own = resolve_policy(business, overrides.get(row.customer_id))
            assessor = assessors[row.customer_id] = CentsAssessor(own, as_of)
        # An extension moves the day penalties start, unless the business says not.
        due = row.due_date
        if row.invoice_id in extended:
            due = penalty_due_date(due, extended[row.invoice_id], rule)
        past = history.get(row.invoice_id)
        charges_history = (
            ChargeHistory(past.fee_keys, past.interest_through) if past else no_history
        )
        number = invoice_number(row.series, row.folio)
        if row.invoice_id in imported:
            day, number = imported[row.invoice_id]
            charges_history = history_until(assessor.policy, row.due_date, charges_history, day)
        reason = "" if signed else unsigned_reason or ""
        for breakdown in assessor.assess(row.total_cents, due, row.payments, charges_history):
            # Straight from its fields, all given in order (see penalty_cents._one_balance).
            append(
                _new(
                    ProposedCharge,
                    (
                        row.customer_id,
                        row.customer_name,
                        row.invoice_id,
                        number,
                        breakdown,
                        signed,
                        reason,
                        at_legal_rate,
                    ),
                )
            )
    return proposed
