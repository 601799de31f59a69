"""Confirming that an invoice arrived, and that its details are right.

Two days after issue the agenda proposes the «confirmar recepción» stage for each open
invoice whose receipt is not confirmed (``domain.agenda``). The customer's answer is
logged as a contact and as the stage's action (so it is asked once per invoice):
received, or details wrong. "Details wrong" flags the invoice for correction, which
pauses its ladder until it is corrected, or voided and replaced.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from cobranza_desktop.domain.access import Permission
from cobranza_desktop.domain.agenda import (
    NO_INVOICE_IDS,
    ActionKey,
    CustomerCase,
    receipt_subject,
)
from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.contact_policy import Channel, NonPaymentReason, Outcome
from cobranza_desktop.domain.customer_status import CustomerStatus, on_ladder
from cobranza_desktop.domain.errors import ConflictError, NotFoundError, ValidationError
from cobranza_desktop.domain.i18n import N_, _
from cobranza_desktop.domain.invoices import invoice_number
from cobranza_desktop.domain.ladder import CONFIRM_RECEIPT_STAGE
from cobranza_desktop.services.base.access import require
from cobranza_desktop.services.base.receipt_facts import (
    ReceiptFacts,
    receipt_facts,
    receipt_window,
)
from cobranza_desktop.services.collections.contacts import ContactInput, log_contact
from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.models import Invoice
from cobranza_desktop.storage.models.collections import CollectionAction
from cobranza_desktop.storage.queries import agenda as facts
from cobranza_desktop.storage.queries.predicates import open_invoice


class ReceiptAnswer(StrEnum):
    RECEIVED = "received"
    WRONG = "wrong"

    def label(self) -> str:
        return _(_ANSWER_LABELS[self])


_ANSWER_LABELS = {
    ReceiptAnswer.RECEIVED: N_("Recibió la factura y sus datos son correctos"),
    ReceiptAnswer.WRONG: N_("Los datos de la factura están mal"),
}


@dataclass(frozen=True)
class ReceiptView:
    invoice_id: int
    number: str
    delivered: bool
    receipt_status: str
    needs_correction: bool
    correction_note: str


def _view(invoice: Invoice) -> ReceiptView:
    return ReceiptView(
        invoice.id,
        invoice_number(invoice.series, invoice.folio, invoice.external_number),
        invoice.delivered_at is not None,
        invoice.receipt_status,
        invoice.needs_correction,
        invoice.correction_note,
    )


def _issued_invoice(session: Session, invoice_id: int) -> Invoice:
    invoice = session.get(Invoice, invoice_id)
    if invoice is None or invoice.lifecycle != "issued":
        raise NotFoundError(
            _("No existe la factura emitida {invoice_id}.").format(invoice_id=invoice_id)
        )
    return invoice


def record_answer(
    session: Session,
    invoice_id: int,
    answer: ReceiptAnswer,
    note: str,
    now: datetime,
    *,
    channel: Channel = Channel.PHONE,
    override_reason: str | None = None,
) -> ReceiptView:
    """Log the customer's answer (contact + the stage's action) in the caller's session."""
    invoice = _issued_invoice(session, invoice_id)
    note = note.strip()
    if answer is ReceiptAnswer.WRONG and not note:
        raise ValidationError("note", _("Escriba qué datos están mal."))
    if invoice.receipt_status:
        raise ConflictError(_("La recepción de esta factura ya fue registrada."))
    key = ActionKey(invoice.customer_id, CONFIRM_RECEIPT_STAGE.code, receipt_subject(invoice.id))
    # The question may have been asked from Today (its action logged); the answer comes
    # now. Either way the agenda does not ask again.
    asked = session.scalar(
        select(CollectionAction.id).where(
            CollectionAction.customer_id == key.customer_id,
            CollectionAction.stage == key.stage,
            CollectionAction.subject == key.subject,
        )
    )
    number = invoice_number(invoice.series, invoice.folio, invoice.external_number)
    contact, _promise = log_contact(
        session,
        ContactInput(
            customer_id=invoice.customer_id,
            channel=channel,
            outcome=Outcome.CONTACTED,
            reason=NonPaymentReason.WRONG_INVOICE_DATA if answer is ReceiptAnswer.WRONG else None,
            notes=f"{number}: {answer.label()}" + (f" — {note}" if note else ""),
            override_reason=override_reason,
        ),
        now,
    )
    if asked is None:
        session.add(
            CollectionAction(
                customer_id=key.customer_id,
                stage=key.stage,
                subject=key.subject,
                action_date=now.date(),
                state="done",
                channel=channel.value,
                note=note,
                contact_id=contact.id,
                created_at=now,
            )
        )
    invoice.receipt_status = answer.value
    if answer is ReceiptAnswer.WRONG:
        invoice.needs_correction = True
        invoice.correction_note = note
    session.flush()
    return _view(invoice)


def first_unanswered(session: Session, invoice_ids: Sequence[int]) -> int:
    """Of ``invoice_ids``, the oldest (by issue date, then id) whose receipt is not logged."""
    first = session.scalar(
        select(Invoice.id)
        .where(
            Invoice.id.in_(list(invoice_ids)),
            Invoice.lifecycle == "issued",
            Invoice.receipt_status == "",
        )
        .order_by(Invoice.issue_date, Invoice.id)
        .limit(1)
    )
    if first is None:
        raise ConflictError(_("La recepción de esta factura ya fue registrada."))
    return first


