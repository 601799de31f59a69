"""What the bundle leaves out and keeps, by name: the lists behind bundle_common's filters.

Kept apart from the filters so that a change to what is shipped reads as a change to a
list (bundle_common's docstring says why each kind of thing is cut).
"""

from __future__ import annotations

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
    # Debugging and testing tools that some libraries import for their own self-tests.
    "pdb",
    "pydoc",
    "doctest",
    "unittest",
    "lxml.doctestcompare",
    "reportlab.graphics.testshapes",
    # Processes: the program runs one, with threads (concurrent.futures imports its
    # process pool only when asked for it).
    "multiprocessing",
    "xmlrpc",
    # Pillow reads the business's logo (PNG, JPEG, GIF, BMP, TIFF): not the image formats
    # of scientific, game, fax or old Unix tools (Image.init skips a plugin left out).
    *(
        f"PIL.{name}ImagePlugin"
        for name in (
            "Blp",
            "Bufr",
            "Cur",
            "Dcx",
            "Dds",
            "Eps",
            "Fits",
            "Fli",
            "Ftex",
            "Gbr",
            "Grib",
            "Hdf5Stub",
            "Icns",
            "Imt",
            "Iptc",
            "McIdas",
            "Mic",
            "Mpeg",
            "Msp",
            "Palm",
            "Pcd",
            "Pdf",
            "Pixar",
            "Psd",
            "Qoi",
            "Sgi",
            "Spider",
            "Sun",
            "Tga",
            "Wmf",
            "XVThumb",
            "Xbm",
            "Xpm",
        )
    ),
    "PIL.PdfParser",
    # setuptools' run-time half: entry points are read with importlib.metadata.
    "pkg_resources",
    "setuptools",
    # ReportLab draws the monthly report's charts into the PDF (renderPDF): never to a
    # bitmap, SVG or PostScript, and never a barcode.
    "reportlab.graphics.renderPM",
    "reportlab.graphics.renderSVG",
    "reportlab.graphics.renderPS",
    "reportlab.graphics.barcode",
    "reportlab.graphics.samples",
    "reportlab.graphics.testdrawings",
    # lxml's SAX bridge and E-factory: the CFDI import parses with lxml.etree only.
    "lxml.sax",
    "lxml.builder",
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

# Qt plugins kept, by plugin folder; a folder not listed here is dropped whole (among
# them xcbglintegrations: the window, its charts and the PDF view draw without OpenGL).
# ``None`` keeps the whole folder.
KEEP_PLUGINS: dict[str, set[str] | None] = {
    # xcb (X11; on a Wayland desktop through XWayland, which Qt falls back to without
    # its wayland plugin) and offscreen for CI and the smoke test; cocoa and windows on
    # their platforms.
    "platforms": {"qxcb", "qoffscreen", "qwindows", "qcocoa", "qdirect2d"},
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
    "styles": None,  # the native look on macOS and Windows
}

KEEP_LANGUAGES = ("es", "en")
