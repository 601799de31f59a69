"""Message templates: one per ladder stage and channel, in Spanish and English.

Templates are plain text rendered with Jinja2's :class:`SandboxedEnvironment`, so a
template edited by the user can neither reach Python internals nor leave a field
silently empty:

* before rendering, every name the template uses is checked against
  :data:`MERGE_FIELDS`; an unknown or misspelled name is refused with a
  :class:`ValidationError` whose ``field`` is that name;
* at render time a known field that has no value for this message (for example
  ``penalty_amount`` when no penalty was applied) is *falsy* in ``{% if %}`` but
  refuses to be printed, again with a :class:`ValidationError` naming it.

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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, NoReturn

from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError, meta
from jinja2.exceptions import SecurityError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment

from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.formatting import format_date, format_long_date, format_money
from cobranza_desktop.domain.i18n import current_language, locale_for, tr
from cobranza_desktop.domain.money import DEFAULT_CURRENCY

# The templates, in escalation order. The ids are the ``template`` names of the
# collections ladder (``domain/ladder.py`` and ``domain/agenda.py``).
STAGES: tuple[str, ...] = (
    "friendly_reminder",  # 7 days before due
    "overdue_reminder",  # the day after
    "ask_reason",  # 2 days after: call and ask the reason
    "firm_reminder",  # 7 days after
    "penalty_warning",  # 15 days after, with amounts
    "penalty_notice",  # 30 days: penalty applied, notice letter
    "restriction_notice",  # 45 days: partial restriction of service
    "suspension_notice",  # 60 days: suspension
    "agency_notice",  # 90 days: last notice before agency or legal
    "insistent_call",  # chronic late payers: close follow-up mentioning penalties
    "instalment_reminder",  # payment plan instalment coming
    "instalment_overdue",  # payment plan instalment missed
    "broken_promise",  # a promise to pay was not kept
    "thank_you",  # after a payment
)

# Other names a stage may arrive with: the ladder's stage codes, the agenda's special
# actions, and the names used in the issue.
STAGE_ALIASES: dict[str, str] = {
    "phone_reminder": "overdue_reminder",
    "ask_reason_call": "ask_reason",
    "partial_restriction": "restriction_notice",
    "suspension": "suspension_notice",
    "agency_legal": "agency_notice",
    "lift_restriction": "thank_you",
    "follow_up": "overdue_reminder",
    "pre_due_friendly": "friendly_reminder",
    "call_ask_reason": "ask_reason",
    "penalty_applied": "penalty_notice",
    "restriction": "restriction_notice",
    "agency_final": "agency_notice",
}


# Days past due from which each escalation template applies (the default ladder).
_STAGE_BY_DAYS: tuple[tuple[int, str], ...] = (
    (90, "agency_notice"),
    (60, "suspension_notice"),
    (45, "restriction_notice"),
    (30, "penalty_notice"),
    (15, "penalty_warning"),
    (7, "firm_reminder"),
    (2, "ask_reason"),
    (1, "overdue_reminder"),
)


def suggest_stage(days_past_due: int) -> str:
    """The template of the default ladder for an invoice this many days late."""
    for days, stage in _STAGE_BY_DAYS:
        if days_past_due >= days:
            return stage
    return "friendly_reminder"


def template_for(stage: str) -> str:
    """The template id of a ladder stage code, agenda template name or alias.

    ``insistent_call@+3``-style codes map to ``insistent_call``.
    """
    if stage in STAGES:
        return stage
    base = stage.split("@", 1)[0]
    if base in STAGES:
        return base
    if base in STAGE_ALIASES:
        return STAGE_ALIASES[base]
    raise ValidationError("stage", tr(f"Etapa desconocida: {stage}", f"Unknown stage: {stage}"))


# Channels a message can take: the values of ``domain.customers.Channel`` (a visit
# uses the call script) plus SMS, which reuses the WhatsApp text.
CHANNELS: tuple[str, ...] = ("email", "whatsapp", "sms", "phone", "visit", "letter")

# The template parts of each channel: one file each, ``<part>.txt``.
CHANNEL_PARTS: dict[str, tuple[str, ...]] = {
    "email": ("email_subject", "email_body"),
    "whatsapp": ("whatsapp",),
    "sms": ("whatsapp",),
    "phone": ("call",),
    "call": ("call",),  # the collections ladder's former name of "phone"
    "visit": ("call",),
    "letter": ("letter",),
}

TEMPLATE_PARTS: tuple[str, ...] = ("email_subject", "email_body", "whatsapp", "call", "letter")

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

DEFAULT_TEMPLATE_DIR = Path(__file__).resolve().parents[2] / "resources" / "templates"


def describe_fields(language: str | None = None) -> list[tuple[str, str]]:
    """The documented merge fields as ``(name, description)``, for the editor's help."""
    lang = language or current_language()
    return [(name, en if lang == "en" else es) for name, (es, en) in MERGE_FIELDS.items()]


