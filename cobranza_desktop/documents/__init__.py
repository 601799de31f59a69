"""Printed documents: ReportLab renderers that take plain frozen data and return PDF bytes.

No database access here: services gather the data (see ``documents.data``) and call
the ``render_*`` functions.
"""

from cobranza_desktop.documents.invoice import render_invoice
from cobranza_desktop.documents.penalty_notice import render_penalty_notice
from cobranza_desktop.documents.receipt import render_receipt
from cobranza_desktop.documents.reminder_letter import render_letters, render_reminder_letter
from cobranza_desktop.documents.statement import render_statement

__all__ = [
    "render_invoice",
    "render_letters",
    "render_penalty_notice",
    "render_receipt",
    "render_reminder_letter",
    "render_statement",
]
