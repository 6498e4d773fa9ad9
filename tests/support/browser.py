"""Headless Chromium for the tests, kept offline, and a local web server for built sites.

Every page made here records (and blocks) requests to other hosts and collects console
and script errors, so any test can assert the site stays offline and quiet.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"viewport": {"width": 1280, "height": 900}, "locale": "nl-NL"}


def chromium_path() -> str:
    """The system Chromium; Playwright's own browser download does not work here."""
    for candidate in CHROMIUM_CANDIDATES:
        if Path(candidate).exists():
            return candidate
    found = shutil.which("chromium")
    if found:
        return found
    pytest.fail("Chromium ontbreekt: installeer het met 'apt-get install chromium' (make test doet dit).")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """A static file handler that does not log every request to stderr."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        return


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        """A browser that navigates on cancels downloads (broken pipe): not worth a traceback."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


@contextmanager
def serve(directory: Path, handler: type[http.server.SimpleHTTPRequestHandler] = QuietHandler) -> Iterator[str]:
    """Serve `directory` on 127.0.0.1 in a thread; yields 'http://127.0.0.1:<port>'."""
    server = _QuietServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class PageRecorder:
    """What a browser page did: requests to other hosts (blocked) and console errors."""

    external_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def clear(self) -> None:
        """Forget what was recorded (before the next page of a walk)."""
        self.external_requests.clear()
        self.console_errors.clear()
        self.page_errors.clear()


def is_local(url: str) -> bool:
    """True for this machine and for URLs that never go over the network."""
    parsed = urlparse(url)
    if parsed.scheme in ("data", "blob", "about", "javascript"):
        return True
    return parsed.hostname in ("127.0.0.1", "localhost", "::1")


def new_page(browser: Any, recorder: PageRecorder, **context_args: Any) -> tuple[Any, Any]:
    """A new context and page whose requests to other hosts are blocked and recorded."""
    context = browser.new_context(**context_args)

    def guard(route: Any) -> None:
        url = route.request.url
        if is_local(url):
            route.continue_()
        else:
            recorder.external_requests.append(url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.on("console", lambda msg: recorder.console_errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: recorder.page_errors.append(str(exc)))
    return context, page


@dataclass
class Walk:
    """One guarded page reused for a walk over many pages (one context, not one per page)."""

    page: Any
    recorder: PageRecorder
    failed: list[str]

    def reset(self) -> None:
        """Forget what earlier pages of the walk did."""
        self.recorder.clear()
        self.failed.clear()


@contextmanager
def walker(browser: Any, **context_args: Any) -> Iterator[tuple[Any, PageRecorder, list[str]]]:
    """A guarded page, its recorder, and a list of same-host responses with status >= 400."""
    walk = open_walk(browser, **context_args)
    try:
        yield walk.page, walk.recorder, walk.failed
    finally:
        walk.page.context.close()


def open_walk(browser: Any, **context_args: Any) -> Walk:
    """A Walk in a new desktop-sized context (options in `context_args` win); close its context."""
    recorder = PageRecorder()
    context, page = new_page(browser, recorder, **{**DESKTOP, **context_args})
    failed: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    return Walk(page, recorder, failed)


def problems_by_page(problems: dict[str, list[str]]) -> str:
    """A readable failure report: page, then its problems."""
    lines = []
    for page, found in sorted(problems.items()):
        lines.append(f"{page}:")
        lines.extend(f"    {p}" for p in found)
    return "\n".join(lines)
