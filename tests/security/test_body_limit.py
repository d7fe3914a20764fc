"""Finding 5: request bodies without Content-Length (chunked) were read whole before
authentication: 400 MiB spooled to disk by an anonymous upload, 300 MiB of JSON
read into memory by the login endpoint.

A real server is sent chunked bodies over a raw socket, as fast as it takes
them; the server must answer 413 long before the body ends. Failed before the
fix (the server took the whole body, then answered 401 or 422), checked by
running it against the code before the change.
"""

from __future__ import annotations

import socket
from pathlib import Path
from urllib.parse import urlsplit

from tests.security.conftest import environment, palais_serve
from tests.web.harness import Backend, prepared_store

MIB = 1 << 20


def _send_chunked(
    base: str, path: str, content_type: str, total: int, prefix: bytes = b""
) -> tuple[int, int]:
    """Stream ``total`` bytes to ``path`` chunked; the answer's status and the bytes sent."""
    where = urlsplit(base)
    sent = 0
    with socket.create_connection((where.hostname, where.port), timeout=30) as connection:
        connection.sendall(
            f"POST {path} HTTP/1.1\r\nHost: {where.netloc}\r\nContent-Type: {content_type}\r\n"
            "Transfer-Encoding: chunked\r\n\r\n".encode()
            + (b"%x\r\n" % len(prefix) + prefix + b"\r\n" if prefix else b"")
        )
        chunk = b"%x\r\n" % MIB + b"a" * MIB + b"\r\n"
        connection.settimeout(0)
        answer = b""
        while sent < total:
            try:
                answer += connection.recv(65536)
            except BlockingIOError:
                pass
            except OSError:
                break
            if answer:
                break
            try:
                connection.settimeout(5)
                connection.sendall(chunk)
                sent += MIB
                connection.settimeout(0)
            except OSError:
                break
        connection.settimeout(30)
        while b"\r\n" not in answer:
            more = connection.recv(65536)
            if not more:
                break
            answer += more
    return int(answer.split(b" ", 2)[1]), sent


def test_streamed_bodies_are_cut_off_at_the_limit(tmp_path: Path) -> None:
    store = prepared_store(Backend("sqlite"), tmp_path)
    env = {**environment(PALAIS_MAX_UPLOAD_BYTES=str(8 * MIB)), **store.env}
    with palais_serve(env) as base:
        status, sent = _send_chunked(base, "/api/auth/login", "application/json", 100 * MIB)
        assert status == 413 and sent < 16 * MIB, (status, sent)
        part = (b'--x\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n'
                b"Content-Type: text/plain\r\n\r\n")
        status, sent = _send_chunked(
            base, "/api/submissions/upload", "multipart/form-data; boundary=x", 200 * MIB, part
        )
        assert status == 413 and sent < 40 * MIB, (status, sent)
