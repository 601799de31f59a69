"""Import CFDI XML (I, E, P): preview, then commit whole or not at all.

Invoices keep their own series/folio and never take a folio of the program's series.
The UUID is the natural key: a document already in the book is skipped. A payment (P)
or credit note (E) whose invoice is not in the book yet waits as the customer's credit
and is applied when that invoice arrives, so the order of imports does not matter.
History is booked directly: no incentive, penalty or message is triggered by it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from cobranza_desktop.domain.access import Permission
from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.i18n import gettext
from cobranza_desktop.domain.invoices import Lifecycle
from cobranza_desktop.domain.money import from_cents, to_cents
from cobranza_desktop.domain.payments import PaymentMethod
from cobranza_desktop.imports.cfdi import CfdiRecord, PaymentRecord, RelatedDocument
from cobranza_desktop.imports.problems import Problem
from cobranza_desktop.imports.sources import iter_sources
from cobranza_desktop.services.base.access import require
from cobranza_desktop.services.base.business import load_profile
from cobranza_desktop.services.imports.cfdi_reading import business_rfc, read_all
from cobranza_desktop.services.imports.common import (
    CustomerFinder,
    ImportReport,
    RollBack,
    close_batch,
    empty_counts,
    new_batch,
)
from cobranza_desktop.services.receivables import allocations
from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.models import (
    CfdiDocument,
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
Progress = Callable[[float], None]
_T = TypeVar("_T")


def _money(cents: int) -> str:
    return f"{from_cents(cents):,.2f}"


@dataclass
class _Run:
    session: Session
    now: datetime
    batch: ImportBatch
    customers: CustomerFinder
    counts: dict[str, int] = field(default_factory=empty_counts)
    problems: list[Problem] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)
    invoices: list[Invoice] = field(default_factory=list)
    # Read once before booking, so that thousands of documents need no query each.
    by_uuid: dict[str, Invoice] = field(default_factory=dict)
    waiting: dict[str, list[PendingCfdiAllocation]] = field(default_factory=dict)
    uncovered: dict[tuple[int, date, int], Payment] = field(default_factory=dict)

    def skip(self, source: str, message: str) -> None:
        self.counts["skipped"] += 1
        self.skipped.append(Problem(source, message))

    def invoice_by_uuid(self, uuid: str) -> Invoice | None:
        return self.by_uuid.get(uuid)

    def preload(self, records: list[CfdiRecord]) -> None:
        related = {d.uuid for r in records for p in r.payments for d in p.documents}
        related |= {uuid for r in records for _, uuid in r.related}
        for chunk in _chunks(sorted(related)):
            for invoice in self.session.scalars(
                select(Invoice).where(
                    Invoice.cfdi_uuid.in_(chunk), Invoice.lifecycle == Lifecycle.ISSUED.value
                )
            ):
                self.by_uuid.setdefault(invoice.cfdi_uuid, invoice)
        arriving = sorted(r.uuid for r in records if r.doc_type == "I")
        for chunk in _chunks(arriving):
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
        for day_chunk in _chunks(days):
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

    # -- the three kinds -----------------------------------------------------------------

    def customer_of(self, record: CfdiRecord) -> Customer:
        return self.customers.get_or_create(
            record.receiver.rfc,
            record.receiver.name,
            regime=record.receiver.regime,
            postal_code=record.receiver.postal_code,
        )

    def add_invoice(self, record: CfdiRecord, terms: int) -> None:
        total = to_cents(record.total)
        if total <= 0:
            self.skip(record.source, gettext("Factura con total cero."))
            return
        customer = self.customer_of(record)
        days = customer.payment_terms_days if customer.payment_terms_days is not None else terms
        invoice = Invoice(
            customer=customer,
            kind="invoice",
            series=record.series[:10],
            folio=None,  # never a folio of the program's series: the number stays external
            external_number=record.number[:60],
            lifecycle=Lifecycle.ISSUED.value,
            issue_date=record.issued_on,
            due_date=record.issued_on + timedelta(days=days),
            subtotal_cents=to_cents(record.subtotal),
            discount_cents=to_cents(record.discount),
            tax_cents=to_cents(record.transferred_tax),
            withheld_tax_cents=to_cents(record.withheld_tax),
            total_cents=total,
            paid_cents=0,
            cfdi_uuid=record.uuid,
            sat_payment_method=record.payment_method[:3],
            sat_payment_form=record.payment_form[:2],
            currency=record.currency[:3],
            exchange_rate=record.exchange_rate,
            import_batch_id=self.batch.id,
            created_at=self.now,
        )
        self.session.add(invoice)
        self.document(record, invoice=invoice)
        self.counts["invoices"] += 1
        self.invoices.append(invoice)
        self.by_uuid[record.uuid] = invoice
        self.settle_pending(invoice)

    def add_credit_note(self, record: CfdiRecord) -> None:
        customer = self.customer_of(record)
        payment = Payment(
            customer=customer,
            payment_date=record.issued_on,
            amount_cents=to_cents(record.total),
            allocated_cents=0,
            method=PaymentMethod.DISCOUNT.value,
            reference=record.uuid,
            notes=gettext("Nota de crédito {number}").format(number=record.number),
            rep_uuid="",
            import_batch_id=self.batch.id,
            created_at=self.now,
        )
        self.session.add(payment)
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
                allocations.apply(self.session, payment, invoice, cents, self.now)

    def add_payment(self, record: CfdiRecord, pago: PaymentRecord) -> None:
        customer = self.customer_of(record)
        # Allocations are in each invoice's currency: one payment per currency of its documents.
        by_currency: dict[str, list[RelatedDocument]] = {}
        for doc in pago.documents:
            by_currency.setdefault(doc.currency or pago.currency, []).append(doc)
        if not by_currency:
            by_currency[pago.currency] = []
        for currency, docs in by_currency.items():
            cents = sum(to_cents(d.paid) for d in docs)
            if currency == pago.currency:
                cents = max(cents, to_cents(pago.amount))  # what no document took stays as credit
            if cents <= 0:
                continue
            found = self.uncovered.pop((customer.id, pago.paid_on, cents), None)
            if found is not None:  # recorded by hand earlier: this P is its REP
                found.rep_uuid = record.uuid
                continue
            payment = Payment(
                customer=customer,
                payment_date=pago.paid_on,
                amount_cents=cents,
                allocated_cents=0,
                method=_FORMS.get(pago.form, PaymentMethod.TRANSFER).value,
                reference=pago.operation[:200],
                notes=gettext("Complemento de pago {number}").format(number=record.number),
                rep_uuid=record.uuid,
                import_batch_id=self.batch.id,
                created_at=self.now,
            )
            self.session.add(payment)
            self.counts["payments"] += 1
            for doc in docs:
                self.pay_document(record.source, payment, doc)

    def pay_document(self, source: str, payment: Payment, doc: RelatedDocument) -> None:
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
            self.pending(payment, doc.uuid, cents, before, doc.instalment, source)
            return
        self.allocate_checked(source, payment, invoice, cents, before)

    def allocate_checked(
        self, source: str, payment: Payment, invoice: Invoice, cents: int, before: int | None
    ) -> None:
        balance = invoice.total_cents - invoice.paid_cents
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
        if payment.customer is not invoice.customer:
            self.problems.append(
                Problem(
                    source,
                    gettext("El pago y la factura {cfdi_uuid} son de clientes distintos.").format(
                        cfdi_uuid=invoice.cfdi_uuid
                    ),
                )
            )
            return
        if cents > 0:
            allocations.apply(self.session, payment, invoice, cents, self.now)

    def pending(
        self,
        payment: Payment,
        uuid: str,
        cents: int,
        before: int | None,
        instalment: int,
        source: str,
    ) -> None:
        self.session.add(
            PendingCfdiAllocation(
                payment=payment,
                related_uuid=uuid,
                amount_cents=cents,
                balance_before_cents=before,
                instalment=instalment,
                source=source[:500],
                settled=False,
            )
        )

    def settle_pending(self, invoice: Invoice) -> None:
        """Apply the P and E money that waited for this invoice, oldest instalment first."""
        for item in self.waiting.pop(invoice.cfdi_uuid, []):
            payment = item.payment
            if payment.reversed_at is not None:
                continue
            cents = min(item.amount_cents, payment.amount_cents - payment.allocated_cents)
            if payment.method == PaymentMethod.DISCOUNT.value:  # a credit note: up to the balance
                cents = min(cents, invoice.total_cents - invoice.paid_cents)
            self.allocate_checked(item.source, payment, invoice, cents, item.balance_before_cents)
            item.settled = True

    def document(
        self, record: CfdiRecord, *, invoice: Invoice | None = None, payment: Payment | None = None
    ) -> None:
        self.session.add(
            CfdiDocument(
                uuid=record.uuid,
                doc_type=record.doc_type,
                version=record.version,
                source=record.source[:500],
                issuer_rfc=record.issuer.rfc[:13],
                receiver_rfc=record.receiver.rfc[:13],
                issued_on=record.issued_on,
                total_cents=to_cents(record.total),
                currency=record.currency[:3],
                invoice=invoice,
                payment=payment,
                batch_id=self.batch.id,
                created_at=self.now,
            )
        )


def _chunks(items: Sequence[_T], size: int = 500) -> list[Sequence[_T]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


class CfdiImportService:
    def __init__(self, book: Book, clock: Clock) -> None:
        self._book = book
        self._clock = clock

    def preview(
        self,
        paths: Sequence[Path],
        *,
        business_rfc: str | None = None,
        progress: Progress | None = None,
    ) -> ImportReport:
        """Everything the import would do, computed and thrown away: nothing is written."""
        return self._run(paths, business_rfc, commit=False, progress=progress)

    def commit(
        self,
        paths: Sequence[Path],
        *,
        business_rfc: str | None = None,
        progress: Progress | None = None,
    ) -> ImportReport:
        """Import whole, or (when any problem is found) write nothing at all."""
        return self._run(paths, business_rfc, commit=True, progress=progress)

    def _run(
        self,
        paths: Sequence[Path],
        explicit_rfc: str | None,
        *,
        commit: bool,
        progress: Progress | None,
    ) -> ImportReport:
        records, problems = read_all(list(iter_sources(paths)), progress)
        now = self._clock.now()
        report: ImportReport | None = None
        try:
            with self._book.transaction() as session:
                require(session, Permission.BOOKKEEPING)
                report = self._book_records(session, records, problems, explicit_rfc, now)
                if progress is not None:
                    progress(0.95)  # booked; a cancel here still writes nothing
                if not commit or report.problems:
                    raise RollBack
        except RollBack:
            assert report is not None
            return ImportReport(
                committed=False,
                counts=report.counts,
                problems=report.problems,
                new_customers=report.new_customers,
                matched_customers=report.matched_customers,
                total_receivable=report.total_receivable,
                skipped=report.skipped,
                notes=report.notes,
            )
        if progress is not None:
            progress(1.0)
        return report

    def _book_records(
        self,
        session: Session,
        records: list[CfdiRecord],
        problems: list[Problem],
        explicit_rfc: str | None,
        now: datetime,
    ) -> ImportReport:
        profile = load_profile(session)
        rfc, note = business_rfc(profile.rfc, explicit_rfc, records)
        if rfc and not profile.rfc:
            profile.rfc = rfc[:13]
        batch = new_batch(
            session, "cfdi", "; ".join(sorted({r.source for r in records}))[:2000], now
        )
        finder = CustomerFinder(session, now, flush_each=False)
        run = _Run(session, now, batch, finder, problems=list(problems))
        known = set(session.scalars(select(CfdiDocument.uuid)))
        ours: list[CfdiRecord] = []
        for record in records:
            if record.uuid in known:
                run.skip(
                    record.source,
                    gettext("Ya estaba importado (mismo UUID)."),
                )
            elif record.issuer.rfc != rfc:
                reason = (
                    gettext("Recibido por el negocio: no es una cuenta por cobrar.")
                    if record.receiver.rfc == rfc
                    else gettext("Emitido por otro RFC ({rfc}).").format(rfc=record.issuer.rfc)
                )
                run.skip(record.source, reason)
            else:
                known.add(record.uuid)
                ours.append(record)
        run.preload(ours)
        # Invoices first, then credit notes, then payments by date: the chain reads in order.
        # New customers are flushed once; everything else is flushed once at the end.
        for record in ours:
            run.customer_of(record)
        session.flush()
        for record in sorted((r for r in ours if r.doc_type == "I"), key=lambda r: r.issued_on):
            run.add_invoice(record, profile.payment_terms_days)
        for record in sorted((r for r in ours if r.doc_type == "E"), key=lambda r: r.issued_on):
            run.add_credit_note(record)
        pagos = [(r, p) for r in ours if r.doc_type == "P" for p in r.payments]
        pagos.sort(
            key=lambda rp: (rp[1].paid_on, min((d.instalment for d in rp[1].documents), default=0))
        )
        seen_p: set[str] = set()
        for record, pago in pagos:
            if record.uuid not in seen_p:
                seen_p.add(record.uuid)
                run.document(record)
            run.add_payment(record, pago)
        session.flush()
        run.counts["customers"] = len(run.customers.created)
        close_batch(batch, run.counts)
        receivable = sum(i.total_cents - i.paid_cents for i in run.invoices)
        return ImportReport(
            committed=True,
            counts=run.counts,
            problems=tuple(run.problems),
            new_customers=tuple(run.customers.created),
            matched_customers=len(run.customers.matched),
            total_receivable=from_cents(receivable),
            skipped=tuple(run.skipped),
            notes=(note,) if note else (),
            batch_id=batch.id,
        )
