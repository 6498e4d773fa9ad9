"""PDFs of the print version of each route, made with headless Chromium.

Schools attach the route to their ondersteuningsplan as a PDF. The print page already is
the route as one A4 document (see pages/printable.py and overrides/assets/print.css), so
a PDF is that page printed by a real browser: the PDF looks exactly like printing from the
site. The built site is served on 127.0.0.1 only while printing; nothing leaves the machine.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .problems import os_error_text, terminal_safe

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


@dataclass(frozen=True)
class RouteEntry:
    """A route as listed in the built site's routes.json."""

    slug: str
    title: str
    handbook: str
    """URL of the route's Overzicht, relative to the site root (e.g. 'de-kempen/')."""

    @property
    def print_path(self) -> str:
        """URL of the print version, relative to the site root."""
        return f"{self.handbook}afdrukken/"


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


_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_URL_DIR = re.compile(r"^(?:[A-Za-z0-9_~-][A-Za-z0-9._~-]*/)*$")
"""A site-relative folder URL such as 'de-kempen/' or 'routes/de-kempen/': no '..', no host."""


def _entry(item: object, number: int, index: Path) -> RouteEntry:
    """One routes.json entry, checked: a slug names the PDF file, so it must be a plain id."""
    if not isinstance(item, dict):
        raise PdfError(f"{index}: route nummer {number} is geen object met 'slug', 'titel' en 'handboek'.")
    slug, title, handbook = item.get("slug"), item.get("titel"), item.get("handboek")
    if not isinstance(slug, str) or not _SLUG.match(slug):
        raise PdfError(terminal_safe(f"{index}: route nummer {number} heeft een ongeldige slug ({slug!r}); een slug "
                                     "bestaat uit kleine letters, cijfers en streepjes. Bouw de site opnieuw."))
    if not isinstance(handbook, str) or not _URL_DIR.match(handbook) or any(
            part in (".", "..") for part in handbook.split("/")):
        raise PdfError(terminal_safe(f"{index}: route '{slug}' heeft een ongeldig 'handboek'-adres ({handbook!r}). "
                                     "Bouw de site opnieuw."))
    return RouteEntry(slug=slug, title=title if isinstance(title, str) else slug, handbook=handbook)


def site_routes(site: Path) -> list[RouteEntry]:
    """The routes of a built site, from its open-data index routes.json (checked, never trusted)."""
    index = site / "routes.json"
    if not index.is_file():
        raise PdfError(f"{site}: dit is geen gebouwde Routewijzer-site (routes.json ontbreekt). "
                       "Bouw de site eerst met 'mkdocs build' of laat --site weg.")
    try:
        if index.stat().st_size > 10_000_000:
            raise PdfError(f"{index}: dit bestand is te groot voor een routelijst; bouw de site opnieuw.")
        data = json.loads(index.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        raise PdfError(f"{index}: dit bestand is beschadigd (geen geldige JSON). Bouw de site opnieuw met "
                       "'mkdocs build' of laat --site weg.") from None
    routes = data.get("routes") if isinstance(data, dict) else None
    if not isinstance(routes, list):
        raise PdfError(f"{index}: hier ontbreekt de lijst 'routes'. Bouw de site opnieuw met 'mkdocs build'.")
    entries = [_entry(item, n, index) for n, item in enumerate(routes, start=1)]
    seen: set[str] = set()
    for entry in entries:
        if entry.slug in seen:
            raise PdfError(f"{index}: route '{entry.slug}' staat er twee keer in. Bouw de site opnieuw.")
        seen.add(entry.slug)
    return entries


def prepare_output(out_dir: Path) -> None:
    """Make the output folder (before any slow work), or say in Dutch why that cannot be."""
    if out_dir.exists() and not out_dir.is_dir():
        raise PdfError(f"{out_dir}: dit is geen map (maar een bestand of apparaat). Geef met --uitvoer een map "
                       "voor de PDF's.")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PdfError(f"{out_dir}: deze map kan niet gemaakt worden: {os_error_text(exc)}.") from None


def select_routes(available: list[RouteEntry], wanted: list[str]) -> list[RouteEntry]:
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


def make_pdfs(site: Path, routes: list[RouteEntry], out_dir: Path, chromium: str,
              on_route: Callable[[RouteEntry], None] | None = None) -> list[Path]:
    """Print each route's print version from the built site to `<out_dir>/<slug>.pdf`."""
    written: list[Path] = []
    with serve(site) as base:
        for route in routes:
            if on_route:
                on_route(route)
            out = out_dir / f"{route.slug}.pdf"
            if out.resolve().parent != out_dir.resolve():  # slugs are checked; this keeps it so
                raise PdfError(f"{route.slug}: deze PDF zou buiten {out_dir} komen; niets geschreven.")
            print_pdf(chromium, base + route.print_path, out)
            written.append(out)
    return written
