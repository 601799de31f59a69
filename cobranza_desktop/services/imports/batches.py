"""Import batches: list them, and undo one as a whole (its documents voided with a reason)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select

from cobranza_desktop.domain.access import Permission
from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.errors import ConflictError, NotFoundError
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.domain.invoices import Lifecycle
from cobranza_desktop.services.base.access import require
from cobranza_desktop.services.billing.invoices import void_invoice
from cobranza_desktop.services.receivables import allocations
from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.models import (
    CfdiDocument,
    ImportBatch,
    Invoice,
    Payment,
    PendingCfdiAllocation,
)


@dataclass(frozen=True)
class BatchView:
    id: int
    kind: str
    source: str
    counts: dict[str, int]
    created_at: datetime
    undone_at: datetime | None


class ImportBatchService:
    def __init__(self, book: Book, clock: Clock) -> None:
        self._book = book
        self._clock = clock

    def list(self) -> list[BatchView]:
        with self._book.session() as session:
            rows = session.scalars(select(ImportBatch).order_by(ImportBatch.id.desc()))
            return [
                BatchView(
                    b.id, b.kind, b.source, json.loads(b.summary or "{}"), b.created_at, b.undone_at
                )
                for b in rows
            ]

    def undo(self, batch_id: int) -> None:
        """Void the batch's invoices, reverse its payments, forget its UUIDs: one transaction."""
        reason = _("importación deshecha")
        now = self._clock.now()
        with self._book.transaction() as session:
            require(session, Permission.BOOKKEEPING)
            batch = session.get(ImportBatch, batch_id)
            if batch is None:
                raise NotFoundError(_("No existe el lote {batch_id}.").format(batch_id=batch_id))
            if batch.undone_at is not None:
                raise ConflictError(_("El lote ya fue deshecho."))
            for payment in session.scalars(
                select(Payment).where(
                    Payment.import_batch_id == batch_id, Payment.reversed_at.is_(None)
                )
            ):
                allocations.undo_allocations_of_payment(session, payment, now, reason)
                payment.reversed_at = now
                payment.reverse_reason = reason
            for invoice in session.scalars(
                select(Invoice).where(
                    Invoice.import_batch_id == batch_id, Invoice.lifecycle == Lifecycle.ISSUED.value
                )
            ):
                void_invoice(session, invoice, reason, now)
            # P documents of the batch stop covering payments recorded by hand.
            p_uuids = list(
                session.scalars(
                    select(CfdiDocument.uuid).where(
                        CfdiDocument.batch_id == batch_id, CfdiDocument.doc_type == "P"
                    )
                )
            )
            for payment in session.scalars(select(Payment).where(Payment.rep_uuid.in_(p_uuids))):
                if payment.import_batch_id != batch_id:
                    payment.rep_uuid = ""
            batch_payments = select(Payment.id).where(Payment.import_batch_id == batch_id)
            session.execute(
                delete(PendingCfdiAllocation).where(
                    PendingCfdiAllocation.payment_id.in_(batch_payments)
                )
            )
            # The UUIDs may be imported again after an undo: their rows go, the voids stay.
            session.execute(delete(CfdiDocument).where(CfdiDocument.batch_id == batch_id))
            batch.undone_at = now
            batch.undo_reason = reason
