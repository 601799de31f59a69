"""The translation refresh (``resources/translations/update.py``) keeps the hand-kept
entries and leaves nothing to translate: run on a copy of the committed file, with the
real ``pyside6-lupdate``, it must give back the same messages and translations."""

from __future__ import annotations

import importlib.util
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "cobranza_en.ts"

Entry = tuple[str, str, tuple[str, ...]]


def _update_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "translations_update", ROOT / "resources" / "translations" / "update.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _entries(path: Path) -> dict[tuple[str, str], Entry]:
    """(context, source) -> (type, text, numerus forms) of every message in a .ts."""
    found = {}
    for context in ET.parse(path).getroot().findall("context"):
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            t = message.find("translation")
            assert t is not None, (name, message.findtext("source"))
            forms = tuple(f.text or "" for f in t.findall("numerusform"))
            found[(name, message.findtext("source") or "")] = (
                t.get("type", ""),
                t.text or "",
                forms,
            )
    return found


def test_the_refresh_loses_nothing_and_finds_nothing_untranslated(tmp_path: Path) -> None:
    copy = tmp_path / "cobranza_en.ts"
    shutil.copyfile(TS, copy)
    before = _entries(copy)
    unfinished = _update_script().refresh(copy)
    after = _entries(copy)
    lost = sorted(k for k in before if k not in after)
    assert not lost, f"the refresh dropped translated entries: {lost[:10]}"
    changed = sorted(k for k in before if after[k] != before[k])
    assert not changed, f"the refresh changed translations: {changed[:10]}"
    added = sorted(k for k in after if k not in before)
    # A string in the code that the committed file lacks shows as added and unfinished.
    assert unfinished == 0 and not added, (
        f"run resources/translations/update.py and translate: {added[:10]}"
    )


def test_a_new_ui_string_is_found_and_reported(tmp_path: Path) -> None:
    # The refresh must see the window's strings at all: remove one translated entry of a
    # real page and it comes back, marked to translate.
    copy = tmp_path / "cobranza_en.ts"
    shutil.copyfile(TS, copy)
    tree = ET.parse(copy)
    target = next(
        (c, m)
        for c in tree.getroot().findall("context")
        if c.findtext("name") == "AboutDialog"
        for m in c.findall("message")
    )
    source = target[1].findtext("source")
    target[0].remove(target[1])
    tree.write(copy, encoding="utf-8", xml_declaration=True)
    assert _update_script().refresh(copy) >= 1
    assert _entries(copy)[("AboutDialog", source or "")][0] == "unfinished"
