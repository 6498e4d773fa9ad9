"""The print version (afdrukken/) and printing of any page.

Checks the structure (cover, contents whose links all resolve, every step, roles and
documents), that route text stays text, and in Chromium with print media that the site
chrome disappears and sections start on a new page.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.dates import dutch_date
from generator.load import parse_route
from generator.model import LoadedRoute
from generator.nav import build_nav
from generator.pages import render_site
from generator.context import SiteContext
from generator.layout import Layout
from generator.pages.printable import PRINT_TITLE, available_pdfs, render_print_page

from support.routes import site_routes

ROOT = Path(__file__).resolve().parent.parent
ROUTES = list(site_routes())
REAL = [r for r in ROUTES if not r.slug.startswith("zz-")]
STARTER = ROOT / "generator" / "templates" / "starter.yaml"

routes = pytest.mark.parametrize("loaded", REAL, ids=lambda r: r.slug)


class _Ids(HTMLParser):
    """Ids, in-page links and headings of a built page's article."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.toc_links: list[str] = []
        self.hash_links: list[str] = []
        self._in_toc = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"] or "")
        if tag == "nav" and "rw-print-toc" in (a.get("class") or ""):
            self._in_toc += 1
        if tag == "a" and (a.get("href") or "").startswith("#"):
            self.hash_links.append((a["href"] or "")[1:])
            if self._in_toc:
                self.toc_links.append((a["href"] or "")[1:])

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav" and self._in_toc:
            self._in_toc -= 1


def _page(built_site: Path, loaded: LoadedRoute) -> str:
    return (built_site / loaded.slug / "afdrukken" / "index.html").read_text(encoding="utf-8")


def test_there_are_real_routes() -> None:
    assert len(REAL) >= 4


@routes
def test_cover(loaded: LoadedRoute) -> None:
    route = loaded.route
    page = render_print_page(loaded, SiteContext(routes=tuple(ROUTES)))[0]
    assert page.src_uri == f"{loaded.slug}/afdrukken.md" and page.title == PRINT_TITLE
    text = page.content
    assert f'<time datetime="{route.date}">{dutch_date(route.date)}</time>' in text
    assert f"versie {route.version} van" in text
    assert re.search(r"^# .+ \{: \.rw-cover__title \}$", text, re.M)
    appendix = "Bijlage bij het ondersteuningsplan"
    if route.appendix:
        assert appendix + (f" {route.plan_period}" if route.plan_period else "") + "</p>" in text
    else:
        assert appendix not in text


def test_appendix_line_only_when_bijlage_is_true() -> None:
    raw = STARTER.read_text(encoding="utf-8").replace("{{ naam }}", "De Regenboog").replace("{{ vandaag }}", "2026-08-01")
    plain = parse_route(raw.encode(), "x.yaml", "x")
    appendix = parse_route(raw.replace("bijlage: false", "bijlage: true").encode(), "x.yaml", "x")
    ctx = SiteContext(routes=(plain,))
    assert "Bijlage bij het ondersteuningsplan" not in render_print_page(plain, ctx)[0].content
    assert "Bijlage bij het ondersteuningsplan 2026-2030</p>" in render_print_page(appendix, ctx)[0].content
    assert "versie 1.0 van <time datetime=\"2026-08-01\">1 augustus 2026</time>" in render_print_page(plain, ctx)[0].content


def test_route_text_stays_text() -> None:
    raw = (STARTER.read_text(encoding="utf-8").replace("{{ naam }}", "De Regenboog").replace("{{ vandaag }}", "2026-08-01")
           .replace("titel: De leerkracht signaleert", 'titel: "<script>alert(1)</script> *vet* {{ x }}"')
           .replace("  naam: De Regenboog", '  naam: "<b>School</b> [x](javascript:alert(1))"'))
    loaded = parse_route(raw.encode(), "x.yaml", "x")
    text = render_print_page(loaded, SiteContext(routes=(loaded,)))[0].content
    assert "<script>alert" not in text and "<b>School" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "&lt;b&gt;School&lt;/b&gt;" in text


@routes
def test_print_page_is_last_in_the_route_navigation(loaded: LoadedRoute) -> None:
    context = SiteContext(routes=tuple(ROUTES))
    nav = build_nav(render_site(context), context)
    # The print version is what a publisher needs: last in the route's 'Voor de school' section.
    section = next(item for item in nav if loaded.route.organisation.display_name in item)
    entries = section[loaded.route.organisation.display_name]
    assert list(entries[-1]) == ["Voor de school"]
    assert entries[-1]["Voor de school"][-1] == {PRINT_TITLE: f"{loaded.slug}/afdrukken.md"}


@routes
def test_contents_links_resolve_and_every_part_is_there(loaded: LoadedRoute, built_site: Path) -> None:
    parser = _Ids()
    parser.feed(_page(built_site, loaded))
    route = loaded.route
    expected_toc = ["overzicht", "stappen", *[f"stap-{s.id}" for s in route.steps], "wie-doet-wat",
                    "documenten", "voor-ouders"]
    expected_toc += ["begrippen"] if route.terms else []
    expected_toc += ["wijzigingen"] if route.changelog else []
    assert parser.toc_links == expected_toc
    missing = [link for link in parser.hash_links if link and link not in parser.ids]
    assert missing == [], f"links naar ontbrekende ankers: {missing}"
    for role in route.roles:
        assert f"rol-{role.id}" in parser.ids
    for document in route.documents:
        assert f"doc-{document.id}" in parser.ids


