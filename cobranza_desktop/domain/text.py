"""Text keys for searching and sorting the way people expect in Spanish."""

from __future__ import annotations

import unicodedata


def search_key(text: str) -> str:
    """Lower case without accents, so that «avila» finds «Ávila» and «Ángel» sorts with A.

    ``ñ`` folds to ``n`` too: people type «munoz» on keyboards without ñ and expect
    to find «Muñoz» (issue 15).
    """
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.casefold().split())
