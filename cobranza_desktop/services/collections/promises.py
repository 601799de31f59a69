"""Promises to pay: listed with their status, which is derived from payments and the date.

A promise is kept when the customer's payments since it was given reach the amount by
the promised date, and broken once that date passes without it. :meth:`refresh`
stores those outcomes (idempotently) so that lists and reports can filter on them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from cobranza_desktop.domain.access import Permission
from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.errors import ConflictError, NotFoundError, ValidationError
from cobranza_desktop.domain.i18n import gettext
from cobranza_desktop.domain.money import from_cents, parse_amount, to_cents
from cobranza_desktop.domain.plans import PromiseStatus, validate_promise
from cobranza_desktop.domain.validation import check_date
from cobranza_desktop.services.base.access import require
from cobranza_desktop.services.base.agenda_data import (
    payments_between,
    promise_statuses,
)
from cobranza_desktop.services.customers.records import get_customer
from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.models.collections import Promise


@dataclass(frozen=True)
class PromiseView:
    id: int
    customer_id: int
    amount: Decimal
    promised_date: date
    given_on: date
    status: PromiseStatus
    status_label: str
    paid_since: Decimal  # paid since the promise was given, up to today
    contact_id: int | None
    notes: str


def _view(promise: Promise, status: PromiseStatus, paid: Decimal) -> PromiseView:
    return PromiseView(
        promise.id,
        promise.customer_id,
        from_cents(promise.amount_cents),
        promise.promised_date,
        promise.given_on,
        status,
        status.label(),
        paid,
        promise.contact_id,
        promise.notes,
    )


class PromiseService:
    def __init__(self, book: Book, clock: Clock) -> None:
        self._book = book
        self._clock = clock

    def add(
        self, customer_id: int, amount: Decimal | str, promised_date: date, notes: str = ""
    ) -> PromiseView:
        """A promise given outside a logged contact (e.g. at the counter)."""
        today = self._clock.today()
        value = parse_amount(amount, "amount")
        validate_promise(value, check_date(promised_date, "promised_date"), today)
        with self._book.transaction() as session:
            require(session, Permission.COLLECT)
            get_customer(session, customer_id)
            promise = Promise(
                customer_id=customer_id,
                amount_cents=to_cents(value),
                promised_date=promised_date,
                given_on=today,
                status=PromiseStatus.PENDING.value,
                notes=notes.strip(),
                created_at=self._clock.now(),
            )
            session.add(promise)
            session.flush()
            return _view(promise, PromiseStatus.PENDING, Decimal("0.00"))

    def for_customer(self, customer_id: int) -> list[PromiseView]:
        today = self._clock.today()
        with self._book.session() as session:
            get_customer(session, customer_id)
            rows = session.scalars(
                select(Promise)
                .where(Promise.customer_id == customer_id)
                .order_by(Promise.id.desc())
            ).all()
            statuses = promise_statuses(session, rows, today)
            return [
                _view(
                    p,
                    statuses[p.id],
                    sum(
                        (a for _, a in payments_between(session, customer_id, p.given_on, today)),
                        Decimal("0.00"),
                    ),
                )
                for p in rows
            ]

    def cancel(self, promise_id: int, reason: str) -> PromiseView:
        if not reason.strip():
            raise ValidationError("reason", gettext("Escriba el motivo."))
        with self._book.transaction() as session:
            require(session, Permission.COLLECT)
            promise = session.get(Promise, promise_id)
            if promise is None:
                raise NotFoundError(
                    gettext("No existe la promesa {promise_id}.").format(promise_id=promise_id)
                )
            if promise.status == PromiseStatus.CANCELLED.value:
                raise ConflictError(gettext("La promesa ya está cancelada."))
            promise.status = PromiseStatus.CANCELLED.value
            promise.resolved_on = self._clock.today()
            promise.notes = (promise.notes + "\n" if promise.notes else "") + reason.strip()
            return _view(promise, PromiseStatus.CANCELLED, Decimal("0.00"))

    def refresh(self) -> int:
        """Store the kept/broken outcome of pending promises; returns how many changed."""
        today = self._clock.today()
        changed = 0
        with self._book.transaction() as session:
            require(session, Permission.COLLECT)
            pending = session.scalars(
                select(Promise).where(Promise.status == PromiseStatus.PENDING.value)
            ).all()
            statuses = promise_statuses(session, pending, today)
            for promise in pending:
                status = statuses[promise.id]
                if status is not PromiseStatus.PENDING:
                    promise.status = status.value
                    promise.resolved_on = today
                    changed += 1
        return changed
