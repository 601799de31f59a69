"""`cobranza users list|add|set-role|deactivate`: who works on the book, and their role.

Only the owner changes users (the service checks it). On a server the login is the
database user; on a SQLite file, the computer's user name.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from cobranza_desktop.commands._common import (
    EXIT_OK,
    add_global_options,
    add_verb,
    clock_for,
    opened_book,
    run_reporting_errors,
)
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.services.base.users import UserService, UserView, parse_role


def register(subparsers: Any) -> None:
    parser = add_verb(subparsers, "users", json=True, help="list and manage the book's users")
    actions = parser.add_subparsers(dest="users_action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="the users and their roles")
    add_global_options(listing, json=True)
    add = actions.add_parser("add", help="add a user: LOGIN ROLE [--name NAME]")
    add_global_options(add, json=True)
    add.add_argument("login")
    add.add_argument("role", help="owner, collector or read_only")
    add.add_argument("--name", default="", help="the name shown for the user")
    set_role = actions.add_parser("set-role", help="change a user's role: LOGIN ROLE")
    add_global_options(set_role, json=True)
    set_role.add_argument("login")
    set_role.add_argument("role")
    deactivate = actions.add_parser("deactivate", help="deactivate a user (never deleted)")
    add_global_options(deactivate, json=True)
    deactivate.add_argument("login")


def user_json(user: UserView) -> dict[str, Any]:
    return {
        "login": user.login,
        "name": user.display_name,
        "role": user.role.value,
        "active": user.active,
    }


def _line(user: UserView) -> str:
    state = "" if user.active else " " + _("(dado de baja)")
    name = f" — {user.display_name}" if user.display_name else ""
    return f"{user.login}{name}: {user.role.label()}{state}"


def run(args: argparse.Namespace) -> int:
    def action() -> int:
        with opened_book(args.book) as book:
            users = UserService(book, clock_for(None))
            if args.users_action == "add":
                users.add(args.login, parse_role(args.role), args.name)
            elif args.users_action == "set-role":
                users.set_role(args.login, parse_role(args.role))
            elif args.users_action == "deactivate":
                users.deactivate(args.login)
            me, listed = users.me(), users.list()
        if args.json:
            print(
                json.dumps(
                    {
                        "me": {"login": me.login, "role": me.role.value},
                        "users": [user_json(u) for u in listed],
                    },
                    ensure_ascii=False,
                    indent=2,
                )
            )
            return EXIT_OK
        if not listed:
            print(
                _("Este libro no tiene usuarios: quien lo abre ({login}) es su dueño.").format(
                    login=me.login
                )
            )
        for user in listed:
            print(_line(user))
        return EXIT_OK

    return run_reporting_errors(action)
