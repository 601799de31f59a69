"""Booking spreadsheet rows: customers, invoices with opening balances, payments.

Each function books one row in the caller's transaction, or adds a problem and books
nothing for that row. The caller refuses the whole import when any problem is found.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from cobranza_desktop.domain.allocation import suggest_oldest_first
from cobranza_desktop.domain.currency import BOOK_CURRENCY, is_foreign
from cobranza_desktop.domain.customers import CustomerData, validate_customer
from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.domain.invoices import Lifecycle
from cobranza_desktop.domain.money import from_cents, to_cents
from cobranza_desktop.domain.payments import PaymentMethod
from cobranza_desktop.imports.problems import Problem
from cobranza_desktop.imports.tables import Cell
from cobranza_desktop.imports.values import (
    CellError,
    parse_amount,
    parse_currency,
    parse_date,
    parse_rate,
)
from cobranza_desktop.services.imports.bulk_rows import BulkWriter, NewInvoice, NewPayment
from cobranza_desktop.services.imports.cfdi_currency import (
    book_part,
    booked_total,
    own_balance,
    own_balance_after,
)
from cobranza_desktop.services.imports.common import CustomerFinder
from cobranza_desktop.services.receivables import allocations
from cobranza_desktop.storage.models import Customer, ImportBatch, Invoice, Payment

ZERO = Decimal("0.00")


@dataclass
class SheetRun:
    session: Session
    now: datetime
    today: date
    batch: ImportBatch
    source: str
    headers: tuple[str, ...]
    mapping: dict[str, int]
    terms: int
    update_duplicates: bool
    customers: CustomerFinder
    counts: dict[str, int]
    problems: list[Problem] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)
    control_file: Decimal = ZERO
    control_booked: Decimal = ZERO
    receivable: Decimal = ZERO
    # Invoices by external number and UUID, read once (not one query per row).
    _known: dict[str, Invoice | NewInvoice] | None = None
    bulk: BulkWriter = field(init=False)
    seen_customers: dict[tuple[str, str], Customer] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.bulk = BulkWriter(self.session, self.now, self.batch.id)
        self._opening_note = _("Saldo inicial importado")  # translated once, not per row

    # -- cells -----------------------------------------------------------------------------

    def where(self, row_number: int, name: str | None = None) -> str:
        column = f", {self.headers[self.mapping[name]]}" if name in self.mapping else ""
        return f"{self.source}:{row_number}{column}"

    def text(self, row: tuple[Cell, ...], name: str) -> str:
        index = self.mapping.get(name)
        value = row[index] if index is not None else None
        return "" if value is None else str(value).strip()

    def cell(self, row: tuple[Cell, ...], name: str) -> Cell:
        index = self.mapping.get(name)
        value = row[index] if index is not None else None
        return None if value == "" else value

    def amount(self, row: tuple[Cell, ...], number: int, name: str) -> Decimal | None:
        value = self.cell(row, name)
        if value is None:
            return None
        try:
            return parse_amount(value)
        except CellError as exc:
            self.problems.append(Problem(self.where(number, name), str(exc)))
            raise

    def day(
        self, row: tuple[Cell, ...], number: int, name: str, *, future: bool = False
    ) -> date | None:
        """A date of the file; history is never in the future (``future``: a plan's end)."""
        value = self.cell(row, name)
        if value is None:
            return None
        try:
            found = parse_date(value)
        except CellError as exc:
            self.problems.append(Problem(self.where(number, name), str(exc)))
            raise
        last = date(2099, 12, 31) if future else self.today
        if not date(1990, 1, 1) <= found <= last:
            message = _("La fecha {found} está fuera de rango o es futura.").format(
                found=found.isoformat()
            )
            self.problems.append(Problem(self.where(number, name), message))
            raise CellError(message)
        return found

    def fail(self, number: int, name: str | None, message: str) -> None:
        self.problems.append(Problem(self.where(number, name), message))

    def customer(self, row: tuple[Cell, ...], number: int) -> Customer | None:
        name, rfc = self.text(row, "name"), self.text(row, "rfc").upper()
        if not name and not rfc:
            self.fail(number, "name", _("Falta el cliente."))
            return None
        key = (rfc, name)
        customer = self.seen_customers.get(key)
        if customer is None:  # 100,000 rows name a few thousand customers: each looked up once
            customer = self.seen_customers[key] = self.customers.get_or_create(rfc, name)
        return customer

    # -- customers -------------------------------------------------------------------------

    def customer_row(self, row: tuple[Cell, ...], number: int) -> None:
        terms_text = self.text(row, "terms")
        try:
            data = validate_customer(
                CustomerData(
                    name=self.text(row, "name"),
                    rfc=self.text(row, "rfc"),
                    contact_name=self.text(row, "contact"),
                    email=self.text(row, "email"),
                    phone=self.text(row, "phone"),
                    whatsapp=self.text(row, "whatsapp"),
                    payment_terms_days=int(Decimal(terms_text)) if terms_text else None,
                )
            )
        except ValidationError as exc:
            self.fail(number, exc.field if exc.field in self.mapping else None, exc.message)
            return
        except ArithmeticError:
            self.fail(
                number,
                "terms",
                _("Los días de crédito deben ser un número."),
            )
            return
        existing = self.customers.find(data.rfc, data.name)
        if existing is not None:
            if not self.update_duplicates:
                self.counts["skipped"] += 1
                self.skipped.append(
                    Problem(
                        self.where(number),
                        _("Ya existe el cliente {name}.").format(name=existing.name),
                    )
                )
                return
            for attr in ("rfc", "email", "phone", "whatsapp", "contact_name"):
                value = getattr(data, attr)
                if value:
                    setattr(existing, attr, value)
            if data.payment_terms_days is not None:
                existing.payment_terms_days = data.payment_terms_days
            return
        self.customers.get_or_create(
            data.rfc,
            data.name,
            email=data.email,
            phone=data.phone,
            whatsapp=data.whatsapp,
            contact_name=data.contact_name,
        )
        created = self.customers.find(data.rfc, data.name)
        if created is not None and data.payment_terms_days is not None:
            created.payment_terms_days = data.payment_terms_days

    # -- invoices --------------------------------------------------------------------------

    def invoice_row(self, row: tuple[Cell, ...], number: int) -> None:
        try:
            issued = self.day(row, number, "issue_date")
            due = self.day(row, number, "due_date") if "due_date" in self.mapping else None
            total = self.amount(row, number, "total")
            balance = self.amount(row, number, "balance")
            paid = self.amount(row, number, "paid")
            currency, rate = self.currency(row, number)
        except CellError:
            return
        if issued is None:
            self.fail(number, "issue_date", _("Falta la fecha."))
            return
        if total is None and balance is None:
            self.fail(
                number,
                "total",
                _("Falta el importe o el saldo."),
            )
            return
        if total is None:
            total = (balance or ZERO) + (paid or ZERO)
        if balance is None:
            balance = total - (paid or ZERO)
        self.control_file += balance
        if total <= 0 or not ZERO <= balance <= total:
            self.fail(
                number,
                "balance",
                _(
                    "El saldo {balance} debe estar entre 0 y el total {total}, y el total ser "
                    "mayor que 0."
                ).format(balance=balance, total=total),
            )
            return
        folio = self.text(row, "folio")[:60]
        duplicate = self.duplicate_invoice(folio) if folio else None
        if duplicate is not None:
            if self.update_duplicates:
                duplicate.disputed = self.disputed(row)
                if due is not None and due >= duplicate.issue_date:
                    duplicate.due_date = due
            else:
                self.counts["skipped"] += 1
                self.skipped.append(
                    Problem(
                        self.where(number, "folio"),
                        _("La factura {folio} ya está en el libro.").format(folio=folio),
                    )
                )
            self.control_booked += balance  # it is already in the book: the control still adds up
            return
        customer = self.customer(row, number)
        if customer is None:
            return
        if due is None:
            days = (
                customer.payment_terms_days
                if customer.payment_terms_days is not None
                else self.terms
            )
            due = issued + timedelta(days=days)
        if due < issued:
            self.fail(
                number,
                "due_date",
                _("El vencimiento es anterior a la fecha."),
            )
            return
        method = self.text(row, "method").upper()
        # Booked as the CFDI import books a foreign invoice: MXN at its rate, rounded once.
        booked = booked_total(currency, rate, to_cents(total))
        assert booked is not None  # a foreign row without a rate failed in currency()
        invoice = NewInvoice(
            customer=customer,
            external_number=folio,
            issue_date=issued,
            due_date=due,
            total_cents=booked.total_cents,
            cfdi_uuid=self.text(row, "uuid").upper()[:36],
            sat_payment_method=method[:3] if method in ("PUE", "PPD") else "",
            disputed=self.disputed(row),
            notes=self._opening_note,
            currency=currency,
            foreign_total_cents=booked.foreign_total_cents,
            exchange_rate=booked.exchange_rate,
        )
        paid_own = to_cents(total - balance)
        # The paid part in MXN: the CFDI import's rule for an instalment (all of it when
        # nothing is left, so a paid invoice closes to the cent).
        paid_cents = book_part(invoice, paid_own) if paid_own > 0 else 0
        if own_balance_after(invoice, paid_cents) != to_cents(balance):
            self.fail(
                number,
                "exchange_rate",
                _(
                    "El saldo {balance} {currency} no se puede llevar a MXN exacto al tipo de "
                    "cambio {rate}."
                ).format(balance=balance, currency=currency, rate=rate),
            )
            return
        self.bulk.add_invoice(invoice)
        if folio:
            self.known()[folio] = invoice
        if paid_cents > 0:  # the paid part is history: a payment on the issue date
            cents = paid_cents
            payment = self.bulk.add_payment(
                NewPayment(
                    customer,
                    issued,
                    cents,
                    _("Pago histórico de {folio} (importación)").format(folio=folio)
                    if folio
                    else _("Pago histórico de la factura (importación)"),
                )
            )
            self.counts["payments"] += 1
            self.bulk.allocate(payment, invoice, cents)
        self.counts["invoices"] += 1
        self.control_booked += from_cents(own_balance(invoice))  # in the file's currency
        self.receivable += from_cents(invoice.total_cents - invoice.paid_cents)  # MXN

    def currency(self, row: tuple[Cell, ...], number: int) -> tuple[str, Decimal | None]:
        """The row's currency (MXN when the file has none) and, when foreign, its rate."""
        try:
            currency = parse_currency(self.cell(row, "currency"))
        except CellError as exc:
            self.problems.append(Problem(self.where(number, "currency"), str(exc)))
            raise
        if not is_foreign(currency):
            return BOOK_CURRENCY, None
        value = self.cell(row, "exchange_rate")
        try:
            if value is None:
                raise CellError(
                    _("Una factura en {currency} necesita su tipo de cambio.").format(
                        currency=currency
                    )
                )
            return currency, parse_rate(value)
        except CellError as exc:
            self.problems.append(Problem(self.where(number, "exchange_rate"), str(exc)))
            raise

    def disputed(self, row: tuple[Cell, ...]) -> bool:
        return self.text(row, "disputed").lower() in (
            "1",
            "si",
            "sí",
            "x",
            "yes",
            "true",
            "disputa",
        )

    def known(self) -> dict[str, Invoice | NewInvoice]:
        if self._known is None:
            self._known = {}
            rows = self.session.scalars(
                select(Invoice).where(
                    Invoice.lifecycle == Lifecycle.ISSUED.value,
                    or_(Invoice.external_number != "", Invoice.cfdi_uuid != ""),
                )
            )
            for invoice in rows:
                for key in (invoice.external_number, invoice.cfdi_uuid):
                    if key:
                        self._known.setdefault(key, invoice)
        return self._known

    def duplicate_invoice(self, folio: str) -> Invoice | NewInvoice | None:
        known = self.known()
        return known.get(folio) or known.get(folio.upper())

    def new_payment(
        self, customer: Customer, on: date, amount: Decimal, notes: str, reference: str = ""
    ) -> Payment:
        payment = Payment(
            customer=customer,
            payment_date=on,
            amount_cents=to_cents(amount),
            allocated_cents=0,
            method=PaymentMethod.TRANSFER.value,
            reference=reference[:200],
            notes=notes,
            rep_uuid="",
            import_batch_id=self.batch.id,
            created_at=self.now,
        )
        self.session.add(payment)
        self.counts["payments"] += 1
        return payment

    # -- payments --------------------------------------------------------------------------

    def payment_row(self, row: tuple[Cell, ...], number: int) -> None:
        try:
            on = self.day(row, number, "payment_date")
            amount = self.amount(row, number, "total")
        except CellError:
            return
        if on is None or amount is None or amount <= 0:
            self.fail(
                number,
                "total",
                _("Falta la fecha o un importe positivo."),
            )
            return
        customer = self.customer(row, number)
        if customer is None:
            return
        self.control_file += amount
        payment = self.new_payment(
            customer,
            on,
            amount,
            _("Pago importado"),
            self.text(row, "reference"),
        )
        folio = self.text(row, "folio")
        left = to_cents(amount)
        if folio:
            found = self.duplicate_invoice(folio)
            invoice = found if isinstance(found, Invoice) else None
            if invoice is None or invoice.customer is not customer:
                self.fail(
                    number,
                    "folio",
                    _("No hay factura {folio} de este cliente.").format(folio=folio),
                )
                return
            cents = min(left, invoice.total_cents - invoice.paid_cents)
            if cents > 0:
                allocations.apply(self.session, payment, invoice, cents, self.now)
                left -= cents
        if left > 0:  # oldest due first, as in the window; what is left stays as credit
            items = allocations.open_items(self.session, customer.id, for_update=True)
            for plan in suggest_oldest_first(Decimal(left) / 100, items):
                invoice = self.session.get(Invoice, plan.invoice_id)
                assert invoice is not None
                allocations.apply(self.session, payment, invoice, to_cents(plan.amount), self.now)
        self.control_booked += amount
