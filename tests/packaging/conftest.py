"""The bundle tests: marked ``bundle``; they run in the normal suite (and so in CI).

Leave them out of a quick local run with ``-m "not bundle"``.
"""

from __future__ import annotations

import pytest

from tests.packaging.bundle import BUILT, bundle  # noqa: F401 - the session fixture


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "bundle: builds and runs the desktop bundle (slow)")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """The build's time and size, in CI's log too (the machine has two cores)."""
    for built in BUILT:
        size = sum(
            p.stat().st_size for p in built.folder.rglob("*") if p.is_file() and not p.is_symlink()
        )
        terminalreporter.write_line(
            f"bundle: built in {built.build_seconds:.0f} s, {size / 2**20:.0f} MB unpacked, "
            f"{built.tarball.stat().st_size / 2**20:.0f} MB packed"
        )
