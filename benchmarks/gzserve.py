"""A static web server that sends every file gzipped, as a real host would, and counts the bytes.

Page weight and Lighthouse must see what a reader's phone downloads: compressed responses.
Python's http.server sends files uncompressed, so this one compresses (level 6, like nginx's
usual setting) and records each request's path and compressed size.

    python benchmarks/gzserve.py site/ 8765       # serve site/ on http://127.0.0.1:8765/
"""

from __future__ import annotations

import gzip
import http.server
import mimetypes
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit


@lru_cache(maxsize=4096)
def _compressed(path: Path, mtime: float) -> bytes:
    return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)


class GzipHandler(http.server.BaseHTTPRequestHandler):
    """GET and HEAD for files below `root`; directories serve their index.html."""

    root: Path
    log: list[tuple[str, int]]

    def _target(self) -> Path | None:
        rel = unquote(urlsplit(self.path).path).lstrip("/")
        target = (self.root / rel).resolve()
        if self.root not in target.parents and target != self.root:
            return None
        if target.is_dir():
            target = target / "index.html"
        return target if target.is_file() else None

    def _send(self, with_body: bool) -> None:
        target = self._target()
        if target is None:
            body = gzip.compress(b"Niet gevonden", mtime=0)
            self.send_response(404)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
        else:
            body = _compressed(target, target.stat().st_mtime)
            self.send_response(200)
            kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
            if kind.startswith("text/") or kind in ("application/javascript", "application/json", "image/svg+xml"):
                kind += "; charset=utf-8"
            self.send_header("Content-Type", kind)
            self.send_header("Cache-Control", "no-cache")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if with_body:
            self.log.append((urlsplit(self.path).path, len(body)))
            try:
                self.wfile.write(body)
            except ConnectionError:
                pass

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self._send(True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._send(False)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        return


@contextmanager
def gzip_server(root: Path, port: int = 0) -> Iterator[tuple[str, list[tuple[str, int]]]]:
    """Serve `root` gzipped on 127.0.0.1; yields the base URL and the (path, gzip bytes) log."""
    log: list[tuple[str, int]] = []
    handler = type("Handler", (GzipHandler,), {"root": root.resolve(), "log": log})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", log
    finally:
        server.shutdown()


if __name__ == "__main__":
    with gzip_server(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 8765) as (url, _):
        print(f"{sys.argv[1]} op {url}/ (gzip); Ctrl+C stopt.")
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            pass
