"""Penalties: the contract policy, proposing and applying late charges, waiving them.

A late charge (cargo moratorio) is an invoice of kind ``late_charge`` in series
:data:`LATE_CHARGE_SERIES`, linked to its invoice by ``parent_invoice_id``, with one line
and no tax. It therefore shows in balances, aging and statements as its own kind of line,
and payments are allocated to it like to any invoice. A :class:`PenaltyCharge` row keeps
its natural key (``fee``, ``fee:stage:30``, ``interest:<period end>``) and breakdown:
a period is never charged twice, however often the engine runs.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.errors import ConflictError, NotFoundError, ValidationError
from cobranza_desktop.domain.i18n import tr
from cobranza_desktop.domain.invoices import InvoiceKind, LineInput, format_number
from cobranza_desktop.domain.money import ZERO, from_cents, to_cents
from cobranza_desktop.domain.penalties import (
    ChargeHistory,
    ChargeKind,
    InstalmentPreview,
    InvoiceFacts,
    PaymentEvent,
    PenaltyBreakdown,
    PenaltyPolicy,
    assess_invoice,
    instalment_preview,
    resolve_policy,
)
from cobranza_desktop.services import CancelCheck, ProgressCallback, never_cancel, no_progress
from cobranza_desktop.services.customers import get_customer
from cobranza_desktop.services.invoices import InvoiceDraft, create_invoice, void_invoice
from cobranza_desktop.services.settings import read_setting, write_setting
from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.models import Customer, Invoice
from cobranza_desktop.storage.models.penalties import CustomerPenaltyPolicy, PenaltyCharge
from cobranza_desktop.storage.queries.penalties import (
    candidate_invoices,
    charge_history,
    payments_by_invoice,
)

POLICY_KEY = "penalties.policy"
LATE_CHARGE_SERIES = "CM"


@dataclass(frozen=True)
class ProposedCharge:
    """A charge the engine would make, with its breakdown; ``(invoice_id, key)`` is unique."""

    customer_id: int
    customer_name: str
    invoice_id: int
    invoice_number: str
    breakdown: PenaltyBreakdown

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


@dataclass(frozen=True)
class ChargeView:
    id: int
    customer_id: int
    invoice_id: int
    invoice_number: str
    charge_invoice_id: int
    charge_number: str
    kind: ChargeKind
    key: str
    as_of: date
    period_start: date
    period_end: date
    base: Decimal
    annual_rate_percent: Decimal
    day_basis: int
    days: int
    amount: Decimal
    paid: Decimal
    waived_at: datetime | None
    waive_reason: str

    @property
    def waived(self) -> bool:
        return self.waived_at is not None

    @property
    def balance(self) -> Decimal:
        return ZERO if self.waived else self.amount - self.paid


@dataclass(frozen=True)
class AppliedPenalties:
    as_of: date
    charges: tuple[ChargeView, ...]

    @property
    def total(self) -> Decimal:
        return sum((c.amount for c in self.charges), ZERO)


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


def _number(series: str, folio: int | None) -> str:
    return format_number(series, folio) if folio else ""


def load_business_policy(session: Session) -> PenaltyPolicy:
    data = read_setting(session, POLICY_KEY)
    return PenaltyPolicy.none() if data is None else PenaltyPolicy.from_dict(data)


def load_customer_policies(
    session: Session, customer_id: int | None = None
) -> dict[int, PenaltyPolicy]:
    query = select(CustomerPenaltyPolicy)
    if customer_id is not None:
        query = query.where(CustomerPenaltyPolicy.customer_id == customer_id)
    return {
        row.customer_id: PenaltyPolicy.from_dict(json.loads(row.policy_json))
        for row in session.scalars(query)
    }


def propose_charges(
    session: Session,
    as_of: date,
    *,
    customer_id: int | None = None,
    progress: ProgressCallback = no_progress,
    cancelled: CancelCheck = never_cancel,
) -> list[ProposedCharge]:
    """Every charge due on ``as_of`` and not yet made, in the caller's session."""
    business = load_business_policy(session)
    overrides = load_customer_policies(session, customer_id)
    rows = [
        r
        for r in candidate_invoices(session, as_of, customer_id)
        if resolve_policy(business, overrides.get(r.customer_id)).is_active
    ]
    ids = [r.invoice_id for r in rows]
    payments = payments_by_invoice(session, ids)
    history = charge_history(session, ids)
    proposed: list[ProposedCharge] = []
    for index, row in enumerate(rows):
        if cancelled():
            break
        if index % 200 == 0:
            progress(index / max(len(rows), 1))
        policy = resolve_policy(business, overrides.get(row.customer_id))
        facts = InvoiceFacts(
            principal=from_cents(row.total_cents),
            due_date=row.due_date,
            payments=tuple(
                PaymentEvent(on, from_cents(cents))
                for on, cents in payments.get(row.invoice_id, [])
            ),
        )
        past = history.get(row.invoice_id)
        charges_history = (
            ChargeHistory(past.fee_keys, past.interest_through) if past else ChargeHistory()
        )
        for breakdown in assess_invoice(policy, facts, as_of, charges_history):
            proposed.append(
                ProposedCharge(
                    customer_id=row.customer_id,
                    customer_name=row.customer_name,
                    invoice_id=row.invoice_id,
                    invoice_number=_number(row.series, row.folio),
                    breakdown=breakdown,
                )
            )
    progress(1.0)
    return proposed


