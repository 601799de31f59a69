"""What goes into a Cobranza Desktop bundle: shared by the Linux, Windows and macOS specs.

The specs call :func:`analysis` and then :func:`slim` on its result. Everything that decides
what is shipped lives here, so the three platforms cannot drift apart.

Why each choice:

* Hidden imports are found by walking the source tree, not with ``collect_submodules``:
  that only sees the package when it is installed where PyInstaller runs, and the first
  bundle died with "No module named cobranza_desktop.commands" (the verbs are imported
  lazily by name, so PyInstaller's import scan never sees them).
* Migrations ship as ``.py`` files: Alembic reads its version scripts from disk.
* The program uses QtCore, QtGui, QtWidgets, QtCharts, QtPdf, QtPdfWidgets and
  QtPrintSupport only. QML/Quick, WebEngine, 3D, Multimedia and the rest are excluded.
* Of Qt's translations, only Spanish and English are shipped (the program loads
  ``qtbase_<lang>``); of Qt's plugins, only those a desktop window needs.
* Python modules are compiled with ``optimize=2`` (no docstrings, no asserts: nothing
  of the program reads a docstring at run time), and the Linux bundle leans on the host
  for what every desktop has (see ``_HOST_LIBRARIES``). packaging/README.md, "Size", has
  the figures.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

# The specs put packaging/ on the import path; so does this, for the tests that load it.
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bundle_icu import (
    ICU_KEEP_CONVERTERS,
    ICU_KEEP_LOCALES,
    _with_trimmed_icu,
    icu_items_to_remove,
    trimmed_icu_library,
)
from bundle_lists import EXCLUDES, KEEP_LANGUAGES, KEEP_PLUGINS

__all__ = [
    "ICU_KEEP_CONVERTERS",
    "ICU_KEEP_LOCALES",
    "icu_items_to_remove",
    "trimmed_icu_library",
]

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "cobranza_desktop"
APP_ID = "mx.cobranza.Desktop"
# The entry point: ``cobranza-desktop`` semantics (a book path as first argument opens it,
# a verb runs it), so the file manager, the launcher and scripts share one executable.
ENTRY = Path(__file__).resolve().parent / "launcher.py"

_PLUGIN_PATH = re.compile(r"(?:^|/)plugins/(?P<kind>[^/]+)/(?P<file>[^/]+)$")
_TRANSLATION_PATH = re.compile(r"(?:^|/)translations/(?P<file>[^/]+\.qm)$")


def hidden_imports() -> list[str]:
    """Every module of the package, found on disk (see the module docstring)."""
    modules = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(ROOT).with_suffix("")
        if "migrations" in relative.parts:
            continue  # loaded from disk by Alembic, not imported
        parts = list(relative.parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules.append(".".join(parts))
    return [*modules, "alembic", "alembic.runtime.migration", "sqlalchemy.dialects.sqlite"]


def data_files() -> list[tuple[str, str]]:
    from PyInstaller.utils.hooks import collect_data_files

    datas = [
        (str(ROOT / "resources"), "resources"),
        (str(PACKAGE / "storage" / "migrations"), "cobranza_desktop/storage/migrations"),
    ]
    # Locale data for number, date and phone formats, and ReportLab's data (its own fonts
    # are left out by keep_data).
    datas += collect_data_files("babel")
    datas += collect_data_files("phonenumbers")
    datas += collect_data_files("reportlab")
    datas += collect_data_files("num2words")
    return [(src, dest) for src, dest in datas if "__pycache__" not in src]


def analysis(analysis_class: Any) -> Any:
    """Run PyInstaller's Analysis (the class is injected by the spec's namespace)."""
    return analysis_class(
        [str(ENTRY)],
        pathex=[str(ROOT)],
        datas=data_files(),
        hiddenimports=hidden_imports(),
        excludes=EXCLUDES,
        noarchive=False,
        optimize=2,
    )


def _normalized(dest: str) -> str:
    return dest.replace("\\", "/")


def keep_plugin(dest: str) -> bool:
    """False for a Qt plugin that the program does not need."""
    match = _PLUGIN_PATH.search(_normalized(dest))
    if not match or "PySide6" not in dest:
        return True
    kind = match["kind"]
    if kind not in KEEP_PLUGINS:
        return False
    names = KEEP_PLUGINS[kind]
    if names is None:
        return True
    stem = match["file"].split(".")[0].removeprefix("lib")
    return stem in names


def keep_translation(dest: str) -> bool:
    """Only Spanish and English of Qt's base translations."""
    match = _TRANSLATION_PATH.search(_normalized(dest))
    if not match or "PySide6" not in dest:
        return True
    name = match["file"].removesuffix(".qm")
    prefix, _, language = name.rpartition("_")
    return language in KEEP_LANGUAGES and prefix in ("qt", "qtbase")


