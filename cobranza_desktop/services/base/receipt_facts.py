"""The invoices whose receipt the agenda asks to confirm, and those paused for correction.

Read on their own (one query) or taken from the open invoices the agenda has just read
(their rows carry the receipt columns): the same facts either way.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from cobranza_desktop.domain.agenda import ReceiptCheck
from cobranza_desktop.domain.invoices import invoice_number
from cobranza_desktop.domain.ladder import CONFIRM_RECEIPT_STAGE, CONFIRM_RECEIPT_WINDOW_DAYS
from cobranza_desktop.domain.money import from_cents
from cobranza_desktop.storage.queries.agenda import OpenInvoiceRow

# (id, customer, series, folio, external number, issue date, owed cents, receipt status,
# needs correction) of an open regular invoice.
ReceiptRow = tuple[int, int, str, int | None, str, date, int, str, bool]


@dataclass(frozen=True)
class ReceiptFacts:
    checks: dict[int, list[ReceiptCheck]] = field(default_factory=dict)  # by customer
    paused: dict[int, set[int]] = field(default_factory=dict)  # invoices, by customer


def receipt_window(day: date) -> tuple[date, date]:
    """The issue dates whose receipt is asked on ``day``."""
    since = day - timedelta(days=CONFIRM_RECEIPT_WINDOW_DAYS)
    return since, day - timedelta(days=CONFIRM_RECEIPT_STAGE.offset_days)


def receipt_facts(rows: Iterable[ReceiptRow], day: date) -> ReceiptFacts:
    since, until = receipt_window(day)
    facts = ReceiptFacts()
    for inv_id, cid, series, folio, external, issued, owed, status, correction in rows:
        if correction:
            facts.paused.setdefault(cid, set()).add(inv_id)
        if status == "" and since <= issued <= until:
            facts.checks.setdefault(cid, []).append(
                ReceiptCheck(
                    inv_id, invoice_number(series, folio, external), issued, from_cents(owed)
                )
            )
    return facts


def receipt_facts_of(rows: Iterable[OpenInvoiceRow], day: date) -> ReceiptFacts:
    """The facts from the open invoices read for the agenda (before credit or late
    charges change their balances): the same as :func:`receipt_facts` of the query,
    gathered in the one pass over the rows."""
    since, until = receipt_window(day)
    facts = ReceiptFacts()
    checks, paused = facts.checks, facts.paused
    for r in rows:
        issued = r.issue_date
        # The query's filter (most open invoices are neither paused nor recent).
        if issued is None or r.kind != "invoice":
            continue
        if r.needs_correction:
            paused.setdefault(r.customer_id, set()).add(r.id)
        if r.receipt_status == "" and since <= issued <= until:
            checks.setdefault(r.customer_id, []).append(
                ReceiptCheck(
                    r.id,
                    invoice_number(r.series, r.folio, r.external_number),
                    issued,
                    from_cents(r.balance_cents),
                )
            )
    return facts
