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
  refuses to be printed, again with a :class:`ValidationError` naming it;
* rendering has limits on time, output size, loop steps and call depth
  (:mod:`~cobranza_desktop.messaging.sandbox`): a template past them is refused
  with a :class:`ValidationError`, never a hang or a crash.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, NoReturn

from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError, meta
from jinja2.exceptions import SecurityError, UndefinedError

from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.messaging.merge_fields import MERGE_FIELDS
from cobranza_desktop.messaging.sandbox import (
    BUDGET_NAME,
    DEFAULT_LIMITS,
    Limit,
    LimitedEnvironment,
    Limits,
    TemplateLimitError,
    render_limited,
)


class _MissingField(StrictUndefined):
    """Undefined that is falsy in tests (``{% if x %}``) but refuses to be printed."""

    def __bool__(self) -> bool:  # type: ignore[override]
        return False


_UNDEFINED_NAME = re.compile(r"'([^']+)' is undefined|has no attribute '([^']+)'")


def _environment() -> LimitedEnvironment:
    return LimitedEnvironment(
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
    return sorted(_undeclared(ast) - MERGE_FIELDS.keys())


def _undeclared(ast: Any) -> set[str]:
    return set(meta.find_undeclared_variables(ast)) - {BUDGET_NAME}


def check_template(source: str, part: str = "template") -> None:
    """Refuse a template with a syntax error or an unknown field.

    Raises :class:`ValidationError` whose ``field`` is the unknown name (or
    ``part`` for a syntax error) and whose message names it and says what to do.
    """
    try:
        ast = _ENV.parse(source)
    except TemplateSyntaxError as exc:
        _syntax_error(exc, part)
    unknown = sorted(_undeclared(ast) - MERGE_FIELDS.keys())
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


def limit_message(exc: TemplateLimitError) -> str:
    """What a person is told about a template past one of its limits."""
    limits = exc.limits
    if exc.limit == Limit.TIME:
        return _(
            "La plantilla tarda demasiado en aplicarse (más de {seconds:g} s): revise sus ciclos."
        ).format(seconds=limits.seconds)
    if exc.limit == Limit.SIZE:
        size = limits.output_chars // 1000
        return _("La plantilla produce un texto demasiado largo (más de {size} kB).").format(
            size=size
        )
    if exc.limit == Limit.DEPTH:
        return _(
            "La plantilla se llama a sí misma demasiadas veces (más de {call_depth} niveles): "
            "revise sus macros."
        ).format(call_depth=limits.call_depth)
    return _(
        "La plantilla repite demasiadas veces (más de {loop_steps} vueltas): revise sus ciclos "
        "anidados."
    ).format(loop_steps=limits.loop_steps)


def render_text(
    source: str,
    variables: Mapping[str, Any],
    part: str = "template",
    *,
    limits: Limits = DEFAULT_LIMITS,
) -> str:
    """Render one template text with the merge fields. Never returns a silent blank.

    Raises :class:`ValidationError` on an unknown field, a syntax error, a field
    with no value for this message, anything the sandbox refuses, or a render past
    its ``limits`` (time, size, loop steps, call depth).
    """
    check_template(source, part)
    try:
        text = render_limited(_ENV, source, variables, limits)
    except TemplateLimitError as exc:
        raise ValidationError(part, limit_message(exc)) from exc
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
# A field ending in a period («S.A. de C.V.») before the template's own period.
_DOUBLE_PERIOD = re.compile(r"(?<!\.)\.\.(?!\.)")


def _tidy(text: str) -> str:
    """No trailing spaces, no runs of blank lines left by optional blocks."""
    lines = [line.rstrip() for line in text.strip().splitlines()]
    text = _DOUBLE_PERIOD.sub(".", "\n".join(lines))
    return _BLANK_RUN.sub("\n\n", text) + "\n"