# Qt libraries that only excluded modules need (PyInstaller's dependency scan may still
# find them through a plugin it later drops).
_DROP_LIBRARIES = re.compile(
    r"Qt6?(Qml|Quick|WebEngine|3D|Multimedia|VirtualKeyboard|Designer|Location|Positioning"
    r"|Sensors|SerialPort|Bluetooth|Nfc|Graphs|DataVisualization|Sql|Test|Scxml|RemoteObjects"
    r"|ShaderTools|SpatialAudio|TextToSpeech|Wayland|WlShell)",
)


# ReportLab's own fonts (Bitstream Vera, DarkGarden, Type 1 samples for its tests and
# demos): the documents use the built-in PDF fonts and the DejaVu Sans of resources/fonts.
_REPORTLAB_FONT = re.compile(r"(?:^|/)reportlab/fonts/[^/]+$")


# Sources and tools beside what the program loads: the .ts files and their script (the
# .qm files are loaded), the icons of the Windows and macOS installers.
_UNUSED_RESOURCES = re.compile(
    r"(?:^|/)resources/(translations/[^/]+\.(ts|py)|icons/[^/]+\.(ico|icns))$"
)


def keep_data(dest: str, platform: str = sys.platform) -> bool:
    """False for a data file the program never reads."""
    name = _normalized(dest)
    if _REPORTLAB_FONT.search(name):
        return False
    return not (platform.startswith("linux") and _UNUSED_RESOURCES.search(name))


# Babel's CLDR data: the program formats for es-MX and en-US only ("root" is every
# locale's last parent; es_MX's chain is es_MX -> es_419 -> es -> root).
_BABEL_LOCALE = re.compile(r"(?:^|/)babel/locale-data/(?P<locale>[^/]+)\.dat$")


BABEL_LOCALES = frozenset({"root", "es", "es_419", "es_MX", "en", "en_US"})


def keep_locale_data(dest: str) -> bool:
    match = _BABEL_LOCALE.search(_normalized(dest))
    return not match or match["locale"] in BABEL_LOCALES


# Linux: libraries that every desktop distribution has, with stable ABIs, and that must
# match the host anyway (the X server, the fonts' configuration, D-Bus, CUPS and its TLS
# stack). Like AppImage's exclude list, the bundle uses the host's. libstdc++ too: the
# wheels' C++ (Qt, ICU) is built for manylinux_2_28, whose libstdc++ (GCC 8) every host
# with a new enough glibc has. Kept in the bundle: libgcc_s, OpenSSL and SQLite (Python's
# modules are built against those versions), libffi, and the xcb-util family (not
# installed by default everywhere, and Qt's xcb platform needs it).
_HOST_LIBRARIES = re.compile(
    r"^lib(X11|X11-xcb|Xau|Xdmcp|xcb|xcb-(glx|randr|render|shape|shm|sync|xfixes|xkb)"
    r"|xkbcommon|xkbcommon-x11|fontconfig|freetype|expat|png16|brotli(common|dec)|z|bz2"
    r"|glib-2\.0|gthread-2\.0|gio-2\.0|gobject-2\.0|gmodule-2\.0|pcre2-8|dbus-1|systemd"
    r"|gcrypt|gpg-error|lz4|lzma|zstd|cap|uuid|md|bsd|cups|gnutls|nettle|hogweed|gmp|idn2"
    r"|unistring|tasn1|p11-kit|krb5|krb5support|k5crypto|gssapi_krb5|keyutils|com_err"
    r"|avahi-client|avahi-common|readline|tinfo|stdc\+\+)\.so(\.|$)"
)


def keep_binary(dest: str, platform: str = sys.platform) -> bool:
    name = _normalized(dest).rsplit("/", 1)[-1]
    if platform.startswith("linux") and _HOST_LIBRARIES.search(name):
        return False
    return keep_plugin(dest) and not _DROP_LIBRARIES.search(name)


def _is_root(dest: str, typecode: str) -> bool:
    name = _normalized(dest)
    return typecode == "EXTENSION" or "/plugins/" in name or name.startswith("libpython")


def drop_orphan_libraries(binaries: list[Any]) -> list[Any]:
    """Keep a shared library only if a Python extension or a kept Qt plugin links to it.

    PyInstaller collects the dependencies of every plugin before :func:`slim` drops the
    plugin (GTK's theme alone brings cairo, pango and more). Linux only: there ``ldd``
    lists the whole closure, so one pass over the roots suffices.
    """
    if not sys.platform.startswith("linux"):
        return binaries
    from PyInstaller.depend.bindepend import get_imports

    needed: set[str] = set()
    for dest, source, typecode in binaries:
        if _is_root(dest, typecode):
            for name, path in get_imports(source):
                needed.add(Path(name).name)
                if path:
                    needed.add(Path(path).name)
    return [
        entry
        for entry in binaries
        if _is_root(entry[0], entry[2]) or Path(_normalized(entry[0])).name in needed
    ]


