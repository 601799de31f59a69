"""Due-date extensions: what an agreed new date means for penalties and the ladder.

An extension really extends: late interest and fees start after the new date, and the
ladder starts again from it (its natural keys carry the due date). The business may
choose instead to charge penalties from the original due date, as some contracts say.
Aging keeps the invoice in the bucket of its original due date, marked "extended to".
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.i18n import _


class ExtensionCharges(StrEnum):
    """From which date an extended invoice accrues late fees and interest."""

    FROM_NEW_DATE = "new_date"
    FROM_ORIGINAL_DATE = "original_date"

    def label(self) -> str:
        return {
            ExtensionCharges.FROM_NEW_DATE: _("Desde la nueva fecha acordada"),
            ExtensionCharges.FROM_ORIGINAL_DATE: _("Desde el vencimiento original"),
        }[self]

    @classmethod
    def parse(cls, value: object) -> ExtensionCharges:
        try:
            return cls(str(value))
        except ValueError:
            raise ValidationError(
                "extension_charges",
                _("Regla de prórroga desconocida: «{value}».").format(value=value),
            ) from None


def penalty_due_date(original: date, extended_to: date | None, rule: ExtensionCharges) -> date:
    """The due date late fees and interest count from."""
    if extended_to is None or rule is ExtensionCharges.FROM_ORIGINAL_DATE:
        return original
    return max(original, extended_to)
