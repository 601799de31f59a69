"""The people half of an office on a real PostgreSQL server.

Collected only when ``COBRANZA_TEST_PG_URL`` names a server where the test may create
databases and roles (``scripts/pg-cluster.sh start`` prints one); without it there is
nothing to run here, and nothing is reported as skipped.
"""

from __future__ import annotations

import os

PG_URL_ENV = "COBRANZA_TEST_PG_URL"

collect_ignore = (
    []
    if os.environ.get(PG_URL_ENV)
    else ["test_office_on_postgresql.py", "test_owner_rights_on_postgresql.py"]
)