def _charge_view(charge: PenaltyCharge, parent: Invoice, document: Invoice) -> ChargeView:
    return ChargeView(
        id=charge.id,
        customer_id=charge.customer_id,
        invoice_id=charge.invoice_id,
        invoice_number=_number(parent.series, parent.folio),
        charge_invoice_id=charge.charge_invoice_id,
        charge_number=_number(document.series, document.folio),
        kind=ChargeKind(charge.kind),
        key=charge.charge_key,
        as_of=charge.as_of,
        period_start=charge.period_start,
        period_end=charge.period_end,
        base=from_cents(charge.base_cents),
        annual_rate_percent=charge.annual_rate_percent,
        day_basis=charge.day_basis,
        days=charge.days,
        amount=from_cents(charge.amount_cents),
        paid=from_cents(document.paid_cents),
        waived_at=charge.waived_at,
        waive_reason=charge.waive_reason,
    )


def _segments_json(breakdown: PenaltyBreakdown) -> str:
    return json.dumps(
        [
            {
                "start": s.start.isoformat(),
                "end": s.end.isoformat(),
                "balance": str(s.balance),
                "days": s.days,
                "amount": str(s.amount),
                "capped": s.capped,
            }
            for s in breakdown.segments
        ]
    )


def book_charge(
    session: Session, proposed: ProposedCharge, as_of: date, now: datetime
) -> tuple[PenaltyCharge, Invoice]:
    """Write one late-charge document and its record, in the caller's transaction."""
    b = proposed.breakdown
    document = create_invoice(
        session,
        InvoiceDraft(
            customer_id=proposed.customer_id,
            lines=(LineInput(b.describe(), Decimal(1), b.amount, ZERO, ZERO),),
            issue_date=as_of,
            due_date=as_of,
            notes=tr(
                f"Cargo moratorio de la factura {proposed.invoice_number}",
                f"Late charge on invoice {proposed.invoice_number}",
            ),
        ),
        now,
        kind=InvoiceKind.LATE_CHARGE,
        parent_invoice_id=proposed.invoice_id,
        series=LATE_CHARGE_SERIES,
    )
    charge = PenaltyCharge(
        customer_id=proposed.customer_id,
        invoice_id=proposed.invoice_id,
        charge_invoice_id=document.id,
        kind=b.kind.value,
        charge_key=b.key,
        as_of=as_of,
        period_start=b.period_start,
        period_end=b.period_end,
        base_cents=to_cents(b.base),
        fixed_fee_cents=to_cents(b.fixed_fee),
        percent_fee=b.percent_fee,
        annual_rate_percent=b.annual_rate_percent,
        day_basis=b.day_basis,
        days=b.days,
        amount_cents=to_cents(b.amount),
        breakdown_json=_segments_json(b),
        created_at=now,
    )
    session.add(charge)
    session.flush()
    return charge, document


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
            write_setting(session, POLICY_KEY, policy.to_dict())
        return policy

    def customer_policy(self, customer_id: int) -> PenaltyPolicy | None:
        """The customer's own terms, or ``None`` when the business policy applies."""
        with self._book.session() as session:
            get_customer(session, customer_id)
            return load_customer_policies(session, customer_id).get(customer_id)

    def set_customer_policy(self, customer_id: int, policy: PenaltyPolicy | None) -> None:
        """Give a customer their own terms, or ``None`` to go back to the business policy."""
        with self._book.transaction() as session:
            get_customer(session, customer_id)
            row = session.get(CustomerPenaltyPolicy, customer_id)
            if policy is None:
                if row is not None:
                    session.delete(row)  # configuration, not a document: nothing is lost
                return
            encoded = json.dumps(policy.to_dict(), sort_keys=True)
            if row is None:
                session.add(
                    CustomerPenaltyPolicy(
                        customer_id=customer_id, policy_json=encoded, updated_at=self._clock.now()
                    )
                )
            else:
                row.policy_json = encoded
                row.updated_at = self._clock.now()

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
                tr(
                    "No se pueden calcular penalizaciones para una fecha futura.",
                    "Penalties cannot be computed for a future date.",
                ),
            )
        return as_of

    def propose(
        self,
        as_of: date | None = None,
        *,
        customer_id: int | None = None,
        progress: ProgressCallback = no_progress,
        cancelled: CancelCheck = never_cancel,
    ) -> PenaltyProposal:
        """What would be charged on ``as_of`` (default today). Writes nothing."""
        day = self._as_of(as_of)
        with self._book.session() as session:
            if customer_id is not None:
                get_customer(session, customer_id)
            charges = propose_charges(
                session, day, customer_id=customer_id, progress=progress, cancelled=cancelled
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
    ) -> AppliedPenalties:
        """Charge what is due on ``as_of``, in one transaction.

        The proposal is computed again inside the transaction, so what was already charged
        (by an earlier run, or another window) is never charged twice. ``selected`` limits
        it to some ``(invoice_id, key)`` pairs of the preview; ``None`` applies them all.
        A cancelled run writes nothing.
        """
        day = self._as_of(as_of)
        now = self._clock.now()
        wanted = None if selected is None else set(selected)
        applied: list[ChargeView] = []
        try:
            with self._book.transaction() as session:
                proposed = propose_charges(
                    session,
                    day,
                    customer_id=customer_id,
                    progress=lambda f: progress(f / 2),
                    cancelled=cancelled,
                )
                chosen = [p for p in proposed if wanted is None or p.selection_key in wanted]
                for index, item in enumerate(chosen):
                    if cancelled():
                        raise _Cancelled
                    charge, document = book_charge(session, item, day, now)
                    parent = session.get(Invoice, item.invoice_id)
                    assert parent is not None
                    applied.append(_charge_view(charge, parent, document))
                    progress(0.5 + (index + 1) / (2 * max(len(chosen), 1)))
                if cancelled():
                    raise _Cancelled
        except _Cancelled:
            return AppliedPenalties(day, ())
        progress(1.0)
        return AppliedPenalties(day, tuple(applied))

    def waive(self, charge_id: int, reason: str) -> ChargeView:
        """Waive (condonar) a charge: its document is voided with the reason, never deleted.

        Money already applied to it goes back to the customer's credit. The period stays
        charged-and-waived: the engine does not charge it again.
        """
        if not reason.strip():
            raise ValidationError(
                "reason",
                tr("Escriba el motivo de la condonación.", "Write the reason for the waiver."),
            )
        with self._book.transaction() as session:
            charge = session.get(PenaltyCharge, charge_id)
            if charge is None:
                raise NotFoundError(
                    tr(f"No existe el cargo {charge_id}.", f"Charge {charge_id} does not exist.")
                )
            if charge.waived_at is not None:
                raise ConflictError(
                    tr("El cargo ya fue condonado.", "The charge was already waived.")
                )
            now = self._clock.now()
            document = session.get(Invoice, charge.charge_invoice_id)
            parent = session.get(Invoice, charge.invoice_id)
            assert document is not None and parent is not None
            text = tr(f"Condonado: {reason.strip()}", f"Waived: {reason.strip()}")
            void_invoice(session, document, text, now)
            charge.waived_at = now
            charge.waive_reason = reason.strip()
            session.flush()
            return _charge_view(charge, parent, document)

    # -- reading -------------------------------------------------------------------------------

    def charges(
        self, *, customer_id: int | None = None, invoice_id: int | None = None
    ) -> list[ChargeView]:
        """Charges made, newest first, waived ones included."""
        with self._book.session() as session:
            query = select(PenaltyCharge).order_by(
                PenaltyCharge.as_of.desc(), PenaltyCharge.id.desc()
            )
            if customer_id is not None:
                query = query.where(PenaltyCharge.customer_id == customer_id)
            if invoice_id is not None:
                query = query.where(PenaltyCharge.invoice_id == invoice_id)
            views = []
            for charge in session.scalars(query):
                parent = session.get(Invoice, charge.invoice_id)
                document = session.get(Invoice, charge.charge_invoice_id)
                assert parent is not None and document is not None
                views.append(_charge_view(charge, parent, document))
            return views

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
                    Invoice.lifecycle == "issued",
                    Invoice.paid_cents < Invoice.total_cents,
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
            rows = session.execute(
                select(Customer.id, Customer.name)
                .join(CustomerPenaltyPolicy, CustomerPenaltyPolicy.customer_id == Customer.id)
                .order_by(Customer.name)
            )
            return [(int(i), str(n)) for i, n in rows]
