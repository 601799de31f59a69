"""Refresh the translation files: ``python resources/translations/update.py``.

1. ``pyside6-lupdate`` collects the Spanish source strings of ``cobranza_desktop/ui``
   into ``cobranza_en.ts``; existing translations are kept.
2. Entries lupdate no longer finds are kept when translated: many strings are looked up
   at run time in a context lupdate cannot see (``self.tr`` in a base class runs in the
   subclass's context; ``QCoreApplication.translate(context, variable)`` in helpers), so
   the file holds them by hand. New entries lupdate misreads are dropped: a context that
   is not a class name (``widget.tr(...)`` on a variable, or the domain's bilingual
   ``tr(spanish, english)``) and the context argument of ``translate`` read as a source.
   A translated entry is never dropped.
3. Translate what is reported ``unfinished`` (Qt Linguist: ``pyside6-linguist``).
4. ``pyside6-lrelease`` compiles ``cobranza_en.qm``, which the program loads.
5. Counts use Qt's plural forms (``tr("%Ln facturas", None, n)``). Spanish is the
   source language, so its singular forms live in ``cobranza_es.ts``, which holds only
   those numerus messages and is edited by hand (lupdate would fill it with every
   string); it is compiled here too.

No line numbers are written (``-locations none``): the file changes only when a string
does. ``tests/ui/test_translation_update.py`` runs this on a copy and checks that nothing
is lost and nothing is left to translate.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
BIN = Path(sys.executable).parent
TS = HERE / "cobranza_en.ts"
GONE = {"vanished", "obsolete"}


def _is_class_context(name: str) -> bool:
    # ``QCoreApplication`` is lupdate reading ``QCoreApplication.translate(ctx, text)``
    # with a variable text: the source it records is the context's name.
    return bool(name) and (name[0].isupper() or name[0] == "_") and name != "QCoreApplication"


def _translated(translation: ET.Element) -> bool:
    forms = translation.findall("numerusform")
    if forms:
        return all((f.text or "").strip() for f in forms)
    return bool((translation.text or "").strip())


def _tidy(root: ET.Element) -> None:
    """Keep every translated entry; drop what lupdate misread and nobody translated."""
    for context in list(root.findall("context")):
        runtime = _is_class_context((context.findtext("name") or "").strip())
        for message in list(context.findall("message")):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else None
            if translation is None or kind is None:
                continue
            if kind in GONE and _translated(translation):
                del translation.attrib["type"]
            elif kind in GONE or not runtime:
                context.remove(message)
        if not context.findall("message"):
            root.remove(context)


def refresh(ts: Path = TS) -> int:
    """Update ``ts`` from the sources and return how many strings are left to translate."""
    sources = sorted(str(p) for p in (ROOT / "cobranza_desktop" / "ui").rglob("*.py"))
    subprocess.run(
        [
            str(BIN / "pyside6-lupdate"),
            *sources,
            "-source-language",
            "es_MX",
            "-target-language",
            "en_US",
            "-locations",
            "none",
            "-ts",
            str(ts),
        ],
        check=True,
        capture_output=True,
    )
    tree = ET.parse(ts)
    root = tree.getroot()
    _tidy(root)
    ET.indent(tree, space="    ")
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return sum(1 for t in root.iter("translation") if t.get("type") == "unfinished")


def main() -> int:
    unfinished = refresh(TS)
    print(f"{TS.name}: {unfinished} strings still to translate")
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), str(TS), str(HERE / "cobranza_es.ts")], check=True
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
