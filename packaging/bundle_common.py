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
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "cobranza_desktop"
APP_ID = "mx.cobranza.Desktop"
# The entry point: ``cobranza-desktop`` semantics (a book path as first argument opens it,
# a verb runs it), so the file manager, the launcher and scripts share one executable.
ENTRY = Path(__file__).resolve().parent / "launcher.py"

# Python modules never needed at run time (some are pulled in by optional imports).
EXCLUDES = [
    "readline",  # an interactive console's line editing, never used (and GNU readline)
    "curses",
    "tkinter",
    "_tkinter",
    "IPython",
    "matplotlib",
    "numpy",
    # Pillow reads the business's logo for ReportLab; its fonts, colour management, WebP,
    # AVIF and toolkit bridges (and the libraries they bring) are never used.
    "PIL._avif",
    "PIL.AvifImagePlugin",
    "PIL._webp",
    "PIL.WebPImagePlugin",
    "PIL._imagingcms",
    "PIL.ImageCms",
    "PIL._imagingft",
    "PIL.ImageFont",
    "PIL._imagingtk",
    "PIL.ImageTk",
    "PIL.ImageQt",
    # The CFDI import parses with lxml.etree only: no objectify, HTML or schematron.
    "lxml.objectify",
    "lxml.html",
    "lxml.isoschematron",
    "lxml.cssselect",
    "pytest",
    "hypothesis",
    "pydoc_data",
    # Phone numbers are parsed, validated and formatted; never located (18 MB of tables).
    "phonenumbers.geocoder",
    "phonenumbers.geodata",
    "phonenumbers.carrier",
    "phonenumbers.carrierdata",
    "phonenumbers.timezone",
    "phonenumbers.tzdata",
    # SQLite by default, PostgreSQL for an office: no other database.
    "sqlalchemy.dialects.mssql",
    "sqlalchemy.dialects.mysql",
    "sqlalchemy.dialects.oracle",
    "sqlalchemy.testing",
    "alembic.testing",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickControls2",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQuick3D",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebEngineQuick",
    "PySide6.QtWebChannel",
    "PySide6.QtWebSockets",
    "PySide6.QtWebView",
    "PySide6.Qt3DCore",
    "PySide6.Qt3DRender",
    "PySide6.Qt3DInput",
    "PySide6.Qt3DLogic",
    "PySide6.Qt3DAnimation",
    "PySide6.Qt3DExtras",
    "PySide6.QtMultimedia",
    "PySide6.QtMultimediaWidgets",
    "PySide6.QtSpatialAudio",
    "PySide6.QtTextToSpeech",
    "PySide6.QtDataVisualization",
    "PySide6.QtGraphs",
    "PySide6.QtGraphsWidgets",
    "PySide6.QtLocation",
    "PySide6.QtPositioning",
    "PySide6.QtBluetooth",
    "PySide6.QtNfc",
    "PySide6.QtSensors",
    "PySide6.QtSerialPort",
    "PySide6.QtSerialBus",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtDesigner",
    "PySide6.QtUiTools",
    "PySide6.QtHelp",
    "PySide6.QtScxml",
    "PySide6.QtStateMachine",
    "PySide6.QtRemoteObjects",
    "PySide6.QtHttpServer",
    "PySide6.QtNetworkAuth",
    "PySide6.QtSvgWidgets",
    "PySide6.QtAxContainer",
    # The bindings of libraries that QtCharts and QtPdf link to but never import; the Qt
    # libraries themselves are still collected as link-time dependencies.
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtNetwork",
    "PySide6.QtDBus",
]

