"""PySide6 user interface. The only layer that imports Qt."""
