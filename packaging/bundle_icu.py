"""ICU's data cut down to the program's two languages (Linux bundles): see bundle_common."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any


def _normalized(dest: str) -> str:
    return dest.replace("\\", "/")


# ICU's data (libicudata, 31 of the bundle's MB) holds every language's collation, names
# and calendars, 190 legacy converters and the dictionaries for Chinese, Japanese and Thai
# word breaks. Qt uses it for collation (sorting in file dialogs and views), time zone
# names and case mapping in the program's two languages. The bundle ships ICU's data cut
# down to those locales (4 MB), rebuilt with ICU's own tools (icupkg, genccode) and gcc.
ICU_KEEP_LOCALES = frozenset({"root", "en", "en_US", "en_001", "es", "es_MX", "es_419"})
# Legacy converters Qt might be asked for (Latin-1 and UTF-* need no data).
ICU_KEEP_CONVERTERS = frozenset(
    {"ibm-5348_P100-1997", "ibm-912_P100-1995", "ibm-923_P100-1998"}  # cp1252, 8859-2/-15
)
_ICU_LOCALE = re.compile(r"[a-z]{2,3}(_[A-Za-z0-9]*)*")
# Display names of currencies, units, languages and regions, number spell-out rules and
# the names of Unicode characters: Qt formats with its own CLDR tables, and never asks
# ICU for them. Nor for the line-break rules of Chinese and Japanese phrases.
ICU_UNUSED_FOLDERS = frozenset({"curr", "unit", "lang", "region", "rbnf"})
_ICU_UNUSED_ITEMS = re.compile(r"^(unames\.icu|brkitr/line\w*_(cj|phrase)\w*\.brk)$")
_ICU_LIBRARY = re.compile(r"^libicudata\.so\.(?P<major>\d+)")


def icu_items_to_remove(items: list[str]) -> list[str]:
    """The items of ICU's data package (``icupkg -l``) that the program never needs."""

    def keep(item: str) -> bool:
        folder, _, base = item.rpartition("/")
        stem, _, kind = base.rpartition(".")
        if kind == "cnv":
            return stem in ICU_KEEP_CONVERTERS
        if kind in ("dict", "spp", "cfu") or folder == "translit":
            return False  # word-break dictionaries, stringprep profiles, spoof checks
        if folder in ICU_UNUSED_FOLDERS or _ICU_UNUSED_ITEMS.match(item):
            return False
        if kind != "res" or stem in ("res_index", "pool") or not _ICU_LOCALE.fullmatch(stem):
            return True  # tables that are not one locale's (zoneinfo64, plurals, ...)
        return stem in ICU_KEEP_LOCALES

    return [item for item in items if not keep(item)]


def _icu_blob(library: Path) -> tuple[str, bytes]:
    """The symbol name and the bytes of the data package compiled into libicudata."""
    import subprocess

    listing = subprocess.run(
        ["nm", "-D", "--defined-only", "-S", str(library)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    symbol, size = next(
        (fields[3], int(fields[1], 16))
        for fields in (line.split() for line in listing.splitlines())
        if len(fields) == 4 and fields[3].startswith("icudt") and fields[3].endswith("_dat")
    )
    content = library.read_bytes()
    # A package starts with its header: size (2 bytes), magic 0xda 0x27, then the data
    # info, whose format field "CmnD" is 12 bytes from the start.
    start = content.index(b"CmnD") - 12
    if content[start + 2 : start + 4] != b"\xda\x27":
        raise ValueError(f"no ICU data package in {library}")
    return symbol, content[start : start + size]


def trimmed_icu_library(library: Path, folder: Path) -> Path | None:
    """libicudata rebuilt with only what ``icu_items_to_remove`` keeps, or None when the
    tools are missing (the bundle then ships ICU's data whole)."""
    import shutil
    import subprocess

    if not all(shutil.which(tool) for tool in ("nm", "icupkg", "genccode", "gcc")):
        print("bundle: icupkg/genccode/gcc missing, ICU data shipped whole", file=sys.stderr)
        return None
    symbol, blob = _icu_blob(library)
    name = symbol.removesuffix("_dat")  # icudt73
    folder.mkdir(parents=True, exist_ok=True)
    # The file's name is the package's name, which prefixes every item ("icudt73l/...").
    whole, cut = folder / "whole" / f"{name}l.dat", folder / f"{name}l.dat"
    whole.parent.mkdir(exist_ok=True)
    whole.write_bytes(blob)
    items = subprocess.run(
        ["icupkg", "-l", str(whole)], capture_output=True, text=True, check=True
    ).stdout.split()
    removals = folder / "remove.txt"
    removals.write_text("\n".join(icu_items_to_remove(items)) + "\n", encoding="utf-8")
    # The locales' fallbacks and the break rules name dictionaries left out on purpose.
    subprocess.run(
        ["icupkg", "--ignore-deps", "-r", str(removals), str(whole), str(cut)], check=True
    )
    subprocess.run(["genccode", "-e", name, "-a", "gcc", "-d", str(folder), str(cut)], check=True)
    soname = library.name
    output = folder / soname
    subprocess.run(
        [
            "gcc",
            "-shared",
            "-nostdlib",
            f"-Wl,-soname,{soname}",
            "-o",
            str(output),
            str(folder / f"{name}l_dat.S"),
        ],
        check=True,
    )
    return output


def _with_trimmed_icu(binaries: list[Any]) -> list[Any]:
    if not sys.platform.startswith("linux"):
        return binaries  # Windows and macOS wheels have their own ICU layout
    import tempfile

    result = []
    for dest, source, typecode in binaries:
        name = Path(_normalized(dest)).name
        if typecode != "SYMLINK" and _ICU_LIBRARY.match(name):
            folder = Path(tempfile.mkdtemp(prefix="cobranza-icu-"))
            trimmed = trimmed_icu_library(Path(source), folder)
            if trimmed is not None:
                source = str(trimmed)
        result.append((dest, source, typecode))
    return result