# Qt plugins kept, by plugin folder; a folder not listed here is dropped whole.
# ``None`` keeps the whole folder.
KEEP_PLUGINS: dict[str, set[str] | None] = {
    # xcb (X11) and wayland for a real desktop, offscreen for CI and the smoke test;
    # cocoa and windows on their platforms.
    "platforms": {"qxcb", "qwayland", "qoffscreen", "qwindows", "qcocoa", "qdirect2d"},
    # png is built into QtGui.
    "imageformats": {"qjpeg", "qsvg", "qico", "qicns"},
    # The navigation and page icons are SVG files.
    "iconengines": None,
    # Dead keys and input methods: a Spanish keyboard types "á" through "compose".
    "platforminputcontexts": {
        "composeplatforminputcontextplugin",
        "ibusplatforminputcontextplugin",
    },
    # Native file dialogs through the desktop portal; GTK's theme would drag GTK in.
    "platformthemes": {"qxdgdesktopportal"},
    "printsupport": None,  # printing statements and receipts (CUPS on Linux)
    "xcbglintegrations": None,
    "wayland-shell-integration": None,
    "wayland-decoration-client": None,
    "wayland-graphics-integration-client": None,
    "styles": None,  # the native look on macOS and Windows
}

KEEP_LANGUAGES = ("es", "en")

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
    # Locale data for number, date and phone formats, and ReportLab's fonts.
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
    r"|ShaderTools|SpatialAudio|TextToSpeech)",
)


# Babel's CLDR data: the program formats for es-MX and en-US only ("root" is every
# locale's last parent; es_MX's chain is es_MX -> es_419 -> es -> root).
_BABEL_LOCALE = re.compile(r"(?:^|/)babel/locale-data/(?P<locale>[^/]+)\.dat$")


def keep_locale_data(dest: str) -> bool:
    match = _BABEL_LOCALE.search(_normalized(dest))
    if not match:
        return True
    locale = match["locale"]
    return locale == "root" or locale.split("_")[0] in KEEP_LANGUAGES


# Linux: libraries that every desktop distribution has, with stable ABIs, and that must
# match the host anyway (the X server, the fonts' configuration, D-Bus, CUPS and its TLS
# stack). Like AppImage's exclude list, the bundle uses the host's. Kept in the bundle:
# libstdc++ and libgcc_s (Qt may need newer ones than the host has), OpenSSL and SQLite
# (Python's modules are built against those versions), libffi, and the xcb-util family
# (not installed by default everywhere, and Qt's xcb platform needs it).
_HOST_LIBRARIES = re.compile(
    r"^lib(X11|X11-xcb|Xau|Xdmcp|xcb|xcb-(glx|randr|render|shape|shm|sync|xfixes|xkb)"
    r"|xkbcommon|xkbcommon-x11|fontconfig|freetype|expat|png16|brotli(common|dec)|z|bz2"
    r"|glib-2\.0|gthread-2\.0|gio-2\.0|gobject-2\.0|gmodule-2\.0|pcre2-8|dbus-1|systemd"
    r"|gcrypt|gpg-error|lz4|lzma|zstd|cap|uuid|md|bsd|cups|gnutls|nettle|hogweed|gmp|idn2"
    r"|unistring|tasn1|p11-kit|krb5|krb5support|k5crypto|gssapi_krb5|keyutils|com_err"
    r"|avahi-client|avahi-common|readline|tinfo)\.so(\.|$)"
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


def _drop_dangling_symlinks(entries: list[Any], kept: set[str]) -> list[Any]:
    """PyInstaller links ``_internal/libQt6Core.so.6`` to the library in ``PySide6/Qt/lib``;
    such a link whose library was dropped would dangle."""
    return [
        entry
        for entry in entries
        if entry[2] != "SYMLINK" or Path(_normalized(entry[0])).name in kept
    ]


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


def slim(a: Any) -> Any:
    """Drop unneeded plugins, libraries, translations and locales from an Analysis."""
    binaries = [entry for entry in a.binaries if entry[2] == "SYMLINK" or keep_binary(entry[0])]
    binaries = _with_trimmed_icu(binaries)
    binaries = drop_orphan_libraries([e for e in binaries if e[2] != "SYMLINK"]) + [
        e for e in binaries if e[2] == "SYMLINK"
    ]
    kept = {Path(_normalized(e[0])).name for e in binaries if e[2] != "SYMLINK"}
    a.binaries = _drop_dangling_symlinks(binaries, kept)
    a.datas = _drop_dangling_symlinks(
        [
            entry
            for entry in a.datas
            if keep_translation(entry[0]) and keep_plugin(entry[0]) and keep_locale_data(entry[0])
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
