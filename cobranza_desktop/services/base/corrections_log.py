"""Writing and reading the corrections log, in the caller's transaction.

Every correction (a reversal, credit applied, a re-allocation, an allocation undone, a
draft edited or deleted, an invoice voided, a due date extended) is logged with who,
when and why, and shown in the customer's timeline.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from cobranza_desktop.domain.i18n import _
from cobranza_desktop.services.base.access import current_actor
from cobranza_desktop.storage.models.corrections import CorrectionEntry


class CorrectionKind(StrEnum):
    PAYMENT_REVERSED = "payment_reversed"
    PAYMENT_REALLOCATED = "payment_reallocated"
    CREDIT_APPLIED = "credit_applied"
    ALLOCATION_UNDONE = "allocation_undone"
    DRAFT_EDITED = "draft_edited"
    DRAFT_DELETED = "draft_deleted"
    INVOICE_VOIDED = "invoice_voided"
    DUE_DATE_EXTENDED = "due_date_extended"
    DISCOUNT_GRANTED = "discount_granted"
    BARTER = "barter"
    DOSSIER_EXPORTED = "dossier_exported"

    def label(self) -> str:
        return {
            CorrectionKind.PAYMENT_REVERSED: _("Pago revertido"),
            CorrectionKind.PAYMENT_REALLOCATED: _("Pago reasignado"),
            CorrectionKind.CREDIT_APPLIED: _("Saldo a favor aplicado"),
            CorrectionKind.ALLOCATION_UNDONE: _("Aplicación deshecha"),
            CorrectionKind.DRAFT_EDITED: _("Borrador modificado"),
            CorrectionKind.DRAFT_DELETED: _("Borrador eliminado"),
            CorrectionKind.INVOICE_VOIDED: _("Factura cancelada"),
            CorrectionKind.DUE_DATE_EXTENDED: _("Vencimiento prorrogado"),
            CorrectionKind.DISCOUNT_GRANTED: _("Descuento en el próximo pago"),
            CorrectionKind.BARTER: _("Pago en especie"),
            CorrectionKind.DOSSIER_EXPORTED: _("Expediente entregado a agencia"),
        }[self]


@dataclass(frozen=True)
class CorrectionView:
    id: int
    customer_id: int
    kind: CorrectionKind
    subject: str
    reason: str
    details: str
    author: str
    created_at: datetime


def current_author(session: Session) -> str:
    """Who is making the change: the book's user of this transaction (on a server the
    server's login, on a file the local user), by the name the office knows them by."""
    return current_actor(session).shown_name[:80]


def log_correction(
    session: Session,
    customer_id: int,
    kind: CorrectionKind,
    *,
    subject: str,
    reason: str,
    details: str,
    now: datetime,
) -> CorrectionEntry:
    entry = CorrectionEntry(
        customer_id=customer_id,
        kind=kind.value,
        subject=subject[:80],
        reason=reason.strip(),
        details=details,
        author=current_author(session),
        created_at=now,
    )
    session.add(entry)
    session.flush()
    return entry


def correction_view(entry: CorrectionEntry) -> CorrectionView:
    return CorrectionView(
        entry.id,
        entry.customer_id,
        CorrectionKind(entry.kind),
        entry.subject,
        entry.reason,
        entry.details,
        entry.author,
        entry.created_at,
    )


def customer_corrections(session: Session, customer_id: int) -> list[CorrectionView]:
    """The customer's corrections, newest first."""
    rows = session.scalars(
        select(CorrectionEntry)
        .where(CorrectionEntry.customer_id == customer_id)
        .order_by(CorrectionEntry.created_at.desc(), CorrectionEntry.id.desc())
    )
    return [correction_view(r) for r in rows]
