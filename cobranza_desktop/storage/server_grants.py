"""The database rights of a book's users on a server: what the role lets them touch.

On PostgreSQL the users of a book are the server's own login roles. Adding a user (or
changing their role) gives that login the rights it needs on the book's tables, in the
owner's transaction: a working user may read and write every table (the services check
what each role may do, `services/base/access.require`); a read-only or deactivated user
may only read, so that even a program that skips the services cannot write. Tables a
later migration creates get the same rights (``ALTER DEFAULT PRIVILEGES``).

A SQLite file has no server users: nothing to do there.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.i18n import _

_WRITE = "INSERT, UPDATE, DELETE"


def _is_server(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def server_role_exists(session: Session, login: str) -> bool:
    return bool(
        session.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :name"), {"name": login})
        .scalars()
        .first()
    )


def grant_book_rights(session: Session, login: str, *, writes: bool, owner: bool = False) -> None:
    """Let the server login ``login`` read the book, and write it when ``writes``; an
    ``owner`` may pass the rights on (a second owner adds users too).

    Refused with a clear message when the server has no such login: the database's
    administrator creates it first (``createuser``)."""
    if not _is_server(session):
        return
    if not server_role_exists(session, login):
        raise ValidationError(
            "login",
            _(
                "El servidor no tiene ningún usuario «{login}». Créelo primero en el servidor "
                "(por ejemplo: createuser --pwprompt {login}) y vuelva a darlo de alta aquí."
            ).format(login=login),
        )
    role = session.get_bind().dialect.identifier_preparer.quote(login)
    passing = " WITH GRANT OPTION" if owner else ""
    statements = [
        f"GRANT USAGE ON SCHEMA public TO {role}",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO {role}",
    ]
    if writes:
        statements += [
            f"GRANT SELECT, {_WRITE} ON ALL TABLES IN SCHEMA public TO {role}{passing}",
            f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}{passing}",
            f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT {_WRITE} ON TABLES TO {role}",
            f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {role}",
        ]
    else:
        statements += [
            f"REVOKE {_WRITE} ON ALL TABLES IN SCHEMA public FROM {role}",
            f"REVOKE USAGE ON ALL SEQUENCES IN SCHEMA public FROM {role}",
            f"ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE {_WRITE} ON TABLES FROM {role}",
        ]
    for statement in statements:
        session.execute(text(statement))
