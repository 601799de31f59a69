"""Counts in the window take Qt's plural forms (``tr("%Ln facturas", None, n)``), in
Spanish («1 factura», «2 facturas») and in English ("1 invoice", "2 invoices")."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication

from cobranza_desktop.ui.app import create_application, install_translations

# (context, source, Spanish forms for 1 and 2, English forms for 1 and 2); "%Ln" and
# "%n" stand for the number.
FORMS = [
    (
        "AnnouncementDialog",
        "Le llega a %Ln clientes",
        ("Le llega a %Ln cliente", "Le llega a %Ln clientes"),
        ("It goes to %Ln customer", "It goes to %Ln customers"),
    ),
    (
        "AnnouncementDialog",
        "%Ln quedan fuera (vea la lista).",
        ("%Ln queda fuera (vea la lista).", "%Ln quedan fuera (vea la lista)."),
        ("%Ln is left out (see the list).", "%Ln are left out (see the list)."),
    ),
    (
        "AnnouncementDialog",
        "%Ln mensajes de WhatsApp listos: ábralos uno por uno.",
        (
            "%Ln mensaje de WhatsApp listo: ábralo.",
            "%Ln mensajes de WhatsApp listos: ábralos uno por uno.",
        ),
        (
            "%Ln WhatsApp message ready: open it.",
            "%Ln WhatsApp messages ready: open them one by one.",
        ),
    ),
    (
        "BillingRunDialog",
        "Se emitirán %Ln facturas por %1.",
        ("Se emitirá %Ln factura por %1.", "Se emitirán %Ln facturas por %1."),
        ("%Ln invoice will be issued for %1.", "%Ln invoices will be issued for %1."),
    ),
    (
        "BillingRunDialog",
        "Listo: %Ln facturas emitidas por %1",
        ("Listo: %Ln factura emitida por %1", "Listo: %Ln facturas emitidas por %1"),
        ("Done: %Ln invoice issued for %1", "Done: %Ln invoices issued for %1"),
    ),
    (
        "BillingRunDialog",
        "%Ln en pausa",
        ("%Ln en pausa", "%Ln en pausa"),
        ("%Ln paused", "%Ln paused"),
    ),
    (
        "BillingRunDialog",
        "%Ln omitidas",
        ("%Ln omitida", "%Ln omitidas"),
        ("%Ln skipped", "%Ln skipped"),
    ),
    ("PdfPreviewDialog", "%Ln páginas", ("%Ln página", "%Ln páginas"), ("%Ln page", "%Ln pages")),
    (
        "ImportWizard",
        "%Ln clientes nuevos",
        ("%Ln cliente nuevo", "%Ln clientes nuevos"),
        ("%Ln new customer", "%Ln new customers"),
    ),
    (
        "ImportWizard",
        "%Ln facturas",
        ("%Ln factura", "%Ln facturas"),
        ("%Ln invoice", "%Ln invoices"),
    ),
    (
        "ImportWizard",
        "%Ln notas de crédito",
        ("%Ln nota de crédito", "%Ln notas de crédito"),
        ("%Ln credit note", "%Ln credit notes"),
    ),
    ("ImportWizard", "%Ln pagos", ("%Ln pago", "%Ln pagos"), ("%Ln payment", "%Ln payments")),
    (
        "ApplyPenaltiesDialog",
        "%Ln cargos de {0} · total {1}",
        ("%Ln cargo de {0} · total {1}", "%Ln cargos de {0} · total {1}"),
        ("%Ln charge for {0} · total {1}", "%Ln charges for {0} · total {1}"),
    ),
    (
        "ApplyPenaltiesDialog",
        "%Ln clientes",
        ("%Ln cliente", "%Ln clientes"),
        ("%Ln customer", "%Ln customers"),
    ),
    (
        "ApplyPenaltiesDialog",
        "Se aplicaron %Ln cargos por {0}.",
        ("Se aplicó %Ln cargo por {0}.", "Se aplicaron %Ln cargos por {0}."),
        ("%Ln charge was applied for {0}.", "%Ln charges were applied for {0}."),
    ),
    (
        "TodayPage",
        "%Ln acciones para hoy",
        ("%Ln acción para hoy", "%Ln acciones para hoy"),
        ("%Ln action for today", "%Ln actions for today"),
    ),
    (
        "TodayPage",
        "%Ln esperan (límite de contactos, horario o domingo)",
        (
            "%Ln espera (límite de contactos, horario o domingo)",
            "%Ln esperan (límite de contactos, horario o domingo)",
        ),
        (
            "%Ln waiting (contact cap, quiet hours or Sunday)",
            "%Ln waiting (contact cap, quiet hours or Sunday)",
        ),
    ),
    (
        "CustomerList",
        "%Ln clientes",
        ("%Ln cliente", "%Ln clientes"),
        ("%Ln customer", "%Ln customers"),
    ),
    (
        "InvoicesPage",
        "%Ln facturas",
        ("%Ln factura", "%Ln facturas"),
        ("%Ln invoice", "%Ln invoices"),
    ),
    (
        "ReminderComposer",
        "%Ln facturas · total %1",
        ("%Ln factura · total %1", "%Ln facturas · total %1"),
        ("%Ln invoice · total %1", "%Ln invoices · total %1"),
    ),
    ("PaymentsPage", "%Ln pagos", ("%Ln pago", "%Ln pagos"), ("%Ln payment", "%Ln payments")),
    (
        "RepPanel",
        "%Ln pagos sin REP",
        ("%Ln pago sin REP", "%Ln pagos sin REP"),
        ("%Ln payment without a REP", "%Ln payments without a REP"),
    ),
    ("RepPanel", "%Ln vencidos", ("%Ln vencido", "%Ln vencidos"), ("%Ln overdue", "%Ln overdue")),
    (
        "RepPanel",
        "%Ln facturas PUE con saldo después de su mes",
        (
            "%Ln factura PUE con saldo después de su mes",
            "%Ln facturas PUE con saldo después de su mes",
        ),
        (
            "%Ln PUE invoice with a balance after its month",
            "%Ln PUE invoices with a balance after their month",
        ),
    ),
    (
        "CustomerSubscriptionsTab",
        "%Ln suscripciones activas · %1 al mes",
        ("%Ln suscripción activa · %1 al mes", "%Ln suscripciones activas · %1 al mes"),
        ("%Ln active subscription · %1 a month", "%Ln active subscriptions · %1 a month"),
    ),
    (
        "AgingPage",
        "%Ln clientes con saldo al %1 · Total por cobrar: %2",
        (
            "%Ln cliente con saldo al %1 · Total por cobrar: %2",
            "%Ln clientes con saldo al %1 · Total por cobrar: %2",
        ),
        (
            "%Ln customer with a balance on %1 · Total receivable: %2",
            "%Ln customers with a balance on %1 · Total receivable: %2",
        ),
    ),
    (
        "AgingPage",
        "Los %n saldos más grandes, por antigüedad",
        ("El saldo más grande, por antigüedad", "Los %n saldos más grandes, por antigüedad"),
        ("The largest balance, by age", "The %n largest balances, by age"),
    ),
    (
        "MessagesPage",
        "%Ln mensajes",
        ("%Ln mensaje", "%Ln mensajes"),
        ("%Ln message", "%Ln messages"),
    ),
    (
        "MessagesPage",
        "%Ln por enviar o con error",
        ("%Ln por enviar o con error", "%Ln por enviar o con error"),
        ("%Ln to send or failed", "%Ln to send or failed"),
    ),
    (
        "SubscriptionsPage",
        "%1 de %Ln suscripciones",
        ("%1 de %Ln suscripción", "%1 de %Ln suscripciones"),
        ("%1 of %Ln subscription", "%1 of %Ln subscriptions"),
    ),
    (
        "SubscriptionsPage",
        "%Ln activas",
        ("%Ln activa", "%Ln activas"),
        ("%Ln active", "%Ln active"),
    ),
    ("PlansPage", "%Ln planes", ("%Ln plan", "%Ln planes"), ("%Ln plan", "%Ln plans")),
    ("PlansPage", "%Ln promesas", ("%Ln promesa", "%Ln promesas"), ("%Ln promise", "%Ln promises")),
    (
        "ReportView",
        "%Ln problemas. Corríjalos en el archivo; no se guardará nada.",
        (
            "%Ln problema. Corríjalo en el archivo; no se guardará nada.",
            "%Ln problemas. Corríjalos en el archivo; no se guardará nada.",
        ),
        (
            "%Ln problem. Correct it in the file; nothing will be saved.",
            "%Ln problems. Correct them in the file; nothing will be saved.",
        ),
    ),
]


def _expected(form: str, n: int) -> str:
    return form.replace("%Ln", str(n)).replace("%n", str(n))


@pytest.fixture
def language_switch() -> Iterator[None]:
    yield
    install_translations(create_application(), "es")


@pytest.mark.parametrize("language", ["es", "en"])
@pytest.mark.parametrize("n", [1, 2])
@pytest.mark.parametrize(
    ("context", "source", "spanish", "english"),
    FORMS,
    ids=[f"{context}:{source[:30]}" for context, source, _es, _en in FORMS],
)
def test_each_count_has_its_plural_form(
    language_switch: None,
    context: str,
    source: str,
    spanish: tuple[str, str],
    english: tuple[str, str],
    language: str,
    n: int,
) -> None:
    install_translations(create_application(), language)
    forms = spanish if language == "es" else english
    text = QCoreApplication.translate(context, source, None, n)
    assert text == _expected(forms[n - 1], n)
    assert "%n" not in text and "%Ln" not in text


def test_a_thousand_is_written_with_the_locale_separator(language_switch: None) -> None:
    install_translations(create_application(), "es")
    text = QCoreApplication.translate("InvoicesPage", "%Ln facturas", None, 1234)
    assert text == "1,234 facturas"
