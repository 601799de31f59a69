"""What the bundle reaches beyond its book: the system keyring over D-Bus (the SMTP
password), and a book on a PostgreSQL server through psycopg's libpq, which shares the
bundle's one OpenSSL (bundle_common.share_openssl)."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.messaging.email import SmtpSettings
from cobranza_desktop.services.book.workspace import open_workspace
from cobranza_desktop.services.messaging.outbox import OutboxService
from cobranza_desktop.services.messaging.outbox_views import EmailDraft
from tests.messaging.conftest import SmtpServer
from tests.packaging.bundle import Bundle, clean_env, run
from tests.pg_support import PgDatabases, url_text

pytestmark = pytest.mark.bundle

SECRET_SERVICE = "keyring.backends.SecretService.Keyring"


def test_the_smtp_password_is_asked_of_the_secret_service_over_dbus(
    bundle: Bundle, tmp_path: Path
) -> None:
    """The bundle's keyring backend (secretstorage, jeepney, cryptography) loads and asks
    the session bus for the Secret Service. This bus has none, so the message stays in the
    outbox with that reason: had a module been left out, the reason would say so."""
    runner = shutil.which("dbus-run-session")
    assert runner, "dbus-run-session (package dbus) is needed: scripts/system-deps.sh"
    server = SmtpServer()
    server.start()
    book = tmp_path / "libro.sqlite"
    try:
        clock = FixedClock.on(date.today())
        ws = open_workspace(book, clock)
        outbox = OutboxService(ws.book, clock, password_getter=lambda: None)
        outbox.save_smtp_settings(
            SmtpSettings(
                "127.0.0.1", server.port, "none", "cobranza@taller.mx", "cobranza@taller.mx"
            )
        )
        queued, _created = outbox.queue_email(
            EmailDraft("bundle-keyring", "lupe@example.com", "Prueba", "Hola")
        )
        ws.close()
        env = clean_env(tmp_path, PYTHON_KEYRING_BACKEND=SECRET_SERVICE)
        done = run([runner, "--", bundle.executable, "send", "--book", book], env)
        assert done.returncode == 0, done.stdout + done.stderr
        ws = open_workspace(book, clock)
        error = OutboxService(ws.book, clock).get(queued.id).last_error
        ws.close()
    finally:
        server.stop()
    assert "llavero" in error, error
    assert "Secret Service daemon is neither running nor activatable" in error, error
    assert "No module named" not in error and "required" not in error, error
    assert server.inbox.messages == []  # without its password nothing is sent


@pytest.mark.postgresql
def test_a_book_moves_to_postgresql_and_reads_the_same(
    bundle: Bundle, tmp_path: Path, pg_databases: PgDatabases
) -> None:
    home = tmp_path / "home"
    book = home / "demo.sqlite"
    env = clean_env(home)
    made = run([bundle.executable, "demo", "--book", book, "--customers", "8", "--no-open"], env)
    assert made.returncode == 0, made.stderr
    target = pg_databases.create(migrated=False)
    try:
        url = url_text(target)
        copied = run([bundle.executable, "book", "copy", book, url], env, timeout=300)
        assert copied.returncode == 0, copied.stdout + copied.stderr
        assert "FALLA" not in copied.stdout
        args = ["aging", "--as-of", "2026-11-22", "--json"]
        on_file = run([bundle.executable, *args, "--book", book], env)
        on_server = run([bundle.executable, *args, "--book", url], env)
        assert on_file.returncode == 0 and on_server.returncode == 0, on_server.stderr
        assert json.loads(on_server.stdout) == json.loads(on_file.stdout)
        assert json.loads(on_server.stdout)  # the demo owes something
    finally:
        pg_databases.drop(target)
