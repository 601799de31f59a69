"""Printed documents from the book: gathers the data, the renderers draw it.

Every method reads in one session and returns PDF bytes (``*_pdf``) or the plain
document data (``*_data``, for tests and previews). Nothing is written.

A penalty notice always shows the penalty engine's figures
(:func:`~cobranza_desktop.services.penalties.engine.notice_penalty_lines`), read in the
notice's own session: no optional collaborator changes what a notice says.
:func:`penalty_notice_data` takes the figures' source as a required argument, so a
test can state them as data.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy.orm import Session

from cobranza_desktop.documents import (
    render_invoice,
    render_letters,
    render_penalty_notice,
    render_receipt,
    render_statement,
)
from cobranza_desktop.documents.data import (
    AgingBucketData,
    ContactInfo,
    EntryKind,
    InstalmentOption,
    InvoiceData,
    OverdueInvoiceData,
    PenaltyLineData,
    PenaltyNoticeData,
    ReceiptAllocationData,
    ReceiptData,
    ReminderLetterData,
    StatementData,
    StatementEntryData,
)
from cobranza_desktop.domain.access import Permission
from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.errors import ConflictError, NotFoundError
from cobranza_desktop.domain.formatting import format_date
from cobranza_desktop.domain.i18n import gettext
from cobranza_desktop.domain.invoices import Lifecycle, invoice_number
from cobranza_desktop.domain.money import ZERO, from_cents
from cobranza_desktop.domain.payments import PaymentMethod
from cobranza_desktop.domain.validation import check_date
from cobranza_desktop.services.base.access import require
from cobranza_desktop.services.base.settings import write_setting
from cobranza_desktop.services.billing.invoices import invoice_view
from cobranza_desktop.services.customers.records import get_customer
from cobranza_desktop.services.documents.invoice_parts import (
    invoice_document,
    original_amount,
    printable_invoice,
)
from cobranza_desktop.services.documents.letters import (
    LETTER_PAY_DAYS as LETTER_PAY_DAYS,
)
from cobranza_desktop.services.documents.letters import (
    PrintedLetters,
    day_letters,
    no_letters,
    print_day_letters,
)
from cobranza_desktop.services.documents.letters import letter_tone as letter_tone
from cobranza_desktop.services.documents.letters import stage_tone as stage_tone
from cobranza_desktop.services.documents.parts import (
    HOW_TO_PAY_KEY,
    business_data,
    currency_of,
    customer_info,
    how_to_pay_text,
    overdue_invoices,
    receipt_number,
)

# business_info is also read from here by the messaging services.
from cobranza_desktop.services.documents.parts import business_info as business_info
from cobranza_desktop.services.documents.prepayment_parts import (
    active_prepayments_of,
    prepayment_of_payment,
)
from cobranza_desktop.services.penalties.engine import notice_penalty_lines
from cobranza_desktop.services.receivables.aging import aging_report
from cobranza_desktop.services.receivables.payments import get_payment, payment_view
from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.models import Invoice
from cobranza_desktop.storage.queries.balances import customer_balance
from cobranza_desktop.storage.queries.statements import statement_rows

# Days the customer has, from the notice date, to pay and avoid the penalty.
NOTICE_GRACE_DAYS = 7
# Terms offered on the notice: the instalment with and without the penalty.
INSTALMENT_MONTHS = (3, 6)
# Default statement period when none is given.
STATEMENT_DAYS = 90


# Where a notice's penalty figures come from: notice_penalty_lines, or data in a test.
PenaltyLines = Callable[
    [Session, int, Sequence[OverdueInvoiceData], date], tuple[PenaltyLineData, ...]
]


class DocumentService:
    def __init__(self, book: Book, clock: Clock) -> None:
        self._book = book
        self._clock = clock

    # -- settings ---------------------------------------------------------------------
    def how_to_pay(self) -> str:
        with self._book.session() as session:
            return how_to_pay_text(session)

    def set_how_to_pay(self, text: str) -> None:
        with self._book.transaction() as session:
            require(session, Permission.SETTINGS)
            write_setting(session, HOW_TO_PAY_KEY, text.strip())

    # -- invoice ----------------------------------------------------------------------
    def invoice_data(self, number: str) -> InvoiceData:
        """The invoice "SERIES-FOLIO" (e.g. "A-00042"), or an imported one by its own
        number, as document data."""
        with self._book.session() as session:
            invoice = printable_invoice(session, number)
            return invoice_document(session, invoice, self._clock.today())

    def invoice_data_by_id(self, invoice_id: int) -> InvoiceData:
        with self._book.session() as session:
            invoice = session.get(Invoice, invoice_id)
            if invoice is None or invoice.lifecycle == Lifecycle.DRAFT.value:
                raise NotFoundError(gettext("La factura no existe o es un borrador."))
            return invoice_document(session, invoice, self._clock.today())

    def invoice_pdf(self, number: str) -> bytes:
        return render_invoice(self.invoice_data(number))

    def invoice_pdf_by_id(self, invoice_id: int) -> bytes:
        return render_invoice(self.invoice_data_by_id(invoice_id))

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
            charged_before, paid_before, invoices, payments = statement_rows(
                session, customer_id, start, end
            )
            business = business_data(session)
            info = customer_info(customer)
            currency = currency_of(session)
            how_to_pay = how_to_pay_text(session)
            aging = aging_report(session, end, customer_id=customer_id)
            prepayments = active_prepayments_of(session, customer_id)
        entries: list[tuple[date, int, StatementEntryData]] = []
        for row in invoices:
            kind = EntryKind.LATE_CHARGE if row.kind == "late_charge" else EntryKind.INVOICE
            due = gettext("vence {due_date}").format(due_date=format_date(row.due_date))
            original = original_amount(row.currency, row.foreign_total_cents, row.exchange_rate)
            if original:  # the row in its own currency too
                due += " · " + original
            entries.append(
                (
                    row.issue_date,
                    0,
                    StatementEntryData(
                        row.issue_date,
                        kind,
                        invoice_number(row.series, row.folio, row.external_number),
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
                        pay.reference or receipt_number(pay.id),
                        PaymentMethod(pay.method).label(),
                        credit=from_cents(pay.amount_cents),
                    ),
                )
            )
        entries.sort(key=lambda item: (item[0], item[1]))
        items = tuple(entry for _, _, entry in entries)
        opening = from_cents(charged_before - paid_before)
        closing = (
            opening + sum((e.charge for e in items), ZERO) - sum((e.credit for e in items), ZERO)
        )
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
            prepayments=prepayments,
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
        with self._book.session() as session:
            return penalty_notice_data(
                session, customer_id, self._clock.today(), notice_penalty_lines, months
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
            originals: dict[int, str] = {}  # a foreign invoice named in its own currency
            for allocation in view.allocations:
                invoice = session.get(Invoice, allocation.invoice_id)
                assert invoice is not None
                balances[allocation.invoice_id] = invoice_view(invoice, today).balance
                originals[allocation.invoice_id] = original_amount(
                    invoice.currency, invoice.foreign_total_cents, invoice.exchange_rate
                )
            customer = payment.customer
            info = customer_info(customer)
            business = business_data(session)
            currency = currency_of(session)
            balance_after = from_cents(customer_balance(session, customer.id).balance_cents)
            prepayment = prepayment_of_payment(session, payment_id)
        return ReceiptData(
            business=business,
            customer=info,
            number=receipt_number(view.id),
            payment_date=view.payment_date,
            amount=view.amount,
            method=view.method.label(),
            allocations=tuple(
                ReceiptAllocationData(
                    a.invoice_number, a.amount, balances[a.invoice_id], originals[a.invoice_id]
                )
                for a in view.allocations
            ),
            unapplied=view.unallocated,
            balance_after=balance_after,
            reference=view.reference,
            currency=currency,
            notes=view.notes,
            contact=ContactInfo(business.name, business.phone, business.email),
            prepayment=prepayment,
        )

    def receipt_pdf(self, payment_id: int) -> bytes:
        return render_receipt(self.receipt_data(payment_id))

    # -- letters ----------------------------------------------------------------------
    def letters_data(self, day: date | None = None) -> list[ReminderLetterData]:
        """One letter per letter action on the agenda of ``day``, by customer name (see
        :mod:`.letters`). Writes nothing."""
        today = check_date(day or self._clock.today(), "day")
        with self._book.session() as session:
            return [d.letter for d in day_letters(session, today)]

    def letters_pdf(self, day: date | None = None) -> bytes:
        """The letters of ``day`` as one PDF, to look at: nothing is logged."""
        letters = self.letters_data(day)
        if not letters:
            raise no_letters()
        return render_letters(letters)

    def print_letters(self, day: date | None = None) -> PrintedLetters:
        """The letters of ``day`` to print: each one logs its contact and completes its
        agenda action, in one transaction with the PDF. Printing again finds nothing."""
        today = check_date(day or self._clock.today(), "day")
        with self._book.transaction() as session:
            require(session, Permission.COLLECT)
            return print_day_letters(session, today, self._clock.now())


def penalty_notice_data(
    session: Session,
    customer_id: int,
    today: date,
    lines: PenaltyLines,
    months: Sequence[int] = INSTALMENT_MONTHS,
) -> PenaltyNoticeData:
    """A penalty notice dated ``today``, its penalty figures from ``lines``."""
    customer = get_customer(session, customer_id)
    overdue = overdue_invoices(session, customer_id, today)
    business = business_data(session)
    info = customer_info(customer)
    currency = currency_of(session)
    how_to_pay = how_to_pay_text(session)
    if not overdue:
        raise ConflictError(
            gettext("{name} no tiene facturas vencidas.").format(name=customer.name)
        )
    penalties = lines(session, customer_id, overdue, today)
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
