"""Opening a book for the window: the book, the clock, and one instance of each service.

Only the application bootstrap holds a workspace. Widgets receive the individual
services they need, never the workspace itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from cobranza_desktop.domain.clock import Clock, SystemClock
from cobranza_desktop.services.base.audit import AuditService
from cobranza_desktop.services.base.business import BusinessService
from cobranza_desktop.services.base.settings import SettingsService
from cobranza_desktop.services.base.users import UserService
from cobranza_desktop.services.billing.disputes import DisputeService
from cobranza_desktop.services.billing.invoices import InvoiceService
from cobranza_desktop.services.billing.issuing import IssuingService
from cobranza_desktop.services.book.backups import BackupService
from cobranza_desktop.services.book.check import BookCheckService
from cobranza_desktop.services.collections.agenda import AgendaService
from cobranza_desktop.services.collections.contacts import ContactService
from cobranza_desktop.services.collections.plans import PlanService
from cobranza_desktop.services.collections.promises import PromiseService
from cobranza_desktop.services.collections.receiving import ReceivingService
from cobranza_desktop.services.customers.records import CustomerService
from cobranza_desktop.services.customers.restrictions import RestrictionService, RiskService
from cobranza_desktop.services.documents.printing import DocumentService
from cobranza_desktop.services.penalties.engine import PenaltyService
from cobranza_desktop.services.receivables.aging import AgingService
from cobranza_desktop.services.receivables.payments import PaymentService
from cobranza_desktop.storage.database import Book, BookLocation, open_book


@dataclass
class Workspace:
    book: Book
    clock: Clock
    customers: CustomerService = field(init=False)
    invoices: InvoiceService = field(init=False)
    payments: PaymentService = field(init=False)
    aging: AgingService = field(init=False)
    business: BusinessService = field(init=False)
    settings: SettingsService = field(init=False)
    backups: BackupService = field(init=False)
    checks: BookCheckService = field(init=False)
    penalties: PenaltyService = field(init=False)
    agenda: AgendaService = field(init=False)
    contacts: ContactService = field(init=False)
    documents: DocumentService = field(init=False)
    receiving: ReceivingService = field(init=False)
    issuing: IssuingService = field(init=False)
    restrictions: RestrictionService = field(init=False)
    risk: RiskService = field(init=False)
    plans: PlanService = field(init=False)
    promises: PromiseService = field(init=False)
    users: UserService = field(init=False)
    audit: AuditService = field(init=False)

    def __post_init__(self) -> None:
        self.book.use_clock(self.clock.now)  # the audit trail's "when"
        self.customers = CustomerService(self.book, self.clock)
        self.invoices = InvoiceService(self.book, self.clock)
        self.disputes = DisputeService(self.book, self.clock)
        self.payments = PaymentService(self.book, self.clock)
        self.aging = AgingService(self.book, self.clock)
        self.business = BusinessService(self.book)
        self.settings = SettingsService(self.book)
        self.backups = BackupService(self.book, self.clock)
        self.checks = BookCheckService(self.book)
        self.penalties = PenaltyService(self.book, self.clock)
        self.agenda = AgendaService(self.book, self.clock)
        self.contacts = ContactService(self.book, self.clock)
        self.documents = DocumentService(self.book, self.clock)
        self.receiving = ReceivingService(self.book, self.clock)
        self.issuing = IssuingService(self.book, self.clock)
        self.restrictions = RestrictionService(self.book, self.clock)
        self.risk = RiskService(self.book, self.clock)
        self.plans = PlanService(self.book, self.clock)
        self.promises = PromiseService(self.book, self.clock)
        self.users = UserService(self.book, self.clock)
        self.audit = AuditService(self.book)

    @property
    def book_path(self) -> Path:
        return self.book.path

    def close(self) -> None:
        self.book.close()


def open_workspace(
    path: BookLocation | str | None, clock: Clock | None = None, *, create: bool = True
) -> Workspace:
    """Open the book at ``path`` and build its services: the window's entry point.

    The window may start a book where none is yet (its first start on the default book);
    ``open_book`` still refuses to put an empty book where a lost one has backups, and
    the ``cobranza`` command refuses an explicit ``--book`` with no book before the
    window opens. Pass ``create=False`` to open only an existing book. ``path`` may be a
    database URL (a book on a server)."""
    return Workspace(open_book(path, create=create), clock or SystemClock())
