"""PDFs of the print version of each route, made with headless Chromium.

Schools attach the route to their ondersteuningsplan as a PDF. The print page already is
the route as one A4 document (see pages/printable.py and overrides/assets/print.css), so
a PDF is that page printed by a real browser: the PDF looks exactly like printing from the
site. The built site is served on 127.0.0.1 only while printing; nothing leaves the machine.
Which routes there are comes from the route files, and where their print version lives
from the URL layout (generator/layout.py), not from reading the built site back.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from .layout import Layout
from .model import LoadedRoute
from .problems import os_error_text

CHROMIUM_ENV = "ROUTEWIJZER_CHROMIUM"
"""Environment variable with the path of the Chromium (or Chrome) program to use."""

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--no-pdf-header-footer",
)
"""Headless printing without the browser's own header and footer (the page CSS numbers pages)."""

PRINT_TIMEOUT = 180
"""Seconds one route may take to print; a long route prints in well under a minute."""


class PdfError(RuntimeError):
    """Something the user can fix; the message is Dutch and says what to do."""


def find_chromium(explicit: str | None = None) -> str:
    """The Chromium program: the given path, else $ROUTEWIJZER_CHROMIUM, else one on PATH."""
    wanted = explicit or os.environ.get(CHROMIUM_ENV)
    if wanted:
        found = shutil.which(wanted)
        if found:
            return found
        raise PdfError(f"Chromium is niet gevonden op '{wanted}'. Installeer Chromium (Debian/Ubuntu: "
                       "sudo apt-get install chromium) of geef het juiste pad met --chromium.")
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise PdfError("Chromium is niet gevonden; dat is nodig om PDF's te maken. Installeer het "
                   "(Debian/Ubuntu: sudo apt-get install chromium) of geef het pad met --chromium "
                   f"of met de omgevingsvariabele {CHROMIUM_ENV}.")


def chromium_command(chromium: str, url: str, out: Path) -> list[str]:
    """The command line that prints one page to a PDF file."""
    return [chromium, *CHROMIUM_FLAGS, f"--print-to-pdf={out}", url]


def check_site(site: Path, layout: Layout) -> None:
    """Refuse a folder that is not a built Routewijzer site (it has no open-data index)."""
    if not (site / layout.index).is_file():
        raise PdfError(f"{site}: dit is geen gebouwde Routewijzer-site ({layout.index} ontbreekt). "
                       "Bouw de site eerst met 'mkdocs build' of laat --site weg.")


def print_address(layout: Layout, slug: str) -> str:
    """Address of a route's print version below the site root, e.g. 'de-kempen/afdrukken/'."""
    return layout.url(layout.print(slug))


def prepare_output(out_dir: Path) -> None:
    """Make the output folder (before any slow work), or say in Dutch why that cannot be."""
    if out_dir.exists() and not out_dir.is_dir():
        raise PdfError(f"{out_dir}: dit is geen map (maar een bestand of apparaat). Geef met --uitvoer een map "
                       "voor de PDF's.")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PdfError(f"{out_dir}: deze map kan niet gemaakt worden: {os_error_text(exc)}.") from None


def select_routes(available: list[LoadedRoute], wanted: list[str]) -> list[LoadedRoute]:
    """The routes asked for by slug (all when none are named), in the order asked."""
    if not wanted:
        return available
    by_slug = {r.slug: r for r in available}
    unknown = [w for w in wanted if w not in by_slug]
    if unknown:
        raise PdfError(f"Onbekende route(s): {', '.join(unknown)}. Bekend: {', '.join(by_slug) or '(geen)'}.")
    return [by_slug[w] for w in wanted]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        return


@contextlib.contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve a built site on 127.0.0.1 (a free port) while printing; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def print_pdf(chromium: str, url: str, out: Path, timeout: int = PRINT_TIMEOUT) -> None:
    """Print one URL to a PDF file with headless Chromium; raise PdfError when no PDF came out."""
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        if out.exists():
            out.unlink()
    except OSError as exc:
        raise PdfError(f"{out}: de PDF kan hier niet geschreven worden: {os_error_text(exc)}.") from None
    try:
        result = subprocess.run(chromium_command(chromium, url, out.resolve()), capture_output=True,
                                text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise PdfError(f"Chromium was na {timeout} seconden nog niet klaar met {url}.") from None
    except OSError as exc:
        raise PdfError(f"Chromium kon niet starten ({chromium}: {os_error_text(exc)}).") from None
    if not out.is_file() or not out.read_bytes().startswith(b"%PDF"):
        detail = (result.stderr or "").strip().splitlines()[-1:] or ["geen uitvoer"]
        raise PdfError(f"Chromium maakte geen PDF van {url} (afsluitcode {result.returncode}: {detail[0]}).")


def build_site(config: Path, target: Path) -> None:
    """Build the handbook with MkDocs into `target` (the route files are checked on the way)."""
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(target)],
                            capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    if result.returncode != 0:
        raise PdfError("De site kon niet gebouwd worden:\n" + (result.stderr or result.stdout).strip())


def make_pdfs(site: Path, routes: list[LoadedRoute], layout: Layout, out_dir: Path, chromium: str,
              on_route: Callable[[LoadedRoute], None] | None = None) -> list[Path]:
    """Print each route's print version (`Layout.print`) from the built site to `<out_dir>/<slug>.pdf`.

    The routes are the loaded route files, so the slugs are checked ones; nothing the built
    site holds decides which files are written."""
    for route in routes:
        address = print_address(layout, route.slug)
        if not (site / address / "index.html").is_file():
            raise PdfError(f"{site}: de afdrukversie van route '{route.slug}' ({address}) ontbreekt; deze site is "
                           "niet uit deze routes gebouwd. Bouw de site opnieuw of laat --site weg.")
    written: list[Path] = []
    with serve(site) as base:
        for route in routes:
            if on_route:
                on_route(route)
            out = out_dir / f"{route.slug}.pdf"
            if out.resolve().parent != out_dir.resolve():  # slugs are checked; this keeps it so
                raise PdfError(f"{route.slug}: deze PDF zou buiten {out_dir} komen; niets geschreven.")
            print_pdf(chromium, base + print_address(layout, route.slug), out)
            written.append(out)
    return written
