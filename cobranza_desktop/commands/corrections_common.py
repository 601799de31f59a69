"""What the correction verbs share: printing a preview (balances before → after)."""

from __future__ import annotations

from cobranza_desktop.domain.formatting import format_money
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.services.receivables.correction_changes import CorrectionPreview


def print_preview(preview: CorrectionPreview, *, dry_run: bool) -> None:
    print(_("Sin cambios (--dry-run): así quedaría:") if dry_run else _("Hecho:"))
    for line in preview.lines:
        print(f"  {line.number}: {format_money(line.before)} → {format_money(line.after)}")
    print(
        _("  saldo: {before} → {after}; saldo a favor: {credit_before} → {credit_after}").format(
            before=format_money(preview.balance_before),
            after=format_money(preview.balance_after),
            credit_before=format_money(preview.credit_before),
            credit_after=format_money(preview.credit_after),
        )
    )
