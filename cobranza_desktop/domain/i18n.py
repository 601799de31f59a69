"""Language choice for messages produced below the UI (errors, document texts).

The UI translates its own strings with Qt's ``tr()``. Layers below it cannot use
Qt, so they pick between a Spanish and an English text with :func:`tr`.
"""

from __future__ import annotations

SUPPORTED_LANGUAGES = ("es", "en")
DEFAULT_LANGUAGE = "es"

_current_language = DEFAULT_LANGUAGE


def set_language(language: str) -> None:
    """Choose the language for domain and service messages ("es" or "en")."""
    global _current_language
    code = language.split("_")[0].split("-")[0].lower()
    _current_language = code if code in SUPPORTED_LANGUAGES else DEFAULT_LANGUAGE


def current_language() -> str:
    return _current_language


def locale_for(language: str | None = None) -> str:
    """The Babel locale used to format numbers and dates for a language."""
    return {"es": "es_MX", "en": "en_US"}[language or _current_language]


def tr(spanish: str, english: str) -> str:
    """Return the text in the current language. Spanish is the source language."""
    return english if _current_language == "en" else spanish
