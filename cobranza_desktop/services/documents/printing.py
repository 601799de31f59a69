"""Printed documents from the book: gathers the data, the renderers draw it.

Every method reads in one session and returns PDF bytes (``*_pdf``) or the plain
document data (``*_data``, for tests and previews). Nothing is written.

Penalty figures come from a :class:`PenaltySource`: by default the penalty engine's
:class:`~cobranza_desktop.services.penalties.engine.NoticePenalties`; :class:`NoPenalties`
gives a notice without penalty.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from cobranza_desktop.documents import (
    render_invoice,
    render_letters,
    render_penalty_notice,
    render_receipt,
    render_statement,
)
from cobranza_desktop.documents.data import (
    AgingBucketData,
    BusinessInfo,
    ContactInfo,
    CustomerInfo,
    EntryKind,
    InstalmentOption,
    InvoiceData,
    InvoiceLineData,
    LetterTone,
    OverdueInvoiceData,
    PenaltyLineData,
    PenaltyNoticeData,
    ReceiptAllocationData,
    ReceiptData,
    ReminderLetterData,
    StatementData,
    StatementEntryData,
    TaxData,
)
from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.contact_data import display_phone
from cobranza_desktop.domain.errors import ConflictError, NotFoundError
from cobranza_desktop.domain.formatting import format_date, format_percent
from cobranza_desktop.domain.i18n import gettext
from cobranza_desktop.domain.invoices import InvoiceKind, format_number
from cobranza_desktop.domain.money import ZERO, from_cents
from cobranza_desktop.domain.payments import PaymentMethod
from cobranza_desktop.domain.validation import check_date
from cobranza_desktop.services.billing.invoices import get_invoice_by_number, invoice_view
from cobranza_desktop.services.book.business import BusinessProfileView, load_profile
from cobranza_desktop.services.book.settings import read_setting, write_setting
from cobranza_desktop.services.customers.records import get_customer
from cobranza_desktop.services.penalties.engine import NoticePenalties, PenaltyService
from cobranza_desktop.services.receivables.aging import AgingService
from cobranza_desktop.services.receivables.payments import get_payment, payment_view
from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.models import BusinessProfile, Customer, Invoice, Payment

# Days the customer has, from the notice date, to pay and avoid the penalty.
NOTICE_GRACE_DAYS = 7
# Days the customer has, from the letter date, to pay.
LETTER_PAY_DAYS = 7
# Terms offered on the notice: the instalment with and without the penalty.
INSTALMENT_MONTHS = (3, 6)
# Default statement period when none is given.
STATEMENT_DAYS = 90
# Settings key: the business's own "how to pay" text (cash desk hours, deposit places...),
# printed on notices, letters and statements above the bank data.
HOW_TO_PAY_KEY = "documents.how_to_pay"


class PenaltySource(Protocol):
    """Where the notice gets its penalty figures (the penalty engine, once it exists)."""

    def penalties(
        self, customer_id: int, overdue: Sequence[OverdueInvoiceData], today: date
    ) -> tuple[PenaltyLineData, ...]: ...


class NoPenalties:
    """A notice with zero penalty (e.g. a plain overdue notice)."""

    def penalties(
        self, customer_id: int, overdue: Sequence[OverdueInvoiceData], today: date
    ) -> tuple[PenaltyLineData, ...]:
        return ()


def letter_tone(days_late: int) -> LetterTone:
    """Until the collections ladder exists: friendly up to 30 days, firm to 60, then final."""
    if days_late <= 30:
        return LetterTone.FRIENDLY
    if days_late <= 60:
        return LetterTone.FIRM
    return LetterTone.FINAL


class DocumentService:
    def __init__(self, book: Book, clock: Clock, penalties: PenaltySource | None = None) -> None:
        self._book = book
        self._clock = clock
        self._penalties = (
            penalties if penalties is not None else NoticePenalties(PenaltyService(book, clock))
        )

    # -- settings ---------------------------------------------------------------------
    def how_to_pay(self) -> str:
        with self._book.session() as session:
            return _how_to_pay(session)

    def set_how_to_pay(self, text: str) -> None:
        with self._book.transaction() as session:
            write_setting(session, HOW_TO_PAY_KEY, text.strip())

    # -- invoice ----------------------------------------------------------------------
    def invoice_data(self, number: str) -> InvoiceData:
        """The invoice "SERIES-FOLIO" (e.g. "A-00042") as document data."""
        with self._book.session() as session:
            return self._invoice(session, get_invoice_by_number(session, number))

    def invoice_data_by_id(self, invoice_id: int) -> InvoiceData:
        with self._book.session() as session:
            invoice = session.get(Invoice, invoice_id)
            if invoice is None or invoice.folio is None:
                raise NotFoundError(gettext("La factura no existe o es un borrador."))
            return self._invoice(session, invoice)

    def invoice_pdf(self, number: str) -> bytes:
        return render_invoice(self.invoice_data(number))

    def invoice_pdf_by_id(self, invoice_id: int) -> bytes:
        return render_invoice(self.invoice_data_by_id(invoice_id))

    def _invoice(self, session: Session, invoice: Invoice) -> InvoiceData:
        view = invoice_view(invoice, self._clock.today())
        rates = {line.tax_rate_percent for line in view.lines}
        tax_label = gettext("IVA")
        if len(rates) == 1:
            tax_label += " " + format_percent(next(iter(rates)))
        days = (view.due_date - view.issue_date).days
        terms = (
            gettext("Pago de contado.")
            if days <= 0
            else gettext("Crédito a {days} días: vence el {due_date}.").format(
                days=days, due_date=format_date(view.due_date)
            )
        )
        return InvoiceData(
            business=_business(session),
            customer=_customer(invoice.customer),
            number=view.number,
            issue_date=view.issue_date,
            due_date=view.due_date,
            lines=tuple(
                InvoiceLineData(
                    description=line.description,
                    quantity=line.quantity,
                    unit_price=line.unit_price,
                    amount=line.amount,
                    discount_percent=line.discount_percent,
                )
                for line in view.lines
            ),
            subtotal=view.subtotal,
            taxes=(TaxData(tax_label, view.tax),),
            total=view.total,
            discount=view.discount,
            currency=_currency(session),
            payment_terms=terms,
            notes=view.notes,
            cfdi_uuid=view.cfdi_uuid or None,
            amount_paid=view.paid,
            is_late_charge=view.kind is InvoiceKind.LATE_CHARGE,
            voided=view.voided_at is not None,
        )

    # -- statement --------------------------------------------------------------------
    def statement_data(
        self, customer_id: int, start: date | None = None, end: date | None = None
    ) -> StatementData:
        """Invoices and payments of a period with the balances before and after.

        Voided invoices and reversed payments are left out: they never counted.
        """
        end = check_date(end or self._clock.today(), "end")
        start = check_date(start or end - timedelta(days=STATEMENT_DAYS), "start")
        with self._book.session() as session:
            customer = get_customer(session, customer_id)
            charged_before = session.scalar(
                select(func.coalesce(func.sum(Invoice.total_cents), 0)).where(
                    Invoice.customer_id == customer_id,
                    Invoice.lifecycle == "issued",
                    Invoice.issue_date < start,
                )
            )
            paid_before = session.scalar(
                select(func.coalesce(func.sum(Payment.amount_cents), 0)).where(
                    Payment.customer_id == customer_id,
                    Payment.reversed_at.is_(None),
                    Payment.payment_date < start,
                )
            )
            invoices = session.execute(
                select(
                    Invoice.issue_date,
                    Invoice.id,
                    Invoice.kind,
                    Invoice.series,
                    Invoice.folio,
                    Invoice.due_date,
                    Invoice.total_cents,
                )
                .where(
                    Invoice.customer_id == customer_id,
                    Invoice.lifecycle == "issued",
                    Invoice.issue_date >= start,
                    Invoice.issue_date <= end,
                )
                .order_by(Invoice.issue_date, Invoice.id)
            ).all()
            payments = session.execute(
                select(
                    Payment.payment_date,
                    Payment.id,
                    Payment.method,
                    Payment.reference,
                    Payment.amount_cents,
                )
                .where(
                    Payment.customer_id == customer_id,
                    Payment.reversed_at.is_(None),
                    Payment.payment_date >= start,
                    Payment.payment_date <= end,
                )
                .order_by(Payment.payment_date, Payment.id)
            ).all()
            business = _business(session)
            info = _customer(customer)
            currency = _currency(session)
            how_to_pay = _how_to_pay(session)
        entries: list[tuple[date, int, StatementEntryData]] = []
        for row in invoices:
            kind = EntryKind.LATE_CHARGE if row.kind == "late_charge" else EntryKind.INVOICE
            due = gettext("vence {due_date}").format(due_date=format_date(row.due_date))
            entries.append(
                (
                    row.issue_date,
                    0,
                    StatementEntryData(
                        row.issue_date,
                        kind,
                        _number(row.series, row.folio),
                        due,
                        charge=from_cents(row.total_cents),
                    ),
                )
            )
        for pay in payments:
            entries.append(
                (
                    pay.payment_date,
                    1,
                    StatementEntryData(
                        pay.payment_date,
                        EntryKind.PAYMENT,
                        pay.reference or _receipt_number(pay.id),
                        PaymentMethod(pay.method).label(),
                        credit=from_cents(pay.amount_cents),
                    ),
                )
            )
        entries.sort(key=lambda item: (item[0], item[1]))
        items = tuple(entry for _, _, entry in entries)
        opening = from_cents(int(charged_before or 0) - int(paid_before or 0))
        closing = (
            opening + sum((e.charge for e in items), ZERO) - sum((e.credit for e in items), ZERO)
        )
        aging = AgingService(self._book, self._clock).report(as_of=end, customer_id=customer_id)
        buckets = aging.lines[0].buckets if aging.lines else tuple(ZERO for _ in aging.labels)
        return StatementData(
            business=business,
            customer=info,
            statement_date=self._clock.today(),
            period_start=start,
            period_end=end,
            opening_balance=opening,
            entries=items,
            closing_balance=closing,
            aging=tuple(
                AgingBucketData(label, amount)
                for label, amount in zip(aging.labels, buckets, strict=True)
            ),
            currency=currency,
            how_to_pay=how_to_pay,
        )

    def statement_pdf(
        self, customer_id: int, start: date | None = None, end: date | None = None
    ) -> bytes:
        return render_statement(self.statement_data(customer_id, start, end))

    # -- penalty notice ---------------------------------------------------------------
    def notice_data(
        self, customer_id: int, months: Sequence[int] = INSTALMENT_MONTHS
    ) -> PenaltyNoticeData:
        today = self._clock.today()
        with self._book.session() as session:
            customer = get_customer(session, customer_id)
            overdue = _overdue(session, customer_id, today)
            business = _business(session)
            info = _customer(customer)
            currency = _currency(session)
            how_to_pay = _how_to_pay(session)
        if not overdue:
            raise ConflictError(
                gettext("{name} no tiene facturas vencidas.").format(name=customer.name)
            )
        penalties = self._penalties.penalties(customer_id, overdue, today)
        debt = sum((o.balance for o in overdue), ZERO)
        penalty = sum((p.amount for p in penalties), ZERO)
        return PenaltyNoticeData(
            business=business,
            customer=info,
            notice_date=today,
            avoid_by=today + timedelta(days=NOTICE_GRACE_DAYS),
            overdue=overdue,
            penalties=penalties,
            debt=debt,
            penalty_total=penalty,
            new_total=debt + penalty,
            instalments=tuple(InstalmentOption.compute(n, debt, penalty) for n in months),
            reference=f"AP-{today:%Y%m%d}-{customer_id:05d}",
            currency=currency,
            how_to_pay=how_to_pay,
            contact=ContactInfo(business.name, business.phone, business.email),
        )

    def notice_pdf(self, customer_id: int) -> bytes:
        return render_penalty_notice(self.notice_data(customer_id))

    # -- receipt ----------------------------------------------------------------------
    def receipt_data(self, payment_id: int) -> ReceiptData:
        today = self._clock.today()
        with self._book.session() as session:
            payment = get_payment(session, payment_id)
            view = payment_view(payment)
            if view.reversed_at is not None:
                raise ConflictError(gettext("El pago fue cancelado; no se emite recibo."))
            balances: dict[int, Decimal] = {}
            for allocation in view.allocations:
                invoice = session.get(Invoice, allocation.invoice_id)
                assert invoice is not None
                balances[allocation.invoice_id] = invoice_view(invoice, today).balance
            customer = payment.customer
            info = _customer(customer)
            business = _business(session)
            currency = _currency(session)
            balance_after = _customer_balance(session, customer.id)
        return ReceiptData(
            business=business,
            customer=info,
            number=_receipt_number(view.id),
            payment_date=view.payment_date,
            amount=view.amount,
            method=view.method.label(),
            allocations=tuple(
                ReceiptAllocationData(a.invoice_number, a.amount, balances[a.invoice_id])
                for a in view.allocations
            ),
            unapplied=view.unallocated,
            balance_after=balance_after,
            reference=view.reference,
            currency=currency,
            notes=view.notes,
            contact=ContactInfo(business.name, business.phone, business.email),
        )

    def receipt_pdf(self, payment_id: int) -> bytes:
        return render_receipt(self.receipt_data(payment_id))

    # -- letters ----------------------------------------------------------------------
    def letters_data(self, day: date | None = None) -> list[ReminderLetterData]:
        """One letter per customer with overdue invoices on ``day``, by customer name.

        Until the collections issue exists, "due" means every customer with overdue
        invoices; the tone follows the oldest overdue invoice (:func:`letter_tone`).
        """
        today = check_date(day or self._clock.today(), "day")
        with self._book.session() as session:
            customer_ids = session.scalars(
                select(Invoice.customer_id)
                .join(Customer, Customer.id == Invoice.customer_id)
                .where(
                    Invoice.lifecycle == "issued",
                    Invoice.paid_cents < Invoice.total_cents,
                    Invoice.due_date < today,
                )
                .group_by(Invoice.customer_id)
                .order_by(func.min(Customer.name_key), Invoice.customer_id)
            ).all()
            business = _business(session)
            currency = _currency(session)
            how_to_pay = _how_to_pay(session)
            letters = []
            for customer_id in customer_ids:
                customer = get_customer(session, customer_id)
                overdue = _overdue(session, customer_id, today)
                letters.append(
                    ReminderLetterData(
                        business=business,
                        customer=_customer(customer),
                        letter_date=today,
                        tone=letter_tone(max(o.days_late for o in overdue)),
                        overdue=overdue,
                        total_due=sum((o.balance for o in overdue), ZERO),
                        pay_by=today + timedelta(days=LETTER_PAY_DAYS),
                        currency=currency,
                        how_to_pay=how_to_pay,
                        contact=ContactInfo(business.name, business.phone, business.email),
                    )
                )
        return letters

    def letters_pdf(self, day: date | None = None) -> bytes:
        letters = self.letters_data(day)
        if not letters:
            raise NotFoundError(
                gettext("No hay cartas para esa fecha: ningún cliente tiene facturas vencidas.")
            )
        return render_letters(letters)


def _number(series: str, folio: int | None) -> str:
    return format_number(series, folio) if folio else ""


def _receipt_number(payment_id: int) -> str:
    return f"R-{payment_id:05d}"


def _how_to_pay(session: Session) -> str:
    value = read_setting(session, HOW_TO_PAY_KEY, "")
    return value if isinstance(value, str) else ""


def _currency(session: Session) -> str:
    return load_profile(session).currency


def _business(session: Session) -> BusinessInfo:
    return business_info(load_profile(session))


def business_info(profile: BusinessProfile | BusinessProfileView) -> BusinessInfo:
    """The business as printed on a document's letterhead and footer."""
    logo: bytes | None = None
    if profile.logo_path:
        try:
            logo = Path(profile.logo_path).read_bytes()
        except OSError:
            logo = None  # a moved logo must not stop the document
    return BusinessInfo(
        name=profile.name,
        rfc=profile.rfc,
        address=profile.address,
        phone=display_phone(profile.phone) if profile.phone else "",
        email=profile.email,
        logo=logo,
        bank_name=profile.bank_name,
        bank_account_holder=profile.name if profile.clabe else "",
        clabe=profile.clabe,
    )


