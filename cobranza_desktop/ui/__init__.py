"""The PySide6 interface: the only layer that imports Qt."""

from cobranza_desktop.ui import qt_compat

qt_compat.install()