@routes
def test_every_step_has_its_section(loaded: LoadedRoute, built_site: Path) -> None:
    html = _page(built_site, loaded)
    for index, step in enumerate(loaded.route.steps):
        match = re.search(rf'<h3 class="([^"]*)" id="stap-{re.escape(step.id)}"|<h3 id="stap-{re.escape(step.id)}"[^>]*>', html)
        assert match, step.id
        breaks = "rw-break" in (match.group(0))
        assert breaks == (index > 0), f"{step.id}: nieuwe pagina {'verwacht' if index else 'niet verwacht'}"


def test_pdf_link_only_when_the_pdf_exists(tmp_path: Path) -> None:
    loaded = REAL[0]
    without = render_print_page(loaded, SiteContext(routes=tuple(ROUTES)))[0].content
    assert "Download als PDF" not in without
    (tmp_path / "pdf").mkdir()
    (tmp_path / "pdf" / f"{loaded.slug}.pdf").write_bytes(b"%PDF-1.4\n")
    (tmp_path / "pdf" / "notes.txt").write_text("x")
    pdfs = available_pdfs(tmp_path, Layout())
    assert pdfs == frozenset({loaded.slug})
    with_pdf = render_print_page(loaded, SiteContext(routes=tuple(ROUTES), pdfs=pdfs))[0].content
    assert f'<a class="md-button" href="../../pdf/{loaded.slug}.pdf" download>Download als PDF</a>' in with_pdf
    assert available_pdfs(tmp_path / "bestaat-niet", Layout()) == frozenset()


CHROME = (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer",
          ".md-search", ".md-top", ".rw-print-tools")


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_print_media_hides_site_chrome(new_page: object, site_url: str, recorder: object, scheme: str) -> None:
    loaded = REAL[0]
    page = new_page(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page.goto(f"{site_url}{loaded.slug}/afdrukken/")
    assert page.locator(".rw-print-tools").is_visible()  # on screen: the explanation and PDF link
    page.emulate_media(media="print")
    for selector in CHROME:
        for element in page.locator(selector).all():
            assert not element.is_visible(), f"{selector} is zichtbaar bij afdrukken"
    assert page.locator("h1.rw-cover__title").is_visible()
    breaks = page.evaluate("""() => [...document.querySelectorAll('article h2, article h3')]
        .filter(h => getComputedStyle(h).breakBefore === 'page').map(h => h.id)""")
    steps = [f"stap-{s.id}" for s in loaded.route.steps]
    assert breaks == ["inhoud", "overzicht", "stappen", *steps[1:], "wie-doet-wat", "documenten", "voor-ouders",
                      *(["begrippen"] if loaded.route.terms else [])]
    # Dark mode on screen still prints black text on white.
    colour = page.evaluate("() => getComputedStyle(document.querySelector('article p')).color")
    background = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
    assert colour in ("rgba(0, 0, 0, 0.87)", "rgb(0, 0, 0)"), colour
    assert background == "rgb(255, 255, 255)"
    # The flowchart is drawn (Material's figure width must not collapse it).
    box = page.locator(".rw-print-flowchart svg").bounding_box()
    assert box and box["width"] > 200 and box["height"] > 200
    assert recorder.external_requests == []  # type: ignore[attr-defined]


@pytest.mark.browser
@pytest.mark.parametrize("path", ["", "{slug}/", "{slug}/stappen/{step}/", "{slug}/wie-doet-wat/"])
def test_any_page_prints_without_chrome(page: object, site_url: str, path: str) -> None:
    loaded = REAL[0]
    page.goto(site_url + path.format(slug=loaded.slug, step=loaded.route.steps[0].id))
    page.emulate_media(media="print")
    for selector in CHROME:
        for element in page.locator(selector).all():
            assert not element.is_visible(), f"{selector} is zichtbaar bij afdrukken van /{path}"
    assert page.locator("article h1").first.is_visible()


@routes
def test_ids_are_unique_in_the_whole_document(loaded: LoadedRoute, built_site: Path) -> None:
    """The print version joins many partials in one page; an id twice would break its anchors."""
    ids = re.findall(r'\sid="([^"]+)"', _page(built_site, loaded))
    assert len(ids) > 50
    assert sorted({i for i in ids if ids.count(i) > 1}) == []


@pytest.mark.browser
def test_print_page_fits_a_phone_screen(new_page: object, site_url: str) -> None:
    """The wide flowchart scrolls inside its own box; the page itself never scrolls sideways."""
    page = new_page(viewport={"width": 320, "height": 700})
    for loaded in REAL:
        page.goto(f"{site_url}{loaded.slug}/afdrukken/")
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, loaded.slug
