"""Refresh the translation files: ``python resources/translations/update.py``.

1. ``pyside6-lupdate`` collects the Spanish source strings of ``cobranza_desktop/ui``
   into ``cobranza_en.ts`` (existing translations are kept).
2. Calls of the domain's ``tr(spanish, english)`` (already bilingual, not Qt) are
   dropped from the file: lupdate mistakes them for Qt's ``tr``.
3. Translate what is marked ``unfinished`` (Qt Linguist: ``pyside6-linguist``).
4. ``pyside6-lrelease`` compiles ``cobranza_en.qm``, which the program loads.
5. Counts use Qt's plural forms (``tr("%Ln facturas", None, n)``). Spanish is the
   source language, so its singular forms live in ``cobranza_es.ts``, which holds only
   those numerus messages and is edited by hand (lupdate would fill it with every
   string); it is compiled here too.
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


def main() -> int:
    sources = sorted(str(p) for p in (ROOT / "cobranza_desktop" / "ui").rglob("*.py"))
    subprocess.run(
        [
            str(BIN / "pyside6-lupdate"),
            *sources,
            "-source-language",
            "es_MX",
            "-target-language",
            "en_US",
            "-no-obsolete",
            "-ts",
            str(TS),
        ],
        check=True,
    )
    tree = ET.parse(TS)
    root = tree.getroot()
    for context in list(root.findall("context")):
        if not (context.findtext("name") or "").strip():
            root.remove(context)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    unfinished = sum(1 for t in root.iter("translation") if t.get("type") == "unfinished")
    print(f"{TS.name}: {unfinished} strings still to translate")
    subprocess.run([str(BIN / "pyside6-lrelease"), str(TS), str(HERE / "cobranza_es.ts")], check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
