"""Where CFDI files come from: single files, folders (recursively) and zip files.

Zip entries are read in memory with limits; nothing is ever extracted to disk by name.
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Iterator, Sequence
from operator import attrgetter
from pathlib import Path
from typing import NamedTuple

from cobranza_desktop.domain.i18n import _
from cobranza_desktop.imports.safe_xml import MAX_XML_BYTES

MAX_ZIP_TOTAL = 2 * 1024 * 1024 * 1024  # what a zip may expand to, in all
MAX_RATIO = 200  # XML compresses well, but not a thousandfold: that is a bomb
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0)  # O_BINARY: Windows only


class SourceFile(NamedTuple):
    """One file as read (a named tuple: immutable, and built at a third of a frozen
    dataclass's cost, once per file of an import of thousands)."""

    name: str  # what the user reads in a problem: path, or "bulk.zip:entry.xml"
    data: bytes | None  # None when the file could not be read (see error)
    error: str = ""


def _too_big(name: str, size: int) -> SourceFile:
    return SourceFile(
        name,
        None,
        _("El archivo pesa {size} MB; un CFDI no pasa de {max_xml_bytes} MB.").format(
            size=size // (1024 * 1024), max_xml_bytes=MAX_XML_BYTES // (1024 * 1024)
        ),
    )


def _read_file(path: Path | str, name: str = "") -> SourceFile:
    name = name or os.path.basename(path)  # a folder's listing has it already
    try:
        # One open, one fstat, one read of the size it states: a buffered read of the
        # limit allocated 20 MB per file, which cost more than parsing it.
        fd = os.open(path, _READ_FLAGS)
        try:
            size = os.fstat(fd).st_size
            if size > MAX_XML_BYTES:
                return _too_big(name, size)
            data = os.read(fd, size + 1)
            # A file that grew since the fstat (or a device, which states 0): read on,
            # never past the limit plus one byte.
            while len(data) > size and len(data) <= MAX_XML_BYTES:
                more = os.read(fd, MAX_XML_BYTES + 1 - len(data))
                if not more:
                    break
                data += more
        finally:
            os.close(fd)
        if len(data) > MAX_XML_BYTES:
            return _too_big(name, len(data))
        return SourceFile(name, data)
    except OSError as exc:
        return SourceFile(name, None, _("No se pudo leer: {exc}").format(exc=exc))


def _read_zip(path: Path) -> Iterator[SourceFile]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        yield SourceFile(path.name, None, _("El zip está dañado."))
        return
    with archive:
        total = 0
        for info in archive.infolist():
            name = f"{path.name}:{info.filename}"
            if info.is_dir() or not info.filename.lower().endswith(".xml"):
                continue
            total += info.file_size
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > MAX_XML_BYTES or ratio > MAX_RATIO or total > MAX_ZIP_TOTAL:
                yield SourceFile(
                    name,
                    None,
                    _("La entrada del zip se expande demasiado (posible bomba zip); no se lee."),
                )
                continue
            try:
                with archive.open(info) as entry:
                    # Read at most the limit plus one byte: a lying header cannot get past it.
                    data = entry.read(MAX_XML_BYTES + 1)
            except (zipfile.BadZipFile, OSError, RuntimeError, EOFError):
                yield SourceFile(name, None, _("Entrada dañada."))
                continue
            if len(data) > MAX_XML_BYTES:
                yield SourceFile(name, None, _("La entrada es demasiado grande."))
                continue
            yield SourceFile(name, data)


def _sorted_entries(folder: str) -> Iterator[os.DirEntry[str]]:
    with os.scandir(folder) as listing:
        return iter(sorted(listing, key=_NAME))


_NAME = attrgetter("name")
_SUFFIXES = (".xml", ".zip")


def _suffix(name: str) -> str:
    """``os.path.splitext(name)[1].lower()`` for the two suffixes wanted ("" otherwise):
    a name that is only dots before it (".xml") has none."""
    suffix = name[-4:].lower()
    return suffix if suffix in _SUFFIXES and name[:-4].lstrip(".") else ""


def _files_under(folder: Path) -> list[tuple[str, str, str]]:
    """(path, name, lower-case suffix) of the XML and zip files under ``folder``, in the
    order of ``sorted(rglob())``: each folder's entries sorted by name, a subfolder's
    files at its place (paths compare part by part).

    ``os.scandir`` hands back each entry's type with the listing: a folder of 10,000
    CFDIs costs no ``stat`` per file (``rglob`` and ``is_file`` cost two)."""
    found: list[tuple[str, str, str]] = []
    pending = [_sorted_entries(str(folder))]  # a stack, not recursion: any depth
    while pending:
        for entry in pending[-1]:
            if entry.is_dir(follow_symlinks=False):
                pending.append(_sorted_entries(entry.path))
                break  # the subfolder first; this folder's iterator resumes after it
            if entry.is_file():
                name = entry.name
                suffix = _suffix(name)
                if suffix:
                    found.append((entry.path, name, suffix))
        else:
            pending.pop()
    return found


def iter_sources(paths: Sequence[Path]) -> Iterator[SourceFile]:
    """Every XML under ``paths``, in a stable order (sorted), each read once."""
    for path in paths:
        if path.is_dir():
            for child, name, suffix in _files_under(path):
                if suffix == ".xml":
                    yield _read_file(child, name)
                else:
                    yield from _read_zip(Path(child))
        elif path.suffix.lower() == ".zip":
            yield from _read_zip(path)
        elif path.exists():
            yield _read_file(path)
        else:
            yield SourceFile(path.name, None, _("El archivo no existe."))
