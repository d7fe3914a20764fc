#!/usr/bin/env bash
# Sets everything up, then runs the main job: the archive with the bundled sample
# documents issued in all six languages, served on http://127.0.0.1:8000/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec .venv/bin/palais demo "$@"
