"""The composition root: the services built once, and every page, dialog and menu wired.

Two steps, on two threads:

* :func:`open_context` (on the database worker): open the book and build each service
  once, from the book and the clock, into a :class:`UiContext`;
* :func:`compose` (on the GUI thread, no database access): the window-level parts built
  from the context: the messaging and document actions, the commands, the pages, the
  settings tabs and the "Cobranza" menu.

Every page gets exactly what it needs, and nothing it needs is optional. This module
imports downward only: nothing below it imports it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QWidget

from cobranza_desktop.ui.main_window import PageSpec
from cobranza_desktop.ui.tasks import TaskRunner

if TYPE_CHECKING:  # at start-up the window shows before SQLAlchemy and the pages load
    from cobranza_desktop.domain.clock import Clock
    from cobranza_desktop.services.book.workspace import Workspace
    from cobranza_desktop.ui.commands import AppCommands
    from cobranza_desktop.ui.context import Services, UiContext
    from cobranza_desktop.ui.document_actions import DocumentActions
    from cobranza_desktop.ui.freshness import FreshnessPoller
    from cobranza_desktop.ui.messaging_ui import MessagingUi


SettingsTab = tuple[str, Callable[[], QWidget]]


# -- step 1, on the database worker -------------------------------------------------------


def build_services(workspace: Workspace) -> Services:
    """One instance of each service, all on the workspace's book and clock."""
    from cobranza_desktop.services.analytics.indicators import IndicatorsService
    from cobranza_desktop.services.base.freshness import ChangeWatch
    from cobranza_desktop.services.billing.billing_run import BillingRunService
    from cobranza_desktop.services.billing.incentives import IncentiveService
    from cobranza_desktop.services.billing.prepayments import PrepaymentService
    from cobranza_desktop.services.billing.refunds import RefundService
    from cobranza_desktop.services.billing.subscriptions import SubscriptionService
    from cobranza_desktop.services.book.customer_file import CustomerFileService
    from cobranza_desktop.services.collections.dossier import DossierService
    from cobranza_desktop.services.collections.receipts import ReceiptService
    from cobranza_desktop.services.collections.service_cuts import ServiceCutService
    from cobranza_desktop.services.collections.tools import CollectionToolsService
    from cobranza_desktop.services.customers.listing import CustomerListService
    from cobranza_desktop.services.documents.credit_terms import CreditTermsService
    from cobranza_desktop.services.exports.lists import ExportService
    from cobranza_desktop.services.imports.batches import ImportBatchService
    from cobranza_desktop.services.imports.cfdi_import import CfdiImportService
    from cobranza_desktop.services.imports.sheet_import import SheetImportService
    from cobranza_desktop.services.messaging.announcements import AnnouncementService
    from cobranza_desktop.services.messaging.invoice_delivery import InvoiceDeliveryService
    from cobranza_desktop.services.messaging.outbox import OutboxService
    from cobranza_desktop.services.messaging.reminders import ComposerBackend, ReminderService
    from cobranza_desktop.services.messaging.run_delivery import RunDeliveryService
    from cobranza_desktop.services.receivables.corrections import CorrectionService
    from cobranza_desktop.services.receivables.listings import ListingService
    from cobranza_desktop.services.receivables.rep_radar import RepRadarService
    from cobranza_desktop.ui.context import Services

    book, clock = workspace.book, workspace.clock
    outbox = OutboxService(book, clock)
    delivery = InvoiceDeliveryService(book, clock, outbox, workspace.documents)
    return Services(
        customers=workspace.customers,
        customer_file=CustomerFileService(book, clock),
        invoices=workspace.invoices,
        disputes=workspace.disputes,
        payments=workspace.payments,
        aging=workspace.aging,
        business=workspace.business,
        settings=workspace.settings,
        listings=ListingService(book, clock),
        customer_list=CustomerListService(book, clock),
        penalties=workspace.penalties,
        agenda=workspace.agenda,
        contacts=workspace.contacts,
        documents=workspace.documents,
        receiving=workspace.receiving,
        issuing=workspace.issuing,
        restrictions=workspace.restrictions,
        risk=workspace.risk,
        plans=workspace.plans,
        promises=workspace.promises,
        outbox=outbox,
        reminders=ReminderService(book, clock),
        composer=ComposerBackend(book, clock, outbox, workspace.documents),
        backups=workspace.backups,
        indicators=IndicatorsService(book, clock),
        subscriptions=SubscriptionService(book, clock),
        billing_run=BillingRunService(book, clock),
        users=workspace.users,
        audit=workspace.audit,
        changes=ChangeWatch(book),
        cfdi_import=CfdiImportService(book, clock),
        sheet_import=SheetImportService(book, clock),
        import_batches=ImportBatchService(book, clock),
        exports=ExportService(book, clock),
        rep_radar=RepRadarService(book, clock),
        refunds=RefundService(book, clock),
        corrections=CorrectionService(book, clock),
        collection_tools=CollectionToolsService(book, clock),
        dossiers=DossierService(book, clock),
        incentives=IncentiveService(book, clock),
        prepayments=PrepaymentService(book, clock),
        credit_terms=CreditTermsService(book, clock),
        delivery=delivery,
        receipts=ReceiptService(book, clock),
        announcements=AnnouncementService(book, clock, outbox),
        run_delivery=RunDeliveryService(book, clock, delivery),
        service_cuts=ServiceCutService(book, clock),
    )


