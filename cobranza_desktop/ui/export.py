"""Export the aging report to CSV and XLSX: the files are written below ui, in
``services.documents.aging_export`` (formula-safe, atomic, never over the book)."""

from __future__ import annotations

from cobranza_desktop.services.documents.aging_export import (
    aging_table,
    write_aging_csv,
    write_aging_xlsx,
)

__all__ = ["aging_table", "write_aging_csv", "write_aging_xlsx"]
