from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.i18n import set_language
from cobranza_desktop.messaging.templates import (
    CHANNELS,
    MERGE_FIELDS,
    STAGES,
    TEMPLATE_PARTS,
    InvoiceLine,
    MessageData,
    PaymentData,
    TemplateLibrary,
    build_variables,
    check_template,
    describe_fields,
    render_text,
    suggest_stage,
    template_for,
    unknown_fields,
)


def _data(**changes: object) -> MessageData:
    base: dict[str, object] = dict(
        business_name="Taller Ramírez",
        customer_name="Abarrotes Lupita",
        contact_name="Guadalupe Pérez",
        today=date(2026, 11, 22),
        invoices=[
            InvoiceLine(
                "A-107", date(2026, 10, 1), date(2026, 11, 1), Decimal("800"), Decimal("800")
            ),
            InvoiceLine(
                "A-101", date(2026, 9, 1), date(2026, 10, 1), Decimal("1500"), Decimal("1200.50")
            ),
        ],
        payment=PaymentData("BBVA", "012180001234567891", "Taller Ramírez SA de CV"),
    )
    base.update(changes)
    return MessageData(**base)  # type: ignore[arg-type]


def test_every_stage_part_and_language_ships_and_renders() -> None:
    library = TemplateLibrary()
    data = _data(penalty_amount=Decimal("150.00"), new_instalment_amount=Decimal("950.00"))
    for language in ("es", "en"):
        for stage in STAGES:
            for part in TEMPLATE_PARTS:
                source = library.default_source(language, stage, part)
                assert source.strip(), (language, stage, part)
                check_template(source, part)
            for channel in CHANNELS:
                message = library.render(stage, channel, data, language)
                assert "Guadalupe Pérez" in message.body
                assert "{{" not in message.body and "{%" not in message.body
                assert "\n\n\n" not in message.body
                if channel == "email":
                    assert message.subject and "\n" not in message.subject
                else:
                    assert message.subject == ""


def test_default_templates_carry_amounts_and_payment_data() -> None:
    library = TemplateLibrary()
    data = _data(penalty_amount=Decimal("150.00"), new_instalment_amount=Decimal("950.00"))
    msg = library.render("penalty_warning", "email", data, "es")
    assert "$2,000.50" in msg.body  # total of both balances
    assert "$150.00" in msg.body
    assert "$2,150.50" in msg.body  # with the penalty
    assert "$950.00" in msg.body
    assert "012180001234567891" in msg.body
    assert "BBVA" in msg.body
    assert "52 días" in msg.body  # oldest invoice
    # the oldest invoice is listed first, with its formatted due date
    assert msg.body.index("A-101") < msg.body.index("A-107")
    assert "01/10/2026" in msg.body


def test_optional_block_is_left_out_when_no_penalty_is_known() -> None:
    msg = TemplateLibrary().render("penalty_warning", "email", _data(), "es")
    assert "se aplicarán los cargos por pago tardío" in msg.body
    assert "ascendería" not in msg.body


def test_english_texts_use_english_formats() -> None:
    msg = TemplateLibrary().render("overdue_reminder", "email", _data(), "en")
    assert msg.subject == "Payment reminder — Taller Ramírez"
    assert "10/01/2026" in msg.body  # MM/dd/yyyy
    assert "Dear Guadalupe Pérez" in msg.body


def test_contact_name_falls_back_to_customer_name() -> None:
    variables = build_variables(_data(contact_name=""), "es")
    assert variables["contact_name"] == "Abarrotes Lupita"


def test_every_documented_field_has_a_value_or_is_optional() -> None:
    data = _data(
        penalty_amount=Decimal("1"),
        new_instalment_amount=Decimal("2"),
        amount_paid=Decimal("3"),
        remaining_balance=Decimal("4"),
        restricted_services="Soporte",
        deadline=date(2026, 12, 1),
        payment_reference="REF-1",
        instalment_number=1,
        instalment_amount=Decimal("5"),
        instalment_due_date=date(2026, 12, 2),
        promised_amount=Decimal("6"),
        promised_date=date(2026, 12, 3),
    )
    assert set(build_variables(data, "es")) == set(MERGE_FIELDS)
    assert {name for name, _ in describe_fields("en")} == set(MERGE_FIELDS)


def test_unknown_field_is_refused_naming_it() -> None:
    with pytest.raises(ValidationError) as caught:
        render_text("Hola {{ custmer_name }}, debe {{ total_due }}", build_variables(_data()))
    assert caught.value.field == "custmer_name"
    assert "custmer_name" in caught.value.message
    assert "customer_name" in caught.value.message  # the suggestion


def test_unknown_field_in_english_message() -> None:
    set_language("en")
    with pytest.raises(ValidationError) as caught:
        check_template("{% if foo %}x{% endif %}{{ bar }}")
    assert caught.value.field == "bar"
    assert "does not exist" in caught.value.message
    assert "foo" in caught.value.message


