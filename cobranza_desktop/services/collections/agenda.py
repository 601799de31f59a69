"""Today's agenda ("Hoy"): compute it, and log each action as done or skipped.

Computing the agenda only reads the book. Logging an action writes its natural key,
so it is never proposed again, and (when done) the contact it was, counted by the cap.
"""

from __future__ import annotations

import threading
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from cobranza_desktop.domain.access import Permission
from cobranza_desktop.domain.agenda import (
    LIFT_RESTRICTION,
    ActionKey,
    Agenda,
    AgendaItem,
    CustomerCase,
    compute_agenda,
)
from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.contact_policy import (
    Channel,
    ContactPolicy,
    NonPaymentReason,
    Outcome,
)
from cobranza_desktop.domain.customer_status import status_rank
from cobranza_desktop.domain.customers import CustomerStatus
from cobranza_desktop.domain.errors import ConflictError, ValidationError
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.domain.ladder import Ladder
from cobranza_desktop.domain.ladder_edits import checked_ladder
from cobranza_desktop.domain.validation import check_date
from cobranza_desktop.services import CancelCheck, WorkCancelled, never_cancel
from cobranza_desktop.services.base.access import require
from cobranza_desktop.services.base.agenda_data import (
    load_ladder,
    load_policy,
    read_day,
    save_ladder,
    save_policy,
)
from cobranza_desktop.services.base.receipt_facts import ReceiptFacts
from cobranza_desktop.services.collections.contacts import ContactInput, log_contact
from cobranza_desktop.services.collections.receipts import receipt_keys, with_receipt_checks
from cobranza_desktop.services.customers.records import get_customer
from cobranza_desktop.services.customers.restrictions import change_status
from cobranza_desktop.services.imports.bulk_gc import collections_paused
from cobranza_desktop.services.penalties.engine import book_charges, propose_charges
from cobranza_desktop.storage.concurrency import already_done_as
from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.models.collections import CollectionAction


@dataclass(frozen=True)
class ActionResult:
    customer_id: int
    stage: str
    state: str  # "done" | "skipped"
    keys: tuple[ActionKey, ...]
    contact_id: int | None
    promise_id: int | None
    new_status: CustomerStatus | None
    penalties_applied: Decimal = Decimal("0.00")  # charged by the "penalty applied" stage


def _apply_penalties(session: Session, item: AgendaItem, day: date, now: datetime) -> Decimal:
    """Charge what the contract's penalty policy says is due on the action's invoices.

    The penalty engine keeps its own natural keys, so nothing is charged twice even if
    the penalty screen runs too. With no active policy nothing is charged. A customer
    without signed credit terms agreed no rate: the engine proposes them the legal 6 %
    only (no fees), and that is what the stage charges; the contract's terms take a
    reason, given in the apply-penalties preview.
    """
    chosen = [
        proposed
        for proposed in propose_charges(session, day, customer_id=item.customer_id)
        if proposed.invoice_id in item.invoice_ids
    ]
    book_charges(session, chosen, day, now)
    return sum((proposed.amount for proposed in chosen), Decimal("0.00"))


def log_action(
    session: Session,
    item: AgendaItem,
    state: str,
    note: str,
    contact: ContactInput | None,
    today: date,
    now: datetime,
) -> ActionResult:
    """Log an agenda action as done or skipped, with its contact and effects, in ``session``.

    The action's natural keys make a second log of the same action a conflict.
    """
    customer = get_customer(session, item.customer_id)
    if not item.keys:
        raise ValidationError("item", _("La acción no tiene clave."))
    existing = session.execute(
        select(CollectionAction.stage, CollectionAction.subject).where(
            CollectionAction.customer_id == item.customer_id
        )
    ).all()
    done = {ActionKey(item.customer_id, s, subj) for s, subj in existing}
    if any(k in done for k in item.keys):
        raise ConflictError(_("Esta acción ya fue registrada."))
    contact_id = promise_id = None
    if contact is not None:
        row, promise_id = log_contact(session, contact, now)
        contact_id = row.id
    for key in item.keys:
        session.add(
            CollectionAction(
                customer_id=key.customer_id,
                stage=key.stage,
                subject=key.subject,
                action_date=today,
                state=state,
                channel=item.channel.value,
                note=note,
                contact_id=contact_id,
                created_at=now,
            )
        )
    with already_done_as(_("Esta acción ya fue registrada.")):  # by another program, just now
        session.flush()
    new_status: CustomerStatus | None = None
    target = item.sets_status
    current = CustomerStatus(customer.status)
    if state == "done" and target is not None:
        lifting = item.stage == LIFT_RESTRICTION and target is CustomerStatus.ACTIVE
        if target is not current and (lifting or status_rank(target) > status_rank(current)):
            change_status(
                session,
                customer,
                target,
                _("Agenda de cobranza: {stage_label}").format(stage_label=item.stage_label),
                today,
                now,
                restricted_services=_("Servicios limitados según el contrato")
                if target is CustomerStatus.RESTRICTED
                else "",
            )
            new_status = target
    charged = Decimal("0.00")
    if state == "done" and item.applies_penalty:
        charged = _apply_penalties(session, item, today, now)
    session.flush()
    return ActionResult(
        item.customer_id,
        item.stage,
        state,
        item.keys,
        contact_id,
        promise_id,
        new_status,
        charged,
    )