# --------------------------------------------------------------------------- data


@dataclass(frozen=True)
class InvoiceLine:
    """An invoice as a message mentions it. Amounts are exact Decimals."""

    folio: str
    issue_date: date
    due_date: date
    total: Decimal
    balance: Decimal


@dataclass(frozen=True)
class PaymentData:
    bank_name: str = ""
    clabe: str = ""
    account_holder: str = ""


@dataclass(frozen=True)
class MessageData:
    """Everything a message can say, unformatted. Optional facts are ``None``."""

    business_name: str
    customer_name: str
    today: date
    invoices: Sequence[InvoiceLine] = ()
    contact_name: str = ""
    business_phone: str = ""
    business_email: str = ""
    currency: str = DEFAULT_CURRENCY
    penalty_amount: Decimal | None = None
    new_instalment_amount: Decimal | None = None
    amount_paid: Decimal | None = None
    remaining_balance: Decimal | None = None
    restricted_services: str | None = None
    deadline: date | None = None
    instalment_number: int | None = None
    instalment_amount: Decimal | None = None
    instalment_due_date: date | None = None
    promised_amount: Decimal | None = None
    promised_date: date | None = None
    payment: PaymentData = field(default_factory=PaymentData)
    payment_reference: str | None = None


def build_variables(data: MessageData, language: str | None = None) -> dict[str, Any]:
    """The merge fields of a message, formatted for ``language`` ("es" or "en").

    Optional fields without a value are left out: a template may test them with
    ``{% if penalty_amount %}`` but printing one is refused.
    """
    lang = language or current_language()
    loc = locale_for(lang)

    def money(value: Decimal) -> str:
        return format_money(value, data.currency, locale=loc)

    def short(d: date) -> str:
        return format_date(d, locale=loc)

    def t(es: str, en: str) -> str:
        return en if lang == "en" else es

    invoices = sorted(data.invoices, key=lambda inv: (inv.due_date, inv.folio))
    rows: list[dict[str, Any]] = []
    lines: list[str] = []
    for inv in invoices:
        late = max(0, (data.today - inv.due_date).days)
        rows.append(
            {
                "folio": inv.folio,
                "issue_date": short(inv.issue_date),
                "due_date": short(inv.due_date),
                "total": money(inv.total),
                "balance": money(inv.balance),
                "days_late": late,
            }
        )
        if late > 0:
            when = t(
                f"venció el {short(inv.due_date)} ({late} días)",
                f"due {short(inv.due_date)} ({late} days late)",
            )
        else:
            when = t(f"vence el {short(inv.due_date)}", f"due {short(inv.due_date)}")
        lines.append(
            t(
                f"• Factura {inv.folio}: saldo {money(inv.balance)}, {when}",
                f"• Invoice {inv.folio}: balance {money(inv.balance)}, {when}",
            )
        )
    total = sum((inv.balance for inv in invoices), Decimal("0.00"))
    days_late = max((r["days_late"] for r in rows), default=0)
    due_dates: list[str] = []
    for inv in invoices:
        if short(inv.due_date) not in due_dates:
            due_dates.append(short(inv.due_date))

    pay = data.payment
    detail_lines = []
    if pay.bank_name:
        detail_lines.append(t(f"Banco: {pay.bank_name}", f"Bank: {pay.bank_name}"))
    if pay.clabe:
        detail_lines.append(f"CLABE: {pay.clabe}")
    if pay.account_holder:
        detail_lines.append(
            t(f"Titular: {pay.account_holder}", f"Account holder: {pay.account_holder}")
        )
    if data.payment_reference:
        detail_lines.append(
            t(f"Referencia: {data.payment_reference}", f"Reference: {data.payment_reference}")
        )

    values: dict[str, Any] = {
        "business_name": data.business_name,
        "business_phone": data.business_phone,
        "business_email": data.business_email,
        "customer_name": data.customer_name,
        "contact_name": data.contact_name or data.customer_name,
        "invoices": rows,
        "invoice_list": "\n".join(lines),
        "invoice_count": len(rows),
        "folios": ", ".join(inv.folio for inv in invoices),
        "total_due": money(total),
        "days_late": days_late,
        "due_date": short(invoices[0].due_date) if invoices else "",
        "due_dates": ", ".join(due_dates),
        "today": short(data.today),
        "today_long": format_long_date(data.today, locale=loc),
        "bank_name": pay.bank_name,
        "clabe": pay.clabe,
        "account_holder": pay.account_holder,
        "payment_details": "\n".join(detail_lines),
    }
    if data.penalty_amount is not None:
        values["penalty_amount"] = money(data.penalty_amount)
        values["total_with_penalty"] = money(total + data.penalty_amount)
    if data.new_instalment_amount is not None:
        values["new_instalment_amount"] = money(data.new_instalment_amount)
    if data.amount_paid is not None:
        values["amount_paid"] = money(data.amount_paid)
    if data.remaining_balance is not None:
        values["remaining_balance"] = money(data.remaining_balance)
    if data.restricted_services:
        values["restricted_services"] = data.restricted_services
    if data.deadline is not None:
        values["deadline"] = short(data.deadline)
    if data.payment_reference:
        values["payment_reference"] = data.payment_reference
    if data.instalment_number is not None:
        values["instalment_number"] = data.instalment_number
    if data.instalment_amount is not None:
        values["instalment_amount"] = money(data.instalment_amount)
    if data.instalment_due_date is not None:
        values["instalment_due_date"] = short(data.instalment_due_date)
    if data.promised_amount is not None:
        values["promised_amount"] = money(data.promised_amount)
    if data.promised_date is not None:
        values["promised_date"] = short(data.promised_date)
    return values


