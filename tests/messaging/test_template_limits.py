"""Template limits (issue 11 §2): time, output size, loop steps and call depth.

Before these limits a recursive macro crashed even ``send --dry-run`` (RecursionError)
and nested loops hung the program.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.messaging.message_data import sample_message_data
from cobranza_desktop.messaging.sandbox import Limits
from cobranza_desktop.messaging.templates import (
    STAGES,
    TEMPLATE_PARTS,
    InvoiceLine,
    MessageData,
    TemplateLibrary,
    build_variables,
    check_for_saving,
    render_text,
)

RECURSIVE_MACRO = "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}"
NESTED_LOOPS = (
    "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}Hola"
)
LOOPS_OVER_A_FIELD = (
    "{% for a in customer_name %}{% for b in customer_name %}{% for c in customer_name %}"
    "{% for d in customer_name %}{% for e in customer_name %}{% endfor %}{% endfor %}"
    "{% endfor %}{% endfor %}{% endfor %}"
)
HUGE_OUTPUT = "{% for a in range(100000) %}{{ customer_name }} {% endfor %}"
HUGE_PRODUCT = "{{ customer_name * 100000000 }}"
HUGE_POWER = "{{ 10 ** 100000000 }}"
RECURSIVE_LOOP = "{% for x in [1] recursive %}{{ loop([1]) }}{% endfor %}"


def _variables() -> dict[str, object]:
    return build_variables(sample_message_data(), "es")


@pytest.mark.parametrize(
    ("source", "words"),
    [
        (RECURSIVE_MACRO, "se llama a sí misma"),
        (RECURSIVE_LOOP, "se llama a sí misma"),
        (NESTED_LOOPS, "repite demasiadas veces"),
        (LOOPS_OVER_A_FIELD, "repite demasiadas veces"),
        (HUGE_OUTPUT, "demasiado largo"),
        (HUGE_PRODUCT, "demasiado largo"),
        (HUGE_POWER, "demasiado largo"),
    ],
)
def test_a_runaway_template_is_a_clear_error_not_a_crash_or_a_hang(source: str, words: str) -> None:
    with pytest.raises(ValidationError) as caught:
        render_text(source, _variables(), "email_body")
    assert words in caught.value.message
    assert caught.value.field == "email_body"


def test_the_time_limit() -> None:
    # Plenty of steps allowed, almost no time: the clock is what stops it.
    limits = Limits(seconds=0.000_001, loop_steps=10_000_000)
    source = "{% for a in range(1000) %}{% for b in range(1000) %}{% endfor %}{% endfor %}"
    with pytest.raises(ValidationError) as caught:
        render_text(source, _variables(), "email_body", limits=limits)
    assert "tarda demasiado" in caught.value.message


def test_a_long_but_reasonable_message_still_renders() -> None:
    invoices = [
        InvoiceLine(f"A-{i}", date(2026, 1, 1), date(2026, 2, 1), Decimal("10.00"), Decimal("10"))
        for i in range(300)
    ]
    data = MessageData("Taller", "Cliente", date(2026, 3, 1), invoices=invoices)
    source = "{% for i in invoices %}{{ loop.index }}/{{ loop.length }} {{ i.folio }}\n{% endfor %}"
    text = render_text(source, build_variables(data, "es"), "email_body")
    assert text.splitlines()[-1] == "300/300 A-99"  # sorted by due date, then folio


@settings(max_examples=30, deadline=None)
@given(width=st.integers(min_value=0, max_value=4000))
def test_output_under_the_size_limit_is_kept_whole(width: int) -> None:
    source = "{% for i in range(" + str(width) + ") %}x{% endfor %}"
    text = render_text(source, _variables(), "email_body")
    assert text == ("x" * width + "\n" if width else "\n")


def test_every_shipped_template_can_be_saved() -> None:
    library = TemplateLibrary()
    for language in ("es", "en"):
        for stage in STAGES:
            for part in TEMPLATE_PARTS:
                check_for_saving(library.default_source(language, stage, part), part, language)


@pytest.mark.parametrize("source", [RECURSIVE_MACRO, NESTED_LOOPS, HUGE_OUTPUT])
def test_a_runaway_template_is_refused_when_saved(source: str) -> None:
    library = TemplateLibrary()
    with pytest.raises(ValidationError):
        library.set_override("es", "firm_reminder", "email_body", source)
    assert library.overrides() == {}


@pytest.mark.parametrize(
    "subject",
    [
        "Recordatorio\nBcc: todos@example.com",
        "Recordatorio\r{{ customer_name }}\r\n",
        "Pago pendiente\x00",
        "Pago\u2028pendiente",
    ],
)
def test_a_subject_template_with_a_line_break_or_control_character_is_refused(
    subject: str,
) -> None:
    library = TemplateLibrary()
    with pytest.raises(ValidationError) as caught:
        library.set_override("es", "firm_reminder", "email_subject", subject)
    assert "salto de línea o un carácter de control" in caught.value.message
    assert library.overrides() == {}


def test_a_subject_template_may_end_like_a_text_file() -> None:
    library = TemplateLibrary()
    library.set_override("es", "firm_reminder", "email_subject", "Pago de {{ folios }}\n")
    library.set_override("en", "firm_reminder", "email_subject", "Payment {{ folios }}\r\n")
    assert library.overrides()
    # A body, unlike a subject, has lines.
    library.set_override("es", "firm_reminder", "email_body", "Hola\n\nGracias\n")
