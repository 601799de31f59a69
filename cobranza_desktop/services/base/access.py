"""The permission check every write use case makes first, inside its transaction.

    with self._book.transaction() as session:
        require(session, Permission.COLLECT)
        ...

The role is read from the book's users table in that same transaction, so that a role
changed by the owner a moment ago counts at once, on every computer.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from cobranza_desktop.domain.access import Actor, Permission, allows, denial_message
from cobranza_desktop.domain.errors import PermissionDeniedError
from cobranza_desktop.storage.office_hooks import session_actor


def require(session: Session, permission: Permission) -> Actor:
    """The actor, if their role allows ``permission``; else PermissionDeniedError."""
    actor = session_actor(session)
    if not allows(actor.role, permission):
        raise PermissionDeniedError(denial_message(actor, permission))
    return actor


def current_actor(session: Session) -> Actor:
    return session_actor(session)
