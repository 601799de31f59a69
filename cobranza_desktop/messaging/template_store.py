"""The template store: the shipped templates, the user's stored edits, restore,
and rendering the message of a stage and channel.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.i18n import _, current_language
from cobranza_desktop.messaging.email import check_header_text
from cobranza_desktop.messaging.message_data import (
    MessageData,
    build_variables,
    sample_message_data,
)
from cobranza_desktop.messaging.rendering import check_template, render_text
from cobranza_desktop.messaging.stages import CHANNEL_PARTS, TEMPLATE_PARTS, template_for

DEFAULT_TEMPLATE_DIR = Path(__file__).resolve().parents[2] / "resources" / "templates"


@dataclass(frozen=True)
class RenderedMessage:
    stage: str
    channel: str
    language: str
    subject: str
    body: str


def _check_key(language: str, stage: str, part: str) -> str:
    """Validate a template key; returns the stage's template id."""
    if language not in ("es", "en"):
        raise ValidationError("language", _("Idioma no disponible."))
    if part not in TEMPLATE_PARTS:
        raise ValidationError("part", _("Parte desconocida: {part}").format(part=part))
    return template_for(stage)


def check_for_saving(text: str, part: str, language: str = "es") -> None:
    """Refuse a template that could not be sent: syntax, unknown fields, a subject
    with a line break or control character, or a render past its limits (time,
    size, loops, depth) on sample data with every field filled in."""
    check_template(text, part)
    if part == "email_subject":
        # One trailing line end is how a text file ends; any other one is in the subject.
        check_header_text(
            text.removesuffix("\n").removesuffix("\r"),
            part,
            _("La plantilla del asunto"),
        )
    render_text(text, build_variables(sample_message_data(), language), part)


def override_key(language: str, stage: str, part: str) -> str:
    """The settings key under which a user's edited template is stored."""
    return f"templates.{language}.{stage}.{part}"


class TemplateLibrary:
    """The default templates shipped in ``resources/templates``, plus user overrides.

    ``overrides`` maps :func:`override_key` keys to edited texts; a service loads
    them from the settings table and saves new ones after :func:`check_template`.
    """

    def __init__(
        self,
        directory: Path | None = None,
        overrides: Mapping[str, str] | None = None,
    ) -> None:
        self.directory = directory or DEFAULT_TEMPLATE_DIR
        self._overrides = dict(overrides or {})

    def default_source(self, language: str, stage: str, part: str) -> str:
        stage = _check_key(language, stage, part)
        path = self.directory / language / stage / f"{part}.txt"
        try:
            return path.read_text(encoding="utf-8")
        except OSError as exc:
            raise ValidationError(
                part,
                _("No se encontró la plantilla {language}/{stage}/{part}.").format(
                    language=language, stage=stage, part=part
                ),
            ) from exc

    def source(self, language: str, stage: str, part: str) -> str:
        stage = _check_key(language, stage, part)
        return self._overrides.get(override_key(language, stage, part)) or self.default_source(
            language, stage, part
        )

    def set_override(self, language: str, stage: str, part: str, text: str | None) -> None:
        """Replace (or with ``None``, restore) one template. Bad templates are refused."""
        stage = _check_key(language, stage, part)
        key = override_key(language, stage, part)
        if text is None:
            self._overrides.pop(key, None)
            return
        check_for_saving(text, part, language)
        self._overrides[key] = text

    def overrides(self) -> dict[str, str]:
        return dict(self._overrides)

    def render(
        self,
        stage: str,
        channel: str,
        data: MessageData,
        language: str | None = None,
        *,
        body_source: str | None = None,
        subject_source: str | None = None,
    ) -> RenderedMessage:
        """Render the message of a stage and channel; ``*_source`` replace the texts."""
        lang = language or current_language()
        stage = template_for(stage)
        if channel not in CHANNEL_PARTS:
            raise ValidationError(
                "channel", _("Canal desconocido: {channel}").format(channel=channel)
            )
        parts = CHANNEL_PARTS[channel]
        body_part = parts[-1]
        variables = build_variables(data, lang)
        body = render_text(
            body_source if body_source is not None else self.source(lang, stage, body_part),
            variables,
            body_part,
        )
        subject = ""
        if channel == "email":
            subject = render_text(
                subject_source
                if subject_source is not None
                else self.source(lang, stage, "email_subject"),
                variables,
                "email_subject",
            )
            subject = " ".join(subject.split())
        return RenderedMessage(stage, channel, lang, subject, body)
