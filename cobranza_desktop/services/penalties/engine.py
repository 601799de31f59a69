"""Penalties: the contract policy, proposing and applying late charges, waiving them.

A late charge (cargo moratorio) is an invoice of kind ``late_charge`` in series
:data:`LATE_CHARGE_SERIES`, linked to its invoice by ``parent_invoice_id``, with one line
and no tax. It therefore shows in balances, aging and statements as its own kind of line,
and payments are allocated to it like to any invoice. A :class:`PenaltyCharge` row keeps
its natural key (``fee``, ``fee:stage:30``, ``interest:<period end>``) and breakdown:
a period is never charged twice, however often the engine runs.

Where it lives: this module holds :class:`PenaltyService` and :func:`notice_penalty_lines`
and exports the whole service API. Proposing charges is in ``penalties.proposals``,
booking, waiving and reading them in ``penalties.charges``, and where the policies
are kept in ``penalties.policies``.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from cobranza_desktop.documents.data import OverdueInvoiceData, PenaltyLineData, RatePeriod
from cobranza_desktop.domain.access import Permission
from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.errors import ConflictError, ValidationError
from cobranza_desktop.domain.extensions import ExtensionCharges
from cobranza_desktop.domain.formatting import format_date
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.domain.invoices import InvoiceKind
from cobranza_desktop.domain.money import ZERO, from_cents
from cobranza_desktop.domain.penalties import (
    ChargeKind,
    InstalmentPreview,
    PenaltyPolicy,
    instalment_preview,
    resolve_policy,
)
from cobranza_desktop.domain.validation import check_date
from cobranza_desktop.services import CancelCheck, ProgressCallback, never_cancel, no_progress
from cobranza_desktop.services.base.access import require
from cobranza_desktop.services.base.extension_rule import load_extension_rule, save_extension_rule
from cobranza_desktop.services.customers.records import get_customer
from cobranza_desktop.services.penalties.charges import (
    LATE_CHARGE_SERIES,
    AppliedPenalties,
    ChargeView,
    book_charges,
    list_charges,
    waive_charge,
)
from cobranza_desktop.services.penalties.policies import (
    POLICY_KEY,
    customers_with_own_policy,
    load_business_policy,
    load_customer_policies,
    store_business_policy,
    store_customer_policy,
)
from cobranza_desktop.services.penalties.proposals import (
    PenaltyProposal,
    ProposedCharge,
    invoices_in_current_plans,
    propose_charges,
)
from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.models import Invoice
from cobranza_desktop.storage.queries.penalties import charges_after
from cobranza_desktop.storage.queries.predicates import open_invoice

__all__ = [
    "LATE_CHARGE_SERIES",
    "POLICY_KEY",
    "AppliedPenalties",
    "ChargeView",
    "CustomerPenaltySummary",
    "PenaltyProposal",
    "PenaltyService",
    "ProposedCharge",
    "book_charges",
    "invoices_in_current_plans",
    "load_business_policy",
    "load_customer_policies",
    "propose_charges",
]


@dataclass(frozen=True)
class CustomerPenaltySummary:
    """For the customer file: the terms and the penalties accrued to date."""

    customer_id: int
    as_of: date
    policy: PenaltyPolicy
    own_policy: bool
    charged: Decimal  # charges made and not waived
    charged_open: Decimal  # what those charges still owe
    waived: Decimal
    pending: Decimal  # accrued to date, not yet charged

    @property
    def accrued_to_date(self) -> Decimal:
        return self.charged + self.pending


def _with_unsigned_reason(chosen: list[ProposedCharge], reason: str | None) -> list[ProposedCharge]:
    """Charges to unsigned customers carry the reason; without one they are left out."""
    if reason is None:
        return chosen
    if not reason:
        return [p for p in chosen if p.terms_signed]
    return [p if p.terms_signed else replace(p, unsigned_reason=reason) for p in chosen]


class _Cancelled(Exception):
    """Raised inside the transaction to roll it back when the user cancels."""


class PenaltyService:
    def __init__(self, book: Book, clock: Clock) -> None:
        self._book = book
        self._clock = clock

    # -- policy ------------------------------------------------------------------------------

    def business_policy(self) -> PenaltyPolicy:
        with self._book.session() as session:
            return load_business_policy(session)

    def set_business_policy(self, policy: PenaltyPolicy) -> PenaltyPolicy:
        with self._book.transaction() as session:
            require(session, Permission.SETTINGS)
            store_business_policy(session, policy)
        return policy

    def extension_rule(self) -> ExtensionCharges:
        """From which date an extended invoice accrues penalties (default: the new date)."""
        with self._book.session() as session:
            return load_extension_rule(session)

    def set_extension_rule(self, rule: ExtensionCharges) -> None:
        with self._book.transaction() as session:
            require(session, Permission.SETTINGS)
            save_extension_rule(session, ExtensionCharges.parse(rule))

    def customer_policy(self, customer_id: int) -> PenaltyPolicy | None:
        """The customer's own terms, or ``None`` when the business policy applies."""
        with self._book.session() as session:
            get_customer(session, customer_id)
            return load_customer_policies(session, customer_id).get(customer_id)

    def set_customer_policy(self, customer_id: int, policy: PenaltyPolicy | None) -> None:
        """Give a customer their own terms, or ``None`` to go back to the business policy."""
        with self._book.transaction() as session:
            require(session, Permission.BOOKKEEPING)
            get_customer(session, customer_id)
            store_customer_policy(session, customer_id, policy, self._clock.now())

    def policy_for(self, customer_id: int) -> PenaltyPolicy:
        with self._book.session() as session:
            get_customer(session, customer_id)
            own = load_customer_policies(session, customer_id).get(customer_id)
            return resolve_policy(load_business_policy(session), own)

    # -- proposing and applying ----------------------------------------------------------------

    def _as_of(self, as_of: date | None) -> date:
        today = self._clock.today()
        if as_of is None:
            return today
        if as_of > today:
            raise ValidationError(
                "as_of",
                _("No se pueden calcular penalizaciones para una fecha futura."),
            )
        return check_date(as_of, "as_of")

    def propose(
        self,
        as_of: date | None = None,
        *,
        customer_id: int | None = None,
        progress: ProgressCallback = no_progress,
        cancelled: CancelCheck = never_cancel,
        legal_for_unsigned: bool = False,
    ) -> PenaltyProposal:
        """What would be charged on ``as_of`` (default today). Writes nothing.

        Customers without signed credit terms are marked (``unsigned_customers()``); with
        ``legal_for_unsigned`` they are proposed the legal 6 % only.
        """
        day = self._as_of(as_of)
        with self._book.session() as session:
            if customer_id is not None:
                get_customer(session, customer_id)
            charges = propose_charges(
                session,
                day,
                customer_id=customer_id,
                progress=progress,
                cancelled=cancelled,
                legal_for_unsigned=legal_for_unsigned,
            )
        return PenaltyProposal(day, tuple(charges))

    def apply(
        self,
        as_of: date | None = None,
        *,
        selected: Collection[tuple[int, str]] | None = None,
        customer_id: int | None = None,
        progress: ProgressCallback = no_progress,
        cancelled: CancelCheck = never_cancel,
        legal_for_unsigned: bool = False,
        unsigned_reason: str | None = None,
    ) -> AppliedPenalties:
        """Charge what is due on ``as_of``, in one transaction.

        The proposal is computed again inside the transaction, so what was already charged
        (by an earlier run, or another window) is never charged twice. ``selected`` limits
        it to some ``(invoice_id, key)`` pairs of the preview; ``None`` applies them all.
        A cancelled run writes nothing.

        Charging a customer who never signed the credit terms is what the preview warns
        about: when ``unsigned_reason`` is given (the window and the CLI always give
        one, or ``""`` to leave those customers out), it must say why, and it is written
        on each of their late-charge documents. ``None`` keeps the scripted behaviour.
        """
        day = self._as_of(as_of)
        _, applied = self._charge(
            day, selected, customer_id, progress, cancelled, legal_for_unsigned, unsigned_reason
        )
        return AppliedPenalties(day, tuple(applied))

    def apply_due(
        self,
        as_of: date | None = None,
        *,
        progress: ProgressCallback = no_progress,
        cancelled: CancelCheck = never_cancel,
        legal_for_unsigned: bool = False,
        unsigned_reason: str | None = None,
    ) -> PenaltyProposal:
        """Charge everything due on ``as_of`` and return what was charged, as proposed:
        one proposal, computed in the transaction (``cobranza penalties --apply``)."""
        day = self._as_of(as_of)
        chosen, applied = self._charge(
            day, None, None, progress, cancelled, legal_for_unsigned, unsigned_reason
        )
        made = {(c.invoice_id, c.key) for c in applied}
        return PenaltyProposal(day, tuple(c for c in chosen if c.selection_key in made))

    def _charge(
        self,
        day: date,
        selected: Collection[tuple[int, str]] | None,
        customer_id: int | None,
        progress: ProgressCallback,
        cancelled: CancelCheck,
        legal_for_unsigned: bool,
        unsigned_reason: str | None,
    ) -> tuple[list[ProposedCharge], list[ChargeView]]:
        reason = None if unsigned_reason is None else unsigned_reason.strip()
        now = self._clock.now()
        wanted = None if selected is None else set(selected)
        applied: list[ChargeView] = []
        try:
            with self._book.transaction() as session:
                require(session, Permission.BOOKKEEPING)
                refuse_if_charged_later(session, day)
                proposed = propose_charges(
                    session,
                    day,
                    customer_id=customer_id,
                    progress=lambda f: progress(f / 2),
                    cancelled=cancelled,
                    legal_for_unsigned=legal_for_unsigned,
                )
                chosen = [p for p in proposed if wanted is None or p.selection_key in wanted]
                chosen = _with_unsigned_reason(chosen, reason)
                chunk = 500
                for start in range(0, len(chosen), chunk):
                    if cancelled():
                        raise _Cancelled
                    applied.extend(book_charges(session, chosen[start : start + chunk], day, now))
                    progress(0.5 + min(start + chunk, len(chosen)) / (2 * len(chosen)))
                if cancelled():
                    raise _Cancelled
        except _Cancelled:
            return [], []
        progress(1.0)
        return chosen, applied

    def waive(self, charge_id: int, reason: str, *, recompute: bool = False) -> ChargeView:
        """Waive (condonar) a charge: its document is voided with the reason, never deleted.

        Money already applied to it goes back to the customer's credit. A plain waiver
        forgives: the period stays charged-and-waived. With ``recompute`` it corrects: the
        period (and the later interest periods of the invoice) are charged again by the next
        ``apply``, from the book as it is then (see ``docs/penalties.md``).
        """
        with self._book.transaction() as session:
            require(session, Permission.BOOKKEEPING)
            return waive_charge(session, charge_id, reason, self._clock.now(), recompute=recompute)

    # -- reading -------------------------------------------------------------------------------

    def notice_lines(
        self, customer_id: int, overdue: Sequence[OverdueInvoiceData], today: date
    ) -> tuple[PenaltyLineData, ...]:
        """The penalty figures a notice dated ``today`` shows (see notice_penalty_lines)."""
        with self._book.session() as session:
            return notice_penalty_lines(session, customer_id, overdue, today)

    def charges(
        self, *, customer_id: int | None = None, invoice_id: int | None = None
    ) -> list[ChargeView]:
        """Charges made, newest first, waived ones included."""
        with self._book.session() as session:
            return list_charges(session, customer_id=customer_id, invoice_id=invoice_id)

    def customer_summary(
        self, customer_id: int, as_of: date | None = None
    ) -> CustomerPenaltySummary:
        day = self._as_of(as_of)
        with self._book.session() as session:
            get_customer(session, customer_id)
            own = load_customer_policies(session, customer_id).get(customer_id)
            policy = resolve_policy(load_business_policy(session), own)
            pending = sum(
                (p.amount for p in propose_charges(session, day, customer_id=customer_id)),
                ZERO,
            )
        made = self.charges(customer_id=customer_id)
        return CustomerPenaltySummary(
            customer_id=customer_id,
            as_of=day,
            policy=policy,
            own_policy=own is not None,
            charged=sum((c.amount for c in made if not c.waived), ZERO),
            charged_open=sum((c.balance for c in made), ZERO),
            waived=sum((c.amount for c in made if c.waived), ZERO),
            pending=pending,
        )

    def negotiation_preview(
        self, customer_id: int, months: int, as_of: date | None = None
    ) -> InstalmentPreview:
        """Monthly instalments for the customer's overdue balance, with and without penalties.

        Penalties = late charges still owed + what has accrued and is not yet charged.
        """
        day = self._as_of(as_of)
        with self._book.session() as session:
            get_customer(session, customer_id)
            overdue_cents = 0
            open_charges_cents = 0
            for invoice in session.scalars(
                select(Invoice).where(
                    Invoice.customer_id == customer_id,
                    open_invoice(),
                )
            ):
                owed = invoice.total_cents - invoice.paid_cents
                if invoice.kind == InvoiceKind.LATE_CHARGE.value:
                    open_charges_cents += owed
                elif invoice.due_date < day:
                    overdue_cents += owed
            pending = sum(
                (p.amount for p in propose_charges(session, day, customer_id=customer_id)),
                ZERO,
            )
        return instalment_preview(
            from_cents(overdue_cents), months, from_cents(open_charges_cents) + pending
        )

    def customers_with_own_policy(self) -> list[tuple[int, str]]:
        with self._book.session() as session:
            return customers_with_own_policy(session)


