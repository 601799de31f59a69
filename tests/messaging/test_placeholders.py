"""Merge fields in words for the composer's advanced mode: «Saldo adeudado» stands for
``{{ total_due }}``, and every shipped template reads back unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest

from cobranza_desktop.messaging.merge_fields import from_placeholders, to_placeholders

TEMPLATES = Path(__file__).resolve().parents[2] / "resources" / "templates"


def test_fields_read_as_words_and_code_stays_code() -> None:
    source = "Hola {{contact_name}}, {% if deadline %}antes del {{ deadline }}{% endif %} {{ x }}"
    shown = to_placeholders(source, "es")
    assert shown == (
        "Hola «Nombre del contacto», {% if deadline %}antes del «Fecha límite»{% endif %} {{ x }}"
    )
    assert to_placeholders("{{ total_due }}", "en") == "«Balance due»"
    assert from_placeholders(shown, "es") == (
        "Hola {{ contact_name }}, {% if deadline %}antes del {{ deadline }}{% endif %} {{ x }}"
    )
    # Guillemets the owner types around other words stay text.
    assert from_placeholders("«oferta» «Saldo adeudado»", "es") == "«oferta» {{ total_due }}"


@pytest.mark.parametrize(
    "path", sorted(TEMPLATES.rglob("*.txt")), ids=lambda p: str(p.relative_to(TEMPLATES))
)
def test_every_shipped_template_reads_back_unchanged(path: Path) -> None:
    language = path.relative_to(TEMPLATES).parts[0]
    source = path.read_text(encoding="utf-8")
    assert from_placeholders(to_placeholders(source, language), language) == source
