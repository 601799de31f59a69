"""Import CFDI XML (I, E, P): preview, then commit whole or not at all.

Invoices keep their own series/folio and never take a folio of the program's series.
The UUID is the natural key: a document already in the book is skipped. A payment (P)
or credit note (E) whose invoice is not in the book yet waits as the customer's credit
and is applied when that invoice arrives, so the order of imports does not matter.
History is booked directly: no incentive, penalty or message is triggered by it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from operator import attrgetter
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from cobranza_desktop.domain.access import Permission
from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.i18n import gettext
from cobranza_desktop.domain.money import from_cents
from cobranza_desktop.imports.cfdi import CfdiRecord, PaymentRecord
from cobranza_desktop.imports.problems import Problem
from cobranza_desktop.imports.sources import iter_sources
from cobranza_desktop.services.base.access import require
from cobranza_desktop.services.base.business import load_profile
from cobranza_desktop.services.imports.bulk_gc import collections_paused
from cobranza_desktop.services.imports.cfdi_booking import Run
from cobranza_desktop.services.imports.cfdi_reading import business_rfc, read_all
from cobranza_desktop.services.imports.common import (
    CustomerFinder,
    ImportReport,
    RollBack,
    close_batch,
    new_batch,
)
from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.models import (
    CfdiDocument,
)

Progress = Callable[[float], None]
_ISSUED_ON = attrgetter("issued_on")


def _pago_order(item: tuple[CfdiRecord, PaymentRecord]) -> tuple[date, int]:
    """Payments by date, then by their first instalment (one document: its own)."""
    docs = item[1].documents
    if len(docs) == 1:
        return item[1].paid_on, docs[0].instalment
    return item[1].paid_on, min((d.instalment for d in docs), default=0)


class CfdiImportService:
    def __init__(self, book: Book, clock: Clock) -> None:
        self._book = book
        self._clock = clock

    def preview(
        self,
        paths: Sequence[Path],
        *,
        business_rfc: str | None = None,
        progress: Progress | None = None,
    ) -> ImportReport:
        """Everything the import would do, computed and thrown away: nothing is written."""
        return self._run(paths, business_rfc, commit=False, progress=progress)

    def commit(
        self,
        paths: Sequence[Path],
        *,
        business_rfc: str | None = None,
        progress: Progress | None = None,
    ) -> ImportReport:
        """Import whole, or (when any problem is found) write nothing at all."""
        return self._run(paths, business_rfc, commit=True, progress=progress)

    def _run(
        self,
        paths: Sequence[Path],
        explicit_rfc: str | None,
        *,
        commit: bool,
        progress: Progress | None,
    ) -> ImportReport:
        with collections_paused():  # thousands of records live until the commit
            return self._read_and_book(paths, explicit_rfc, commit=commit, progress=progress)

    def _read_and_book(
        self,
        paths: Sequence[Path],
        explicit_rfc: str | None,
        *,
        commit: bool,
        progress: Progress | None,
    ) -> ImportReport:
        records, problems = read_all(list(iter_sources(paths)), progress)
        now = self._clock.now()
        report: ImportReport | None = None
        try:
            with self._book.transaction() as session:
                require(session, Permission.BOOKKEEPING)
                report = self._book_records(session, records, problems, explicit_rfc, now)
                if progress is not None:
                    progress(0.95)  # booked; a cancel here still writes nothing
                if not commit or report.problems:
                    raise RollBack
        except RollBack:
            assert report is not None
            return ImportReport(
                committed=False,
                counts=report.counts,
                problems=report.problems,
                new_customers=report.new_customers,
                matched_customers=report.matched_customers,
                total_receivable=report.total_receivable,
                skipped=report.skipped,
                notes=report.notes,
            )
        if progress is not None:
            progress(1.0)
        return report

    def _book_records(
        self,
        session: Session,
        records: list[CfdiRecord],
        problems: list[Problem],
        explicit_rfc: str | None,
        now: datetime,
    ) -> ImportReport:
        profile = load_profile(session)
        rfc, note = business_rfc(profile.rfc, explicit_rfc, records)
        if rfc and not profile.rfc:
            profile.rfc = rfc[:13]
        batch = new_batch(
            session, "cfdi", "; ".join(sorted({r.source for r in records}))[:2000], now
        )
        finder = CustomerFinder(session, now, flush_each=False)
        run = Run(session, now, batch, finder, problems=list(problems))
        known = set(session.scalars(select(CfdiDocument.uuid)))
        ours: list[CfdiRecord] = []
        for record in records:
            if record.uuid in known:
                run.skip(
                    record.source,
                    gettext("Ya estaba importado (mismo UUID)."),
                )
            elif record.issuer.rfc != rfc:
                reason = (
                    gettext("Recibido por el negocio: no es una cuenta por cobrar.")
                    if record.receiver.rfc == rfc
                    else gettext("Emitido por otro RFC ({rfc}).").format(rfc=record.issuer.rfc)
                )
                run.skip(record.source, reason)
            else:
                known.add(record.uuid)
                ours.append(record)
        run.preload(ours)
        # Invoices first, then credit notes, then payments by date: the chain reads in order.
        # New customers are flushed once; everything else is flushed once at the end.
        for record in ours:
            run.customer_of(record)
        session.flush()
        run.read_customer_ids()
        terms = profile.payment_terms_days
        for record in sorted((r for r in ours if r.doc_type == "I"), key=_ISSUED_ON):
            run.add_invoice(record, terms)
        for record in sorted((r for r in ours if r.doc_type == "E"), key=_ISSUED_ON):
            run.add_credit_note(record)
        pagos = [(r, p) for r in ours if r.doc_type == "P" for p in r.payments]
        pagos.sort(key=_pago_order)
        seen_p: set[str] = set()
        for record, pago in pagos:
            if record.uuid not in seen_p:
                seen_p.add(record.uuid)
                run.document(record)
            run.add_payment(record, pago)
        run.rows.write()
        run.counts["customers"] = len(run.customers.created)
        close_batch(batch, run.counts)
        receivable = sum(i.total_cents - i.paid_cents for i in run.invoices)
        return ImportReport(
            committed=True,
            counts=run.counts,
            problems=tuple(run.problems),
            new_customers=tuple(run.customers.created),
            matched_customers=len(run.customers.matched),
            total_receivable=from_cents(receivable),
            skipped=tuple(run.skipped),
            notes=(note,) if note else (),
            batch_id=batch.id,
        )
