"""What the pages and dialogs are given: the services, the task runner and the clock.

Plain data, built once by :mod:`cobranza_desktop.ui.composition` from the opened book.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.services.analytics.indicators import IndicatorsService
from cobranza_desktop.services.base.audit import AuditService
from cobranza_desktop.services.base.business import BusinessService
from cobranza_desktop.services.base.freshness import ChangeWatch
from cobranza_desktop.services.base.settings import SettingsService
from cobranza_desktop.services.base.users import UserService
from cobranza_desktop.services.billing.billing_run import BillingRunService
from cobranza_desktop.services.billing.disputes import DisputeService
from cobranza_desktop.services.billing.incentives import IncentiveService
from cobranza_desktop.services.billing.invoices import InvoiceService
from cobranza_desktop.services.billing.issuing import IssuingService
from cobranza_desktop.services.billing.prepayments import PrepaymentService
from cobranza_desktop.services.billing.refunds import RefundService
from cobranza_desktop.services.billing.subscriptions import SubscriptionService
from cobranza_desktop.services.book.backups import BackupService
from cobranza_desktop.services.book.customer_file import CustomerFileService
from cobranza_desktop.services.collections.agenda import AgendaService
from cobranza_desktop.services.collections.contacts import ContactService
from cobranza_desktop.services.collections.dossier import DossierService
from cobranza_desktop.services.collections.plans import PlanService
from cobranza_desktop.services.collections.promises import PromiseService
from cobranza_desktop.services.collections.receipts import ReceiptService
from cobranza_desktop.services.collections.receiving import ReceivingService
from cobranza_desktop.services.collections.service_cuts import ServiceCutService
from cobranza_desktop.services.collections.tools import CollectionToolsService
from cobranza_desktop.services.customers.listing import CustomerListService
from cobranza_desktop.services.customers.records import CustomerService
from cobranza_desktop.services.customers.restrictions import RestrictionService, RiskService
from cobranza_desktop.services.documents.credit_terms import CreditTermsService
from cobranza_desktop.services.documents.printing import DocumentService
from cobranza_desktop.services.exports.lists import ExportService
from cobranza_desktop.services.imports.batches import ImportBatchService
from cobranza_desktop.services.imports.cfdi_import import CfdiImportService
from cobranza_desktop.services.imports.sheet_import import SheetImportService
from cobranza_desktop.services.messaging.announcements import AnnouncementService
from cobranza_desktop.services.messaging.invoice_delivery import InvoiceDeliveryService
from cobranza_desktop.services.messaging.outbox import OutboxService
from cobranza_desktop.services.messaging.reminders import ComposerBackend, ReminderService
from cobranza_desktop.services.messaging.run_delivery import RunDeliveryService
from cobranza_desktop.services.penalties.engine import PenaltyService
from cobranza_desktop.services.receivables.aging import AgingService
from cobranza_desktop.services.receivables.corrections import CorrectionService
from cobranza_desktop.services.receivables.listings import ListingService
from cobranza_desktop.services.receivables.payments import PaymentService
from cobranza_desktop.services.receivables.rep_radar import RepRadarService
from cobranza_desktop.ui.tasks import TaskRunner


@dataclass(frozen=True)
class Services:
    """One instance of each service the window uses, all on the same book and clock."""

    customers: CustomerService
    customer_file: CustomerFileService
    invoices: InvoiceService
    disputes: DisputeService
    payments: PaymentService
    aging: AgingService
    business: BusinessService
    settings: SettingsService
    listings: ListingService
    customer_list: CustomerListService
    penalties: PenaltyService
    agenda: AgendaService
    contacts: ContactService
    documents: DocumentService
    receiving: ReceivingService
    issuing: IssuingService
    restrictions: RestrictionService
    risk: RiskService
    plans: PlanService
    promises: PromiseService
    outbox: OutboxService
    reminders: ReminderService
    composer: ComposerBackend
    backups: BackupService
    indicators: IndicatorsService
    subscriptions: SubscriptionService
    billing_run: BillingRunService
    users: UserService
    audit: AuditService
    changes: ChangeWatch
    cfdi_import: CfdiImportService
    sheet_import: SheetImportService
    import_batches: ImportBatchService
    exports: ExportService
    rep_radar: RepRadarService
    refunds: RefundService
    corrections: CorrectionService
    collection_tools: CollectionToolsService
    dossiers: DossierService
    incentives: IncentiveService
    prepayments: PrepaymentService
    # Issue 20: signed credit terms, invoices that arrive, announcements.
    credit_terms: CreditTermsService
    delivery: InvoiceDeliveryService
    receipts: ReceiptService
    announcements: AnnouncementService
    run_delivery: RunDeliveryService | None = None  # the billing run's invoices by email
    service_cuts: ServiceCutService | None = None  # the technician's list on Today


@dataclass(frozen=True)
class UiContext:
    services: Services
    runner: TaskRunner
    clock: Clock
    book_path: Path | None  # None: a book on a database server, not a file
    book_label: str = ""  # the title bar's: the file's name, or «servidor · base»
    server_url: str = ""  # a server book's URL without its password (the recent books)

    @property
    def on_server(self) -> bool:
        return self.book_path is None

    @property
    def folder(self) -> Path:
        """Where exports are offered: beside the book, or the program's folder."""
        from cobranza_desktop.storage.paths import data_home

        return self.book_path.parent if self.book_path is not None else data_home()
