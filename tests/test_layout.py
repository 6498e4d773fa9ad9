"""The URL layout is the one place that says where pages live (generator/layout.py).

With every option of the layout changed, every generated page moves and every link between
generated pages still arrives: a module that spelled a path itself would leave a page at its
old place or a link pointing there, and fail here.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import urldefrag

import pytest

from generator.context import SiteContext
from generator.layout import Layout
from generator.nav import PUBLISH_SECTION, build_nav
from generator.pages import render_site
from generator.pages.home import fill_home, route_cards
from generator.pages.open_data import route_index
from generator.urls import page_url

from support.routes import context as small_site

MOVED = Layout(
    prefix="scholen/",
    route_format="route-{route}/",
    overview_format="start.md",
    step_format="fase/{step}/index.md",
    roles_format="rollen.md",
    documents_format="papieren.md",
    parents_format="ouders/index.md",
    print_format="print.md",
    publish_format="uitgeven.md",
    wegwijzer_format="hulp/index.md",
    paths_format="hulp/alle.md",
    embed_format="hulp/ingebed/index.md",
    route_json_format="data/route-data.json",
    glossary_format="woorden.md",
    compare_format="naast-elkaar.md",
    index_format="data/alle-routes.json",
    schema_format="data/schema.json",
    audience_format="lezer/{reader}.md",
    pdf_dir="downloads",
    role_anchor_format="wie-{role}",
    document_anchor_format="papier-{document}",
    term_anchor_format="woord-{term}",
    step_anchor_format="fase-{step}",
)
"""Every option different from the default, so no default spelling can pass by accident."""

DEFAULT_WORDS = ("stappen/", "wie-doet-wat", "documenten", "voor-ouders", "afdrukken", "publiceren", "wegwijzer/",
                 "paden", "embed", "route.json", "routes.json", "begrippen", "vergelijken", "kies/", "rol-", "doc-",
                 "term-")
"""Default spellings of places and anchors ('stap-' is left out: the test route's step ids use it)."""

PRINT_SECTIONS = {"#inhoud", "#overzicht", "#stappen", "#wie-doet-wat", "#documenten", "#voor-ouders", "#begrippen",
                  "#wijzigingen"}
"""The print version's own section headings: anchors inside one document, not places in the layout."""

_HREF = re.compile(r'href="([^"]*)"')


def _site(layout: Layout) -> tuple[SiteContext, dict[str, str]]:
    base = small_site()
    context = SiteContext(routes=base.routes, layout=layout, pdfs=frozenset({base.routes[0].slug}))
    return context, {page.src_uri: page.content for page in render_site(context)}


def test_every_page_sits_where_the_layout_says() -> None:
    context, pages = _site(MOVED)
    expected = {MOVED.glossary, MOVED.compare, MOVED.index, MOVED.schema,
                *(MOVED.audience(reader) for reader in ("leerkracht", "ouder", "school"))}
    for loaded in context.routes:
        slug = loaded.slug
        expected |= {MOVED.overview(slug), MOVED.roles(slug), MOVED.documents(slug), MOVED.parents(slug),
                     MOVED.print(slug), MOVED.publish(slug), MOVED.route_json(slug),
                     *(MOVED.step(slug, step.id) for step in loaded.route.steps)}
        if loaded.route.wegwijzer is not None:
            expected |= {MOVED.wegwijzer(slug), MOVED.paths(slug), MOVED.embed(slug)}
    assert set(pages) == expected
    assert MOVED.step("x", "s1") == "scholen/route-x/fase/s1/index.md"
    assert MOVED.route_url("x") == "scholen/route-x/" and MOVED.url(MOVED.overview("x")) == "scholen/route-x/start/" and MOVED.url(MOVED.step("x", "s1")) == "scholen/route-x/fase/s1/"


def _anchors(content: str) -> set[str]:
    return set(re.findall(r'id="([^"]+)"', content)) | set(re.findall(r"\{:? ?#([^ }]+)", content))


@pytest.mark.parametrize("layout", [Layout(), Layout(prefix="routes/"), MOVED], ids=["standaard", "prefix", "verplaatst"])
def test_every_link_between_generated_pages_arrives(layout: Layout) -> None:
    context, pages = _site(layout)
    home = fill_home(f"# Home\n\n{'<!-- routewijzer:routes -->'}\n\n<div id=\"rw-site-wegwijzer\"></div>\n",
                     context, layout.home)
    by_url = {page_url(src): src for src in pages} | {page_url(layout.home): layout.home}
    files = set(by_url) | {layout.pdf(context.routes[0].slug)}
    contents = {**pages, layout.home: home}
    checked = 0
    for src, content in contents.items():
        here = page_url(src)
        folder = here if here.endswith("/") or not here else posixpath.dirname(here) + "/"
        for href in _HREF.findall(content):
            if href.startswith(("http:", "https:", "mailto:", "javascript:")) or href.startswith("#"):
                continue
            target, anchor = urldefrag(href)
            resolved = posixpath.normpath(posixpath.join(folder, target)) + ("/" if target.endswith("/") else "")
            resolved = "" if resolved in ("./", ".") else resolved.removeprefix("./")
            assert resolved in files, f"{src}: link {href!r} leads to {resolved!r}, which no page has"
            if anchor and "=" not in anchor and resolved in by_url:  # '#pad=0' is the wegwijzer's state
                assert anchor in _anchors(contents[by_url[resolved]]), f"{src}: {href!r} has no anchor there"
            checked += 1
    assert checked > 100


def test_no_default_spelling_is_left_in_a_moved_site() -> None:
    """Links, anchors, navigation, the open-data index: nothing names a page by its default place."""
    context, pages = _site(MOVED)
    hrefs = [h for content in pages.values() for h in _HREF.findall(content)
             if not h.startswith("http") and h not in PRINT_SECTIONS]
    hrefs += _HREF.findall(route_cards(context))
    nav = repr(build_nav([p for p in render_site(context)], context))
    index = repr(route_index(context))
    for word in DEFAULT_WORDS:
        spelled = re.compile(r"(^|[/#.'\"])" + re.escape(word))
        assert not [h for h in hrefs if spelled.search(h)], word
        assert not spelled.search(index), word
    assert all(word not in nav for word in ("stappen/", "afdrukken", "wegwijzer/", "paden.md", "wie-doet-wat"))
    printed = pages[MOVED.print("testroute")]
    assert 'href="#fase-stap-2"' in printed and "{: #fase-stap-2 " in printed and 'href="#stap-stap-2"' not in printed


def test_the_navigation_places_pages_by_the_layout() -> None:
    context, _ = _site(MOVED)
    nav = build_nav(render_site(context), context)
    route = next(iter(nav[0].values()))
    top = {next(iter(item)): next(iter(item.values())) for item in route}
    slug = context.routes[0].slug
    publish = {next(iter(item)): next(iter(item.values())) for item in top[PUBLISH_SECTION]}
    assert publish["Afdrukken en PDF"] == MOVED.print(slug) and publish["Voor de school: publiceren"] == MOVED.publish(slug)
