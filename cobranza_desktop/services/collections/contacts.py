"""The contact log: every call, visit, email, WhatsApp message and letter, and its outcome."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cobranza_desktop.domain.access import Permission
from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.contact_policy import (
    Channel,
    NonPaymentReason,
    Outcome,
    Violation,
    parse_channel,
    parse_outcome,
    parse_reason,
)
from cobranza_desktop.domain.errors import ConflictError, NotFoundError, ValidationError
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.domain.money import parse_amount, to_cents
from cobranza_desktop.domain.plans import validate_promise
from cobranza_desktop.domain.validation import check_date, check_optional_date
from cobranza_desktop.services.base.access import require
from cobranza_desktop.services.base.agenda_data import load_policy
from cobranza_desktop.services.customers.records import get_customer
from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.models.collections import ContactLog, Promise
from cobranza_desktop.storage.queries.audit import authors_of

MAX_NOTES = 4000


@dataclass(frozen=True)
class ContactInput:
    customer_id: int
    channel: Channel | str
    outcome: Outcome | str
    reason: NonPaymentReason | str | None = None
    notes: str = ""
    next_action_date: date | None = None
    contacted_at: datetime | None = None  # None: now
    override_reason: str | None = None  # needed to go beyond the contact policy
    # With outcome "promise": what and when the customer promised to pay.
    promise_amount: Decimal | str | None = None
    promise_date: date | None = None


@dataclass(frozen=True)
class ContactView:
    id: int
    customer_id: int
    contacted_at: datetime
    channel: Channel
    outcome: Outcome
    reason: NonPaymentReason | None
    notes: str
    next_action_date: date | None
    override_reason: str
    voided: bool
    promise_id: int | None = None
    author: str = ""  # who logged it (from the audit trail; empty before it existed)

    @property
    def reason_label(self) -> str:
        return self.reason.label() if self.reason else ""


@dataclass(frozen=True)
class ReasonCount:
    reason: NonPaymentReason
    label: str
    count: int


def contact_view(row: ContactLog, promise_id: int | None = None) -> ContactView:
    return ContactView(
        id=row.id,
        customer_id=row.customer_id,
        contacted_at=row.contacted_at,
        channel=Channel(row.channel),
        outcome=Outcome(row.outcome),
        reason=NonPaymentReason(row.reason) if row.reason else None,
        notes=row.notes,
        next_action_date=row.next_action_date,
        override_reason=row.override_reason,
        voided=row.voided_at is not None,
        promise_id=promise_id,
    )


def contact_days_around(session: Session, customer_id: int, day: date) -> list[date]:
    """Days of the customer's contacts in the week ending on ``day`` (what the cap counts)."""
    start = day - timedelta(days=6)
    rows = session.scalars(
        select(ContactLog.contacted_at).where(
            ContactLog.customer_id == customer_id,
            ContactLog.voided_at.is_(None),
            ContactLog.contacted_at >= start,
            ContactLog.contacted_at < day + timedelta(days=1),
        )
    )
    return [moment.date() for moment in rows]


def log_contact(
    session: Session, data: ContactInput, now: datetime
) -> tuple[ContactLog, int | None]:
    """Validate and record a contact (and its promise) in the caller's transaction.

    The contact policy applies to ``contacted_at``: beyond the cap, in quiet hours or on
    a Sunday it is refused unless ``override_reason`` says why.
    """
    get_customer(session, data.customer_id)
    channel = parse_channel(str(data.channel))
    outcome = parse_outcome(str(data.outcome))
    reason = parse_reason(str(data.reason) if data.reason else None)
    notes = data.notes.strip()
    if len(notes) > MAX_NOTES:
        raise ValidationError("notes", _("Las notas son demasiado largas."))
    moment = (data.contacted_at or now).replace(microsecond=0)
    check_date(moment.date(), "contacted_at")
    check_optional_date(data.next_action_date, "next_action_date")
    check_optional_date(data.promise_date, "promise_date")
    if moment > now:
        raise ValidationError(
            "contacted_at",
            _("El contacto no puede ser en el futuro."),
        )
    if data.next_action_date is not None and data.next_action_date <= moment.date():
        raise ValidationError(
            "next_action_date",
            _("La siguiente acción debe ser después del contacto."),
        )
    if outcome in (Outcome.REFUSED, Outcome.DISPUTE) and reason is None:
        raise ValidationError(
            "reason",
            _("Indique el motivo del impago."),
        )
    policy = load_policy(session)
    overridden = policy.check(
        moment, contact_days_around(session, data.customer_id, moment.date()), data.override_reason
    )
    row = ContactLog(
        customer_id=data.customer_id,
        contacted_at=moment,
        channel=channel.value,
        outcome=outcome.value,
        reason=reason.value if reason else "",
        notes=notes,
        next_action_date=data.next_action_date,
        override_reason=(data.override_reason or "").strip() if overridden else "",
        created_at=now,
    )
    session.add(row)
    session.flush()
    promise_id: int | None = None
    if outcome is Outcome.PROMISE:
        if data.promise_amount is None or data.promise_date is None:
            raise ValidationError(
                "promise_amount",
                _("Escriba el monto y la fecha que prometió el cliente."),
            )
        amount = parse_amount(data.promise_amount, "promise_amount")
        validate_promise(amount, data.promise_date, moment.date())
        promise = Promise(
            customer_id=data.customer_id,
            contact_id=row.id,
            amount_cents=to_cents(amount),
            promised_date=data.promise_date,
            given_on=moment.date(),
            status="pending",
            created_at=now,
        )
        session.add(promise)
        session.flush()
        promise_id = promise.id
    return row, promise_id