def _customer(customer: Customer) -> CustomerInfo:
    return CustomerInfo(
        name=customer.name,
        rfc=customer.rfc,
        address=customer.address,
        email=customer.email,
        phone=display_phone(customer.phone) if customer.phone else "",
        code=str(customer.id),
    )


def _overdue(session: Session, customer_id: int, today: date) -> tuple[OverdueInvoiceData, ...]:
    invoices = session.scalars(
        select(Invoice)
        .where(
            Invoice.customer_id == customer_id,
            Invoice.lifecycle == "issued",
            Invoice.paid_cents < Invoice.total_cents,
            Invoice.due_date < today,
        )
        .options(selectinload(Invoice.customer))
        .order_by(Invoice.due_date, Invoice.id)
    ).all()
    return tuple(
        OverdueInvoiceData(
            number=_number(inv.series, inv.folio),
            issue_date=inv.issue_date,
            due_date=inv.due_date,
            days_late=(today - inv.due_date).days,
            total=from_cents(inv.total_cents),
            balance=from_cents(inv.total_cents - inv.paid_cents),
        )
        for inv in invoices
    )


def _customer_balance(session: Session, customer_id: int) -> Decimal:
    """What the customer owes now: open invoices minus unapplied credit."""
    owed = session.scalar(
        select(func.coalesce(func.sum(Invoice.total_cents - Invoice.paid_cents), 0)).where(
            Invoice.customer_id == customer_id, Invoice.lifecycle == "issued"
        )
    )
    credit = session.scalar(
        select(func.coalesce(func.sum(Payment.amount_cents - Payment.allocated_cents), 0)).where(
            Payment.customer_id == customer_id, Payment.reversed_at.is_(None)
        )
    )
    return from_cents(int(owed or 0) - int(credit or 0))
