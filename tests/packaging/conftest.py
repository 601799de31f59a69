"""The bundle tests: marked ``bundle``; they run in the normal suite (and so in CI).

Leave them out of a quick local run with ``-m "not bundle"``.
"""

from __future__ import annotations

import pytest

from tests.packaging.bundle import bundle  # noqa: F401 - the session fixture


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "bundle: builds and runs the desktop bundle (slow)")
