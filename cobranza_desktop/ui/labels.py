"""Readable names shown in more than one place (composer, template editor).

A leaf module: widgets and dialogs both take their labels from here, so that no
widget imports a dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def stage_label(stage: str) -> str:
    """The readable name of a template stage, translated."""
    # Written out in full (not through a helper) so that lupdate collects each string.
    labels = {
        "friendly_reminder": QCoreApplication.translate(
            "ReminderStages", "Recordatorio amable (antes de vencer)"
        ),
        "overdue_reminder": QCoreApplication.translate(
            "ReminderStages", "Recordatorio de pago vencido"
        ),
        "ask_reason": QCoreApplication.translate(
            "ReminderStages", "Preguntar el motivo del atraso"
        ),
        "firm_reminder": QCoreApplication.translate("ReminderStages", "Recordatorio firme"),
        "penalty_warning": QCoreApplication.translate("ReminderStages", "Aviso de recargos"),
        "penalty_notice": QCoreApplication.translate("ReminderStages", "Recargo aplicado"),
        "restriction_notice": QCoreApplication.translate(
            "ReminderStages", "Restricción parcial del servicio"
        ),
        "suspension_notice": QCoreApplication.translate(
            "ReminderStages", "Suspensión del servicio"
        ),
        "agency_notice": QCoreApplication.translate(
            "ReminderStages", "Último aviso antes de agencia"
        ),
        "insistent_call": QCoreApplication.translate("ReminderStages", "Seguimiento cercano"),
        "instalment_reminder": QCoreApplication.translate(
            "ReminderStages", "Pago del convenio (próximo)"
        ),
        "instalment_overdue": QCoreApplication.translate(
            "ReminderStages", "Pago del convenio vencido"
        ),
        "broken_promise": QCoreApplication.translate("ReminderStages", "Promesa incumplida"),
        "thank_you": QCoreApplication.translate("ReminderStages", "Agradecimiento por el pago"),
    }
    return labels.get(stage, stage)
