"""Archivo → Importar… and Archivo → Importaciones anteriores…: the ways in to the import."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from cobranza_desktop.ui.context import UiContext


def add_import_actions(window: QMainWindow, context: UiContext) -> None:
    if window.findChild(QAction, "importWizard") is not None:
        return
    tr = QCoreApplication.translate
    menu = getattr(window, "file_menu", None)
    if not isinstance(menu, QMenu):
        return
    open_wizard = QAction(tr("Features", "&Importar…"), window)
    open_wizard.setObjectName("importWizard")
    open_wizard.setShortcut(QKeySequence("Ctrl+Shift+I"))
    batches = QAction(tr("Features", "Importaciones &anteriores…"), window)
    batches.setObjectName("importBatches")
    # Before the quit action, after the book's own entries and the new-record actions.
    quit_action = getattr(window, "action_quit", None)
    before = quit_action if isinstance(quit_action, QAction) else None
    separator = QAction(window)
    separator.setSeparator(True)
    for action in (open_wizard, batches, separator):
        if before is None:
            menu.addAction(action)
        else:
            menu.insertAction(before, action)
    window.addAction(open_wizard)

    def wizard() -> None:
        from cobranza_desktop.ui.dialogs.import_wizard import ImportServices, ImportWizard

        s = context.services
        dialog = ImportWizard(
            ImportServices(s.cfdi_import, s.sheet_import, s.import_batches),
            context.runner,
            window,
        )
        dialog.open()

    def history() -> None:
        from cobranza_desktop.ui.dialogs.import_batches import ImportBatchesDialog

        ImportBatchesDialog(context.services.import_batches, context.runner, window).open()

    open_wizard.triggered.connect(wizard)
    batches.triggered.connect(history)
