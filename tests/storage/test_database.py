import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from cobranza_desktop.domain.errors import BookDamagedError, BookError, BookLockedError
from cobranza_desktop.storage import backup
from cobranza_desktop.storage.database import MIGRATIONS_DIR, SCHEMA_HEAD, open_book
from cobranza_desktop.storage.models import Base
from cobranza_desktop.storage.paths import backup_dir_for, default_book_path


def test_book_lives_under_cobranza_home(tmp_path: Path) -> None:
    assert default_book_path() == tmp_path / "home" / "cobranza.sqlite"


def test_foreign_keys_and_wal_are_on(book_path: Path) -> None:
    with open_book(book_path, create=True) as book, book.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_second_opener_is_told_clearly(book_path: Path) -> None:
    with open_book(book_path, create=True):
        with pytest.raises(BookLockedError) as caught:
            open_book(book_path)
        assert "abierto" in caught.value.message
    open_book(book_path).close()  # released when the first one closes


def test_schema_head_constant_matches_the_migrations() -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    assert ScriptDirectory.from_config(config).get_current_head() == SCHEMA_HEAD


def test_migrated_schema_matches_the_orm(book_path: Path) -> None:
    with open_book(book_path, create=True) as book, book.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []


def test_a_damaged_book_offers_the_latest_backup(book_path: Path) -> None:
    open_book(book_path, create=True).close()
    saved = backup.daily_backup(book_path, date(2026, 11, 21))
    assert saved is not None
    book_path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(BookDamagedError) as caught:
        open_book(book_path)
    assert caught.value.latest_backup == str(saved)
    assert str(saved) in caught.value.message


def test_a_book_from_a_newer_program_is_refused(book_path: Path) -> None:
    open_book(book_path, create=True).close()
    with sqlite3.connect(book_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    with pytest.raises(BookError):
        open_book(book_path)


def test_an_older_schema_is_backed_up_before_migrating(book_path: Path) -> None:
    """A book at the first revision, with data, is backed up as it was, then migrated."""
    from alembic import command
    from sqlalchemy import create_engine

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    engine = create_engine(f"sqlite:///{book_path}")
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001_foundation")
        connection.exec_driver_sql(
            "INSERT INTO customers (name, name_key, rfc, contact_name, email, phone, whatsapp,"
            " address, preferred_channel, notes, status, created_at) VALUES ('Ana', 'ana', '',"
            " '', '', '', '', '', 'phone', '', 'active', '2026-01-01 00:00:00')"
        )
    engine.dispose()
    if SCHEMA_HEAD == "0001_foundation":
        return  # nothing newer to migrate to yet
    with open_book(book_path, now=datetime(2026, 11, 22, 8, 0)) as book, book.engine.connect() as c:
        assert c.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == SCHEMA_HEAD
        assert c.exec_driver_sql("SELECT name FROM customers").scalar() == "Ana"
    (saved,) = backup_dir_for(book_path).glob(
        "pre-migration-0001_foundation-20261122-080000.sqlite"
    )
    with sqlite3.connect(saved) as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone() == (
            "0001_foundation",
        )
        assert raw.execute("SELECT name FROM customers").fetchone() == ("Ana",)


def test_backup_is_a_readable_copy(book_path: Path, tmp_path: Path) -> None:
    open_book(book_path, create=True).close()
    target = backup.manual_backup(book_path, tmp_path / "copias", datetime(2026, 11, 22, 9, 30))
    with sqlite3.connect(target) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (
            SCHEMA_HEAD,
        )


def test_daily_backup_once_a_day_and_rotation(book_path: Path) -> None:
    open_book(book_path, create=True).close()
    assert backup.daily_backup(book_path, date(2026, 11, 22)) is not None
    assert backup.daily_backup(book_path, date(2026, 11, 22)) is None  # already done today
    folder = backup_dir_for(book_path)
    for offset in range(1, 60):
        day = date.fromordinal(date(2026, 11, 22).toordinal() - offset)
        backup.backup_to(book_path, folder / f"daily-{day.isoformat()}.sqlite")
    backup.rotate(folder)
    kept = sorted(p.stem.removeprefix("daily-") for p in folder.glob("daily-*.sqlite"))
    assert len(kept) == 7 + 4
    assert kept[-7:] == [f"2026-11-{d}" for d in range(16, 23)]
    weeks = {date.fromisoformat(k).isocalendar()[:2] for k in kept[:-7]}
    assert len(weeks) == 4


def test_0008_folds_enye_in_an_old_books_keys(book_path: Path) -> None:
    """A book at 0007 keeps «muñoz» as its key; after migrating, «munoz» finds it."""
    from alembic import command
    from sqlalchemy import create_engine

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    engine = create_engine(f"sqlite:///{book_path}")
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0007_subscriptions")
        connection.exec_driver_sql(
            "INSERT INTO customers (name, name_key, rfc, contact_name, email, phone, whatsapp,"
            " address, preferred_channel, notes, status, created_at) VALUES ('Muñoz Peña',"
            " 'muñoz peña', '', '', '', '', '', '', 'phone', '', 'active', '2026-01-01')"
        )
    engine.dispose()
    with open_book(book_path, now=datetime(2026, 11, 22, 8, 0)) as book, book.engine.connect() as c:
        assert c.exec_driver_sql("SELECT name_key FROM customers").scalar() == "munoz pena"
