"""Counts shown to the user take the plural form of their number, in both languages:
«1 cargo» / «2 cargos», "1 charge" / "2 charges" (gettext's ngettext)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest

from cobranza_desktop.domain import i18n
from cobranza_desktop.domain.penalty_policy import PenaltyPolicy, PenaltyPreset, describe_policy

# (singular msgid, plural msgid, n, language, expected), one row per form.
FORMS = [
    (
        "{charges_count} cargo, total {total}",
        "{charges_count} cargos, total {total}",
        [
            ("es", 1, "1 cargo, total $5.00"),
            ("es", 2, "2 cargos, total $5.00"),
            ("en", 1, "1 charge, total $5.00"),
            ("en", 2, "2 charges, total $5.00"),
        ],
    ),
    (
        "{deferred_count} acción espera por el límite de contactos.",
        "{deferred_count} acciones esperan por el límite de contactos.",
        [
            ("es", 1, "1 acción espera por el límite de contactos."),
            ("es", 2, "2 acciones esperan por el límite de contactos."),
            ("en", 1, "1 action waits for the contact cap."),
            ("en", 2, "2 actions wait for the contact cap."),
        ],
    ),
    (
        "{count} renglón en {out}",
        "{count} renglones en {out}",
        [
            ("es", 1, "1 renglón en x.csv"),
            ("es", 2, "2 renglones en x.csv"),
            ("en", 1, "1 row in x.csv"),
            ("en", 2, "2 rows in x.csv"),
        ],
    ),
    (
        "{tables_count} tabla en {out}",
        "{tables_count} tablas en {out}",
        [
            ("es", 1, "1 tabla en x.csv"),
            ("es", 2, "2 tablas en x.csv"),
            ("en", 1, "1 table in x.csv"),
            ("en", 2, "2 tables in x.csv"),
        ],
    ),
    (
        "{invoices} factura",
        "{invoices} facturas",
        [
            ("es", 1, "1 factura"),
            ("es", 2, "2 facturas"),
            ("en", 1, "1 invoice"),
            ("en", 2, "2 invoices"),
        ],
    ),
    (
        "{customers} cliente",
        "{customers} clientes",
        [
            ("es", 1, "1 cliente"),
            ("es", 2, "2 clientes"),
            ("en", 1, "1 customer"),
            ("en", 2, "2 customers"),
        ],
    ),
    (
        "{payments} pago",
        "{payments} pagos",
        [
            ("es", 1, "1 pago"),
            ("es", 2, "2 pagos"),
            ("en", 1, "1 payment"),
            ("en", 2, "2 payments"),
        ],
    ),
    (
        "Facturado {count} periodo al {day}: {total}.",
        "Facturados {count} periodos al {day}: {total}.",
        [
            ("es", 1, "Facturado 1 periodo al 2026-11-02: $5.00."),
            ("es", 2, "Facturados 2 periodos al 2026-11-02: $5.00."),
            ("en", 1, "Billed 1 period on 2026-11-02: $5.00."),
            ("en", 2, "Billed 2 periods on 2026-11-02: $5.00."),
        ],
    ),
    (
        "{months} mes con {discount_percent} % de descuento",
        "{months} meses con {discount_percent} % de descuento",
        [
            ("es", 1, "1 mes con 5 % de descuento"),
            ("es", 2, "2 meses con 5 % de descuento"),
            ("en", 1, "1 month with 5 % off"),
            ("en", 2, "2 months with 5 % off"),
        ],
    ),
    (
        "{invoices} factura abierta",
        "{invoices} facturas abiertas",
        [
            ("es", 1, "1 factura abierta"),
            ("es", 2, "2 facturas abiertas"),
            ("en", 1, "1 open invoice"),
            ("en", 2, "2 open invoices"),
        ],
    ),
]
CASES = [
    pytest.param(singular, plural, language, n, expected, id=f"{language}-{n}-{singular[:24]}")
    for singular, plural, rows in FORMS
    for language, n, expected in rows
]
FIELDS = {
    "charges_count": None,
    "deferred_count": None,
    "count": None,
    "tables_count": None,
    "invoices": None,
    "customers": None,
    "payments": None,
    "months": None,
}


@pytest.fixture(autouse=True)
def spanish_after() -> Iterator[None]:
    yield
    i18n.set_language("es")


@pytest.mark.parametrize(("singular", "plural", "language", "n", "expected"), CASES)
def test_each_plural_form(singular: str, plural: str, language: str, n: int, expected: str) -> None:
    i18n.set_language(language)
    values = {name: n for name in FIELDS}
    text = i18n.ngettext(singular, plural, n).format(
        total="$5.00", out="x.csv", day="2026-11-02", discount_percent=5, **values
    )
    assert text == expected


@pytest.mark.parametrize(
    ("language", "days", "expected"),
    [
        ("es", 1, "1 día de gracia"),
        ("es", 2, "2 días de gracia"),
        ("en", 1, "1 day of grace"),
        ("en", 2, "2 days of grace"),
    ],
)
def test_the_policy_says_one_day_or_days_of_grace(language: str, days: int, expected: str) -> None:
    i18n.set_language(language)
    policy = PenaltyPolicy(
        preset=PenaltyPreset.CUSTOM, annual_rate_percent=Decimal("12"), grace_days=days
    )
    assert expected in describe_policy(policy)
