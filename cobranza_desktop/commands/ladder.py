"""`cobranza ladder`: the escalation ladder, as Settings → Escalera shows it.

cobranza ladder --book B show [--json]                 the stages, in order of day
cobranza ladder --book B add --day N --channel C --action TEXT
cobranza ladder --book B remove CODE                   the last stage stays
cobranza ladder --book B reset                         back to the shipped ladder

The rules are the tab's (``domain/ladder_edits``): at least one stage, one stage per day,
no action twice. A bad edit is refused with one line and exit code 2; nothing is saved.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from cobranza_desktop.commands._common import (
    EXIT_OK,
    add_global_options,
    add_verb,
    opened_book,
    run_reporting_errors,
)
from cobranza_desktop.domain.clock import SystemClock
from cobranza_desktop.domain.contact_policy import Channel
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.domain.ladder import DEFAULT_LADDER, Ladder
from cobranza_desktop.domain.ladder_edits import add_stage, default_new_day, remove_stage
from cobranza_desktop.services.collections.agenda import AgendaService


def register(subparsers: Any) -> None:
    parser = add_verb(subparsers, "ladder", help="the escalation ladder: show, add, remove, reset")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    show = actions.add_parser("show", help="the stages, in order of day")
    add_global_options(show, json=True)
    add = actions.add_parser("add", help="add a stage")
    add_global_options(add)
    add.add_argument("--day", type=int, default=None, help="days after the due date (−: before)")
    add.add_argument("--channel", choices=[c.value for c in Channel], default=Channel.PHONE.value)
    add.add_argument("--action", required=True, dest="label", metavar="TEXT")
    remove = actions.add_parser("remove", help="remove a stage by its code")
    add_global_options(remove)
    remove.add_argument("code", metavar="CODE")
    reset = actions.add_parser("reset", help="restore the shipped ladder")
    add_global_options(reset)


def _print(ladder: Ladder, as_json: bool) -> None:
    if as_json:
        rows = [
            {
                "code": s.code,
                "day": s.offset_days,
                "channel": s.channel.value,
                "action": s.label(),
            }
            for s in ladder.stages
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for s in ladder.stages:
        print(f"{s.offset_days:+4d}  {s.channel.label():<10}  {s.label()}  [{s.code}]")


def run(args: argparse.Namespace) -> int:
    def action() -> int:
        with opened_book(args.book) as book:
            agenda = AgendaService(book, SystemClock())
            ladder = agenda.ladder()
            if args.action == "add":
                day = default_new_day(ladder.stages) if args.day is None else args.day
                ladder = add_stage(ladder, day, args.channel, args.label)
            elif args.action == "remove":
                ladder = remove_stage(ladder, args.code)
            elif args.action == "reset":
                ladder = DEFAULT_LADDER
            if args.action != "show":
                agenda.set_ladder(ladder)
                print(_("Escalera guardada: {count} etapas.").format(count=len(ladder.stages)))
            _print(agenda.ladder(), getattr(args, "json", False))
        return EXIT_OK

    return run_reporting_errors(action)
