"""Publishing under a sub-path (https://swv.example/route/) and the sitemap.

The site is built with ROUTEWIJZER_SITE_URL set to an address with a path, served under
/route/ only (anything else is a 404), and every link on every page must stay inside /route/
and reach an existing file; a browser then clicks through the handbook.
"""

from __future__ import annotations

import mimetypes
import posixpath
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlparse

import pytest

from support.browser import QuietHandler, serve
from support.routes import real_routes
from support.site import build_site

BASE = "https://swv.example/route/"
PREFIX = "/route/"
REAL = list(real_routes())
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(scope="module")
def subpath_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("subpath-site")
    result = build_site(target, env={"ROUTEWIJZER_SITE_URL": BASE})
    assert result.returncode == 0, result.stderr
    return target


class _PrefixHandler(QuietHandler):
    """Serves the site only below /route/, like a web server where the handbook is one folder."""

    def translate_path(self, path: str) -> str:
        parsed = urlparse(path).path
        if not parsed.startswith(PREFIX):
            return str(Path(self.directory) / "__not_under_prefix__")
        return super().translate_path("/" + parsed[len(PREFIX):])


@pytest.fixture(scope="module")
def subpath_url(subpath_site: Path) -> Iterator[str]:
    with serve(subpath_site, _PrefixHandler) as base:
        yield base + PREFIX


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and ((name == "href" and tag in ("a", "link")) or (name == "src" and tag in ("script", "img"))):
                self.urls.append((tag, value))


def _target_file(site: Path, page_url: str) -> Path:
    """The file a server maps an URL below /route/ to."""
    path = unquote(urlparse(page_url).path)[len(PREFIX):]
    target = site / path
    return target / "index.html" if path.endswith("/") or path == "" else target


def test_every_link_on_every_page_stays_below_the_sub_path(subpath_site: Path) -> None:
    pages = sorted(p for p in subpath_site.rglob("*.html") if p.name != "404.html")
    assert len(pages) > 20
    broken: list[str] = []
    for page in pages:
        rel = page.relative_to(subpath_site).as_posix()
        page_url = "http://host" + PREFIX + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for tag, url in parser.urls:
            if url.startswith(("#", "data:", "mailto:", "javascript:")):
                continue
            if url.startswith(BASE):  # canonical link and similar: the public address
                continue
            absolute = urljoin(page_url, url)
            parsed = urlparse(absolute)
            if tag == "a" and parsed.netloc != "host":
                continue  # a link a reader may follow (Material's footer credit), not a request
            assert parsed.netloc == "host", f"{rel}: {tag} laadt iets van een andere host: {url}"
            if not posixpath.normpath(parsed.path).startswith(PREFIX.rstrip("/")):
                broken.append(f"{rel}: {url} gaat buiten {PREFIX}")
            elif not _target_file(subpath_site, absolute).is_file():
                broken.append(f"{rel}: {url} bestaat niet")
    assert broken == []


