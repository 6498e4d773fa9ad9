"""`mkdocs serve` keeps serving the last good site while a route file is broken.

MkDocs' live-reload server holds every request after a failed rebuild until a build
succeeds, so one typo in a route froze the preview in every open browser. A route error
stops the build before the site directory is touched, so the plugin lets the server go on
serving the previous site and logs the error; once the route is fixed, the new site shows.
"""

from __future__ import annotations

import os
import queue
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from support.site import config_for_routes
from conftest import ROOT
from support.routes import starter_text


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str, timeout: float) -> str:
    with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 (local server)
        return str(response.read().decode("utf-8"))


def _wait_for(lines: queue.Queue[str], needle: str, seen: list[str], timeout: float) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            line = lines.get(timeout=0.5)
        except queue.Empty:
            continue
        seen.append(line)
        if needle in line:
            return
    raise AssertionError(f"'{needle}' kwam niet in de uitvoer van mkdocs serve:\n" + "".join(seen[-40:]))


def test_serve_keeps_the_last_good_site_while_a_route_is_broken(tmp_path: Path) -> None:
    routes = tmp_path / "routes"
    routes.mkdir()
    route = routes / "school.yaml"
    route.write_text(starter_text("De Regenboog"), encoding="utf-8")
    port = _free_port()
    url = f"http://127.0.0.1:{port}/school/"
    with config_for_routes(routes) as config:
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        lines: queue.Queue[str] = queue.Queue()
        assert process.stdout is not None
        threading.Thread(target=lambda: [lines.put(line) for line in process.stdout], daemon=True).start()  # type: ignore[union-attr]
        seen: list[str] = []
        try:
            _wait_for(lines, "Serving on", seen, 180)
            assert "De Regenboog" in _get(url, 30)

            route.write_text("titel: [kapot\n", encoding="utf-8")
            _wait_for(lines, "de site is niet gebouwd", seen, 120)
            _wait_for(lines, "school.yaml", seen, 10)
            started = time.monotonic()
            page = _get(url, 10)  # before the fix this request hung until the route was repaired
            assert "De Regenboog" in page
            assert time.monotonic() - started < 10
            _wait_for(lines, "de vorige versie blijft te zien", seen, 10)

            route.write_text(starter_text("De Zonnebloem"), encoding="utf-8")
            _wait_for(lines, "Reloading browsers", seen, 120)
            deadline = time.monotonic() + 30
            while "De Zonnebloem" not in _get(url, 10):
                assert time.monotonic() < deadline, "de herstelde route verschijnt niet"
                time.sleep(0.5)
            assert not any("Traceback" in line for line in seen), "".join(seen)
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
