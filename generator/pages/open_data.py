"""Open data: every route as JSON, an index of all routes, and the JSON Schema they follow.

Other systems (a school's own site, a samenwerkingsverband's overview, researchers) should
be able to read a route without scraping pages. So the JSON is the route file itself, with
the same Dutch keys, and it validates against the same schema editors use. The plugin and
`routewijzer export` both call these functions, so the site and an export never differ.
"""

from __future__ import annotations

import json
from typing import Any

from ..context import SiteContext
from ..model import LoadedRoute
from ..schema import route_schema
from .base import GeneratedPage


def to_json(data: Any) -> str:
    """Readable, stable JSON with Dutch characters kept as they are."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def route_data(loaded: LoadedRoute) -> dict[str, Any]:
    """The route with exactly the keys of its route file (defaults filled in, no empty values)."""
    return loaded.route.model_dump(by_alias=True, mode="json", exclude_none=True)


def route_index(context: SiteContext) -> dict[str, Any]:
    """The list of published routes; URLs are relative to the index, so any sub-path works.

    `pdf` is only listed for routes whose PDF was made (see `routewijzer pdf`).
    """
    layout = context.layout
    entries = []
    for loaded in context.routes:
        route = loaded.route
        entries.append({
            "slug": loaded.slug,
            "titel": route.title,
            "organisatie": route.organisation.name,
            "versie": route.version,
            "datum": route.date,
            "json": layout.route_json(loaded.slug),
            "handboek": layout.url(layout.overview(loaded.slug)),
            **({"pdf": layout.pdf(loaded.slug)} if loaded.slug in context.pdfs else {}),
        })
    return {"schema": layout.schema, "routes": entries}


def route_json_page(loaded: LoadedRoute, context: SiteContext) -> list[GeneratedPage]:
    """Renderer: the route's JSON (`Layout.route_json`; no title, so not in the navigation)."""
    return [GeneratedPage(src_uri=context.layout.route_json(loaded.slug), content=to_json(route_data(loaded)))]


def site_data_pages(context: SiteContext) -> list[GeneratedPage]:
    """Renderer: the index of all routes and the published schema (`Layout.index`, `Layout.schema`)."""
    return [
        GeneratedPage(src_uri=context.layout.index, content=to_json(route_index(context))),
        GeneratedPage(src_uri=context.layout.schema, content=to_json(route_schema())),
    ]


def export_files(context: SiteContext) -> dict[str, str]:
    """Every open-data file as {relative path: text}, for `routewijzer export`."""
    pages = [page for loaded in context.routes for page in route_json_page(loaded, context)]
    pages += site_data_pages(context)
    return {page.src_uri: page.content for page in pages}