def open_context(
    book_path: Path | str | None,
    clock: Clock | None,
    *,
    runner: TaskRunner,
    create: bool = True,
) -> tuple[UiContext, Callable[[], None]]:
    """Open the book and build the services (run it on the database worker).

    Returns the context and the function that closes the book when the window goes.
    """
    from cobranza_desktop.services.book.workspace import open_workspace
    from cobranza_desktop.ui.context import UiContext

    workspace = open_workspace(book_path, clock, create=create)
    services = build_services(workspace)
    book = workspace.book
    context = UiContext(
        services,
        runner,
        workspace.clock,
        book.path if book.is_file else None,
        book.label,
        "" if book.is_file else book.address,
    )
    wait_for_backup = workspace.backups.daily_in_background()

    def close() -> None:
        wait_for_backup()
        services.customer_list.close()
        workspace.close()

    return context, close


# -- step 2, on the GUI thread -------------------------------------------------------------


@dataclass(frozen=True)
class Composition:
    """The window-level parts, built once per opened book."""

    context: UiContext
    messaging: MessagingUi
    documents: DocumentActions
    commands: AppCommands
    freshness: FreshnessPoller

    def settings_tabs(self) -> list[SettingsTab]:
        from cobranza_desktop.ui.pages.collection_settings import (
            AgingSettingsTab,
            ContactPolicySettingsTab,
            HowToPaySettingsTab,
        )
        from cobranza_desktop.ui.pages.incentive_settings import IncentiveSettingsTab
        from cobranza_desktop.ui.pages.ladder_settings import LadderSettingsTab
        from cobranza_desktop.ui.pages.penalty_settings import PenaltySettingsPage
        from cobranza_desktop.ui.pages.users_settings import UsersSettingsPage

        s, runner, today = self.context.services, self.context.runner, self.context.clock.today()
        messaging = self.messaging
        tr = QCoreApplication.translate
        return [
            (
                tr("Features", "Penalizaciones"),
                lambda: PenaltySettingsPage(s.penalties, runner=runner),
            ),
            (tr("Features", "Antigüedad"), lambda: AgingSettingsTab(s.settings, runner)),
            (
                tr("Features", "Política de contacto"),
                lambda: ContactPolicySettingsTab(s.agenda, runner),
            ),
            (
                tr("Features", "Escalera de cobranza"),
                lambda: LadderSettingsTab(s.agenda, runner, today),
            ),
            (
                tr("Features", "Incentivos"),
                lambda: IncentiveSettingsTab(s.incentives, s.prepayments, runner),
            ),
            (tr("Features", "Cómo pagar"), lambda: HowToPaySettingsTab(s.documents, runner)),
            (QCoreApplication.translate("Features", "Correo (SMTP)"), messaging.smtp_settings),
            (
                QCoreApplication.translate("Features", "Plantillas de mensajes"),
                messaging.template_editor,
            ),
            (
                QCoreApplication.translate("Features", "Usuarios"),
                lambda: UsersSettingsPage(s.users, s.audit, runner),
            ),
        ]

    def start(self) -> None:
        """What runs once the book is open: messages that failed last time go out now,
        and the watch for other people's changes starts."""
        self.messaging.retry_outbox()
        self.freshness.start()


