"""What the pages may ask of the window's commands, as a protocol.

The pages depend on this, not on :class:`~cobranza_desktop.ui.commands.AppCommands`
(which imports dialogs and messaging), so the imports keep running downward.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QWidget

from cobranza_desktop.domain.clock import Clock


class Actions(Protocol):
    def new_customer(self, parent: QWidget) -> None: ...

    def new_invoice(self, parent: QWidget, customer_id: int | None = None) -> None: ...

    def open_invoice(self, parent: QWidget, invoice_id: int) -> None: ...

    def record_payment(self, parent: QWidget, customer_id: int | None = None) -> None: ...

    def compose_reminder(self, parent: QWidget, customer_id: int) -> None: ...

    def view_statement(self, parent: QWidget, customer_id: int) -> None: ...

    def view_notice(self, parent: QWidget, customer_id: int) -> None: ...

    def view_invoice(self, parent: QWidget, invoice_id: int) -> None: ...

    def view_receipt(self, parent: QWidget, payment_id: int) -> None: ...

    def dispute_invoice(self, parent: QWidget, invoice_id: int) -> None:
        """Put the invoice in dispute, or settle its dispute, asking the reason."""
        ...

    def view_terms(self, parent: QWidget, customer_id: int) -> None: ...

    @property
    def clock(self) -> Clock: ...