def day_agenda(session: Session, day: date, cancelled: CancelCheck = never_cancel) -> Agenda:
    """The actions for ``day``, in priority order, read in ``session``.

    Raises :class:`~cobranza_desktop.services.WorkCancelled` when ``cancelled()`` turns true
    between its steps (a newer computation supersedes this one)."""
    with collections_paused():
        return _read_agenda(session, day, cancelled)


def customers_agenda(session: Session, day: date, customer_ids: Collection[int]) -> Agenda:
    """The agenda of ``day`` for these customers alone, read with the incremental agenda's
    filtered queries: its cost follows the number of customers asked, not the book's size
    (the customer list asks for the rows on screen)."""
    only = set(customer_ids)
    if not only:
        return Agenda(day, ())
    return _read_agenda(session, day, only=only)


def _read_agenda(
    session: Session,
    day: date,
    cancelled: CancelCheck = never_cancel,
    only: Collection[int] | None = None,
) -> Agenda:
    ladder = load_ladder(session)
    policy = load_policy(session)
    read = read_day(session, day, ladder, policy, cancelled, only)
    if cancelled():
        raise WorkCancelled
    known = {c.customer_id for c in read.cases}
    cases = with_receipt_checks(session, read.cases, day, only=only, known=read.receipts)
    logged = read.logged | receipt_keys(
        session, [c.customer_id for c in cases if c.customer_id not in known]
    )
    return compute_agenda(day, cases, logged, ladder, policy)


def completion_contact(
    item: AgendaItem,
    outcome: Outcome | str = Outcome.CONTACTED,
    *,
    reason: NonPaymentReason | str | None = None,
    notes: str = "",
    next_action_date: date | None = None,
    channel: Channel | str | None = None,
    override_reason: str | None = None,
    promise_amount: str | None = None,
    promise_date: date | None = None,
) -> ContactInput:
    """The contact that completing ``item`` logs (the stage's label when no notes)."""
    return ContactInput(
        customer_id=item.customer_id,
        channel=channel or item.channel,
        outcome=outcome,
        reason=reason,
        notes=notes or item.stage_label,
        next_action_date=next_action_date,
        override_reason=override_reason,
        promise_amount=promise_amount,
        promise_date=promise_date,
    )


@dataclass(frozen=True)
class _Computed:
    """The cases of the last agenda computed, to recompute only what a write changed."""

    day: date
    ladder: Ladder
    policy: ContactPolicy
    cases: dict[int, CustomerCase]
    logged: frozenset[ActionKey]


