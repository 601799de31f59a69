"""Plugging the collection features into the window once the book is open.

The main window knows its own pages; the features built beside it (penalties,
documents, reminders and the outbox) are connected here, in one place: settings
tabs, the customer file's actions and a "Cobranza" menu.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QWidget

from cobranza_desktop.ui.context import UiContext
from cobranza_desktop.ui.document_actions import DocumentActions

CustomerAction = Callable[[QWidget, int], None]


class FeatureHost(Protocol):
    settings_tabs: list[tuple[str, Callable[[], QWidget]]]
    reminder_composer: CustomerAction | None
    statement_viewer: CustomerAction | None


def document_actions(context: UiContext) -> DocumentActions:
    return DocumentActions(context.services.documents, context.runner)


def install_features(host: FeatureHost, context: UiContext) -> None:
    """Set the plug-ins the pages read: composer, statement viewer and settings tabs."""
    services = context.services
    host.statement_viewer = document_actions(context).view_statement

    def penalty_settings() -> QWidget:
        from cobranza_desktop.ui.pages.penalty_settings import PenaltySettingsPage

        return PenaltySettingsPage(services.penalties, runner=context.runner)

    tabs: list[tuple[str, Callable[[], QWidget]]] = [
        (QCoreApplication.translate("Features", "Penalizaciones"), penalty_settings)
    ]
    messaging = context.messaging
    if messaging is not None:
        host.reminder_composer = messaging.customer_action
        tabs += [
            (QCoreApplication.translate("Features", "Correo (SMTP)"), messaging.smtp_settings),
            (
                QCoreApplication.translate("Features", "Plantillas de mensajes"),
                messaging.template_editor,
            ),
        ]
        messaging.retry_outbox()  # messages that failed last time go out now
    known = {title for title, _factory in host.settings_tabs}
    host.settings_tabs.extend(tab for tab in tabs if tab[0] not in known)


def add_collection_menu(window: QMainWindow, context: UiContext) -> None:
    """A "Cobranza" menu: apply penalties (with a preview) and print the day's letters."""
    if window.findChild(QAction, "applyPenalties") is not None:
        return
    menu = window.menuBar().addMenu(QCoreApplication.translate("Features", "&Cobranza"))
    apply = QAction(QCoreApplication.translate("Features", "Aplicar penalizaciones…"), window)
    apply.setObjectName("applyPenalties")
    letters = QAction(QCoreApplication.translate("Features", "Imprimir cartas del día…"), window)
    letters.setObjectName("printLetters")
    letters.setShortcut(QKeySequence("Ctrl+Shift+L"))
    reasons = QAction(QCoreApplication.translate("Features", "Motivos de no pago…"), window)
    reasons.setObjectName("reasonsReport")
    menu.addAction(apply)
    menu.addAction(letters)
    menu.addSeparator()
    menu.addAction(reasons)

    def open_apply() -> None:
        from cobranza_desktop.ui.dialogs.apply_penalties import ApplyPenaltiesDialog

        # The dialog writes through the runner, which tells every view to refresh.
        ApplyPenaltiesDialog(
            context.services.penalties, runner=context.runner, parent=window
        ).open()

    apply.triggered.connect(open_apply)
    letters.triggered.connect(lambda: document_actions(context).print_letters(window))

    def open_reasons() -> None:
        from cobranza_desktop.ui.dialogs.reasons_report import ReasonsReportDialog

        services = context.services
        ReasonsReportDialog(services.contacts, context.runner, context.clock, window).open()

    reasons.triggered.connect(open_reasons)
