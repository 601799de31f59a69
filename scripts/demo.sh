#!/usr/bin/env bash
# Install Cobranza Desktop in .venv and open it on a demo book.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh window
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e .
exec .venv/bin/cobranza demo "$@"
