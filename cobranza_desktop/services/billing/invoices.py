"""Invoices: drafts, issuing with gapless numbering, voiding, and reading them back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from cobranza_desktop.domain.access import Permission
from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.currency import foreign_balance_cents
from cobranza_desktop.domain.errors import ConflictError, NotFoundError, ValidationError
from cobranza_desktop.domain.formatting import format_money
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.domain.invoices import (
    InvoiceKind,
    InvoiceStatus,
    Lifecycle,
    LineInput,
    PaymentMethodSAT,
    derive_status,
    due_date_for,
    invoice_number,
    line_amounts,
    parse_number,
    validate_dates,
)
from cobranza_desktop.domain.money import from_cents, round_money, to_cents
from cobranza_desktop.domain.validation import (
    check_cfdi_uuid,
    check_date,
    checked_totals,
)
from cobranza_desktop.services.base.access import require
from cobranza_desktop.services.base.business import load_profile
from cobranza_desktop.services.base.corrections_log import CorrectionKind, log_correction
from cobranza_desktop.services.base.versions import Edited, check_version
from cobranza_desktop.services.billing.voiding import void_invoice
from cobranza_desktop.services.customers.records import get_customer
from cobranza_desktop.storage.concurrency import locked_sequence
from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.models import Customer, Invoice, InvoiceLine
from cobranza_desktop.storage.queries.predicates import open_invoice


@dataclass(frozen=True)
class InvoiceLineView:
    position: int
    description: str
    quantity: Decimal
    unit_price: Decimal
    discount_percent: Decimal
    tax_rate_percent: Decimal
    amount: Decimal  # after discount, before tax, rounded for display


@dataclass(frozen=True)
class InvoiceView:
    id: int
    customer_id: int
    customer_name: str
    kind: InvoiceKind
    number: str  # "A-00042"; empty for drafts
    lifecycle: Lifecycle
    status: InvoiceStatus
    issue_date: date
    due_date: date
    subtotal: Decimal
    discount: Decimal
    tax: Decimal
    total: Decimal
    paid: Decimal
    balance: Decimal
    days_past_due: int
    cfdi_uuid: str
    sat_payment_method: str
    notes: str
    parent_invoice_id: int | None
    voided_at: datetime | None
    void_reason: str
    lines: tuple[InvoiceLineView, ...]
    disputed: bool = False  # its collection pauses until the dispute is settled
    extended_to: date | None = None  # an agreed new due date (``due_date`` stays the original)
    # A foreign document (a USD CFDI): its own currency, stamped total and balance in it.
    # ``total``, ``paid`` and ``balance`` are MXN at its TipoCambio, as every total.
    currency: str = "MXN"
    own_total: Decimal | None = None
    own_balance: Decimal | None = None
    version: int = 0  # what an edit sends back (optimistic concurrency)


@dataclass(frozen=True)
class InvoiceDraft:
    """What a person fills in to issue an invoice."""

    customer_id: int
    lines: tuple[LineInput, ...]
    issue_date: date
    due_date: date | None = None  # None: issue date + the customer's (or business) terms
    cfdi_uuid: str = ""
    sat_payment_method: str = ""
    notes: str = ""


def invoice_view(invoice: Invoice, today: date, *, extended_to: date | None = None) -> InvoiceView:
    """The invoice as the window shows it; with an extension it is not overdue before the
    agreed date (aging still ages it by ``due_date``, the original)."""
    lifecycle = Lifecycle(invoice.lifecycle)
    total = from_cents(invoice.total_cents)
    paid = from_cents(invoice.paid_cents)
    effective_due = max(invoice.due_date, extended_to) if extended_to else invoice.due_date
    status = derive_status(lifecycle, total, paid, effective_due, today)
    balance = total - paid if lifecycle is Lifecycle.ISSUED else Decimal("0.00")
    foreign = invoice.foreign_total_cents
    return InvoiceView(
        id=invoice.id,
        customer_id=invoice.customer_id,
        customer_name=invoice.customer.name,
        kind=InvoiceKind(invoice.kind),
        number=invoice_number(invoice.series, invoice.folio, invoice.external_number),
        lifecycle=lifecycle,
        status=status,
        issue_date=invoice.issue_date,
        due_date=invoice.due_date,
        subtotal=from_cents(invoice.subtotal_cents),
        discount=from_cents(invoice.discount_cents),
        tax=from_cents(invoice.tax_cents),
        total=total,
        paid=paid,
        balance=balance,
        days_past_due=max(0, (today - effective_due).days) if balance > 0 else 0,
        cfdi_uuid=invoice.cfdi_uuid,
        sat_payment_method=invoice.sat_payment_method,
        notes=invoice.notes,
        parent_invoice_id=invoice.parent_invoice_id,
        voided_at=invoice.voided_at,
        void_reason=invoice.void_reason,
        disputed=bool(invoice.disputed),
        extended_to=extended_to,
        currency=invoice.currency or "MXN",
        own_total=None if foreign is None else from_cents(foreign),
        own_balance=None
        if foreign is None
        else from_cents(
            foreign_balance_cents(
                foreign, invoice.total_cents, invoice.paid_cents, invoice.exchange_rate
            )
            if lifecycle is Lifecycle.ISSUED
            else 0
        ),
        lines=tuple(
            InvoiceLineView(
                position=line.position,
                description=line.description,
                quantity=line.quantity,
                unit_price=line.unit_price,
                discount_percent=line.discount_percent,
                tax_rate_percent=line.tax_rate_percent,
                amount=round_money(
                    line_amounts(
                        LineInput(
                            line.description,
                            line.quantity,
                            line.unit_price,
                            line.discount_percent,
                            line.tax_rate_percent,
                        )
                    ).net
                ),
            )
            for line in invoice.lines
        ),
        version=invoice.version or 0,
    )


def customer_terms_days(session: Session, customer: Customer) -> int:
    """The customer's own credit terms, else the business's: what "según el plazo"
    means, for the issued invoice and for the editor that shows it."""
    terms = customer.payment_terms_days
    return load_profile(session).payment_terms_days if terms is None else terms


def validate_draft(session: Session, draft: InvoiceDraft) -> tuple[date, str]:
    customer = get_customer(session, draft.customer_id)
    if not draft.lines:
        raise ValidationError(
            "lines",
            _("La factura necesita al menos un renglón."),
        )
    terms = customer_terms_days(session, customer)
    check_date(draft.issue_date, "issue_date")
    due = check_date(draft.due_date or due_date_for(draft.issue_date, terms), "due_date")
    validate_dates(draft.issue_date, due)
    method = draft.sat_payment_method.strip().upper()
    if method and method not in PaymentMethodSAT.__members__:
        raise ValidationError(
            "sat_payment_method",
            _("El método de pago SAT debe ser PUE o PPD."),
        )
    return due, check_cfdi_uuid(draft.cfdi_uuid)


def next_folio(session: Session, series: str) -> int:
    """Take the next folio of a series inside the caller's transaction: no gaps.

    The series row is locked (``SELECT … FOR UPDATE``) until the transaction ends, so two
    issuers on a server take consecutive folios, never the same one; a series' first row
    is inserted if absent (a concurrent first insert is not an error)."""
    sequence = locked_sequence(session, series)
    folio = sequence.next_folio
    sequence.next_folio = folio + 1
    return folio


def reserve_folios(session: Session, series: str, count: int) -> int:
    """Take ``count`` consecutive folios of a series at once (the first is returned), for
    a batch that issues them in an order of its own: still no gaps, one lock. The series
    row stays locked until the transaction ends (on a server), so that a concurrent issuer
    takes the folios after the block, never one inside it; flushed now, before the batch's
    Core inserts."""
    sequence = locked_sequence(session, series)
    first = sequence.next_folio
    sequence.next_folio = first + count
    session.flush()
    return first


def create_invoice(
    session: Session,
    draft: InvoiceDraft,
    now: datetime,
    *,
    issue: bool = True,
    kind: InvoiceKind = InvoiceKind.INVOICE,
    parent_invoice_id: int | None = None,
    series: str | None = None,
) -> Invoice:
    """Add an invoice (issued, or a draft) in the caller's transaction."""
    due, uuid = validate_draft(session, draft)
    totals = checked_totals(draft.lines)
    if totals.total <= 0:
        raise ValidationError(
            "lines",
            _("El total de la factura debe ser mayor que cero."),
        )
    invoice = Invoice(
        customer_id=draft.customer_id,
        kind=kind.value,
        series=series if series is not None else load_profile(session).invoice_series,
        lifecycle=Lifecycle.DRAFT.value,
        issue_date=draft.issue_date,
        due_date=due,
        subtotal_cents=to_cents(totals.subtotal),
        discount_cents=to_cents(totals.discount),
        tax_cents=to_cents(totals.tax),
        total_cents=to_cents(totals.total),
        paid_cents=0,
        cfdi_uuid=uuid,
        sat_payment_method=draft.sat_payment_method.strip().upper(),
        notes=draft.notes.strip(),
        parent_invoice_id=parent_invoice_id,
        created_at=now,
    )
    invoice.lines = [
        InvoiceLine(
            position=i,
            description=line.description,
            quantity=line.quantity,
            unit_price=line.unit_price,
            discount_percent=line.discount_percent,
            tax_rate_percent=line.tax_rate_percent,
        )
        for i, line in enumerate(draft.lines, start=1)
    ]
    session.add(invoice)
    if issue:
        invoice.folio = next_folio(session, invoice.series)
        invoice.lifecycle = Lifecycle.ISSUED.value
    session.flush()
    return invoice


