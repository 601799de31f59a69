"""The parts of the reminder composer (:mod:`cobranza_desktop.ui.dialogs.reminder_composer`).

Every part is still translated in the ``ReminderComposer`` context (with
``QCoreApplication.translate("ReminderComposer", ...)``), so the texts keep the
translations they had when the composer was one class.
"""