def test_unknown_fields_lists_them_all() -> None:
    assert unknown_fields(
        "{{ a }} {{ customer_name }} {% for x in invoices %}{{ x.folio }}{% endfor %} {{ b }}"
    ) == ["a", "b"]


def test_misspelled_invoice_attribute_is_refused_at_render_time() -> None:
    source = "{% for inv in invoices %}{{ inv.folioo }}{% endfor %}"
    check_template(source)  # statically fine: attribute names are checked at render time
    with pytest.raises(ValidationError) as caught:
        render_text(source, build_variables(_data()))
    assert caught.value.field == "folioo"


def test_known_field_without_value_is_refused_not_blank() -> None:
    with pytest.raises(ValidationError) as caught:
        render_text("Cargo: {{ penalty_amount }}", build_variables(_data()))
    assert caught.value.field == "penalty_amount"
    assert "no tiene valor" in caught.value.message
    # but it may be tested
    assert (
        render_text("{% if penalty_amount %}x{% else %}y{% endif %}", build_variables(_data()))
        == "y\n"
    )


def test_syntax_error_is_a_validation_error_with_the_line() -> None:
    with pytest.raises(ValidationError) as caught:
        render_text("Hola\n{{ customer_name ", build_variables(_data()))
    assert "línea 2" in caught.value.message


def test_sandbox_refuses_python_internals() -> None:
    with pytest.raises(ValidationError):
        render_text("{{ customer_name.__class__.__mro__ }}", build_variables(_data()))
    with pytest.raises(ValidationError):
        render_text("{{ invoices.__class__.__init__.__globals__ }}", build_variables(_data()))


def test_override_replaces_default_and_bad_override_is_refused(tmp_path: Path) -> None:
    library = TemplateLibrary()
    library.set_override("es", "thank_you", "whatsapp", "Gracias {{ contact_name }}.")
    assert (
        library.render("thank_you", "whatsapp", _data(), "es").body == "Gracias Guadalupe Pérez.\n"
    )
    with pytest.raises(ValidationError):
        library.set_override("es", "thank_you", "whatsapp", "Gracias {{ nombre }}.")
    assert library.overrides() == {"templates.es.thank_you.whatsapp": "Gracias {{ contact_name }}."}
    library.set_override("es", "thank_you", "whatsapp", None)
    assert "🙏" in library.render("thank_you", "whatsapp", _data(), "es").body


def test_ladder_stage_codes_and_aliases_resolve_to_templates() -> None:
    assert template_for("phone_reminder") == "overdue_reminder"
    assert template_for("insistent_call@+3") == "insistent_call"
    assert template_for("lift_restriction") == "thank_you"
    assert template_for("penalty_applied") == "penalty_notice"
    library = TemplateLibrary()
    assert (
        library.render("agency_legal", "email", _data(), "es").body
        == library.render("agency_notice", "email", _data(), "es").body
    )


def test_suggest_stage_follows_the_default_ladder() -> None:
    expected = {
        -7: "friendly_reminder",
        0: "friendly_reminder",
        1: "overdue_reminder",
        2: "ask_reason",
        6: "ask_reason",
        7: "firm_reminder",
        15: "penalty_warning",
        30: "penalty_notice",
        45: "restriction_notice",
        60: "suspension_notice",
        89: "suspension_notice",
        90: "agency_notice",
        400: "agency_notice",
    }
    assert {days: suggest_stage(days) for days in expected} == expected


def test_plan_and_promise_fields() -> None:
    data = _data(
        instalment_number=3,
        instalment_amount=Decimal("1250.00"),
        instalment_due_date=date(2026, 12, 5),
        promised_amount=Decimal("500.00"),
        promised_date=date(2026, 11, 20),
    )
    library = TemplateLibrary()
    reminder = library.render("instalment_reminder", "whatsapp", data, "es").body
    assert "pago 3" in reminder and "$1,250.00" in reminder and "05/12/2026" in reminder
    broken = library.render("broken_promise", "email", data, "es").body
    assert "$500.00" in broken and "20/11/2026" in broken


def test_unknown_stage_or_channel_is_a_validation_error() -> None:
    library = TemplateLibrary()
    with pytest.raises(ValidationError):
        library.render("nope", "email", _data(), "es")
    with pytest.raises(ValidationError):
        library.render("thank_you", "fax", _data(), "es")


def test_amounts_are_formatted_exactly() -> None:
    data = _data(
        invoices=[
            InvoiceLine("X", date(2026, 1, 1), date(2026, 1, 31), Decimal("0.10"), Decimal("0.10"))
        ]
        * 3
    )
    assert build_variables(data, "es")["total_due"] == "$0.30"


def test_a_name_ending_in_a_period_does_not_double_the_period() -> None:
    from cobranza_desktop.messaging.rendering import render_text

    text = render_text(
        "Le saluda {{ business_name }}. Su saldo… es {{ total_due }}.",
        {"business_name": "Botica S.A. de C.V.", "total_due": "$10.00"},
    )
    assert text == "Le saluda Botica S.A. de C.V. Su saldo… es $10.00.\n"
