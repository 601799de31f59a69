"""A demoted or deactivated owner loses, on the server itself, the power to pass rights on,
and the users that owner added keep working.

A realistic office: the administrator creates the logins and a database owned by the
first owner ``ana``, whose program creates the book's tables; ``beto`` becomes a second
owner and adds the collector ``caro``; ``dani`` is a login of the server that nobody
added, to whom a demoted ``beto`` tries to pass rights with plain SQL, as in psql.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime

import pytest
from alembic import command
from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ProgrammingError

from cobranza_desktop.domain.access import Role
from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.i18n import set_language
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.collections.contacts import ContactInput
from cobranza_desktop.storage import server, server_grants
from cobranza_desktop.storage.database import _alembic_config, open_book
from tests import factories
from tests.storage.office_pg.conftest import PG_URL_ENV

MONDAY = date(2026, 11, 23)
# Any privilege, on any of the book's tables or sequences, that the login may pass on.
_PASSES_ON = """
SELECT c.relname FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) a
WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'S')
  AND a.grantee = (SELECT oid FROM pg_roles WHERE rolname = :login) AND a.is_grantable
ORDER BY 1
"""
_TABLES = "SELECT oid, relname, relacl FROM pg_class WHERE relnamespace = 'public'::regnamespace"


@dataclass
class Office:
    admin: Engine  # the server's administrator, in the book's database
    url: URL
    logins: dict[str, str]  # ana, beto, caro, dani, eva -> the server login
    workspaces: dict[str, Workspace]

    def login(self, who: str) -> str:
        return self.logins[who]

    def ws(self, who: str) -> Workspace:
        if who not in self.workspaces:
            url = self.url.set(username=self.logins[who], password=None)
            self.workspaces[who] = Workspace(open_book(url), FixedClock.on(MONDAY))
        return self.workspaces[who]

    def passes_on(self, who: str) -> list[str]:
        with self.admin.connect() as c:
            return list(c.execute(text(_PASSES_ON), {"login": self.login(who)}).scalars())

    def lacking(self, who: str, *, writes: bool) -> list[str]:
        """The book's tables (and, for a writer, sequences) on which ``who`` lacks a right
        of the role."""
        rights = ("SELECT", "INSERT", "UPDATE", "DELETE") if writes else ("SELECT",)
        on_table = " AND ".join(f"has_table_privilege(:login, oid, '{r}')" for r in rights)
        # CASE: the planner may test a right before the kind of the relation.
        sql = f"""{_TABLES} AND relkind IN ('r', 'p', 'S') AND CASE
            WHEN relkind <> 'S' THEN NOT ({on_table})
            ELSE :writes AND NOT has_sequence_privilege(:login, oid, 'USAGE') END"""
        with self.admin.connect() as c:
            rows = c.execute(text(sql), {"login": self.login(who), "writes": writes})
            return sorted(r.relname for r in rows)

    def may_write_somewhere(self, who: str) -> list[str]:
        with self.admin.connect() as c:
            return list(
                c.execute(
                    text(
                        f"SELECT relname FROM ({_TABLES} AND relkind IN ('r', 'p')) t WHERE "
                        "CASE WHEN true THEN has_table_privilege(:login, t.oid, "
                        "'INSERT, UPDATE, DELETE') END"
                    ),
                    {"login": self.login(who)},
                ).scalars()
            )

    def try_to_pass_on(self, who: str, to: str) -> list[str]:
        """``who`` grants, as with psql, every right on every table and sequence to ``to``;
        what ``to`` got."""
        engine = self.ws(who).book.engine
        target = f'"{self.login(to)}"'
        with engine.begin() as c:
            for kind in ("TABLES", "SEQUENCES"):
                c.execute(text(f"GRANT ALL ON ALL {kind} IN SCHEMA public TO {target}"))
        with self.admin.connect() as c:
            return list(
                c.execute(
                    text(
                        f"SELECT relname FROM ({_TABLES}) t CROSS JOIN LATERAL "
                        "aclexplode(t.relacl) a "
                        "WHERE a.grantee = (SELECT oid FROM pg_roles WHERE rolname = :to)"
                    ),
                    {"to": self.login(to)},
                ).scalars()
            )


def _admin() -> URL:
    return make_url(os.environ[PG_URL_ENV]).set(drivername="postgresql+psycopg")


@pytest.fixture
def office() -> Iterator[Office]:
    """ana owns the book; she adds beto as a second owner, who adds caro as a collector."""
    admin = _admin()
    tag = uuid.uuid4().hex[:6]
    name = f"office_{tag}"
    logins = {who: f"{who}_{tag}" for who in ("ana", "beto", "caro", "dani", "eva")}
    root = create_engine(admin, isolation_level="AUTOCOMMIT")
    with root.connect() as c:
        for login in logins.values():
            c.execute(text(f'CREATE ROLE "{login}" LOGIN'))
        c.execute(text(f'CREATE DATABASE "{name}" OWNER "{logins["ana"]}"'))
    url = admin.set(database=name)
    office = Office(create_engine(url), url, logins, {})
    office.workspaces["ana"] = Workspace(
        open_book(url.set(username=logins["ana"]), create=True), FixedClock.on(MONDAY)
    )
    office.ws("ana").users.add(logins["beto"], Role.OWNER, "Beto")
    office.ws("beto").users.add(logins["caro"], Role.COLLECTOR, "Caro")
    yield office
    for workspace in office.workspaces.values():
        workspace.close()
    office.admin.dispose()
    with root.connect() as c:
        c.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        for login in logins.values():
            c.execute(text(f'DROP ROLE "{login}"'))
    root.dispose()


def _caro_works(office: Office) -> None:
    """caro reads and writes through the program, and holds a collector's rights on
    every table and sequence of the book."""
    customer = factories.customer(office.ws("ana"), "Abarrotes Luna")
    assert office.ws("caro").customers.get(customer.id).name == "Abarrotes Luna"
    office.ws("caro").contacts.log(ContactInput(customer.id, "phone", "contacted", notes="ok"))
    assert office.lacking("caro", writes=True) == []
    assert office.passes_on("caro") == []


def test_a_second_owner_passes_rights_on_before_the_demotion(office: Office) -> None:
    """The starting point the other tests change: beto may pass rights on."""
    assert office.passes_on("beto") != []
    assert office.lacking("caro", writes=True) == []


def test_an_owner_demoted_to_collector_can_no_longer_pass_rights_on(office: Office) -> None:
    office.ws("ana").users.set_role(office.login("beto"), Role.COLLECTOR)
    assert office.passes_on("beto") == []
    assert office.try_to_pass_on("beto", "dani") == []
    assert office.lacking("beto", writes=True) == []  # still a collector
    _caro_works(office)


@pytest.mark.parametrize("how", ["read_only", "deactivated"])
def test_an_owner_made_read_only_or_deactivated_can_neither_write_nor_pass_on(
    office: Office, how: str
) -> None:
    users = office.ws("ana").users
    if how == "read_only":
        users.set_role(office.login("beto"), Role.READ_ONLY)
    else:
        users.deactivate(office.login("beto"))
    assert office.passes_on("beto") == []
    assert office.try_to_pass_on("beto", "dani") == []
    assert office.may_write_somewhere("beto") == []
    assert office.lacking("beto", writes=False) == []  # reading still works
    customer = factories.customer(office.ws("ana"), "Taller Vega")
    with (
        pytest.raises(ProgrammingError, match="permission denied"),
        office.ws("beto").book.engine.begin() as c,
    ):
        c.execute(text("UPDATE customers SET notes = 'x' WHERE id = :id"), {"id": customer.id})
    _caro_works(office)


def test_an_owner_added_by_a_second_owner_loses_the_power_too(office: Office) -> None:
    """eva's power to pass rights on came from beto, not from ana who demotes her: ana
    takes beto's back too (with all it passed on) and gives everyone their rights again."""
    office.ws("beto").users.add(office.login("eva"), Role.OWNER, "Eva")
    office.ws("eva").users.add(office.login("dani"), Role.COLLECTOR, "Dani")
    office.ws("ana").users.set_role(office.login("eva"), Role.COLLECTOR)
    assert office.passes_on("eva") == []
    assert office.passes_on("beto") != []  # still an owner
    for who in ("eva", "dani", "caro", "beto"):
        assert office.lacking(who, writes=True) == [], who
    _caro_works(office)


