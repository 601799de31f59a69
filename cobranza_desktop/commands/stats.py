"""`cobranza stats`: how collection is going (DSO, CEI, ...) and the cash forecast."""

from __future__ import annotations

import argparse
import json
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
from cobranza_desktop.domain.i18n import tr
from cobranza_desktop.services.analytics.indicators import Indicators, IndicatorsService


def _window(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= 3650:
        raise argparse.ArgumentTypeError(
            tr(f"«{text}» no es un número de días (1-3650).", f"“{text}” is not 1-3650 days.")
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
    return "—" if value is None else tr(f"{value} días", f"{value} days")


def render_text(view: Indicators) -> str:
    cur = view.currency
    a = view.averages
    lines = [
        tr(
            f"Indicadores de cobranza al {format_date(view.as_of)}",
            f"Collection indicators as of {format_date(view.as_of)}",
        ),
        f"  {tr('Por cobrar', 'Receivables')}: {format_money(view.receivables, cur)}",
        f"  {tr('Vencido', 'Overdue')}: {format_money(view.overdue, cur)}"
        f" ({_share(view.overdue_share)})",
        f"  {tr('En riesgo (>90 días)', 'At risk (>90 days)')}: "
        f"{format_money(view.at_risk, cur)} ({_share(view.at_risk_share)})",
        f"  DSO ({view.window_days} {tr('días', 'days')}): {_days(view.dso_standard)}",
        f"  {tr('DSO por retroceso', 'Countback DSO')}: {_days(view.dso_countback)}",
        f"  {tr('Días promedio de pago', 'Average days to pay')}: {_days(a.days_to_pay)}"
        f" ({tr('antes', 'before')}: {_days(a.days_to_pay_previous)})",
        f"  {tr('Días promedio de atraso', 'Average days late')}: {_days(a.days_late)}"
        f" ({tr('antes', 'before')}: {_days(a.days_late_previous)})",
        f"  {tr('Promesas cumplidas', 'Promises kept')}: {_share(view.promises.kept_share)}"
        f" ({view.promises.kept}/{view.promises.kept + view.promises.broken};"
        f" {format_money(view.promises.paid, cur)} / {format_money(view.promises.promised, cur)})",
        "",
        tr(
            "Mes       CEI      DSO      Ventas  Cobrado",
            "Month     CEI      DSO       Sales  Collected",
        ),
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
        lines += ["", tr("Recordatorios (pago en 7 días)", "Reminders (paid within 7 days)")]
        for r in view.reminders:
            lines.append(
                f"  {r.channel:<10} {r.stage or '—':<24} {r.contacts:>5}  {_share(r.share):>7}"
                f"  {tr('mediana', 'median')} {_days(r.median_days)}"
            )
    lines += ["", tr("Pronóstico (mínimo / esperado / máximo)", "Forecast (low / expected / high)")]
    for w in view.forecast:
        lines.append(
            f"  {w.week_start.isoformat()}  {format_money(w.low, cur):>14}"
            f"  {format_money(w.expected, cur):>14}  {format_money(w.high, cur):>14}"
        )
    lines.append("  " + view.forecast_method)
    if view.backtest is not None:
        lines.append(
            tr("  Error del pronóstico (12 semanas): ", "  Forecast error (12 weeks): ")
            + f"{format_money(view.backtest.mean_absolute_error, cur)}"
            f" ({_share(view.backtest.relative_error)})"
        )
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    def action() -> int:
        with opened_book(args.book) as book:
            view = IndicatorsService(book, clock_for(None)).compute(
                args.as_of, window_days=args.window_days, with_backtest=args.backtest
            )
        if args.json:
            print(json.dumps(view.to_json(), ensure_ascii=False, indent=2))
        else:
            print(render_text(view))
        return EXIT_OK

    return run_reporting_errors(action)
