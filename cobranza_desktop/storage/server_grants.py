"""The database rights of a book's users on a server: what the role lets them touch.

On PostgreSQL the users of a book are the server's own login roles. Adding a user (or
changing their role) gives that login the rights it needs on the book's tables, in the
owner's transaction: a working user may read and write every table (the services check
what each role may do, `services/base/access.require`); a read-only or deactivated user
may only read, so that even a program that skips the services cannot write. An owner
may pass the rights on (WITH GRANT OPTION); one who stops being an owner loses that
power, and what they passed on is given again by the session that demoted them.

``ALTER DEFAULT PRIVILEGES`` reaches only the tables the granting role itself creates, so
a user added by a second owner would miss the tables of a later migration: after each
migration, the migrating session gives every user their rights again.

A SQLite file has no server users: nothing to do there.
"""

from __future__ import annotations

from sqlalchemy import Connection, Dialect, text
from sqlalchemy.orm import Session

from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.i18n import _

_WRITE = "INSERT, UPDATE, DELETE"


def _dialect(session: Session | Connection) -> Dialect:
    return (session.get_bind() if isinstance(session, Session) else session).dialect


def _is_server(session: Session | Connection) -> bool:
    return _dialect(session).name == "postgresql"


def server_role_exists(session: Session | Connection, login: str) -> bool:
    return bool(
        session.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :name"), {"name": login})
        .scalars()
        .first()
    )


def grant_book_rights(
    session: Session | Connection,
    login: str,
    *,
    writes: bool,
    owner: bool = False,
    take_back: bool = True,
) -> None:
    """Let the server login ``login`` read the book, and write it when ``writes``; an
    ``owner`` may pass the rights on (a second owner adds users too).

    A login that is no longer an owner loses the power to pass rights on: taking it back
    also takes back what it passed on (``CASCADE``), so every other user of the book gets
    their rights again, granted by this session. All in the caller's transaction.
    (``take_back=False``: a re-grant that already took back what it could.)

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
    took_back = take_back and not owner and _take_back_passing_on(session, login)
    _apply(session, login, writes=writes, owner=owner)
    if took_back:
        regrant_book_users(session)


def regrant_book_users(session: Session | Connection) -> None:
    """Give every user of the book (the ``users`` table) the rights of their role again,
    as this session: after a take-back, and after a migration, whose new tables the
    default privileges of other granting roles do not reach. A non-owner who may still
    pass rights on (a book demoted by an older program) loses that power first.

    Logins the server does not have (a book copied from a file) have no rights to give."""
    if not _is_server(session):
        return
    users = [
        (login, _rights(role, bool(active)))
        for login, role, active in session.execute(
            text(
                "SELECT u.login, u.role, u.active FROM users u "
                "JOIN pg_roles r ON r.rolname = u.login "
                "WHERE u.login <> current_user ORDER BY u.login"
            )
        )
    ]
    for login, (_writes, owner) in users:
        if not owner:
            _take_back_passing_on(session, login, strict=False)
    for login, (writes, owner) in users:
        grant_book_rights(session, login, writes=writes, owner=owner, take_back=False)


def _rights(role: str, active: bool) -> tuple[bool, bool]:
    """(writes, owner) of a user of the book: as ``services/base/users`` grants them."""
    return active and role != "read_only", active and role == "owner"


def _take_back_passing_on(
    session: Session | Connection,
    login: str,
    *,
    strict: bool = True,
    _seen: frozenset[str] = frozenset(),
) -> bool:
    """Take from ``login`` the power to pass its rights on, with what it passed on;
    False when it had none to take. A superuser or the tables' owner keeps what the
    server gives them whatever the book says: nothing to take there.

    Only the role that granted a right may take it back. When another owner gave it
    (an owner added by a second owner), that owner's own power is taken back too
    (``regrant_book_users`` gives it again, from this session): this reaches every grant
    when this session owns the tables. Otherwise, ``strict`` refuses with a clear error,
    and a lenient call leaves what it cannot reach."""
    grantors = _grantors(session, login)
    if grantors is None:
        return False
    role = _quote(session, login)
    for kind in ("TABLES", "SEQUENCES"):
        session.execute(
            text(f"REVOKE GRANT OPTION FOR ALL ON ALL {kind} IN SCHEMA public FROM {role} CASCADE")
        )
    for grantor in sorted(_grantors(session, login) or ()):
        if grantor not in _seen | {login}:
            _take_back_passing_on(session, grantor, strict=False, _seen=_seen | {login})
    if strict and _grantors(session, login) is not None:
        raise ValidationError(
            "login",
            _(
                "El servidor no dejó quitarle a «{login}» el poder de dar permisos sobre el "
                "libro: solo puede hacerlo el usuario del servidor que se lo dio, o el "
                "dueño de las tablas. No se cambió nada."
            ).format(login=login),
        )
    return True


def _grantors(session: Session | Connection, login: str) -> set[str] | None:
    """Who granted ``login`` the rights it may pass on over the book's tables and
    sequences; None when it has none, or is a superuser or the owner of one of them."""
    rows = session.execute(text(_PASSES_ON), {"login": login}).all()
    if not rows or any(row.mighty for row in rows):
        return None
    return {row.grantor for row in rows}


# The direct grants of rights the login may pass on, by grantor; ``mighty``: the login is
# a superuser or owns the relation, and passes rights on whatever the book says.
_PASSES_ON = """
SELECT DISTINCT g.rolname AS grantor, r.rolsuper OR c.relowner = r.oid AS mighty
FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) a
JOIN pg_roles r ON r.oid = a.grantee JOIN pg_roles g ON g.oid = a.grantor
WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'S')
  AND r.rolname = :login AND a.is_grantable
"""


def _quote(session: Session | Connection, login: str) -> str:
    return _dialect(session).identifier_preparer.quote(login)


def _apply(session: Session | Connection, login: str, *, writes: bool, owner: bool) -> None:
    role = _quote(session, login)
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
