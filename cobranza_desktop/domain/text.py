"""Text keys for searching and sorting the way people expect in Spanish."""

from __future__ import annotations

import unicodedata


def search_key(text: str) -> str:
    """Lower case without accents, so that «avila» finds «Ávila» and «Ángel» sorts with A.

    ``ñ`` stays distinct from ``n``, as in the Spanish alphabet.
    """
    kept = text.replace("ñ", "\x00").replace("Ñ", "\x01")
    decomposed = unicodedata.normalize("NFKD", kept)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.replace("\x00", "ñ").replace("\x01", "ñ").casefold().split())
