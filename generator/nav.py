"""Builds the MkDocs navigation for generated pages, so step order follows the route file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from markupsafe import escape

from .context import SiteContext
from .layout import Layout
from .pages.base import GeneratedPage

NavItem = dict[str, Any]

PUBLISH_SECTION = "Voor de school"
"""Navigation section, last in a route, with what a school or SWV needs to publish its route."""

PLACEMENT: tuple[tuple[Callable[[Layout, str], str], tuple[str, ...], int], ...] = (
    (Layout.wegwijzer, (), 300),
    (Layout.publish, (PUBLISH_SECTION,), 950),
    (Layout.paths, (PUBLISH_SECTION,), 951),
    (Layout.print, (PUBLISH_SECTION,), 952),
)
"""Where some route pages go (the page of the layout, its section, its order): the wegwijzer
is one entry (not a section 'Wegwijzer' holding a page 'Wegwijzer'), and what only a
publisher needs (all answer paths, print and PDF) sits under 'Voor de school', away from
what parents open."""


def placements(layout: Layout, slug: str) -> dict[str, tuple[tuple[str, ...], int]]:
    """PLACEMENT for one route: source path → (section, order)."""
    return {page(layout, slug): (section, order) for page, section, order in PLACEMENT}


def _insert(tree: list[tuple[int, str, Any]], section: tuple[str, ...], page: GeneratedPage) -> None:
    if not section:
        tree.append((page.order, page.title, page.src_uri))
        return
    for order, title, children in tree:
        if title == section[0] and isinstance(children, list):
            _insert(children, section[1:], page)
            return
    children: list[tuple[int, str, Any]] = []
    tree.append((page.order, section[0], children))
    _insert(children, section[1:], page)


def _to_mkdocs(tree: list[tuple[int, str, Any]]) -> list[NavItem]:
    """MkDocs and Material treat nav titles as HTML (sidebar, footer, search), so route text is escaped."""
    ordered = sorted(tree, key=lambda item: item[0])
    return [{str(escape(title)): _to_mkdocs(value) if isinstance(value, list) else value} for _, title, value in ordered]


def build_nav(pages: list[GeneratedPage], context: SiteContext) -> list[NavItem]:
    """Navigation entries: one section per route (in file order), then site-wide pages."""
    route_dirs = {context.route_dir(r.slug): r for r in context.routes}
    placed = {src: where for r in context.routes for src, where in placements(context.layout, r.slug).items()}
    per_route: dict[str, list[tuple[int, str, Any]]] = {d: [] for d in route_dirs}
    site: list[tuple[int, str, Any]] = []
    for page in pages:
        if not page.title:
            continue
        owner = next((d for d in route_dirs if page.src_uri.startswith(d)), None)
        if owner and page.src_uri in placed:
            section, order = placed[page.src_uri]
            page = replace(page, nav_section=section, order=order)
        _insert(per_route[owner] if owner else site, page.nav_section, page)
    nav: list[NavItem] = []
    for directory, loaded in route_dirs.items():
        nav.append({str(escape(loaded.route.organisation.display_name)): _to_mkdocs(per_route[directory])})
    return nav + _to_mkdocs(site)
