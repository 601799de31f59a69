"""The users of a book and their roles: list, add, change the role, deactivate.

Only the owner manages users. A user is never deleted (the audit trail names them);
they are deactivated. The book always keeps at least one active owner, and the first
user added to a one-person book also registers the person adding it as the owner,
so that nobody locks themselves out.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cobranza_desktop.domain.access import Actor, Permission, Role
from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.errors import ConflictError, NotFoundError, ValidationError
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.domain.validation import check_single_line
from cobranza_desktop.services.base.access import current_actor, require
from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.models.office import User
from cobranza_desktop.storage.server_grants import grant_book_rights

MAX_LOGIN = 100


@dataclass(frozen=True)
class UserView:
    id: int
    login: str
    display_name: str
    role: Role
    active: bool

    @property
    def shown_name(self) -> str:
        return self.display_name or self.login


def _view(user: User) -> UserView:
    return UserView(user.id, user.login, user.display_name, Role(user.role), user.active)


def parse_role(text: str) -> Role:
    try:
        return Role(text.strip().lower().replace("-", "_"))
    except ValueError:
        raise ValidationError(
            "role",
            _("Rol desconocido «{text}»: use owner, collector o read_only.").format(text=text),
        ) from None


def _clean_login(login: str) -> str:
    text = login.strip()
    check_single_line(text, "login", _("El usuario"))
    if not text or len(text) > MAX_LOGIN or any(c.isspace() for c in text):
        raise ValidationError(
            "login",
            _("El usuario debe ser un nombre de acceso sin espacios, de 1 a 100 caracteres."),
        )
    return text


def _find(session: Session, login: str) -> User:
    user = session.scalars(select(User).where(User.login == login.strip())).first()
    if user is None:
        raise NotFoundError(_("No hay ningún usuario «{login}» en este libro.").format(login=login))
    return user


def _active_owners(session: Session) -> int:
    return int(
        session.scalar(
            select(func.count()).select_from(User).where(User.role == Role.OWNER, User.active)
        )
        or 0
    )


def _grant(session: Session, user: User) -> None:
    # On a server the role also decides the login's rights on the tables.
    writes = user.active and user.role != Role.READ_ONLY
    owner = user.active and user.role == Role.OWNER
    grant_book_rights(session, user.login, writes=writes, owner=owner)


class UserService:
    def __init__(self, book: Book, clock: Clock) -> None:
        self._book = book
        self._clock = clock

    def me(self) -> Actor:
        """Who this program works as, and with which role."""
        with self._book.session() as session:
            return current_actor(session)

    def list(self) -> tuple[UserView, ...]:
        with self._book.session() as session:
            users = session.scalars(select(User).order_by(User.login)).all()
            return tuple(_view(u) for u in users)

    def add(self, login: str, role: Role, display_name: str = "") -> UserView:
        clean = _clean_login(login)
        check_single_line(display_name, "display_name", _("El nombre"))
        with self._book.transaction() as session:
            actor = require(session, Permission.SETTINGS)
            if session.scalars(select(User).where(User.login == clean)).first() is not None:
                raise ConflictError(
                    _("El usuario «{login}» ya existe en este libro.").format(login=clean)
                )
            if not actor.registered and clean != actor.login:
                # A one-person book getting its first user: its owner is registered too.
                session.add(
                    User(
                        login=actor.login,
                        display_name="",
                        role=Role.OWNER,
                        active=True,
                        created_at=self._clock.now(),
                    )
                )
            user = User(
                login=clean,
                display_name=display_name.strip(),
                role=role,
                active=True,
                created_at=self._clock.now(),
            )
            session.add(user)
            session.flush()
            self._keep_an_owner(session)
            _grant(session, user)
            return _view(user)

    def set_role(self, login: str, role: Role) -> UserView:
        return self._change(login, role=role)

    def set_active(self, login: str, active: bool) -> UserView:
        return self._change(login, active=active)

    def _change(self, login: str, **values: object) -> UserView:
        """One change to a user, kept only while the book still has an owner; the login's
        rights on the server follow it."""
        with self._book.transaction() as session:
            require(session, Permission.SETTINGS)
            user = _find(session, login)
            for name, value in values.items():
                setattr(user, name, value)
            session.flush()
            self._keep_an_owner(session)
            _grant(session, user)
            return _view(user)

    def deactivate(self, login: str) -> UserView:
        return self.set_active(login, False)

    @staticmethod
    def _keep_an_owner(session: Session) -> None:
        if _active_owners(session) == 0:
            raise ConflictError(
                _("El libro debe conservar al menos un dueño activo: no se cambió nada.")
            )
