"""Saving a document the person asked for (a PDF from the preview, say) to a file.

Through the one rule of ``storage.output_files``: never over an open book, its
companions or its backups, and an existing file is replaced only atomically.
"""

from __future__ import annotations

from pathlib import Path

from cobranza_desktop.storage.output_files import write_output


def save_document(path: Path, data: bytes) -> Path:
    return write_output(path, data)