class AgendaService:
    def __init__(self, book: Book, clock: Clock) -> None:
        self._book = book
        self._clock = clock
        self._last: _Computed | None = None
        self._lock = threading.Lock()

    # Configuration -------------------------------------------------------------------
    def ladder(self) -> Ladder:
        with self._book.session() as session:
            return load_ladder(session)

    def set_ladder(self, ladder: Ladder) -> None:
        """Store an edited ladder; one that breaks the editing rules is refused whole."""
        checked = checked_ladder(ladder)
        with self._book.transaction() as session:
            require(session, Permission.SETTINGS)
            save_ladder(session, checked)

    def policy(self) -> ContactPolicy:
        with self._book.session() as session:
            return load_policy(session)

    def set_policy(self, policy: ContactPolicy) -> None:
        with self._book.transaction() as session:
            require(session, Permission.SETTINGS)
            save_policy(session, policy)

    # The agenda ----------------------------------------------------------------------
    def agenda(
        self,
        day: date | None = None,
        cancelled: CancelCheck = never_cancel,
        *,
        changed: Collection[int] | None = None,
    ) -> Agenda:
        """The actions for ``day`` (default today), in priority order. Writes nothing.

        ``cancelled``: checked between steps; when it turns true, WorkCancelled is raised.
        ``changed``: the customers whose records changed since the last agenda this service
        computed for ``day`` (the write's change payload): only their cases are read again,
        the others' are kept. Without it (or with nothing computed yet) all are read."""
        day = check_date(day or self._clock.today(), "day")
        with self._lock, collections_paused(), self._book.session() as session:
            ladder = load_ladder(session)
            policy = load_policy(session)
            last = self._last
            reuse = (
                changed is not None
                and last is not None
                and (last.day, last.ladder, last.policy) == (day, ladder, policy)
            )
            known: ReceiptFacts | None = None  # read with the open invoices of them all
            if reuse and last is not None and changed is not None:
                fresh = read_day(session, day, ladder, policy, cancelled, set(changed))
                cases = {c: case for c, case in last.cases.items() if c not in changed}
                cases.update({case.customer_id: case for case in fresh.cases})
                keys = {k for k in last.logged if k.customer_id not in changed} | fresh.logged
            else:
                read = read_day(session, day, ladder, policy, cancelled)
                cases = {case.customer_id: case for case in read.cases}
                keys, known = read.logged, read.receipts
            if cancelled():
                raise WorkCancelled
            self._last = _Computed(day, ladder, policy, cases, frozenset(keys))
            # The receipts to check ride on the cases (read each time after a write: one
            # query; a computation from scratch has them from its read of open invoices).
            ordered = with_receipt_checks(
                session, [cases[c] for c in sorted(cases)], day, known=known
            )
            keys = set(keys) | receipt_keys(
                session, [c.customer_id for c in ordered if c.customer_id not in cases]
            )
            return compute_agenda(day, ordered, keys, ladder, policy)

    def next_actions(
        self, customer_ids: Collection[int], day: date | None = None
    ) -> dict[int, AgendaItem]:
        """Each customer's action on the agenda of ``day`` (due, or waiting on the contact
        policy), for these customers only; customers with nothing to do are left out."""
        day = check_date(day or self._clock.today(), "day")
        with self._book.session() as session:
            agenda = customers_agenda(session, day, customer_ids)
        return {item.customer_id: item for item in (*agenda.items, *agenda.deferred)}

    def _log(
        self,
        item: AgendaItem,
        state: str,
        note: str,
        contact: ContactInput | None,
    ) -> ActionResult:
        now = self._clock.now()
        today = self._clock.today()
        with self._book.transaction() as session:
            require(session, Permission.COLLECT)
            return log_action(session, item, state, note, contact, today, now)

    def complete(
        self,
        item: AgendaItem,
        outcome: Outcome | str = Outcome.CONTACTED,
        *,
        reason: NonPaymentReason | str | None = None,
        notes: str = "",
        next_action_date: date | None = None,
        channel: Channel | str | None = None,
        override_reason: str | None = None,
        promise_amount: str | None = None,
        promise_date: date | None = None,
    ) -> ActionResult:
        """Mark an action done: log the contact it was (within the cap) and its effects."""
        contact = completion_contact(
            item,
            outcome,
            reason=reason,
            notes=notes,
            next_action_date=next_action_date,
            channel=channel,
            override_reason=override_reason,
            promise_amount=promise_amount,
            promise_date=promise_date,
        )
        return self._log(item, "done", notes, contact)

    def skip(self, item: AgendaItem, reason: str) -> ActionResult:
        """Mark an action skipped, with the reason; it is not proposed again."""
        if not reason.strip():
            raise ValidationError(
                "reason",
                _("Escriba por qué se omite la acción."),
            )
        return self._log(item, "skipped", reason.strip(), None)
