"""Real processes released at one instant, for the several-writers tests on PostgreSQL.

Each worker module prints ``ready`` once it has opened the book, waits for ``go`` on its
stdin, and prints its result as JSON on its last line.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_together(module: str, argument_lists: list[list[str]]) -> list[dict[str, object]]:
    """Start one worker per argument list, let each open the book, then release them all."""
    workers = [
        subprocess.Popen(
            [sys.executable, "-m", module, *arguments],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for arguments in argument_lists
    ]
    for worker in workers:
        assert worker.stdout is not None and worker.stdout.readline().strip() == "ready"
    for worker in workers:
        assert worker.stdin is not None
        worker.stdin.write("go\n")
        worker.stdin.flush()
    results = []
    for worker in workers:
        out, _ = worker.communicate(timeout=900)
        assert worker.returncode == 0
        results.append(json.loads(out.strip().splitlines()[-1]))
    return results