def get_invoice(session: Session, invoice_id: int) -> Invoice:
    invoice = session.get(Invoice, invoice_id)
    if invoice is None:
        raise NotFoundError(_("No existe la factura {invoice_id}.").format(invoice_id=invoice_id))
    return invoice


def get_invoice_by_number(session: Session, number: str) -> Invoice:
    """The invoice "SERIES-FOLIO" (e.g. "A-00042"); NotFoundError when there is none."""
    series, folio = parse_number(number)
    invoice = session.scalars(
        select(Invoice).where(Invoice.series == series, Invoice.folio == folio)
    ).first()
    if invoice is None:
        raise NotFoundError(_("No existe la factura {number}.").format(number=number))
    return invoice


def customer_invoices(
    session: Session, customer_id: int, today: date, *, open_only: bool = False
) -> list[InvoiceView]:
    """The customer's invoices, newest first (only the open ones with ``open_only``)."""
    query = (
        select(Invoice)
        .where(Invoice.customer_id == customer_id)
        .options(selectinload(Invoice.lines), selectinload(Invoice.customer))
        .order_by(Invoice.issue_date.desc(), Invoice.id.desc())
    )
    if open_only:
        query = query.where(open_invoice())
    return [invoice_view(inv, today) for inv in session.scalars(query)]


