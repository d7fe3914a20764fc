"""``palais demo``: the README's main job, from an empty folder to a served archive."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from typer.testing import CliRunner

from palais.cli import app
from palais.languages import ALL
from palais.model import Format
from palais.registry import Registry
from palais.settings import Settings

# Cheap password hashing: the demo makes three accounts on each first run.
FAST_HASHING = {"PALAIS_ARGON2_MEMORY_KIB": "1024", "PALAIS_ARGON2_TIME_COST": "1"}


def run_demo(*args: str) -> str:
    result = CliRunner().invoke(app, ["demo", *args], env=FAST_HASHING)
    assert result.exit_code == 0, result.output
    return result.output


def test_demo_issues_both_samples_in_every_language_and_format_once(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run_demo("--data-dir", str(tmp_path), "--no-serve", "--out", str(out))
    assert "A/HRC/41/G/7: issued" in first and "A/HRC/47/G/1: issued" in first
    for slug in ("A-HRC-41-G-7", "A-HRC-47-G-1"):
        names = {p.name for p in (out / slug).iterdir()}
        formats = Format.composed()
        assert names == {f"{lang.value}.{fmt.extension}" for lang in ALL for fmt in formats}
        assert (out / slug / "ar.pdf").read_bytes().startswith(b"%PDF-")

    second = run_demo("--data-dir", str(tmp_path), "--no-serve")
    assert "A/HRC/41/G/7: already issued" in second and "password" not in second
    registry = Registry.open(Settings(data_dir=tmp_path))
    assert len(registry.recently_issued(limit=None)) == 2


def test_demo_accounts_are_kept_for_their_owner_and_log_in(tmp_path: Path) -> None:
    run_demo("--data-dir", str(tmp_path), "--no-serve")
    accounts = tmp_path / "accounts.txt"
    assert accounts.stat().st_mode & 0o077 == 0
    lines = [line.split() for line in accounts.read_text().splitlines()]
    assert [name for name, _ in lines] == ["demo-officer", "demo-mission", "demo-translator"]
    registry = Registry.open(Settings(data_dir=tmp_path))
    for name, password in lines:
        assert registry.login(name, password).username == name


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_demo_serves_the_archive_on_localhost(tmp_path: Path) -> None:
    port = _free_port()
    env = os.environ | FAST_HASHING
    command = [sys.executable, "-m", "palais", "demo", "--data-dir", str(tmp_path),
               "--port", str(port)]
    server = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 120
        while True:
            assert server.poll() is None, server.stdout.read().decode() if server.stdout else ""
            try:
                home = httpx.get(base + "/", timeout=2)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "the demo server did not answer in time"
                time.sleep(0.2)
        assert home.status_code == 200 and "A/HRC/47/G/1" in home.text
        found = httpx.get(base + "/search", params={"q": "Kalbajar"}, timeout=10)
        assert "A/HRC/41/G/7" in found.text and "A/HRC/47/G/1" in found.text
        pdf = httpx.get(base + "/api/documents/A/HRC/47/G/1/fr.pdf", timeout=10)
        assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")
    finally:
        server.terminate()
        server.wait(timeout=30)
