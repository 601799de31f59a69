"""Fold ñ to n in customers' search keys, so that «munoz» finds «Muñoz»

Revision ID: 0008_fold_enye
Revises: 0007_subscriptions
Create Date: 2026-12-01 21:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_fold_enye"
down_revision: str | None = "0007_subscriptions"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _recompute(fold: bool) -> None:
    # The key is computed in Python (domain.text), so each row is rewritten from its name.
    from cobranza_desktop.domain.text import search_key

    connection = op.get_bind()
    rows = connection.execute(sa.text("SELECT id, name FROM customers")).all()
    for customer_id, name in rows:
        key = search_key(name) if fold else _old_key(name)
        connection.execute(
            sa.text("UPDATE customers SET name_key = :key WHERE id = :id"),
            {"key": key[:200], "id": customer_id},
        )


def _old_key(text: str) -> str:
    """The key of revision 0007: accents dropped, ñ kept."""
    import unicodedata

    kept = text.replace("ñ", "\x00").replace("Ñ", "\x00")
    decomposed = unicodedata.normalize("NFKD", kept)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.replace("\x00", "ñ").casefold().split())


def upgrade() -> None:
    _recompute(fold=True)


def downgrade() -> None:
    _recompute(fold=False)
