"""What the shared PyInstaller analysis keeps and drops (no build needed)."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

import pytest

from tests.packaging.bundle import ROOT


def _load() -> ModuleType:
    # packaging/ is not a Python package (the name belongs to PyPI's "packaging").
    spec = importlib.util.spec_from_file_location(
        "bundle_common", ROOT / "packaging" / "bundle_common.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bundle_common", module)
    spec.loader.exec_module(module)
    return module


common = _load()
QT = "PySide6/Qt"


def test_every_verb_and_page_is_a_hidden_import() -> None:
    # The verbs are imported by name at run time: PyInstaller's scan cannot see them.
    modules = set(common.hidden_imports())
    verbs = {
        f"cobranza_desktop.commands.{p.stem}"
        for p in (ROOT / "cobranza_desktop" / "commands").glob("*.py")
        if p.stem != "__init__"
    }
    assert verbs and verbs <= modules
    assert "cobranza_desktop.commands" in modules and "cobranza_desktop.ui.app" in modules
    assert not [m for m in modules if "migrations" in m]  # read from disk by Alembic


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        (f"{QT}/plugins/platforms/libqxcb.so", True),
        (f"{QT}/plugins/platforms/libqoffscreen.so", True),
        (f"{QT}/plugins/platforms/libqwayland.so", False),  # XWayland: through qxcb
        (f"{QT}/plugins/platforms/libqvnc.so", False),
        (f"{QT}/plugins/platforms/libqeglfs.so", False),
        (f"{QT}/plugins/imageformats/libqjpeg.so", True),
        (f"{QT}/plugins/imageformats/libqsvg.so", True),
        (f"{QT}/plugins/imageformats/libqwebp.so", False),
        (f"{QT}/plugins/iconengines/libqsvgicon.so", True),
        (f"{QT}/plugins/platformthemes/libqgtk3.so", False),
        (f"{QT}/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so", True),
        (f"{QT}/plugins/printsupport/libcupsprintersupport.so", True),
        (f"{QT}/plugins/multimedia/libffmpegmediaplugin.so", False),
        ("PySide6\\plugins\\platforms\\qwindows.dll", True),
        ("PySide6\\plugins\\imageformats\\qtiff.dll", False),
        ("somewhere/else/plugins/foo/libbar.so", True),  # not Qt's: not ours to judge
    ],
)
def test_qt_plugins(dest: str, kept: bool) -> None:
    assert common.keep_plugin(dest) is kept


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        (f"{QT}/translations/qtbase_es.qm", True),
        (f"{QT}/translations/qtbase_en.qm", True),
        (f"{QT}/translations/qt_es.qm", True),
        (f"{QT}/translations/qtbase_de.qm", False),
        (f"{QT}/translations/qtdeclarative_es.qm", False),
        (f"{QT}/translations/qtbase_zh_TW.qm", False),
        ("resources/translations/cobranza_en.qm", True),  # ours
    ],
)
def test_translations(dest: str, kept: bool) -> None:
    assert common.keep_translation(dest) is kept


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("babel/locale-data/es_MX.dat", True),
        ("babel/locale-data/es_419.dat", True),  # es_MX's parent
        ("babel/locale-data/es.dat", True),
        ("babel/locale-data/en_US.dat", True),
        ("babel/locale-data/root.dat", True),
        ("babel/locale-data/de_DE.dat", False),
        ("babel/locale-data/eo.dat", False),
        ("babel/global.dat", True),
    ],
)
def test_babel_locales(dest: str, kept: bool) -> None:
    assert common.keep_locale_data(dest) is kept


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("libQt6Core.so.6", True),
        ("PySide6/Qt/lib/libQt6Pdf.so.6", True),
        ("PySide6/Qt/lib/libQt6Qml.so.6", False),
        ("PySide6/Qt/lib/libQt6Quick.so.6", False),
        ("PySide6/Qt/lib/libQt6WebEngineCore.so.6", False),
        ("libfontconfig.so.1", False),  # the host's, to match its font configuration
        ("libxcb.so.1", False),
        ("libcups.so.2", False),
        ("libxcb-cursor.so.0", True),  # not on every host, and Qt's xcb needs it
        ("libstdc++.so.6", False),  # manylinux_2_28's C++ runs on the host's
        ("libssl.so.3", True),
        ("libsqlite3.so.0", True),
        ("libpython3.11.so.1.0", True),
    ],
)
def test_linux_libraries(dest: str, kept: bool) -> None:
    assert common.keep_binary(dest, "linux") is kept


def test_host_libraries_are_dropped_on_linux_only() -> None:
    assert common.keep_binary("libz.so.1", "linux") is False
    assert common.keep_binary("libz.so.1", "darwin") is True


def test_icu_data_keeps_spanish_and_english_and_the_shared_tables() -> None:
    items = [
        "coll/root.res",
        "coll/es.res",
        "coll/de.res",
        "coll/ucadata.icu",
        "zone/es_MX.res",
        "zone/fr_CA.res",
        "zone/pool.res",
        "brkitr/cjdict.dict",
        "brkitr/word.brk",
        "translit/Any_Latin.res",
        "es_419.res",
        "ja.res",
        "en_AU.res",
        "zoneinfo64.res",
        "supplementalData.res",
        "ibm-5348_P100-1997.cnv",
        "gb18030.cnv",
        "uts46.nrm",
        "confusables.cfu",
        "curr/pool.res",
        "curr/es.res",
        "unit/en.res",
        "lang/es_MX.res",
        "region/pool.res",
        "rbnf/es.res",
        "unames.icu",
        "brkitr/line_loose_cj.brk",
        "brkitr/line_phrase_cj.brk",
        "brkitr/line.brk",
        "metaZones.res",
    ]
    removed = set(common.icu_items_to_remove(items))
    assert removed == {
        "coll/de.res",
        "zone/fr_CA.res",
        "brkitr/cjdict.dict",
        "translit/Any_Latin.res",
        "ja.res",
        "en_AU.res",
        "gb18030.cnv",
        "confusables.cfu",
        # Display names Qt takes from its own tables, spell-out rules, character names.
        "curr/pool.res",
        "curr/es.res",
        "unit/en.res",
        "lang/es_MX.res",
        "region/pool.res",
        "rbnf/es.res",
        "unames.icu",
        "brkitr/line_loose_cj.brk",
        "brkitr/line_phrase_cj.brk",
    }


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        (f"{QT}/plugins/wayland-shell-integration/libxdg-shell.so", False),
        (f"{QT}/plugins/wayland-decoration-client/libadwaita.so", False),
        (f"{QT}/plugins/wayland-graphics-integration-client/libdmabuf-server.so", False),
        (f"{QT}/plugins/platforms/libqxcb.so", True),
    ],
)
def test_a_wayland_desktop_shows_the_window_through_xwayland(dest: str, kept: bool) -> None:
    assert common.keep_plugin(dest) is kept
    assert common.keep_binary("PySide6/Qt/lib/libQt6WaylandClient.so.6", "linux") is False


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("reportlab/fonts/Vera.ttf", False),
        ("reportlab/fonts/DarkGarden.sfd", False),
        ("reportlab/fonts/_a______.pfb", False),
        ("resources/fonts/DejaVuSans.ttf", True),  # ours: the documents' Unicode font
        ("reportlab/graphics/barcode/README", True),
        ("resources/translations/cobranza_en.qm", True),
        ("resources/translations/cobranza_en.ts", False),  # the source of the .qm
        ("resources/translations/update.py", False),
        ("resources/icons/cobranza.ico", False),  # the Windows installer's
        ("resources/icons/cobranza.svg", True),
    ],
)
def test_data_the_program_never_reads_is_left_out(dest: str, kept: bool) -> None:
    assert common.keep_data(dest, "linux") is kept


def test_the_windows_bundle_keeps_its_icon() -> None:
    assert common.keep_data("resources\\icons\\cobranza.ico", "win32") is True


def test_cjk_codecs_are_left_out_and_pillow_takes_the_hosts_libxau() -> None:
    binaries = [
        ("python3.11/lib-dynload/_codecs_jp.cpython-311-x86_64-linux-gnu.so", "/x/jp", "EXTENSION"),
        (
            "python3.11/lib-dynload/_multibytecodec.cpython-311-x86_64-linux-gnu.so",
            "/x/m",
            "EXTENSION",
        ),
        ("python3.11/lib-dynload/_csv.cpython-311-x86_64-linux-gnu.so", "/x/csv", "EXTENSION"),
        ("pillow.libs/libXau-154567c4.so.6.0.0", "/site/pillow.libs/libXau.so", "BINARY"),
    ]
    lean = {d: s for d, s, _k in common.lean_linux_binaries(binaries, "linux")}
    assert set(lean) == {
        "python3.11/lib-dynload/_csv.cpython-311-x86_64-linux-gnu.so",
        "pillow.libs/libXau-154567c4.so.6.0.0",
    }
    host = common.host_library("libXau.so.6")
    assert lean["pillow.libs/libXau-154567c4.so.6.0.0"] == (host or "/site/pillow.libs/libXau.so")
    assert common.lean_linux_binaries(binaries, "darwin") == binaries


def test_psycopg_shares_the_bundles_openssl_on_linux() -> None:
    binaries = [
        ("libcrypto.so.3", "/usr/lib/x86_64-linux-gnu/libcrypto.so.3", "BINARY"),
        ("libssl.so.3", "/usr/lib/x86_64-linux-gnu/libssl.so.3", "BINARY"),
        ("psycopg_binary.libs/libcrypto-3a0647ea.so.3", "/site/libcrypto-3a.so.3", "BINARY"),
        ("psycopg_binary.libs/libssl-6a9b88ec.so.3", "/site/libssl-6a.so.3", "BINARY"),
        ("psycopg_binary.libs/libpq-e9b5c9ac.so.5.18", "/site/libpq.so.5", "BINARY"),
    ]
    shared = {
        dest: (source, kind) for dest, source, kind in common.share_openssl(binaries, "linux")
    }
    assert shared["psycopg_binary.libs/libcrypto-3a0647ea.so.3"] == ("../libcrypto.so.3", "SYMLINK")
    assert shared["psycopg_binary.libs/libssl-6a9b88ec.so.3"] == ("../libssl.so.3", "SYMLINK")
    assert shared["psycopg_binary.libs/libpq-e9b5c9ac.so.5.18"][1] == "BINARY"
    assert shared["libcrypto.so.3"][1] == "BINARY"
    # Not on Windows or macOS, and never a link to a library the bundle does not have.
    assert common.share_openssl(binaries, "win32") == binaries
    alone = [e for e in binaries if not e[0].startswith("libcrypto")]
    linked = {d: k for d, _s, k in common.share_openssl(alone, "linux")}
    assert linked["psycopg_binary.libs/libcrypto-3a0647ea.so.3"] == "BINARY"
