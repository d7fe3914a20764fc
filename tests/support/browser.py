"""Debian's Chromium driven by Playwright, and axe-core checks, for the browser tests.

Playwright's own browser download is not used: the tests drive the system
``chromium`` that ``scripts/setup.sh`` installs from Debian, with the flags a
sandboxed, offline machine needs (no background networking, no sandbox as root).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
AXE_SCRIPT = ROOT / ".cache" / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "tests" / "artifacts" / "screenshots"

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def chromium_path() -> str:
    """The system Chromium; a missing browser is a set-up error, not a skip."""
    candidates = (os.environ.get("PALAIS_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"))
    for candidate in candidates:
        if candidate and Path(candidate).exists():
            return candidate
    raise RuntimeError("chromium not found: run scripts/setup.sh (Debian package chromium)")


def run_axe(page: Any) -> list[dict[str, Any]]:
    """Run axe-core in ``page``; return the serious and critical violations."""
    if not AXE_SCRIPT.exists():
        raise RuntimeError(f"{AXE_SCRIPT} missing: run scripts/setup.sh (npm axe-core)")
    page.add_script_tag(content=AXE_SCRIPT.read_text(encoding="utf-8"))
    result = page.evaluate("async () => await axe.run(document)")
    return [v for v in result["violations"] if v.get("impact") in ("serious", "critical")]


def screenshot(page: Any, name: str) -> Path:
    """Save a full-page screenshot a person can look at; return its path."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