# -- drafts: not issued yet, so they may be edited or deleted (each change is logged) -----


def _require_draft(invoice: Invoice) -> None:
    if invoice.lifecycle != Lifecycle.DRAFT.value:
        raise ConflictError(
            _("Solo se modifican o eliminan borradores; una factura emitida se cancela.")
        )


def _subject(invoice: Invoice) -> str:
    return _("Borrador {invoice_id}").format(invoice_id=invoice.id)


def update_draft(session: Session, invoice: Invoice, draft: InvoiceDraft, now: datetime) -> None:
    """Replace a draft's dates, notes and lines, validated as a new invoice's."""
    _require_draft(invoice)
    due, uuid = validate_draft(session, draft)
    totals = checked_totals(draft.lines)
    if totals.total <= 0:
        raise ValidationError("lines", _("El total de la factura debe ser mayor que cero."))
    before = from_cents(invoice.total_cents)
    if draft.customer_id != invoice.customer_id:
        raise ValidationError("customer", _("Un borrador no cambia de cliente; elimínelo."))
    invoice.issue_date = draft.issue_date
    invoice.due_date = due
    invoice.subtotal_cents = to_cents(totals.subtotal)
    invoice.discount_cents = to_cents(totals.discount)
    invoice.tax_cents = to_cents(totals.tax)
    invoice.total_cents = to_cents(totals.total)
    invoice.cfdi_uuid = uuid
    invoice.sat_payment_method = draft.sat_payment_method.strip().upper()
    invoice.notes = draft.notes.strip()
    invoice.lines = [
        InvoiceLine(
            position=i,
            description=line.description,
            quantity=line.quantity,
            unit_price=line.unit_price,
            discount_percent=line.discount_percent,
            tax_rate_percent=line.tax_rate_percent,
        )
        for i, line in enumerate(draft.lines, start=1)
    ]
    session.flush()
    log_correction(
        session,
        invoice.customer_id,
        CorrectionKind.DRAFT_EDITED,
        subject=_subject(invoice),
        reason="",
        details=_("total: {before} → {after}").format(
            before=format_money(before), after=format_money(totals.total)
        ),
        now=now,
    )


