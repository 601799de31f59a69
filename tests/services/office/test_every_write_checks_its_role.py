"""Every public write use case of a service checks its role (``require``) first.

A write use case is a public function or method under ``cobranza_desktop/services/``
that opens ``book.transaction()``, itself or through the private methods and module
functions it calls. It must reach ``require(session, Permission.…)`` the same way. The
next service written without one fails here, by name.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import cobranza_desktop.services as services_package

SERVICES = Path(services_package.__file__).parent

# Writes with nobody to ask yet: they make a new book, whose maker is its owner.
ALLOWED = {
    "book/new_book.py:create_book",
    "book/demo.py:build_demo_book",
}


def _calls(node: ast.AST) -> Iterator[tuple[str, ast.expr]]:
    for child in ast.walk(node):
        if isinstance(child, ast.Call):
            if isinstance(child.func, ast.Attribute):
                yield child.func.attr, child.func.value
            elif isinstance(child.func, ast.Name):
                yield child.func.id, child.func


def _reach(
    fn: ast.FunctionDef, methods: dict[str, ast.FunctionDef], funcs: dict[str, ast.FunctionDef]
) -> set[str]:
    """The names called by ``fn`` and by the methods of its class (``self.x()``) and the
    functions of its module it calls, transitively."""
    seen: set[str] = set()
    names: set[str] = set()
    todo = [fn]
    while todo:
        current = todo.pop()
        for name, owner in _calls(current):
            names.add(name)
            is_self = isinstance(owner, ast.Name) and owner.id == "self"
            target = (methods.get(name) if is_self else None) or (
                funcs.get(name) if isinstance(owner, ast.Name) and owner.id == name else None
            )
            if target is not None and name not in seen:
                seen.add(name)
                todo.append(target)
    return names


def unguarded_writes(source: str, where: str) -> list[str]:
    """``where:Class.method`` (or ``where:function``) of each public write without a
    role check in ``source``."""
    tree = ast.parse(source)
    funcs = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}
    found: list[str] = []

    def check(fn: ast.FunctionDef, name: str, methods: dict[str, ast.FunctionDef]) -> None:
        reached = _reach(fn, methods, funcs)
        if "transaction" in reached and "require" not in reached:
            found.append(f"{where}:{name}")

    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            methods = {n.name: n for n in node.body if isinstance(n, ast.FunctionDef)}
            for name, method in methods.items():
                if not name.startswith("_"):
                    check(method, f"{node.name}.{name}", methods)
        elif isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
            check(node, node.name, {})
    return found


def test_every_public_write_of_a_service_checks_its_role() -> None:
    found: list[str] = []
    for path in sorted(SERVICES.rglob("*.py")):
        found += unguarded_writes(path.read_text("utf-8"), str(path.relative_to(SERVICES)))
    assert sorted(set(found) - ALLOWED) == []
    assert set(found) >= ALLOWED, "an allowed write no longer needs its place on the list"


def test_the_check_catches_a_write_without_require() -> None:
    source = """
class Forgetful:
    def write(self):
        with self._book.transaction() as session:
            session.add(object())

    def through_a_helper(self):
        self._store()

    def _store(self):
        with self._book.transaction() as session:
            session.add(object())

    def reads(self):
        with self._book.session() as session:
            return session


class Careful:
    def write(self):
        with self._book.transaction() as session:
            require(session, Permission.COLLECT)

    def through_a_helper(self):
        with self._book.transaction() as session:
            _checked(session)


def _checked(session):
    require(session, Permission.COLLECT)


def loose(book):
    with book.transaction() as session:
        session.add(object())
"""
    assert unguarded_writes(source, "m.py") == [
        "m.py:Forgetful.write",
        "m.py:Forgetful.through_a_helper",
        "m.py:loose",
    ]