# psycopg[binary] brings its own OpenSSL (3.5, 7 MB) for libpq, beside the one Python's
# ssl and hashlib modules use (the build host's OpenSSL 3). libpq and libldap only call
# OpenSSL 3.0 functions (their symbol versions are OPENSSL_3.0.0), so on Linux psycopg's
# copies become links to Python's: one OpenSSL, whose configuration and CA certificates
# are the host distribution's (/usr/lib/ssl), for e-mail over TLS and for PostgreSQL alike.
_PSYCOPG_OPENSSL = re.compile(r"^psycopg_binary\.libs/lib(?P<lib>crypto|ssl)-[0-9a-f]+\.so\.3$")


def share_openssl(binaries: list[Any], platform: str = sys.platform) -> list[Any]:
    """psycopg's libcrypto and libssl replaced by links to the bundle's own (Linux)."""
    if not platform.startswith("linux"):
        return binaries
    top = {_normalized(e[0]) for e in binaries if e[2] != "SYMLINK"}
    result = []
    for dest, source, typecode in binaries:
        match = _PSYCOPG_OPENSSL.match(_normalized(dest))
        ours = f"lib{match['lib']}.so.3" if match else ""
        if match and ours in top:
            result.append((dest, f"../{ours}", "SYMLINK"))
        else:
            result.append((dest, source, typecode))
    return result


# Pillow's wheel brings libxcb's libXau (for its screen grab, never used) padded by its
# relinking to 2 MB; the build host's is the same 15 KB library. Its copy takes the
# wheel's name, the one Pillow's libxcb asks for.
_PILLOW_XAU = re.compile(r"^pillow\.libs/libXau-[0-9a-f]+\.so[.0-9]*$")
# CJK codecs: charset_normalizer skips an encoding the interpreter lacks, and the
# program's files (CFDI, spreadsheets) are UTF-8 or Latin-1/Windows-1252.
_CJK_CODECS = re.compile(r"(?:^|/)_(codecs_(jp|kr|cn|tw|hk|iso2022)|multibytecodec)\.cpython")


def host_library(soname: str) -> str | None:
    """The build host's copy of a library, as the dynamic linker's cache lists it."""
    import subprocess

    try:
        listing = subprocess.run(
            ["ldconfig", "-p"], capture_output=True, text=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    import platform

    # "libXau.so.6 (libc6,x86-64) => /lib/x86_64-linux-gnu/libXau.so.6"; "(libc6)" alone
    # is a 32-bit copy.
    arch = {"x86_64": ",x86-64)", "aarch64": ",AArch64)"}.get(platform.machine(), "")
    for line in listing.splitlines():
        name, _, path = line.strip().partition(" => ")
        if name.split(" (")[0] == soname and arch and name.endswith(arch):
            return path if Path(path).is_file() else None
    return None


def lean_linux_binaries(binaries: list[Any], platform: str = sys.platform) -> list[Any]:
    """Pillow's libXau from the host, and no CJK codecs (Linux)."""
    if not platform.startswith("linux"):
        return binaries
    result = []
    for dest, source, typecode in binaries:
        name = _normalized(dest)
        if _CJK_CODECS.search(name):
            continue
        if typecode != "SYMLINK" and _PILLOW_XAU.match(name):
            source = host_library("libXau.so.6") or source
        result.append((dest, source, typecode))
    return result


def _drop_dangling_symlinks(entries: list[Any], kept: set[str]) -> list[Any]:
    """PyInstaller links ``_internal/libQt6Core.so.6`` to the library in ``PySide6/Qt/lib``;
    such a link whose library was dropped would dangle."""
    return [
        entry
        for entry in entries
        if entry[2] != "SYMLINK" or Path(_normalized(entry[0])).name in kept
    ]


def slim(a: Any) -> Any:
    """Drop unneeded plugins, libraries, translations and locales from an Analysis."""
    binaries = [entry for entry in a.binaries if entry[2] == "SYMLINK" or keep_binary(entry[0])]
    binaries = _with_trimmed_icu(binaries)
    binaries = drop_orphan_libraries([e for e in binaries if e[2] != "SYMLINK"]) + [
        e for e in binaries if e[2] == "SYMLINK"
    ]
    kept = {Path(_normalized(e[0])).name for e in binaries if e[2] != "SYMLINK"}
    a.binaries = lean_linux_binaries(share_openssl(_drop_dangling_symlinks(binaries, kept)))
    a.datas = _drop_dangling_symlinks(
        [
            entry
            for entry in a.datas
            if keep_translation(entry[0])
            and keep_plugin(entry[0])
            and keep_locale_data(entry[0])
            and keep_data(entry[0])
        ],
        kept,
    )
    return a


def icon(platform: str = sys.platform) -> str:
    icons = ROOT / "resources" / "icons"
    if platform == "darwin":
        icns = ROOT / "packaging" / "macos" / "cobranza.icns"
        return str(icns if icns.exists() else icons / "cobranza-256.png")
    if platform == "win32":
        return str(icons / "cobranza.ico")
    return str(icons / "cobranza-256.png")
