"""What the composer's parts share: the hooks into other areas, the channels, the
call outcomes, the stage names (from ui/labels), and the interface the channel panels act through.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from PySide6.QtCore import QDate, QUrl
from PySide6.QtGui import QDesktopServices

from cobranza_desktop.messaging.email import Attachment
from cobranza_desktop.messaging.templates import RenderedMessage
from cobranza_desktop.services.messaging.outbox import EmailDraft, OutboxView
from cobranza_desktop.services.messaging.reminders import ContactRecord, RecipientView

# The composer's channels, in the order of the selector. SMS goes through "copy text".
COMPOSER_CHANNELS: tuple[str, ...] = ("email", "whatsapp", "phone", "letter")
CALL_OUTCOMES: tuple[str, ...] = ("contacted", "no_answer", "promise", "dispute", "refused")


def _no_lines(_customer_id: int) -> Sequence[str]:
    return ()


def _open_url(url: QUrl) -> bool:
    return bool(QDesktopServices.openUrl(url))


@dataclass
class ComposerHooks:
    """What the composer needs from the rest of the program.

    - ``log_contact``: write the contact log (required).
    - ``send_email``: queue the draft in the outbox and try to send it; called off the
      GUI thread; returns the outbox message (``OutboxService.queue_and_send``).
    - ``attachments``: label -> builder of a PDF for the chosen invoice ids
      (e.g. "Estado de cuenta", "Aviso de recargo").
    - ``last_contacts``: readable lines of the customer's latest contacts.
    - ``contact_warnings``: what the contact policy says against contacting now
      (cap, quiet hours, Sunday); non-empty asks for a reason to go on.
    - ``print_letter``: print (or save) the letter, given its title and text.
    - ``open_url``: open a link with the system (WhatsApp).
    """

    log_contact: Callable[[ContactRecord], None]
    send_email: Callable[[EmailDraft], OutboxView]
    print_letter: Callable[[str, str], None]
    attachments: Mapping[str, Callable[[Sequence[int]], Attachment]] = field(default_factory=dict)
    last_contacts: Callable[[int], Sequence[str]] = _no_lines
    contact_warnings: Callable[[int], Sequence[str]] = _no_lines
    open_url: Callable[[QUrl], bool] = _open_url


class ComposerContext(Protocol):
    """The composer as its channel panels see it (implemented by ``ReminderComposer``)."""

    recipient: RecipientView

    @property
    def rendered(self) -> RenderedMessage | None:
        """The message as merged now, or None while the template has an error."""
        ...

    def override_reason(self) -> str | None:
        """The reason to go past the contact policy, or None (with an inline error)."""
        ...

    def selected_invoice_ids(self) -> tuple[int, ...]: ...

    def current_stage(self) -> str: ...

    def record(self, channel: str, outcome: str, **more: Any) -> ContactRecord: ...

    def log(self, record: ContactRecord, then: Callable[[], None]) -> None:
        """Write the contact log on the database worker; ``then()`` once it is written.
        If it is refused, the error is shown and ``then`` is not called."""
        ...

    def show_status(self, text: str, *, error: bool = False) -> None: ...

    def update_actions(self) -> None: ...

    def accept(self) -> None: ...


def qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