def test_a_second_owner_cannot_take_back_what_the_first_gave_and_nothing_changes(
    office: Office,
) -> None:
    """eva's power came from ana, who owns the tables: the server does not let beto take
    it back, so beto's demotion of eva is refused whole, with a clear message."""
    office.ws("ana").users.add(office.login("eva"), Role.OWNER, "Eva")
    before = office.passes_on("eva")
    with pytest.raises(ValidationError, match="solo puede hacerlo el usuario del servidor"):
        office.ws("beto").users.set_role(office.login("eva"), Role.READ_ONLY)
    roles = {u.login: u.role for u in office.ws("ana").users.list()}
    assert roles[office.login("eva")] is Role.OWNER
    assert office.passes_on("eva") == before != []
    assert office.lacking("eva", writes=True) == []
    set_language("en")
    with pytest.raises(ValidationError, match="only the server user who gave it"):
        office.ws("beto").users.deactivate(office.login("eva"))
    assert office.passes_on("eva") == before
    _caro_works(office)


def test_a_failure_while_giving_the_rights_back_changes_nothing(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The take-back and the re-grants are one transaction with the change of role."""
    real = server_grants.grant_book_rights

    def failing(session: object, login: str, **rights: bool) -> None:
        real(session, login, **rights)  # type: ignore[arg-type]
        if login == office.login("caro"):
            raise RuntimeError("the server went away")

    monkeypatch.setattr(server_grants, "grant_book_rights", failing)
    before = (
        office.passes_on("beto"),
        office.passes_on("caro"),
        office.lacking("caro", writes=True),
    )
    with pytest.raises(RuntimeError, match="went away"):
        office.ws("ana").users.set_role(office.login("beto"), Role.READ_ONLY)
    monkeypatch.undo()
    roles = {u.login: u.role for u in office.ws("ana").users.list()}
    assert roles[office.login("beto")] is Role.OWNER
    after = (
        office.passes_on("beto"),
        office.passes_on("caro"),
        office.lacking("caro", writes=True),
    )
    assert after == before
    assert before[0] != [] and before[2] == []


def _newer_program_opens(office: Office, monkeypatch: pytest.MonkeyPatch) -> None:
    """ana's newer program opens the book: its migrations run (the last one again, after a
    downgrade) and the newest creates a table, as a migration adding a kind of record does."""
    for workspace in office.workspaces.values():
        workspace.close()
    office.workspaces.clear()
    ana = office.url.set(username=office.login("ana"))
    engine = create_engine(ana)
    config = _alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0020_fx_repair")
    engine.dispose()
    real_upgrade = server.upgrade

    def upgrade_and_add_a_table(connection: Connection) -> None:
        real_upgrade(connection)
        connection.execute(text("CREATE TABLE later_records (id SERIAL PRIMARY KEY, note TEXT)"))

    monkeypatch.setattr(server, "upgrade", upgrade_and_add_a_table)
    open_book(ana, now=datetime(2026, 11, 23, 8, 0)).close()
    monkeypatch.undo()


@pytest.mark.parametrize("demoted", [False, True])
def test_tables_a_later_migration_creates_reach_everyone(
    office: Office, monkeypatch: pytest.MonkeyPatch, demoted: bool
) -> None:
    """caro was added by beto, whose default privileges reach only the tables beto would
    create; the tables of a migration that ana's program runs reach caro and beto too."""
    if demoted:
        office.ws("ana").users.set_role(office.login("beto"), Role.READ_ONLY)
    _newer_program_opens(office, monkeypatch)
    assert office.lacking("caro", writes=True) == []
    assert office.lacking("beto", writes=not demoted) == []
    assert (office.may_write_somewhere("beto") == []) is demoted
    assert (office.passes_on("beto") == []) is demoted
    with office.ws("caro").book.engine.begin() as c:
        c.execute(text("INSERT INTO later_records (note) VALUES ('caro')"))
    _caro_works(office)


def test_a_book_whose_demoted_owner_still_passes_on_is_repaired_at_the_next_migration(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Books demoted by an older program: beto is a collector in the book, and the server
    still lets him pass rights on (the grant option was never taken back)."""
    with office.ws("ana").book.engine.begin() as c:
        c.execute(
            text("UPDATE users SET role = 'collector' WHERE login = :l"),
            {"l": office.login("beto")},
        )
    assert office.passes_on("beto") != []
    _newer_program_opens(office, monkeypatch)
    assert office.passes_on("beto") == []
    assert office.lacking("beto", writes=True) == []
    _caro_works(office)
