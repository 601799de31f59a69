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
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from cobranza_desktop.documents.data import OverdueInvoiceData, PenaltyLineData, RatePeriod
from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.errors import ConflictError, NotFoundError, ValidationError
from cobranza_desktop.domain.i18n import tr
from cobranza_desktop.domain.invoices import (
    InvoiceKind,
    Lifecycle,
    LineInput,
    format_number,
    invoice_totals,
)
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
from cobranza_desktop.domain.plans import PlanStatus
from cobranza_desktop.services import CancelCheck, ProgressCallback, never_cancel, no_progress
from cobranza_desktop.services.collections_data import plan_invoice_ids, plan_progress
from cobranza_desktop.services.customers import get_customer
from cobranza_desktop.services.invoices import void_invoice
from cobranza_desktop.services.settings import read_setting, write_setting
from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.models import Customer, FolioSequence, Invoice, InvoiceLine
from cobranza_desktop.storage.models.collections import PaymentPlan
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
    ids: set[int] = set()
    for plan in session.scalars(query):
        if plan_progress(session, plan, as_of).status is PlanStatus.CURRENT:
            ids.update(plan_invoice_ids(session, plan.id))
    return ids


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
    in_plans = invoices_in_current_plans(session, as_of, customer_id)
    rows = [
        r
        for r in candidate_invoices(session, as_of, customer_id)
        if r.invoice_id not in in_plans
        and resolve_policy(business, overrides.get(r.customer_id)).is_active
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


def _charge_view(charge: PenaltyCharge, parent_number: str, document: Invoice) -> ChargeView:
    # A charge voided elsewhere (e.g. waived in a payment plan) is shown as waived too.
    voided_elsewhere = charge.waived_at is None and document.lifecycle == Lifecycle.VOIDED.value
    return ChargeView(
        id=charge.id,
        customer_id=charge.customer_id,
        invoice_id=charge.invoice_id,
        invoice_number=parent_number,
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
        waived_at=document.voided_at if voided_elsewhere else charge.waived_at,
        waive_reason=document.void_reason if voided_elsewhere else charge.waive_reason,
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


def _take_folios(session: Session, count: int) -> int:
    """Reserve ``count`` consecutive folios of the late-charge series; returns the first."""
    sequence = session.get(FolioSequence, LATE_CHARGE_SERIES)
    if sequence is None:
        sequence = FolioSequence(series=LATE_CHARGE_SERIES, next_folio=1)
        session.add(sequence)
    first = sequence.next_folio
    sequence.next_folio = first + count
    session.flush()
    return first


def book_charges(
    session: Session, items: Sequence[ProposedCharge], as_of: date, now: datetime
) -> list[ChargeView]:
    """Write the late-charge documents and their records, in the caller's transaction.

    Each document is an issued invoice of kind ``late_charge`` with one untaxed line,
    numbered without gaps in :data:`LATE_CHARGE_SERIES`. Written with bulk inserts: a
    first run on a big book may charge thousands of invoices at once.
    """
    if not items:
        return []
    first = _take_folios(session, len(items))
    documents: list[dict[str, object]] = []
    lines: list[LineInput] = []
    for offset, item in enumerate(items):
        b = item.breakdown
        line = LineInput(b.describe(), Decimal(1), b.amount, ZERO, ZERO)
        totals = invoice_totals([line])
        if totals.total != b.amount:  # pragma: no cover - one untaxed line at the amount
            raise AssertionError("a late charge's total must be its amount")
        lines.append(line)
        documents.append(
            {
                "customer_id": item.customer_id,
                "kind": InvoiceKind.LATE_CHARGE.value,
                "series": LATE_CHARGE_SERIES,
                "folio": first + offset,
                "lifecycle": Lifecycle.ISSUED.value,
                "issue_date": as_of,
                "due_date": as_of,
                "subtotal_cents": to_cents(totals.subtotal),
                "discount_cents": to_cents(totals.discount),
                "tax_cents": to_cents(totals.tax),
                "total_cents": to_cents(totals.total),
                "paid_cents": 0,
                "cfdi_uuid": "",
                "sat_payment_method": "",
                "notes": tr(
                    f"Cargo moratorio de la factura {item.invoice_number}",
                    f"Late charge on invoice {item.invoice_number}",
                ),
                "parent_invoice_id": item.invoice_id,
                "created_at": now,
                "void_reason": "",
            }
        )
    document_ids = list(
        session.scalars(
            insert(Invoice).returning(Invoice.id, sort_by_parameter_order=True), documents
        )
    )
    session.execute(
        insert(InvoiceLine),
        [
            {
                "invoice_id": document_id,
                "position": 1,
                "description": line.description,
                "quantity": line.quantity,
                "unit_price": line.unit_price,
                "discount_percent": line.discount_percent,
                "tax_rate_percent": line.tax_rate_percent,
            }
            for document_id, line in zip(document_ids, lines, strict=True)
        ],
    )
    records = [
        {
            "customer_id": item.customer_id,
            "invoice_id": item.invoice_id,
            "charge_invoice_id": document_id,
            "kind": item.breakdown.kind.value,
            "charge_key": item.breakdown.key,
            "as_of": as_of,
            "period_start": item.breakdown.period_start,
            "period_end": item.breakdown.period_end,
            "base_cents": to_cents(item.breakdown.base),
            "fixed_fee_cents": to_cents(item.breakdown.fixed_fee),
            "percent_fee": item.breakdown.percent_fee,
            "annual_rate_percent": item.breakdown.annual_rate_percent,
            "day_basis": item.breakdown.day_basis,
            "days": item.breakdown.days,
            "amount_cents": to_cents(item.breakdown.amount),
            "breakdown_json": _segments_json(item.breakdown),
            "created_at": now,
            "waive_reason": "",
        }
        for item, document_id in zip(items, document_ids, strict=True)
    ]
    charge_ids = list(
        session.scalars(
            insert(PenaltyCharge).returning(PenaltyCharge.id, sort_by_parameter_order=True),
            records,
        )
    )
    return [
        ChargeView(
            id=charge_id,
            customer_id=item.customer_id,
            invoice_id=item.invoice_id,
            invoice_number=item.invoice_number,
            charge_invoice_id=document_id,
            charge_number=format_number(LATE_CHARGE_SERIES, first + offset),
            kind=item.breakdown.kind,
            key=item.breakdown.key,
            as_of=as_of,
            period_start=item.breakdown.period_start,
            period_end=item.breakdown.period_end,
            base=item.breakdown.base,
            annual_rate_percent=item.breakdown.annual_rate_percent,
            day_basis=item.breakdown.day_basis,
            days=item.breakdown.days,
            amount=item.breakdown.amount,
            paid=ZERO,
            waived_at=None,
            waive_reason="",
        )
        for offset, (item, document_id, charge_id) in enumerate(
            zip(items, document_ids, charge_ids, strict=True)
        )
    ]


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
                chunk = 500
                for start in range(0, len(chosen), chunk):
                    if cancelled():
                        raise _Cancelled
                    applied.extend(book_charges(session, chosen[start : start + chunk], day, now))
                    progress(0.5 + min(start + chunk, len(chosen)) / (2 * len(chosen)))
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
            if document.lifecycle == Lifecycle.VOIDED.value:
                raise ConflictError(
                    tr(
                        f"El cargo ya fue cancelado: {document.void_reason}",
                        f"The charge was already voided: {document.void_reason}",
                    )
                )
            text = tr(f"Condonado: {reason.strip()}", f"Waived: {reason.strip()}")
            void_invoice(session, document, text, now)
            charge.waived_at = now
            charge.waive_reason = reason.strip()
            session.flush()
            return _charge_view(charge, _number(parent.series, parent.folio), document)

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
                views.append(_charge_view(charge, _number(parent.series, parent.folio), document))
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


class NoticePenalties:
    """The penalty figures of a penalty notice (``DocumentService(..., penalties=...)``).

    One line per invoice with what has accrued on it and is **not yet charged** on the
    notice date, plus the late charges booked and still owed that the notice does not list
    among the overdue items (those due on the notice date itself). Charges that are
    overdue are listed there, so nothing is counted twice.
    """

    def __init__(self, penalties: PenaltyService) -> None:
        self._penalties = penalties

    def penalties(
        self, customer_id: int, overdue: Sequence[OverdueInvoiceData], today: date
    ) -> tuple[PenaltyLineData, ...]:
        proposal = self._penalties.propose(today, customer_id=customer_id)
        policy = self._penalties.policy_for(customer_id)
        lines: list[PenaltyLineData] = []
        for invoice_number, group in _group_by_invoice(proposal.charges):
            fees = [c.breakdown for c in group if c.breakdown.kind is ChargeKind.FEE]
            interest = next(
                (c.breakdown for c in group if c.breakdown.kind is ChargeKind.INTEREST), None
            )
            fee = sum((f.amount for f in fees), ZERO)
            interest_amount = interest.amount if interest is not None else ZERO
            base = interest.base if interest is not None else fees[0].base
            lines.append(
                PenaltyLineData(
                    concept=tr(
                        f"Factura {invoice_number} (por cargar)",
                        f"Invoice {invoice_number} (not yet charged)",
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
        for charge in self._penalties.charges(customer_id=customer_id):
            if charge.balance <= 0 or charge.charge_number in listed:
                continue
            is_fee = charge.kind is ChargeKind.FEE
            lines.append(
                PenaltyLineData(
                    concept=tr(
                        f"Cargo {charge.charge_number} (factura {charge.invoice_number})",
                        f"Charge {charge.charge_number} (invoice {charge.invoice_number})",
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
