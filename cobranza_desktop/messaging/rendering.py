"""Rendering and validation of template texts in Jinja2's sandbox.

Templates are plain text rendered with Jinja2's :class:`SandboxedEnvironment`, so a
template edited by the user can neither reach Python internals nor leave a field
silently empty:

* before rendering, every name the template uses is checked against
  :data:`MERGE_FIELDS`; an unknown or misspelled name is refused with a
  :class:`ValidationError` whose ``field`` is that name (and the closest known
  name as a suggestion);
* at render time a known field that has no value for this message (for example
  ``penalty_amount`` when no penalty was applied) is *falsy* in ``{% if %}`` but
  refuses to be printed, again with a :class:`ValidationError` naming it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, NoReturn

from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError, meta
from jinja2.exceptions import SecurityError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment

from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.messaging.merge_fields import MERGE_FIELDS


class _MissingField(StrictUndefined):
    """Undefined that is falsy in tests (``{% if x %}``) but refuses to be printed."""

    def __bool__(self) -> bool:  # type: ignore[override]
        return False


_UNDEFINED_NAME = re.compile(r"'([^']+)' is undefined|has no attribute '([^']+)'")


def _environment() -> SandboxedEnvironment:
    return SandboxedEnvironment(
        undefined=_MissingField,
        autoescape=False,
        trim_blocks=False,
        lstrip_blocks=False,
        keep_trailing_newline=False,
    )


_ENV = _environment()


def _syntax_error(exc: TemplateSyntaxError, part: str) -> NoReturn:
    raise ValidationError(
        part,
        _("La plantilla tiene un error en la línea {lineno}: {message}").format(
            lineno=exc.lineno, message=exc.message
        ),
    ) from exc


def unknown_fields(source: str) -> list[str]:
    """The names a template uses that are not merge fields (sorted)."""
    try:
        ast = _ENV.parse(source)
    except TemplateSyntaxError as exc:
        _syntax_error(exc, "template")
    return sorted(meta.find_undeclared_variables(ast) - MERGE_FIELDS.keys())


def check_template(source: str, part: str = "template") -> None:
    """Refuse a template with a syntax error or an unknown field.

    Raises :class:`ValidationError` whose ``field`` is the unknown name (or
    ``part`` for a syntax error) and whose message names it and says what to do.
    """
    try:
        ast = _ENV.parse(source)
    except TemplateSyntaxError as exc:
        _syntax_error(exc, part)
    unknown = sorted(meta.find_undeclared_variables(ast) - MERGE_FIELDS.keys())
    if unknown:
        name = unknown[0]
        suggestion = _closest(name)
        hint = (
            _(" ¿Quiso decir «{suggestion}»?").format(suggestion=suggestion) if suggestion else ""
        )
        others = ", ".join(unknown[1:])
        more = _(" (también: {others})").format(others=others) if others else ""
        raise ValidationError(
            name,
            _("El campo «{name}» no existe{more}.{hint}").format(name=name, more=more, hint=hint),
        )


def _closest(name: str) -> str | None:
    import difflib

    matches = difflib.get_close_matches(name, list(MERGE_FIELDS), n=1, cutoff=0.6)
    return matches[0] if matches else None


def render_text(source: str, variables: Mapping[str, Any], part: str = "template") -> str:
    """Render one template text with the merge fields. Never returns a silent blank.

    Raises :class:`ValidationError` on an unknown field, a syntax error, a field
    with no value for this message, or anything the sandbox refuses.
    """
    check_template(source, part)
    try:
        template = _ENV.from_string(source)
        text = template.render(dict(variables))
    except UndefinedError as exc:
        match = _UNDEFINED_NAME.search(str(exc.message or ""))
        name = next((g for g in match.groups() if g), part) if match else part
        raise ValidationError(
            name,
            _(
                "El campo «{name}» no tiene valor para este mensaje. Use {{% if {name} %}} … "
                "{{% endif %}} o quítelo."
            ).format(name=name),
        ) from exc
    except SecurityError as exc:
        raise ValidationError(
            part,
            _("La plantilla intenta una operación no permitida: {exc}").format(exc=exc),
        ) from exc
    except TemplateError as exc:
        raise ValidationError(
            part, _("No se pudo aplicar la plantilla: {exc}").format(exc=exc)
        ) from exc
    except (TypeError, ValueError, ArithmeticError, LookupError) as exc:
        raise ValidationError(
            part, _("No se pudo aplicar la plantilla: {exc}").format(exc=exc)
        ) from exc
    return _tidy(text)


_BLANK_RUN = re.compile(r"\n{3,}")


def _tidy(text: str) -> str:
    """No trailing spaces, no runs of blank lines left by optional blocks."""
    lines = [line.rstrip() for line in text.strip().splitlines()]
    return _BLANK_RUN.sub("\n\n", "\n".join(lines)) + "\n"