def refuse_if_charged_later(session: Session, day: date) -> None:
    """Charges are booked in date order: booking as of a day before charges already made
    would charge their periods a second time."""
    if charges_after(session, day):
        raise ConflictError(
            _(
                "Ya hay cargos calculados después del {day}: los recargos solo se aplican "
                "a esa fecha o a una posterior."
            ).format(day=format_date(day))
        )


def notice_penalty_lines(
    session: Session, customer_id: int, overdue: Sequence[OverdueInvoiceData], today: date
) -> tuple[PenaltyLineData, ...]:
    """The penalty figures of a penalty notice, in the caller's session.

    One line per invoice with what has accrued on it and is **not yet charged** on the
    notice date, plus the late charges booked and still owed that the notice does not list
    among the overdue items (those due on the notice date itself). Charges that are
    overdue are listed there, so nothing is counted twice.
    """
    proposal = propose_charges(session, today, customer_id=customer_id)
    own = load_customer_policies(session, customer_id).get(customer_id)
    policy = resolve_policy(load_business_policy(session), own)
    lines: list[PenaltyLineData] = []
    for invoice_number, group in _group_by_invoice(proposal):
        fees = [c.breakdown for c in group if c.breakdown.kind is ChargeKind.FEE]
        interest = next(
            (c.breakdown for c in group if c.breakdown.kind is ChargeKind.INTEREST), None
        )
        fee = sum((f.amount for f in fees), ZERO)
        interest_amount = interest.amount if interest is not None else ZERO
        base = interest.base if interest is not None else fees[0].base
        lines.append(
            PenaltyLineData(
                concept=_("Factura {invoice_number} (por cargar)").format(
                    invoice_number=invoice_number
                ),
                base=base,
                fee=fee,
                rate_percent=policy.annual_rate_percent,
                rate_period=RatePeriod.ANNUAL,
                days=interest.days if interest is not None else 0,
                day_basis=policy.day_basis,
                interest=interest_amount,
                amount=fee + interest_amount,
            )
        )
    listed = {o.number for o in overdue}
    for charge in list_charges(session, customer_id=customer_id):
        if charge.balance <= 0 or charge.charge_number in listed:
            continue
        is_fee = charge.kind is ChargeKind.FEE
        lines.append(
            PenaltyLineData(
                concept=_("Cargo {charge_number} (factura {invoice_number})").format(
                    charge_number=charge.charge_number, invoice_number=charge.invoice_number
                ),
                base=charge.base,
                fee=charge.balance if is_fee else ZERO,
                rate_percent=charge.annual_rate_percent,
                rate_period=RatePeriod.ANNUAL,
                days=charge.days,
                day_basis=charge.day_basis,
                interest=ZERO if is_fee else charge.balance,
                amount=charge.balance,
            )
        )
    return tuple(lines)


def _group_by_invoice(
    charges: Sequence[ProposedCharge],
) -> list[tuple[str, list[ProposedCharge]]]:
    groups: dict[int, tuple[str, list[ProposedCharge]]] = {}
    for charge in charges:
        groups.setdefault(charge.invoice_id, (charge.invoice_number, []))[1].append(charge)
    return list(groups.values())
