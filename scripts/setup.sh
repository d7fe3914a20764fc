#!/usr/bin/env bash
# Installs everything palais needs on a fresh Debian machine, idempotently:
# the Debian packages (fonts for the six languages, poppler, chromium, postgresql),
# a virtual environment in .venv with palais and its test dependencies, and the
# axe-core accessibility engine for the browser tests.
# Usage: scripts/setup.sh            (everything)
#        PALAIS_SKIP_APT=1 scripts/setup.sh   (Python side only)
set -euo pipefail
cd "$(dirname "$0")/.."

DEBIAN_PACKAGES=(
  fonts-noto-core      # Latin, Cyrillic and Arabic faces for the PDF versions
  fonts-noto-cjk       # Chinese
  poppler-utils        # pdftotext, pdftoppm, pdffonts: checking produced PDFs
  chromium             # browser tests, driven by Playwright
  postgresql           # the multi-user store; tests start their own server
  tesseract-ocr        # OCR of scanned notes (PDF pages and images)
  tesseract-ocr-osd    # script detection: which languages to read a scan in
  tesseract-ocr-ara tesseract-ocr-chi-sim tesseract-ocr-eng
  tesseract-ocr-fra tesseract-ocr-rus tesseract-ocr-spa   # the six languages' data
  pgbouncer            # connection pooling in front of it (scripts/cluster.sh)
  haproxy              # the load balancer in front of several nodes (scripts/cluster.sh)
)
# npm fetches axe-core from the npm registry; Debian's is used only where none is installed.
command -v npm >/dev/null 2>&1 || DEBIAN_PACKAGES+=(nodejs npm)

sudo_if_needed() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if [ -z "${PALAIS_SKIP_APT:-}" ]; then
  missing=()
  for pkg in "${DEBIAN_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing Debian packages: ${missing[*]}"
    sudo_if_needed apt-get update -qq
    sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
fi

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv"
  "$PYTHON" -m venv .venv
fi
# Reinstall only when the declared dependencies change.
stamp=.venv/.palais-installed
want=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "setup: installing Python packages"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[test]"
  echo "$want" > "$stamp"
fi

# axe-core for the accessibility checks, from the npm registry, kept out of the repository.
if command -v npm >/dev/null 2>&1 && [ ! -f .cache/node_modules/axe-core/axe.min.js ]; then
  echo "setup: installing axe-core"
  mkdir -p .cache
  npm install --silent --no-audit --no-fund --prefix .cache axe-core@4 >/dev/null
fi
