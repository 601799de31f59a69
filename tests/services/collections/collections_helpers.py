"""Shared set-up for the collections service tests: a real book file and a fixed clock."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.customers import CustomerData
from cobranza_desktop.domain.invoices import make_line
from cobranza_desktop.services.billing.invoices import InvoiceDraft, InvoiceService
from cobranza_desktop.services.collections.agenda import AgendaService
from cobranza_desktop.services.collections.contacts import ContactService
from cobranza_desktop.services.collections.dossier import DossierService
from cobranza_desktop.services.collections.plans import PlanService
from cobranza_desktop.services.collections.tools import CollectionToolsService
from cobranza_desktop.services.customers.records import CustomerService
from cobranza_desktop.services.customers.restrictions import RestrictionService, RiskService
from cobranza_desktop.services.receivables.payments import PaymentInput, PaymentService
from cobranza_desktop.storage.database import Book, open_book
from tests.factories import sign_terms

START = date(2026, 3, 2)  # a Monday


@dataclass
class Env:
    book: Book
    clock: FixedClock
    customers: CustomerService = field(init=False)
    invoices: InvoiceService = field(init=False)
    payments: PaymentService = field(init=False)
    agenda: AgendaService = field(init=False)
    contacts: ContactService = field(init=False)
    plans: PlanService = field(init=False)
    restrictions: RestrictionService = field(init=False)
    risk: RiskService = field(init=False)
    tools: CollectionToolsService = field(init=False)
    dossier: DossierService = field(init=False)

    def __post_init__(self) -> None:
        b, c = self.book, self.clock
        self.customers = CustomerService(b, c)
        self.invoices = InvoiceService(b, c)
        self.payments = PaymentService(b, c)
        self.agenda = AgendaService(b, c)
        self.contacts = ContactService(b, c)
        self.plans = PlanService(b, c)
        self.restrictions = RestrictionService(b, c)
        self.risk = RiskService(b, c)
        self.tools = CollectionToolsService(b, c)
        self.dossier = DossierService(b, c)

    def customer(
        self, name: str = "Abarrotes Doña Lupe", limit: str | None = None, *, signed: bool = True
    ) -> int:
        data = CustomerData(name=name, credit_limit=Decimal(limit) if limit else None)
        made = self.customers.create(data).id
        if signed:  # the contract's terms apply (unsigned: the legal rate only)
            sign_terms(self.book, self.clock, made)
        return made

    def invoice(self, customer_id: int, amount: str, issue: date, due: date) -> int:
        line = make_line("Servicio mensual", 1, amount, tax_rate_percent=0)
        return self.invoices.issue(InvoiceDraft(customer_id, (line,), issue, due)).id

    def pay(self, customer_id: int, amount: str, day: date | None = None) -> int:
        day = day or self.clock.today()
        return self.payments.record(PaymentInput(customer_id, amount, day)).id

    def go(self, day: date, hour: int = 10) -> None:
        self.clock.current = datetime(day.year, day.month, day.day, hour, 0)


def make_env(tmp_path: Path, day: date = START) -> Env:
    clock = FixedClock.on(day)
    return Env(open_book(tmp_path / "book.sqlite", create=True, now=clock.now()), clock)