def overridden_violations(session: Session, customer_id: int, moment: datetime) -> list[Violation]:
    """What the policy would say about one more contact at ``moment`` (for the UI to warn)."""
    return load_policy(session).violations(
        moment, contact_days_around(session, customer_id, moment.date())
    )


def contact_timeline(
    session: Session, customer_id: int, *, include_voided: bool = False
) -> list[ContactView]:
    """The customer's contacts, newest first, read in ``session``."""
    get_customer(session, customer_id)
    query = select(ContactLog).where(ContactLog.customer_id == customer_id)
    if not include_voided:
        query = query.where(ContactLog.voided_at.is_(None))
    rows = session.scalars(
        query.order_by(ContactLog.contacted_at.desc(), ContactLog.id.desc())
    ).all()
    promises = {
        contact_id: promise_id
        for contact_id, promise_id in session.execute(
            select(Promise.contact_id, Promise.id).where(Promise.customer_id == customer_id)
        )
    }
    authors = authors_of(session, "contact", (r.id for r in rows))
    return [
        replace(contact_view(r, promises.get(r.id)), author=authors.get(r.id, "")) for r in rows
    ]


class ContactService:
    def __init__(self, book: Book, clock: Clock) -> None:
        self._book = book
        self._clock = clock

    def log(self, data: ContactInput) -> ContactView:
        with self._book.transaction() as session:
            require(session, Permission.COLLECT)
            row, promise_id = log_contact(session, data, self._clock.now())
            return contact_view(row, promise_id)

    def policy_violations(
        self, customer_id: int, moment: datetime | None = None
    ) -> list[Violation]:
        with self._book.session() as session:
            return overridden_violations(session, customer_id, moment or self._clock.now())

    def timeline(self, customer_id: int, *, include_voided: bool = False) -> list[ContactView]:
        """The customer's contacts, newest first."""
        with self._book.session() as session:
            return contact_timeline(session, customer_id, include_voided=include_voided)

    def next_actions(self, customer_ids: list[int]) -> dict[int, date]:
        """Each customer's next follow-up date, from their latest contact that set one
        (for a page of the customer list: one query for the whole page)."""
        if not customer_ids:
            return {}
        with self._book.session() as session:
            rows = session.execute(
                select(ContactLog.customer_id, ContactLog.next_action_date)
                .where(
                    ContactLog.customer_id.in_(customer_ids),
                    ContactLog.voided_at.is_(None),
                    ContactLog.next_action_date.is_not(None),
                )
                .order_by(ContactLog.customer_id, ContactLog.contacted_at, ContactLog.id)
            ).all()
        latest: dict[int, date] = {}
        for customer_id, next_date in rows:
            if next_date is not None:  # ordered by time: the last one wins
                latest[customer_id] = next_date
        return latest

    def void(self, contact_id: int, reason: str) -> ContactView:
        """A contact logged by mistake is voided with a reason, never deleted."""
        if not reason.strip():
            raise ValidationError("reason", _("Escriba el motivo de la anulación."))
        with self._book.transaction() as session:
            require(session, Permission.COLLECT)
            row = session.get(ContactLog, contact_id)
            if row is None:
                raise NotFoundError(
                    _("No existe el contacto {contact_id}.").format(contact_id=contact_id)
                )
            if row.voided_at is not None:
                raise ConflictError(_("El contacto ya está anulado."))
            row.voided_at = self._clock.now()
            row.void_reason = reason.strip()
            return contact_view(row)

    def reasons_report(self, start: date, end: date) -> list[ReasonCount]:
        """Contacts per reason for non-payment in [start, end], most frequent first."""
        if check_date(end, "end") < check_date(start, "start"):
            raise ValidationError(
                "end",
                _("El periodo termina antes de empezar."),
            )
        with self._book.session() as session:
            rows = session.execute(
                select(ContactLog.reason, func.count())
                .where(
                    ContactLog.voided_at.is_(None),
                    ContactLog.reason != "",
                    ContactLog.contacted_at >= start,
                    ContactLog.contacted_at < end + timedelta(days=1),
                )
                .group_by(ContactLog.reason)
            )
            counts = Counter({NonPaymentReason(r): int(c) for r, c in rows})
        order = list(NonPaymentReason)
        return sorted(
            (ReasonCount(r, r.label(), counts.get(r, 0)) for r in NonPaymentReason),
            key=lambda rc: (-rc.count, order.index(rc.reason)),
        )
