"""Payment plans (convenios): preview, create, follow, cancel, and the PDF to sign."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cobranza_desktop.documents.collections_pdf import BusinessHeader
from cobranza_desktop.documents.plan import (
    PlanDocument,
    PlanInstalmentLine,
    PlanInvoiceLine,
    render_plan_pdf,
)
from cobranza_desktop.domain.access import Permission
from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.errors import ConflictError, NotFoundError, ValidationError
from cobranza_desktop.domain.i18n import _, pgettext
from cobranza_desktop.domain.invoices import (
    InvoiceKind,
    Lifecycle,
    invoice_number,
    is_open,
    make_line,
)
from cobranza_desktop.domain.money import ZERO, from_cents, parse_amount, parse_decimal, to_cents
from cobranza_desktop.domain.plans import (
    Frequency,
    PlanSchedule,
    PlanStatus,
    PlanTerms,
    build_schedule,
)
from cobranza_desktop.domain.validation import check_date
from cobranza_desktop.services.base.access import require
from cobranza_desktop.services.base.agenda_data import (
    effective_due_dates,
    invoices_in_plans,
    plan_invoice_ids,
    plan_progress,
)
from cobranza_desktop.services.base.business import load_profile
from cobranza_desktop.services.billing.invoices import InvoiceDraft, create_invoice
from cobranza_desktop.services.billing.voiding import void_invoice
from cobranza_desktop.services.customers.records import get_customer
from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.models import Invoice
from cobranza_desktop.storage.models.collections import (
    PaymentPlan,
    PlanInstalment,
    PlanInvoice,
)
from cobranza_desktop.storage.queries.predicates import open_invoice


@dataclass(frozen=True)
class PlanRequest:
    customer_id: int
    invoice_ids: tuple[int, ...]
    instalments: int
    frequency: Frequency | str
    first_due: date
    down_payment: Decimal | str = "0"
    interest_percent: Decimal | str = "0"
    custom_amounts: tuple[Decimal | str, ...] | None = None
    waive_penalties: bool = False  # void the unpaid late charges among the invoices
    grace_days: int = 5
    notes: str = ""


@dataclass(frozen=True)
class InstalmentView:
    number: int
    due_date: date
    amount: Decimal
    paid: Decimal
    remaining: Decimal


@dataclass(frozen=True)
class PlanInvoiceView:
    invoice_id: int
    number: str
    due_date: date
    balance: Decimal
    waived: bool = False


@dataclass(frozen=True)
class OpenInvoiceView:
    """An open invoice a new plan may take (not already in a current plan)."""

    invoice_id: int
    number: str
    issue_date: date
    due_date: date
    balance: Decimal
    overdue: bool
    late_charge: bool


@dataclass(frozen=True)
class PlanPreview:
    schedule: PlanSchedule
    invoices: tuple[PlanInvoiceView, ...]


@dataclass(frozen=True)
class PlanView:
    id: int
    number: str
    customer_id: int
    customer_name: str
    start_date: date
    frequency: Frequency
    status: PlanStatus
    status_label: str
    principal: Decimal
    waived: Decimal
    down_payment: Decimal
    interest: Decimal
    total: Decimal
    paid: Decimal
    grace_days: int
    invoice_ids: tuple[int, ...]
    instalments: tuple[InstalmentView, ...]
    broken_instalment: int | None
    notes: str


def _parse_frequency(value: Frequency | str) -> Frequency:
    try:
        return Frequency(str(value))
    except ValueError:
        raise ValidationError(
            "frequency",
            _("Periodicidad desconocida: {value}.").format(value=value),
        ) from None


def _selected_invoices(
    session: Session, request: PlanRequest, today: date
) -> tuple[list[Invoice], list[Invoice]]:
    """The open invoices chosen for the plan, and the late charges that would be waived."""
    if not request.invoice_ids:
        raise ValidationError("invoices", _("Seleccione al menos una factura."))
    invoices: list[Invoice] = []
    for invoice_id in dict.fromkeys(request.invoice_ids):
        invoice = session.get(Invoice, invoice_id)
        if (
            invoice is None
            or invoice.customer_id != request.customer_id
            or not is_open(invoice.lifecycle, invoice.total_cents, invoice.paid_cents)
        ):
            raise ValidationError(
                "invoices",
                _("La factura {invoice_id} no es una factura abierta de este cliente.").format(
                    invoice_id=invoice_id
                ),
            )
        invoices.append(invoice)
    in_plans = set(
        session.scalars(
            select(PlanInvoice.invoice_id)
            .join(PaymentPlan, PaymentPlan.id == PlanInvoice.plan_id)
            .where(
                PlanInvoice.invoice_id.in_([i.id for i in invoices]),
                PaymentPlan.customer_id == request.customer_id,
                PaymentPlan.status != PlanStatus.CANCELLED.value,
            )
        )
    )
    plans = session.scalars(
        select(PaymentPlan).where(
            PaymentPlan.customer_id == request.customer_id,
            PaymentPlan.status != PlanStatus.CANCELLED.value,
        )
    ).all()
    in_plans -= invoices_in_plans(session, plans, today, current=False)
    if in_plans:
        raise ConflictError(_("Algunas facturas ya están en un convenio vigente."))
    waived = [
        i
        for i in invoices
        if request.waive_penalties and i.kind == InvoiceKind.LATE_CHARGE.value and i.paid_cents == 0
    ]
    invoices.sort(key=lambda i: (i.due_date, i.id))
    return invoices, waived


def _terms(
    request: PlanRequest, invoices: list[Invoice], waived: list[Invoice], start: date
) -> PlanTerms:
    principal = from_cents(sum(i.total_cents - i.paid_cents for i in invoices))
    custom = (
        tuple(parse_amount(a, "custom_amounts") for a in request.custom_amounts)
        if request.custom_amounts is not None
        else None
    )
    return PlanTerms(
        principal=principal,
        instalments=request.instalments,
        frequency=_parse_frequency(request.frequency),
        first_due=check_date(request.first_due, "first_due"),
        start=start,
        down_payment=parse_amount(request.down_payment, "down_payment", allow_zero=True),
        waived_penalties=from_cents(sum(i.total_cents for i in waived)),
        interest_percent=parse_decimal(
            request.interest_percent, "interest_percent", minimum=ZERO, maximum=Decimal(100)
        ),
        custom_amounts=custom,
        grace_days=request.grace_days,
    )


def plan_view(session: Session, plan: PaymentPlan, today: date) -> PlanView:
    progress = plan_progress(session, plan, today)
    customer = get_customer(session, plan.customer_id)
    return PlanView(
        id=plan.id,
        number=plan.number,
        customer_id=plan.customer_id,
        customer_name=customer.name,
        start_date=plan.start_date,
        frequency=Frequency(plan.frequency),
        status=progress.status,
        status_label=progress.status.label(),
        principal=from_cents(plan.principal_cents),
        waived=from_cents(plan.waived_cents),
        down_payment=from_cents(plan.down_payment_cents),
        interest=from_cents(plan.interest_cents),
        total=from_cents(plan.total_cents),
        paid=min(progress.paid, from_cents(plan.total_cents)),
        grace_days=plan.grace_days,
        invoice_ids=tuple(plan_invoice_ids(session, plan.id)),
        instalments=tuple(
            InstalmentView(
                s.instalment.number, s.instalment.due_date, s.instalment.amount, s.paid, s.remaining
            )
            for s in progress.instalments
        ),
        broken_instalment=progress.broken_instalment,
        notes=plan.notes,
    )


class PlanService:
    def __init__(self, book: Book, clock: Clock) -> None:
        self._book = book
        self._clock = clock

    def preview(self, request: PlanRequest) -> PlanPreview:
        """The schedule the plan would have, without writing anything."""
        today = self._clock.today()
        with self._book.session() as session:
            get_customer(session, request.customer_id)
            invoices, waived = _selected_invoices(session, request, today)
            schedule = build_schedule(_terms(request, invoices, waived, today))
            waived_ids = {i.id for i in waived}
            return PlanPreview(
                schedule,
                tuple(
                    PlanInvoiceView(
                        i.id,
                        invoice_number(i.series, i.folio),
                        i.due_date,
                        from_cents(i.total_cents - i.paid_cents),
                        i.id in waived_ids,
                    )
                    for i in invoices
                ),
            )

    def create(self, request: PlanRequest) -> PlanView:
        """Create the plan: its invoices leave the ladder while it is current."""
        today = self._clock.today()
        now = self._clock.now()
        with self._book.transaction() as session:
            require(session, Permission.COLLECT)
            get_customer(session, request.customer_id)
            invoices, waived = _selected_invoices(session, request, today)
            schedule = build_schedule(_terms(request, invoices, waived, today))
            count = session.scalar(select(func.count()).select_from(PaymentPlan)) or 0
            number = f"CONV-{count + 1:04d}"
            for charge in waived:
                void_invoice(
                    session,
                    charge,
                    _("Recargo condonado en el convenio {number}").format(number=number),
                    now,
                )
            kept = [i for i in invoices if i not in waived]
            interest_invoice_id: int | None = None
            if schedule.interest > 0:
                last_due = schedule.instalments[-1].due_date
                line = make_line(
                    _("Interés del convenio {number}").format(number=number),
                    1,
                    schedule.interest,
                    tax_rate_percent=0,
                )
                charge = create_invoice(
                    session,
                    InvoiceDraft(request.customer_id, (line,), today, last_due),
                    now,
                    kind=InvoiceKind.LATE_CHARGE,
                    parent_invoice_id=kept[0].id,
                )
                interest_invoice_id = charge.id
            plan = PaymentPlan(
                number=number,
                customer_id=request.customer_id,
                start_date=today,
                frequency=_parse_frequency(request.frequency).value,
                instalment_count=request.instalments,
                principal_cents=to_cents(schedule.principal),
                waived_cents=to_cents(schedule.waived),
                down_payment_cents=to_cents(schedule.down_payment),
                interest_percent=parse_decimal(request.interest_percent, "interest_percent"),
                interest_cents=to_cents(schedule.interest),
                total_cents=to_cents(schedule.total),
                grace_days=request.grace_days,
                status=PlanStatus.CURRENT.value,
                interest_invoice_id=interest_invoice_id,
                notes=request.notes.strip(),
                created_at=now,
            )
            session.add(plan)
            session.flush()
            for inv in kept:
                session.add(
                    PlanInvoice(
                        plan_id=plan.id,
                        invoice_id=inv.id,
                        balance_cents=inv.total_cents - inv.paid_cents,
                    )
                )
            for inst in schedule.instalments:
                session.add(
                    PlanInstalment(
                        plan_id=plan.id,
                        number=inst.number,
                        due_date=inst.due_date,
                        amount_cents=to_cents(inst.amount),
                    )
                )
            session.flush()
            return plan_view(session, plan, today)

    def _get(self, session: Session, plan_id: int) -> PaymentPlan:
        plan = session.get(PaymentPlan, plan_id)
        if plan is None:
            raise NotFoundError(_("No existe el convenio {plan_id}.").format(plan_id=plan_id))
        return plan

    def get(self, plan_id: int) -> PlanView:
        with self._book.session() as session:
            return plan_view(session, self._get(session, plan_id), self._clock.today())

    def for_customer(self, customer_id: int) -> list[PlanView]:
        with self._book.session() as session:
            plans = session.scalars(
                select(PaymentPlan)
                .where(PaymentPlan.customer_id == customer_id)
                .order_by(PaymentPlan.id.desc())
            )
            return [plan_view(session, p, self._clock.today()) for p in plans]

    def list_plans(self, status: PlanStatus | str | None = None) -> list[PlanView]:
        """Every plan, newest first; ``status`` (derived from payments) filters them."""
        wanted = PlanStatus(str(status)) if status else None
        today = self._clock.today()
        with self._book.session() as session:
            plans = session.scalars(select(PaymentPlan).order_by(PaymentPlan.id.desc())).all()
            views = [plan_view(session, p, today) for p in plans]
        return [v for v in views if wanted is None or v.status is wanted]

    def open_invoices(self, customer_id: int) -> list[OpenInvoiceView]:
        """The customer's open invoices that no current plan holds, oldest due first."""
        today = self._clock.today()
        with self._book.session() as session:
            get_customer(session, customer_id)
            plans = session.scalars(
                select(PaymentPlan).where(
                    PaymentPlan.customer_id == customer_id,
                    PaymentPlan.status != PlanStatus.CANCELLED.value,
                )
            ).all()
            held = invoices_in_plans(session, plans, today)
            rows = session.scalars(
                select(Invoice)
                .where(
                    Invoice.customer_id == customer_id,
                    open_invoice(),
                )
                .order_by(Invoice.due_date, Invoice.id)
            ).all()
            extended = effective_due_dates(session, [i.id for i in rows])
            return [
                OpenInvoiceView(
                    i.id,
                    invoice_number(i.series, i.folio),
                    i.issue_date,
                    i.due_date,
                    from_cents(i.total_cents - i.paid_cents),
                    extended.get(i.id, i.due_date) < today,
                    i.kind == InvoiceKind.LATE_CHARGE.value,
                )
                for i in rows
                if i.id not in held
            ]

    def cancel(self, plan_id: int, reason: str) -> PlanView:
        """Cancel a plan by agreement; its invoices go back to the ladder."""
        if not reason.strip():
            raise ValidationError(
                "reason",
                pgettext("services.collections.plans", "Escriba el motivo de la cancelación."),
            )
        with self._book.transaction() as session:
            require(session, Permission.COLLECT)
            plan = self._get(session, plan_id)
            if plan.status == PlanStatus.CANCELLED.value:
                raise ConflictError(_("El convenio ya está cancelado."))
            plan.status = PlanStatus.CANCELLED.value
            plan.status_date = self._clock.today()
            plan.notes = (plan.notes + "\n" if plan.notes else "") + reason.strip()
            # The plan's interest was only owed under the plan: its document is voided.
            if plan.interest_invoice_id is not None:
                interest = session.get(Invoice, plan.interest_invoice_id)
                if interest is not None and interest.lifecycle == Lifecycle.ISSUED.value:
                    void_invoice(session, interest, reason.strip(), self._clock.now())
            return plan_view(session, plan, self._clock.today())

    def pdf(self, plan_id: int) -> bytes:
        """The plan agreement with its schedule, for the customer to sign."""
        with self._book.session() as session:
            plan = self._get(session, plan_id)
            view = plan_view(session, plan, self._clock.today())
            profile = load_profile(session)
            customer = get_customer(session, plan.customer_id)
            invoices = [
                PlanInvoiceLine(
                    invoice_number(inv.series, inv.folio),
                    inv.due_date,
                    from_cents(row.balance_cents),
                )
                for row, inv in session.execute(
                    select(PlanInvoice, Invoice)
                    .join(Invoice, Invoice.id == PlanInvoice.invoice_id)
                    .where(PlanInvoice.plan_id == plan.id)
                    .order_by(Invoice.due_date, Invoice.id)
                )
            ]
            header = BusinessHeader(
                profile.name, profile.rfc, profile.address, profile.phone, profile.email
            )
            currency = profile.currency
            tax_id = customer.rfc
        return render_plan_pdf(
            PlanDocument(
                business=header,
                plan_number=view.number,
                customer_name=view.customer_name,
                customer_tax_id=tax_id,
                created=view.start_date,
                frequency_label=view.frequency.label(),
                invoices=tuple(invoices),
                principal=view.principal,
                waived=view.waived,
                down_payment=view.down_payment,
                interest=view.interest,
                total=view.total,
                grace_days=view.grace_days,
                instalments=tuple(
                    PlanInstalmentLine(i.number, i.due_date, i.amount) for i in view.instalments
                ),
                notes=view.notes,
                currency=currency,
            )
        )
