"""One gettext catalogue for the text made below the UI (errors, agenda reasons, documents).

The UI translates its widgets with Qt's ``tr()`` and ``.ts`` files. Layers below it
cannot use Qt, so they use gettext through Babel. Spanish is the source language:
a msgid is the Spanish text, and ``resources/locale/<lang>/LC_MESSAGES/cobranza.po``
holds the translations. One placeholder style, ``str.format`` named fields::

    _("Factura {number} vencida").format(number=invoice.number)

Literal braces in a msgid are doubled and such a msgid is always ``.format()``-ed, so
every msgid is a format template. Amounts and dates go in already formatted
(``format_money``/``format_date``), never as raw numbers.

The ``.po`` is compiled in memory the first time a language is used: there is no
``.mo`` to go stale. Reading that one resource file is the only I/O here; it is
read-only data, like Babel's own locale data.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator
from functools import cache
from gettext import NullTranslations
from pathlib import Path

SUPPORTED_LANGUAGES = ("es", "en")
DEFAULT_LANGUAGE = "es"
DOMAIN = "cobranza"

_current_language = DEFAULT_LANGUAGE
_NULL = NullTranslations()
_active: NullTranslations = _NULL


def normalize_language(language: str | None) -> str:
    """Map "en_US", "en-GB" or "EN" to "en", and anything unsupported to the default."""
    code = (language or "").split("_")[0].split("-")[0].lower()
    return code if code in SUPPORTED_LANGUAGES else DEFAULT_LANGUAGE


def set_language(language: str) -> None:
    """Choose the language for domain and service messages ("es" or "en")."""
    global _current_language, _active
    _current_language = normalize_language(language)
    _active = translations(_current_language)


def current_language() -> str:
    return _current_language


def locale_for(language: str | None = None) -> str:
    """The Babel locale used to format numbers and dates for a language."""
    return {"es": "es_MX", "en": "en_US"}[language or _current_language]


# --- Looking messages up ----------------------------------------------------------------


def gettext(message: str) -> str:
    """The message in the current language (the msgid itself in Spanish)."""
    return _active.gettext(message)


_ = gettext


def ngettext(singular: str, plural: str, n: int) -> str:
    """Singular or plural for ``n``, by the current language's plural rule."""
    return _active.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """The message, disambiguated by ``context`` where one Spanish text needs two
    translations ("Saldo": "Balance" in a table, "Balance due" on an invoice)."""
    return _active.pgettext(context, message)


def N_(message: str) -> str:
    """Mark a msgid for extraction without translating it yet (tables of labels)."""
    return message


def localized(spanish: str, english: str) -> str:
    """Pick one of the two texts of bilingual *data* (a ladder stored in the book with
    a label per language). Program text is never written this way: it uses ``_()``."""
    return english if _current_language == "en" else spanish


# --- Finding and loading the catalogue -----------------------------------------------------


def locale_dirs() -> Iterator[Path]:
    """Where ``resources/locale`` may be, most specific first.

    ``$COBRANZA_LOCALE_DIR`` alone when set (packagers, tests); else a PyInstaller
    bundle, whose spec copies ``resources/``; a source checkout or editable install
    (``resources/`` next to the package); a wheel, whose data files go to
    ``<prefix>/share/cobranza-desktop``.
    """
    override = os.environ.get("COBRANZA_LOCALE_DIR")
    if override:  # exclusive: a packager or a test says where it is
        yield Path(override)
        return
    bundled = getattr(sys, "_MEIPASS", None)
    if bundled:
        yield Path(bundled) / "resources" / "locale"
    yield Path(__file__).resolve().parents[2] / "resources" / "locale"
    yield Path(sys.prefix) / "share" / "cobranza-desktop" / "resources" / "locale"


def catalogue_path(language: str) -> Path | None:
    """The ``.po`` of a language, or None when none is installed."""
    for base in locale_dirs():
        path = base / language / "LC_MESSAGES" / f"{DOMAIN}.po"
        if path.is_file():
            return path
    return None


@cache
def translations(language: str) -> NullTranslations:
    """The compiled catalogue of a language (Spanish, the source, needs none).

    A missing catalogue falls back to the Spanish msgids rather than failing: the
    program stays usable, and the catalogue tests catch a package without it.
    """
    if language == DEFAULT_LANGUAGE:
        return _NULL
    path = catalogue_path(language)
    if path is None:
        return _NULL
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po
    from babel.support import Translations

    with path.open("rb") as handle:
        catalogue = read_po(handle, locale=language, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalogue)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)