def compose(context: UiContext) -> Composition:
    from cobranza_desktop.ui.commands import AppCommands
    from cobranza_desktop.ui.document_actions import DocumentActions
    from cobranza_desktop.ui.freshness import FreshnessPoller
    from cobranza_desktop.ui.messaging_ui import MessagingUi

    s, runner = context.services, context.runner
    messaging = MessagingUi(s.outbox, s.reminders, s.composer, runner)
    documents = DocumentActions(s.documents, runner)
    commands = AppCommands(s, runner, context.clock, messaging, documents)
    freshness = FreshnessPoller(s.changes, runner)
    return Composition(context, messaging, documents, commands, freshness)


def build_pages(
    composition: Callable[[], Composition],
    language: str,
    change_language: Callable[[str], None],
) -> list[PageSpec]:
    """The pages of the window, one line each. ``composition()`` is called when a page is
    first shown (the book is open by then), so the navigation exists before the book."""

    def customers() -> QWidget:
        from cobranza_desktop.ui.pages.customers_page import CustomersPage

        c = composition()
        s = c.context.services
        return CustomersPage(s, c.context.runner, c.commands, export_folder=c.context.folder)

    def invoices() -> QWidget:
        from cobranza_desktop.ui.pages.invoices_page import InvoicesPage

        c = composition()
        s = c.context.services
        return InvoicesPage(s.listings, c.context.runner, c.commands, s.delivery, s.receipts)

    def payments() -> QWidget:
        from cobranza_desktop.ui.pages.payments_page import PaymentsPage

        c = composition()
        return PaymentsPage(c.context.services.listings, c.context.runner, c.commands)

    def aging() -> QWidget:
        from cobranza_desktop.ui.pages.aging_page import AgingPage

        c = composition()
        messaging = c.messaging
        return AgingPage(
            c.context.services.aging,
            c.context.runner,
            c.context.clock,
            compose=lambda parent, cid: messaging.customer_action(parent, cid),
        )

    def indicators() -> QWidget:
        from cobranza_desktop.ui.pages.indicators_page import IndicatorsPage

        c = composition()
        return IndicatorsPage(c.context.services.indicators, c.context.runner, c.context.clock)

    def today() -> QWidget:
        from cobranza_desktop.ui.pages.today_page import TodayPage

        c = composition()
        s, messaging = c.context.services, c.messaging
        return TodayPage(
            s.agenda,
            s.contacts,
            c.context.clock,
            c.context.runner,
            compose=lambda parent, item: messaging.open_composer(
                parent, item.customer_id, agenda_item=item
            ),
            rep_radar=s.rep_radar,
            receipts=s.receipts,
            service_cuts=s.service_cuts,
        )

    def plans() -> QWidget:
        from cobranza_desktop.ui.pages.plans_page import PlansPage

        c = composition()
        s = c.context.services
        return PlansPage(s.plans, s.promises, c.context.runner, c.context.clock, s.customer_list)

    def subscriptions() -> QWidget:
        from cobranza_desktop.ui.pages.subscriptions_page import SubscriptionsPage

        c = composition()
        s = c.context.services
        return SubscriptionsPage(
            s.subscriptions,
            s.billing_run,
            s.customers,
            s.customer_list,
            c.context.runner,
            c.context.clock,
            delivery=s.run_delivery,
        )

    def messages() -> QWidget:
        return composition().messaging.messages_page()

    def settings() -> QWidget:
        from cobranza_desktop.ui.pages.settings_page import SettingsPage

        c = composition()
        return SettingsPage(
            c.context.services.business,
            c.context.runner,
            language,
            change_language,
            c.settings_tabs(),
        )

    tr = QCoreApplication.translate
    return [
        PageSpec("today", tr("Pages", "Hoy"), "today", today),
        PageSpec("customers", tr("Pages", "Clientes"), "customers", customers),
        PageSpec("invoices", tr("Pages", "Facturas"), "invoices", invoices),
        PageSpec("payments", tr("Pages", "Pagos"), "payments", payments),
        PageSpec("aging", tr("Pages", "Antigüedad"), "aging", aging),
        PageSpec("indicators", tr("Pages", "Indicadores"), "indicators", indicators),
        PageSpec("plans", tr("Pages", "Planes de pago"), "plans", plans),
        PageSpec("subscriptions", tr("Pages", "Suscripciones"), "invoices", subscriptions),
        PageSpec("messages", tr("Pages", "Mensajes"), "messages", messages),
        PageSpec("settings", tr("Pages", "Configuración"), "settings", settings),
    ]


