#!/usr/bin/env bash
# Sets everything up, then runs the whole test suite (PostgreSQL and Chromium included:
# the tests start what they need). Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec .venv/bin/python -m pytest -n 2 --dist loadfile "$@"
