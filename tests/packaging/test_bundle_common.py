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
        (f"{QT}/plugins/platforms/libqwayland.so", True),
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
        ("libstdc++.so.6", True),
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
    }