# --------------------------------------------------------------------- rendering


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
        tr(
            f"La plantilla tiene un error en la línea {exc.lineno}: {exc.message}",
            f"The template has an error on line {exc.lineno}: {exc.message}",
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
        hint_es = f" ¿Quiso decir «{suggestion}»?" if suggestion else ""
        hint_en = f" Did you mean “{suggestion}”?" if suggestion else ""
        others = ", ".join(unknown[1:])
        more_es = f" (también: {others})" if others else ""
        more_en = f" (also: {others})" if others else ""
        raise ValidationError(
            name,
            tr(
                f"El campo «{name}» no existe{more_es}.{hint_es}",
                f"The field “{name}” does not exist{more_en}.{hint_en}",
            ),
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
            tr(
                f"El campo «{name}» no tiene valor para este mensaje. "
                f"Use {{% if {name} %}} … {{% endif %}} o quítelo.",
                f"The field “{name}” has no value for this message. "
                f"Use {{% if {name} %}} … {{% endif %}} or remove it.",
            ),
        ) from exc
    except SecurityError as exc:
        raise ValidationError(
            part,
            tr(
                f"La plantilla intenta una operación no permitida: {exc}",
                f"The template attempts a forbidden operation: {exc}",
            ),
        ) from exc
    except TemplateError as exc:
        raise ValidationError(
            part, tr(f"No se pudo aplicar la plantilla: {exc}", f"Cannot apply the template: {exc}")
        ) from exc
    except (TypeError, ValueError, ArithmeticError, LookupError) as exc:
        raise ValidationError(
            part, tr(f"No se pudo aplicar la plantilla: {exc}", f"Cannot apply the template: {exc}")
        ) from exc
    return _tidy(text)


_BLANK_RUN = re.compile(r"\n{3,}")


def _tidy(text: str) -> str:
    """No trailing spaces, no runs of blank lines left by optional blocks."""
    lines = [line.rstrip() for line in text.strip().splitlines()]
    return _BLANK_RUN.sub("\n\n", "\n".join(lines)) + "\n"


# ---------------------------------------------------------------------- library


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
        raise ValidationError("language", tr("Idioma no disponible.", "Language not available."))
    if part not in TEMPLATE_PARTS:
        raise ValidationError("part", tr(f"Parte desconocida: {part}", f"Unknown part: {part}"))
    return template_for(stage)


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
                tr(
                    f"No se encontró la plantilla {language}/{stage}/{part}.",
                    f"Template {language}/{stage}/{part} not found.",
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
        check_template(text, part)
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
                "channel", tr(f"Canal desconocido: {channel}", f"Unknown channel: {channel}")
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
