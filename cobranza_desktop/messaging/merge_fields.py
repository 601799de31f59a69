"""The merge-field catalogue: the names a message template may use.

Merge fields (all amounts and dates arrive already formatted for the language):

==========================  ===================================================
``business_name``           the business that collects
``business_phone``          its phone ("" if unknown)
``business_email``          its email ("" if unknown)
``customer_name``           the customer (person or company)
``contact_name``            who we address; the customer's name if no contact
``invoices``                list of invoices; each has ``folio``, ``issue_date``,
                            ``due_date``, ``total``, ``balance``, ``days_late``
``invoice_list``            the same list as ready-made lines of text
``invoice_count``           how many invoices the message is about
``folios``                  the folios joined with commas
``total_due``               the balance of the chosen invoices
``days_late``               days past due of the oldest chosen invoice (0 if none)
``due_date``                the earliest due date of the chosen invoices
``due_dates``               every distinct due date, joined with commas
``today``                   the date of the message (short format)
``today_long``              the same, long format ("22 de noviembre de 2026")
``penalty_amount``          the late fee applied or warned about (optional)
``total_with_penalty``      balance plus that fee (optional)
``new_instalment_amount``   the instalment after the penalty or plan (optional)
``amount_paid``             the payment being thanked for (optional)
``remaining_balance``       what is still owed after that payment (optional)
``restricted_services``     the services limited or suspended (optional)
``deadline``                the date asked for, for the later stages (optional)
``instalment_number``       the number of a payment-plan instalment (optional)
``instalment_amount``       its amount (optional)
``instalment_due_date``     its due date (optional)
``promised_amount``         the amount of a promise to pay (optional)
``promised_date``           the date of that promise (optional)
``bank_name``               bank for transfers ("" if not configured)
``clabe``                   the 18-digit CLABE ("" if not configured)
``account_holder``          the account holder ("" if not configured)
``payment_reference``       reference to quote when paying (optional)
``payment_details``         bank, CLABE, holder and reference as ready-made lines
==========================  ===================================================
"""

from __future__ import annotations

import re

from cobranza_desktop.domain.i18n import current_language

# name -> (Spanish description, English description)
MERGE_FIELDS: dict[str, tuple[str, str]] = {
    "business_name": ("Nombre del negocio", "Business name"),
    "business_phone": ("Teléfono del negocio", "Business phone"),
    "business_email": ("Correo del negocio", "Business email"),
    "customer_name": ("Nombre del cliente", "Customer name"),
    "contact_name": ("Nombre del contacto", "Contact name"),
    "invoices": ("Lista de facturas (folio, fechas, total, saldo, días)", "Invoices"),
    "invoice_list": ("Lista de facturas, en texto", "Invoice list as text"),
    "invoice_count": ("Número de facturas", "Number of invoices"),
    "folios": ("Folios separados por comas", "Folios, comma separated"),
    "total_due": ("Saldo adeudado", "Balance due"),
    "days_late": ("Días de atraso", "Days late"),
    "due_date": ("Fecha de vencimiento más antigua", "Earliest due date"),
    "due_dates": ("Fechas de vencimiento", "Due dates"),
    "today": ("Fecha de hoy", "Today's date"),
    "today_long": ("Fecha de hoy, larga", "Today's date, long"),
    "penalty_amount": ("Monto de la penalización", "Penalty amount"),
    "total_with_penalty": ("Saldo con penalización", "Balance with penalty"),
    "new_instalment_amount": ("Nuevo monto de la mensualidad", "New instalment amount"),
    "amount_paid": ("Monto pagado", "Amount paid"),
    "remaining_balance": ("Saldo restante", "Remaining balance"),
    "restricted_services": ("Servicios restringidos", "Restricted services"),
    "deadline": ("Fecha límite", "Deadline"),
    "instalment_number": ("Número de pago del convenio", "Instalment number"),
    "instalment_amount": ("Monto del pago del convenio", "Instalment amount"),
    "instalment_due_date": ("Vencimiento del pago del convenio", "Instalment due date"),
    "promised_amount": ("Monto prometido", "Promised amount"),
    "promised_date": ("Fecha prometida", "Promised date"),
    "bank_name": ("Banco", "Bank"),
    "clabe": ("CLABE", "CLABE"),
    "account_holder": ("Titular de la cuenta", "Account holder"),
    "payment_reference": ("Referencia de pago", "Payment reference"),
    "payment_details": ("Datos de pago, en texto", "Payment details as text"),
}

INVOICE_ATTRIBUTES: tuple[str, ...] = (
    "folio",
    "issue_date",
    "due_date",
    "total",
    "balance",
    "days_late",
)


def describe_fields(language: str | None = None) -> list[tuple[str, str]]:
    """The documented merge fields as ``(name, description)``, for the editor's help."""
    lang = language or current_language()
    return [(name, en if lang == "en" else es) for name, (es, en) in MERGE_FIELDS.items()]


_FIELD_CODE = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")
_PLACEHOLDER = re.compile(r"«([^«»\n]+)»")


def _descriptions(language: str | None) -> dict[str, str]:
    return dict(describe_fields(language))


def to_placeholders(source: str, language: str | None = None) -> str:
    """A template as a shop owner reads it: ``{{ due_date }}`` shown as
    «Fecha de vencimiento más antigua». Unknown names and conditions stay as written."""
    names = _descriptions(language)

    def readable(match: re.Match[str]) -> str:
        description = names.get(match.group(1))
        return f"«{description}»" if description else match.group(0)

    return _FIELD_CODE.sub(readable, source)


def from_placeholders(text: str, language: str | None = None) -> str:
    """The template behind ``to_placeholders``: each «description» of a merge field back
    to ``{{ name }}``; any other «text» stays text."""
    fields = {description: name for name, description in describe_fields(language)}

    def code(match: re.Match[str]) -> str:
        name = fields.get(match.group(1))
        return "{{ " + name + " }}" if name else match.group(0)

    return _PLACEHOLDER.sub(code, text)
