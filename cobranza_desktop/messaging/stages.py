"""Ladder stages and message channels: which template a stage or alias uses, and
which template parts (one file each) a channel needs.
"""

from __future__ import annotations

from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.i18n import _

# The templates, in escalation order. The ids are the ``template`` names of the
# collections ladder (``domain/ladder.py`` and ``domain/agenda.py``).
STAGES: tuple[str, ...] = (
    "friendly_reminder",  # 7 days before due
    "overdue_reminder",  # the day after
    "ask_reason",  # 2 days after: call and ask the reason
    "firm_reminder",  # 7 days after
    "penalty_warning",  # 15 days after, with amounts
    "penalty_notice",  # 30 days: penalty applied, notice letter
    "restriction_notice",  # 45 days: partial restriction of service
    "suspension_notice",  # 60 days: suspension
    "agency_notice",  # 90 days: last notice before agency or legal
    "insistent_call",  # chronic late payers: close follow-up mentioning penalties
    "instalment_reminder",  # payment plan instalment coming
    "instalment_overdue",  # payment plan instalment missed
    "broken_promise",  # a promise to pay was not kept
    "thank_you",  # after a payment
    "confirm_receipt",  # 2 days after issue: did the invoice arrive, are its details right?
    "announcement",  # a notice to many customers (closing days, next due date)
)

# Other names a stage may arrive with: the ladder's stage codes, the agenda's special
# actions, and the names used in the issue.
STAGE_ALIASES: dict[str, str] = {
    "phone_reminder": "overdue_reminder",
    "ask_reason_call": "ask_reason",
    "partial_restriction": "restriction_notice",
    "suspension": "suspension_notice",
    "agency_legal": "agency_notice",
    "lift_restriction": "thank_you",
    "follow_up": "overdue_reminder",
    "pre_due_friendly": "friendly_reminder",
    "call_ask_reason": "ask_reason",
    "penalty_applied": "penalty_notice",
    "restriction": "restriction_notice",
    "agency_final": "agency_notice",
}


# Days past due from which each escalation template applies (the default ladder).
_STAGE_BY_DAYS: tuple[tuple[int, str], ...] = (
    (90, "agency_notice"),
    (60, "suspension_notice"),
    (45, "restriction_notice"),
    (30, "penalty_notice"),
    (15, "penalty_warning"),
    (7, "firm_reminder"),
    (2, "ask_reason"),
    (1, "overdue_reminder"),
)


def suggest_stage(days_past_due: int) -> str:
    """The template of the default ladder for an invoice this many days late."""
    for days, stage in _STAGE_BY_DAYS:
        if days_past_due >= days:
            return stage
    return "friendly_reminder"


def template_for(stage: str) -> str:
    """The template id of a ladder stage code, agenda template name or alias.

    ``insistent_call@+3``-style codes map to ``insistent_call``.
    """
    if stage in STAGES:
        return stage
    base = stage.split("@", 1)[0]
    if base in STAGES:
        return base
    if base in STAGE_ALIASES:
        return STAGE_ALIASES[base]
    raise ValidationError("stage", _("Etapa desconocida: {stage}").format(stage=stage))


# Channels a message can take: the values of ``domain.customers.Channel`` (a visit
# uses the call script) plus SMS, which reuses the WhatsApp text.
CHANNELS: tuple[str, ...] = ("email", "whatsapp", "sms", "phone", "visit", "letter")

# The template parts of each channel: one file each, ``<part>.txt``.
CHANNEL_PARTS: dict[str, tuple[str, ...]] = {
    "email": ("email_subject", "email_body"),
    "whatsapp": ("whatsapp",),
    "sms": ("whatsapp",),
    "phone": ("call",),
    "call": ("call",),  # the collections ladder's former name of "phone"
    "visit": ("call",),
    "letter": ("letter",),
}

TEMPLATE_PARTS: tuple[str, ...] = ("email_subject", "email_body", "whatsapp", "call", "letter")
