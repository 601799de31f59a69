"""A queued or failed email is not a contact: the contact it is, and the agenda actions
it completes, wait in the outbox until the message is actually sent.

The composer and the day's send both leave here what a message that did not go out yet
will log (:func:`log_when_sent`). When the outbox sends it, in the same transaction that
marks it sent, :func:`on_sent` writes the contact ("Correo enviado") and marks the actions
done, once; an action already done or skipped meanwhile stays as it was.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from cobranza_desktop.domain.contact_policy import Channel, Outcome
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.storage.models.collections import CollectionAction, ContactLog
from cobranza_desktop.storage.models.messaging import OutboxMessage, OutboxPendingContact


def log_when_sent(
    session: Session,
    message_id: int,
    customer_id: int,
    action_keys: Sequence[str],
    notes: str,
    override_reason: str,
    now: datetime,
) -> None:
    """Remember what the message will log once sent (a second call changes nothing)."""
    if session.get(OutboxPendingContact, message_id) is not None:
        return
    session.add(
        OutboxPendingContact(
            message_id=message_id,
            customer_id=customer_id,
            action_keys=json.dumps(sorted(set(action_keys))),
            notes=notes,
            override_reason=override_reason,
            created_at=now,
        )
    )
    session.flush()


def _split(key: str) -> tuple[int, str, str] | None:
    parts = key.split("|", 2)
    if len(parts) != 3 or not parts[0].isdigit():
        return None
    return int(parts[0]), parts[1], parts[2]


def on_sent(session: Session, message: OutboxMessage, now: datetime) -> int | None:
    """The message was sent: log its waiting contact and complete its actions (the
    contact's id), or None when nothing waited for it."""
    pending = session.get(OutboxPendingContact, message.id)
    if pending is None or pending.contact_id is not None:
        return None
    notes = _("Correo enviado: {subject}").format(subject=message.subject)
    if pending.notes and pending.notes != notes:
        notes = f"{notes}. {pending.notes}"
    contact = ContactLog(
        customer_id=pending.customer_id,
        contacted_at=now,
        channel=Channel.EMAIL.value,
        outcome=Outcome.CONTACTED.value,
        notes=notes,
        override_reason=pending.override_reason,
        created_at=now,
    )
    session.add(contact)
    session.flush()
    pending.contact_id = contact.id
    keys = [k for k in (_split(raw) for raw in json.loads(pending.action_keys)) if k]
    if keys:
        logged = {
            (c, s, subj)
            for c, s, subj in session.execute(
                select(
                    CollectionAction.customer_id,
                    CollectionAction.stage,
                    CollectionAction.subject,
                ).where(CollectionAction.customer_id.in_({k[0] for k in keys}))
            )
        }
        for customer_id, stage, subject in keys:
            if (customer_id, stage, subject) in logged:
                continue  # done or skipped meanwhile: it stays as it was
            session.add(
                CollectionAction(
                    customer_id=customer_id,
                    stage=stage,
                    subject=subject,
                    action_date=now.date(),
                    state="done",
                    channel=Channel.EMAIL.value,
                    note=notes,
                    contact_id=contact.id,
                    created_at=now,
                )
            )
    session.flush()
    return contact.id
