"""Where the business's extension rule is kept: the setting ``penalties.extension_charges``
(absent: penalties start after the new date)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from cobranza_desktop.domain.extensions import ExtensionCharges
from cobranza_desktop.services.base.settings import read_setting, write_setting

EXTENSION_CHARGES_KEY = "penalties.extension_charges"


def load_extension_rule(session: Session) -> ExtensionCharges:
    raw = read_setting(session, EXTENSION_CHARGES_KEY)
    return ExtensionCharges.FROM_NEW_DATE if raw is None else ExtensionCharges.parse(raw)


def save_extension_rule(session: Session, rule: ExtensionCharges) -> None:
    write_setting(session, EXTENSION_CHARGES_KEY, rule.value)