def add_collection_menu(window: QMainWindow, composition: Composition) -> None:
    """A "Cobranza" menu: apply penalties (with a preview) and print the day's letters."""
    if window.findChild(QAction, "applyPenalties") is not None:
        return
    context = composition.context
    tr = QCoreApplication.translate
    menu = window.menuBar().addMenu(tr("Features", "&Cobranza"))
    apply = QAction(tr("Features", "Aplicar penalizaciones…"), window)
    apply.setObjectName("applyPenalties")
    letters = QAction(tr("Features", "Imprimir cartas del día…"), window)
    letters.setObjectName("printLetters")
    letters.setShortcut(QKeySequence("Ctrl+Shift+L"))
    reasons = QAction(tr("Features", "Motivos de no pago…"), window)
    reasons.setObjectName("reasonsReport")
    announce = QAction(tr("Features", "Enviar comunicado…"), window)
    announce.setObjectName("sendAnnouncement")
    outdated = QAction(tr("Features", "Condiciones por actualizar…"), window)
    outdated.setObjectName("outdatedTerms")
    menu.addAction(apply)
    menu.addAction(letters)
    menu.addAction(announce)
    menu.addAction(outdated)
    from cobranza_desktop.ui.import_menu import add_import_actions

    add_import_actions(window, context)
    from cobranza_desktop.ui.export_menu import add_export_actions

    add_export_actions(window, context)
    menu.addSeparator()
    menu.addAction(reasons)

    def open_apply() -> None:
        from cobranza_desktop.ui.dialogs.apply_penalties import ApplyPenaltiesDialog

        # The dialog writes through the runner, which tells every view what changed.
        ApplyPenaltiesDialog(
            context.services.penalties, runner=context.runner, parent=window
        ).open()

    def open_reasons() -> None:
        from cobranza_desktop.ui.dialogs.reasons_report import ReasonsReportDialog

        ReasonsReportDialog(context.services.contacts, context.runner, context.clock, window).open()

    def open_announcement() -> None:
        from cobranza_desktop.ui.dialogs.announcement_dialog import AnnouncementDialog

        AnnouncementDialog(context.services.announcements, context.runner, parent=window).open()

    def open_outdated() -> None:
        from cobranza_desktop.ui.dialogs.outdated_terms import OutdatedTermsDialog

        OutdatedTermsDialog(context.services.credit_terms, context.runner, window).open()

    apply.triggered.connect(open_apply)
    outdated.triggered.connect(open_outdated)
    announce.triggered.connect(open_announcement)
    letters.triggered.connect(lambda: composition.documents.print_letters(window))
    reasons.triggered.connect(open_reasons)
