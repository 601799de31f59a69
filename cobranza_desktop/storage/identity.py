"""Who is working on the book: the login, and the actor (login, name, role) per session.

On a database server the login is the database's own ``current_user``: the server
authenticated it, so the program never takes a login from the person. On a SQLite
file it is the local user's name (the file is on their computer).
"""

from __future__ import annotations

import getpass

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from cobranza_desktop.domain.access import Actor, effective_role
from cobranza_desktop.storage.models.office import User


def local_login() -> str:
    try:
        name = getpass.getuser()
    except (KeyError, OSError):  # no passwd entry, no LOGNAME (containers)
        name = ""
    return name.strip() or "local"


def database_login(engine: Engine) -> str:
    """The login the book knows this program by."""
    if engine.dialect.name == "sqlite":
        return local_login()
    with engine.connect() as connection:
        return str(connection.execute(select(func.current_user())).scalar_one())


def session_login(session: Session) -> str:
    """The same, read on the session's own connection (no second connection)."""
    if session.get_bind().dialect.name == "sqlite":
        return local_login()
    return str(session.execute(select(func.current_user())).scalar_one())


def load_actor(session: Session, login: str) -> Actor:
    """The actor for ``login`` as the users table says now (no ORM objects loaded)."""
    any_users = session.execute(select(User.id).limit(1)).first() is not None
    row = (
        session.execute(
            select(User.display_name, User.role, User.active).where(User.login == login)
        ).first()
        if any_users
        else None
    )
    role = effective_role(
        any_users=any_users,
        role=None if row is None else row.role,
        active=False if row is None else bool(row.active),
    )
    return Actor(
        login=login,
        display_name="" if row is None else row.display_name,
        role=role,
        registered=row is not None and bool(row.active),
    )
