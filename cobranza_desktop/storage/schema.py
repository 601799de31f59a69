"""The schema's version: the newest migration, and bringing a book up to it (Alembic).

Shared by the file and the server openers (``storage/database.py``,
``storage/server.py``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, inspect, text

from cobranza_desktop.domain.errors import BookError
from cobranza_desktop.domain.i18n import _

# The newest migration. Kept as a constant so that opening an up-to-date book does not
# import Alembic (start-up time); a test checks it against the migration scripts.
SCHEMA_HEAD = "0022_fx_stamped"
MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
        return None if row is None else str(row[0])


def _alembic_config() -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def refuse_unknown_revision(revision: str | None) -> None:
    """A book from a newer program (a revision these migrations do not know) is refused."""
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(_alembic_config())
    known = {rev.revision for rev in scripts.walk_revisions()}
    if revision is not None and revision not in known:
        raise BookError(
            _("Este libro fue creado con una versión más nueva de Cobranza. Actualice el programa.")
        )


def upgrade(connection: Any) -> None:
    """Bring the schema to head on ``connection``, inside its transaction."""
    from alembic import command

    config = _alembic_config()
    config.attributes["connection"] = connection
    command.upgrade(config, "head")