def mark_corrected(session: Session, invoice_id: int, note: str) -> ReceiptView:
    """The invoice's details were fixed: its ladder resumes."""
    invoice = _issued_invoice(session, invoice_id)
    if not invoice.needs_correction:
        raise ConflictError(_("La factura no estaba marcada para corregir."))
    invoice.needs_correction = False
    invoice.correction_note = (
        f"{invoice.correction_note} · " + _("Corregida: {note}").format(note=note.strip())
        if note.strip()
        else invoice.correction_note
    )
    session.flush()
    return _view(invoice)


def read_receipt_facts(
    session: Session, day: date, only: Collection[int] | None = None
) -> ReceiptFacts:
    """The invoices to confirm and those paused, read on their own (one query)."""
    since, until = receipt_window(day)
    query = select(
        Invoice.id,
        Invoice.customer_id,
        Invoice.series,
        Invoice.folio,
        Invoice.external_number,
        Invoice.issue_date,
        Invoice.total_cents - Invoice.paid_cents,
        Invoice.receipt_status,
        Invoice.needs_correction,
    ).where(
        open_invoice(),
        Invoice.kind == "invoice",
        Invoice.issue_date <= day,  # the book as of the day, as the agenda reads it
        (Invoice.needs_correction.is_(True))
        | ((Invoice.receipt_status == "") & Invoice.issue_date.between(since, until)),
    )
    if only is not None:
        query = query.where(Invoice.customer_id.in_(sorted(only)))
    rows = session.connection().execute(query).all()  # plain rows: no ORM loading
    return receipt_facts((tuple(row) for row in rows), day)  # type: ignore[misc]


def with_receipt_checks(
    session: Session,
    cases: list[CustomerCase],
    day: date,
    only: Collection[int] | None = None,
    known: ReceiptFacts | None = None,
) -> list[CustomerCase]:
    """The agenda's cases with the invoices to confirm and the invoices paused for correction.

    Customers with only a receipt to confirm are not among the ladder's candidates, so
    their case is built here. ``only``: build no case for other customers. ``known``: the
    facts already read with the open invoices (else they are read here).
    """
    found = read_receipt_facts(session, day, only) if known is None else known
    checks, paused = found.checks, found.paused
    if not checks and not paused:
        return cases
    by_id = {c.customer_id: c for c in cases}
    missing = sorted(c for c in set(checks) - set(by_id) if only is None or c in only)
    if missing:
        contacts = facts.contact_days(session, missing, day - timedelta(days=6), day)
        acted = facts.acted_on(session, missing, day)
        for cid, (name, status_value) in facts.customer_names(session, missing).items():
            status = CustomerStatus(status_value)
            if not on_ladder(status):
                continue
            by_id[cid] = CustomerCase(
                customer_id=cid,
                name=name,
                status=status,
                contact_days=tuple(sorted(contacts.get(cid, []))),
                acted_today=cid in acted,
                receipts=tuple(checks[cid]),
                paused_invoice_ids=frozenset(paused.get(cid, ())) or NO_INVOICE_IDS,
            )
    # Only the cases whose receipts or pauses differ are remade, from their fields
    # (replace() is dear on 30k cases): from scratch, they were made with them.
    result: list[CustomerCase] = []
    for cid in sorted(by_id):
        case = by_id[cid]
        to_check, held = checks.get(cid), paused.get(cid)
        receipts = tuple(to_check) if to_check else ()
        same_pause = case.paused_invoice_ids == held if held else not case.paused_invoice_ids
        if receipts != case.receipts or not same_pause:
            paused_ids = frozenset(held) if held else NO_INVOICE_IDS
            fields = {**vars(case), "receipts": receipts, "paused_invoice_ids": paused_ids}
            case = CustomerCase(**fields)
        result.append(case)
    return result


def receipt_keys(session: Session, customer_ids: list[int]) -> set[ActionKey]:
    """The logged actions of customers whose case was built here (their keys too)."""
    return {ActionKey(c, s, subj) for c, s, subj in facts.logged_keys(session, customer_ids)}


class ReceiptService:
    def __init__(self, book: Book, clock: Clock) -> None:
        self._book = book
        self._clock = clock

    def answer(
        self,
        invoice_id: int,
        answer: ReceiptAnswer,
        note: str = "",
        *,
        channel: Channel = Channel.PHONE,
        override_reason: str | None = None,
    ) -> ReceiptView:
        with self._book.transaction() as session:
            require(session, Permission.COLLECT)
            return record_answer(
                session,
                invoice_id,
                answer,
                note,
                self._clock.now(),
                channel=channel,
                override_reason=override_reason,
            )

    def answer_first(
        self,
        invoice_ids: Sequence[int],
        answer: ReceiptAnswer,
        note: str = "",
        *,
        channel: Channel = Channel.PHONE,
        override_reason: str | None = None,
    ) -> ReceiptView:
        """Today's «Recibió» / «Datos mal» on a confirm-receipt task: the answer is about
        the invoice the task asks about, its oldest one not yet answered (the agenda
        then asks about the next one)."""
        with self._book.transaction() as session:
            require(session, Permission.COLLECT)
            first = first_unanswered(session, invoice_ids)
            return record_answer(
                session,
                first,
                answer,
                note,
                self._clock.now(),
                channel=channel,
                override_reason=override_reason,
            )

    def mark_corrected(self, invoice_id: int, note: str = "") -> ReceiptView:
        with self._book.transaction() as session:
            require(session, Permission.COLLECT)
            return mark_corrected(session, invoice_id, note)

    def get(self, invoice_id: int) -> ReceiptView:
        with self._book.session() as session:
            return _view(_issued_invoice(session, invoice_id))
