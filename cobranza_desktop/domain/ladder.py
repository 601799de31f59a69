"""The escalation ladder: what to do about an invoice, and when, by days past due.

The default follows the seed texts: a friendly reminder a week before the due date;
the day after, a reminder by phone; two days after, a call asking the reason; then a
firm reminder, a penalty warning with amounts, the penalty and a notice letter,
partial restriction, suspension, and at 90 days the agency or legal and no more credit.

Chronic late payers follow the *insistent* track ("ser insistente"): a call a week
before the due date and, after it, a call every two days mentioning the penalties,
besides the escalation stages.

The ladder is data: it is stored in the settings as JSON and can be edited.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from cobranza_desktop.domain.contact_policy import Channel
from cobranza_desktop.domain.customer_status import CustomerStatus
from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.i18n import _, localized


class Track(StrEnum):
    STANDARD = "standard"
    INSISTENT = "insistent"


@dataclass(frozen=True)
class Stage:
    """One rung of the ladder. ``offset_days`` is relative to the due date (−7 = a week before)."""

    code: str
    offset_days: int
    channel: Channel
    template: str
    label_es: str
    label_en: str
    mentions_penalty: bool = False
    applies_penalty: bool = False
    # The status the customer moves to when the action is done (None: no change).
    sets_status: CustomerStatus | None = None

    def label(self) -> str:
        # The ladder is stored in the book with a label in each language: data, not
        # program text, so it is not in the catalogue.
        return localized(self.label_es, self.label_en)

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "offset_days": self.offset_days,
            "channel": self.channel.value,
            "template": self.template,
            "label_es": self.label_es,
            "label_en": self.label_en,
            "mentions_penalty": self.mentions_penalty,
            "applies_penalty": self.applies_penalty,
            "sets_status": self.sets_status.value if self.sets_status else None,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Stage:
        try:
            status = data.get("sets_status")
            return cls(
                code=str(data["code"]),
                offset_days=int(data["offset_days"]),
                channel=Channel(str(data["channel"])),
                template=str(data.get("template", data["code"])),
                label_es=str(data.get("label_es", data["code"])),
                label_en=str(data.get("label_en", data.get("label_es", data["code"]))),
                mentions_penalty=bool(data.get("mentions_penalty", False)),
                applies_penalty=bool(data.get("applies_penalty", False)),
                sets_status=CustomerStatus(str(status)) if status else None,
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ValidationError(
                "ladder",
                _("Etapa de cobranza no válida: {exc}").format(exc=exc),
            ) from None


INSISTENT_PREFIX = "insistent_call"


def insistent_code(offset: int) -> str:
    """The stage code of an insistent call, e.g. ``insistent_call@+3``."""
    return f"{INSISTENT_PREFIX}@{offset:+d}"


@dataclass(frozen=True)
class InsistentTrack:
    """A call ``pre_due_days`` before due, then one every ``interval_days`` until ``until_days``."""

    pre_due_days: int = 7
    interval_days: int = 2
    until_days: int = 30
    channel: Channel = Channel.PHONE

    def offsets(self) -> list[int]:
        return [-self.pre_due_days, *range(1, self.until_days, self.interval_days)]

    def to_dict(self) -> dict[str, Any]:
        return {
            "pre_due_days": self.pre_due_days,
            "interval_days": self.interval_days,
            "until_days": self.until_days,
            "channel": self.channel.value,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> InsistentTrack:
        try:
            track = cls(
                pre_due_days=int(data.get("pre_due_days", 7)),
                interval_days=int(data.get("interval_days", 2)),
                until_days=int(data.get("until_days", 30)),
                channel=Channel(str(data.get("channel", "phone"))),
            )
        except (TypeError, ValueError) as exc:
            raise ValidationError(
                "ladder",
                _("Ritmo insistente no válido: {exc}").format(exc=exc),
            ) from None
        if track.interval_days < 1 or track.pre_due_days < 0:
            raise ValidationError(
                "ladder",
                _("El intervalo insistente debe ser de al menos 1 día."),
            )
        return track


@dataclass(frozen=True)
class Ladder:
    stages: tuple[Stage, ...]
    insistent: InsistentTrack = field(default_factory=InsistentTrack)
    _tracks: dict[Track, tuple[Stage, ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    # due_stage() by (track, days): asked for every open invoice of the agenda.
    _due: dict[tuple[Track, int], Stage | None] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        if not self.stages:
            raise ValidationError(
                "ladder",
                _("La escalera necesita al menos una etapa."),
            )
        codes = [s.code for s in self.stages]
        if len(set(codes)) != len(codes):
            raise ValidationError("ladder", _("Hay etapas con el mismo código."))
        offsets = [s.offset_days for s in self.stages]
        if len(set(offsets)) != len(offsets):
            raise ValidationError("ladder", _("Hay dos etapas el mismo día."))
        if any(c.startswith(INSISTENT_PREFIX) or c == "confirm_receipt" for c in codes):
            raise ValidationError(
                "ladder",
                _("Ese código de etapa está reservado."),
            )
        object.__setattr__(self, "stages", tuple(sorted(self.stages, key=lambda s: s.offset_days)))

    def stage(self, code: str) -> Stage:
        for stage in self.track_stages(Track.INSISTENT):
            if stage.code == code:
                return stage
        raise ValidationError("stage", _("Etapa desconocida: {code}").format(code=code))

    def track_stages(self, track: Track) -> tuple[Stage, ...]:
        """The stages of a track in order of offset (computed once per ladder)."""
        cached = self._tracks.get(track)
        if cached is None:
            cached = self._tracks[track] = self._build_track(track)
        return cached

    def _build_track(self, track: Track) -> tuple[Stage, ...]:
        if track == Track.STANDARD:
            return self.stages
        low, high = -self.insistent.pre_due_days, self.insistent.until_days
        merged: dict[int, Stage] = {}
        for stage in self.stages:
            if low <= stage.offset_days < high and not stage.applies_penalty:
                # The scheduled stage stays, but by phone and mentioning the penalties.
                stage = replace(stage, channel=self.insistent.channel, mentions_penalty=True)
            merged[stage.offset_days] = stage
        for offset in self.insistent.offsets():
            if offset in merged:
                continue
            merged[offset] = Stage(
                code=insistent_code(offset),
                offset_days=offset,
                channel=self.insistent.channel,
                template="insistent_call",
                label_es="Llamada insistente (mencionar recargos)",
                label_en="Insistent call (mention penalties)",
                mentions_penalty=True,
            )
        return tuple(merged[o] for o in sorted(merged))

    def due_stage(self, days_past_due: int, track: Track = Track.STANDARD) -> Stage | None:
        """The most advanced stage whose day has come (catching up fires only this one)."""
        key = (track, days_past_due)
        if key in self._due:
            return self._due[key]
        found: Stage | None = None
        for stage in self.track_stages(track):
            if stage.offset_days <= days_past_due:
                found = stage
            else:
                break
        self._due[key] = found
        return found

    def to_dict(self) -> dict[str, Any]:
        return {
            "stages": [s.to_dict() for s in self.stages],
            "insistent": self.insistent.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Ladder:
        raw = data.get("stages")
        if not isinstance(raw, Sequence) or isinstance(raw, str):
            raise ValidationError("ladder", _("La escalera no tiene etapas."))
        return cls(
            stages=tuple(Stage.from_dict(s) for s in raw),
            insistent=InsistentTrack.from_dict(data.get("insistent") or {}),
        )


DEFAULT_STAGES: tuple[Stage, ...] = (
    Stage(
        "friendly_reminder", -7, Channel.EMAIL, "friendly_reminder",
        "Recordatorio amable (vence en una semana)", "Friendly reminder (due in a week)",
    ),
    Stage(
        "phone_reminder", 1, Channel.PHONE, "overdue_reminder",
        "Recordatorio por teléfono", "Reminder by phone",
    ),
    Stage(
        "ask_reason_call", 2, Channel.PHONE, "ask_reason",
        "Llamar y preguntar el motivo", "Call and ask the reason",
    ),
    Stage(
        "firm_reminder", 7, Channel.EMAIL, "firm_reminder",
        "Recordatorio firme", "Firm reminder",
    ),
    Stage(
        "penalty_warning", 15, Channel.EMAIL, "penalty_warning",
        "Aviso de recargos (con montos)", "Penalty warning (with amounts)",
        mentions_penalty=True,
    ),
    Stage(
        "penalty_notice", 30, Channel.LETTER, "penalty_notice",
        "Recargo aplicado y carta de aviso", "Penalty applied and notice letter",
        mentions_penalty=True, applies_penalty=True,
    ),
    Stage(
        "partial_restriction", 45, Channel.LETTER, "restriction_notice",
        "Restricción parcial del servicio", "Partial restriction of service",
        mentions_penalty=True, sets_status=CustomerStatus.RESTRICTED,
    ),
    Stage(
        "suspension", 60, Channel.LETTER, "suspension_notice",
        "Suspensión del servicio", "Suspension of service",
        mentions_penalty=True, sets_status=CustomerStatus.SUSPENDED,
    ),
    Stage(
        "agency_legal", 90, Channel.LETTER, "agency_notice",
        "Pasar a agencia o abogado; sin crédito nuevo", "Hand to agency or legal; no new credit",
        mentions_penalty=True, sets_status=CustomerStatus.BLOCKED,
    ),
)  # fmt: skip

DEFAULT_LADDER = Ladder(DEFAULT_STAGES)

# After the sale, check that the invoice arrived and its details are right, so that
# "the invoice never came" is no excuse. Counted from the issue date (not the due date),
# once per invoice, skipped once it is paid; not part of the editable ladder.
CONFIRM_RECEIPT_STAGE = Stage(
    "confirm_receipt", 2, Channel.WHATSAPP, "confirm_receipt",
    "Confirmar que recibió la factura", "Confirm the invoice arrived",
)  # fmt: skip
# How long after issue the confirmation is still proposed (an old book is not flooded).
CONFIRM_RECEIPT_WINDOW_DAYS = 30
