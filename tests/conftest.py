"""Shared fixtures: a built site, a local web server for it, and headless Chromium.

The site is built once per test session from the real routes in `routes/`, served on
127.0.0.1, and every browser page records (and blocks) requests to other hosts, so any
test can assert the site stays offline.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parent.parent
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


def chromium_path() -> str:
    """The system Chromium; Playwright's own browser download does not work here."""
    for candidate in CHROMIUM_CANDIDATES:
        if Path(candidate).exists():
            return candidate
    found = shutil.which("chromium")
    if found:
        return found
    pytest.fail("Chromium ontbreekt: installeer het met 'apt-get install chromium' (make test doet dit).")


def build_site(target: Path, config: Path | None = None, extra: list[str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build --strict` into `target`; returns the finished process."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(target),
           "-f", str(config or ROOT / "mkdocs.yml")] + (extra or [])
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The handbook of all routes, built once for the whole test session."""
    target = tmp_path_factory.mktemp("site")
    result = build_site(target)
    assert result.returncode == 0, f"mkdocs build --strict faalde:\n{result.stdout}\n{result.stderr}"
    return target


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        return


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        """A browser that navigates on cancels downloads (broken pipe): not worth a traceback."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


@contextmanager
def serve(directory: Path, handler: type[http.server.SimpleHTTPRequestHandler] = _QuietHandler) -> Iterator[str]:
    """Serve `directory` on 127.0.0.1 in a thread; yields 'http://127.0.0.1:<port>'."""
    server = _QuietServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """Base URL (with trailing slash) of the built site on a local server."""
    with serve(built_site) as base:
        yield base + "/"


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Headless system Chromium, driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@dataclass
class PageRecorder:
    """What a browser page did: requests to other hosts (blocked) and console errors."""

    external_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)


def _is_local(url: str) -> bool:
    parsed = urlparse(url)
    if parsed.scheme in ("data", "blob", "about", "javascript"):
        return True
    return parsed.hostname in ("127.0.0.1", "localhost", "::1")


@pytest.fixture
def recorder() -> PageRecorder:
    return PageRecorder()


def _new_page(browser: object, recorder: PageRecorder, **context_args: object) -> tuple[object, object]:
    context = browser.new_context(**context_args)  # type: ignore[attr-defined]

    def guard(route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        if _is_local(url):
            route.continue_()  # type: ignore[attr-defined]
        else:
            recorder.external_requests.append(url)
            route.abort()  # type: ignore[attr-defined]

    context.route("**/*", guard)
    page = context.new_page()
    page.on("console", lambda msg: recorder.console_errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: recorder.page_errors.append(str(exc)))
    return context, page


@pytest.fixture
def page(browser: object, recorder: PageRecorder) -> Iterator[object]:
    """A desktop-sized browser page that blocks and records requests to other hosts."""
    context, page = _new_page(browser, recorder, viewport={"width": 1280, "height": 900}, locale="nl-NL")
    yield page
    context.close()  # type: ignore[attr-defined]


@pytest.fixture
def phone_page(browser: object, recorder: PageRecorder) -> Iterator[object]:
    """A phone-sized page (360 × 740, touch), same request guard."""
    context, page = _new_page(browser, recorder, viewport={"width": 360, "height": 740}, is_mobile=True,
                              has_touch=True, device_scale_factor=2, locale="nl-NL")
    yield page
    context.close()  # type: ignore[attr-defined]


@pytest.fixture
def new_page(browser: object, recorder: PageRecorder) -> Iterator[object]:
    """Factory for pages with custom context options (dark mode, no JavaScript, viewport)."""
    contexts: list[object] = []

    def make(**context_args: object) -> object:
        context, page = _new_page(browser, recorder, **context_args)
        contexts.append(context)
        return page

    yield make
    for context in contexts:
        context.close()  # type: ignore[attr-defined]