def test_sitemap_lists_every_page_at_the_public_address(subpath_site: Path) -> None:
    tree = ET.parse(subpath_site / "sitemap.xml")
    locs = [el.text or "" for el in tree.getroot().iter(f"{SITEMAP}loc")]
    pages = {p.relative_to(subpath_site).as_posix() for p in subpath_site.rglob("index.html")}
    assert len(locs) == len(pages)
    assert len(set(locs)) == len(locs)
    for loc in locs:
        assert loc.startswith(BASE), loc
        assert (subpath_site / loc[len(BASE):] / "index.html").is_file(), loc
    for loaded in REAL:
        assert f"{BASE}{loaded.slug}/afdrukken/" in locs
        assert f"{BASE}{loaded.slug}/stappen/{loaded.route.steps[0].id}/" in locs
    canonical = (subpath_site / REAL[0].slug / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{BASE}{REAL[0].slug}/">' in canonical


def test_sitemap_without_site_url_is_valid_and_empty(built_site: Path) -> None:
    """Without an address MkDocs cannot know absolute URLs; the sitemap is then an empty, valid list."""
    root = ET.parse(built_site / "sitemap.xml").getroot()
    assert root.tag == f"{SITEMAP}urlset"
    assert list(root.iter(f"{SITEMAP}loc")) == []


@pytest.mark.browser
def test_clicking_through_under_a_sub_path(page: object, subpath_url: str, recorder: object) -> None:
    failed: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    # Requests cut off by leaving a page (ERR_ABORTED) are not errors; anything else is.
    page.on("requestfailed", lambda r: failed.append(f"mislukt {r.url} {r.failure}")
            if "ERR_ABORTED" not in (r.failure or "") else None)
    loaded = REAL[0]
    page.goto(subpath_url)
    # Home → route overview → first step → Wie doet wat → publisher page → print version, by clicking links.
    page.locator(f'article a[href$="{loaded.slug}/"] >> visible=true').first.click()
    page.wait_for_url(f"{subpath_url}{loaded.slug}/")
    step = loaded.route.steps[0]
    page.locator(f'article a[href$="stappen/{step.id}/"] >> visible=true').first.click()
    page.wait_for_url(f"{subpath_url}{loaded.slug}/stappen/{step.id}/")
    page.locator('.md-nav a[href$="wie-doet-wat/"] >> visible=true').first.click()
    page.wait_for_url(f"{subpath_url}{loaded.slug}/wie-doet-wat/")
    # Print and PDF sit in the section 'Voor de school' (pruned from the nav until one opens it),
    # so the way there goes through the publisher page.
    page.locator('.md-nav a[href$="publiceren/"] >> visible=true').first.click()
    page.wait_for_url(f"{subpath_url}{loaded.slug}/publiceren/")
    page.locator('.md-nav a[href$="afdrukken/"] >> visible=true').first.click()
    page.wait_for_url(f"{subpath_url}{loaded.slug}/afdrukken/")
    assert page.locator("h1.rw-cover__title").is_visible()
    # Search works below the sub-path (its index is fetched relative to the site).
    page.goto(f"{subpath_url}{loaded.slug}/")
    page.keyboard.press("/")
    page.locator(".md-search__input").fill(step.title.split()[0])
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    assert failed == []
    # Open data below the sub-path.
    response = page.request.get(f"{subpath_url}routes.json")
    assert response.status == 200 and response.json()["routes"][0]["handboek"] == f"{REAL[0].slug}/"
    assert recorder.external_requests == []  # type: ignore[attr-defined]


def _at_public_address(page: Any, site: Path) -> None:
    """Answer the browser's requests for BASE from the built site, so pages are read at the
    address they were built for: Material's instant navigation only follows links into its
    sitemap, and the sitemap holds the public address."""
    def answer(route: Any) -> None:
        target = _target_file(site, route.request.url)
        if target.is_file():
            route.fulfill(status=200, body=target.read_bytes(),
                          content_type=mimetypes.guess_type(target.name)[0] or "application/octet-stream")
        else:
            route.fulfill(status=404, body=b"")
    page.route(BASE + "**", answer)


@pytest.mark.browser
def test_instant_navigation_to_the_wegwijzer_brings_its_script(page: Any, subpath_site: Path, recorder: Any) -> None:
    """A step page does not load the wegwijzer; reached by instant navigation (no new page
    load), the wegwijzer page still gets its script (assets/page-scripts.js)."""
    _at_public_address(page, subpath_site)
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    loaded = REAL[0]
    page.goto(f"{BASE}{loaded.slug}/stappen/{loaded.route.steps[0].id}/")
    page.wait_for_load_state("networkidle")
    assert [u for u in requested if u.endswith("/checklist.js")]
    assert not [u for u in requested if u.endswith(("/wegwijzer.js", "/wegwijzer-rank.js"))], \
        "een stappagina laadt de wegwijzer"
    page.evaluate("window.rwSamePage = true")
    page.locator("a.md-nav__link[href$='/wegwijzer/']:visible").first.click()
    page.wait_for_selector("[data-testid=vraag]")  # only wegwijzer.js shows the first question
    assert page.url == f"{BASE}{loaded.slug}/wegwijzer/"
    assert page.evaluate("window.rwSamePage === true"), "geen instant navigation: de pagina is opnieuw geladen"
    assert [u for u in requested if u.endswith("/wegwijzer.js")]
    assert not recorder.page_errors
