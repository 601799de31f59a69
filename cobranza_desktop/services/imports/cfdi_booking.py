"""The booking of one CFDI import, document by document, in the caller's session.

Invoices first, then credit notes, then payments by date, so that a P's chain reads in
order; money for an invoice not in the book yet waits (``PendingCfdiAllocation``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any, TypeVar

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from cobranza_desktop.domain.currency import is_foreign, to_book_cents
from cobranza_desktop.domain.i18n import gettext
from cobranza_desktop.domain.invoices import Lifecycle
from cobranza_desktop.domain.money import from_cents, to_cents
from cobranza_desktop.domain.payments import PaymentMethod
from cobranza_desktop.imports.cfdi import CfdiRecord, PaymentRecord, RelatedDocument
from cobranza_desktop.imports.problems import Problem
from cobranza_desktop.services.imports.cfdi_currency import (
    book_part,
    booked_total,
    doc_rate,
    invoice_parts,
    own_balance,
    rate_of,
)
from cobranza_desktop.services.imports.cfdi_rows import (
    AnyInvoice,
    AnyPayment,
    CfdiRows,
    NewInvoice,
)
from cobranza_desktop.services.imports.common import (
    CustomerFinder,
    empty_counts,
)
from cobranza_desktop.storage.models import (
    Customer,
    ImportBatch,
    Invoice,
    Payment,
    PendingCfdiAllocation,
)

# SAT FormaPago -> the book's payment method.
_FORMS = {
    "01": PaymentMethod.CASH,
    "02": PaymentMethod.CHECK,
    "03": PaymentMethod.TRANSFER,
    "04": PaymentMethod.CARD,
    "28": PaymentMethod.CARD,
    "29": PaymentMethod.CARD,
    "12": PaymentMethod.BARTER,
    "17": PaymentMethod.BARTER,
}
_T = TypeVar("_T")
# Read once: an enum member's ``.value`` is a descriptor call, on every document.
_DISCOUNT = PaymentMethod.DISCOUNT.value
_TRANSFER = PaymentMethod.TRANSFER.value
_FORM_VALUES = {form: method.value for form, method in _FORMS.items()}
_ISSUED = Lifecycle.ISSUED.value


def _money(cents: int) -> str:
    return f"{from_cents(cents):,.2f}"


@dataclass
class Run:
    session: Session
    now: datetime
    batch: ImportBatch
    customers: CustomerFinder
    counts: dict[str, int] = field(default_factory=empty_counts)
    problems: list[Problem] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)
    invoices: list[NewInvoice] = field(default_factory=list)
    # Read once before booking, so that thousands of documents need no query each.
    by_uuid: dict[str, AnyInvoice] = field(default_factory=dict)
    waiting: dict[str, list[PendingCfdiAllocation]] = field(default_factory=dict)
    uncovered: dict[tuple[int, date, int], Payment] = field(default_factory=dict)
    rows: CfdiRows = field(init=False)
    seen_customers: dict[tuple[str, str], Customer] = field(default_factory=dict)
    # A customer's own terms (None: the profile's), read once per customer, not per invoice.
    terms_of: dict[int, int | None] = field(default_factory=dict)
    batch_id: int = field(init=False)
    # id() of each customer -> its id, once flushed: an ORM attribute read per document
    # cost more than the rest of its row.
    customer_ids: dict[int, int] = field(default_factory=dict)
    rep_note: str = field(init=False)  # translated once per import, not per payment

    def __post_init__(self) -> None:
        self.rows = CfdiRows(self.session, self.now, self.batch.id)
        self.batch_id = self.batch.id  # an ORM attribute read costs a call per document
        self.rep_note = gettext("Complemento de pago {number}")

    def skip(self, source: str, message: str) -> None:
        self.counts["skipped"] += 1
        self.skipped.append(Problem(source, message))

    def invoice_by_uuid(self, uuid: str) -> AnyInvoice | None:
        return self.by_uuid.get(uuid)

    def preload(self, records: list[CfdiRecord]) -> None:
        related = {d.uuid for r in records for p in r.payments for d in p.documents}
        related |= {uuid for r in records for _, uuid in r.related}
        # A book's first import (the usual move in) has no stamped invoice and nothing
        # waiting: one indexed probe each instead of a query per 500 UUIDs.
        if not self._exists(select(Invoice.id).where(Invoice.cfdi_uuid > "")):
            related = set()
        for chunk in chunks(sorted(related)):
            for invoice in self.session.scalars(
                select(Invoice).where(
                    Invoice.cfdi_uuid.in_(chunk), Invoice.lifecycle == Lifecycle.ISSUED.value
                )
            ):
                self.by_uuid.setdefault(invoice.cfdi_uuid, invoice)
        arriving = sorted(r.uuid for r in records if r.doc_type == "I")
        unsettled = PendingCfdiAllocation.settled.is_(False)
        if not self._exists(select(PendingCfdiAllocation.id).where(unsettled)):
            arriving = []
        for chunk in chunks(arriving):
            for item in self.session.scalars(
                select(PendingCfdiAllocation)
                .where(
                    PendingCfdiAllocation.related_uuid.in_(chunk),
                    PendingCfdiAllocation.settled.is_(False),
                )
                .order_by(PendingCfdiAllocation.instalment, PendingCfdiAllocation.id)
            ):
                self.waiting.setdefault(item.related_uuid, []).append(item)
        days = sorted({p.paid_on for r in records for p in r.payments})
        for day_chunk in chunks(days):
            for payment in self.session.scalars(
                select(Payment).where(
                    Payment.payment_date.in_(day_chunk),
                    Payment.rep_uuid == "",
                    Payment.reversed_at.is_(None),
                    Payment.method != PaymentMethod.DISCOUNT.value,
                )
            ):
                key = (payment.customer_id, payment.payment_date, payment.amount_cents)
                self.uncovered.setdefault(key, payment)

    def _exists(self, statement: Select[Any]) -> bool:
        return self.session.scalar(statement.limit(1)) is not None

    # -- the three kinds -----------------------------------------------------------------

    def customer_of(self, record: CfdiRecord) -> Customer:
        # Thousands of documents name a few hundred customers: each is looked up once.
        key = (record.receiver.rfc, record.receiver.name)
        customer = self.seen_customers.get(key)
        if customer is None:
            customer = self.seen_customers[key] = self.customers.get_or_create(
                record.receiver.rfc,
                record.receiver.name,
                regime=record.receiver.regime,
                postal_code=record.receiver.postal_code,
            )
        return customer

    def read_customer_ids(self) -> None:
        """Once the customers are flushed: their ids, for the rows."""
        for customer in self.seen_customers.values():
            self.customer_ids[id(customer)] = customer.id

    def add_invoice(self, record: CfdiRecord, terms: int) -> None:
        stamped = to_cents(record.total)
        if stamped <= 0:
            self.skip(record.source, gettext("Factura con total cero."))
            return
        booked = booked_total(record.currency, record.exchange_rate, stamped)
        if booked is None:
            self.problems.append(
                Problem(
                    record.source,
                    gettext(
                        "Factura en {currency} sin TipoCambio: no se puede llevar a MXN."
                    ).format(currency=record.currency),
                )
            )
            return
        rate = booked.exchange_rate
        customer = self.customer_of(record)
        if id(customer) in self.terms_of:
            own = self.terms_of[id(customer)]
        else:
            own = self.terms_of[id(customer)] = customer.payment_terms_days
        days = own if own is not None else terms
        customer_id = self.customer_ids[id(customer)]
        issued, due = record.issued_on, record.issued_on + timedelta(days=days)
        total, foreign_total = booked.total_cents, booked.foreign_total_cents
        invoice = NewInvoice(
            row={
                "customer_id": customer_id,
                "kind": "invoice",
                "series": record.series[:10],
                "folio": None,  # never a folio of the program's series: the number stays external
                "external_number": record.number[:60],
                "lifecycle": _ISSUED,
                "issue_date": issued,
                "due_date": due,
                # SubTotal, Descuento and taxes in MXN, and as stamped when foreign.
                **invoice_parts(record, rate),
                "total_cents": total,
                "paid_cents": 0,
                "cfdi_uuid": record.uuid,
                "sat_payment_method": record.payment_method[:3],
                "sat_payment_form": record.payment_form[:2],
                "currency": record.currency[:3],
                "foreign_total_cents": foreign_total,
                "exchange_rate": rate,
                "import_batch_id": self.batch_id,
                "created_at": self.now,
            },
            customer_id=customer_id,
            issue_date=issued,
            due_date=due,
            total_cents=total,
            cfdi_uuid=record.uuid,
            foreign_total_cents=foreign_total,
            exchange_rate=rate,
        )
        self.rows.invoices.append(invoice)
        self.document(record, invoice=invoice, total_cents=stamped)
        self.counts["invoices"] += 1
        self.invoices.append(invoice)
        self.by_uuid[record.uuid] = invoice
        self.settle_pending(invoice)

    def add_credit_note(self, record: CfdiRecord) -> None:
        if is_foreign(record.currency) and rate_of(record.currency, record.exchange_rate) is None:
            self.problems.append(
                Problem(
                    record.source,
                    gettext(
                        "Nota de crédito en {currency} sin TipoCambio: no se puede llevar a MXN."
                    ).format(currency=record.currency),
                )
            )
            return
        customer = self.customer_of(record)
        payment = self.rows.add_payment(
            self.customer_ids[id(customer)],
            record.issued_on,
            _DISCOUNT,
            to_book_cents(to_cents(record.total), rate_of(record.currency, record.exchange_rate)),
            reference=record.uuid,
            notes=gettext("Nota de crédito {number}").format(number=record.number),
            rep_uuid="",
        )
        self.document(record, payment=payment)
        self.counts["credit_notes"] += 1
        for kind, uuid in record.related:
            if kind != "01":  # only "nota de crédito de los documentos relacionados"
                continue
            left = payment.amount_cents - payment.allocated_cents
            if left <= 0:
                break
            invoice = self.invoice_by_uuid(uuid)
            if invoice is None:
                self.pending(payment, uuid, left, None, 0, record.source)
                break
            cents = min(left, invoice.total_cents - invoice.paid_cents)
            if cents > 0:
                self.rows.allocate(payment, invoice, cents)

    def add_payment(self, record: CfdiRecord, pago: PaymentRecord) -> None:
        customer = self.customer_of(record)
        pago_rate = rate_of(pago.currency, pago.exchange_rate)
        if is_foreign(pago.currency) and pago_rate is None:
            self.problems.append(
                Problem(
                    record.source,
                    gettext("Pago en {currency} sin TipoCambioP: no se puede llevar a MXN.").format(
                        currency=pago.currency
                    ),
                )
            )
            return
        # Allocations follow each invoice's currency: one payment per currency of its
        # documents, booked in MXN (domain/currency.py).
        by_currency: dict[str, list[RelatedDocument]] = {}
        for doc in pago.documents:
            by_currency.setdefault(doc.currency or pago.currency, []).append(doc)
        if not by_currency:
            by_currency[pago.currency] = []
        for currency, docs in by_currency.items():
            cents = sum(to_cents(d.paid) for d in docs)
            left = 0  # what no document took stays as credit
            if currency == pago.currency:
                left = max(0, to_cents(pago.amount) - cents)
            if cents + left <= 0:
                continue
            foreign = is_foreign(currency)
            if not foreign:
                key = (self.customer_ids[id(customer)], pago.paid_on, cents + left)
                found = self.uncovered.pop(key, None)
                if found is not None:  # recorded by hand earlier: this P is its REP
                    found.rep_uuid = record.uuid
                    continue
            payment = self.rows.add_payment(
                self.customer_ids[id(customer)],
                pago.paid_on,
                _FORM_VALUES.get(pago.form, _TRANSFER),
                # A foreign payment grows by what each document takes, in MXN.
                to_book_cents(left, pago_rate) if foreign else cents + left,
                reference=pago.operation[:200],
                notes=self.rep_note.format(number=record.number),
                rep_uuid=record.uuid,
            )
            self.counts["payments"] += 1
            for doc in docs:
                rate = doc_rate(pago_rate, doc) if foreign else None
                self.pay_document(record.source, payment, doc, rate)

    def pay_document(
        self, source: str, payment: AnyPayment, doc: RelatedDocument, rate: Decimal | None
    ) -> None:
        """``rate``: MXN per unit of a foreign document's currency, as the payment states
        it (None for MXN); the payment grows by the document's part in MXN."""
        cents = to_cents(doc.paid)
        before = None if doc.balance_before is None else to_cents(doc.balance_before)
        if before is not None and doc.balance_after is not None:
            after = to_cents(doc.balance_after)
            if after != before - cents:
                self.problems.append(
                    Problem(
                        source,
                        gettext(
                            "Documento {uuid}: ImpSaldoInsoluto {after} no es ImpSaldoAnt "
                            "{before} − ImpPagado {cents}."
                        ).format(
                            uuid=doc.uuid,
                            after=_money(after),
                            before=_money(before),
                            cents=_money(cents),
                        ),
                    )
                )
        invoice = self.invoice_by_uuid(doc.uuid)
        if invoice is None:
            held = None
            if rate is not None:  # valued at the payment's rate until the invoice arrives
                held = to_book_cents(cents, rate)
                payment.amount_cents += held
            self.pending(payment, doc.uuid, cents, before, doc.instalment, source, held)
            return
        # The payment grows by the part at the invoice's rate (``held=0``), once allocated.
        self.allocate_checked(
            source, payment, invoice, cents, before, held=None if rate is None else 0
        )

    def allocate_checked(
        self,
        source: str,
        payment: AnyPayment,
        invoice: AnyInvoice,
        cents: int,
        before: int | None,
        *,
        in_book: bool = False,
        held: int | None = None,
    ) -> None:
        """Allocate ``cents`` in the invoice's own currency (``in_book``: already MXN),
        after checking the chain in that currency.

        ``held``: for a foreign part, the MXN the payment holds for it so far (0 when
        it arrives with the invoice in the book, the value at the payment's rate when it
        waited). The payment trades it for the part at the invoice's rate, so the book is
        the same in whichever order the invoice and its REP are imported."""
        # An invoice with no foreign total has no rate to apply (cfdi_currency.invoice_rate):
        # its balance and parts are its MXN cents, without the conversions' calls.
        foreign = invoice.foreign_total_cents is not None
        if in_book or not foreign:
            balance = invoice.total_cents - invoice.paid_cents
        else:
            balance = own_balance(invoice)
        if before is not None and before != balance:
            self.problems.append(
                Problem(
                    source,
                    gettext(
                        "Documento {cfdi_uuid}: ImpSaldoAnt es {before} pero el saldo de la "
                        "factura antes de esta parcialidad es {balance}."
                    ).format(
                        cfdi_uuid=invoice.cfdi_uuid, before=_money(before), balance=_money(balance)
                    ),
                )
            )
            return
        if cents > balance:
            self.problems.append(
                Problem(
                    source,
                    gettext(
                        "Documento {cfdi_uuid}: se pagan {cents} y el saldo es {balance}."
                    ).format(
                        cfdi_uuid=invoice.cfdi_uuid, cents=_money(cents), balance=_money(balance)
                    ),
                )
            )
            return
        if payment.customer_id != invoice.customer_id:
            self.problems.append(
                Problem(
                    source,
                    gettext("El pago y la factura {cfdi_uuid} son de clientes distintos.").format(
                        cfdi_uuid=invoice.cfdi_uuid
                    ),
                )
            )
            return
        if not in_book:
            part = book_part(invoice, cents) if foreign else cents
            if held is not None:
                payment.amount_cents += part - held
            cents = min(part, payment.amount_cents - payment.allocated_cents)
        if cents > 0:
            self.rows.allocate(payment, invoice, cents)

    def pending(
        self,
        payment: AnyPayment,
        uuid: str,
        cents: int,
        before: int | None,
        instalment: int,
        source: str,
        held: int | None = None,
    ) -> None:
        self.rows.pending.append(
            (
                payment,
                {
                    "related_uuid": uuid,
                    "amount_cents": cents,
                    "balance_before_cents": before,
                    "instalment": instalment,
                    "source": source[:500],
                    "settled": False,
                    "book_cents": held,
                },
            )
        )

    def settle_pending(self, invoice: NewInvoice) -> None:
        """Apply the P and E money that waited for this invoice, oldest instalment first."""
        for item in self.waiting.pop(invoice.cfdi_uuid, []):
            payment = item.payment
            if payment.reversed_at is not None:
                continue
            if payment.method == _DISCOUNT:  # a credit note: up to the balance
                cents = min(item.amount_cents, payment.amount_cents - payment.allocated_cents)
                cents = min(cents, invoice.total_cents - invoice.paid_cents)
                self.allocate_checked(item.source, payment, invoice, cents, None, in_book=True)
            else:  # a P's part, in the invoice's currency; the payment holds it in MXN
                self.allocate_checked(
                    item.source,
                    payment,
                    invoice,
                    item.amount_cents,
                    item.balance_before_cents,
                    held=item.book_cents,
                )
            item.settled = True

    def document(
        self,
        record: CfdiRecord,
        *,
        invoice: AnyInvoice | None = None,
        payment: AnyPayment | None = None,
        total_cents: int | None = None,
    ) -> None:
        self.rows.add_document(record, invoice, payment, total_cents)


def chunks(items: Sequence[_T], size: int = 500) -> list[Sequence[_T]]:
    return [items[i : i + size] for i in range(0, len(items), size)]
