"""A server book's password: from the keyring, else left to libpq; never in a URL we keep."""

from __future__ import annotations

from sqlalchemy.engine import make_url

from cobranza_desktop.storage.credentials import (
    KEYRING_SERVICE,
    forget_password,
    password_for,
    save_password,
    server_url,
    with_password,
    without_password,
)
from tests.memory_keyring import MemoryKeyring, memory_keyring  # noqa: F401

URL = "postgresql+psycopg://carla@servidor.local:5433/cobranza"


def test_the_keyring_gives_the_password_of_that_server_and_user(
    memory_keyring: MemoryKeyring,  # noqa: F811
) -> None:
    assert password_for(URL) is None
    save_password(URL, "s3creta")
    assert memory_keyring.passwords == {
        (KEYRING_SERVICE, "carla@servidor.local:5433/cobranza"): "s3creta"
    }
    assert with_password(make_url(URL)).password == "s3creta"
    # Another user, or another database, has no password of its own.
    assert with_password(make_url(URL.replace("carla", "beto"))).password is None
    forget_password(URL)
    forget_password(URL)  # twice: nothing left, no error
    assert password_for(URL) is None


def test_a_url_without_a_keyring_password_is_left_to_libpq(
    memory_keyring: MemoryKeyring,  # noqa: F811
) -> None:
    url = make_url(URL)
    assert with_password(url) is url  # no password: libpq reads ~/.pgpass or PGPASSWORD


def test_the_url_kept_never_carries_the_password() -> None:
    url = server_url("servidor.local", 5433, "cobranza", "carla").set(password="s3creta")
    kept = without_password(url)
    assert "s3creta" not in kept
    assert kept == URL
