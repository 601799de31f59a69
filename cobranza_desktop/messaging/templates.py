"""Message templates: one per ladder stage and channel, in Spanish and English.

This module is the public face of the templates; the work is split by responsibility:

* :mod:`~cobranza_desktop.messaging.stages`: the ladder stages, their aliases and
  the template parts of each channel;
* :mod:`~cobranza_desktop.messaging.merge_fields`: the merge-field catalogue
  (:data:`MERGE_FIELDS`) and its documentation;
* :mod:`~cobranza_desktop.messaging.message_data`: the facts of a message and their
  formatted merge-field values;
* :mod:`~cobranza_desktop.messaging.rendering`: rendering and validation in Jinja2's
  sandbox (unknown fields refused with the closest name as a suggestion);
* :mod:`~cobranza_desktop.messaging.template_store`: the shipped templates, the
  user's stored edits and restore (:class:`TemplateLibrary`).
"""

from __future__ import annotations

from cobranza_desktop.messaging.merge_fields import (
    INVOICE_ATTRIBUTES,
    MERGE_FIELDS,
    describe_fields,
)
from cobranza_desktop.messaging.message_data import (
    InvoiceLine,
    MessageData,
    PaymentData,
    build_variables,
)
from cobranza_desktop.messaging.rendering import check_template, render_text, unknown_fields
from cobranza_desktop.messaging.stages import (
    CHANNEL_PARTS,
    CHANNELS,
    STAGE_ALIASES,
    STAGES,
    TEMPLATE_PARTS,
    suggest_stage,
    template_for,
)
from cobranza_desktop.messaging.template_store import (
    DEFAULT_TEMPLATE_DIR,
    RenderedMessage,
    TemplateLibrary,
    check_for_saving,
    override_key,
)

__all__ = [
    "CHANNELS",
    "CHANNEL_PARTS",
    "DEFAULT_TEMPLATE_DIR",
    "INVOICE_ATTRIBUTES",
    "MERGE_FIELDS",
    "STAGES",
    "STAGE_ALIASES",
    "TEMPLATE_PARTS",
    "InvoiceLine",
    "MessageData",
    "PaymentData",
    "RenderedMessage",
    "TemplateLibrary",
    "build_variables",
    "check_for_saving",
    "check_template",
    "describe_fields",
    "override_key",
    "render_text",
    "suggest_stage",
    "template_for",
    "unknown_fields",
]
