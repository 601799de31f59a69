"""`cobranza stats`: how collection is going (DSO, CEI, ...) and the cash forecast."""

from __future__ import annotations

import argparse
import json
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from cobranza_desktop.commands._common import (
    EXIT_OK,
    add_verb,
    clock_for,
    opened_book,
    parse_date_arg,
    run_reporting_errors,
)
from cobranza_desktop.domain.formatting import format_date, format_money
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.services.analytics.indicators import Indicators, IndicatorsService


def _window(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= 3650:
        raise argparse.ArgumentTypeError(
            _("«{text}» no es un número de días (1-3650).").format(text=text)
        )
    return value


def register(subparsers: Any) -> None:
    parser = add_verb(
        subparsers, "stats", json=True, help="print the collection indicators and forecast"
    )
    parser.add_argument("--as-of", type=parse_date_arg, default=None, metavar="YYYY-MM-DD")
    parser.add_argument("--window-days", type=_window, default=90, metavar="N")
    parser.add_argument("--backtest", action="store_true", help="add the forecast's backtest")


def _share(value: object) -> str:
    return "—" if value is None else f"{float(str(value)) * 100:.1f} %"


def _days(value: object) -> str:
    return "—" if value is None else _("{value} días").format(value=value)


def _channel(code: str) -> str:
    # Imported here, as the ladder below: the JSON needs neither (phone numbers' data).
    from cobranza_desktop.domain.customers import Channel

    try:
        return Channel(code).label()
    except ValueError:
        return code


def render_text(view: Indicators, stage_names: Mapping[str, str] | None = None) -> str:
    """The figures as the owner reads them; ``stage_names``: the book's ladder, code -> name."""
    names = stage_names or {}
    cur = view.currency
    a = view.averages
    lines = [
        _("Indicadores de cobranza al {as_of}").format(as_of=format_date(view.as_of)),
        f"  {_('Por cobrar')}: {format_money(view.receivables, cur)}",
        f"  {_('Vencido')}: {format_money(view.overdue, cur)} ({_share(view.overdue_share)})",
        f"  {_('En riesgo (>90 días)')}: "
        f"{format_money(view.at_risk, cur)} ({_share(view.at_risk_share)})",
        f"  DSO ({view.window_days} {_('días')}): {_days(view.dso_standard)}",
        f"  {_('DSO por retroceso')}: {_days(view.dso_countback)}",
        f"  {_('Días promedio de pago')}: {_days(a.days_to_pay)}"
        f" ({_('antes')}: {_days(a.days_to_pay_previous)})",
        f"  {_('Días promedio de atraso')}: {_days(a.days_late)}"
        f" ({_('antes')}: {_days(a.days_late_previous)})",
        f"  {_('Promesas cumplidas')}: {_share(view.promises.kept_share)}"
        f" ({view.promises.kept}/{view.promises.kept + view.promises.broken};"
        f" {format_money(view.promises.paid, cur)} / {format_money(view.promises.promised, cur)})",
        "",
        _("Mes       CEI      DSO      Ventas  Cobrado"),
    ]
    collected = {c.month: c for c in view.collected_by_month}
    for cei, dso, sales in zip(view.cei, view.dso_by_month, view.sales_by_month, strict=True):
        got = collected.get(cei.month)
        lines.append(
            f"{cei.month}  {_share(cei.value):>7}  {dso.value or '—'!s:>6}  "
            f"{format_money(sales.value or Decimal(0), cur):>14}  "
            f"{format_money(got.amount if got else Decimal(0), cur):>14}"
        )
    if view.reminders:
        lines += ["", _("Recordatorios (pago en 7 días)")]
        for r in view.reminders:
            stage = names.get(r.stage, r.stage) if r.stage else _("sin etapa (contacto directo)")
            lines.append(
                f"  {_channel(r.channel):<10} {stage[:34]:<34} {r.contacts:>5}  "
                f"{_share(r.share):>7}  {_('mediana')} {_days(r.median_days)}"
            )
    lines += ["", _("Pronóstico (mínimo / esperado / máximo)")]
    for w in view.forecast:
        lines.append(
            f"  {w.week_start.isoformat()}  {format_money(w.low, cur):>14}"
            f"  {format_money(w.expected, cur):>14}  {format_money(w.high, cur):>14}"
        )
    lines.append("  " + view.forecast_method)
    if view.backtest is not None:
        lines.append(
            _("  Error del pronóstico (12 semanas): ")
            + f"{format_money(view.backtest.mean_absolute_error, cur)}"
            f" ({_share(view.backtest.relative_error)})"
        )
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    def action() -> int:
        with opened_book(args.book) as book:
            clock = clock_for(None)
            view = IndicatorsService(book, clock).compute(
                args.as_of, window_days=args.window_days, with_backtest=args.backtest
            )
            if args.json:
                print(json.dumps(view.to_json(), ensure_ascii=False, indent=2))
                return EXIT_OK
            # Imported here: the agenda's modules would double the JSON's start-up.
            from cobranza_desktop.domain.ladder import CONFIRM_RECEIPT_STAGE
            from cobranza_desktop.services.base.agenda_data import load_ladder

            with book.session() as session:
                ladder = load_ladder(session).stages
            stages = {s.code: s.label() for s in (*ladder, CONFIRM_RECEIPT_STAGE)}
        print(render_text(view, stages))
        return EXIT_OK

    return run_reporting_errors(action)
