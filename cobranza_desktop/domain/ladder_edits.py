"""Editing the escalation ladder: adding and removing stages, and the rules an edited
ladder must keep (the settings tab and ``cobranza ladder`` share them).

- at least one stage;
- days strictly increasing once in order (no two stages on one day): the tab may list
  them in any order while they are edited, the ladder keeps them by day;
- no two stages with the same action (the same label, letter case and spaces aside).

A removed stage leaves the actions already logged under its code in the log; the agenda
simply no longer proposes it (see ``tests/scenarios/test_ladder_stage_removed.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from cobranza_desktop.domain.contact_policy import Channel
from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.domain.ladder import Ladder, Stage

MIN_DAY = -60
MAX_DAY = 365
CUSTOM_PREFIX = "custom_"
# The message a new stage sends, by channel, until the business edits its templates.
_TEMPLATE_BY_CHANNEL = {Channel.PHONE: "ask_reason", Channel.VISIT: "ask_reason"}


def _action_key(label: str) -> str:
    return " ".join(label.split()).casefold()


def check_stage_rows(days: Sequence[int], labels: Sequence[str]) -> None:
    """Refuse a list of stages that breaks one of the rules (field ``ladder``, with the
    stage's number in the message)."""
    if not days:
        raise ValidationError("ladder", _("La escalera necesita al menos una etapa."))
    for index, day in enumerate(days):
        if not MIN_DAY <= day <= MAX_DAY:
            raise ValidationError(
                "ladder",
                _("Etapa {n}: el día debe estar entre {low} y {high}.").format(
                    n=index + 1, low=MIN_DAY, high=MAX_DAY
                ),
            )
    # Stages are kept in order of day: listed in any order, their days, sorted, must
    # strictly increase (two stages on one day would be one contact proposed twice).
    order = sorted(range(len(days)), key=lambda i: (days[i], i))
    for before, after in pairwise(order):
        if days[before] == days[after]:
            raise ValidationError(
                "ladder",
                _(
                    "Etapas {a} y {b}: las dos el día {day}; cada etapa va en un día distinto."
                ).format(a=min(before, after) + 1, b=max(before, after) + 1, day=days[after]),
            )
    seen: dict[str, int] = {}
    for index, label in enumerate(labels):
        key = _action_key(label)
        if not key:
            raise ValidationError("ladder", _("Etapa {n}: escriba la acción.").format(n=index + 1))
        if key in seen:
            raise ValidationError(
                "ladder",
                _("Etapa {n}: la acción «{label}» ya es la de la etapa {other}.").format(
                    n=index + 1, label=" ".join(label.split()), other=seen[key] + 1
                ),
            )
        seen[key] = index


def checked_ladder(ladder: Ladder) -> Ladder:
    """The ladder, if it keeps the rules (its stages are kept in order of day)."""
    check_stage_rows([s.offset_days for s in ladder.stages], [s.label_es for s in ladder.stages])
    check_stage_rows([s.offset_days for s in ladder.stages], [s.label_en for s in ladder.stages])
    return ladder


def new_code(stages: Sequence[Stage]) -> str:
    """A code no stage has: ``custom_1``, ``custom_2``…"""
    taken = {s.code for s in stages}
    number = 1
    while f"{CUSTOM_PREFIX}{number}" in taken:
        number += 1
    return f"{CUSTOM_PREFIX}{number}"


def new_stage(stages: Sequence[Stage], day: int, channel: Channel, label: str) -> Stage:
    """A stage added by the business: the same label in both languages until edited."""
    text = " ".join(label.split())
    return Stage(
        code=new_code(stages),
        offset_days=day,
        channel=channel,
        template=_TEMPLATE_BY_CHANNEL.get(channel, "firm_reminder"),
        label_es=text,
        label_en=text,
        mentions_penalty=day > 0,
    )


def add_stage(ladder: Ladder, day: int, channel: Channel | str, label: str) -> Ladder:
    """The ladder with a new stage on ``day`` (anywhere: stages are kept in order of day)."""
    stage = new_stage(ladder.stages, day, Channel(channel), label)
    if any(s.offset_days == day for s in ladder.stages):
        raise ValidationError("ladder", _("Ya hay una etapa el día {day}.").format(day=day))
    return checked_ladder(Ladder((*ladder.stages, stage), ladder.insistent))


def remove_stage(ladder: Ladder, code: str) -> Ladder:
    """The ladder without the stage ``code``; the last stage cannot be removed."""
    kept = tuple(s for s in ladder.stages if s.code != code)
    if len(kept) == len(ladder.stages):
        raise ValidationError("stage", _("Etapa desconocida: {code}").format(code=code))
    if not kept:
        raise ValidationError("ladder", _("La escalera necesita al menos una etapa."))
    return Ladder(kept, ladder.insistent)


def default_new_day(stages: Sequence[Stage]) -> int:
    """Where the tab puts a new stage: a week after the last one (within the limit)."""
    last = max((s.offset_days for s in stages), default=0)
    return min(last + 7, MAX_DAY)