def delete_draft(session: Session, invoice: Invoice, reason: str, now: datetime) -> None:
    _require_draft(invoice)
    log_correction(
        session,
        invoice.customer_id,
        CorrectionKind.DRAFT_DELETED,
        subject=_subject(invoice),
        reason=reason,
        details=_("total: {total}").format(total=format_money(from_cents(invoice.total_cents))),
        now=now,
    )
    session.delete(invoice)
    session.flush()


class InvoiceService:
    def __init__(self, book: Book, clock: Clock) -> None:
        self._book = book
        self._clock = clock

    def issue(self, draft: InvoiceDraft) -> InvoiceView:
        """Issue a new invoice with the next folio of the series."""
        with self._book.transaction() as session:
            require(session, Permission.BOOKKEEPING)
            invoice = create_invoice(session, draft, self._clock.now())
            return invoice_view(invoice, self._clock.today())

    def save_draft(self, draft: InvoiceDraft) -> InvoiceView:
        with self._book.transaction() as session:
            require(session, Permission.BOOKKEEPING)
            invoice = create_invoice(session, draft, self._clock.now(), issue=False)
            return invoice_view(invoice, self._clock.today())

    def update_draft(
        self, invoice_id: int, draft: InvoiceDraft, expected_version: int | None = None
    ) -> InvoiceView:
        """Change a draft (not issued yet); an issued invoice is refused, and so is an
        edit made on a draft someone saved since (``expected_version``)."""
        with self._book.transaction() as session:
            require(session, Permission.BOOKKEEPING)
            invoice = get_invoice(session, invoice_id)
            check_version(invoice.version, expected_version, Edited.INVOICE)
            update_draft(session, invoice, draft, self._clock.now())
            return invoice_view(invoice, self._clock.today())

    def delete_draft(self, invoice_id: int, reason: str = "") -> int:
        """Delete a draft (it was never issued); returns its customer's id."""
        with self._book.transaction() as session:
            require(session, Permission.BOOKKEEPING)
            invoice = get_invoice(session, invoice_id)
            customer_id = invoice.customer_id
            delete_draft(session, invoice, reason, self._clock.now())
            return customer_id

    def void(
        self, invoice_id: int, reason: str, expected_version: int | None = None
    ) -> InvoiceView:
        with self._book.transaction() as session:
            require(session, Permission.BOOKKEEPING)
            invoice = get_invoice(session, invoice_id)
            check_version(invoice.version, expected_version, Edited.INVOICE)
            void_invoice(session, invoice, reason, self._clock.now())
            session.flush()
            view = invoice_view(invoice, self._clock.today())
            log_correction(
                session,
                invoice.customer_id,
                CorrectionKind.INVOICE_VOIDED,
                subject=view.number,
                reason=reason,
                details=format_money(view.total),
                now=self._clock.now(),
            )
            return view

    def terms_days(self, customer_id: int) -> int:
        """Days from issue to due when the due date is left to the customer's terms."""
        with self._book.session() as session:
            return customer_terms_days(session, get_customer(session, customer_id))

    def get(self, invoice_id: int) -> InvoiceView:
        with self._book.session() as session:
            return invoice_view(get_invoice(session, invoice_id), self._clock.today())

    def get_by_number(self, number: str) -> InvoiceView:
        with self._book.session() as session:
            return invoice_view(get_invoice_by_number(session, number), self._clock.today())

    def for_customer(self, customer_id: int, *, open_only: bool = False) -> list[InvoiceView]:
        with self._book.session() as session:
            return customer_invoices(session, customer_id, self._clock.today(), open_only=open_only)
